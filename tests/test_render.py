"""Renderers: every format from the same report dictionary."""

from __future__ import annotations

import json

import pytest

from kalinovsky_nlp.renderers import FORMATS, render


def test_formats(builtin_report):
    assert FORMATS == ("text", "markdown", "json", "html")
    text = render(builtin_report, "text")
    markdown = render(builtin_report, "markdown")
    assert json.loads(render(builtin_report, "json"))["schema_version"] == "2.2"
    assert text.startswith("HOW THE AUTHOR'S JUDGEMENT CHANGED: ARTEMY M. KALINOVSKY")
    assert markdown.startswith("# How the author's judgement changed: Artemy M. Kalinovsky")
    for out in (text, markdown):
        order = [out.index(h) for h in ("How the author's judgement changed\n", "Stance markers",
                                        "Who and what the author writes about", "Distinctive vocabulary",
                                        "Text measures")]
        assert order == sorted(order)
        assert "2017-05-08" in out and "2020-07-22" in out


def test_render_from_saved_json(builtin_report):
    data = json.loads(render(builtin_report, "json"))
    assert render(data, "markdown") == render(builtin_report, "markdown")


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render({}, "pdf")


def test_markdown_tables_are_well_formed(builtin_report):
    lines = render(builtin_report, "markdown").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|---"):
            header = lines[i - 1]
            assert header.count("|") == line.count("|")


@pytest.mark.parametrize("text, escaped", [
    ("Plain words, 2017-05-08 -> 2020-07-22 (a note).", "Plain words, 2017-05-08 -> 2020-07-22 (a note)."),
    ("A\n# Injected\n| a | b |", "A \\# Injected \\| a \\| b \\|"),
    ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
    ("[venue](javascript:alert(1))", "\\[venue\\](javascript:alert(1))"),
    ("*bold* _it_ `code` ~~gone~~ &amp; \\", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\&amp; \\\\"),
    ("- item", "\\- item"),
    ("> quote", "\\> quote"),
    ("1. first", "1\\. first"),
    ("---", "\\---"),
    ("Red \x1b[31m bell \x07 rlo \u202e end", "Red \\<U+001B>\\[31m bell \\<U+0007> rlo \\<U+202E> end"),
])
def test_markdown_escaping(text, escaped):
    from kalinovsky_nlp.escaping import markdown_inline

    assert markdown_inline(text) == escaped


def test_json_is_strict(builtin_report_dict):
    data = json.loads(json.dumps(builtin_report_dict))
    data["documents"][0]["readability"]["flesch_reading_ease"] = float("nan")
    data["documents"][1]["stats"]["mtld"] = float("inf")
    out = render(data, "json")
    assert "NaN" not in out and "Infinity" not in out
    parsed = json.loads(out, parse_constant=lambda name: pytest.fail(name))
    assert parsed["documents"][0]["readability"]["flesch_reading_ease"] is None
    assert parsed["documents"][1]["stats"]["mtld"] is None


def test_warnings_shown_first_in_text_and_markdown(builtin_report_dict):
    data = dict(builtin_report_dict, warnings=["nothing to compare: give two or more dated texts"])
    for fmt, heading in (("text", "\nWarnings\n--------\n"), ("markdown", "\n## Warnings\n")):
        out = render(data, fmt)
        assert heading in out and "nothing to compare: give two or more dated texts" in out
        assert out.index(heading) < out.index("How the author's judgement changed\n")
    assert "Warnings" not in render(builtin_report_dict, "text")


def test_text_report_shows_controls(builtin_report_dict):
    data = json.loads(json.dumps(builtin_report_dict))
    data["documents"][0]["title"] = "Evil\x1b]0;title\x07 \u202eTITLE\x00"
    out = render(data, "text")
    assert "Evil<U+001B>]0;title<U+0007> <U+202E>TITLE<U+0000>" in out
    assert "\x1b" not in out and "\x00" not in out and "\u202e" not in out
