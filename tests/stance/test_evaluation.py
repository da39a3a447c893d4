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


def test_evaluative_indices_find_what_evaluative_words_finds(nlp):
    """The array reading of a whole Doc (used by the claims) equals the token-by-token one, order included."""
    from kalinovsky_nlp.stance.evaluation import evaluative_indices, evaluative_words

    doc = nlp("Moscow pursued a remarkably pragmatic policy. The war was a mistake, a terrible one. "
              "Nobody was happy; the talks went badly.\n\nIt rained.")
    expected = [(token.i, valence) for token, valence in evaluative_words(doc)]
    assert evaluative_indices(doc) == expected
    assert {doc[i].lower_ for i, _ in expected} >= {"pragmatic", "mistake", "terrible", "happy", "badly"}
    assert evaluative_indices(nlp.make_doc("")) == []
