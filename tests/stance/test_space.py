"""The claim space's TF-IDF vectors are scikit-learn's TfidfVectorizer's, computed without its per-call cost."""

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from kalinovsky_nlp.stance.space import ClaimSpace, claim_tokens


def _claim(lemmas: str, text: str = "") -> dict:
    return {"lemmas": lemmas, "text": text or lemmas}


def _reference(claims: list[dict]) -> tuple[np.ndarray, list[str]]:
    vectorizer = TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True)
    dense = vectorizer.fit_transform([c["lemmas"] or c["text"] for c in claims]).toarray()
    return dense, list(vectorizer.get_feature_names_out())


def test_vectors_equal_the_vectorizers_bit_for_bit_on_random_claims():
    rng = random.Random(7)
    vocabulary = [f"term{i}" for i in range(40)] + ["ent:united_states", "ent:taliban", "moscow"]
    for _ in range(25):
        claims = [_claim(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 12))))
                  for _ in range(rng.randint(2, 30))]
        expected, terms = _reference(claims)
        space = ClaimSpace(claims)
        assert space.terms == terms
        np.testing.assert_array_equal(space.dense, expected)  # bit for bit: ties are broken alike


def test_claim_without_lemmas_falls_back_to_its_lower_cased_words():
    claims = [_claim("", "Moscow  Talks"), _claim("moscow talk")]
    expected, terms = _reference(claims)
    space = ClaimSpace(claims)
    assert claim_tokens(claims[0]) == ["moscow", "talks"]
    assert space.terms == terms == ["moscow", "talk", "talks"]
    np.testing.assert_array_equal(space.dense, expected)


def test_repeated_term_is_weighted_sublinearly():
    space = ClaimSpace([_claim("war war war peace"), _claim("peace")])
    assert space.terms == ["peace", "war"]
    # war: tf 1 + ln 3, idf ln(3/2) + 1 (in one claim of two); peace: tf 1, idf ln(3/3) + 1 = 1 (in both)
    assert space.dense[0, 1] / space.dense[0, 0] == pytest.approx((1 + np.log(3)) * (np.log(1.5) + 1))
    assert space.dense[1].tolist() == [1.0, 0.0]
    assert np.linalg.norm(space.dense, axis=1) == pytest.approx([1.0, 1.0])


def test_a_claim_without_terms_among_others_gets_a_zero_row():
    claims = [_claim("russia talk"), _claim("", " "), _claim("talk talk taliban")]
    expected, terms = _reference(claims)
    space = ClaimSpace(claims)
    assert space.terms == terms
    np.testing.assert_array_equal(space.dense, expected)
    assert not space.dense[1].any()


def test_no_terms_at_all_gives_empty_vectors():
    space = ClaimSpace([_claim("", ""), _claim("", " ")])
    assert space.terms == []
    assert space.dense.shape == (2, 0)
    assert space.similarity(space.claims[:1], space.claims[1:]).shape == (1, 1)


def test_similarity_is_cosine_found_by_claim_identity():
    a, b, c = _claim("russia taliban talk"), _claim("russia taliban talk"), _claim("water dam")
    space = ClaimSpace([a, b, c])
    sims = space.similarity([a], [b, c])
    assert sims[0, 0] == pytest.approx(1.0)
    assert sims[0, 1] == pytest.approx(0.0)
    assert [a, c] in space and [_claim("russia")] not in space
