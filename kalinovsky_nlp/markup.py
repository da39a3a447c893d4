"""The words of a Markdown body, by markdown-it-py's CommonMark parser (installed with spaCy) instead of regexes.

What a reader sees is kept, the syntax goes: heading marks, emphasis, block-quote ``>``, list markers, link and
image syntax (link text and image alt text stay; inline and reference-style alike, reference definitions go), HTML
tags (their text stays), backslash escapes and entities (decoded). Code keeps its text: inline code as words in
the sentence, a code block as a paragraph of its own, so nothing the author wrote is silently dropped. Blocks come
out as paragraphs separated by a blank line; line breaks inside a paragraph are kept as they were.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["markdown_to_text"]

_TAG = re.compile(r"<[^>]*>")


@functools.lru_cache(maxsize=1)
def _parser() -> "MarkdownIt":
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


def _inline_text(token: "Token") -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child))  # the alt text, held as the image's children
        elif child.type == "html_inline":
            continue  # a tag: its text, if any, is in the text tokens around it
    return "".join(parts)


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document, one block per paragraph (see the module's docstring)."""
    blocks: list[str] = []
    for token in _parser().parse(text):
        if token.type == "inline":
            blocks.append(_inline_text(token))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type == "html_block":
            blocks.append(_TAG.sub("", token.content).strip())
    return "\n\n".join(block for block in blocks if block.strip())
