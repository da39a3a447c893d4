"""The typed results: FactBank values, a claim's derived properties, the vocabulary of finding kinds."""

from __future__ import annotations

import dataclasses
import pickle
import typing

import pytest

from kalinovsky_nlp import results
from kalinovsky_nlp.results import (
    CERTAINTY_SCORES,
    FINDING_KINDS,
    Argument,
    Claim,
    Evaluation,
    Finding,
    FindingSide,
    Position,
    Source,
    StanceLink,
    certainty_label,
    certainty_parts,
)


def make_claim(certainty="CT+", arguments=(), evaluations=()):
    return Claim(index=0, sentence=0, paragraph=0, start=0, end=24, text="The new tram line works.", predicate="work",
                 predicate_keys=("work",), arguments=tuple(arguments), polarity="positive", time_frame="present",
                 certainty=certainty, voice="author", role="assertion", evaluations=tuple(evaluations))


@pytest.mark.parametrize("level, negative, value", [
    ("CT", False, "CT+"), ("CT", True, "CT-"), ("PR", False, "PR+"), ("PS", True, "PS-"),
    ("Uu", False, "Uu"), ("Uu", True, "Uu"),  # uncommitted has no polarity
])
def test_certainty_label(level, negative, value):
    assert certainty_label(level, negative) == value


@pytest.mark.parametrize("value, parts", [("PR-", ("PR", True)), ("CT+", ("CT", False)), ("PS+", ("PS", False)),
                                          ("Uu", ("Uu", False))])
def test_certainty_parts(value, parts):
    assert certainty_parts(value) == parts


def test_label_and_parts_are_inverse_over_every_value():
    assert set(CERTAINTY_SCORES) == set(typing.get_args(results.Certainty))
    for value in CERTAINTY_SCORES:
        assert certainty_label(*certainty_parts(value)) == value


def test_scores_run_from_certainly_not_to_certain():
    assert sorted(CERTAINTY_SCORES, key=CERTAINTY_SCORES.get) == ["CT-", "PR-", "PS-", "Uu", "PS+", "PR+", "CT+"]
    assert list(CERTAINTY_SCORES.values()) == [3, 2, 1, 0, -1, -2, -3]


@pytest.mark.parametrize("certainty, score, commitment", [("CT+", 3, 3), ("PR-", -2, 2), ("PS+", 1, 1),
                                                          ("Uu", 0, 0), ("CT-", -3, 3)])
def test_a_claims_score_is_signed_and_its_commitment_is_not(certainty, score, commitment):
    claim = make_claim(certainty)
    assert (claim.score, claim.commitment) == (score, commitment)


def test_a_claims_entities_in_order_without_repeats_or_noun_phrases():
    claim = make_claim(arguments=[
        Argument("ent:Transit Authority", "the transit authority", "subject", "Transit Authority"),
        Argument("np:tram", "the tram", "object"),
        Argument("ent:City Council", "the council", "oblique", "City Council"),
        Argument("ent:Transit Authority", "it", "oblique", "Transit Authority"),
    ])
    assert claim.entities == ("Transit Authority", "City Council")
    assert make_claim().entities == ()


@pytest.mark.parametrize("scores, total", [
    ((), 0.0),
    ((1.5,), 1.5),
    ((1.0, -0.25), 0.75),
    ((2.0, 2.0), 3.0),  # one attitude word evaluating two arguments: still within the scale
    ((-2.5, -1.0), -3.0),
    ((0.333, 0.333), 0.67),  # rounded to two places
])
def test_evaluation_score_sums_within_minus_three_and_three(scores, total):
    claim = make_claim(evaluations=[Evaluation(target="np:tram", score=s, cues=("good",)) for s in scores])
    assert claim.evaluation_score == total


def test_finding_kinds_tuple_is_the_literal():
    assert FINDING_KINDS == typing.get_args(results.FindingKind)
    assert len(set(FINDING_KINDS)) == len(FINDING_KINDS)


def test_results_are_frozen_and_picklable():
    side = FindingSide(document="d1", date="2020-01-01",
                       position=Position("PR+", "author", 0.5, 2, 2, initial_certainty="PS+"),
                       evidence=("The ferry runs on time.",), claims=(0, 1), cues=("probably",))
    claim = make_claim(arguments=[Argument("np:ferry", "the ferry", "subject")],
                       evaluations=[Evaluation("np:ferry", 1.0, ("reliable",))])
    claim = dataclasses.replace(claim, sources=(Source(None, "Uu"), Source("operator", "CT+", "said")),
                                stance=StanceLink(0, "PR+", "likely", "shell noun", "present"))
    finding = Finding(proposition="The ferry runs on time", kinds=("certainty_up",), statement="s",
                      confidence="high", confidence_reason="r", strength=1.0, shared_arguments=("np:ferry",),
                      shared_predicates=("run",), earlier=side, later=side)
    for value in (side, claim, finding):
        assert pickle.loads(pickle.dumps(value)) == value
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.__setattr__(dataclasses.fields(value)[0].name, None)
    assert finding.targets == () and finding.revisions == ()
