"""Texts longer than the model's ``nlp.max_length``: parsed in pieces and joined into one Doc, not refused.

spaCy refuses a text over ``nlp.max_length`` characters (1,000,000 by default, error E088) because its parser and
NER need about 1 GB of memory per 100,000 characters. A long text is cut at paragraph breaks, else at sentence
ends, else at spaces (a hard cut only for a run of that many characters without one), into pieces of at most
:data:`PIECE_LENGTH` characters; the model's own components (tagger, parser, NER, ...) run on the pieces; the
pieces are joined with ``Doc.from_docs`` so that every offset refers to the whole text (checked: the joined text
equals the original character for character); then the project's Doc-level components, which have no length limit,
run on the joined Doc. A text that fits is parsed whole, as before.

Users who prefer a cap pass ``max_length``: texts longer than that are refused with :class:`TextTooLongError`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .pipeline import PROJECT_COMPONENTS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PIECES_PER_BATCH", "PIECE_LENGTH", "TextTooLongError", "check_length", "parse_long_text", "pipe_texts", "split_text"]

#: Characters per piece of a long text: well below spaCy's default limit, so that a piece's parse stays small.
PIECE_LENGTH = 100_000
#: Pieces parsed together. One piece at a time, a 1,100,000-character text (182,670 tokens) peaked at 548 MB in
#: 78.5 s; four at a time at 1,216 MB in 47.4 s (on a shared, busy 2-core machine): one keeps a long text within
#: the memory the analysis aims for (see ``analysis.DEFAULT_BATCH_SIZE``).
PIECES_PER_BATCH = 1

_PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


class TextTooLongError(ValueError):
    """A text is longer than the cap the user set (``max_length`` / ``--max-length``)."""


def check_length(text: str, max_length: int | None) -> None:
    """Raise :class:`TextTooLongError` when ``text`` is longer than the user's cap (None: no cap)."""
    if max_length is not None and len(text) > max_length:
        raise TextTooLongError(
            f"text of {len(text):,} characters is longer than --max-length {max_length:,}: raise --max-length, or "
            "leave it out to analyse long texts in pieces"
        )


def _cuts(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Positions just after each match: the places where a piece may end."""
    return [m.end() for m in pattern.finditer(text) if 0 < m.end() < len(text)]


def split_text(text: str, limit: int = PIECE_LENGTH) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters that join back to it exactly.

    Pieces end after a paragraph break where one falls within the limit, else after a sentence end, else after a
    space; whitespace stays with the piece before the cut."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit + 1]
        end = 0
        for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
            ends = [cut for cut in _cuts(window, pattern) if cut <= limit]
            if ends:
                end = ends[-1]
                break
        if end == 0:
            end = limit
        pieces.append(text[start : start + end])
        start += end
    pieces.append(text[start:])
    return pieces


def _model_components(nlp: "Language") -> list[str]:
    return [name for name in nlp.pipe_names if name not in PROJECT_COMPONENTS]


def parse_long_text(
    nlp: "Language", text: str, *, piece_length: int | None = None, batch_size: int = PIECES_PER_BATCH
) -> "Doc":
    """One Doc for a text of any length: the model's components on pieces, the project's on the joined Doc."""
    from spacy.tokens import Doc

    limit = min(piece_length or PIECE_LENGTH, nlp.max_length)
    pieces = split_text(text, limit)
    project = [name for name in nlp.pipe_names if name in PROJECT_COMPONENTS]
    with nlp.select_pipes(disable=project):
        parts = list(nlp.pipe(pieces, batch_size=batch_size))
    doc = Doc.from_docs(parts, ensure_whitespace=False) if len(parts) > 1 else parts[0]
    if doc.text != text:  # pragma: no cover - a guard on spaCy's behaviour, not on the input
        raise RuntimeError("joining the parsed pieces of a long text changed its text; please report this")
    for name in project:
        doc = nlp.get_pipe(name)(doc)
    return doc


def pipe_texts(
    nlp: "Language", texts: Iterable[str], *, batch_size: int, n_process: int = 1, **pipe_options: Any
) -> Iterator["Doc"]:
    """``nlp.pipe(texts)`` in input order, with each text longer than ``nlp.max_length`` parsed by
    :func:`parse_long_text` instead of raising E088 (an empty placeholder holds its place in the batch)."""
    long_texts: dict[int, str] = {}

    def fitting() -> Iterator[str]:
        for index, text in enumerate(texts):
            if len(text) > nlp.max_length:
                long_texts[index] = text
                yield ""
            else:
                yield text

    for index, doc in enumerate(nlp.pipe(fitting(), batch_size=batch_size, n_process=n_process, **pipe_options)):
        text = long_texts.pop(index, None)
        yield doc if text is None else parse_long_text(nlp, text)
