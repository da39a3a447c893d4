"""Property-based tests (hypothesis) for the loaders, the annotator and the renderers' escaping.

``load_corpus`` on generated files returns documents or raises ``CorpusError`` and nothing else;
``annotate_records`` gives every record back once, in order, with its fields; escaped text renders as itself.
The number of generated inputs per property is ``KN_FUZZ_EXAMPLES`` (default 200; the audit in the issue ran
10,100 inputs: ``KN_FUZZ_EXAMPLES=2000 python -m pytest tests/test_properties.py``).
"""

from __future__ import annotations

import json
import os
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kalinovsky_nlp.annotate import UnreadableRecord, annotate_records, json_line, read_records
from kalinovsky_nlp.corpus import CorpusError, load_corpus
from kalinovsky_nlp.escaping import csv_cell, markdown_inline, plain_inline, visible_controls

EXAMPLES = int(os.environ.get("KN_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

#: Characters that make trouble: controls, bidi overrides, zero-width, surrogates, Markdown and CSV syntax.
HOSTILE = "\x00\x07\x1b\r\n\t\x7f\x85\u200b\u200e\u202e\u2066\u2028\ufeff\ud800=+-@#*_`[]()<>|~&\\!"
text_chars = st.one_of(st.characters(), st.sampled_from(list(HOSTILE)), st.sampled_from(list(string.printable)))
hostile_text = st.text(text_chars, max_size=60)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(hostile_text, inner, max_size=4), max_leaves=12)
dates = st.one_of(st.dates().map(lambda d: d.isoformat()), st.datetimes().map(lambda d: d.isoformat()),
                  hostile_text, st.integers(), st.none())
records = st.dictionaries(
    st.sampled_from(["id", "date", "text", "title", "author", "venue", "url", "boilerplate", "source", "extra"])
    | hostile_text,
    json_values, max_size=6,
).flatmap(lambda base: st.fixed_dictionaries({"date": dates, "text": st.one_of(hostile_text, json_values)})
          .map(lambda required: {**base, **required}))


def _load(path) -> None:
    try:
        documents = load_corpus(path)
    except CorpusError:
        return
    assert documents
    for document in documents:
        assert document.text.strip() and isinstance(document.id, str)
        # every document is plain JSON data that UTF-8 can carry (no NaN, no lone surrogate)
        json.dumps(document.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")


@FUZZ
@given(lines=st.lists(st.one_of(records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8",
                                                                                              "surrogatepass")),
                                st.binary(max_size=40)), max_size=5))
def test_load_corpus_jsonl_ends_in_documents_or_a_corpus_error(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "c.jsonl"
    path.write_bytes(b"\n".join(lines))
    _load(path)


@FUZZ
@given(rows=st.lists(st.lists(hostile_text, min_size=1, max_size=4), max_size=5), raw=st.binary(max_size=30))
def test_load_corpus_csv_ends_in_documents_or_a_corpus_error(tmp_path_factory, rows, raw):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["date", "text", "x"], *rows])
    path = tmp_path_factory.mktemp("csv") / "c.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass") + raw)
    _load(path)


yaml_scalars = st.one_of(hostile_text.map(json.dumps), st.sampled_from(
    ["2020-01-01", "2020-01-01T10:00:00Z", "2020-13-45", ".nan", ".inf", "!!binary aGk=", "!!set {a}", "&a x", "*a",
     "[", "{", "~", "yes", "0x1F", "1e400", "!!python/object:os.system x", "|", ">-"]))
front_matter = st.lists(st.tuples(st.sampled_from(["date", "id", "title", "author", "boilerplate", "x", "date "]),
                                  yaml_scalars), max_size=5)


@FUZZ
@given(meta=front_matter, body=hostile_text, closed=st.booleans(), suffix=st.sampled_from([".md", ".txt"]))
def test_load_corpus_front_matter_ends_in_documents_or_a_corpus_error(tmp_path_factory, meta, body, closed, suffix):
    folder = tmp_path_factory.mktemp("folder")
    lines = ["---", *(f"{key}: {value}" for key, value in meta), *(["---"] if closed else []), body]
    (folder / f"a{suffix}").write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    _load(folder)


items = st.one_of(records, st.builds(UnreadableRecord, st.dictionaries(hostile_text, json_values, max_size=3),
                                     hostile_text), json_values)


@FUZZ
@given(batch=st.lists(items, max_size=8), chunk_size=st.integers(1, 4))
def test_annotate_records_gives_every_record_once_in_order(nlp, batch, chunk_size):
    out = list(annotate_records(iter(batch), nlp=nlp, chunk_size=chunk_size, batch_size=2))
    assert len(out) == len(batch)
    for item, record in zip(batch, out):
        assert ("error" in record) != ("markers" in record)
        if isinstance(item, dict):  # every field kept; markers and error are the annotator's own
            assert {k: v for k, v in record.items() if k not in ("markers", "error")} == \
                {k: v for k, v in item.items() if k not in ("markers", "error")}
        elif isinstance(item, UnreadableRecord):
            assert record["error"] == item.error
        else:
            assert record["record"] is item or record["record"] == item
        if "markers" in record:
            for marker in record["markers"]:
                assert record["text"][marker["start"]:marker["end"]] == marker["text"]


@FUZZ
@given(lines=st.lists(st.one_of(records.map(lambda r: json.dumps(r).encode()), st.binary(max_size=30)), max_size=6))
def test_read_records_keeps_every_line_and_writes_it_back(lines):
    import io

    data = b"\n".join(lines) + b"\n"
    read = list(read_records(io.BytesIO(data), "jsonl"))
    lines_read = data.split(b"\n")[:-1]
    lines_read[0] = lines_read[0].removeprefix(b"\xef\xbb\xbf")  # a BOM is not part of the first line
    assert len(read) == sum(1 for line in lines_read if line.strip())
    for item in read:
        record = item.fields if isinstance(item, UnreadableRecord) else item
        assert json.loads(json_line(record)) == record  # strict JSON, and back to the same record


MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@FUZZ
@given(text=hostile_text)
def test_markdown_inline_renders_as_the_same_text(text):
    escaped = markdown_inline(text)
    assert "\n" not in escaped
    tokens = MARKDOWN.parse(escaped)
    if not plain_inline(text):
        assert tokens == [] or all(t.type in ("paragraph_open", "inline", "paragraph_close") for t in tokens)
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], (text, escaped)
    children = tokens[1].children or []
    assert all(child.type == "text" for child in children), [c.type for c in children]
    assert "".join(child.content for child in children) == plain_inline(text)


@FUZZ
@given(text=hostile_text)
def test_controls_never_reach_the_terminal(text):
    shown = visible_controls(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
                         shown)
    assert "\n" not in plain_inline(text)


@FUZZ
@given(value=st.one_of(hostile_text, st.integers(), st.floats(allow_nan=False)))
def test_csv_cells_never_start_a_formula(value):
    cell = csv_cell(value)
    if isinstance(value, str):
        assert cell in (value, "'" + value)
        if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cell)
    else:
        assert cell == value


@pytest.fixture(scope="module")
def small_report(nlp):
    import datetime

    from kalinovsky_nlp.analysis import analyze
    from kalinovsky_nlp.corpus import Document

    texts = ["The council wants a tram. I think it is obviously too expensive, and it may never pay.",
             "The tram opened. It is clearly a success, and I was wrong: riders certainly agree."]
    documents = [Document(id=f"d{i}", date=datetime.date(2019 + 2 * i, 1, 1), text=t) for i, t in enumerate(texts)]
    return analyze(documents, nlp=nlp).to_dict()


@FUZZ
@given(title=hostile_text, author=hostile_text, venue=hostile_text, warning=hostile_text)
def test_rendered_reports_keep_user_text_inert(small_report, title, author, venue, warning):
    from kalinovsky_nlp.renderers import render
    from kalinovsky_nlp.renderers.blocks import Heading, Table, report_blocks

    report = json.loads(json.dumps(small_report))
    for d in report["documents"]:
        d.update(title=title, author=author, venue=venue)
    report["warnings"] = [warning]
    blocks = report_blocks(report)
    markdown = render(report, "markdown")
    tokens = MARKDOWN.parse(markdown)
    kinds = [t.type for t in tokens]
    assert "html_block" not in kinds and "code_block" not in kinds and "fence" not in kinds
    inline = [c.type for t in tokens if t.type == "inline" for c in (t.children or [])]
    assert not {"html_inline", "link_open", "image", "code_inline"} & set(inline)
    assert kinds.count("heading_open") == sum(isinstance(b, Heading) for b in blocks)
    assert kinds.count("table_open") == sum(isinstance(b, Table) for b in blocks)
    text = render(report, "text")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    json.loads(render(report, "json"))
