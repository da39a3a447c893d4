"""Parsing of the tab-separated data tables (packaged or a user's): a header line naming the columns, then one row a
line; blank lines and '#' lines are comments.

A table is checked as it is read, so that a wrong file fails with the file, the line and what to change: a missing
header line (the first row would otherwise be taken for the header and the table would come out short or empty),
rows with more or fewer fields than the header names.
"""

from __future__ import annotations

from importlib import resources
from typing import Sequence

__all__ = ["TableFormatError", "is_packaged", "packaged_tables", "parse_table", "read_packaged_text", "row_text"]

PACKAGE = "kalinovsky_nlp.lexicons"


class TableFormatError(ValueError):
    """A data table that cannot be read as intended; the message names the file, the line and the fix."""


def read_packaged_text(name: str) -> str:
    """The text of a data file shipped in ``kalinovsky_nlp/lexicons/``."""
    return (resources.files(PACKAGE) / name).read_text(encoding="utf-8")


def is_packaged(name: str) -> bool:
    """Whether ``name`` is the file name of a table shipped in ``kalinovsky_nlp/lexicons/``."""
    return "/" not in name and "\\" not in name and (resources.files(PACKAGE) / name).is_file()


def packaged_tables() -> list[str]:
    """File names of the tables shipped in ``kalinovsky_nlp/lexicons/``."""
    return sorted(entry.name for entry in resources.files(PACKAGE).iterdir() if entry.name.endswith(".tsv"))


def parse_table(text: str, source: str, columns: Sequence[str] = ()) -> list[dict[str, str]]:
    """Rows of a table as dicts keyed by its header.

    ``columns`` are the columns the caller needs: when given, the first line that is not a comment must name them
    all, so a file that starts with data, or with another table's header, is an error instead of a table read from
    its first row."""
    numbered = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    expected = "\t".join(columns)
    if not numbered:
        if columns:
            raise TableFormatError(f"{source}: the table is empty; it needs a header line naming the tab-separated "
                                   f"columns {', '.join(columns)} ({expected!r}), then one row a line.")
        return []
    header_number, header_line = numbered[0]
    header = header_line.split("\t")
    missing = [column for column in columns if column not in header]
    if missing:
        raise TableFormatError(
            f"{source}, line {header_number}: expected the header line naming the tab-separated columns "
            f"{', '.join(columns)}, found {header_line!r} (no column {', '.join(missing)}). Add the header line "
            f"{expected!r} before the first row, or rename the header's columns."
        )
    rows = []
    for number, line in numbered[1:]:
        fields = line.split("\t")
        if len(fields) != len(header):
            raise TableFormatError(
                f"{source}, line {number}: {len(fields)} tab-separated fields where the header names "
                f"{len(header)} ({', '.join(header)}): {line!r}. Separate the columns with one tab each and leave "
                f"an empty field (two tabs in a row) for a missing value."
            )
        rows.append(dict(zip(header, fields)))
    return rows


def row_text(row: dict[str, str]) -> str:
    """A parsed row as the tab-separated line it came from (for error messages that quote the row)."""
    return "\t".join(value or "" for value in row.values())
