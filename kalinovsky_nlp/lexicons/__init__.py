"""Curated word lists shipped as data files (see each file's header for its sources), loaded once and cached."""

from .reading import read_table, read_table_file, read_word_list
from .tables import TableFormatError

__all__ = ["TableFormatError", "read_table", "read_table_file", "read_word_list"]
