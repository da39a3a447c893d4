"""Users' text made safe for a terminal, Markdown and a spreadsheet (examples; tests/test_properties.py has the
property-based checks and tests/test_render.py the Markdown cases a report meets)."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.escaping import csv_cell, markdown_inline, plain_inline, visible_controls


@pytest.mark.parametrize("text, shown", [
    ("fares\trise\nagain", "fares\trise\nagain"),  # tab and newline are kept
    ("bell\x07", "bell<U+0007>"),
    ("nul\x00", "nul<U+0000>"),
    ("vertical\x0btab", "vertical<U+000B>tab"),
    ("carriage\rreturn", "carriage<U+000D>return"),
    ("del\x7f", "del<U+007F>"),
    ("next line\x85", "next line<U+0085>"),  # C1
    ("csi\x9b", "csi<U+009B>"),
    ("arabic mark\u061c", "arabic mark<U+061C>"),
    ("\u200eleft\u200fright", "<U+200E>left<U+200F>right"),
    ("line\u2028para\u2029", "line<U+2028>para<U+2029>"),
    ("\u202aembed\u202e override", "<U+202A>embed<U+202E> override"),
    ("\u2066isolate\u2069", "<U+2066>isolate<U+2069>"),
    ("caf\u00e9 \u00a0 \u2014 \u05d0", "caf\u00e9 \u00a0 \u2014 \u05d0"),  # letters, no-break space, dash, Hebrew
])
def test_visible_controls(text, shown):
    assert visible_controls(text) == shown


def test_plain_inline_is_one_line_with_single_spaces():
    assert plain_inline("  The budget\n\n grew\t by  4%. ") == "The budget grew by 4%."
    assert plain_inline("deficit\x1b[2J") == "deficit<U+001B>[2J"
    assert plain_inline("") == ""


@pytest.mark.parametrize("text, escaped", [
    ("+ plus", "\\+ plus"),
    ("= setext", "\\= setext"),
    ("2) second", "2\\) second"),
    ("2017. A year", "2017\\. A year"),
    ("2017-05-08 report", "2017-05-08 report"),  # a date is not a list
    ("a - b + c > d = e", "a - b + c > d = e"),  # only at the start of a line
    ("![chart](x.png)", "!\\[chart\\](x.png)"),
    ("#hashtag and C#", "\\#hashtag and C\\#"),
    ("a|b", "a\\|b"),
    ("AT&T", "AT\\&T"),
    ("snake_case", "snake\\_case"),
    ("<https://example.org>", "\\<https://example.org>"),
    ("line one\n- line two", "line one - line two"),  # the line break goes, so no list starts
])
def test_markdown_inline(text, escaped):
    assert markdown_inline(text) == escaped


@pytest.mark.parametrize("value, cell", [
    ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-2+3", "'-2+3"),
    ("@cmd", "'@cmd"),
    ("\tindent", "'\tindent"),
    ("\rreturn", "'\rreturn"),
    ("-", "'-"),
    ("-0.5", "-0.5"),  # plain numbers stay numbers
    ("+3", "+3"),
    ("-.25", "-.25"),
    ("+1.5e-3", "+1.5e-3"),
    ("budget = 5", "budget = 5"),  # only the start counts
    ("", ""),
    (-0.5, -0.5),  # not text: unchanged
    (None, None),
    (12, 12),
])
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell
