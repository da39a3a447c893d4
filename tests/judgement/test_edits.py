"""Edits of restated sentences: what changed, without spelling-only and calendar-only edits."""

from __future__ import annotations

from kalinovsky_nlp.judgement.edits import sentence_edits, substantive
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
