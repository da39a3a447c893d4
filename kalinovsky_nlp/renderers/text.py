"""Plain-text renderer: fixed-width tables, wrapped paragraphs. Control and bidirectional-override characters from
user text are shown as ``<U+XXXX>`` (:mod:`kalinovsky_nlp.escaping`), so that nothing from the input drives the
terminal; headings and cells are kept on one line."""

from __future__ import annotations

import textwrap
from typing import Any

from ..escaping import plain_inline, visible_controls
from .blocks import Bullets, Heading, Paragraph, Table, report_blocks

WIDTH = 100


def _table(block: Table) -> list[str]:
    block = Table([plain_inline(h) for h in block.headers], [[plain_inline(c) for c in row] for row in block.rows])
    widths = [len(h) for h in block.headers]
    for row in block.rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    numeric = [block.numeric(i) for i in range(len(block.headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(block.headers), "  ".join("-" * w for w in widths)] + [line(r) for r in block.rows]


def render_text(report: dict[str, Any]) -> str:
    out: list[str] = []
    for block in report_blocks(report):
        if isinstance(block, Heading):
            heading = plain_inline(block.text)
            underline = ("=" if block.level == 1 else "-") * len(heading)
            out += ["", heading.upper() if block.level == 1 else heading, underline]
        elif isinstance(block, Paragraph):
            out += textwrap.wrap(visible_controls(block.text), WIDTH) + [""]
        elif isinstance(block, Bullets):
            for item in block.items:
                out += textwrap.wrap(visible_controls(item), WIDTH, initial_indent="  - ", subsequent_indent="    ")
            out.append("")
        elif isinstance(block, Table):
            out += _table(block) + [""]
    return "\n".join(out).strip() + "\n"
