"""The English of findings: a proposition's name, certainty in words, the statement of a change and the narrative."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.judgement.wording import (
    CERTAINTY_LEGEND,
    CERTAINTY_WORDS,
    certainty_phrase,
    finding_statement,
    narrative,
    proposition_label,
)
from kalinovsky_nlp.results import CERTAINTY_SCORES, Claim, Finding, FindingSide, Position, Revision


def side(date, certainty="CT+", voice="author", *, evaluation=0.0, holders=(), quotes=(), initial=None,
         absent=False, evidence=()):
    position = None if absent else Position(certainty=certainty, voice=voice, evaluation=evaluation, claims=1,
                                            author_claims=1, initial_certainty=initial)
    return FindingSide(document=f"doc-{date}", date=date, position=position, evidence=tuple(evidence), claims=(), cues=(),
                       holders=tuple(holders), quotes=tuple(quotes))


def finding(proposition, kinds, earlier, later):
    return Finding(proposition=proposition, kinds=tuple(kinds), statement="", confidence="high",
                   confidence_reason="", strength=1.0, shared_arguments=(), shared_predicates=(), earlier=earlier,
                   later=later)


def a_claim(gist, text="The tram line is late."):
    return Claim(index=0, sentence=0, paragraph=0, start=0, end=len(text), text=text, predicate="be",
                 predicate_keys=("be",), arguments=(), polarity="positive", time_frame="present", certainty="CT+",
                 voice="author", role="assertion", gist=gist)


# --- labels and certainty words ----------------------------------------------------------------------------------

def test_a_proposition_is_named_by_its_gist_else_its_text():
    assert proposition_label(a_claim("The tram line runs late")) == "The tram line runs late"
    assert proposition_label(a_claim("")) == "The tram line is late."
    assert proposition_label(None) == "(unnamed proposition)"


def test_every_certainty_value_has_words():
    assert set(CERTAINTY_WORDS) == set(CERTAINTY_SCORES)


@pytest.mark.parametrize("value, phrase", [
    ("PR+", "probable (PR+)"),
    ("CT-", "certainly not so (CT-)"),
    ("Uu", "uncommitted (Uu)"),
    (None, "absent"),
    ("XX", "XX (XX)"),  # an unknown tag is shown as itself
])
def test_certainty_phrase(value, phrase):
    assert certainty_phrase(value) == phrase


def test_the_legend_names_every_level():
    for level in ("CT certain", "PR probable", "PS possible", "Uu uncommitted"):
        assert level in CERTAINTY_LEGEND


# --- finding_statement -------------------------------------------------------------------------------------------

def test_certainty_up_states_both_positions():
    text = finding_statement("Bus fares rise", ["certainty_up"], side("2019-01-01", "PS+"), side("2020-01-01"))
    assert text == ("Bus fares rise: held with more certainty: 2019-01-01 possible (PS+), the author's own claim; "
                    "2020-01-01 certain (CT+), the author's own claim.")


def test_several_kinds_are_joined_with_and():
    text = finding_statement("The clinic opens", ["polarity_reversed", "reported_to_asserted"],
                             side("2019", "PR+", "reported", holders=["the board"]), side("2020", "PR-"))
    assert text.startswith("The clinic opens: the author now holds the opposite and moved from others' words into "
                           "the author's own voice: ")
    assert "2019 probable (PR+), only reported from the board;" in text
    assert text.endswith("2020 probably not so (PR-), the author's own claim.")
    three = finding_statement("X", ["certainty_down", "asserted_to_reported", "evaluation_less_favourable"],
                              side("2019", evaluation=1.0), side("2020", "PS+", "both", evaluation=-0.5))
    assert three.startswith("X: held with less certainty, moved from the author's own voice into others' words and "
                            "judged less favourably (evaluation +1.0 -> -0.5): ")
    assert "2020 possible (PS+), reported and judged by the author." in three


def test_reported_holders_are_named_at_most_two():
    text = finding_statement("X", ["certainty_up"], side("2019", "Uu", "reported"),
                             side("2020", "PR+", "reported", holders=["the union", "the rail operator", "analysts"]))
    assert "2019 uncommitted (Uu), only reported;" in text
    assert "2020 probable (PR+), only reported from the union, the rail operator." in text


def test_an_initial_certainty_is_mentioned():
    text = finding_statement("X", ["certainty_up"], side("2019", "PS+"), side("2020", initial="CT-"))
    assert text.endswith("2020 certain (CT+), the author's own claim, after an initial certainly not so (CT-).")


def test_a_new_judgement_and_a_dropped_one():
    new = finding_statement("The stadium is profitable", ["new_judgement"], side("2019", absent=True),
                            side("2020", "PR+"))
    assert new == ("The stadium is profitable: a new judgement in 2020: probable (PR+), the author's own claim; "
                   "not discussed in 2019.")
    dropped = finding_statement("The stadium is profitable", ["dropped_judgement"], side("2019", "PR+"),
                                side("2020", absent=True))
    assert dropped == ("The stadium is profitable: judged in 2019 (probable (PR+), the author's own claim); "
                       "no longer discussed in 2020.")


def test_evaluation_kinds_need_both_positions():
    both = finding_statement("X", ["evaluation_more_favourable"], side("2019", evaluation=-1.0),
                             side("2020", evaluation=0.5))
    assert "judged more favourably (evaluation -1.0 -> +0.5)" in both
    one = finding_statement("X", ["evaluation_more_favourable"], side("2019", absent=True),
                            side("2020", evaluation=0.5))
    assert one == "X: changed: 2019 absent; 2020 certain (CT+), the author's own claim."


def test_a_revision_is_stated_by_its_edits_else_by_the_quotes():
    edits = [Revision("two percent", "three percent"), Revision("", "in the spring"), Revision("gradually", "")]
    text = finding_statement("Rates rise", ["position_revised"], side("2019"), side("2020"), edits)
    assert text.startswith("Rates rise: revised: \u201ctwo percent\u201d \u2192 \u201cthree percent\u201d; "
                           "added \u201cin the spring\u201d; dropped \u201cgradually\u201d: ")
    quoted = finding_statement("Rates rise", ["position_revised"], side("2019", quotes=["rates rise slowly"]),
                               side("2020", quotes=["rates rise fast"]))
    assert quoted.startswith("Rates rise: revised from \u201crates rise slowly\u201d to \u201crates rise fast\u201d: ")


def test_a_long_edit_is_shortened_at_a_word_boundary():
    long = "the council will consider a range of additional measures to support the local bus network next year"
    text = finding_statement("X", ["position_revised"], side("2019"), side("2020"), [Revision(long, "")])
    dropped = text.split("\u201c")[1].split("\u201d")[0]
    assert dropped.endswith("\u2026") and len(dropped) <= 60
    assert long.startswith(dropped[:-1])
    assert dropped[:-1] == "the council will consider a range of additional measures"


def test_no_kind_is_a_change():
    assert finding_statement("X", [], side("2019"), side("2020")).startswith("X: changed: ")


# --- narrative ---------------------------------------------------------------------------------------------------

def test_no_findings_is_one_sentence_saying_so():
    assert narrative([], "2019-01-01", "2020-01-01") == [
        "Between 2019-01-01 and 2020-01-01 no change in the author's judgement was found with enough support to "
        "report (see the low-confidence findings in the JSON report)."]


def test_an_opening_and_one_sentence_per_finding():
    moved = finding("The ferry service is reliable", ["certainty_down"], side("2019", quotes=["The ferry is reliable."]),
                    side("2020", "PS+", quotes=["The ferry may be reliable."]))
    story = narrative([moved], "2019", "2020")
    assert story == [
        "Between 2019 and 2020 the author's judgement moved on 1 proposition found in both texts or new to one.",
        "On whether the ferry service is reliable, the author moved from holding it certain (\u201cThe ferry is "
        "reliable.\u201d) on 2019 to holding it possible (\u201cThe ferry may be reliable.\u201d) on 2020."]


def test_a_revised_position_says_what_became_what():
    revised = finding("The ferry runs hourly", ["position_revised"], side("2019", quotes=["the ferry runs hourly"]),
                      side("2020", quotes=["the ferry runs every two hours"]))
    assert narrative([revised], "2019", "2020")[1] == (
        "On whether the ferry runs hourly, the author revised the position: \u201cthe ferry runs hourly\u201d on 2019 "
        "became \u201cthe ferry runs every two hours\u201d on 2020.")
    firmer = finding("The ferry runs hourly", ["certainty_up", "position_revised"],
                     side("2019", "PS+", quotes=["the ferry may run hourly"]), side("2020", quotes=["it runs hourly"]))
    assert "moved from holding it possible" in narrative([firmer], "2019", "2020")[1]


def test_the_opening_counts_every_finding_but_only_the_first_few_are_told():
    findings = [finding(f"Line {n} is busy", ["certainty_up"], side("2019", "PS+"), side("2020")) for n in range(7)]
    story = narrative(findings, "2019", "2020", limit=3)
    assert story[0] == ("Between 2019 and 2020 the author's judgement moved on 7 propositions found in both texts or "
                        "new to one.")
    assert len(story) == 4
    assert story[3].startswith("On whether line 2 is busy,")
    assert len(narrative(findings, "2019", "2020")) == 6  # five by default


def test_a_name_keeps_its_capital_when_the_evidence_writes_it_so_inside_a_sentence():
    def named(evidence):
        return narrative([finding("Metrolink raises fares", ["certainty_up"], side("2019", "PS+", evidence=evidence),
                                  side("2020"))], "2019", "2020")[1]

    assert named(["Fares rise.", "We expect Metrolink to raise fares."]).startswith("On whether Metrolink raises")
    assert named(["Metrolink's fares rise."]).startswith("On whether metrolink raises")  # only at a sentence start
    assert named([]).startswith("On whether metrolink raises")
    assert named(["Riders say \u201cMetrolink\u201d is late."]).startswith("On whether Metrolink raises")


def test_i_stays_capital():
    story = narrative([finding("I was wrong about fares", ["certainty_up"], side("2019", "PS+"), side("2020"))],
                      "2019", "2020")
    assert story[1].startswith("On whether I was wrong about fares,")


def test_a_word_that_only_begins_a_later_name_is_not_the_name():
    stadium = finding("A new stadium pays off", ["new_judgement"], side("2019", absent=True),
                      side("2020", "PR+", evidence=["The stadium, opened in April, pays off."]))
    assert narrative([stadium], "2019", "2020")[1].startswith("New in 2020: that a new stadium pays off")


def test_new_and_dropped_judgements_in_the_narrative():
    new = finding("A new stadium pays off", ["new_judgement"], side("2019", absent=True),
                  side("2020", "PR-", quotes=["It will hardly pay off."]))
    dropped = finding("Evidence of fraud exists", ["dropped_judgement"], side("2019", "PS+"), side("2020", absent=True))
    story = narrative([new, dropped], "2019", "2020")
    assert story[1] == ("New in 2020: that a new stadium pays off, which the author holds probably not so "
                        "(\u201cIt will hardly pay off.\u201d).")
    assert story[2] == ("On 2019 the author judged that evidence of fraud exists: possible; by 2020 the author no "
                        "longer discusses it.")


def test_reporting_a_proposition_in_the_narrative():
    reported = finding("Hospital waits fall", ["reported_to_asserted"],
                       side("2019", "Uu", "reported", holders=["the health ministry", "doctors"]), side("2020", "PR+"))
    assert narrative([reported], "2019", "2020")[1] == (
        "On whether hospital waits fall, the author moved from reporting it from the health ministry on 2019 to "
        "holding it probable on 2020.")
    judged = finding("Hospital waits fall", ["certainty_up"],
                     side("2019", "PS+", "reported", initial="PS-"), side("2020", "PR+"))
    assert "moved from reporting it and judging it possible (after first judging it possibly not so) on 2019" in \
        narrative([judged], "2019", "2020")[1]


def test_silence_on_one_side_of_a_change():
    odd = finding("Hospital waits fall", ["certainty_up"], side("2019", absent=True), side("2020"))
    assert narrative([odd], "2019", "2020")[1] == ("On whether hospital waits fall, the author moved from silence on "
                                                   "2019 to holding it certain on 2020.")
