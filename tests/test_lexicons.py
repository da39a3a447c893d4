"""The packaged word lists: each says what it is for and where it comes from, and a table with a source column
gives a source on every row."""

from __future__ import annotations

from importlib import resources

import pytest

from kalinovsky_nlp.lexicons import read_table, read_word_list

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
