"""Streaming annotation: texts or records in, metadiscourse markers out, with constant memory.

Every input record is returned with all its fields plus ``markers`` (offsets into the text field) and, on request,
``sentences`` (each sentence's offsets, ``uncertain`` flag and epistemic hedge cues, for comparison with
sentence-level uncertainty corpora); a record that cannot be processed gets an ``error`` field instead and is still
returned, in its place. Files: JSONL or CSV,
``-`` for standard input or output.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

from .analysis import DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE
from .pipeline import load_pipeline
from .profile import extract_markers

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate_texts", "annotate_records", "annotate_file", "read_records", "sentence_uncertainty", "FORMATS"]

FORMATS = ("jsonl", "csv")


def _markers(doc) -> list[dict[str, Any]]:
    return [m.to_dict() for m in extract_markers(doc)]


def sentence_uncertainty(doc, spans_key: str = "kn_markers") -> list[dict[str, Any]]:
    """Each sentence's character offsets, ``uncertain`` (it holds an epistemic hedge: ``span._.kn_epistemic``) and
    those hedges as ``cues`` (text, offsets, subcategory)."""
    hedges = [s for s in doc.spans[spans_key] if s._.kn_epistemic] if spans_key in doc.spans else []
    out = []
    for index, sent in enumerate(doc.sents):
        cues = [{"text": h.text, "start": h.start_char, "end": h.end_char, "subcategory": h._.kn_subcategory}
                for h in hedges if sent.start <= h.start < sent.end]
        out.append({"index": index, "start": sent.start_char, "end": sent.end_char, "uncertain": bool(cues),
                    "cues": cues})
    return out


def annotate_texts(
    texts: Iterable[str],
    *,
    nlp: "Language | None" = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[list[dict[str, Any]]]:
    """For each text, its markers (dicts with category, subcategory, text, start, end, voice, sentence)."""
    records = ({"text": t} for t in texts)
    for record in annotate_records(records, nlp=nlp, model=model, batch_size=batch_size, n_process=n_process):
        if "error" in record:
            raise ValueError(record["error"])
        yield record["markers"]


def annotate_records(
    records: Iterable[dict[str, Any]],
    *,
    text_field: str = "text",
    nlp: "Language | None" = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    sentences: bool = False,
) -> Iterator[dict[str, Any]]:
    """Records in input order, each with ``markers`` added (and ``sentences`` when asked: see
    :func:`sentence_uncertainty`), or ``error`` when it could not be annotated."""
    nlp = nlp if nlp is not None else load_pipeline(model)
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, chunk_size)):
        items = []
        for record in chunk:
            if not isinstance(record, dict):
                items.append(("", ({"record": record}, f"expected a mapping, not {type(record).__name__}")))
                continue
            error = record.get("error") if record.get("_malformed") else None
            text = record.get(text_field)
            if error is None and not isinstance(text, str):
                error = (f"no {text_field!r} field" if text_field not in record
                         else f"field {text_field!r} is {type(text).__name__}, not text")
            items.append((text if error is None else "", (record, error)))
        zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
        with zone:
            for doc, (record, error) in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
                out = {k: v for k, v in record.items() if k != "_malformed"}
                if error is not None:
                    out["error"] = error
                else:
                    out["markers"] = _markers(doc)
                    if sentences:
                        out["sentences"] = sentence_uncertainty(doc)
                yield out


@contextmanager
def _open(path: str | Path, mode: str) -> Iterator[IO[str]]:
    """A UTF-8 text stream on a file, or on stdin/stdout for ``-`` (left open when done)."""
    if str(path) == "-":
        stream = sys.stdin if "r" in mode else sys.stdout
        if not hasattr(stream, "buffer"):
            yield stream
            return
        wrapper = io.TextIOWrapper(stream.buffer, encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            if "w" in mode:
                wrapper.flush()
            wrapper.detach()  # do not close the process's own stream
        return
    with open(path, mode, encoding="utf-8", newline="") as handle:
        yield handle


def _guess_format(path: str | Path, explicit: str | None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise ValueError(f"unknown format {explicit!r}: use one of {', '.join(FORMATS)}")
        return explicit
    suffix = Path(str(path)).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json") or str(path) == "-":
        return "jsonl"
    raise ValueError(f"{path}: cannot tell the format from the file name; pass --format jsonl or --format csv")


def read_records(handle: IO[str], fmt: str) -> Iterator[dict[str, Any]]:
    """Records from a JSONL or CSV stream; a malformed JSONL line becomes a record with an ``error``."""
    if fmt == "csv":
        reader = csv.DictReader(handle)
        for number, row in enumerate(reader, start=2):
            if None in row:
                yield {"_malformed": True, "error": f"row {number}: more cells than header columns",
                       **{k: v for k, v in row.items() if k is not None}}
            else:
                yield dict(row)
        return
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield {"_malformed": True, "error": f"line {number}: not valid JSON ({err.msg}, column {err.colno})",
                   "line": number}
            continue
        if not isinstance(record, dict):
            yield {"_malformed": True, "error": f"line {number}: expected a JSON object", "line": number}
            continue
        yield record


def annotate_file(
    source: str | Path,
    destination: str | Path,
    *,
    text_field: str = "text",
    fmt: str | None = None,
    **kwargs: Any,
) -> dict[str, int]:
    """Annotate a JSONL or CSV file (``-`` = stdin/stdout) record by record; returns counts of records and errors."""
    in_fmt = _guess_format(source, fmt)
    out_fmt = _guess_format(destination, fmt) if str(destination) != "-" else in_fmt
    counts = {"records": 0, "errors": 0, "markers": 0}
    with _open(source, "r") as reader, _open(destination, "w") as writer:
        records = read_records(reader, in_fmt)
        annotated = annotate_records(records, text_field=text_field, **kwargs)
        csv_writer = None
        for record in annotated:
            counts["records"] += 1
            counts["errors"] += "error" in record
            counts["markers"] += len(record.get("markers", []))
            if out_fmt == "jsonl":
                writer.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                row = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                       for k, v in record.items()}
                row.setdefault("markers", "")
                row.setdefault("error", "")
                if csv_writer is None:
                    csv_writer = csv.DictWriter(writer, fieldnames=list(row), extrasaction="ignore")
                    csv_writer.writeheader()
                csv_writer.writerow(row)
        writer.flush()
    return counts
