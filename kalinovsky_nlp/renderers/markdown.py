"""Markdown renderer (GitHub-flavoured tables). Every text from a block is escaped
(:func:`kalinovsky_nlp.escaping.markdown_inline`): the blocks hold plain text, so user text (titles, venues, quoted
sentences) renders as itself, never as headings, links, HTML or tables."""

from __future__ import annotations

from typing import Any

from ..escaping import markdown_inline
from .blocks import Bullets, Heading, Paragraph, Table, report_blocks


def render_markdown(report: dict[str, Any]) -> str:
    out: list[str] = []
    for block in report_blocks(report):
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + markdown_inline(block.text), ""]
        elif isinstance(block, Paragraph):
            out += [markdown_inline(block.text), ""]
        elif isinstance(block, Bullets):
            out += [f"- {markdown_inline(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(markdown_inline(h) for h in block.headers) + " |")
            out.append("|" + "|".join("---:" if block.numeric(i) else "---" for i in range(len(block.headers))) + "|")
            out += ["| " + " | ".join(markdown_inline(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out).strip() + "\n"
