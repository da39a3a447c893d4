"""The metadiscourse component: spans, multi-word cues, layers, voice, questions, configuration."""

from __future__ import annotations

import pytest


def test_multiword_cues_are_one_span(markers_of):
    markers = markers_of("In my view, the talks will more or less succeed; almost certainly the deal holds, "
                         "and it is possible that more likely than not it lasts.")
    texts = [m[2] for m in markers]
    for cue in ("In my view", "more or less", "almost certainly", "it is possible that", "more likely than not"):
        assert cue in texts


def test_my_in_in_my_view_is_also_a_self_mention(markers_of):
    markers = markers_of("The intelligence is questionable, in my view.")
    assert ("hedge", "personal_attribution", "in my view", "author") in markers
    assert ("self_mention", "first_person_singular", "my", "author") in markers


def test_voice_inside_reported_thought_and_quotation(markers_of):
    markers = markers_of("In the 1980s, Soviet officials thought victory was likely.")
    assert ("hedge", "probability", "likely", "attributed") in markers
    markers = markers_of("Victory was likely.")
    assert ("hedge", "probability", "likely", "author") in markers


def test_first_person_inside_quotation_is_not_the_writer(markers_of):
    markers = markers_of("The general said: \u201cI will never leave.\u201d I doubt it.")
    selves = [m for m in markers if m[0] == "self_mention"]
    assert len(selves) == 1  # only the writer's "I" of the second sentence


def test_questions_are_engagement(markers_of):
    markers = markers_of("What to make of this? The answer is simple.")
    assert ("engagement", "question", "What to make of this?", "author") in markers


def test_spans_have_offsets_into_the_text(nlp):
    text = "Perhaps the visitors will win; about 200 fans joined, reportedly."
    doc = nlp(text)
    for span in doc.spans["kn_markers"]:
        assert text[span.start_char : span.end_char] == span.text
    assert [s.text for s in doc.spans["kn_markers"]] == ["Perhaps", "about", "reportedly"]


def test_evaluative_noun_rule(markers_of):
    assert ("attitude", "evaluative_noun", "nonsense", "author") in markers_of("The claims were nonsense.")


def test_categories_can_be_restricted_and_lexicon_replaced(tmp_path):
    import spacy

    from kalinovsky_nlp.pipeline import resolve_model

    nlp = spacy.load(resolve_model())
    nlp.add_pipe("kalinovsky_metadiscourse", config={"categories": ["booster"], "spans_key": "only_boosters"})
    doc = nlp("Perhaps it is clearly wrong.")
    assert [(s.label_, s.text) for s in doc.spans["only_boosters"]] == [("booster", "clearly")]

    lexicon = tmp_path / "mini.tsv"
    lexicon.write_text("forms\tcategory\tsubcategory\trule\tsource\nsurely not\thedge\tcustom\t-\ttest\n",
                       encoding="utf-8")
    nlp2 = spacy.load(resolve_model())
    nlp2.add_pipe("kalinovsky_metadiscourse", config={"lexicon": str(lexicon)})
    doc = nlp2("That is surely not the case, perhaps.")
    assert [(s.label_, s._.kn_subcategory, s.text) for s in doc.spans["kn_markers"]] == [("hedge", "custom", "surely not")]


def test_bad_lexicon_category_is_a_clear_error(tmp_path):
    from kalinovsky_nlp.components.metadiscourse import load_lexicon

    bad = tmp_path / "bad.tsv"
    bad.write_text("forms\tcategory\tsubcategory\trule\tsource\nmaybe\thedgy\tx\t-\ttest\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown category 'hedgy'"):
        load_lexicon(str(bad))


def test_packaged_lexicon_rows_are_sourced():
    from kalinovsky_nlp.lexicons import read_table

    rows = read_table("metadiscourse.tsv")
    assert len(rows) > 40
    assert all(row["source"].strip() for row in rows)


def test_components_work_on_docs_of_another_pipeline_instance(nlp):
    """Match keys are read from the component's own StringStore, not the Doc's."""
    import spacy

    from kalinovsky_nlp.pipeline import resolve_model

    other = spacy.load(resolve_model())
    doc = other("Perhaps Tehran decided, no doubt, to fund the United Nations.")
    nlp.get_pipe("kalinovsky_entities")(doc)
    nlp.get_pipe("kalinovsky_metadiscourse")(doc)
    assert [s.text for s in doc.spans["kn_markers"]] == ["Perhaps", "no doubt"]
    assert {m["canonical"] for m in doc._.kn_entity_mentions} == {"Iran", "United Nations"}


def test_hedges_say_whether_they_are_epistemic(nlp):
    """kn_epistemic: True on hedges about truth, False on approximator-type hedges, None on other categories."""
    doc = nlp("Perhaps about 200 fighters joined; some critics argue that it clearly failed, if the count is right.")
    flags = {s.text: (s.label_, s._.kn_epistemic) for s in doc.spans["kn_markers"]}
    assert flags["Perhaps"] == ("hedge", True)
    assert flags["if"] == ("hedge", True)
    assert flags["about"] == ("hedge", False)
    assert flags["some"] == ("hedge", False)  # a vague source: the content is attributed, not hedged
    assert flags["clearly"] == ("booster", None)


def test_negated_emphasis_is_degree_and_negated_certainty_is_epistemic(markers_of, nlp):
    doc = nlp("I don't really like the ending. It is not clear whether the sequel will come.")
    flags = {s.text: (s._.kn_subcategory, s._.kn_epistemic) for s in doc.spans["kn_markers"] if s.label_ == "hedge"}
    assert flags["really"] == ("downtoner", False)
    assert flags["clear"] == ("negated_booster", True)


def test_every_hedge_subcategory_has_a_certainty_row_that_matches_its_epistemic_flag():
    """The claims read markers through certainty_cues.tsv: epistemic hedges lower certainty, the others ('-') do not."""
    from kalinovsky_nlp.components.metadiscourse import is_epistemic, load_lexicon
    from kalinovsky_nlp.lexicons import read_table

    rows = read_table("certainty_cues.tsv")
    subcategories = {e.subcategory for e in load_lexicon() if e.category == "hedge"} | {"negated_booster"}
    for subcategory in sorted(subcategories):
        wildcard = [r for r in rows if r["category"] == "hedge" and r["subcategory"] == subcategory and r["text"] == "*"]
        assert wildcard, f"certainty_cues.tsv has no 'hedge {subcategory} *' row"
        levels = {r["level"] for r in rows if r["category"] == "hedge" and r["subcategory"] == subcategory}
        if is_epistemic("hedge", subcategory):
            assert "-" not in levels, f"epistemic hedge subcategory {subcategory} must set a certainty level"
        else:
            assert levels == {"-"}, f"approximator-type subcategory {subcategory} must have no effect on certainty"


def test_markers_carry_the_epistemic_flag_into_profiles_and_annotations(nlp):
    from kalinovsky_nlp.annotate import annotate_texts

    [markers] = list(annotate_texts(["Roughly 40 people came, and the hall may close."], nlp=nlp))
    assert {(m["text"], m["epistemic"]) for m in markers} == {("Roughly", False), ("may", True)}


def test_belief_nouns_with_their_content_are_epistemic(nlp):
    doc = nlp("Engineers rejected the idea that the bridge was unsafe. In their view, it will stand.")
    found = {s.text: (s._.kn_subcategory, s._.kn_epistemic) for s in doc.spans["kn_markers"] if s.label_ == "hedge"}
    assert found["the idea that"] == ("impersonal_attribution", True)
    assert found["In their view"] == ("impersonal_attribution", True)
