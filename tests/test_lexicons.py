"""The packaged word lists and tables, and a user's table in the same format."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.lexicons import read_table, read_table_file, read_word_list


def test_a_word_list_is_lower_cased_without_comments_or_blank_lines():
    verbs = read_word_list("light_verbs.txt")
    assert {"be", "have", "make"} <= verbs
    assert not any(w.startswith("#") or not w or w != w.lower() or w != w.strip() for w in verbs)
    assert read_word_list("light_verbs.txt") is verbs  # cached


def test_a_packaged_table_has_its_header_as_keys():
    rows = read_table("capitals.tsv")
    assert rows and all(set(row) == set(rows[0]) for row in rows)
    assert not any(str(value).startswith("#") for row in rows for value in row.values())


def test_a_missing_packaged_file_is_an_error():
    with pytest.raises(FileNotFoundError):
        read_word_list("no_such_list.txt")


def test_a_users_table(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("# my aliases\ncanonical\taliases\n\nTransit Authority\tTA|the Authority\n  # indented comment\n"
                    "Metro\t\"Metro\"\n", encoding="utf-8")
    assert read_table_file(path) == [{"canonical": "Transit Authority", "aliases": "TA|the Authority"},
                                     {"canonical": "Metro", "aliases": '"Metro"'}]  # quotes are kept as written
