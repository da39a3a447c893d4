"""When two claims express the same proposition: minimal pairs on hand-made claims."""

from __future__ import annotations

from kalinovsky_nlp.judgement.align import align, comparable_times, shared_participants
from kalinovsky_nlp.results import Argument, Claim


def claim(gist, predicate, keys, args, *, frame="present", year=None, voice="author", index=0, qualifiers=None):
    qualifiers = qualifiers or {}
    arguments = tuple(Argument(key=key, text=key.split(":")[-1], role=role,
                               entity=key[4:] if key.startswith("ent:") else None,
                               qualifiers=qualifiers.get(key, ())) for key, role in args)
    return Claim(index=index, sentence=0, paragraph=0, start=0, end=len(gist), text=gist, predicate=predicate,
                 predicate_keys=tuple(keys), arguments=arguments, polarity="positive", time_frame=frame,
                 certainty="CT+", voice=voice, role="assertion", anchor_year=year, gist=gist)


SUPPLY = claim("Russia supplies the Taliban with arms", "supply", ["supply", "arm"],
               [("ent:Russia", "subject"), ("ent:Taliban", "object"), ("np:arm", "oblique")])


def test_shared_participants_and_related_predicate_align():
    provide = claim("Russia provides arms to the Taliban", "provide", ["provide", "arm"],
                    [("ent:Russia", "subject"), ("np:arm", "object"), ("ent:Taliban", "oblique")])
    alignment = align(SUPPLY, provide, 2017)
    assert alignment is not None
    assert set(alignment.shared_participants) == {"ent:Russia", "ent:Taliban", "np:arm"}


def test_shared_participants_without_a_predicate_word_do_not_align():
    meets = claim("Russia meets the Taliban", "meet", ["meet"], [("ent:Russia", "subject"), ("ent:Taliban", "object")])
    assert align(SUPPLY, meets, 2017) is None


def test_a_relation_between_other_entities_does_not_align():
    """*Russia works with the Taliban* is not *Russia and the United States work together*."""
    with_taliban = claim("Russia works with the Taliban", "work", ["work"],
                         [("ent:Russia", "subject"), ("ent:Taliban", "oblique")])
    with_us = claim("Russia works with the United States", "work", ["work"],
                    [("ent:Russia", "subject"), ("ent:United States", "subject")])
    assert align(with_taliban, with_us, 2017) is None


def test_subject_and_object_may_not_swap():
    pushes = claim("The council pushes the mayor", "push", ["push"], [("ent:Council", "subject"), ("ent:Mayor", "object")])
    pushed = claim("The mayor pushes the council", "push", ["push"], [("ent:Mayor", "subject"), ("ent:Council", "object")])
    assert align(pushes, pushed, 2017) is None


def test_history_does_not_compare_with_a_present_assessment():
    present = claim("Russia supports the Taliban", "support", ["support"], [("ent:Russia", "subject"), ("ent:Taliban", "object")])
    recent = claim("Russia supported the Taliban", "support", ["support"],
                   [("ent:Russia", "subject"), ("ent:Taliban", "object")], frame="past", year=2016)
    history = claim("Russia supported the Taliban", "support", ["support"],
                    [("ent:Russia", "subject"), ("ent:Taliban", "object")], frame="past", year=1995)
    assert comparable_times(present, recent, 2017)
    assert not comparable_times(present, history, 2017)
    prediction = claim("Cooperation will fail", "fail", ["fail"], [("np:cooperate", "subject")], frame="future")
    assert not comparable_times(prediction, history, 2017)
    assert comparable_times(prediction, present, 2017)  # a plan, and what the later text says of it
    assert not comparable_times(present, prediction, 2017)


def test_the_authors_actions_on_the_same_thing_align():
    keep = claim("Committee keeps the target range", "keep", ["keep", "range"], [("author", "subject"), ("np:range", "object")])
    raise_ = claim("Committee raises the target range", "raise", ["raise", "range"],
                   [("author", "subject"), ("np:range", "object")])
    monitor = claim("Committee monitors inflation", "monitor", ["monitor"], [("author", "subject"), ("np:inflate", "object")])
    assert align(keep, raise_, 2015) is not None
    assert align(keep, monitor, 2015) is None


def test_light_verbs_do_not_align_on_their_own():
    a = claim("The mayor makes a statement", "make", ["make", "statement"], [("ent:Mayor", "subject"), ("np:statement", "object")])
    b = claim("The mayor makes a mistake", "make", ["make", "mistake"], [("ent:Mayor", "subject"), ("np:mistake", "object")])
    assert align(a, b, 2015) is None


def test_the_same_predicate_noun_of_two_copulas_aligns_but_a_shared_subject_noun_alone_does_not():
    success = claim("The ferry is a success", "success", ["success"], [("np:ferry", "subject"), ("np:success", "object")])
    remarkable = claim("The ferry is a remarkable success", "success", ["success"],
                       [("np:ferry", "subject"), ("np:success", "object")])
    assert align(success, remarkable, 2020) is not None
    rises = claim("Inflation rises", "rise", ["rise"], [("np:inflation", "subject")])
    falls = claim("Inflation falls", "fall", ["fall"], [("np:inflation", "subject")])
    assert align(rises, falls, 2020) is None
    failure = claim("The ferry is a failure", "failure", ["failure"], [("np:ferry", "subject"), ("np:failure", "object")])
    assert align(success, failure, 2020) is None


def test_noun_phrases_qualified_apart_are_different_participants():
    """*the unemployment rate remains high* is not *the interest rate remains high*; *the rate* may be either."""
    def remains(qualifiers):
        return claim("Rate remains high", "high", ["high", "remain"], [("np:rate", "subject")],
                     qualifiers={"np:rate": qualifiers})
    unemployment, interest, bare = remains(("unemployment",)), remains(("interest",)), remains(())
    assert align(unemployment, interest, 2017) is None
    assert shared_participants(unemployment, interest) == frozenset()
    assert align(unemployment, bare, 2017) is not None
    assert align(unemployment, remains(("youth", "unemployment")), 2017) is not None  # one names a kind of the other


def test_the_same_subject_brought_to_the_same_goal_aligns_whatever_the_verb_of_motion():
    """*rents will climb back to their peak* / *rents will rise to their peak*: one proposition; not when the goal or
    the subject differs, and a shared oblique that is not a goal (*talk to*, *supply arms to*) does not count."""
    def moves(gist, verb, subject, goal, role="goal"):
        return claim(gist, verb, [verb], [(subject, "subject"), (goal, role)], frame="future")
    climb = moves("Rents will climb back to their peak", "climb", "np:rent", "np:peak")
    rise = moves("Rents will rise to their peak", "rise", "np:rent", "np:peak")
    alignment = align(climb, rise, 2020)
    assert alignment is not None and set(alignment.shared_participants) == {"np:rent", "np:peak"}
    assert align(climb, moves("Rents will rise to a record", "rise", "np:rent", "np:record"), 2020) is None
    assert align(climb, moves("Wages will rise to their peak", "rise", "np:wage", "np:peak"), 2020) is None
    talks = claim("The mayor talks to the council", "talk", ["talk"], [("np:mayor", "subject"), ("np:council", "oblique")])
    writes = claim("The mayor writes to the council", "write", ["write"],
                   [("np:mayor", "subject"), ("np:council", "oblique")])
    assert align(talks, writes, 2020) is None
    past = claim("Rents climbed back to their peak in 1990", "climb", ["climb"],
                 [("np:rent", "subject"), ("np:peak", "goal")], frame="past", year=1990)
    assert align(past, rise, 2020) is None  # history is not compared with a prediction


def test_an_event_noun_that_carries_both_predicates_aligns():
    """*there has been progress on the bridge* / *the council has seen progress on the bridge*: the noun is what is
    claimed. A noun that is only the subject of two different verbs is not (*progress stalls* / *progress
    resumes*)."""
    there_is = claim("There has been progress", "progress", ["progress"], [("np:progress", "subject")])
    seen = claim("The council has seen progress", "see", ["see", "progress"],
                 [("np:council", "subject"), ("np:progress", "object")])
    assert align(there_is, seen, 2020) is not None
    stalls = claim("Progress stalls", "stall", ["stall"], [("np:progress", "subject")])
    resumes = claim("Progress resumes", "resume", ["resume"], [("np:progress", "subject")])
    assert align(stalls, resumes, 2020) is None
    assert align(there_is, stalls, 2020) is None
