"""Claim certainty (FactBank values from the author's perspective): minimal pairs for every rule."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.profile import profile_document
from kalinovsky_nlp.corpus import Document
import datetime


def claims(nlp, text):
    doc = nlp(text)
    profile = profile_document(Document(id="t", date=datetime.date(2020, 1, 1), text=text), doc)
    return profile.claims


CASES = [
    # plain assertion vs modal possibility vs probability vs certainty cue
    ("Russia arms the Taliban.", "CT+", "author"),
    ("Russia may arm the Taliban.", "PS+", "author"),
    ("Perhaps Russia arms the Taliban.", "PS+", "author"),
    ("Russia probably arms the Taliban.", "PR+", "author"),
    ("Russia seems to arm the Taliban.", "PR+", "author"),
    ("Russia clearly arms the Taliban.", "CT+", "author"),
    ("Russia almost certainly arms the Taliban.", "PR+", "author"),
    # negation and negative cues
    ("Russia does not arm the Taliban.", "CT-", "author"),
    ("Russia may not arm the Taliban.", "PS-", "author"),
    ("It is unlikely that Russia arms the Taliban.", "PR-", "author"),
    ("The Taliban hardly needs incentives to fight.", "CT-", "author"),
    # approximators do not lower certainty
    ("About 200 fighters joined the group.", "CT+", "author"),
    # conditional and question
    ("If Russia arms the Taliban, the war will go on.", "PS+", "author"),
    ("Does Russia arm the Taliban?", "Uu", "author"),
    # attribution: neutral and distancing reports are uncommitted, factive ones certain
    ("Officials claim that Russia arms the Taliban.", "Uu", "attributed"),
    ("Officials say that Russia arms the Taliban.", "Uu", "attributed"),
    ("Officials acknowledged that Russia arms the Taliban.", "CT+", "attributed"),
    ("I think that Russia arms the Taliban.", "PR+", "author"),
    # a hedge inside a relative clause does not scope over the main claim
    ("Russia, which may have other motives, arms the Taliban.", "CT+", "author"),
]


@pytest.mark.parametrize("text,certainty,source", CASES, ids=[c[0][:45] for c in CASES])
def test_certainty_minimal_pairs(nlp, text, certainty, source):
    first = claims(nlp, text)[0]
    assert (first["certainty"], first["source"]) == (certainty, source)


def test_coordinated_clauses_are_separate_claims(nlp):
    text = ("The veracity of this intelligence is questionable, in my view, but there is plausible evidence that "
            "Russia has been providing arms to the Taliban.")
    found = claims(nlp, text)
    assert len(found) == 2
    assert found[0]["certainty"] == "PS-" and "questionable" in found[0]["cues"]
    assert found[1]["certainty"] == "PR+" and "plausible" in found[1]["cues"]
    assert found[1]["text"].startswith("but there is plausible evidence")
    assert all(c["sentence_text"] == text for c in found)


def test_claims_carry_entities_scores_and_commitment(nlp):
    found = claims(nlp, "Moscow probably arms the Taliban.")
    claim = found[0]
    assert claim["entities"] == ["Russia", "Taliban"]
    assert claim["score"] == 2 and claim["commitment"] == 2
    assert "ent:russia" in claim["lemmas"].split()


def test_cue_table_rows_map_to_levels():
    from kalinovsky_nlp.stance.claims import cue_effect

    assert cue_effect("hedge", "epistemic_modal", "might") == ("PS", False)
    assert cue_effect("hedge", "probability", "unlikely") == ("PR", True)
    assert cue_effect("hedge", "approximator", "about") == (None, False)
    assert cue_effect("booster", "certainty_adverb", "clearly") == ("CT", False)


def test_cue_text_is_matched_whatever_its_case_and_spacing():
    from kalinovsky_nlp.stance.claims import cue_effect

    assert cue_effect("hedge", "epistemic_modal", "May  Well") == ("PR", False)
    assert cue_effect("hedge", "epistemic_modal", "May") == ("PS", False)
    assert cue_effect("hedge", "probability", "It is\nunlikely that") == ("PR", True)


def test_token_level_functions_agree_with_the_claims(nlp):
    """``clauses``, ``clause_certainty`` and ``clause_tone`` (public, on Token lists) decide as ``extract_claims``
    (which runs on token indices)."""
    from kalinovsky_nlp.stance.claims import clause_certainty, clauses
    from kalinovsky_nlp.stance.evaluation import clause_tone

    text = ("The veracity of this intelligence is questionable, in my view, but there is plausible evidence that "
            "Russia has been providing arms to the Taliban.")
    doc = nlp(text)
    markers = [{"category": s.label_, "subcategory": s._.kn_subcategory or "", "text": s.text,
                "voice": s._.kn_voice or "author", "token": s.start} for s in doc.spans["kn_markers"]]
    found = clauses(next(iter(doc.sents)))
    expected = claims(nlp, text)
    assert [tokens[0].text for _, tokens in found] == ["The", "but"]
    assert [clause_certainty(head, tokens, markers, None)["certainty"] for head, tokens in found] == ["PS-", "PR+"]
    assert [c["certainty"] for c in expected] == ["PS-", "PR+"]
    assert [clause_tone(tokens) for _, tokens in found] == [c["tone"] for c in expected]
    assert expected[0]["tone"]["cues"] == ["questionable"]
