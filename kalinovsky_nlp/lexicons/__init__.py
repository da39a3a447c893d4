"""Curated word lists shipped as data files (see each file's header for its sources), loaded once and cached."""

from __future__ import annotations

import csv
import functools
from importlib import resources

from pathlib import Path

__all__ = ["read_table", "read_table_file", "read_word_list"]


def _data_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _lines(name: str) -> list[str]:
    return _data_lines((resources.files(__name__) / name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged tab-separated data file with a header line; '#' lines are comments."""
    return tuple(csv.DictReader(_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE))


def read_table_file(path: str | Path) -> list[dict[str, str]]:
    """Rows of a user's tab-separated file in the same format as the packaged ones."""
    lines = _data_lines(Path(path).read_text(encoding="utf-8"))
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=None)
def read_word_list(name: str) -> frozenset[str]:
    """A set of lower-cased entries: one per line of a ``.txt`` list, or the first column of a ``.tsv`` table (whose
    other columns, such as each row's source, document the entry)."""
    if name.endswith(".tsv"):
        return frozenset(next(iter(row.values())).strip().lower() for row in read_table(name))
    return frozenset(line.strip().lower() for line in _lines(name))
