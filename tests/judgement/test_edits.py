"""Edits of restated sentences: what changed, without spelling-only and calendar-only edits."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.judgement.edits import claim_edited, document_words, restated_form, sentence_edits, substantive
from kalinovsky_nlp.results import Revision


def test_edits_give_what_was_removed_and_what_replaced_it():
    before = "In deciding how long to keep the library open, the board will consult the readers."
    after = "In deciding whether to close the library at its next meeting, the board will consult the readers."
    assert sentence_edits(before, after) == (
        Revision("how long to keep", "whether to close"),
        Revision("open", "at its next meeting"),
    )


def test_an_insertion_and_a_deletion_have_one_empty_side():
    assert sentence_edits("Sales rose.", "Sales rose sharply.") == (Revision("", "sharply"),)
    assert sentence_edits("Sales rose sharply.", "Sales rose.") == (Revision("sharply", ""),)


def test_amounts_are_edits_and_months_alone_are_the_calendar():
    assert sentence_edits("Beginning in July, the club will charge $15 a month.",
                          "Beginning in August, the club will charge $10 a month.") == (Revision("15", "10"),)
    assert sentence_edits("Beginning in July, the club will charge $15 a month.",
                          "Beginning in August, the club will charge $15 a month.") == ()


def test_quotation_mark_style_and_punctuation_are_not_edits():
    assert sentence_edits("The Committee's goal is 2 percent.", "The Committee\u2019s goal is 2 percent") == ()


def test_substantive_needs_a_content_word_beyond_months_and_continuation():
    assert substantive({"sale", "rise", "july"}, {"sale", "rise", "august"}) is False
    assert substantive({"committee", "see", "risk"}, {"committee", "continue", "see", "risk"}) is False
    assert substantive({"sale", "rise", "moderately"}, {"sale", "rise", "sharply"}) is True


def test_time_and_linking_adverbials_alone_are_not_edits_but_modals_are():
    assert sentence_edits("Sales have risen over the past year.", "Sales have risen since early this year.") == ()
    assert sentence_edits("The clinic expects demand to grow.", "Nonetheless, the clinic expects demand to grow.") == ()
    assert sentence_edits("The museum will reopen in spring.", "The museum may reopen in spring.") == \
        (Revision("will", "may"),)
    assert sentence_edits("The mill hired more workers a year ago.", "The mill hired fewer workers a year ago.") == \
        (Revision("more", "fewer"),)


@pytest.mark.parametrize("before, after, edited", [
    # a downtoner added or dropped alone restates the same change, softer or firmer
    ("Vacancies are gradually diminishing", "Vacancies continue to diminish", False),
    ("Ridership diminished somewhat", "Ridership has diminished since early this year", False),
    ("Rents rose slightly", "Rents rose", False),
    # in place of an amplifier, or beside a new word, it is an edit
    ("Rents rose slightly", "Rents rose sharply", True),
    ("Rents rose slightly", "Rents fell slightly", True),
])
def test_a_downtoner_added_or_dropped_alone_is_not_an_edit(before, after, edited):
    assert claim_edited(before, after) is edited


def test_substantive_sets_a_downtoner_aside_but_not_its_replacement():
    assert substantive({"vacancy", "gradually", "diminish"}, {"vacancy", "continue", "diminish"}) is False
    assert substantive({"rent", "rise", "slightly"}, {"rent", "rise", "sharply"}) is True


def test_substantive_ignores_time_and_linking_words_function_lemmas_and_addresses():
    assert substantive({"enrolment", "grow", "recent", "month"}, {"enrolment", "grow", "early", "year"}) is False
    assert substantive({"clinic", "expect", "demand"}, {"clinic", "expect", "demand", "nonetheless"}) is False
    assert substantive({"club", "see", "risk"}, {"club", "continue", "risk"}) is False  # *sees* / *continues to see*
    assert substantive({"rule", "https://example.org/a.html"}, {"rule", "https://example.org/b.html"}) is False
    assert substantive({"clinic", "expect", "demand"}, {"clinic", "expect", "supply"}) is True


def test_a_stance_verb_swapped_for_one_of_the_same_commitment_is_not_substantive():
    assert substantive({"clinic", "expect", "demand", "grow"}, {"clinic", "anticipate", "demand", "grow"}) is False
    assert substantive({"union", "expect", "strike"}, {"union", "reaffirm", "view", "strike"}) is False  # its view
    assert substantive({"union", "expect", "strike"}, {"union", "judge", "strike"}) is True  # firmer: judges that
    assert substantive({"union", "strike"}, {"union", "expect", "strike"}) is True  # a stance added, not swapped
    assert substantive({"union", "expect", "strike"}, {"union", "anticipate", "walkout"}) is True  # content edited



def test_text_moved_between_sentences_is_not_an_edit():
    from kalinovsky_nlp.judgement.edits import document_words

    before, after = "The board will cut fares.", "The board will review the timetable every month and will cut fares."
    merged = document_words(("The board will review the timetable every month.", before))
    assert sentence_edits(before, after, earlier_document=merged, later_document=document_words((after,))) == ()
    alone = document_words((before,))  # the review is new in the later text: an edit
    assert sentence_edits(before, after, earlier_document=alone, later_document=document_words((after,))) == \
        (Revision("", "will review the timetable every month and"),)
    short = document_words(("The board will review it.", before))  # too short a run to tell a move from an edit
    assert sentence_edits("The board will cut fares.", "The board will review it and cut fares.",
                          earlier_document=short, later_document=document_words(("x",))) != ()


def test_a_verb_of_attention_swapped_for_another_is_not_substantive():
    assert substantive({"board", "review", "proposal"}, {"board", "examine", "proposal"}) is False
    assert substantive({"board", "review", "proposal"}, {"board", "reject", "proposal"}) is True


def test_a_claim_restated_in_an_edited_sentence_is_edited_only_in_its_own_words():
    # the clause beside it was added: the claim's own words are the same, up to inflection and continuation
    assert claim_edited("The board expects that fares will fall", "the board continues to expect that fares will fall") \
        is False
    assert claim_edited("the clinic expects that demand will grow", "the clinic anticipates that demand will grow") \
        is False  # a stance verb of the same commitment
    assert claim_edited("The board expects that fares will fall", "the board expects that fares will rise") is True
    assert claim_edited("the board will review the plan", "the board will reject the plan") is True
    assert claim_edited("the board will review the plan", "the board will examine the plan") is False


def test_the_restated_form_of_a_claim_leaves_out_the_words_that_tie_it_to_its_neighbours():
    assert restated_form("However, a range of surveys suggests that demand remains high.") == \
        restated_form("and a range of surveys suggests that demand remains high")
    assert restated_form("Demand remains high.") != restated_form("Demand remains very high.")


def test_two_claims_are_one_clause_restated_when_the_sentence_carried_most_of_their_words_over():
    from kalinovsky_nlp.judgement.edits import carried_over

    before = "To keep fares low, the board decided to keep the subsidy at two million."
    after = "Accordingly, the board decided to keep the subsidy at three million."
    clause_a = (before.index("the board"), len(before) - 1)
    clause_b = (after.index("the board"), len(after) - 1)
    assert carried_over(before, clause_a, after, clause_b) >= 0.8  # the decision restated, its amount edited
    purpose = (0, before.index(","))  # "To keep fares low": the clause the later sentence dropped
    assert carried_over(before, purpose, after, clause_b) == 0.0


@pytest.mark.parametrize("before, after, edited", [
    # the subject shared with the clause before is not an edit ...
    ("The Harbour Board will continue its subsidies of the ferry", "will continue its subsidies of the ferry", False),
    # ... what the clause says still is
    ("The Harbour Board will continue its subsidies of the ferry", "will end its subsidies of the ferry", True),
    # a subject both name differently is an edit
    ("The Harbour Board will continue its subsidies of the ferry", "The council will continue its subsidies of the ferry",
     True),
])
def test_a_subject_one_clause_shares_with_the_clause_before_is_not_an_edit(before, after, edited):
    assert claim_edited(before, after, subject=("Board",)) is edited


@pytest.mark.parametrize("after, edits", [
    # the noun phrase shortened to a demonstrative and its head, the later text naming the thing elsewhere
    ("Until demand recovers, the board will keep this fare level.", ()),
    # a modifier the later text never uses: changed, not shortened
    ("Until demand recovers, the board will keep this higher fare level.",
     (("the current 2 dollar", "this higher"), ("for the night ferry", ""))),
])
def test_a_noun_phrase_shortened_to_refer_back_is_not_an_edit(after, edits):
    before = "Until demand recovers, the board will keep the current 2 dollar fare level for the night ferry."
    later = document_words(("The board set the fare level for the night ferry at 2 dollars.", after))
    found = sentence_edits(before, after, later_document=later)
    assert tuple((e.before, e.after) for e in found) == edits
