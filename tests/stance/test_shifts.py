"""Shift classification on hand-made profiles: each kind from data, with evidence."""

from __future__ import annotations

import datetime

from kalinovsky_nlp.corpus import Document
from kalinovsky_nlp.profile import DocumentProfile
from kalinovsky_nlp.stance.shifts import target_shifts
from kalinovsky_nlp.stance.targets import Target


def claim(text, certainty="CT+", source="author", entities=("Russia",), evaluation=0.0, index=0):
    scores = {"CT+": 3, "PR+": 2, "PS+": 1, "Uu": 0, "PS-": -1, "PR-": -2, "CT-": -3}
    ev = {"Russia": {"score": evaluation, "label": "neutral", "cues": ["x"] if evaluation else []}} if evaluation else {}
    return {"sentence": index, "clause": 0, "text": text, "sentence_text": text, "start": 0, "end": len(text),
            "certainty": certainty, "score": scores[certainty], "commitment": abs(scores[certainty]),
            "cues": [], "source": source, "holder": None if source == "author" else "officials", "cue": None,
            "verb_class": None, "entities": list(entities), "evaluation": ev,
            "lemmas": " ".join(w.lower().strip(".,") for w in text.split())}


def profile(doc_id, year, claims):
    doc = Document(id=doc_id, date=datetime.date(year, 1, 1), text="x")
    return DocumentProfile(document=doc, stats={"words": 100}, readability={}, markers=[], marker_measures={},
                           entities=[], sentences=[], claims=claims)


RUSSIA = Target(id="entity:russia", kind="entity", label="Russia", entity="Russia")


def kinds(a, b, **kw):
    return {s["kind"]: s for s in target_shifts(RUSSIA, a, b, **kw)}


def test_certainty_up_and_reported_to_asserted():
    a = profile("a", 2017, [claim("Officials say Russia arms them.", "Uu", "attributed"),
                            claim("Officials claim Russia arms them.", "Uu", "attributed"),
                            claim("Russia may arm them.", "PS+"), claim("Russia might arm them.", "PS+")])
    b = profile("b", 2020, [claim("Russia arms them.", "CT+"), claim("Russia clearly arms them.", "CT+"),
                            claim("Russia arms them again.", "CT+")])
    found = kinds(a, b)
    assert found["certainty_up"]["from"]["value"] == 1.0 and found["certainty_up"]["to"]["value"] == 3.0
    assert found["reported_to_asserted"]["from"]["value"] == 0.5 and found["reported_to_asserted"]["to"]["value"] == 0.0
    assert found["certainty_up"]["from"]["evidence"] and found["certainty_up"]["to"]["evidence"]


def test_certainty_shift_must_stand_out_from_the_whole_text():
    a = profile("a", 2017, [claim("Russia arms them.", "CT+"), claim("Russia arms them now.", "CT+")])
    b = profile("b", 2020, [claim("Russia may arm them.", "PS+"), claim("Russia might arm them.", "PS+")])
    assert "certainty_down" in kinds(a, b)
    assert "certainty_down" not in kinds(a, b, baseline_change=-2.0)


def test_new_and_dropped():
    a = profile("a", 2017, [claim("Nothing here.", entities=())])
    b = profile("b", 2020, [claim("Russia arms them.", entities=("Russia",)), claim("Russia acts.", entities=("Russia",))])
    assert list(kinds(a, b)) == ["new"]
    assert list(kinds(b, a)) == ["dropped"]


def test_evaluation_reversed_softened_hardened():
    neg = [claim("Russia is reckless.", evaluation=-2.0), claim("Russia is cynical.", evaluation=-1.5)]
    pos = [claim("Russia is pragmatic.", evaluation=1.5), claim("Russia is prudent.", evaluation=1.5)]
    mild = [claim("Russia is a little unwise.", evaluation=-0.6), claim("Russia errs.", evaluation=-0.6)]
    assert "evaluation_reversed" in kinds(profile("a", 2017, neg), profile("b", 2020, pos))
    assert "evaluation_softened" in kinds(profile("a", 2017, neg), profile("b", 2020, mild))
    assert "evaluation_hardened" in kinds(profile("a", 2017, mild), profile("b", 2020, neg))


def test_no_change_no_shift():
    same = [claim("Russia arms them."), claim("Russia arms them again.")]
    assert target_shifts(RUSSIA, profile("a", 2017, same), profile("b", 2020, same)) == []
