"""Curated word lists shipped as data files (see each file's header for its sources), loaded once and cached."""

from __future__ import annotations

import csv
import functools
from importlib import resources

__all__ = ["read_table", "read_word_list"]


def _lines(name: str) -> list[str]:
    text = (resources.files(__name__) / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header line; '#' lines are comments."""
    return tuple(csv.DictReader(_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=None)
def read_word_list(name: str) -> frozenset[str]:
    """A set of lower-cased entries, one per line."""
    return frozenset(line.strip().lower() for line in _lines(name))
