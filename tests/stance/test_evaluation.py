"""Evaluation of targets: evaluative words tied to the target in the parse."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.stance.evaluation import evaluation_label, evaluation_of_mentions, word_valence


def evaluate(nlp, text):
    doc = nlp(text)
    return evaluation_of_mentions(next(doc.sents), doc._.kn_entity_mentions)


@pytest.mark.parametrize(
    "text,target,label",
    [
        ("Moscow is pursuing a pragmatic policy.", "Russia", "favourable"),
        ("Moscow is pursuing a reckless policy.", "Russia", "unfavourable"),
        ("Russia's policy is not pragmatic.", "Russia", "unfavourable"),
        ("Russia's policy is pragmatic.", "Russia", "favourable"),
        ("Russia met the Taliban in Doha.", "Russia", "neutral"),
    ],
)
def test_evaluation_minimal_pairs(nlp, text, target, label):
    assert evaluate(nlp, text)[target]["label"] == label


def test_evaluation_is_tied_to_its_target_only(nlp):
    result = evaluate(nlp, "Washington made a reckless decision, while Moscow pursued a pragmatic policy.")
    assert result["United States"]["label"] == "unfavourable"
    assert result["Russia"]["label"] == "favourable"


def test_lexicon_overrides_and_vader():
    assert word_valence("pragmatic") > 0  # our appraisal supplement
    assert word_valence("horrific") < 0  # VADER
    assert word_valence("zzzz") == 0.0
    assert evaluation_label(0.6) == "favourable" and evaluation_label(-0.6) == "unfavourable"
