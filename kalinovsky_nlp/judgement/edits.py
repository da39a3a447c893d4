"""What an author changed when restating a sentence: the word-level edits between two versions.

Authors who write in series (statements, reports, speeches) restate sentences with edits, and readers of such series
read the edits (*"how long to maintain this target range"* became *"whether it will be appropriate to raise the
target range at its next meeting"*). :func:`sentence_edits` gives them as (before, after) fragments, leaving out
edits of spelling only (quotation-mark style, case, punctuation) and month names that merely move with the calendar.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

from ..lexicons import read_word_list
from ..results import Revision

__all__ = ["sentence_edits", "substantive"]

_WORD = re.compile(r"\w+(?:[-'\u2019./]\w+)*|[^\w\s]")
#: Month names: "Beginning in July" restated as "Beginning in August" is the calendar, not a revision.
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
                         .replace("\u201d", '"').replace("--", " -- "))


def _key(token: str) -> str:
    return token.lower()


def _calendar_only(before: list[str], after: list[str]) -> bool:
    words = [t.lower() for t in before + after if t.isalnum()]
    return bool(words) and all(w in _MONTHS for w in words)


def sentence_edits(before: str, after: str, limit: int = 4) -> tuple[Revision, ...]:
    """The substantive edits from ``before`` to ``after`` (at most ``limit``, in text order): word runs that differ,
    without edits of punctuation, quotation-mark style or case alone, and without month names that changed alone."""
    words_a, words_b = _tokens(before), _tokens(after)
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in words_a], b=[_key(t) for t in words_b], autojunk=False)
    spans: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 1 and j1 - spans[-1][3] <= 1:
            spans[-1][1], spans[-1][3] = i2, j2  # one word kept between two edits: one edit (*how long to keep*)
        else:
            spans.append([i1, i2, j1, j2])
    edits = []
    for i1, i2, j1, j2 in spans:
        removed, added = words_a[i1:i2], words_b[j1:j2]
        if not any(t.isalnum() or t[:1].isalnum() for t in removed + added):
            continue  # punctuation only
        if _calendar_only(removed, added):
            continue
        edits.append(Revision(_join(removed), _join(added)))
    return tuple(edits[:limit])


def substantive(before_words: Iterable[str], after_words: Iterable[str]) -> bool:
    """Whether two versions of a sentence differ in content words (the profile's content lemmas of each sentence),
    beyond month names that move with the calendar and verbs of continuation (``lexicons/aspectual_verbs.txt``:
    *sees* / *continues to see*)."""
    changed = set(before_words) ^ set(after_words)
    return any(w.lower() not in _MONTHS and w.lower() not in read_word_list("aspectual_verbs.txt") for w in changed)


def _join(tokens: list[str]) -> str:
    text = ""
    for token in tokens:
        if text and (token[:1].isalnum() or token in ("(", '"', "$")) and not text.endswith(("(", "$")):
            text += " "
        text += token
    return text
