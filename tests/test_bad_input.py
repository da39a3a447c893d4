"""The bad-input matrix of issue 15: generated files through ``report`` and ``annotate``, each case ending with the
right exit status and a one-line message (or the right result), no traceback, and nothing lost.

Every case is one row of ``REPORT_CASES`` or ``ANNOTATE_CASES``; ``python -m pytest tests/test_bad_input.py -v``
lists them. The commands run in-process (``kalinovsky_nlp.cli.main``), sharing the loaded model.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from kalinovsky_nlp.cli import main

EN_1 = "The council wants a tram. I think the project is obviously too expensive, and it may never pay for itself."
EN_2 = "The tram opened last week. It is clearly a success, and I was wrong to doubt it: riders certainly agree."
DE = ("Der Stadtrat will eine Straßenbahn. Ich glaube, das Projekt ist offensichtlich zu teuer. Der Bürgermeister "
      "sagt, sie werde sich selbst bezahlen, aber das ist sicher Wunschdenken und wir sollten noch warten.")
RU = ("Городской совет хочет трамвай. Я думаю, что проект явно слишком дорогой. Мэр говорит, что он окупится, но "
      "это наверняка принятие желаемого за действительное.")
ZH = "市议会想要建一条有轨电车线路。我认为这个项目显然太贵了。市长说它会自己收回成本，但这肯定是一厢情愿的想法，我们应该等一等。"


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def doc(date: str, text: str = EN_1, **fields: object) -> dict:
    return {"date": date, "text": text, **fields}


def front(meta: str, body: str = EN_1) -> bytes:
    return f"---\n{meta}\n---\n{body}\n".encode("utf-8")


TWO = jsonl(doc("2019-01-01", id="a"), doc("2021-01-01", EN_2, id="b"))
TARGETS_OK = b"targets:\n  - id: tram\n    aliases: [tram]\n"


@dataclass
class Case:
    """Files to write, the command line (``{tmp}`` is the case's folder), the expected status and stderr."""

    name: str
    files: dict[str, bytes]
    argv: list[str]
    code: int
    stderr: str = ""  # a regular expression that stderr must match (search)
    stdin: bytes | None = None
    check: Callable[[Path, str], None] | None = None
    model_limit: int | None = None  # the model's max_length for the case (long texts without long inputs)
    files_after: dict[str, bytes] = field(default_factory=dict)  # files that must be unchanged afterwards


# ------------------------------------------------------------------------------------------------ report cases


def _json_report(tmp: Path, out: str) -> dict:
    return json.loads((tmp / "r.json").read_text(encoding="utf-8")) if (tmp / "r.json").exists() else json.loads(out)


def expect_documents(*ids: str) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        assert [d["id"] for d in _json_report(tmp, out)["documents"]] == list(ids)
    return check


def expect_dates(*dates: str) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        assert [d["date"] for d in _json_report(tmp, out)["documents"]] == list(dates)
    return check


def expect_warning(pattern: str) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        assert any(re.search(pattern, w) for w in _json_report(tmp, out)["warnings"]), pattern
    return check


def markdown_is_inert(tmp: Path, out: str) -> None:
    lines = out.splitlines()
    assert lines[0].startswith("# How the author's judgement changed")
    assert not any(line.startswith(("# Injected", "| evil", "<script")) for line in lines)
    assert not re.search(r"(?<!\\)<script>", out) and not re.search(r"(?<!\\)\]\(javascript:", out)
    assert "\\<script>" in out and "\\[venue\\]" in out


def text_is_inert(tmp: Path, out: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", out)
    assert "<U+001B>[31m" in out and "<U+202E>" in out and "<U+0007>" in out


def tables_are_inert(tmp: Path, out: str) -> None:
    with (tmp / "tables" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["title"] for r in rows} == {"'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1+1)"}
    assert {r["meta_note"] for r in rows} == {"'-2+3", "-2.5"}  # a plain number stays a number


HOSTILE_TITLE = "A\n# Injected\n| evil | table |\n<script>alert(1)</script> [venue](javascript:alert(1))"

REPORT_CASES = [
    # empty corpora
    Case("empty jsonl", {"c.jsonl": b""}, ["report", "{tmp}/c.jsonl"], 2, r"c\.jsonl: no documents"),
    Case("blank-lines jsonl", {"c.jsonl": b"\n \n\n"}, ["report", "{tmp}/c.jsonl"], 2, r"no documents"),
    Case("header-only csv", {"c.csv": b"id,date,text\n"}, ["report", "{tmp}/c.csv"], 2, r"c\.csv: no documents"),
    Case("empty csv", {"c.csv": b""}, ["report", "{tmp}/c.csv"], 2, r"empty CSV file"),
    Case("empty folder", {"d/.keep": b""}, ["report", "{tmp}/d"], 2, r"no \.txt/\.md/\.markdown files"),
    Case("folder of other files", {"d/a.json": b"{}", "d/sub/x.md": front("date: 2020-01-01")},
         ["report", "{tmp}/d"], 2, r"d: no \.txt/\.md/\.markdown files in this folder \(it holds a\.json, sub/; "
                                    r"subfolders are not read\)"),
    Case("empty stdin", {}, ["report", "-"], 2, r"<stdin>: no documents", stdin=b""),
    # JSON lines
    Case("malformed line", {"c.jsonl": TWO + b"{oops\n"}, ["report", "{tmp}/c.jsonl"], 2,
         r"c\.jsonl, line 3: not valid JSON"),
    Case("line not an object", {"c.jsonl": b"[1, 2]\n"}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: each line must be a JSON object"),
    Case("NaN", {"c.jsonl": b'{"date": "2020-01-01", "text": "Hi there.", "score": NaN}\n'},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: NaN is not valid JSON"),
    Case("Infinity", {"c.jsonl": b'{"date": "2020-01-01", "text": "Hi there.", "score": -Infinity}\n'},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: -Infinity is not valid JSON"),
    Case("990 nested arrays", {"c.jsonl": b'{"date": "2020-01-01", "text": "Hi.", "x": ' + b"[" * 990 + b"]" * 990
                               + b"}\n"}, ["report", "{tmp}/c.jsonl"], 2, r"line 1: nested too deeply"),
    Case("40 nested arrays", {"c.jsonl": b'{"date": "2020-01-01", "text": "Hi.", "x": ' + b"[" * 40 + b"]" * 40
                              + b"}\n"}, ["report", "{tmp}/c.jsonl"], 2, r"line 1: nested too deeply"),
    Case("bytes not UTF-8", {"c.jsonl": TWO + b'{"date": "2020-01-01", "text": "caf\xe9"}\n'},
         ["report", "{tmp}/c.jsonl"], 2, r"line 3: bytes that are not UTF-8"),
    Case("lone surrogate", {"c.jsonl": b'{"date": "2020-01-01", "text": "bad \\ud800 text"}\n'},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: field 'text' holds a lone surrogate \(U\+D800\)"),
    Case("lone surrogate in a title", {"c.jsonl": b'{"date": "2020-01-01", "text": "Hi.", "title": "a \\udc80"}\n'},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: field 'title' holds a lone surrogate \(U\+DC80\)"),
    Case("lone surrogate in metadata", {"c.jsonl": b'{"date": "2020-01-01", "text": "Hi.", "x": ["\\ud83d"]}\n'},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: field 'x' holds a lone surrogate"),
    Case("title a list", {"c.jsonl": jsonl(doc("2020-01-01", title=["a", "b"]))}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: field 'title' must be text, not list"),
    Case("YAML author a mapping", {"d/a.md": front("date: 2020-01-01\nauthor: {name: X}")}, ["report", "{tmp}/d"], 2,
         r"a\.md: field 'author' must be text, not dict"),
    Case("text not a string", {"c.jsonl": jsonl(doc("2020-01-01", 42))}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: field 'text' must be a string, not int"),
    Case("no text field", {"c.jsonl": jsonl({"date": "2020-01-01", "body": EN_1})}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: no 'text' field"),
    Case("other text field", {"c.jsonl": jsonl({"date": "2020-01-01", "body": EN_1, "id": "a"},
                                               {"date": "2021-01-01", "body": EN_2, "id": "b"})},
         ["report", "{tmp}/c.jsonl", "--text-field", "body", "-f", "json"], 0, check=expect_documents("a", "b")),
    Case("missing date", {"c.jsonl": jsonl({"text": EN_1})}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: missing date"),
    Case("impossible date", {"c.jsonl": jsonl(doc("2020-13-45"))}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: malformed date '2020-13-45'"),
    Case("date as a number", {"c.jsonl": jsonl(doc(2020))}, ["report", "{tmp}/c.jsonl"], 2,  # type: ignore[arg-type]
         r"line 1: date 2020 is a int"),
    Case("duplicate id", {"c.jsonl": jsonl(doc("2019-01-01", id="x"), doc("2020-01-01", id="x"))},
         ["report", "{tmp}/c.jsonl"], 2, r"duplicate id 'x'"),
    Case("boilerplate not a list", {"c.jsonl": jsonl(doc("2020-01-01", boilerplate="credit"))},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: field 'boilerplate' must be a list of mappings"),
    Case("boilerplate of strings", {"c.jsonl": jsonl(doc("2020-01-01", boilerplate=["a", "b"]))},
         ["report", "{tmp}/c.jsonl"], 2, r"field 'boilerplate' must be a list of mappings"),
    Case("zero-width text", {"c.jsonl": jsonl(doc("2020-01-01", "\u200b\u200c\u2060\ufeff"))},
         ["report", "{tmp}/c.jsonl"], 2, r"line 1: empty text"),
    Case("whitespace text", {"c.jsonl": jsonl(doc("2020-01-01", " \n\t "))}, ["report", "{tmp}/c.jsonl"], 2,
         r"line 1: empty text"),
    Case("BOM jsonl", {"c.jsonl": b"\xef\xbb\xbf" + TWO}, ["report", "{tmp}/c.jsonl", "-f", "json"], 0,
         check=expect_documents("a", "b")),
    Case("stdin jsonl with a bad line", {}, ["report", "-"], 2, r"<stdin>, line 3: not valid JSON",
         stdin=TWO + b"{oops\n"),
    Case("stdin csv", {}, ["report", "-", "--input-format", "csv", "-f", "json"], 0,
         stdin=b"id,date,text\na,2019-01-01," + EN_1.replace(",", "").encode() + b"\nb,2021-01-01,"
         + EN_2.replace(",", "").encode() + b"\n", check=expect_documents("a", "b")),
    # CSV
    Case("csv more cells", {"c.csv": b"date,text\n2020-01-01,Hi there.,extra\n"}, ["report", "{tmp}/c.csv"], 2,
         r"c\.csv, row 2: more cells than header columns"),
    Case("csv no text column", {"c.csv": b"date,body\n2020-01-01,Hi.\n"}, ["report", "{tmp}/c.csv"], 2,
         r"row 1: no 'text' column \(columns: date, body\): pass --text-field"),
    Case("csv not UTF-8", {"c.csv": b"date,text\n2020-01-01,caf\xe9\n"}, ["report", "{tmp}/c.csv"], 2,
         r"c\.csv, row \d: bytes that are not UTF-8"),
    Case("csv BOM", {"c.csv": b"\xef\xbb\xbfid,date,text\na,2019-01-01,Hi there friend.\nb,2021-01-01,Hello.\n"},
         ["report", "{tmp}/c.csv", "-f", "json"], 0, check=expect_documents("a", "b")),
    Case("csv cell over 131072 characters", {"c.csv": b"id,date,text,notes\na,2019-01-01,\"" + EN_1.encode() + b"\","
                                             + b"x" * 140_000 + b"\nb,2021-01-01,\"" + EN_2.encode() + b"\",y\n"},
         ["report", "{tmp}/c.csv", "-f", "json"], 0, check=expect_documents("a", "b")),
    # front matter
    Case("front matter never closed", {"d/a.md": b"---\ndate: 2020-01-01\nHi.\n"}, ["report", "{tmp}/d"], 2,
         r"a\.md, line 1: front matter opened with '---' is never closed"),
    Case("front matter not YAML", {"d/a.md": front("date: [2020")}, ["report", "{tmp}/d"], 2,
         r"a\.md, line \d+: front matter is not valid YAML"),
    Case("front matter a list", {"d/a.md": front("- 2020-01-01")}, ["report", "{tmp}/d"], 2,
         r"front matter must be a mapping"),
    Case("YAML !!binary", {"d/a.md": front("date: 2020-01-01\nblob: !!binary aGVsbG8=")}, ["report", "{tmp}/d"], 2,
         r"a\.md: field 'blob' holds a bytes"),
    Case("YAML !!set", {"d/a.md": front("date: 2020-01-01\ntags: !!set {a, b}")}, ["report", "{tmp}/d"], 2,
         r"field 'tags' holds a set"),
    Case("YAML alias bomb", {"d/a.md": front("date: 2020-01-01\na: &a [x, x, x, x, x, x, x, x, x]\n"
                                             "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                             "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                             "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]")},
         ["report", "{tmp}/d"], 2, r"a\.md, line \d+: front matter uses more than 16 YAML aliases"),
    Case("YAML few aliases, large expansion", {"d/a.md": front("date: 2020-01-01\na: &a [" + ", ".join(["x"] * 3000)
                                                               + "]\nb: [*a, *a, *a, *a]")},
         ["report", "{tmp}/d"], 2, r"field 'b' holds more than 10,000 values"),
    Case("491 nested YAML lists", {"d/a.md": front("date: 2020-01-01\nx: " + "[" * 491 + "]" * 491)},
         ["report", "{tmp}/d"], 2, r"a\.md, line \d+: front matter nested more than 32 levels"),
    Case("YAML .nan", {"d/a.md": front("date: 2020-01-01\nscore: .nan")}, ["report", "{tmp}/d"], 2,
         r"field 'score' holds nan"),
    Case("YAML non-text key", {"d/a.md": front("date: 2020-01-01\nmeta: {1: one}")}, ["report", "{tmp}/d"], 2,
         r"field 'meta' has a key 1 that is not text"),
    Case("Hugo and Jekyll datetimes", {"d/a.md": front("date: 2019-03-01T10:00:00+02:00\nid: a"),
                                       "d/b.md": front("date: 2021-05-02 23:30:00 +0000\nid: b", EN_2)},
         ["report", "{tmp}/d", "-f", "json"], 0, check=expect_dates("2019-03-01", "2021-05-02")),
    Case("bad time", {"d/a.md": front("date: 2020-07-22T25:00:00")}, ["report", "{tmp}/d"], 2,
         r"malformed date '2020-07-22T25:00:00'"),
    Case("BOM before front matter", {"d/a.md": b"\xef\xbb\xbf" + front("date: 2019-01-01\nid: a"),
                                     "d/b.md": front("date: 2021-01-01\nid: b", EN_2)},
         ["report", "{tmp}/d", "-f", "json"], 0, check=expect_documents("a", "b")),
    # paths, outputs, options
    Case("unknown corpus format", {"c.xml": b"<a/>"}, ["report", "{tmp}/c.xml"], 2, r"unknown corpus format"),
    Case("missing corpus", {}, ["report", "{tmp}/nope.jsonl"], 2, r"nope\.jsonl: no such file or folder"),
    Case("output is a folder", {"c.jsonl": TWO, "out/.keep": b""}, ["report", "{tmp}/c.jsonl", "-o", "{tmp}/out"],
         2, r"out: is a folder"),
    Case("output folder missing", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "-o", "{tmp}/no/r.txt"], 2,
         r"folder .*/no does not exist: create it"),
    Case("output parent is a file", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "-o", "{tmp}/c.jsonl/r.txt"], 2,
         r"c\.jsonl is a file, not a folder"),
    Case("report over its own corpus", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "-o", "{tmp}/c.jsonl"], 2,
         r"c\.jsonl: the output is the input file", files_after={"c.jsonl": TWO}),
    Case("tables path is a file", {"c.jsonl": TWO, "t": b"x"}, ["report", "{tmp}/c.jsonl", "--tables", "{tmp}/t"],
         2, r"t: is a file, not a folder"),
    Case("targets missing", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "--targets", "{tmp}/t.yaml"], 2,
         r"t\.yaml: cannot read the targets file"),
    Case("targets without id", {"c.jsonl": TWO, "t.yaml": b"targets:\n  - aliases: [tram]\n"},
         ["report", "{tmp}/c.jsonl", "--targets", "{tmp}/t.yaml"], 2, r"target 1 needs an 'id'"),
    Case("targets fine", {"c.jsonl": TWO, "t.yaml": TARGETS_OK},
         ["report", "{tmp}/c.jsonl", "--targets", "{tmp}/t.yaml", "-o", "{tmp}/r.json", "-f", "json"], 0,
         check=expect_documents("a", "b")),
    Case("model not installed", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "--model", "xx_no_such_model"], 2,
         r"'xx_no_such_model' is neither an installed package nor a folder"),
    Case("model folder not a pipeline", {"c.jsonl": TWO, "m/x.txt": b""},
         ["report", "{tmp}/c.jsonl", "--model", "{tmp}/m"], 2, r"is not a spaCy pipeline folder"),
    Case("dask model folder not a pipeline", {"c.jsonl": TWO, "m/x.txt": b""},
         ["report", "{tmp}/c.jsonl", "--backend", "dask", "--model", "{tmp}/m"], 2, r"is not a spaCy pipeline folder"),
    Case("model package not a pipeline", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "--model", "json"], 2,
         r"cannot load 'json' as a spaCy pipeline"),
    Case("max-length cap", {"c.jsonl": TWO}, ["report", "{tmp}/c.jsonl", "--max-length", "50"], 2,
         r"document 'a': text of 1\d\d characters is longer than --max-length 50"),
    Case("max-length zero", {}, ["report", "--max-length", "0"], 2, r"invalid value for '--max-length'"),
    Case("bad report format", {}, ["report", "-f", "pdf"], 2, r"invalid value for '--output-format"),
    Case("input-format on a folder", {"d/a.md": front("date: 2020-01-01")},
         ["report", "{tmp}/d", "--input-format", "csv"], 2, r"--input-format reads a file or -"),
    Case("input-format on a file of another suffix", {"c.txt": TWO},
         ["report", "{tmp}/c.txt", "--input-format", "jsonl", "-f", "json"], 0, check=expect_documents("a", "b")),
    Case("long text over the model limit", {"c.jsonl": jsonl(doc("2019-01-01", "\n\n".join([EN_1] * 6), id="a"),
                                                             doc("2021-01-01", EN_2, id="b"))},
         ["report", "{tmp}/c.jsonl", "-f", "json"], 0, model_limit=300, check=expect_documents("a", "b")),
    # warnings
    Case("one document", {"c.jsonl": jsonl(doc("2020-01-01"))}, ["report", "{tmp}/c.jsonl", "-o", "{tmp}/r.json",
                                                                 "-f", "json"], 0,
         r"^kalinovsky-nlp: warning: nothing to compare: give two or more dated texts",
         check=expect_warning("nothing to compare")),
    Case("same date", {"c.jsonl": jsonl(doc("2020-01-01", id="b"), doc("2020-01-01", EN_2, id="a"))},
         ["report", "{tmp}/c.jsonl", "-f", "json", "-o", "{tmp}/r.json"], 0,
         r"warning: 2 documents dated 2020-01-01 \(a, b\): they are ordered by id", check=expect_documents("a", "b")),
    Case("German", {"c.jsonl": jsonl(doc("2019-01-01", id="en"), doc("2021-01-01", DE, id="de"))},
         ["report", "{tmp}/c.jsonl", "-f", "json", "-o", "{tmp}/r.json"], 0,
         r"warning: document de \(2021-01-01\) does not look like English"),
    Case("Russian", {"c.jsonl": jsonl(doc("2019-01-01", id="en"), doc("2021-01-01", RU, id="ru"))},
         ["report", "{tmp}/c.jsonl", "-f", "json", "-o", "{tmp}/r.json"], 0,
         r"warning: document ru \(2021-01-01\) does not look like English"),
    Case("Chinese", {"c.jsonl": jsonl(doc("2019-01-01", id="en"), doc("2021-01-01", ZH, id="zh"))},
         ["report", "{tmp}/c.jsonl", "-f", "json", "-o", "{tmp}/r.json"], 0,
         r"warning: document zh \(2021-01-01\) does not look like English"),
    Case("punctuation only", {"c.jsonl": jsonl(doc("2019-01-01", id="a"), doc("2021-01-01", "?! ... -- !!", id="p"))},
         ["report", "{tmp}/c.jsonl", "-f", "json", "-o", "{tmp}/r.json"], 0,
         r"warning: document p \(2021-01-01\) has no words", check=expect_warning("has no words")),
    Case("skipped files named", {"d/a.md": front("date: 2019-01-01"), "d/b.md": front("date: 2021-01-01", EN_2),
                                 "d/notes.json": b"{}", "d/drafts/c.md": front("date: 2020-01-01")},
         ["report", "{tmp}/d", "-f", "json", "-o", "{tmp}/r.json"], 0,
         r"warning: .*/d: skipped 2 entries that are not \.txt/\.md/\.markdown files \(subfolders are not read\): "
         r"drafts/, notes\.json", check=expect_warning("skipped 2 entries")),
    # injection
    Case("Markdown injection", {"c.jsonl": jsonl(doc("2019-01-01", id="a", title=HOSTILE_TITLE),
                                                 doc("2021-01-01", EN_2, id="b",
                                                     venue="[venue](javascript:alert(1))"))},
         ["report", "{tmp}/c.jsonl", "-f", "markdown"], 0, check=markdown_is_inert),
    Case("terminal controls", {"c.jsonl": jsonl(doc("2019-01-01", id="a", title="\x1b[31mRed\x07 \u202eevil"),
                                                doc("2021-01-01", EN_2, id="b"))},
         ["report", "{tmp}/c.jsonl"], 0, check=text_is_inert),
    Case("CSV formula injection", {"c.jsonl": jsonl(doc("2019-01-01", id="a", title='=HYPERLINK("http://x","y")',
                                                        note="-2+3"),
                                                    doc("2021-01-01", EN_2, id="b", title="@SUM(1+1)", note="-2.5"))},
         ["report", "{tmp}/c.jsonl", "--tables", "{tmp}/tables", "-q"], 0, check=tables_are_inert),
]


# ------------------------------------------------------------------------------------------------ annotate cases


def records_out(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def expect_records(count: int, errors: dict[int, str] | None = None, name: str = "o.jsonl",
                   fields: dict[int, dict] | None = None) -> Callable[[Path, str], None]:
    """``count`` records out, in order; those at ``errors`` with an error matching the pattern, the others with
    markers; ``fields``: values that given records must keep."""
    def check(tmp: Path, out: str) -> None:
        rows = records_out(tmp / name)
        assert len(rows) == count, rows
        for index, row in enumerate(rows):
            pattern = (errors or {}).get(index)
            if pattern is None:
                assert not row.get("error") and row.get("markers") is not None, row
            else:
                assert re.search(pattern, row["error"]), (pattern, row["error"])
        for index, values in (fields or {}).items():
            for key, value in values.items():
                assert rows[index][key] == value, (index, key, rows[index].get(key))
    return check


R1 = {"id": "r1", "text": "It may rain."}
R2 = {"id": "r2", "text": "Surely not.", "speaker": "X"}

ANNOTATE_CASES = [
    Case("output is the input", {"f.jsonl": jsonl(R1, R2)}, ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/f.jsonl"], 2,
         r"the output is the input file", files_after={"f.jsonl": jsonl(R1, R2)}),
    Case("output is the input by another name", {"f.jsonl": jsonl(R1, R2)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/./sub/../f.jsonl"], 2, r"the output is the input file",
         files_after={"f.jsonl": jsonl(R1, R2)}),
    Case("csv columns from every record", {"x.jsonl": b"{bad\n" + jsonl(R2)},
         ["annotate", "{tmp}/x.jsonl", "-o", "{tmp}/o.csv"], 0, r"annotated 2 records",
         check=expect_records(2, {0: r"line 1: not valid JSON"}, "o.csv", {0: {"raw": "{bad", "line": "1"},
                                                                          1: {"speaker": "X", "id": "r2"}})),
    Case("bytes not UTF-8 in the middle", {"f.jsonl": jsonl(R1) + b'{"id": "bad", "text": "caf\xe9"}\n' + jsonl(R2)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0,
         check=expect_records(3, {1: r"line 2: bytes that are not UTF-8"},
                              fields={1: {"raw": '{"id": "bad", "text": "caf\\xe9"}'}, 2: {"speaker": "X"}})),
    Case("lone surrogate", {"f.jsonl": jsonl(R1) + b'{"id": "s", "text": "a \\ud800 b"}\n' + jsonl(R2)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0,
         check=expect_records(3, {1: r"lone surrogate \(U\+D800\)"}, fields={1: {"text": "a \ud800 b"}})),
    Case("BOM jsonl", {"f.jsonl": b"\xef\xbb\xbf" + jsonl(R1, R2)}, ["annotate", "{tmp}/f.jsonl", "-o",
                                                                     "{tmp}/o.jsonl"], 0,
         check=expect_records(2, fields={0: {"id": "r1"}})),
    Case("BOM csv", {"f.csv": b"\xef\xbb\xbfid,text\n1,It may rain.\n"}, ["annotate", "{tmp}/f.csv", "-o",
                                                                          "{tmp}/o.jsonl"], 0,
         check=expect_records(1, fields={0: {"id": "1", "text": "It may rain."}})),
    Case("csv cell over 131072 characters", {"f.csv": b"id,text,notes\n1,It may rain.," + b"n" * 140_000 + b"\n"},
         ["annotate", "{tmp}/f.csv", "-o", "{tmp}/o.csv"], 0, check=expect_records(1, name="o.csv")),
    Case("csv bytes not UTF-8", {"f.csv": b"id,text\n1,It may rain.\n2,caf\xe9\n3,Surely.\n"},
         ["annotate", "{tmp}/f.csv", "-o", "{tmp}/o.csv"], 0,
         check=expect_records(3, {1: r"row 3: bytes that are not UTF-8 in 'text'"}, "o.csv",
                              {1: {"text": "caf\\xe9"}})),
    Case("csv extra cells", {"f.csv": b"id,text\n1,It may rain.\n2,x,y,z\n"},
         ["annotate", "{tmp}/f.csv", "-o", "{tmp}/o.jsonl"], 0,
         check=expect_records(2, {1: r"row 3: more cells than header columns"},
                              fields={1: {"extra_cells": ["y", "z"]}})),
    Case("NaN record", {"f.jsonl": b'{"id": 1, "text": "Maybe.", "x": NaN}\n' + jsonl(R1)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0,
         check=expect_records(2, {0: r"line 1: NaN is not valid JSON"},
                              fields={0: {"raw": '{"id": 1, "text": "Maybe.", "x": NaN}'}})),
    Case("deep record", {"f.jsonl": b'{"text": "x", "y": ' + b"[" * 990 + b"]" * 990 + b"}\n" + jsonl(R1)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0, check=expect_records(2, {0: r"nested too deeply"})),
    Case("array line", {"f.jsonl": b"[1, 2]\n" + jsonl(R1)}, ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0,
         check=expect_records(2, {0: r"line 1: expected a JSON object"}, fields={0: {"raw": "[1, 2]"}})),
    Case("text not a string", {"f.jsonl": jsonl({"text": 3}, R1)}, ["annotate", "{tmp}/f.jsonl", "-o",
                                                                    "{tmp}/o.jsonl"], 0,
         check=expect_records(2, {0: r"field 'text' is int, not text"})),
    Case("long text over the model limit", {"f.jsonl": jsonl({"text": "\n\n".join([EN_1] * 6)}, R1)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0, model_limit=300, check=expect_records(2)),
    Case("max-length cap", {"f.jsonl": jsonl({"text": EN_1}, R1)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl", "--max-length", "50"], 0,
         check=expect_records(2, {0: r"longer than --max-length 50"})),
    Case("empty input", {"f.jsonl": b""}, ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl"], 0,
         r"annotated 0 records", check=expect_records(0)),
    Case("header-only csv keeps its columns", {"f.csv": b"id,text,lang\n"},
         ["annotate", "{tmp}/f.csv", "-o", "{tmp}/o.csv", "-q"], 0,
         check=lambda tmp, out: (tmp / "o.csv").read_bytes() == b"id,text,lang,markers,error\r\n" or pytest.fail(
             str((tmp / "o.csv").read_bytes()))),
    Case("stdin jsonl to stdout csv", {}, ["annotate", "-", "-o", "-", "--output-format", "csv"], 0,
         stdin=b"{bad\n" + jsonl(R2),
         check=lambda tmp, out: [r["speaker"] for r in csv.DictReader(io.StringIO(out))] == ["", "X"] or pytest.fail(
             out)),
    Case("stdin jsonl with --format csv (the output's format)", {}, ["annotate", "-", "-o", "-", "--format", "csv"],
         0, stdin=b"{bad\n" + jsonl(R2),
         check=lambda tmp, out: [(r["id"], r["speaker"], r["raw"]) for r in csv.DictReader(io.StringIO(out))] == [
             ("", "", "{bad"), ("r2", "X", "")] or pytest.fail(out)),
    Case("stdin csv", {}, ["annotate", "-", "-o", "{tmp}/o.jsonl", "--input-format", "csv"], 0,
         stdin=b"id,text\n1,It may rain.\n", check=expect_records(1, fields={0: {"id": "1"}})),
    Case("missing input", {}, ["annotate", "{tmp}/none.jsonl", "-o", "{tmp}/o.jsonl"], 2, r"none\.jsonl: no such file"),
    Case("input is a folder", {"d/.keep": b""}, ["annotate", "{tmp}/d", "-o", "{tmp}/o.jsonl"], 2, r"is a folder"),
    Case("unknown input suffix", {"f.txt": jsonl(R1)}, ["annotate", "{tmp}/f.txt", "-o", "{tmp}/o.jsonl"], 2,
         r"cannot tell the format from the file name; pass --input-format"),
    Case("unknown output suffix", {"f.jsonl": jsonl(R1)}, ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.xlsx"], 2,
         r"pass --output-format jsonl or --output-format csv"),
    Case("output folder missing", {"f.jsonl": jsonl(R1)}, ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/no/o.jsonl"], 2,
         r"folder .*/no does not exist"),
    Case("output needed", {"f.jsonl": jsonl(R1)}, ["annotate", "{tmp}/f.jsonl"], 2, r"missing option '--output'"),
    Case("model not installed", {"f.jsonl": jsonl(R1)},
         ["annotate", "{tmp}/f.jsonl", "-o", "{tmp}/o.jsonl", "--model", "xx_nope"], 2,
         r"neither an installed package"),
]


# ------------------------------------------------------------------------------------------------ the runner


@contextlib.contextmanager
def model_limit(limit: int | None):
    from kalinovsky_nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    saved = nlp.max_length
    if limit is not None:
        nlp.max_length = limit
    try:
        yield
    finally:
        nlp.max_length = saved


def run_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    for name, content in case.files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (tmp_path / "sub").mkdir(exist_ok=True)
    stdout = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(stdout, encoding="utf-8"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin or b""), encoding="utf-8"))
    argv = [a.replace("{tmp}", str(tmp_path)) for a in case.argv]
    with model_limit(case.model_limit):
        code = main(argv)
    sys.stdout.flush()
    out = stdout.getvalue().decode("utf-8")
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Traceback" not in out
    assert code == case.code, err
    if case.stderr:
        assert re.search(case.stderr, err, flags=re.M), err
    for line in err.splitlines():
        assert line.startswith(("kalinovsky-nlp: warning: ", "kalinovsky-nlp: error: ", "annotated ", "tables: ")), line
    if code == 2:
        errors = [line for line in err.splitlines() if line.startswith("kalinovsky-nlp: error: ")]
        assert len(errors) == 1 and err.endswith(errors[0] + "\n"), err
        assert out == ""
    for name, content in case.files_after.items():
        assert (tmp_path / name).read_bytes() == content
    if case.check is not None:
        case.check(tmp_path, out)


@pytest.mark.parametrize("case", REPORT_CASES, ids=[c.name for c in REPORT_CASES])
def test_report_bad_input(case: Case, tmp_path, monkeypatch, capsys, nlp):
    run_case(case, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("case", ANNOTATE_CASES, ids=[c.name for c in ANNOTATE_CASES])
def test_annotate_bad_input(case: Case, tmp_path, monkeypatch, capsys, nlp):
    run_case(case, tmp_path, monkeypatch, capsys)


def test_no_partial_output_after_a_failure(tmp_path, capsys):
    """An error after the output was checked leaves an existing output file as it was, and no temporary file."""
    (tmp_path / "c.jsonl").write_bytes(TWO + b"{oops\n")
    (tmp_path / "r.txt").write_text("previous report", encoding="utf-8")
    assert main(["report", str(tmp_path / "c.jsonl"), "-o", str(tmp_path / "r.txt")]) == 2
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "r.txt"]


def test_internal_fault_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    from kalinovsky_nlp import cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(cli, "run_report", broken)
    assert main(["report"]) == 1
    err = capsys.readouterr().err
    assert err == ("kalinovsky-nlp: error: internal fault (ZeroDivisionError: a bug); please report it with the "
                   "output of --debug\n")
    assert main(["report", "--debug"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and err.endswith("please report it with the output of --debug\n")


def test_debug_shows_the_traceback_of_a_data_error(tmp_path, capsys):
    (tmp_path / "c.jsonl").write_bytes(b"")
    assert main(["report", str(tmp_path / "c.jsonl"), "--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "CorpusError" in err and err.rstrip().endswith("give two or more dated texts")


def test_the_matrix_size():
    """The counts the issue asks for: cases run through report and annotate (all must end clean)."""
    assert len(REPORT_CASES) + len(ANNOTATE_CASES) >= 100


def test_a_full_disk_is_a_clean_error_and_leaves_no_file(tmp_path, monkeypatch, capsys):
    import errno
    import os

    (tmp_path / "c.jsonl").write_bytes(TWO)

    def full_disk(source, destination):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("kalinovsky_nlp.outputs.os.replace", full_disk)
    assert main(["report", str(tmp_path / "c.jsonl"), "-o", str(tmp_path / "r.txt"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err == (f"kalinovsky-nlp: error: {tmp_path / 'r.txt'}: cannot write (No space left on device); nothing "
                   "was written: free space or choose another output path\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_annotate_on_a_full_disk_leaves_no_file(tmp_path, monkeypatch, capsys):
    import errno
    import os

    (tmp_path / "f.jsonl").write_bytes(jsonl(R1, R2))

    def full_disk(source, destination):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("kalinovsky_nlp.outputs.os.replace", full_disk)
    assert main(["annotate", str(tmp_path / "f.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert capsys.readouterr().err.startswith(f"kalinovsky-nlp: error: {tmp_path / 'o.jsonl'}: No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.jsonl"]
