"""The helpers of findings on hand-made claims: which members carry a judgement, and when the author revised a
position (tests/judgement/test_findings.py runs whole steps on parsed texts)."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.judgement.findings import judged_members, revised_pair, revision_is_edit
from kalinovsky_nlp.judgement.propositions import Proposition
from kalinovsky_nlp.results import Argument, Claim, Evaluation, StanceLink


def claim(text, predicate, args, *, index=0, sentence=None, voice="author", certainty="CT+", frame="present",
          role="assertion", cues=(), evaluations=(), stance=None, gist=None):
    arguments = tuple(Argument(key=key, text=key.split(":")[-1], role=r,
                               entity=key[4:] if key.startswith("ent:") else None) for key, r in args)
    return Claim(index=index, sentence=index if sentence is None else sentence, paragraph=0, start=0, end=len(text),
                 text=text, predicate=predicate, predicate_keys=(predicate,), arguments=arguments,
                 polarity="negative" if certainty.endswith("-") else "positive", time_frame=frame,
                 certainty=certainty, voice=voice, role=role, cues=tuple(cues), evaluations=tuple(evaluations),
                 stance=stance, gist=text if gist is None else gist)


def fares(index=0, **kw):
    return claim("Bus fares rise", "rise", [("np:fare", "subject")], index=index, **kw)


ONE_TO_ONE = Proposition(earlier=(0,), later=(0,), shared_participants=(), shared_predicates=(), score=1.0)


# --- judged_members ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("options, judged", [
    ({"certainty": "PR+"}, True),
    ({"certainty": "PS-"}, True),
    ({"certainty": "CT+"}, False),  # a plain assertion is no judgement
    ({"certainty": "Uu"}, False),
    ({"certainty": "PR+", "frame": "past"}, False),  # a hedged account of the past
    ({"certainty": "PR+", "voice": "reported"}, False),
    ({"evaluations": (Evaluation("np:fare", -1.0, ("unfair",)),)}, True),
    ({"evaluations": (Evaluation("np:fare", -1.0, ("unfair",)),), "role": "presupposition"}, False),
])
def test_a_member_is_judged_by_its_own_cues(options, judged):
    assert judged_members([fares(**options)], [0]) == ([0] if judged else [])


def test_an_explicit_rejection_of_a_reading_is_a_judgement():
    rejection = claim("The levy is not a tax", "be", [("np:levy", "subject")], certainty="CT-", cues=("not",))
    assert judged_members([rejection], [0]) == [0]
    no_cue = claim("The levy is never a tax", "be", [("np:levy", "subject")], certainty="CT-", cues=("never",))
    assert judged_members([no_cue], [0]) == []
    other_verb = claim("The levy does not pay for buses", "pay", [("np:levy", "subject")], certainty="CT-",
                       cues=("not",))
    assert judged_members([other_verb], [0]) == []


def test_a_current_stance_judges_the_claim_it_is_about_but_a_past_one_does_not():
    def stance(frame):
        return claim("this forecast is doubtful", "doubt", [("np:forecast", "subject")], index=1, role="stance",
                     stance=StanceLink(target=0, certainty="PS-", cue="doubtful", via="shell noun", time_frame=frame))

    assert judged_members([fares(), stance("present")], [0]) == [0]
    assert judged_members([fares(), stance("past")], [0]) == []


def test_only_the_members_asked_about():
    claims = [fares(0, certainty="PR+"), fares(1, certainty="PS+"), fares(2)]
    assert judged_members(claims, [1, 2]) == [1]


# --- revision_is_edit ----------------------------------------------------------------------------------------------

def purchases(predicate, text=None, **kw):
    return claim(text or f"The Committee will {predicate} its purchases", predicate,
                 [("author", "subject"), ("np:purchase", "object")], **kw)


def test_different_amounts_are_more_than_an_edit():
    assert not revision_is_edit(claim("Fares rise to $2.40", "rise", [("np:fare", "subject")]),
                                claim("Fares rise to $2.80", "rise", [("np:fare", "subject")]))
    assert revision_is_edit(claim("Fares rise to $2.40 soon", "rise", [("np:fare", "subject")]),
                            claim("Fares rise to $2.40 in May", "rise", [("np:fare", "subject")]))


def test_a_different_action_of_the_author_is_more_than_an_edit():
    assert not revision_is_edit(purchases("increase"), purchases("reduce"))
    assert revision_is_edit(purchases("keep"), purchases("reduce"))  # 'keep' is a light verb
    assert revision_is_edit(purchases("reduce"), purchases("reduce", text="The Committee will reduce its purchases "
                                                                          "gradually"))


def test_a_different_predicate_of_others_is_an_edit():
    assert revision_is_edit(claim("The union opposes the plan", "oppose", [("ent:Union", "subject")]),
                            claim("The union rejects the plan", "reject", [("ent:Union", "subject")]))


# --- revised_pair --------------------------------------------------------------------------------------------------

def test_the_authors_different_action_on_the_same_thing_is_a_revision():
    earlier, later = [purchases("increase")], [purchases("reduce")]
    pair = revised_pair(earlier, later, ONE_TO_ONE, 2019)
    assert pair == (earlier[0], later[0])


def test_the_same_actions_reported_of_someone_else_are_no_revision():
    earlier = [purchases("increase", voice="reported")]
    later = [purchases("reduce", voice="reported")]
    assert revised_pair(earlier, later, ONE_TO_ONE, 2019) is None


def test_a_claim_restated_unchanged_is_not_what_was_revised():
    earlier = [purchases("increase")]
    later = [purchases("reduce"), purchases("increase", index=1)]
    assert revised_pair(earlier, later, ONE_TO_ONE, 2019) is None


def test_changed_quantities_are_a_revision_and_equal_ones_are_not():
    def budget(amount, what="buses"):
        return claim(f"The city spends {amount} on {what}", "spend", [("ent:City", "subject"), ("np:bus", "object")],
                     gist="The city spends money on buses")

    assert revised_pair([budget("$40 million")], [budget("$35 million")], ONE_TO_ONE, 2019) is not None
    assert revised_pair([budget("$40 million")], [budget("$40 million", "new buses")], ONE_TO_ONE, 2019) is None


def test_an_edited_restatement_of_the_authors_judgement_is_a_revision_only_when_edited():
    earlier = [claim("Fares will probably rise in spring", "rise", [("np:fare", "subject")], certainty="PR+",
                     frame="future")]
    later = [claim("Fares will probably rise in autumn", "rise", [("np:fare", "subject")], certainty="PR+",
                   frame="future", gist="Fares rise in autumn")]
    restated = {(0, 0): 0.7}
    assert revised_pair(earlier, later, ONE_TO_ONE, 2019, restated=restated, edited={(0, 0)}) == (earlier[0],
                                                                                                  later[0])
    assert revised_pair(earlier, later, ONE_TO_ONE, 2019, restated=restated, edited=set()) is None
    narration = [claim("Fares rose in spring", "rise", [("np:fare", "subject")], frame="past")]
    retold = [claim("Fares rose in autumn", "rise", [("np:fare", "subject")], frame="past")]
    assert revised_pair(narration, retold, ONE_TO_ONE, 2019, restated=restated, edited={(0, 0)}) is None
    # a past event the sentence presupposes is the background of a judgement, not one the judgement revises
    background = [claim("since fares rose in spring", "rise", [("np:fare", "subject")], frame="past",
                        role="presupposition")]
    asserted = [claim("Fares rose in spring", "rise", [("np:fare", "subject")], frame="past")]
    assert revised_pair(background, later, ONE_TO_ONE, 2019, restated=restated, edited={(0, 0)}) is None
    assert revised_pair(asserted, later, ONE_TO_ONE, 2019, restated=restated, edited={(0, 0)}) == (asserted[0],
                                                                                                  later[0])


# --- evaluations of aligned claims only -----------------------------------------------------------------------------

def test_only_claims_aligned_across_the_documents_set_the_evaluations():
    from types import SimpleNamespace

    from kalinovsky_nlp.judgement.findings import _anchored_positions
    from kalinovsky_nlp.judgement.propositions import position_of

    praised = claim("Rail fares rose sharply, a welcome change", "rise", [("np:fare", "subject")], index=1,
                    evaluations=(Evaluation("np:fare", 1.5, ("welcome",)),))
    earlier = SimpleNamespace(claims=[fares(0), praised])
    later = SimpleNamespace(claims=[fares(0)])
    joined = Proposition(earlier=(0, 1), later=(0,), shared_participants=(), shared_predicates=(), score=4.0,
                         anchored_earlier=(0,), anchored_later=(0,))
    a, b = position_of(earlier.claims, joined.earlier), position_of(later.claims, joined.later)
    assert a.evaluation == 1.5  # the member joined within its own document carries the attitude word
    a, b = _anchored_positions(joined, earlier, later, a, b)
    assert (a.evaluation, b.evaluation) == (0.0, 0.0)
    aligned = Proposition(earlier=(0, 1), later=(0,), shared_participants=(), shared_predicates=(), score=4.0,
                          anchored_earlier=(0, 1), anchored_later=(0,))
    a, b = _anchored_positions(aligned, earlier, later, *(position_of(p.claims, m) for p, m in
                                                            ((earlier, (0, 1)), (later, (0,)))))
    assert a.evaluation == 1.5


def test_participants_are_named_as_a_reader_names_them():
    from kalinovsky_nlp.judgement.findings import participant_name

    assert [participant_name(k) for k in ("author", "ent:Russia", "np:rate")] == ["the author", "Russia", "rate"]


def test_only_claims_aligned_across_the_documents_set_the_certainty():
    from types import SimpleNamespace

    from kalinovsky_nlp.judgement.findings import _anchored_positions
    from kalinovsky_nlp.judgement.propositions import position_of

    described = claim("Rail fares rose last year", "rise", [("np:fare", "subject")], index=1, frame="past")
    earlier = SimpleNamespace(claims=[fares(0, certainty="PR+"), described])
    later = SimpleNamespace(claims=[fares(0, certainty="PR+")])
    joined = Proposition(earlier=(0, 1), later=(0,), shared_participants=(), shared_predicates=(), score=4.0,
                         anchored_earlier=(0,), anchored_later=(0,))
    a, b = position_of(earlier.claims, joined.earlier), position_of(later.claims, joined.later)
    assert (a.certainty, b.certainty) == ("CT+", "PR+")  # the description joined within its document is certain
    a, b = _anchored_positions(joined, earlier, later, a, b)
    assert (a.certainty, b.certainty) == ("PR+", "PR+")


@pytest.mark.parametrize("text", ["Rents and fares will rise", "Fares and rents will rise", "Fares, or rents, will rise"])
def test_a_subject_conjunct_told_of_elsewhere_is_moved_wherever_it_stands(text):
    import dataclasses

    from kalinovsky_nlp.judgement.findings import _conjunct_moved, subject_index

    def about(sentence, keys, **kw):
        made = claim(sentence, "rise", [(key, "subject") for key in keys], **kw)
        named = tuple(dataclasses.replace(a, text=a.key[3:] + "s") for a in made.arguments)  # rents, fares
        return dataclasses.replace(made, arguments=named)

    both = about(text, ["np:rent", "np:fare"], frame="future", certainty="PR+")
    rents = about("Rents will rise", ["np:rent"], frame="future", certainty="PR+")
    fares_elsewhere = about("Fares are expected to climb", ["np:fare"], index=1, frame="future", certainty="PR+")
    fares_before = about("Fares climbed", ["np:fare"], index=1, frame="past")
    told = (subject_index([both]), subject_index([rents, fares_elsewhere]))
    assert _conjunct_moved(both, rents, told)
    untold = (subject_index([both]), subject_index([rents, fares_before]))  # a past event: another topic
    assert not _conjunct_moved(both, rents, untold)
    slower = about("Rents will rise slowly", ["np:rent"], frame="future", certainty="PR+")
    assert not _conjunct_moved(both, slower, told)  # the rest edited too: a revision
