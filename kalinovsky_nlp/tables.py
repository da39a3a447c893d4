"""Flat tables of a report for research pipelines: rows as dicts, pandas DataFrames, CSV / JSONL / Parquet files.

Tables: ``documents`` (one row per document: size, readability, marker rates), ``markers``, ``entities``,
``claims`` (with holder, time frame and FactBank certainty) and ``findings`` (one row per judgement finding of every
comparison step, with its confidence).
DataFrames and Parquet need pandas (``pip install "kalinovsky-nlp[pandas]"``); CSV and JSONL do not. CSV cells that a
spreadsheet would run as a formula are prefixed with ``'`` (:func:`kalinovsky_nlp.escaping.csv_cell`).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .escaping import csv_cell

if TYPE_CHECKING:
    import pandas as pd

    from .report import Report

__all__ = ["EMPTY_COLUMNS", "TABLES", "table_columns", "table_rows", "to_frames", "write_tables"]

TABLES = ("documents", "markers", "entities", "claims", "findings")


def _data(report: Any) -> dict[str, Any]:
    data: dict[str, Any] = report.to_dict() if hasattr(report, "to_dict") else report
    return data


def _documents(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for d in data["documents"]:
        row = {"id": d["id"], "date": d["date"], "title": d["title"], "author": d["author"], "venue": d["venue"]}
        row.update(d["stats"])
        row.update(d["readability"])
        measures = d["marker_measures"]
        for category, values in measures["by_category"].items():
            row[f"{category}_count"] = values["count"]
            row[f"{category}_rate"] = values["rate"]
            row[f"{category}_author_count"] = values["author_count"]
            row[f"{category}_author_rate"] = values["author_rate"]
        row["hedge_booster_ratio"] = measures["hedge_booster_ratio"]
        row["share_sentences_with_hedge"] = measures["share_sentences_with_hedge"]
        row.update({f"meta_{k}": v for k, v in d.get("metadata", {}).items()})
        rows.append(row)
    return rows


def _markers(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"document": d["id"], "date": d["date"], **m} for d in data["documents"] for m in d["markers"]]


def _entities(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for d in data["documents"]:
        for e in d["entities"]:
            rows.append({"document": d["id"], "date": d["date"], "name": e["name"], "label": e["label"],
                         "count": e["count"], "rate_per_1000_words": e["rate_per_1000_words"],
                         "first_position": e["first_position"], "metonymy_count": e["metonymy_count"],
                         "demonym_of": e["demonym_of"], "mentions": "; ".join(m["text"] for m in e["mentions"])})
    return rows


def _claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for d in data["documents"]:
        for c in d["claims"]:
            rows.append({"document": d["id"], "date": d["date"], "index": c["index"], "sentence": c["sentence"],
                         "text": c["text"], "gist": c["gist"], "voice": c["voice"], "holder": c["holder"],
                         "role": c["role"], "certainty": c["certainty"], "score": c["score"],
                         "polarity": c["polarity"], "time_frame": c["time_frame"], "cues": "; ".join(c["cues"]),
                         "entities": "; ".join(c["entities"]), "predicate": c["predicate"],
                         "stance_target": (c.get("stance") or {}).get("target"), "start": c["start"], "end": c["end"]})
    return rows


def _findings(data: dict[str, Any]) -> list[dict[str, Any]]:
    comparison = data["comparison"]
    steps = list(comparison["steps"])
    if comparison.get("first_to_last"):
        steps.append({**comparison["first_to_last"], "_overall": True})
    rows = []
    for step in steps:
        for f in step.get("findings", []):
            before, after = f["from"].get("position") or {}, f["to"].get("position") or {}
            rows.append({"from_date": step["from"]["date"], "to_date": step["to"]["date"],
                         "first_to_last": bool(step.get("_overall")), "proposition": f["proposition"],
                         "kinds": "; ".join(f["kinds"]), "confidence": f["confidence"], "strength": f["strength"],
                         "certainty_from": before.get("certainty"), "certainty_to": after.get("certainty"),
                         "voice_from": before.get("voice"), "voice_to": after.get("voice"),
                         "evaluation_from": before.get("evaluation"), "evaluation_to": after.get("evaluation"),
                         "evidence_from": " | ".join(f["from"]["evidence"]), "evidence_to": " | ".join(f["to"]["evidence"]),
                         "revisions": " | ".join(f"{r['before']} -> {r['after']}" for r in f.get("revisions") or []),
                         "statement": f["statement"]})
    return rows


#: The columns of each table when it has no rows (a table with rows has the union of its rows' keys, in order);
#: ``documents`` always has rows, and its columns follow the measures and metadata of the corpus.
EMPTY_COLUMNS: dict[str, list[str]] = {
    "documents": ["id", "date", "title", "author", "venue"],
    "markers": ["document", "date", "category", "subcategory", "text", "start", "end", "voice", "sentence",
                "epistemic"],
    "entities": ["document", "date", "name", "label", "count", "rate_per_1000_words", "first_position",
                 "metonymy_count", "demonym_of", "mentions"],
    "claims": ["document", "date", "index", "sentence", "text", "gist", "voice", "holder", "role", "certainty",
               "score", "polarity", "time_frame", "cues", "entities", "predicate", "stance_target", "start", "end"],
    "findings": ["from_date", "to_date", "first_to_last", "proposition", "kinds", "confidence", "strength",
                 "certainty_from", "certainty_to", "voice_from", "voice_to", "evaluation_from", "evaluation_to",
                 "evidence_from", "evidence_to", "revisions", "statement"],
}


def table_columns(table: str, rows: list[dict[str, Any]]) -> list[str]:
    """The columns of a table: the union of its rows' keys in first-seen order, or :data:`EMPTY_COLUMNS`."""
    if not rows:
        return list(EMPTY_COLUMNS[table])
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


_BUILDERS = {"documents": _documents, "markers": _markers, "entities": _entities, "claims": _claims,
             "findings": _findings}


def table_rows(report: Any, table: str) -> list[dict[str, Any]]:
    """Rows of one table (``documents``, ``markers``, ``entities``, ``claims`` or ``findings``) as dicts."""
    try:
        return _BUILDERS[table](_data(report))
    except KeyError:
        raise ValueError(f"unknown table {table!r}: choose from {', '.join(TABLES)}") from None


def to_frames(report: Report | dict[str, Any]) -> dict[str, pd.DataFrame]:
    """All tables as pandas DataFrames, keyed by table name."""
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError('DataFrames need pandas: pip install "kalinovsky-nlp[pandas]"') from err
    data = _data(report)
    frames: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        rows = _BUILDERS[name](data)
        frame = pd.DataFrame(rows, columns=table_columns(name, rows))
        for column in ("date", "from_date", "to_date"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        frames[name] = frame
    return frames


def write_tables(report: Report | dict[str, Any], folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table to ``folder/<table>.<fmt>`` (csv, jsonl or parquet); returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = _data(report)
    written = []
    if fmt == "parquet":
        for name, frame in to_frames(data).items():
            path = folder / f"{name}.parquet"
            frame.to_parquet(path, index=False)
            written.append(path)
        return written
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown table format {fmt!r}: use csv, jsonl or parquet")
    for name in TABLES:
        rows = _BUILDERS[name](data)
        path = folder / f"{name}.{fmt}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            if fmt == "jsonl":
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                writer = csv.DictWriter(handle, fieldnames=table_columns(name, rows))
                writer.writeheader()
                writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
        written.append(path)
    return written
