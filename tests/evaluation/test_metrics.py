"""Precision, recall and F1 from counts."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.evaluation.metrics import PRF


def test_scores_from_counts():
    prf = PRF(tp=6, fp=2, fn=4)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_no_predictions_or_no_gold_give_zero_not_an_error():
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    only_missed = PRF(fn=3)
    assert (only_missed.precision, only_missed.recall, only_missed.f1) == (0.0, 0.0, 0.0)
    only_wrong = PRF(fp=3)
    assert (only_wrong.precision, only_wrong.recall, only_wrong.f1) == (0.0, 0.0, 0.0)


def test_perfect():
    assert (PRF(tp=4).precision, PRF(tp=4).recall, PRF(tp=4).f1) == (1.0, 1.0, 1.0)


def test_counts_accumulate():
    prf = PRF()
    prf.tp += 1
    prf.fn += 1
    assert prf.recall == 0.5 and prf.precision == 1.0


def test_to_dict_rounds_the_scores_to_three_places():
    assert PRF(tp=1, fp=2, fn=0).to_dict() == {"tp": 1, "fp": 2, "fn": 0, "precision": 0.333, "recall": 1.0,
                                               "f1": 0.5}
