"""Markdown renderer (GitHub-flavoured tables)."""

from __future__ import annotations

from .blocks import Bullets, Heading, Paragraph, Table, report_blocks


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: dict) -> str:
    out: list[str] = []
    for block in report_blocks(report):
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, Bullets):
            out += [f"- {_cell(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
            out.append("|" + "|".join("---:" if block.numeric(i) else "---" for i in range(len(block.headers))) + "|")
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out).strip() + "\n"
