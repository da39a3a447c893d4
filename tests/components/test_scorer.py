"""The metadiscourse component's scorer: nlp.evaluate reports kn_markers_* (P/R/F overall and per category) from
hand-made gold spans."""

from __future__ import annotations

import pytest
import spacy
from spacy.training import Example
from spacy.util import registry

from kalinovsky_nlp.components.factories import MARKERS_SCORER
from kalinovsky_nlp.components.metadiscourse import marker_spans_score
from kalinovsky_nlp.pipeline import resolve_model


def _example(nlp, text: str, gold: list[tuple[str, str]], spans_key: str = "kn_markers") -> Example:
    """An Example whose reference marks each (cue, category) at the cue's first occurrence in the text."""
    spans = [(text.index(cue), text.index(cue) + len(cue), category) for cue, category in gold]
    return Example.from_dict(nlp.make_doc(text), {"spans": {spans_key: spans}})


def test_nlp_evaluate_reports_marker_scores(nlp):
    examples = [
        # predicted: may (hedge), clearly (booster): both right
        _example(nlp, "The vaccine may work, and it clearly helps older patients.",
                 [("may", "hedge"), ("clearly", "booster")]),
        # predicted: Perhaps (hedge), about (approximator hedge); the gold marks Perhaps and an attitude the
        # component misses, and does not count "about"
        _example(nlp, "Perhaps the orchestra played about twenty pieces, a wonderful choice.",
                 [("Perhaps", "hedge"), ("wonderful", "attitude")]),
    ]
    scores = nlp.evaluate(examples)
    assert scores["kn_markers_p"] == pytest.approx(3 / 4)
    assert scores["kn_markers_r"] == pytest.approx(3 / 4)
    assert scores["kn_markers_f"] == pytest.approx(3 / 4)
    per_type = scores["kn_markers_per_type"]
    assert per_type["hedge"] == pytest.approx({"p": 2 / 3, "r": 1.0, "f": 0.8})
    assert per_type["booster"] == pytest.approx({"p": 1.0, "r": 1.0, "f": 1.0})
    assert per_type["attitude"] == pytest.approx({"p": 0.0, "r": 0.0, "f": 0.0})


def test_overlapping_markers_are_scored_each(nlp):
    """*in my view* (hedge) and its *my* (self-mention) overlap; both count."""
    text = "In my view, the new bridge is certainly too narrow."
    example = _example(nlp, text, [("In my view", "hedge"), ("my", "self_mention"), ("certainly", "booster")])
    example.predicted = nlp(example.predicted)
    scores = marker_spans_score([example])
    assert (scores["kn_markers_p"], scores["kn_markers_r"]) == (1.0, 1.0)
    assert sorted(scores["kn_markers_per_type"]) == ["booster", "hedge", "self_mention"]


def test_reference_docs_without_marker_spans_are_skipped(nlp):
    annotated = _example(nlp, "Rents will probably rise.", [("probably", "hedge")])
    unannotated = Example(nlp.make_doc("Rents will surely rise."), nlp.make_doc("Rents will surely rise."))
    scores = nlp.evaluate([annotated, unannotated])
    assert (scores["kn_markers_p"], scores["kn_markers_r"]) == (1.0, 1.0)


def test_the_scorer_is_registered_and_weighted(nlp):
    assert registry.scorers.get(MARKERS_SCORER)() is marker_spans_score
    assert nlp.get_pipe_config("kalinovsky_metadiscourse")["scorer"] == {"@scorers": MARKERS_SCORER}
    weights = nlp.get_pipe_meta("kalinovsky_metadiscourse").default_score_weights
    assert weights == {"kn_markers_f": 1.0, "kn_markers_p": 0.0, "kn_markers_r": 0.0, "kn_markers_per_type": None}
    assert "kn_markers_f" in nlp.config["training"]["score_weights"]


def test_scores_follow_the_components_spans_key():
    nlp = spacy.load(resolve_model())
    nlp.add_pipe("kalinovsky_metadiscourse", config={"spans_key": "kn_boosters", "categories": ["booster"]})
    example = _example(nlp, "The striker is undoubtedly fast, perhaps the fastest.", [("undoubtedly", "booster")],
                       spans_key="kn_boosters")
    scores = nlp.evaluate([example])
    assert scores["kn_boosters_f"] == 1.0
    assert "kn_markers_f" not in scores


def test_no_scorer_means_no_marker_scores():
    nlp = spacy.load(resolve_model())
    nlp.add_pipe("kalinovsky_metadiscourse", config={"scorer": None})
    scores = nlp.evaluate([_example(nlp, "Prices may fall.", [("may", "hedge")])])
    assert not any(key.startswith("kn_markers") for key in scores)
