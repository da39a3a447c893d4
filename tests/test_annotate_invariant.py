"""The record-count invariant of ``annotate``: 10,000 mixed records in, 10,000 out, in order, nothing lost."""

from __future__ import annotations

import csv
import json
import random

from kalinovsky_nlp.annotate import annotate_file

SHORT_TEXTS = ["It may rain.", "Surely not.", "I think so.", "The tram runs.", "", "   ", "Perhaps, perhaps."]


def mixed_lines(count: int, seed: int = 15) -> tuple[list[bytes], list[str | None]]:
    """``count`` JSONL lines of every kind annotate meets, and for each the error it must get (None: markers)."""
    rng = random.Random(seed)
    lines: list[bytes] = []
    expected: list[str | None] = []
    for n in range(count):
        kind = rng.randrange(10)
        if kind == 0:
            lines.append(b'{"n": %d, "text": "caf\xe9"}' % n)  # not UTF-8
            expected.append("bytes that are not UTF-8")
        elif kind == 1:
            lines.append(b'{"n": %d, "text": "oops' % n)  # malformed JSON
            expected.append("not valid JSON")
        elif kind == 2:
            lines.append(b'{"n": %d, "text": "x", "v": NaN}' % n)
            expected.append("NaN is not valid JSON")
        elif kind == 3:
            lines.append(json.dumps({"n": n, "text": rng.randrange(100)}).encode())
            expected.append("not text")
        elif kind == 4:
            lines.append(json.dumps({"n": n, "body": "no text"}).encode())
            expected.append("no 'text' field")
        elif kind == 5:
            lines.append(b'{"n": %d, "text": "a \\ud800 b"}' % n)
            expected.append("lone surrogate")
        else:
            record = {"n": n, "text": rng.choice(SHORT_TEXTS), f"field_{n % 7}": n}
            lines.append(json.dumps(record).encode())
            expected.append(None)
    return lines, expected


def test_ten_thousand_mixed_records_all_come_out_in_order(tmp_path, nlp):
    lines, expected = mixed_lines(10_000)
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + b"\n\n".join(lines) + b"\n")  # a BOM and a blank line between records
    target = tmp_path / "out.jsonl"
    counts = annotate_file(source, target, nlp=nlp, batch_size=64)
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert counts.records == len(out) == 10_000
    assert counts.errors == sum(e is not None for e in expected)
    for number, (row, error) in enumerate(zip(out, expected)):
        if error is None:
            assert row["n"] == number and "error" not in row and isinstance(row["markers"], list)
            assert row[f"field_{number % 7}"] == number
        else:
            assert error in row["error"], (number, row)
            assert row.get("n", number) == number
            if "raw" in row:  # an unreadable line keeps its text and its line number
                assert row["line"] == 2 * number + 1
                assert f'"n": {number},' in row["raw"]


def test_csv_output_has_the_union_of_all_fields(tmp_path, nlp):
    lines, expected = mixed_lines(2_000, seed=19)
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    target = tmp_path / "out.csv"
    counts = annotate_file(source, target, nlp=nlp, batch_size=64)
    with target.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        columns = reader.fieldnames
    assert counts.records == len(rows) == 2_000
    assert set(columns) >= {"n", "text", "body", "line", "raw", "markers", "error"} | {f"field_{k}" for k in range(7)}
    assert columns[-2:] == ["markers", "error"]
    for number, (row, error) in enumerate(zip(rows, expected)):
        assert bool(row["error"]) == (error is not None), (number, row)
        if error is None:
            assert row["n"] == str(number) and row[f"field_{number % 7}"] == str(number)
