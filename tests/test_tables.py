"""Tables of a report: rows, DataFrames, CSV / JSONL / Parquet files."""

from __future__ import annotations

import csv
import json

import pytest

from kalinovsky_nlp.tables import EMPTY_COLUMNS, TABLES, table_columns, table_rows, to_frames, write_tables


def test_rows(builtin_report_dict):
    docs = table_rows(builtin_report_dict, "documents")
    assert [d["date"] for d in docs] == ["2017-05-08", "2020-07-22"]
    assert docs[1]["hedge_author_rate"] == builtin_report_dict["documents"][1]["marker_measures"]["by_category"]["hedge"]["author_rate"]
    markers = table_rows(builtin_report_dict, "markers")
    assert len(markers) == sum(len(d["markers"]) for d in builtin_report_dict["documents"])
    claims = table_rows(builtin_report_dict, "claims")
    assert {c["certainty"] for c in claims} <= {"CT+", "PR+", "PS+", "Uu", "PS-", "PR-", "CT-"}
    with pytest.raises(ValueError, match="unknown table"):
        table_rows(builtin_report_dict, "nope")


def test_frames(builtin_report):
    frames = to_frames(builtin_report)
    assert set(frames) == set(TABLES)
    entities = frames["entities"]
    russia = entities[(entities["name"] == "Russia")]
    assert list(russia["count"]) == [16, 38]
    assert str(frames["documents"]["date"].dtype).startswith("datetime64")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_write_tables(builtin_report, tmp_path, fmt):
    paths = write_tables(builtin_report, tmp_path, fmt)
    assert sorted(p.name for p in paths) == sorted(f"{t}.{fmt}" for t in TABLES)
    target = tmp_path / f"markers.{fmt}"
    if fmt == "csv":
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
    elif fmt == "jsonl":
        rows = [json.loads(l) for l in target.read_text(encoding="utf-8").splitlines()]
    else:
        import pandas as pd

        rows = pd.read_parquet(target).to_dict("records")
    assert len(rows) == len(table_rows(builtin_report, "markers"))
    assert {r["category"] for r in rows} >= {"hedge", "booster"}


def test_empty_tables_keep_their_columns(nlp, tmp_path):
    import datetime

    from kalinovsky_nlp.analysis import analyze
    from kalinovsky_nlp.corpus import Document

    report = analyze([Document(id="a", date=datetime.date(2020, 1, 1), text="The tram runs.")], nlp=nlp)
    frames = to_frames(report)
    for name in ("markers", "entities", "claims", "findings"):
        if frames[name].empty:
            assert list(frames[name].columns) == EMPTY_COLUMNS[name], name
    assert frames["markers"].empty and frames["findings"].empty
    write_tables(report, tmp_path, "csv")
    assert (tmp_path / "findings.csv").read_text(encoding="utf-8").splitlines() == [",".join(EMPTY_COLUMNS["findings"])]


def test_empty_columns_are_the_columns_of_full_tables(builtin_report_dict):
    for name in ("markers", "entities", "claims", "findings"):
        rows = table_rows(builtin_report_dict, name)
        assert rows, name
        assert table_columns(name, rows) == EMPTY_COLUMNS[name]
    assert table_columns("documents", table_rows(builtin_report_dict, "documents"))[:5] == EMPTY_COLUMNS["documents"]


def test_csv_cells_that_start_a_formula_are_prefixed(builtin_report_dict, tmp_path):
    data = json.loads(json.dumps(builtin_report_dict))
    data["documents"][0]["title"] = "=cmd|' /C calc'!A0"
    data["documents"][1]["title"] = "+1+1"
    write_tables(data, tmp_path, "csv")
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["title"] for r in rows] == ["'=cmd|' /C calc'!A0", "'+1+1"]
    assert all(not r["flesch_reading_ease"].startswith("'") for r in rows)  # numbers stay numbers
