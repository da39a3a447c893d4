"""Plain-text renderer: fixed-width tables, wrapped paragraphs."""

from __future__ import annotations

import textwrap

from .blocks import Bullets, Heading, Paragraph, Table, report_blocks

WIDTH = 100


def _table(block: Table) -> list[str]:
    widths = [len(h) for h in block.headers]
    for row in block.rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    numeric = [block.numeric(i) for i in range(len(block.headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(block.headers), "  ".join("-" * w for w in widths)] + [line(r) for r in block.rows]


def render_text(report: dict) -> str:
    out: list[str] = []
    for block in report_blocks(report):
        if isinstance(block, Heading):
            out += ["", block.text.upper() if block.level == 1 else block.text,
                    ("=" if block.level == 1 else "-") * len(block.text)]
        elif isinstance(block, Paragraph):
            out += textwrap.wrap(block.text, WIDTH) + [""]
        elif isinstance(block, Bullets):
            for item in block.items:
                out += textwrap.wrap(item, WIDTH, initial_indent="  - ", subsequent_indent="    ")
            out.append("")
        elif isinstance(block, Table):
            out += _table(block) + [""]
    return "\n".join(out).strip() + "\n"
