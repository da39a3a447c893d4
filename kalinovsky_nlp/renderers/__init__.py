"""Renderers: a report dictionary in, a string out. Formats: text, markdown, json, html.

User text is made safe in each renderer (:mod:`kalinovsky_nlp.escaping`): controls made visible in text and
Markdown, Markdown syntax escaped; HTML escaped by jinja2's autoescaping; JSON is strict (a non-finite number
becomes ``null``, never ``NaN``).
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any, Callable

from .html import render_html
from .markdown import render_markdown
from .text import render_text

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["FORMATS", "finite", "render", "render_html", "render_json", "render_markdown", "render_text"]


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None (strict JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(item) for item in value]
    return value


def render_json(report: dict[str, Any]) -> str:
    """The report as strict JSON (RFC 8259: no NaN or Infinity), UTF-8 text, indented."""
    return json.dumps(finite(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


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
