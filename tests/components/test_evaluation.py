"""The author's evaluation of a claim's arguments: only attitude words tied to them. Minimal pairs."""

from __future__ import annotations

import datetime

import pytest

from kalinovsky_nlp.components.evaluation import word_valence
from kalinovsky_nlp.corpus import Document
from kalinovsky_nlp.profile import profile_document


def evaluations(nlp, text):
    profile = profile_document(Document(id="t", date=datetime.date(2020, 1, 1), text=text), nlp(text))
    found: dict[str, float] = {}
    for claim in profile.claims:
        for evaluation in claim.evaluations:
            found[evaluation.target] = found.get(evaluation.target, 0.0) + evaluation.score
    return found


@pytest.mark.parametrize(
    "text,target,sign",
    [
        ("The council is pursuing a pragmatic policy.", "np:council", 1),  # conduct it pursues
        ("The council is pursuing a reckless policy.", "np:council", -1),
        ("The mayor's plan is sensible.", "np:plan", 1),  # predicated of it
        ("The mayor's plan is not sensible.", "np:plan", -1),  # negation reverses
        ("The new vaccine seems less credible.", "np:vaccine", -1),  # a comparative "less" reverses
        ("The economy expanded at a solid pace.", "np:economy", 1),  # a manner phrase
    ],
)
def test_tied_evaluations(nlp, text, target, sign):
    score = evaluations(nlp, text).get(target, 0.0)
    assert score * sign > 0


@pytest.mark.parametrize(
    "text,target",
    [
        ("The mayor's policy underscores the horrific damage of the war.", "np:policy"),  # the damage is judged
        ("The reform would make the region more attractive to smugglers.", "np:region"),  # relative to smugglers
        ("The senator, as well as the governor, attended.", "np:senator"),  # "as well as" is a connective
        ("There is no doubt the ministry approved the budget.", "np:ministry"),  # "no doubt" is a booster
        ("If the plan is brilliant, the council will adopt it.", "np:plan"),  # inside an open condition
        ("Interest rates remain low.", "np:rate"),  # a dimension, not an evaluation
    ],
)
def test_words_not_tied_to_the_target_do_not_evaluate_it(nlp, text, target):
    assert evaluations(nlp, text).get(target, 0.0) == 0.0


def test_concessions_count_half(nlp):
    plain = evaluations(nlp, "The plan is brilliant.")["np:plan"]
    conceded = evaluations(nlp, "Although the plan is brilliant, the council rejected it.")["np:plan"]
    assert conceded == pytest.approx(plain / 2)


def test_lexicon_overrides_vader():
    assert word_valence("pragmatic") > 0  # the project's appraisal supplement
    assert word_valence("horrific") < 0  # VADER
    assert word_valence("low") == 0.0  # a dimension, set to 0
    assert word_valence("zzzz") == 0.0


def test_the_author_describing_itself_is_not_an_evaluation(nlp):
    text = "The Council is prepared to act. The Council's new budget is sensible."
    profile = profile_document(Document(id="t", date=datetime.date(2020, 1, 1), text=text, author="City Council"),
                               nlp(text))
    targets = {e.target for c in profile.claims for e in c.evaluations}
    assert any(x.key == "author" for c in profile.claims for x in c.arguments)  # *the Council* is the author
    assert "author" not in targets  # *prepared* describes the author, it judges nothing
    assert "np:budget" in targets  # the author still judges what it writes about
    other = evaluations(nlp, "The mayor is prepared to act.")
    assert other.get("ent:mayor", other.get("np:mayor", 0.0)) > 0  # someone else described as prepared: evaluated


@pytest.mark.parametrize(
    "text,predicate,evaluated",
    [
        # the attitude word of the governing clause evaluates that clause's claim, not the participle it governs
        ("Exports rose strongly, partly reflecting demand from abroad.", "rise", True),
        ("Exports rose strongly, partly reflecting demand from abroad.", "reflect", False),
        ("The orchestra played brilliantly, drawing a large crowd.", "draw", False),
        # words inside the argument's own noun phrase still count
        ("The reckless driver crossed the bridge, ignoring the signs.", "ignore", True),
    ],
)
def test_a_clause_is_evaluated_by_its_own_words(nlp, text, predicate, evaluated):
    claims = profile_document(Document(id="t", date=datetime.date(2020, 1, 1), text=text), nlp(text)).claims
    claim = next(c for c in claims if c.predicate == predicate)
    assert bool(claim.evaluations) is evaluated


def authored_evaluations(nlp, text, author):
    document = Document(id="t", date=datetime.date(2020, 1, 1), text=text, author=author)
    profile = profile_document(document, nlp(text))
    return {e.target: e.score for claim in profile.claims for e in claim.evaluations}


@pytest.mark.parametrize("text,target,score", [
    # a move toward a goal the author holds is favourable, further from it unfavourable
    ("Daily ridership moved closer to the Board's target.", "np:ridership", 1.0),
    ("Daily ridership will move back to our target.", "np:ridership", 1.0),
    ("School enrolment rose to our goal this year.", "np:enrol", 1.0),
    ("Daily ridership fell further below the Board's target.", "np:ridership", -1.0),
    ("Total exports moved further away from our objective.", "np:export", -1.0),
    # back to a goal is toward it, back below it is not
    ("Daily ridership fell back below the Board's target.", "np:ridership", None),
    # the side of a goal alone says nothing: a goal may be a floor or a ceiling
    ("Daily ridership remained below the Board's target.", "np:ridership", None),
    ("Carbon emissions stayed above our target.", "np:emission", None),
    # someone else's goal is not the author's measure
    ("The rebels moved closer to their goal.", "np:rebel", None),
    ("Daily ridership moved closer to the rival company's target.", "np:ridership", None),
])
def test_a_move_relative_to_a_goal_the_author_holds_evaluates_the_subject(nlp, text, target, score):
    assert authored_evaluations(nlp, text, "Transit Board").get(target) == score
