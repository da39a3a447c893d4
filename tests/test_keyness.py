"""Keyness measures against hand calculations."""

from __future__ import annotations

import math
from collections import Counter

from kalinovsky_nlp.keyness import g2, keyness, log_odds_dirichlet, log_ratio


def test_log_ratio_by_hand():
    # 4 per 100 vs 1 per 100: log2(4) = 2; zero counts take 0.5
    assert log_ratio(1, 4, 100, 100) == 2.0
    assert math.isclose(log_ratio(0, 2, 100, 100), math.log2(2 / 0.5))


def test_g2_by_hand():
    a, b, n_a, n_b = 10, 30, 1000, 1000
    e = 20
    expected = 2 * (a * math.log(a / e) + b * math.log(b / e))
    assert math.isclose(g2(a, b, n_a, n_b), expected)
    assert g2(5, 5, 100, 100) == 0.0


def test_log_odds_sign_and_symmetry():
    a = Counter({"war": 10, "peace": 2, "the": 50})
    b = Counter({"war": 2, "peace": 10, "the": 50})
    scores = log_odds_dirichlet(a, b, a + b)
    assert scores["peace"][1] > 0 > scores["war"][1]
    assert math.isclose(scores["peace"][1], -scores["war"][1])
    assert abs(scores["the"][1]) < 1e-9


def test_log_odds_for_chosen_terms_equal_the_full_computation():
    a = Counter({"war": 10, "peace": 2, "the": 50, "once": 1})
    b = Counter({"war": 2, "peace": 10, "the": 50, "twice": 2})
    full = log_odds_dirichlet(a, b, a + b)
    chosen = log_odds_dirichlet(a, b, a + b, terms=["peace", "twice"])
    assert set(chosen) == {"peace", "twice"}
    assert chosen["peace"] == full["peace"] and chosen["twice"] == full["twice"]


def test_terms_below_min_count_are_not_tested():
    result = keyness(["war", "war", "rare"], ["peace", "peace", "other"], min_count=2)
    assert result.tests == 2
    assert [r.term for r in result.later] == ["peace"]
    assert [r.term for r in result.earlier] == ["war"]


def test_small_texts_report_no_corrected_significance():
    earlier = ["war"] * 3 + ["state"] * 20 + ["policy"] * 2
    later = ["peace"] * 3 + ["state"] * 20 + ["policy"] * 2
    result = keyness(earlier, later)
    assert result.significant_after_correction == 0
    assert "0 terms reach it" in result.note
    assert result.later[0].term == "peace" and result.earlier[0].term == "war"


def test_large_difference_survives_correction():
    earlier = ["war"] * 400 + ["state"] * 400
    later = ["peace"] * 400 + ["state"] * 400
    result = keyness(earlier, later)
    assert result.significant_after_correction >= 2


def test_tied_terms_are_listed_in_a_fixed_order():
    a = ["zebra", "zebra", "apple", "apple", "mango", "mango"] + ["common"] * 20
    b = ["common"] * 20 + ["kiwi", "kiwi"]
    result = keyness(a, b)
    assert [r.term for r in result.earlier] == ["apple", "mango", "zebra"]
    assert result.earlier[0].z == result.earlier[2].z


def test_one_word_texts_do_not_break_the_log_odds():
    result = keyness(["rain"], ["rain"])
    assert result.tests == 1 and result.significant_after_correction == 0
    empty = keyness(["may"], ["will"])
    assert empty.tests == 0 and empty.critical_z is None and "nothing to test" in empty.note
