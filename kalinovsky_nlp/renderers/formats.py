"""The renderers by format name, and :func:`render`: a report in, a string out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .text import render_text

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["FORMATS", "RENDERERS", "render"]

RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {"text": render_text, "markdown": render_markdown,
                                                         "json": render_json, "html": render_html}
FORMATS = tuple(RENDERERS)


def render(report: Report | dict[str, Any], format: str = "text") -> str:
    """Render a :class:`~kalinovsky_nlp.report.Report` (or its ``to_dict()``) as text, markdown, json or html."""
    try:
        renderer = RENDERERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}") from None
    data = report.to_dict() if hasattr(report, "to_dict") else report
    return renderer(data)
