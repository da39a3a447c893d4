"""Streaming annotation of texts, records and JSONL/CSV files."""

from __future__ import annotations

import csv
import itertools
import json

import pytest

from kalinovsky_nlp.annotate import annotate_file, annotate_records, annotate_texts

MARKER_KEYS = {"category", "subcategory", "text", "start", "end", "voice", "sentence", "epistemic"}

TEXTS = [
    "It may rain tomorrow.",
    "I think the plan will certainly fail.",
    "The tram runs every ten minutes.",
    "Perhaps we should wait. Clearly, the council is wrong.",
]


def check_markers(text: str, markers: list[dict]) -> None:
    for marker in markers:
        assert set(marker) == MARKER_KEYS, marker
        assert text[marker["start"]:marker["end"]] == marker["text"], marker
        assert marker["category"] in {"hedge", "booster", "attitude", "self_mention", "engagement"}
        assert marker["voice"] in {"author", "attributed"}


def cues(markers: list[dict]) -> list[tuple[str, str]]:
    return [(m["text"].lower(), m["category"]) for m in markers]


# ------------------------------------------------------------------------------------------------ records


def test_records_keep_fields_and_get_markers(nlp):
    records = [{"id": i, "lang": "en", "nested": {"k": [1, 2]}, "text": t} for i, t in enumerate(TEXTS)]
    out = list(annotate_records(records, nlp=nlp))
    assert [r["id"] for r in out] == [0, 1, 2, 3]
    for original, result in zip(records, out):
        for key, value in original.items():
            assert result[key] == value
        assert "error" not in result
        check_markers(result["text"], result["markers"])
    assert ("may", "hedge") in cues(out[0]["markers"])
    assert ("i", "self_mention") in cues(out[1]["markers"])
    assert ("think", "hedge") in cues(out[1]["markers"])
    assert ("certainly", "booster") in cues(out[1]["markers"])
    assert out[2]["markers"] == []
    assert ("perhaps", "hedge") in cues(out[3]["markers"])
    assert ("clearly", "booster") in cues(out[3]["markers"])
    # input records are not modified in place
    assert all("markers" not in r for r in records)


def test_offsets_hold_with_leading_whitespace_and_unicode(nlp):
    text = "  \u201cNaïve\u201d critics — I believe — might be right.\n\nCertainly not."
    (result,) = annotate_records([{"text": text}], nlp=nlp)
    assert result["markers"], result
    check_markers(text, result["markers"])
    assert {"believe", "might", "certainly"} <= {m["text"].lower() for m in result["markers"]}


def test_bad_records_get_error_and_keep_order(nlp):
    records = [
        {"id": "a", "text": "It may rain."},
        {"id": "b", "body": "no text field here"},
        {"id": "c", "text": 42},
        {"id": "d", "text": None},
        {"id": "e", "text": ["a", "list"]},
        {"id": "f", "text": "Surely it will."},
    ]
    out = list(annotate_records(records, nlp=nlp))
    assert [r["id"] for r in out] == ["a", "b", "c", "d", "e", "f"]
    assert "error" not in out[0] and out[0]["markers"]
    assert "markers" not in out[1]
    assert out[1]["error"].startswith("no 'text' field: pass --text-field")
    assert out[1]["body"] == "no text field here"
    assert "int" in out[2]["error"] and out[2]["text"] == 42 and "markers" not in out[2]
    assert "NoneType" in out[3]["error"]
    assert "list" in out[4]["error"] and out[4]["text"] == ["a", "list"]
    assert "error" not in out[5]
    assert ("surely", "booster") in cues(out[5]["markers"])


def test_other_text_field(nlp):
    records = [{"id": 1, "body": "It may rain.", "text": "Certainly."}, {"id": 2, "text": "It may rain."}]
    out = list(annotate_records(records, nlp=nlp, text_field="body"))
    assert cues(out[0]["markers"]) == [("may", "hedge")]
    check_markers(records[0]["body"], out[0]["markers"])
    assert out[0]["text"] == "Certainly."
    assert out[1]["error"].startswith("no 'body' field: pass --text-field")


def test_annotate_texts(nlp):
    result = list(annotate_texts(TEXTS, nlp=nlp))
    assert len(result) == len(TEXTS)
    for text, markers in zip(TEXTS, result):
        check_markers(text, markers)
    assert cues(result[0]) == [("may", "hedge")]
    assert result[2] == []
    # the same as annotate_records on the same texts
    assert result == [r["markers"] for r in annotate_records(({"text": t} for t in TEXTS), nlp=nlp)]


def test_annotate_texts_rejects_non_text(nlp):
    with pytest.raises(ValueError):
        list(annotate_texts(["fine", 3], nlp=nlp))


def test_streams_infinite_input(nlp):
    pulled = []

    def endless():
        for i in itertools.count():
            pulled.append(i)
            yield {"n": i, "text": f"Item {i} may be late."}

    stream = annotate_records(endless(), nlp=nlp, chunk_size=4, batch_size=2)
    try:
        first = list(itertools.islice(stream, 5))
    finally:
        stream.close()
    assert [r["n"] for r in first] == [0, 1, 2, 3, 4]
    for r in first:
        assert cues(r["markers"]) == [("may", "hedge")]
        check_markers(r["text"], r["markers"])
    # two chunks of four were read, not the whole (infinite) input
    assert len(pulled) <= 8


# ------------------------------------------------------------------------------------------------ files


def test_annotate_jsonl_file(tmp_path, nlp):
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": "It may rain.", "meta": {"x": 1}}),
        "",
        "{this is not json",
        json.dumps({"id": "r2", "text": "We clearly know.", "score": 0.5}),
        json.dumps({"id": "r3", "other": "no text"}),
        json.dumps([1, 2, 3]),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    counts = annotate_file(source, target, nlp=nlp)
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(out) == 5
    assert counts.records == 5
    assert counts.errors == 3
    assert counts.markers == sum(len(r.get("markers", [])) for r in out)
    assert out[0]["id"] == "r1" and out[0]["meta"] == {"x": 1}
    assert cues(out[0]["markers"]) == [("may", "hedge")]
    check_markers("It may rain.", out[0]["markers"])
    assert out[1]["line"] == 3
    assert out[1]["error"].startswith("line 3:") and "not valid JSON" in out[1]["error"]
    assert out[1]["raw"] == "{this is not json"
    assert out[2]["id"] == "r2" and out[2]["score"] == 0.5
    assert ("clearly", "booster") in cues(out[2]["markers"])
    check_markers("We clearly know.", out[2]["markers"])
    assert out[3]["error"].startswith("no 'text' field") and out[3]["other"] == "no text"
    assert out[4]["error"].startswith("line 6:")


def test_annotate_csv_file(tmp_path, nlp):
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "lang", "text"])
        writer.writerow(["1", "en", "It may rain, perhaps."])
        writer.writerow(["2", "en", "The tram runs, \"on time\"."])
        writer.writerow(["3", "en", "Obviously, I agree."])
    target = tmp_path / "out.csv"
    counts = annotate_file(source, target, nlp=nlp)
    assert (counts.records, counts.errors) == (3, 0)
    assert counts.columns == ["id", "lang", "text", "markers", "error"]
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert all(r["lang"] == "en" for r in rows)
    assert rows[1]["text"] == "The tram runs, \"on time\"."
    total = 0
    for row in rows:
        assert row["error"] == ""
        markers = json.loads(row["markers"])
        check_markers(row["text"], markers)
        total += len(markers)
    assert total == counts.markers
    assert cues(json.loads(rows[0]["markers"])) == [("may", "hedge"), ("perhaps", "hedge")]
    assert json.loads(rows[1]["markers"]) == []
    assert ("obviously", "booster") in cues(json.loads(rows[2]["markers"]))


def test_annotate_csv_file_with_bad_row(tmp_path, nlp):
    source = tmp_path / "in.csv"
    source.write_text("id,text\n1,It may rain.\n2,too,many\n3,Surely.\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    counts = annotate_file(source, target, nlp=nlp)
    assert counts.records == 3 and counts.errors == 1
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["error"].startswith("row 3: more cells than header columns")
    assert json.loads(rows[1]["extra_cells"]) == ["many"] and rows[1]["text"] == "too"
    assert rows[1]["markers"] == ""
    assert json.loads(rows[0]["markers"])[0]["text"] == "may"


def test_annotate_file_jsonl_to_csv_other_field(tmp_path, nlp):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 7, "body": "It may rain."}) + "\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    annotate_file(source, target, nlp=nlp, text_field="body")
    with target.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["id"] == "7" and row["body"] == "It may rain."
    assert cues(json.loads(row["markers"])) == [("may", "hedge")]


def test_annotate_file_unknown_format(tmp_path, nlp):
    source = tmp_path / "in.txt"
    source.write_text("It may rain.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="--input-format jsonl or --input-format csv"):
        annotate_file(source, tmp_path / "out.jsonl", nlp=nlp)


def test_annotating_an_annotated_file_again_replaces_markers_and_error(nlp):
    records = [{"id": 1, "text": "It may rain.", "markers": ["old"], "error": "old error"},
               {"id": 2, "text": 5, "markers": ["old"]}]
    out = list(annotate_records(records, nlp=nlp))
    assert "error" not in out[0] and cues(out[0]["markers"]) == [("may", "hedge")]
    assert "markers" not in out[1] and "is int, not text" in out[1]["error"]
