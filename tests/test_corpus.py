"""The built-in corpus (integrity against the verbatim raw seed files) and the loaders for user corpora."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kalinovsky_nlp.corpus import (
    CorpusError,
    CorpusWarning,
    Document,
    builtin_corpus_path,
    iter_documents,
    load_corpus,
    strip_markdown,
)

ID_2017 = "kalinovsky-2017-05-08"
ID_2020 = "kalinovsky-2020-07-22"

#: The two places where the curated body joins a sentence that the raw file breaks across a blank line.
JOINED = [
    ("Then, I rejected", "the claims as obvious nonsense"),
    ("chiefly, but not", "exclusively"),
]

MARKUP_OF_KIND = {
    "title", "subtitle", "byline", "dateline", "photo_credit", "photo_caption", "related_article", "pull_quote",
    "author_bio", "author_signature", "disclaimer", "original_url",
}


# ------------------------------------------------------------------------------------------------ helpers


def collapse(text: str) -> str:
    return " ".join(text.split())


def sentences(body: str) -> list[str]:
    """A deliberately simple sentence splitter: end punctuation (and closing quotes) followed by space."""
    out = []
    for paragraph in re.split(r"\n\s*\n", body):
        for sentence in re.split(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bRep\.)(?<!\bGen\.)[\"\u201d)]*\s+", paragraph):
            sentence = collapse(sentence)
            if sentence:
                out.append(sentence)
    return out


def raw_path(doc: Document) -> Path:
    assert doc.source, doc.id
    path = builtin_corpus_path().parent / doc.source
    assert path.is_file(), path
    return path


def raw_lines(doc: Document) -> list[str]:
    return raw_path(doc).read_text(encoding="utf-8").split("\n")


def raw_paragraphs_text(doc: Document) -> str:
    """The raw file, markup stripped, whitespace collapsed inside each paragraph, paragraphs separated by '\\n'."""
    text = strip_markdown(raw_path(doc).read_text(encoding="utf-8"))
    paragraphs = [collapse(p) for p in re.split(r"\n\s*\n", text)]
    return "\n".join(p for p in paragraphs if p)


def raw_with_joins(doc: Document) -> str:
    text = raw_paragraphs_text(doc)
    for before, after in JOINED:
        text = text.replace(f"{before}\n{after}", f"{before} {after}")
    return text


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return load_corpus()


@pytest.fixture(scope="module")
def by_id(corpus) -> dict[str, Document]:
    return {d.id: d for d in corpus}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ built-in corpus


def test_builtin_corpus_documents_and_order(corpus):
    assert [d.id for d in corpus] == [ID_2017, ID_2020]
    assert [d.date for d in corpus] == [dt.date(2017, 5, 8), dt.date(2020, 7, 22)]
    assert corpus[0].date < corpus[1].date
    assert all(isinstance(d, Document) for d in corpus)


def test_builtin_corpus_metadata(by_id):
    d17, d20 = by_id[ID_2017], by_id[ID_2020]
    assert d17.author == "Artemy M. Kalinovsky"
    assert d20.author == "Artemy M. Kalinovsky"
    assert d17.title == "Russia Gambles in Afghanistan \u2013 Again"
    assert d20.title == "Russian Moves in Afghanistan Are About Regional Stability, Not Revenge on US"
    assert d17.venue == "The Moscow Times"
    assert d17.url == "https://www.themoscowtimes.com/2017/05/08/russia-gambles-in-afghanistan-again-op-ed-a57928"
    # the 2020 text never names its venue, so the corpus must not invent one
    assert d20.venue is None
    assert d20.url is None
    assert d17.source == "raw/003_0fb31cda48bdb7cb.txt"
    assert d20.source == "raw/000_a900dccb9f5f9b5f.txt"
    assert d17.metadata.get("genre") == "op-ed"


def test_body_sentences_come_from_raw_text(corpus):
    for doc in corpus:
        strict = raw_paragraphs_text(doc)
        allowed = raw_with_joins(doc)
        found_only_with_join = []
        split = sentences(doc.text)
        assert len(split) > 20, doc.id
        for sentence in split:
            assert sentence in allowed, (doc.id, sentence)
            if sentence not in strict:
                found_only_with_join.append(sentence)
        # the joins are needed for the 2017 text only, and for exactly the two joined sentences
        if doc.id == ID_2017:
            assert len(found_only_with_join) == 2, found_only_with_join
            assert any("Then, I rejected the claims as obvious nonsense" in s for s in found_only_with_join)
            assert any("chiefly, but not exclusively" in s for s in found_only_with_join)
        else:
            assert found_only_with_join == []


def test_every_raw_line_is_accounted_for(corpus):
    for doc in corpus:
        lines = raw_lines(doc)
        boilerplate_lines = {b.line: b for b in doc.boilerplate}
        assert all(isinstance(b.line, int) for b in doc.boilerplate)
        assert len(boilerplate_lines) == len(doc.boilerplate), "two boilerplate entries for one line"
        body = collapse(doc.text)
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                assert number not in boilerplate_lines, (doc.id, number)
                continue
            if number in boilerplate_lines:
                entry = boilerplate_lines[number]
                assert entry.text == line, (doc.id, number)
                assert entry.kind in MARKUP_OF_KIND, entry.kind
            else:
                stripped = collapse(strip_markdown(line))
                assert stripped and stripped in body, (doc.id, number, line)


def test_boilerplate_entries_match_raw_lines(corpus):
    for doc in corpus:
        lines = raw_lines(doc)
        assert doc.boilerplate, doc.id
        for entry in doc.boilerplate:
            assert 1 <= entry.line <= len(lines)
            assert lines[entry.line - 1] == entry.text, (doc.id, entry)


def test_body_is_concatenation_of_non_boilerplate_raw_lines(corpus):
    for doc in corpus:
        skip = {b.line for b in doc.boilerplate}
        kept = [strip_markdown(line) for number, line in enumerate(raw_lines(doc), start=1)
                if line.strip() and number not in skip]
        assert collapse(" ".join(kept)) == collapse(doc.text), doc.id


def test_2020_photo_caption_twice_and_out_of_body(by_id):
    doc = by_id[ID_2020]
    caption = "U.S. soldiers in Afghanistan, 2013."
    raw = raw_path(doc).read_text(encoding="utf-8")
    assert raw.count(caption) == 2
    captions = [b for b in doc.boilerplate if b.text == caption]
    assert len(captions) == 2
    assert {b.kind for b in captions} == {"photo_caption"}
    assert sorted(b.line for b in captions) == [1, 2]
    assert caption not in doc.text
    assert "soldiers in Afghanistan, 2013" not in doc.text


def test_2017_pull_quote_is_boilerplate_and_sentence_once_in_body(by_id):
    doc = by_id[ID_2017]
    quote = [b for b in doc.boilerplate if b.kind == "pull_quote"]
    assert len(quote) == 1
    assert quote[0].line == 43
    sentence = ("In establishing a relationship with the Taliban now, Russian officials no doubt think they are "
                "practicing a form of political realism.")
    assert sentence in quote[0].text
    assert doc.text.count(sentence) == 1
    # the raw file has the sentence twice: in the body and in the pull quote
    assert raw_path(doc).read_text(encoding="utf-8").count(sentence) == 2


def test_named_boilerplate_kinds(by_id):
    d17, d20 = by_id[ID_2017], by_id[ID_2020]
    kinds17 = {b.text: b.kind for b in d17.boilerplate}
    related = next(t for t in kinds17 if t.startswith("**Related article:**"))
    assert kinds17[related] == "related_article"
    assert "Related article" not in d17.text
    assert "Scourge" not in d17.text
    assert [b.line for b in d17.boilerplate if b.kind == "author_bio"] == [53, 55]
    assert [b.kind for b in d17.boilerplate if "do not necessarily reflect" in b.text] == ["disclaimer"]
    assert [b.line for b in d17.boilerplate if b.kind == "original_url"] == [59, 61]
    assert any(b.text.startswith("<https://www.themoscowtimes.com/") for b in d17.boilerplate
               if b.kind == "original_url")
    assert [b.line for b in d17.boilerplate if b.kind == "photo_credit"] == [13]
    assert [b.line for b in d17.boilerplate if b.kind == "byline"] == [7]

    kinds20 = [(b.line, b.kind) for b in d20.boilerplate]
    assert (28, "author_bio") in kinds20
    assert (32, "disclaimer") in kinds20
    assert (30, "photo_credit") in kinds20
    assert (26, "author_signature") in kinds20
    assert (7, "byline") in kinds20
    assert "professor of Russian, Soviet and post-Soviet studies" not in d20.text
    assert "solely those of the author" not in d20.text
    assert "Shane Hamann" not in d20.text
    assert "Assistant Professor" not in d17.text
    assert "Original url" not in d17.text
    assert "themoscowtimes.com" not in d17.text
    assert "do not necessarily reflect" not in d17.text
    assert "TASS" not in d17.text


def test_no_markup_left_in_bodies(corpus):
    for doc in corpus:
        for token in ("**", "](#)", "<http", "[", "# "):
            assert token not in doc.text, (doc.id, token)
    assert "New York Times" in corpus[0].text


def test_joined_sentences_on_one_line(by_id):
    body_lines = by_id[ID_2017].text.split("\n")
    for before, after in JOINED:
        joined = f"{before} {after}"
        hits = [line for line in body_lines if joined in line]
        assert len(hits) == 1, joined
    text = by_id[ID_2017].text
    assert "Then, I rejected the claims as obvious nonsense; a mix of paranoia and Russian propaganda." in text
    assert "foreign intervention \u2013 chiefly, but not exclusively, American and Russian/Soviet \u2013 have done" in text


def test_paragraph_structure_kept(by_id):
    # bodies keep paragraph breaks and no paragraph has stray whitespace
    for doc in by_id.values():
        paragraphs = doc.text.split("\n\n")
        assert len(paragraphs) >= 8
        for p in paragraphs:
            assert p == p.strip() and "\n" not in p and "  " not in p


def test_builtin_corpus_found_from_any_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = load_corpus()
    assert [d.id for d in docs] == [ID_2017, ID_2020]
    path = builtin_corpus_path()
    assert path.is_absolute() and path.is_dir()
    files = sorted(p.name for p in path.iterdir() if p.is_file())
    assert files == [f"{ID_2017}.md", f"{ID_2020}.md"]


# ------------------------------------------------------------------------------------------------ user corpora


def test_user_folder_corpus(tmp_path):
    folder = tmp_path / "columns"
    folder.mkdir()
    write(folder / "b.md", "---\ndate: 2021-03-01\ntitle: Second **column**\nauthor: Jane Roe\nsection: city\n---\n\n"
                           "The tram *might* be late.\n\nIt is [clear](#) now.\n")
    write(folder / "a.txt", "---\ndate: '2019-06-15'\ntitle: First column\nauthor: Jane Roe\nsection: transport\n"
                            "---\nThe tram is certainly a good idea.\n")
    write(folder / "ignored.json", "{}")
    with pytest.warns(CorpusWarning, match=r"skipped 1 entry that is not a \.txt/\.md/\.markdown file .*: ignored\.json"):
        docs = load_corpus(folder)
    messages: list[str] = []
    assert [d.id for d in load_corpus(folder, on_warning=messages.append)] == ["a", "b"]
    assert messages == [f"{folder}: skipped 1 entry that is not a .txt/.md/.markdown file (subfolders are not read): "
                        "ignored.json"]
    assert [d.id for d in docs] == ["a", "b"]
    assert [d.date for d in docs] == [dt.date(2019, 6, 15), dt.date(2021, 3, 1)]
    a, b = docs
    assert a.title == "First column"
    assert a.author == "Jane Roe"
    assert a.metadata == {"section": "transport"}
    assert b.metadata == {"section": "city"}
    assert a.text == "The tram is certainly a good idea."
    # Markdown markup is stripped from .md bodies
    assert b.text == "The tram might be late.\n\nIt is clear now."
    assert a.source == str(folder / "a.txt")


def test_user_jsonl_corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [
        {"id": "late", "date": "2022-01-02", "title": "Late", "author": "A. Writer", "text": "Later text.",
         "desk": "opinion"},
        {"id": "early", "date": "2018-05-06", "title": "Early", "author": "A. Writer", "text": "Earlier text.",
         "desk": "news"},
    ]
    write(path, "\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs = load_corpus(path)
    assert [d.id for d in docs] == ["early", "late"]
    assert [d.date.isoformat() for d in docs] == ["2018-05-06", "2022-01-02"]
    assert docs[0].title == "Early" and docs[0].author == "A. Writer"
    assert docs[0].text == "Earlier text."
    assert docs[0].metadata == {"desk": "news"}
    assert docs[1].metadata == {"desk": "opinion"}


def test_a_records_format_field_says_how_its_text_is_read(tmp_path):
    path = tmp_path / "c.jsonl"
    text = "The **board** met. See [the statement](https://example.org/s.html)."
    rows = [{"id": "md", "date": "2020-01-01", "text": text, "format": "Markdown"},
            {"id": "plain", "date": "2021-01-01", "text": text},
            {"id": "said-plain", "date": "2022-01-01", "text": text, "format": "text"}]
    write(path, "\n".join(json.dumps(r) for r in rows) + "\n")
    docs = {d.id: d for d in load_corpus(path)}
    assert docs["md"].text == "The board met. See the statement."
    assert docs["plain"].text == docs["said-plain"].text == text  # a record is plain text unless it says otherwise
    assert all("format" not in d.metadata for d in docs.values())
    folder = tmp_path / "folder"
    folder.mkdir()
    write(folder / "a.txt", f"---\ndate: 2020-01-01\nformat: markdown\n---\n{text}\n")
    assert load_corpus(folder)[0].text == "The board met. See the statement."  # front matter can say so too


def test_error_unknown_text_format(tmp_path):
    path = write(tmp_path / "c.jsonl", json.dumps({"date": "2020-01-01", "text": "x", "format": "html"}) + "\n")
    expect_error(path, str(path), "line 1", "field 'format' is 'html'", '"markdown"')


def test_user_csv_corpus(tmp_path):
    path = tmp_path / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "title", "author", "text", "desk"])
        writer.writerow(["z", "2021-01-01", "Zed", "B. Writer", "Text with, a comma.\nAnd a second line.", "op"])
        writer.writerow(["y", "2019-02-03", "Why", "B. Writer", "Older text.", "news"])
        writer.writerow(["x", "2020-12-31", "Ex", "C. Writer", "Middle text.", ""])
    docs = load_corpus(path)
    assert [d.id for d in docs] == ["y", "x", "z"]
    assert [d.date for d in docs] == sorted(d.date for d in docs)
    assert docs[2].text == "Text with, a comma. And a second line."
    assert docs[0].metadata == {"desk": "news"}
    assert docs[2].metadata == {"desk": "op"}
    assert docs[1].author == "C. Writer" and docs[1].title == "Ex"


def test_iter_documents_streams_in_file_order(tmp_path):
    path = tmp_path / "c.jsonl"
    write(path, json.dumps({"date": "2022-01-01", "text": "b"}) + "\n" + json.dumps({"date": "2020-01-01",
                                                                                        "text": "a"}) + "\n")
    docs = list(iter_documents(path))
    assert [d.text for d in docs] == ["b", "a"]
    assert [d.id for d in docs] == ["c-1", "c-2"]  # default ids from file stem and line


# ------------------------------------------------------------------------------------------------ loader errors


def expect_error(path, *fragments, text_field="text"):
    with pytest.raises(CorpusError) as info:
        load_corpus(path, text_field=text_field)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return info.value


def test_error_missing_date(tmp_path):
    path = write(tmp_path / "nodate.md", "---\ntitle: No date\n---\nSome text.\n")
    err = expect_error(path, str(path), "missing date")
    assert err.source == str(path)


def test_error_missing_date_csv_row(tmp_path):
    path = write(tmp_path / "c.csv", "id,date,text\na,2020-01-01,ok\nb,,no date here\n")
    err = expect_error(path, str(path), "row 3", "missing date")
    assert err.row == 3


@pytest.mark.parametrize("bad", ["2020-13-45", "22/07/2020"])
def test_error_malformed_date_quoted(tmp_path, bad):
    path = write(tmp_path / "doc.md", f"---\ndate: '{bad}'\n---\nSome text.\n")
    expect_error(path, str(path), "malformed date", bad)


@pytest.mark.parametrize("bad", ["2020-13-45", "22/07/2020"])
def test_error_malformed_date_unquoted_front_matter(tmp_path, bad):
    # what a user naturally writes in YAML front matter: the date unquoted
    path = write(tmp_path / "doc.md", f"---\ndate: {bad}\n---\nSome text.\n")
    expect_error(path, str(path), bad)


@pytest.mark.parametrize("bad", ["2020-13-45", "22/07/2020"])
def test_error_malformed_date_jsonl_and_csv(tmp_path, bad):
    jsonl = write(tmp_path / "c.jsonl", json.dumps({"date": "2020-01-01", "text": "ok"}) + "\n"
                  + json.dumps({"date": bad, "text": "x"}) + "\n")
    err = expect_error(jsonl, str(jsonl), "line 2", "malformed date", bad)
    assert err.line == 2
    table = write(tmp_path / "c.csv", f"date,text\n{bad},x\n")
    expect_error(table, str(table), "row 2", "malformed date", bad)


def test_error_empty_text(tmp_path):
    path = write(tmp_path / "empty.md", "---\ndate: 2020-01-01\n---\n\n   \n")
    expect_error(path, str(path), "empty text")
    jsonl = write(tmp_path / "e.jsonl", json.dumps({"date": "2020-01-01", "text": "  "}) + "\n")
    expect_error(jsonl, str(jsonl), "line 1", "empty text")


def test_error_duplicate_id(tmp_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    first = write(folder / "one.md", "---\nid: same\ndate: 2020-01-01\n---\nOne.\n")
    second = write(folder / "two.md", "---\nid: same\ndate: 2021-01-01\n---\nTwo.\n")
    err = expect_error(folder, "duplicate id", "'same'", str(second), str(first))
    assert err.source == str(second)


def test_error_not_utf8(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"\xff\xfe---\ndate: 2020-01-01\n---\nCaf\xe9\n")
    err = expect_error(path, str(path), "not UTF-8", "line 1")
    assert err.line == 1
    later = tmp_path / "later.txt"
    later.write_bytes(b"---\ndate: 2020-01-01\n---\nfine\nCaf\xe9\n")
    expect_error(later, str(later), "not UTF-8", "line 5")


def test_error_csv_without_text_column(tmp_path):
    path = write(tmp_path / "c.csv", "id,date,body\na,2020-01-01,hello\n")
    expect_error(path, str(path), "no 'text' column", "body")
    # the same file is fine when the text column is named
    assert load_corpus(path, text_field="body")[0].text == "hello"


def test_error_malformed_jsonl_line(tmp_path):
    path = write(tmp_path / "c.jsonl", json.dumps({"date": "2020-01-01", "text": "ok"}) + "\n\n{not json\n")
    err = expect_error(path, str(path), "line 3", "not valid JSON")
    assert err.line == 3


def test_error_jsonl_line_not_object(tmp_path):
    path = write(tmp_path / "c.jsonl", "[1, 2]\n")
    expect_error(path, str(path), "line 1", "JSON object")


def test_error_csv_row_with_more_cells(tmp_path):
    path = write(tmp_path / "c.csv", "date,text\n2020-01-01,fine\n2020-01-02,too,many\n")
    err = expect_error(path, str(path), "row 3", "more cells than header")
    assert err.row == 3


def test_error_unknown_file_type(tmp_path):
    path = write(tmp_path / "corpus.xlsx", "whatever")
    expect_error(path, str(path), "unknown corpus format")


def test_error_nonexistent_path(tmp_path):
    path = tmp_path / "nowhere" / "corpus.jsonl"
    expect_error(path, str(path), "no such file")


def test_error_unclosed_front_matter(tmp_path):
    path = write(tmp_path / "open.md", "---\ndate: 2020-01-01\ntitle: never closed\nSome text.\n")
    err = expect_error(path, str(path), "line 1", "never closed")
    assert err.line == 1


def test_error_empty_folder(tmp_path):
    expect_error(tmp_path, str(tmp_path), "files in this folder")
