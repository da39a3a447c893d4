"""Renderers: a report dictionary in, a string out. Formats: text, markdown, json, html."""

from __future__ import annotations

import json
from typing import Any, Callable

from .html import render_html
from .markdown import render_markdown
from .text import render_text

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown", "render_text"]


def render_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[dict], str]] = {"text": render_text, "markdown": render_markdown, "json": render_json,
                                               "html": render_html}
FORMATS = tuple(RENDERERS)


def render(report: Any, format: str = "text") -> str:
    """Render a :class:`~kalinovsky_nlp.report.Report` (or its ``to_dict()``) as text, markdown, json or html."""
    try:
        renderer = RENDERERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}") from None
    data = report.to_dict() if hasattr(report, "to_dict") else report
    return renderer(data)
