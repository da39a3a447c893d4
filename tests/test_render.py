"""Renderers: every format from the same report dictionary."""

from __future__ import annotations

import json

import pytest

from kalinovsky_nlp.renderers import FORMATS, render


def test_formats(builtin_report):
    assert FORMATS == ("text", "markdown", "json", "html")
    text = render(builtin_report, "text")
    markdown = render(builtin_report, "markdown")
    assert json.loads(render(builtin_report, "json"))["schema_version"] == "1.0"
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
