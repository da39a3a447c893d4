"""The scikit-learn transformer: estimator rules, checks, Pipeline use."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils.estimator_checks import (
    check_estimator,
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from kalinovsky_nlp.estimators import MetadiscourseRates

TEXTS = ["Perhaps it may rain, I think.", "It will clearly rain.", "The report is about the city.",
         "Maybe the plan might possibly work."]


def test_scikit_learn_estimator_checks():
    results = check_estimator(MetadiscourseRates(), on_fail=None)
    assert results and all(r["status"] in ("passed", "skipped") for r in results)
    name = "MetadiscourseRates"
    check_no_attributes_set_in_init(name, MetadiscourseRates())
    check_parameters_default_constructible(name, MetadiscourseRates())
    check_get_params_invariance(name, MetadiscourseRates())
    check_set_params(name, MetadiscourseRates())


def test_fit_returns_self_and_sets_fitted_attributes():
    est = MetadiscourseRates()
    assert not hasattr(est, "categories_")
    assert est.fit(TEXTS) is est
    assert list(est.get_feature_names_out()) == ["hedge_per_1000_words", "booster_per_1000_words",
                                                 "attitude_per_1000_words", "self_mention_per_1000_words",
                                                 "engagement_per_1000_words"]


def test_transform_values():
    est = MetadiscourseRates(categories=["hedge", "booster"]).fit(TEXTS)
    X = est.transform(TEXTS)
    assert X.shape == (4, 2)
    # "Perhaps it may rain, I think." has 6 words and 3 hedges -> 500 per 1,000 words
    assert X[0, 0] == pytest.approx(500.0)
    assert X[1, 1] == pytest.approx(1000 / 4)
    assert X[2].sum() == 0.0


def test_in_a_pipeline_and_clone():
    y = [1, 0, 0, 1]
    pipe = Pipeline([("rates", MetadiscourseRates(categories=["hedge"])), ("clf", LogisticRegression())])
    pipe.fit(TEXTS, y)
    assert list(pipe.predict(["Perhaps, possibly, maybe.", "It rained."])) == [1, 0]
    cloned = clone(pipe)
    assert cloned.get_params()["rates__categories"] == ["hedge"]


@pytest.mark.parametrize("bad", [np.array([["a", "b"]]), "just one string", [1, 2]])
def test_bad_input(bad):
    with pytest.raises(ValueError):
        MetadiscourseRates().fit(bad)


def test_bad_parameters_fail_in_fit_not_init():
    est = MetadiscourseRates(voice="nobody")
    with pytest.raises(ValueError, match="voice"):
        est.fit(TEXTS)
