"""Output that carries users' text safely: to a terminal, into Markdown, into a spreadsheet.

* Control characters (C0 but tab and newline, DEL, C1), bidirectional overrides and isolates, and line or paragraph
  separators are shown as ``<U+XXXX>``, so that no escape sequence, bell, NUL or right-to-left override from the
  input reaches a terminal or a rendered page raw (CVE-2021-42574, "Trojan Source", for the bidi controls).
* Markdown: every character that CommonMark or GitHub-flavoured Markdown could read as syntax (emphasis, code,
  links, images, raw HTML, entities, tables, headings, lists, thematic breaks) is backslash-escaped, and line
  breaks become spaces, so user text renders as the same text and never as markup.
* CSV: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with ``'`` (OWASP's
  CSV-injection guidance), except a plain number such as ``-0.5``, which a spreadsheet reads as a number anyway.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["csv_cell", "markdown_inline", "plain_inline", "visible_controls"]

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")
#: ASCII punctuation that Markdown may read as syntax anywhere in a line: escapes, code, emphasis, strikethrough,
#: link and image brackets (with them escaped, ``(``, ``)`` and ``!`` are plain), raw HTML and autolinks (with ``<``
#: escaped, ``>`` is plain), entities, table cells, heading marks.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<#|~&])")
#: What Markdown reads as syntax only at the start of a line: block quotes, list markers, thematic breaks, setext
#: underlines, ordered-list numbers.
_LINE_START = re.compile(r"^([>+=-])|^(\d+)([.)])")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def visible_controls(text: str) -> str:
    """Control, bidi-override and separator characters shown as ``<U+XXXX>``; tab and newline kept."""
    return _CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def plain_inline(text: str) -> str:
    """Text for one line of a terminal report: controls made visible, line breaks and runs of spaces as one space."""
    return _WHITESPACE.sub(" ", visible_controls(text)).strip()


def markdown_inline(text: str) -> str:
    """Text that Markdown renders as itself: :func:`plain_inline`, then every syntax character escaped."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", plain_inline(text))
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), escaped)


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell, with a text that a spreadsheet would run as a formula prefixed by ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
