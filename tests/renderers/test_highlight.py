"""Text with its cues marked as HTML: phrases found as whole words, marks chosen without overlaps, regions and
inserts placed so that tags nest, every character escaped."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from kalinovsky_nlp.renderers.highlight import Insert, Mark, Region, find_phrase, mark_up

TEXT = "The ferry may be late, officials said."


def marked(html: str) -> list[tuple[str, str]]:
    """(class, text) of each mark."""
    return re.findall(r'<mark class="kn-m kn-([a-z-]+)[^"]*"[^>]*>([^<]*)</mark>', str(html))


def bare(html: str) -> str:
    return re.sub(r"<[^>]+>", "", str(html))


# --- find_phrase -------------------------------------------------------------------------------------------------

def test_find_phrase_matches_whole_words_case_insensitively():
    assert find_phrase("May rates may fall? Maybe.", "may") == [(0, 3), (10, 13)]


def test_find_phrase_tolerates_any_whitespace_between_words():
    text = "It is, in my\n  view,   a loss."
    assert find_phrase(text, "in my view") == [(7, 19)]
    assert text[7:19] == "in my\n  view"


def test_find_phrase_escapes_the_phrase_and_offsets_by_start():
    assert find_phrase("costs (est.) rose", "(est.)", start=100) == [(106, 112)]
    assert find_phrase("a.b", "a b") == []
    assert find_phrase("fares", "") == []
    assert find_phrase("fares", "   ") == []


# --- marks -------------------------------------------------------------------------------------------------------

def test_plain_text_is_escaped():
    assert mark_up('a < b & "c"', 0, 11) == Markup("a &lt; b &amp; &#34;c&#34;")


def test_a_mark_carries_its_tip_legend_and_focus():
    html = mark_up(TEXT, 0, len(TEXT), marks=[Mark(10, 13, "self_mention", 'tip "quoted" <b>', attributed=True)])
    assert str(html) == ('The ferry <mark class="kn-m kn-self-mention kn-attributed" tabindex="0" '
                         'data-tip="tip &#34;quoted&#34; &lt;b&gt;" aria-describedby="kn-legend-self-mention">may</mark>'
                         ' be late, officials said.')


def test_of_two_overlapping_marks_the_higher_priority_is_kept():
    may_be = Mark(10, 16, "entity", "an entity")  # longer, but an entity
    may = Mark(10, 13, "hedge", "hedge")
    assert marked(mark_up(TEXT, 0, len(TEXT), marks=[may_be, may])) == [("hedge", "may")]
    cue = Mark(10, 16, "cue", "a cue")
    assert marked(mark_up(TEXT, 0, len(TEXT), marks=[cue, Mark(14, 16, "entity", "e")])) == [("cue", "may be")]


def test_of_equal_priority_the_longer_then_the_earlier_is_kept():
    short, long = Mark(10, 13, "hedge", "h"), Mark(10, 16, "booster", "b")
    assert marked(mark_up(TEXT, 0, len(TEXT), marks=[short, long])) == [("booster", "may be")]
    first, second = Mark(0, 7, "hedge", "h"), Mark(4, 11, "hedge", "h")
    assert marked(mark_up("one two six", 0, 11, marks=[second, first])) == [("hedge", "one two")]


def test_marks_that_do_not_overlap_are_all_kept_in_order():
    marks = [Mark(33, 37, "report", "r"), Mark(10, 13, "hedge", "h"), Mark(4, 9, "entity", "e")]
    assert marked(mark_up(TEXT, 0, len(TEXT), marks=marks)) == [("entity", "ferry"), ("hedge", "may"),
                                                                 ("report", "said")]


def test_only_marks_wholly_inside_the_slice_are_shown():
    sentence = mark_up(TEXT, 4, 16, marks=[Mark(0, 9, "entity", "e"), Mark(10, 13, "hedge", "h"),
                                           Mark(14, 21, "booster", "b")])
    assert marked(sentence) == [("hedge", "may")]
    assert bare(sentence) == "ferry may be"


# --- regions -------------------------------------------------------------------------------------------------------

def test_a_region_is_clipped_to_the_slice():
    html = mark_up(TEXT, 4, 9, regions=[Region(0, 20, "reported")])
    assert str(html) == '<span class="kn-region kn-reported">ferry</span>'


def test_a_region_outside_the_slice_is_not_shown():
    assert str(mark_up(TEXT, 0, 9, regions=[Region(10, 20, "reported")])) == "The ferry"


def test_a_region_edge_inside_a_mark_moves_to_the_marks_end_so_tags_nest():
    html = str(mark_up(TEXT, 0, len(TEXT), marks=[Mark(10, 13, "hedge", "h")], regions=[Region(11, 21, "reported")]))
    assert html.startswith('The ferry <mark class="kn-m kn-hedge"')
    assert '</mark><span class="kn-region kn-reported"> be late</span>, officials said.' in html
    spanned = str(mark_up(TEXT, 0, len(TEXT), marks=[Mark(10, 13, "hedge", "h")], regions=[Region(4, 12, "reported")]))
    assert re.search(r'<span class="kn-region kn-reported">ferry <mark[^>]*>may</mark></span> be late', spanned)


def test_a_region_that_collapses_inside_a_mark_disappears():
    html = str(mark_up(TEXT, 0, len(TEXT), marks=[Mark(10, 16, "hedge", "h")], regions=[Region(11, 13, "reported")]))
    assert "kn-region" not in html


def test_overlapping_regions_are_reopened_so_that_spans_nest():
    html = str(mark_up("abcdef", 0, 6, regions=[Region(0, 4, "reported"), Region(2, 6, "quote")]))
    assert html == ('<span class="kn-region kn-reported">ab</span>'
                    '<span class="kn-region kn-quote"><span class="kn-region kn-reported">cd</span></span>'
                    '<span class="kn-region kn-quote">ef</span>')
    assert html.count("<span") == html.count("</span>")


# --- inserts -------------------------------------------------------------------------------------------------------

def test_an_insert_is_placed_at_its_offset_unescaped():
    tag = Markup('<sup class="kn-ct">PR+</sup>')
    html = str(mark_up(TEXT, 0, 21, inserts=[Insert(21, tag), Insert(9, Markup("<i>1</i>"))]))
    assert html == 'The ferry<i>1</i> may be late<sup class="kn-ct">PR+</sup>'


def test_an_insert_inside_a_mark_moves_past_it_and_one_outside_the_slice_is_dropped():
    html = str(mark_up(TEXT, 4, 16, marks=[Mark(10, 13, "hedge", "h")],
                       inserts=[Insert(11, Markup("<i>T</i>")), Insert(30, Markup("<i>X</i>"))]))
    assert re.fullmatch(r"ferry <mark[^>]*>may</mark><i>T</i> be", html)


@pytest.mark.parametrize("lo, hi", [(0, 0), (5, 5)])
def test_an_empty_slice_is_empty(lo, hi):
    assert str(mark_up(TEXT, lo, hi, marks=[Mark(10, 13, "hedge", "h")])) == ""
