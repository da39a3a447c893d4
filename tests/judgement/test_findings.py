"""Findings from two documents' claims: kinds from positions, new and dropped judgements, evidence, and a
two-document corpus about another subject end to end."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from kalinovsky_nlp.corpus import Document
from kalinovsky_nlp.judgement.findings import judgement_kinds, shown_findings, step_findings
from kalinovsky_nlp.profile import profile_document
from kalinovsky_nlp.results import Position


def position(certainty, voice="author", evaluation=0.0):
    return Position(certainty=certainty, voice=voice, evaluation=evaluation, claims=2, author_claims=2)


@pytest.mark.parametrize(
    "before,after,kinds",
    [
        (position("PS+"), position("CT+"), ["certainty_up"]),
        (position("CT+"), position("PR+"), ["certainty_down"]),
        (position("PR+"), position("PR-"), ["polarity_reversed"]),
        (position("Uu", "reported"), position("CT+", "both"), ["certainty_up", "reported_to_asserted"]),
        (position("CT+"), position("Uu", "reported"), ["certainty_down", "asserted_to_reported"]),
        (position("CT+", evaluation=-1.0), position("CT+", evaluation=1.5), ["evaluation_more_favourable"]),
        (position("CT+", evaluation=1.0), position("CT+", evaluation=1.2), []),
        (position("CT+"), position("CT+"), []),
    ],
)
def test_judgement_kinds(before, after, kinds):
    assert judgement_kinds(before, after) == kinds


def profile(nlp, day, text, author="A. Writer"):
    document = Document(id=f"d{day}", date=datetime.date(2019, 1, day), text=text, author=author)
    return profile_document(document, nlp(text))


def test_a_reported_accusation_becomes_the_authors_claim(nlp):
    earlier = profile(nlp, 1, "Opposition leaders accused the governor of diverting the flood funds. "
                              "I was skeptical of these claims.")
    later = profile(nlp, 2, "There is now plausible evidence that the governor diverted the flood funds.")
    findings = step_findings(earlier, later)
    lead = findings[0]
    assert lead.kinds == ("polarity_reversed", "reported_to_asserted")  # doubted (PS-), now probable (PR+)
    assert "governor" in lead.proposition.lower()
    assert lead.earlier.evidence[0].startswith("Opposition leaders accused")
    assert lead.later.evidence == ("There is now plausible evidence that the governor diverted the flood funds.",)
    assert lead.earlier.position.voice == "reported" and lead.later.position.certainty == "PR+"


def test_a_new_doubted_story_is_a_new_judgement_and_a_new_topic_is_not(nlp):
    earlier = profile(nlp, 1, "The bridge was opened in May. Traffic has grown since.")
    later = profile(nlp, 2, "The bridge was opened in May. Reports claimed that the contractor bribed the inspectors. "
                            "These claims are questionable. The city also built a new library.")
    findings = step_findings(earlier, later)
    new = [f for f in findings if "new_judgement" in f.kinds]
    assert [f.later.position.certainty for f in new if "bribe" in f.proposition] == ["PS-"]
    assert not any("library" in f.proposition for f in findings)  # a topic, not a judgement


def test_shown_findings_keep_the_confident_ones_in_order(nlp):
    earlier = profile(nlp, 1, "Opposition leaders accused the governor of diverting the flood funds. "
                              "I was skeptical of these claims.")
    later = profile(nlp, 2, "There is now plausible evidence that the governor diverted the flood funds.")
    findings = step_findings(earlier, later)
    shown = shown_findings(findings, 6)
    assert shown and all(f.confidence in ("high", "medium") for f in shown)
    assert shown == [f for f in findings if f.confidence in ("high", "medium")][:6]


def test_an_edited_restatement_of_the_authors_own_plan_is_a_revision_with_its_edits(nlp):
    common = "Attendance rose during the summer. "
    earlier = profile(nlp, 1, common + "In deciding how long to keep the library open on Sundays, the board will "
                                      "consult the readers' council.", author="City Library Board")
    later = profile(nlp, 2, common + "In deciding whether to close the library on Sundays at its next meeting, the "
                                    "board will consult the readers' council.", author="City Library Board")
    revised = [f for f in step_findings(earlier, later) if "position_revised" in f.kinds]
    assert len(revised) == 1
    assert revised[0].revisions[0].before == "how long to keep"
    assert revised[0].revisions[0].after == "whether to close"
    assert "\u201chow long to keep\u201d \u2192 \u201cwhether to close\u201d" in revised[0].statement
    assert revised[0].earlier.evidence[0].startswith("In deciding how long")


def test_an_edited_description_of_the_past_is_not_a_revision(nlp):
    earlier = profile(nlp, 1, "Attendance rose moderately during the summer. The board will meet in May.",
                      author="City Library Board")
    later = profile(nlp, 2, "Attendance rose sharply during the summer. The board will meet in May.",
                    author="City Library Board")
    assert not [f for f in step_findings(earlier, later) if "position_revised" in f.kinds]


def _new_finding(label, evidence):
    from kalinovsky_nlp.results import Finding, FindingSide

    empty = FindingSide(document="a", date="2020-01-01", position=None, evidence=(), claims=(), cues=())
    later = FindingSide(document="b", date="2021-01-01", position=position("PR+"), evidence=(evidence,), claims=(0,),
                        cues=(), quotes=())
    return Finding(proposition=label, kinds=("new_judgement",), statement="", confidence="high",
                   confidence_reason="", strength=1.0, shared_arguments=(), shared_predicates=(), earlier=empty,
                   later=later)


def test_the_narrative_lowers_a_common_word_and_keeps_a_name():
    from kalinovsky_nlp.judgement.wording import narrative

    common = _new_finding("Tolls fund the bridge", "Tolls will probably fund the bridge, the council says.")
    name = _new_finding("Lisbon funds the bridge", "The bridge will probably be funded by Lisbon.")
    lines = narrative([common, name], "2020-01-01", "2021-01-01")
    assert "that tolls fund the bridge" in lines[1]
    assert "that Lisbon funds the bridge" in lines[2]
    assert " he " not in " ".join(lines)


@pytest.mark.parametrize("before,after,revised", [
    # the author says the earlier, opposite view was wrong
    ("I doubt that the ferry will ever pay off.", "I was wrong about the ferry: it is a remarkable success.", True),
    ("The ferry will surely open in 2021.", "I underestimated the ferry: it opened in 2024.", True),
    ("The ferry will open in 2021.", "I was wrong about the ferry: it opened in 2024.", True),
    # not a self-correction: someone else was wrong, the author denies being wrong, the earlier view agrees
    ("I doubt that the ferry will ever pay off.", "The mayor was wrong about the ferry: it is a success.", False),
    ("I doubt that the ferry will ever pay off.", "I was not wrong about the ferry.", False),
    ("I think the ferry is a sensible investment.", "I was wrong about the ferry: it is a remarkable success.", False),
])
def test_a_self_correction_revises_the_earlier_view_it_names(nlp, before, after, revised):
    findings = step_findings(profile(nlp, 1, before), profile(nlp, 2, after))
    corrections = [f for f in findings if f.confidence_reason.startswith("the author says so")]
    assert bool(corrections) is revised
    if revised:
        assert "position_revised" in corrections[0].kinds
        assert corrections[0].earlier.evidence == (before,)
        assert corrections[0].later.evidence[0] == after


def test_a_restatement_that_only_continues_a_view_is_not_a_revision(nlp):
    earlier = profile(nlp, 1, "The trust sees the risks to the harvest as balanced. Prices fell in May.",
                      author="Grain Trust")
    later = profile(nlp, 2, "The trust continues to see the risks to the harvest as balanced. Prices fell in June.",
                    author="Grain Trust")
    assert not [f for f in step_findings(earlier, later) if "position_revised" in f.kinds]


@pytest.mark.parametrize("before, after, revised", [
    ("The board may close the branch library next year.", "The board decided to close the branch library.", True),
    ("The board is likely to close the branch library.", "The board decided to close the branch library.", True),
    ("The board decided to close the branch library.", "The board decided to close the branch library.", False),
    # an unhedged "will" is the plan already announced: deciding it is not a revision
    ("The board will close the branch library next year.", "The board decided to close the branch library.", False),
])
def test_an_action_the_author_considered_and_then_decided_is_a_revision(nlp, before, after, revised):
    earlier = profile(nlp, 1, "Visits fell in the spring. " + before, author="City Library Board")
    later = profile(nlp, 2, "Visits fell in the spring. " + after, author="City Library Board")
    found = [f for f in step_findings(earlier, later) if "position_revised" in f.kinds]
    assert bool(found) is revised


def test_an_evidential_frame_is_not_revised_apart_from_its_content(nlp):
    from kalinovsky_nlp.judgement.findings import evidential_frame

    text = ("Information received since the Riverside Academy met in June suggests that enrolment is rising. "
            "We raised our fees.")
    claims = profile(nlp, 1, text, author="Riverside Academy").claims
    frames = [c for c in claims if evidential_frame(c)]
    assert [c.predicate for c in frames] == ["suggest"]
    assert not any(evidential_frame(c) for c in claims if c.predicate == "raise")  # the author acting


def test_the_clauses_of_one_new_judgement_make_one_finding(nlp):
    earlier = profile(nlp, 1, "Ticket sales rose in the spring.", author="Harbour Opera")
    later = profile(nlp, 2, "Ticket sales rose in the spring. We expect that audiences will grow in a manner that "
                            "will probably allow only modest price rises.", author="Harbour Opera")
    new = [f for f in step_findings(earlier, later) if "new_judgement" in f.kinds]
    assert len(new) == 1
    assert len(new[0].later.claims) >= 2 and new[0].confidence in ("high", "medium")


@pytest.mark.parametrize("later, changed", [
    # the clause is restated word for word: the new description beside it is an addition, not a change of view
    ("Tourism recovered strongly in the spring. Ticket sales will rise as tourism recovers further.", False),
    ("Tourism recovered strongly in the spring. Ticket sales will rise.", True),
])
def test_a_claim_restated_word_for_word_keeps_its_position(nlp, later, changed):
    earlier = profile(nlp, 1, "Ticket sales will rise as tourism recovers further.", author="Harbour Trust")
    found = [f for f in step_findings(earlier, profile(nlp, 2, later, author="Harbour Trust"))
             if any(k.startswith(("evaluation", "certainty")) for k in f.kinds)]
    assert bool(found) is changed


@pytest.mark.parametrize("before, after, revised", [
    # how the author looks at a matter changed, not what it decides
    ("The board will review the proposal from the tenants.", "The board will examine the proposal from the tenants.",
     False),
    ("The board will review the proposal from the tenants.", "The board has rejected the proposal from the tenants.",
     True),
])
def test_a_change_between_verbs_of_attention_is_not_a_revision(nlp, before, after, revised):
    earlier = profile(nlp, 1, "Rents rose in May. " + before, author="Housing Board")
    later = profile(nlp, 2, "Rents rose in June. " + after, author="Housing Board")
    found = [f for f in step_findings(earlier, later) if "position_revised" in f.kinds]
    assert bool(found) is revised


def test_a_finding_that_repeats_a_stronger_one_is_left_out(nlp):
    import dataclasses

    from kalinovsky_nlp.judgement.findings import _without_repeats

    earlier = profile(nlp, 1, "The bridge may reopen in May.", author="Harbour Trust")
    later = profile(nlp, 2, "The bridge will certainly reopen in May.", author="Harbour Trust")
    lead = step_findings(earlier, later)[0]
    repeat = dataclasses.replace(lead, proposition="another clause of the same sentences")
    other_direction = dataclasses.replace(lead, kinds=("evaluation_more_favourable",))
    elsewhere = dataclasses.replace(lead, later=dataclasses.replace(lead.later, evidence=("Fares rose.",)))
    assert _without_repeats([lead, repeat, other_direction, elsewhere]) == [lead, other_direction, elsewhere]


@pytest.mark.parametrize("before, after, revised", [
    # a clause added beside the author's expectation revises nothing the expectation says
    ("The Board expects that ridership will grow at a moderate pace.",
     "Although ridership fell in the winter, the Board continues to expect that ridership will grow at a moderate "
     "pace.", False),
    ("The Board expects that ridership will grow at a moderate pace.",
     "Although ridership fell in the winter, the Board expects that ridership will grow at a slow pace.", True),
])
def test_a_claim_is_revised_in_its_own_words_not_beside_them(nlp, before, after, revised):
    earlier = profile(nlp, 1, "Fares rose in May. " + before, author="Harbour Transit Board")
    later = profile(nlp, 2, "Fares rose in May. " + after, author="Harbour Transit Board")
    found = [f for f in step_findings(earlier, later) if "position_revised" in f.kinds]
    assert bool(found) is revised
    if revised:  # the edits shown are the claim's own
        assert [(r.before, r.after) for r in found[0].revisions] == [("moderate", "slow")]


def test_findings_are_ranked_by_strength_weighed_by_confidence():
    import dataclasses

    from kalinovsky_nlp.judgement.findings import ranked

    base = _new_finding("Fares rise", "Fares will probably rise.")
    small_sure = dataclasses.replace(base, proposition="a", confidence="high", strength=0.25)
    large_medium = dataclasses.replace(base, proposition="b", confidence="medium", strength=0.6)
    small_medium = dataclasses.replace(base, proposition="c", confidence="medium", strength=0.25)
    assert [f.proposition for f in ranked([small_medium, small_sure, large_medium])] == ["b", "a", "c"]


def _claim(text, predicate, args, *, frame="present", voice="author"):
    from kalinovsky_nlp.results import Argument, Claim

    arguments = tuple(Argument(key=key, text=key[3:], role=role, qualifiers=tuple(qualifiers))
                      for key, role, qualifiers in args)
    return Claim(index=0, sentence=0, paragraph=0, start=0, end=len(text), text=text, predicate=predicate,
                 predicate_keys=(predicate,), arguments=arguments, polarity="positive", time_frame=frame,
                 certainty="CT+", voice=voice, role="assertion", gist=text)


def test_a_one_sided_judgement_whose_subject_the_other_text_still_speaks_of():
    from kalinovsky_nlp.judgement.findings import _spoken_of, subject_index

    def spoken(other, judgement):
        return _spoken_of(subject_index([other]), [judgement])

    strong = _claim("Job gains were strong", "strong", [("np:gain", "subject", ["job"])])
    slowed = _claim("The pace of job gains slowed", "slow", [("np:gain", "subject", ["job"])])
    assert spoken(slowed, strong) == ("np:gain",)
    # another kind of gain, another time, someone else's claim, an object rather than a subject: not the topic
    assert spoken(_claim("Price gains slowed", "slow", [("np:gain", "subject", ["price"])]), strong) == ()
    assert spoken(_claim("Job gains will slow", "slow", [("np:gain", "subject", ["job"])], frame="future"), strong) == ()
    assert spoken(_claim("Job gains slowed", "slow", [("np:gain", "subject", ["job"])], voice="reported"), strong) == ()
    assert spoken(_claim("We counted job gains", "count", [("np:gain", "object", ["job"])]), strong) == ()
    # an entity is the subject of many different claims: it does not make a topic
    russia = _claim("Russia arms the rebels", "arm", [("ent:Russia", "subject", [])])
    assert spoken(_claim("Russia hosts talks", "host", [("ent:Russia", "subject", [])]), russia) == ()
    # a participant the judgement evaluates is what it is about too, and a recent past tells the same topic as the
    # present
    import dataclasses

    from kalinovsky_nlp.results import Evaluation

    improving = dataclasses.replace(
        _claim("Conditions have improved, with strong job gains", "improve",
               [("np:condition", "subject", []), ("np:gain", "oblique", ["job"])]),
        evaluations=(Evaluation("np:gain", 1.5, ("strong",)),))
    assert spoken(_claim("The pace of job gains slowed", "slow", [("np:gain", "subject", ["job"])], frame="past"),
                  improving) == ("np:gain",)
    unevaluated = dataclasses.replace(improving, evaluations=())
    assert spoken(_claim("The pace of job gains slowed", "slow", [("np:gain", "subject", ["job"])], frame="past"),
                  unevaluated) == ()

def test_reasons_name_a_noun_phrase_by_its_head_noun_as_written():
    from kalinovsky_nlp.judgement.findings import _head_nouns, _names

    claim = _claim("Information received suggests growth", "suggest",
                   [("np:inform", "subject", []), ("ent:Russia", "object", [])])
    claim = dataclasses.replace(claim, arguments=(
        dataclasses.replace(claim.arguments[0], text="Information"), claim.arguments[1]))
    heads = _head_nouns([claim])
    assert heads == {"np:inform": "information"}
    assert _names(("np:inform", "ent:Russia"), heads) == "information and Russia"
    assert _names(("np:inform",)) == "inform"  # without the texts, the concept key


@pytest.mark.parametrize("later, firmer", [
    # both texts predict; the later one also reports the present: the prediction is not held more firmly
    ("This year ridership has been growing strongly. The Board expects that ridership will grow at a moderate pace.",
     False),
    # the prediction itself is now stated without a hedge
    ("This year ridership has been growing strongly. Ridership will certainly grow at a moderate pace.", True),
])
def test_certainty_is_compared_within_the_time_frame_both_texts_speak_in(nlp, later, firmer):
    earlier = profile(nlp, 1, "Fares rose in May. Although fares rose, the Board continues to expect that ridership "
                              "will grow at a moderate pace.", author="Harbour Transit Board")
    found = [f for f in step_findings(earlier, profile(nlp, 2, later, author="Harbour Transit Board"))
             if "certainty_up" in f.kinds]
    assert bool(found) is firmer


_FERRY_BEFORE = ("To support tourism, the Harbour Board decided to continue running the night ferry at a fare of 2 "
                 "dollars. The Harbour Board will continue its subsidies of the night ferry and the tram, until demand "
                 "has recovered.")


@pytest.mark.parametrize("after, revision", [
    # sentences merged and reworded, every claim said again: nothing revised (the subject the second clause shares
    # with the first is no edit)
    ("Accordingly, the Harbour Board decided to continue running the night ferry at a fare of 2 dollars. The Harbour "
     "Board will closely monitor demand and will continue its subsidies of the night ferry and the tram, until demand "
     "has recovered.", None),
    # one of them revised: named by the revised claim, shown in its own words
    ("Accordingly, the Harbour Board decided to continue running the night ferry at a fare of 2 dollars. The Harbour "
     "Board will closely monitor demand and will end its subsidies of the night ferry and the tram, until demand has "
     "recovered.", ("Harbour Board ends its subsidies", ("continue", "end"))),
])
def test_a_claim_said_again_in_a_reshaped_sentence_is_not_revised(nlp, after, revision):
    _check_revisions(nlp, _FERRY_BEFORE, after, revision)


@pytest.mark.parametrize("after, revision", [
    # both of the first text's claims said again, one in a merged sentence: they are not a revision of each other
    ("Accordingly, the Harbour Board decided to continue purchasing electric buses at a pace of 4 buses per month. "
     "The Harbour Board will closely monitor ridership and will continue its purchases of buses and trams, until "
     "ridership has recovered.", None),
    ("Accordingly, the Harbour Board decided to continue purchasing electric buses at a pace of 2 buses per month. "
     "The Harbour Board will closely monitor ridership and will continue its purchases of buses and trams, until "
     "ridership has recovered.", ("Harbour Board purchases electric buses", ("4", "2"))),
])
def test_claims_each_said_again_do_not_revise_one_another(nlp, after, revision):
    before = ("To support tourism, the Harbour Board decided to continue purchasing electric buses at a pace of 4 "
              "buses per month. The Harbour Board will continue its purchases of buses and trams, until ridership has "
              "recovered.")
    _check_revisions(nlp, before, after, revision)


def _check_revisions(nlp, before, after, revision):
    earlier = profile(nlp, 1, before, author="Harbour Board")
    found = [f for f in step_findings(earlier, profile(nlp, 2, after, author="Harbour Board"))
             if "position_revised" in f.kinds]
    if revision is None:
        assert found == []
    else:
        assert [f.proposition for f in found] == [revision[0]]
        assert revision[1] == [(r.before, r.after) for r in found[0].revisions][-1]


@pytest.mark.parametrize("after, revised", [
    # the frame's words edited alone: the claim it introduces is not revised
    ("Rents rose in May. A range of housing indicators suggests that demand for social housing is gradually rising.",
     None),
    # the claim's own words edited: the edit shown is the claim's
    ("Rents rose in May. On balance, a range of housing indicators suggests that demand for social housing is rising "
     "sharply.", ("gradually rising", "rising sharply")),
])
def test_an_edit_of_the_frame_alone_does_not_revise_the_claim_it_introduces(nlp, after, revised):
    before = ("Rents rose in May. On balance, a range of housing indicators suggests that demand for social housing is "
              "gradually rising.")
    earlier = profile(nlp, 1, before, author="Housing Board")
    found = [f for f in step_findings(earlier, profile(nlp, 2, after, author="Housing Board"))
             if "position_revised" in f.kinds]
    assert [(r.before, r.after) for f in found for r in f.revisions] == ([revised] if revised else [])


@pytest.mark.parametrize("later, revised", [
    # the dropped conjunct is told of in a claim of its own: moved, not revised
    ("The Board expects that rents will rise next year. Fares will rise too after the winter.", False),
    # dropped and told of nowhere: the claim was revised
    ("The Board expects that rents will rise next year. Tram lines closed in May.", True),
])
def test_a_subject_conjunct_told_of_in_a_claim_of_its_own_was_moved(nlp, later, revised):
    earlier = profile(nlp, 1, "The Board expects that rents and fares will rise next year. Tram lines closed in May.",
                      author="Housing Board")
    found = [f for f in step_findings(earlier, profile(nlp, 2, later, author="Housing Board"))
             if "position_revised" in f.kinds]
    assert bool(found) is revised


@pytest.mark.parametrize("before,after,condition", [
    # a condition the author set for its own action, later asserted: an explicit change of the author's position
    ("The Board will keep the toll on the bridge until traffic on the bridge has fallen substantially.",
     "The Board judges that traffic on the bridge has fallen substantially.", True),
    ("The Board will reopen the ferry when it has seen further repairs to the pier.",
     "The Board notes that there have been further repairs to the pier.", True),
    # a prediction firmed up is not a condition met
    ("The Board expects that traffic on the bridge will fall substantially.",
     "The Board judges that traffic on the bridge has fallen substantially.", False),
])
def test_a_condition_the_author_set_and_later_asserts_is_an_explicit_change(nlp, before, after, condition):
    findings = step_findings(profile(nlp, 1, before, "Harbour Board"), profile(nlp, 2, after, "Harbour Board"))
    lead = findings[0]
    assert "certainty_up" in lead.kinds and lead.confidence in ("high", "medium")
    assert ("sets it as a condition" in lead.confidence_reason) is condition


def test_a_condition_is_met_only_by_an_assertion_of_the_present_or_past():
    from kalinovsky_nlp.judgement.findings import condition_met
    from kalinovsky_nlp.results import Claim

    def said(text, certainty, frame, cues=()):
        return Claim(index=0, sentence=0, paragraph=0, start=0, end=len(text), text=text, predicate="fall",
                     predicate_keys=("fall",), arguments=(), polarity="positive", time_frame=frame, certainty=certainty,
                     voice="author", role="assertion", cues=tuple(cues), gist=text)
    until = said("until traffic has fallen", "Uu", "present", ["until"])
    supposed_if = said("if traffic has fallen", "Uu", "present", ["if"])
    fallen = said("traffic has fallen", "CT+", "present")
    assert condition_met([until], [fallen]) == (until, fallen)
    assert condition_met([until], [said("traffic will fall", "PR+", "future")]) is None
    assert condition_met([until], [said("traffic may have fallen", "PS+", "present")]) is None
    assert condition_met([supposed_if], [fallen]) is None  # an open condition, not the time set for an action


def test_certainty_is_compared_frame_by_frame_and_the_changed_frame_names_the_finding(nlp):
    """A present state held as certain on both dates does not hide a firmer prediction beside it."""
    earlier = profile(nlp, 1, "Ridership has been running below the Board's target. The Board is watching for "
                              "evidence that ridership will move back toward its target.", "Transit Board")
    later = profile(nlp, 2, "Ridership has moved closer to the Board's target. The Board expects that ridership will "
                            "move back toward its target.", "Transit Board")
    lead = step_findings(earlier, later)[0]
    assert {"certainty_up", "evaluation_more_favourable"} <= set(lead.kinds)
    assert lead.earlier.position.certainty == "Uu" and lead.later.position.certainty == "PR+"
    assert lead.proposition.startswith("Ridership moves back toward")


@pytest.mark.parametrize("after,kinds", [
    ("Ridership has fallen further below the Board's target.", ("evaluation_less_favourable",)),
    ("Ridership has remained below the Board's target.", None),  # the same side of the goal: no change
])
def test_a_move_away_from_the_authors_goal_is_judged_less_favourably(nlp, after, kinds):
    earlier = profile(nlp, 1, "Ridership has continued to run below the Board's target.", "Transit Board")
    findings = step_findings(earlier, profile(nlp, 2, after, "Transit Board"))
    assert (findings[0].kinds if findings else None) == kinds
