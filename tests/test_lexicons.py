"""The packaged word lists: each says what it is for and where it comes from, and a table with a source column
gives a source on every row."""

from __future__ import annotations

from importlib import resources

import pytest

from kalinovsky_nlp.lexicons import read_table, read_table_file, read_word_list

FILES = sorted(f.name for f in resources.files("kalinovsky_nlp.lexicons").iterdir()
               if f.name.endswith((".txt", ".tsv")))


@pytest.mark.parametrize("name", FILES)
def test_every_list_opens_with_a_comment_header(name):
    text = (resources.files("kalinovsky_nlp.lexicons") / name).read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    assert len(header) >= 2, f"{name}: no header saying what the list is for and its sources"


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".tsv")])
def test_every_row_of_a_table_with_a_source_column_has_a_source(name):
    rows = read_table(name)
    if rows and "source" in rows[0]:
        assert all((row["source"] or "").strip() for row in rows), name


def test_a_table_reads_as_a_word_list_of_its_first_column():
    assert "lead" in read_word_list("non_agentive_verbs.tsv")
    assert "lemma" not in read_word_list("reporting_verbs.tsv")  # the header row is no entry
    assert "say" in read_word_list("reporting_verbs.tsv")


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
