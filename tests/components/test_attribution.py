"""Minimal pairs for attribution: who says or thinks what, with the cue's endorsement class."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.components.attribution import attributed_token_mask, find_attributions, quotation_spans


def _attributions(nlp, text):
    doc = nlp(text)
    return doc, find_attributions(doc)


def _content(doc, a):
    return doc[a.content_start : a.content_end].text


def test_accuse_of_is_distancing_and_names_the_holder(nlp):
    doc, found = _attributions(nlp, "Senior city officials have accused the building company of paying bribes "
                                    "to the inspectors.")
    a = next(a for a in found if a.cue == "accused")
    assert a.verb_class == "distancing"
    assert a.holder == "Senior city officials"
    assert _content(doc, a) == "paying bribes to the inspectors"


def test_first_person_report_is_the_authors_own_voice(nlp):
    _, found = _attributions(nlp, "I think that the visitors will win.")
    assert found == []
    _, found = _attributions(nlp, "Officials think that the visitors will win.")
    assert [a.holder for a in found] == ["Officials"]


@pytest.mark.parametrize(
    "text,cue,verb_class",
    [
        ("The engineers no doubt realize that closing the bridge hinders trade.", "realize", "factive"),
        ("The senator suggested that the club should be pushed out.", "suggested", "neutral"),
        ("The minister claimed that the army had withdrawn.", "claimed", "distancing"),
        ("They hoped that they could leave behind a stable government.", "hoped", "neutral"),
    ],
)
def test_reporting_verbs_are_classed_by_endorsement(nlp, text, cue, verb_class):
    _, found = _attributions(nlp, text)
    a = next(a for a in found if a.cue == cue)
    assert a.verb_class == verb_class
    assert a.kind == "reporting_verb"


def test_evidence_suggests_is_no_source(nlp):
    _, found = _attributions(nlp, "The evidence suggests that the report is wrong.")
    assert not any(a.kind == "reporting_verb" for a in found)


def test_parenthetical_thought_attributes_the_rest_of_the_sentence(nlp):
    text = "Sooner or later, local farmers seem to think, the new dam is going to be part of the plan."
    doc, found = _attributions(nlp, text)
    a = next(a for a in found if a.cue == "think")
    assert a.holder == "local farmers"
    assert "the new dam is going to be part of the plan" in _content(doc, a)


def test_according_to_and_for_source(nlp):
    doc, found = _attributions(nlp, "According to the ministry, the border is closed.")
    a = next(a for a in found if a.kind == "according_to")
    assert a.holder == "the ministry"
    assert "the border is closed" in _content(doc, a)
    doc, found = _attributions(nlp, "For Smith, the council's policy is evidence of a hidden agenda.")
    a = next(a for a in found if a.kind == "for_source")
    assert a.holder == "Smith"
    doc, found = _attributions(nlp, "For years, the council's policy was consistent.")
    assert not any(a.kind == "for_source" for a in found)


def test_noun_complement_claims_that(nlp):
    doc, found = _attributions(nlp, "The claim that the mayor paid bribes is questionable.")
    a = next(a for a in found if a.kind == "noun_complement")
    assert a.cue == "claim" and a.verb_class == "distancing"
    assert _content(doc, a).startswith("that the mayor paid bribes")


def test_direct_quotation(nlp):
    text = "The senator said that the club should be \u201cpushed out of the league for good.\u201d"
    doc = nlp(text)
    spans = quotation_spans(doc)
    assert [doc[s:e].text for s, e in spans] == ["pushed out of the league for good."]
    mask = attributed_token_mask(doc)
    pushed = next(t for t in doc if t.text == "pushed")
    assert mask[pushed.i]


def test_see_as_construction(nlp):
    doc, found = _attributions(nlp, "Some commentators see the council's policy as aimed at revenge.")
    a = next(a for a in found if a.cue == "see")
    assert "as aimed at revenge" in _content(doc, a)
    doc, found = _attributions(nlp, "The coach agreed, hoping to see his players win the cup.")
    assert not any(a.cue == "see" for a in found)


def test_cue_candidates_change_nothing(nlp):
    """find_attributions reads candidate cues from the Doc's arrays; every sentence scanned token by token finds
    the same attributions."""
    from kalinovsky_nlp.components import attribution

    doc = nlp("According to officials, the talks failed. Critics said that the mayor had lied. "
              "The claim that the firm hid its losses is old. For Smith, the deal is done. "
              "\u201cWe will stay,\u201d he said.")
    scanned = list(attribution._quotations(doc))
    for sent in doc.sents:
        scanned += [*attribution._verb_attributions(sent), *attribution._according_to(sent),
                    *attribution._for_source(sent), *attribution._noun_complements(sent)]
    found = find_attributions(doc)
    assert found == sorted(scanned, key=lambda a: (a.content_start, a.cue_start))
    assert {a.kind for a in found} >= {"according_to", "reporting_verb", "noun_complement", "for_source", "quotation"}


@pytest.mark.parametrize("text,holder", [
    # the holder of an office is a person: titles (lexicons/person_titles.txt) hold views as other people do
    ("The mayor said that the library would reopen in May.", "The mayor"),
    ("The governor promised that taxes would fall.", "The governor"),
    ("The ambassador believes that the talks will fail.", "The ambassador"),
])
def test_a_title_is_a_person_like_holder(nlp, text, holder):
    _, found = _attributions(nlp, text)
    assert [a.holder for a in found] == [holder]


def test_an_inanimate_subject_is_not_a_holder(nlp):
    _, found = _attributions(nlp, "The evidence suggests that the library will reopen in May.")
    assert found == []  # evidence is not a person: an evidential, not an attribution
