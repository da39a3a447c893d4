"""Per-document profiles: marker measures on hand-made markers, and profiles of short parsed texts."""

from __future__ import annotations

import datetime
import json

import pytest

from kalinovsky_nlp.corpus import Document
from kalinovsky_nlp.execution import InProcess
from kalinovsky_nlp.judgement.propositions import within_document_links
from kalinovsky_nlp.profile import (
    Marker,
    Sentence,
    author_aliases,
    entity_mentions,
    extract_markers,
    marker_measures,
    prepare,
    profile_chunk,
    profile_document,
    profile_documents,
    sentence_content,
    term_counts,
)
from kalinovsky_nlp.schema import plain

FARES = ("The city council will probably raise bus fares next year. Officials said the budget was certainly too "
         "small. I think the Transit Authority should buy new trams. The Transit Authority clearly disagrees.")


def document(text, *, id="fares", date=datetime.date(2021, 3, 1), **fields):
    return Document(id=id, date=date, text=text, **fields)


@pytest.fixture(scope="module")
def fares(nlp):
    return profile_document(document(FARES, title="Fares", author="Jane Roe"), nlp(FARES))


def marker(category, voice="author", sentence=0, subcategory="x", epistemic=None):
    return Marker(category=category, subcategory=subcategory, text="w", start=0, end=1, voice=voice,
                  sentence=sentence, epistemic=epistemic)


def sentence(index, hedges=0):
    return Sentence(index=index, start=0, end=1, text="s", hedges=hedges, boosters=0, uncertain=hedges > 0)


# --- marker_measures on hand-made markers ------------------------------------------------------------------------

def test_marker_measures_count_all_voices_and_the_authors_own():
    markers = [marker("hedge", subcategory="probability", epistemic=True),
               marker("hedge", voice="attributed", subcategory="approximator", epistemic=False),
               marker("booster", sentence=1), marker("booster", sentence=2), marker("attitude", sentence=2)]
    measures = plain(marker_measures(markers, 200, [sentence(0, hedges=2), sentence(1), sentence(2), sentence(3)]))
    assert measures["words"] == 200
    assert measures["by_category"]["hedge"] == {"count": 2, "rate": 10.0, "author_count": 1, "author_rate": 5.0}
    assert measures["by_category"]["booster"] == {"count": 2, "rate": 10.0, "author_count": 2, "author_rate": 10.0}
    assert measures["by_category"]["engagement"] == {"count": 0, "rate": 0.0, "author_count": 0, "author_rate": 0.0}
    assert measures["by_subcategory"] == {"attitude": {"x": 1}, "booster": {"x": 2},
                                          "hedge": {"approximator": 1, "probability": 1}}
    assert measures["hedge_booster_ratio"] == 0.5  # the author's own: one hedge, two boosters
    assert (measures["sentences_with_hedge"], measures["share_sentences_with_hedge"]) == (1, 0.25)
    assert measures["epistemic_hedge"] == {"count": 1, "rate": 5.0, "author_count": 1, "author_rate": 5.0}
    assert (measures["sentences_with_epistemic_hedge"], measures["share_sentences_with_epistemic_hedge"]) == (1, 0.25)


def test_marker_measures_without_boosters_words_or_sentences():
    measures = plain(marker_measures([marker("hedge")], 0, []))
    assert measures["hedge_booster_ratio"] is None  # no ratio without a booster, not infinity
    assert measures["by_category"]["hedge"]["rate"] == 0.0
    assert measures["share_sentences_with_hedge"] == 0.0
    assert measures["share_sentences_with_epistemic_hedge"] == 0.0
    assert set(measures["by_category"]) == {"hedge", "booster", "attitude", "self_mention", "engagement"}


def test_marker_measures_keep_an_unknown_category():
    measures = plain(marker_measures([marker("evidential")], 1000, [sentence(0)]))
    assert measures["by_category"]["evidential"] == {"count": 1, "rate": 1.0, "author_count": 1, "author_rate": 1.0}


def test_epistemic_sentences_are_counted_once_each():
    markers = [marker("hedge", sentence=0, epistemic=True), marker("hedge", sentence=0, epistemic=True),
               marker("hedge", sentence=1, epistemic=None)]
    measures = plain(marker_measures(markers, 100, [sentence(0, 2), sentence(1, 1)]))
    assert measures["sentences_with_epistemic_hedge"] == 1
    assert measures["epistemic_hedge"]["count"] == 2


# --- author_aliases ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("author, aliases, names", [
    ("Jane Roe", None, ("Jane Roe",)),
    (None, None, ()),
    ("Federal Open Market Committee", "FOMC | the Committee; FOMC", ("Federal Open Market Committee", "FOMC",
                                                                       "the Committee")),
    ("City Council", ["Council", " Councillors ", ""], ("City Council", "Council", "Councillors")),
    (None, ("Transit Authority",), ("Transit Authority",)),
])
def test_author_aliases(author, aliases, names):
    metadata = {} if aliases is None else {"author_aliases": aliases}
    assert author_aliases(document("x", author=author, metadata=metadata)) == names


# --- profiles of short texts -------------------------------------------------------------------------------------

def test_markers_point_into_the_text_with_their_sentence(fares):
    assert [(m.category, m.text, m.voice, m.sentence) for m in fares.markers] == [
        ("hedge", "probably", "author", 0), ("hedge", "Officials", "author", 1),
        ("booster", "certainly", "attributed", 1), ("self_mention", "I", "author", 2),
        ("hedge", "think", "author", 2), ("booster", "clearly", "author", 3)]
    for m in fares.markers:
        assert FARES[m.start : m.end] == m.text
    assert [m.epistemic for m in fares.markers if m.category == "hedge"] == [True, False, True]


def test_sentences_carry_their_text_hedges_and_content_words(fares):
    assert [(s.index, s.hedges, s.boosters, s.uncertain) for s in fares.sentences] == [
        (0, 1, 0, True), (1, 1, 1, True), (2, 1, 0, True), (3, 0, 1, False)]
    for s in fares.sentences:
        assert FARES[s.start : s.end] == s.text
    assert fares.sentences[3].text == "The Transit Authority clearly disagrees."
    assert fares.sentences[0].content == ("bus", "city", "council", "fare", "probably", "raise", "year")


def test_entities_group_their_mentions(fares):
    assert [e.name for e in fares.entities] == ["Transit Authority"]
    authority = fares.entity("Transit Authority")
    assert (authority.label, authority.count, authority.sentences) == ("ORG", 2, [2, 3])
    assert authority.first_position == FARES.index("Transit Authority")
    assert authority.first_position_relative == round(FARES.index("Transit Authority") / len(FARES), 3)
    assert authority.rate_per_1000_words == round(1000 * 2 / fares.stats.words, 2)
    assert [FARES[m.start : m.end] for m in authority.mentions] == ["Transit Authority"] * 2
    assert fares.entity("City Council") is None


def test_attributions_quote_their_content(fares):
    assert len(fares.attributions) == 1
    said = fares.attributions[0]
    assert (said["cue"], said["holder"], said["sentence"]) == ("said", "Officials", 1)
    assert said["content"] == "the budget was certainly too small" == FARES[said["start"] : said["end"]]


def test_claims_and_terms(fares):
    assert [c.gist for c in fares.claims] == ["City council raises bus fares", "Budget is small",
                                              "Transit Authority buys new trams", "Transit Authority disagrees"]
    assert [c.voice for c in fares.claims] == ["author", "reported", "author", "author"]
    assert fares.terms["Transit Authority"] == 2  # a name counts once per mention, under its canonical name
    assert "transit" not in fares.terms and "authority" not in fares.terms
    assert "the" not in fares.terms and "will" not in fares.terms  # stop words
    assert fares.terms["fare"] == 1  # lemmas


def test_claim_links_are_the_within_document_links(nlp):
    text = "The Red Cross hired nurses in March. The Red Cross recruited nurses in May."
    profile = profile_document(document(text), nlp(text))
    assert profile.claim_links == within_document_links(profile.claims, 2021)
    assert profile.claim_links == [(0, 1, 4.0)]  # the Red Cross and the nurses, and the word 'nurse'


def test_the_author_and_its_aliases_are_one_entity(nlp):
    text = "The Transit Authority raised fares. The Authority says the trams are full."
    plain = profile_document(document(text), nlp(text))
    assert [(e.name, e.count) for e in plain.entities] == [("Transit Authority", 1), ("Authority", 1)]
    own = profile_document(document(text, author="Transit Authority"), nlp(text))
    assert [(e.name, e.count) for e in own.entities] == [("Transit Authority", 2)]


def test_a_doc_of_another_text_is_refused(nlp):
    with pytest.raises(ValueError, match="document 'fares': the parsed Doc's text differs"):
        profile_document(document("Fares rose in May."), nlp("Fares rose in June."))
    with pytest.raises(ValueError, match="differs"):
        profile_document(document("Fares rose in May."), nlp("Fares rose in May. And again."))


def test_a_document_without_words_has_no_readability(nlp):
    empty = profile_document(document(""), nlp(""))
    assert empty.readability == {k: None for k in empty.readability} and empty.readability
    assert (empty.stats.words, empty.markers, empty.entities, empty.claims, empty.terms) == (0, [], [], [], {})


def test_to_dict_is_plain_json(fares):
    data = fares.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["id"], data["date"], data["title"], data["author"], data["text"]) == (
        "fares", "2021-03-01", "Fares", "Jane Roe", FARES)
    assert len(data["claims"]) == len(fares.claims) and data["claims"][0]["gist"] == fares.claims[0].gist
    assert data["sentences"][0]["content"] == list(fares.sentences[0].content)
    assert data["entities"][0]["mentions"][0] == {"text": "Transit Authority", "start": 121, "end": 138,
                                                  "kind": "name", "metonymy": False}


def test_repr_is_one_line_with_a_short_title(fares, nlp):
    assert repr(fares) == ("<DocumentProfile 'fares' 2021-03-01 'Fares': 32 words, 4 sentences, 6 markers, "
                           "1 entities, 4 claims>")
    long_title = "A very long title about the municipal transport budget of the year"
    profile = profile_document(document("Buses run.", title=long_title), nlp("Buses run."))
    shown = repr(profile).split("'")[3]
    assert shown.endswith("\u2026") and len(shown) <= 48 and long_title.startswith(shown[:-1])
    assert profile.id == "fares" and profile.date == datetime.date(2021, 3, 1)


# --- the Doc-level helpers ---------------------------------------------------------------------------------------

def test_extract_markers_matches_the_profile_and_needs_the_spans(nlp, fares):
    doc = nlp(FARES)
    assert extract_markers(doc) == fares.markers
    assert extract_markers(doc, spans_key="no_such_key") == []


def test_term_counts_and_sentence_content(nlp):
    doc = nlp("Rates rose 4 percent in 2019, and the Bank of England raised them again.")
    mentions = entity_mentions(doc)
    terms = term_counts(doc, mentions)
    assert terms == {"Bank of England": 1, "rate": 1, "rise": 1, "percent": 1, "raise": 1}
    assert term_counts(doc, []) == {"rate": 1, "rise": 1, "percent": 1, "bank": 1, "england": 1, "raise": 1}
    # sentence content keeps numbers and the words of names
    assert sentence_content(doc, list(doc.sents)) == [("2019", "4", "bank", "england", "percent", "raise", "rate",
                                                        "rise")]
    empty = nlp("")
    assert term_counts(empty, []) == {}
    assert sentence_content(empty, [None, None]) == [(), ()]


# --- many documents ----------------------------------------------------------------------------------------------

TEXTS = ["Trams may run late in winter.", "The ferry certainly runs on time.", "Hospitals could hire more nurses.",
         "The stadium was perhaps too expensive."]


def test_profile_documents_keeps_the_input_order_across_chunks(nlp):
    docs = [document(t, id=f"d{i}", date=datetime.date(2020, 1, 1 + i)) for i, t in enumerate(TEXTS)]
    profiles = list(profile_documents(docs, nlp, batch_size=2, chunk_size=3))
    assert [p.id for p in profiles] == ["d0", "d1", "d2", "d3"]
    for d, p in zip(docs, profiles):
        assert p.to_dict() == profile_document(d, nlp(d.text)).to_dict()


def test_profile_chunk_uses_the_pipeline_of_the_process(nlp):
    docs = [document(t, id=f"d{i}") for i, t in enumerate(TEXTS[:2])]
    with InProcess(nlp) as executor:
        (profiles,) = list(executor.map(profile_chunk, [(docs, 4, "a-model-never-loaded")]))
    assert [p.id for p in profiles] == ["d0", "d1"]
    assert [m.text for m in profiles[0].markers] == [m.text for m in profile_document(docs[0], nlp(TEXTS[0])).markers]
    with InProcess(nlp) as executor:
        assert list(executor.map(profile_chunk, [([], 4, None)])) == [[]]


def test_prepare_returns_the_pipeline_it_is_given(nlp):
    assert prepare(nlp=nlp) is nlp
