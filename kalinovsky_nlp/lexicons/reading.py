"""Reading the packaged word lists and tables, once each (cached), and a user's table in the same format."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Sequence

from .tables import PACKAGE, parse_table, read_packaged_text

__all__ = ["read_table", "read_table_file", "read_word_list"]


def _data_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _lines(name: str) -> list[str]:
    return _data_lines((resources.files(PACKAGE) / name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def read_table(name: str, columns: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of a packaged tab-separated data file with a header line; '#' lines are comments. ``columns``: the
    columns the header must name (:class:`TableFormatError` otherwise)."""
    return tuple(parse_table(read_packaged_text(name), f"packaged table {name}", columns))


def read_table_file(path: str | Path, columns: Sequence[str] = ()) -> list[dict[str, str]]:
    """Rows of a user's tab-separated file in the same format as the packaged ones (checked the same way)."""
    return parse_table(Path(path).read_text(encoding="utf-8"), str(path), tuple(columns))


@functools.lru_cache(maxsize=None)
def read_word_list(name: str) -> frozenset[str]:
    """A set of lower-cased entries: one per line of a ``.txt`` list, or the first column of a ``.tsv`` table (whose
    other columns, such as each row's source, document the entry)."""
    if name.endswith(".tsv"):
        return frozenset(next(iter(row.values())).strip().lower() for row in read_table(name))
    return frozenset(line.strip().lower() for line in _lines(name))
