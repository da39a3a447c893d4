"""Propositions of a comparison step: restated sentences, grouping of claims, the author's position, the naming claim.

Minimal pairs on hand-made claims: each case that groups (or restates, or decides a position) has a near-identical
twin that does not.
"""

from __future__ import annotations

import pytest

from kalinovsky_nlp.judgement.propositions import (
    MAX_CLAIMS_PER_SIDE,
    Proposition,
    find_propositions,
    position_of,
    representative,
    restatements,
    within_document_links,
)
from kalinovsky_nlp.results import Argument, Claim, Evaluation, Position, StanceLink


def claim(gist, predicate, keys, args, *, index=0, sentence=None, frame="present", year=None, voice="author",
          certainty="CT+", polarity="positive", role="assertion", evaluations=(), stance=None):
    arguments = tuple(Argument(key=key, text=key.split(":")[-1], role=role_,
                               entity=key[4:] if key.startswith("ent:") else None) for key, role_ in args)
    return Claim(index=index, sentence=index if sentence is None else sentence, paragraph=0, start=0, end=len(gist),
                 text=gist, predicate=predicate, predicate_keys=tuple(keys), arguments=arguments, polarity=polarity,
                 time_frame=frame, certainty=certainty, voice=voice, role=role, anchor_year=year, gist=gist,
                 evaluations=tuple(evaluations), stance=stance)


def hires(index=0, **kw):
    return claim("The hospital hires nurses", "hire", ["hire", "nurse"],
                 [("ent:Hospital", "subject"), ("np:nurse", "object")], index=index, **kw)


def recruits(index=0, **kw):
    return claim("The hospital recruits nurses", "recruit", ["recruit", "nurse"],
                 [("ent:Hospital", "subject"), ("np:nurse", "object")], index=index, **kw)


def closes_wards(index=0, **kw):
    return claim("The hospital closes wards", "close", ["close", "ward"],
                 [("ent:Hospital", "subject"), ("np:ward", "object")], index=index, **kw)


def praises(index=0, **kw):
    return claim("The mayor praises the council", "praise", ["praise"],
                 [("ent:Mayor", "subject"), ("ent:Council", "object")], index=index, **kw)


def criticises(index=0, **kw):
    return claim("The mayor criticises the council", "criticise", ["criticise"],
                 [("ent:Mayor", "subject"), ("ent:Council", "object")], index=index, **kw)


def stance_on(target, certainty, *, index, frame="present", cue="doubt"):
    return claim("these reports are doubtful", "doubt", ["doubt"], [("np:report", "subject")], index=index,
                 role="stance", stance=StanceLink(target=target, certainty=certainty, cue=cue, via="shell noun",
                                                  time_frame=frame))


# --- restatements ------------------------------------------------------------------------------------------------------

EARLIER_FARES = ("bus", "city", "fare", "percent", "rise")


def test_a_sentence_restated_with_one_word_edited_pairs_with_its_jaccard_similarity():
    later = ("bus", "council", "fare", "percent", "rise")  # 4 common of 6
    assert restatements([EARLIER_FARES], [later]) == {(0, 0): pytest.approx(4 / 6)}


def test_a_sentence_with_too_few_common_words_is_no_restatement():
    later = ("budget", "bus", "council", "fare", "rise")  # 3 common of 7
    assert restatements([EARLIER_FARES], [later]) == {}


def test_half_the_words_in_common_is_enough():
    earlier = [("bridge", "close", "repair", "week")]
    later = [("bridge", "close", "month", "repair", "traffic")]  # 3 common of 6
    assert restatements(earlier, later) == {(0, 0): pytest.approx(0.5)}


def test_a_later_sentence_of_fewer_than_four_words_is_never_a_restatement():
    short = ("fare", "rise", "bus")
    assert restatements([short], [short]) == {}
    assert restatements([short + ("city",)], [short + ("city",)]) == {(0, 0): 1.0}


def test_each_later_sentence_pairs_with_its_most_similar_earlier_sentence_only():
    earlier = [("bus", "city", "fare", "rise", "service"), EARLIER_FARES, ("hospital", "nurse", "ward", "winter")]
    later = [("bus", "city", "fare", "percent", "rise"), ("hospital", "nurse", "ward", "winter", "close")]
    assert restatements(earlier, later) == {(1, 0): 1.0, (2, 1): pytest.approx(0.8)}


def test_restatements_of_empty_documents():
    assert restatements([], [EARLIER_FARES]) == {}
    assert restatements([EARLIER_FARES], []) == {}


# --- within_document_links -------------------------------------------------------------------------------------------

def test_two_claims_of_one_document_on_the_same_matter_are_linked_with_their_score():
    links = within_document_links([hires(0), closes_wards(1), recruits(2)], 2020)
    # shared: the hospital (an entity, 2.0) and the nurses (1.0); content word 'nurse' (1.0); predicates differ
    assert links == [(0, 2, 4.0)]


def test_claims_that_share_only_their_subject_are_not_linked():
    assert within_document_links([hires(0), closes_wards(1)], 2020) == []


def test_a_stance_claim_is_not_linked_even_when_it_aligns():
    twin = claim("The hospital hires nurses", "hire", ["hire", "nurse"],
                 [("ent:Hospital", "subject"), ("np:nurse", "object")], index=1,
                 stance=StanceLink(target=0, certainty="PR+", cue="likely", via="shell noun", time_frame="present"))
    assert within_document_links([hires(0), twin], 2020) == []
    assert within_document_links([hires(0), hires(1)], 2020) == [(0, 1, 5.0)]  # the same gist: 3 + 2 participants


def test_links_are_ordered_low_index_first_whatever_the_claim_order():
    assert within_document_links([recruits(5), hires(2)], 2020) == [(2, 5, 4.0)]


def test_a_history_and_a_present_state_of_one_document_are_not_linked():
    history = hires(1, frame="past", year=1990)
    recent = hires(1, frame="past", year=2019)
    assert within_document_links([recruits(0), history], 2020) == []
    assert within_document_links([recruits(0), recent], 2020) == [(0, 1, 4.0)]


# --- find_propositions -----------------------------------------------------------------------------------------------

def test_aligned_claims_of_two_documents_form_one_proposition():
    found = find_propositions([hires(0), closes_wards(1)], [recruits(0)], 2019)
    assert found[0] == Proposition(earlier=(0,), later=(0,), shared_participants=("ent:Hospital", "np:nurse"),
                                   shared_predicates=("nurse",), score=4.0, anchored_earlier=(0,), anchored_later=(0,))
    assert found[0].aligned
    assert found[1] == Proposition(earlier=(1,), later=(), shared_participants=(), shared_predicates=(), score=0.0)
    assert not found[1].aligned
    assert len(found) == 2


def test_claims_that_do_not_align_stay_apart():
    found = find_propositions([hires(0)], [closes_wards(0)], 2019)
    assert sorted((p.earlier, p.later) for p in found) == [((), (0,)), ((0,), ())]
    assert not any(p.aligned for p in found)


def test_stance_claims_are_no_propositions_of_their_own():
    found = find_propositions([hires(0), stance_on(0, "PS+", index=1)], [recruits(0)], 2019)
    assert [(p.earlier, p.later) for p in found] == [((0,), (0,))]


def test_a_proposition_holds_at_most_six_claims_of_one_document():
    earlier = [hires(i) for i in range(MAX_CLAIMS_PER_SIDE + 2)]
    found = find_propositions(earlier, [hires(0)], 2019)
    assert MAX_CLAIMS_PER_SIDE == 6
    assert max(len(p.earlier) for p in found) == MAX_CLAIMS_PER_SIDE
    assert sorted(i for p in found for i in p.earlier) == list(range(MAX_CLAIMS_PER_SIDE + 2))
    assert sum(len(p.later) for p in found) == 1


def test_a_restated_sentence_aligns_claims_with_different_predicates_on_the_same_participants():
    assert [(p.earlier, p.later) for p in find_propositions([praises(0)], [criticises(0)], 2019)
            if p.aligned] == []
    found = find_propositions([praises(0)], [criticises(0)], 2019, restated={(0, 0): 0.6})
    assert len(found) == 1
    assert (found[0].earlier, found[0].later) == ((0,), (0,))
    assert found[0].shared_participants == ("ent:Council", "ent:Mayor")
    assert found[0].shared_predicates == ("(restated sentence)",)
    assert found[0].score == pytest.approx(2.0 + 3 * 0.6)


def test_a_restated_sentence_does_not_align_claims_about_other_participants():
    governor = claim("The governor criticises the assembly", "criticise", ["criticise"],
                     [("ent:Governor", "subject"), ("ent:Assembly", "object")])
    found = find_propositions([praises(0)], [governor], 2019, restated={(0, 0): 0.9})
    assert not any(p.aligned for p in found)


def test_a_restated_sentence_does_not_align_claims_in_other_sentences():
    found = find_propositions([praises(0)], [criticises(0, sentence=3)], 2019, restated={(0, 0): 0.9})
    assert not any(p.aligned for p in found)


def test_a_restated_sentence_does_not_align_a_prediction_with_an_old_history():
    plan = praises(0, frame="future")
    history = criticises(0, frame="past", year=2001)
    found = find_propositions([plan], [history], 2019, restated={(0, 0): 0.9})
    assert not any(p.aligned for p in found)
    recent = criticises(0, frame="past", year=2019)
    assert any(p.aligned for p in find_propositions([plan], [recent], 2019, restated={(0, 0): 0.9}))


def test_with_links_only_the_given_links_group_claims_of_one_document():
    twins = [hires(0), hires(1)]
    assert [p.earlier for p in find_propositions(twins, [], 2019)] == [(0, 1)]
    assert sorted(p.earlier for p in find_propositions(twins, [], 2019, links=([], []))) == [(0,), (1,)]
    unrelated = [hires(0), closes_wards(1)]
    linked = find_propositions(unrelated, [], 2019, links=([(0, 1, 2.5)], []))
    assert [(p.earlier, p.score) for p in linked] == [((0, 1), 2.5)]


def test_with_links_claims_of_two_documents_still_align():
    found = find_propositions([hires(0)], [recruits(0)], 2019, links=([], []))
    assert [(p.earlier, p.later, p.score) for p in found] == [((0,), (0,), 4.0)]


def test_anchored_members_are_those_aligned_across_the_documents():
    # the wards claim joins through a link of its own document: a member, but not aligned with the later text
    found = find_propositions([hires(0), closes_wards(1)], [recruits(0)], 2019, links=([(0, 1, 4.5)], []))
    assert [(p.earlier, p.later) for p in found] == [((0, 1), (0,))]
    assert (found[0].anchored_earlier, found[0].anchored_later) == ((0,), (0,))


def test_propositions_come_strongest_first():
    earlier = [closes_wards(0), hires(1)]
    later = [hires(0), claim("The hospital closes wards in winter", "close", ["close", "ward"],
                             [("ent:Hospital", "subject"), ("np:ward", "object"), ("np:winter", "oblique")], index=1)]
    found = find_propositions(earlier, later, 2019)
    # closing wards: entity 2 + ward 1 + content words close, ward 2 + the same predicate 1 = 6; hiring nurses,
    # the same gist: 3 + two participants = 5
    assert [(p.earlier, p.later, p.score) for p in found] == [((0,), (1,), 6.0), ((1,), (0,), 5.0)]


# --- position_of ---------------------------------------------------------------------------------------------------

def test_no_claims_no_position():
    assert position_of([hires(0)], []) is None


def test_the_strongest_commitment_among_the_authors_claims():
    claims = [hires(0, certainty="PS+"), recruits(1, certainty="PR-"), hires(2, certainty="Uu")]
    assert position_of(claims, [0, 1, 2]) == Position(certainty="PR-", voice="author", evaluation=0.0, claims=3,
                                                      author_claims=3)


def test_an_equal_commitment_goes_to_the_later_claim():
    claims = [hires(0, certainty="PR+"), recruits(1, certainty="PR-")]
    assert position_of(claims, [0, 1]).certainty == "PR-"
    assert position_of(claims, [0]).certainty == "PR+"


def test_only_reported_claims_leave_the_author_uncommitted():
    claims = [hires(0, voice="reported"), recruits(1, voice="reported", certainty="PR+")]
    position = position_of(claims, [0, 1])
    assert (position.certainty, position.voice, position.claims, position.author_claims) == ("Uu", "reported", 2, 0)


def test_reported_and_asserted_is_both_but_reported_and_uncommitted_is_reported():
    asserted = [hires(0, voice="reported"), recruits(1, certainty="PS+")]
    assert position_of(asserted, [0, 1]).voice == "both"
    uncommitted = [hires(0, voice="reported"), recruits(1, certainty="Uu")]
    position = position_of(uncommitted, [0, 1])
    assert (position.voice, position.certainty) == ("reported", "Uu")


def test_evaluation_is_the_mean_over_the_authors_evaluated_claims():
    good = (Evaluation(target="np:nurse", score=1.0, cues=("welcome",)),)
    bad = (Evaluation(target="np:nurse", score=-2.0, cues=("reckless",)), )
    claims = [hires(0, evaluations=good), recruits(1, evaluations=bad), hires(2),
              recruits(3, voice="reported", evaluations=(Evaluation("np:nurse", 3.0, ("superb",)),))]
    assert position_of(claims, [0, 1, 2, 3]).evaluation == -0.5
    assert position_of(claims, [0, 2]).evaluation == 1.0


def test_a_current_stance_decides_the_position():
    claims = [hires(0, certainty="CT+"), stance_on(0, "PS-", index=1)]
    position = position_of(claims, [0])
    assert (position.certainty, position.claims, position.author_claims) == ("PS-", 2, 2)
    assert position.initial_certainty is None
    assert position_of(claims, [1]) == Position(certainty="CT+", voice="author", evaluation=0.0, claims=1,
                                                author_claims=1)  # the stance is on claim 0, not on itself


def test_a_past_stance_that_differs_is_kept_as_the_initial_certainty():
    claims = [hires(0), stance_on(0, "CT-", index=1, frame="past"), stance_on(0, "PR+", index=2)]
    position = position_of(claims, [0])
    assert (position.certainty, position.initial_certainty) == ("PR+", "CT-")
    same = [hires(0), stance_on(0, "PR+", index=1, frame="past"), stance_on(0, "PR+", index=2)]
    assert position_of(same, [0]).initial_certainty is None


def test_the_latest_current_stance_wins_over_an_earlier_one_and_a_later_past_one():
    claims = [hires(0), stance_on(0, "PS+", index=1), stance_on(0, "CT+", index=2),
              stance_on(0, "CT-", index=3, frame="past")]
    position = position_of(claims, [0])
    assert (position.certainty, position.initial_certainty) == ("CT+", "CT-")
    only_past = [hires(0), stance_on(0, "PS-", index=1, frame="past")]
    assert position_of(only_past, [0]).certainty == "PS-"


# --- representative ------------------------------------------------------------------------------------------------

def test_no_members_no_representative():
    assert representative([hires(0)], []) is None


def test_the_claim_a_stance_is_about_names_the_proposition():
    claims = [hires(0, certainty="PR+"), recruits(1), stance_on(1, "PS-", index=2)]
    assert representative(claims, [0, 1]).index == 1
    without = [hires(0, certainty="PR+"), recruits(1)]
    assert representative(without, [0, 1]).index == 0  # a hedged judgement before a plain certain claim


def test_a_claim_about_something_names_the_proposition_before_the_authors_bare_verb():
    judges = claim("Board judges", "judge", ["judge"], [("author", "subject")], index=0, certainty="PR+")
    keeps = claim("Board keeps the fare", "keep", ["keep", "fare"], [("author", "subject"), ("np:fare", "object")],
                  index=1)
    assert representative([judges, keeps], [0, 1]).index == 1
    assert representative([judges], [0]).index == 0  # with nothing else, the bare verb still names it


def test_the_authors_own_claim_before_a_reported_one():
    claims = [hires(0, voice="reported", certainty="PR+"), recruits(1)]
    assert representative(claims, [0, 1]).index == 1
    both_reported = [hires(0, voice="reported", certainty="PR+"), recruits(1, voice="reported")]
    assert representative(both_reported, [0, 1]).index == 0


@pytest.mark.parametrize("judged", [
    {"certainty": "PS+"},
    {"certainty": "PR-"},
    {"polarity": "negative", "certainty": "CT-"},
    {"evaluations": (Evaluation("np:nurse", 1.0, ("welcome",)),)},
])
def test_a_claim_that_carries_a_judgement_before_a_plain_one(judged):
    claims = [hires(0), recruits(1, **judged)]
    assert representative(claims, [0, 1]).index == 1


def test_among_plain_claims_more_participants_then_the_first():
    richer = claim("The hospital hires nurses from abroad", "hire", ["hire", "nurse"],
                   [("ent:Hospital", "subject"), ("np:nurse", "object"), ("np:abroad", "oblique")], index=1)
    assert representative([hires(0), richer], [0, 1]).index == 1
    assert representative([hires(0), recruits(1)], [0, 1]).index == 0


def test_an_asserted_claim_before_a_presupposed_one():
    claims = [hires(0, role="presupposition"), recruits(1)]
    assert representative(claims, [0, 1]).index == 1


def test_a_restated_sentence_aligns_only_the_same_clause_restated():
    """*Although the council cut the budget, the mayor praises the council* restates *the mayor praises the
    council*: its new clause about the council is not the praise restated."""
    cut = claim("Although the council cut the budget", "cut", ["cut", "budget"],
                [("ent:Council", "subject"), ("np:budget", "object")])
    found = find_propositions([praises(0)], [cut], 2019, restated={(0, 0): 0.7})
    assert not any(p.aligned for p in found)


def _assorted_claims():
    """Claims of many shapes: aligned by a shared predicate word, by a gist, by the author's action on one object,
    and claims sharing only a participant or only a word."""
    return [
        hires(0), recruits(1), closes_wards(2), praises(3), criticises(4),
        claim("The bank will raise the rate", "raise", ["raise", "rate"], [("author", "subject"), ("np:rate", "object")],
              index=5, frame="future"),
        claim("The bank keeps the rate", "keep", ["keep", "rate"], [("author", "subject"), ("np:rate", "object")],
              index=6),
        claim("The bank will review its policy", "review", ["review"], [("author", "subject"), ("np:policy", "object")],
              index=7, frame="future"),
        claim("Nurses hire lawyers", "hire", ["hire", "lawyer"], [("np:nurse", "subject"), ("np:lawyer", "object")],
              index=8),
        claim("The council praises the hospital", "praise", ["praise"],
              [("ent:Council", "subject"), ("ent:Hospital", "object")], index=9),
    ]


def test_every_pair_that_aligns_is_a_candidate_and_pairs_sharing_only_a_participant_are_not():
    from kalinovsky_nlp.judgement.align import align_features, features
    from kalinovsky_nlp.judgement.propositions import _candidate_pairs

    nodes = [((k % 2, c.index), features(c)) for k, c in enumerate(_assorted_claims())]
    candidates = _candidate_pairs(nodes)
    aligned = {(i, j) for i in range(len(nodes)) for j in range(i + 1, len(nodes))
               if align_features(nodes[i][1], nodes[j][1], 2000) is not None}
    assert aligned and aligned <= candidates
    assert (0, 1) in candidates  # hires / recruits: the hospital and nurses
    assert (5, 6) in candidates  # the author's actions on one object: raise / keep the rate
    assert (5, 7) not in candidates  # the author alone, different actions on different things
    assert (2, 9) not in candidates  # the hospital, and no word in common
    cross = _candidate_pairs(nodes, cross_only=True)
    sides = {(i, j) if nodes[i][0][0] == 0 else (j, i) for i, j in candidates if nodes[i][0][0] != nodes[j][0][0]}
    assert cross == sides  # (earlier, later)


def test_a_proposition_is_named_by_a_claim_about_what_its_claims_share():
    both = claim("Labor indicators and inflation move toward levels", "move", ["move"],
                 [("np:indicator", "subject"), ("np:inflation", "subject"), ("np:level", "oblique")], index=0,
                 certainty="PR+")
    closer = claim("Inflation has moved closer to the objective", "move", ["move"],
                   [("np:inflation", "subject"), ("np:objective", "oblique")], index=1)
    assert representative([both, closer], [0, 1]) is both  # judged, with more participants
    assert representative([both, closer], [0, 1], shared=("np:inflation", "np:objective")) is closer
