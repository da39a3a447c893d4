"""Renderers: a report dictionary in, a string out. Formats: text, markdown, json, html.

User text is made safe in each renderer (:mod:`kalinovsky_nlp.escaping`): controls made visible in text and
Markdown, Markdown syntax escaped; HTML escaped by jinja2's autoescaping; JSON is strict (a non-finite number
becomes ``null``, never ``NaN``).
"""

from .formats import FORMATS, render
from .html import render_html
from .json import finite, render_json
from .markdown import render_markdown
from .text import render_text

__all__ = ["FORMATS", "finite", "render", "render_html", "render_json", "render_markdown", "render_text"]
