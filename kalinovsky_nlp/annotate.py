"""Streaming annotation: texts or records in, metadiscourse markers out, with constant memory; nothing lost.

Every input record comes out once, in input order, with all its fields plus ``markers`` (offsets into the text
field) and, on request, ``sentences`` (each sentence's offsets, ``uncertain`` flag and epistemic hedge cues, for
comparison with sentence-level uncertainty corpora). A record that cannot be annotated (no text, not text, bad
bytes, malformed JSON, too long for the user's cap, ...) comes out in its place with its fields and an ``error``
that says what is wrong and what to do; the text of a malformed JSONL line is kept in ``raw``. ``markers``,
``sentences`` and ``error`` are this module's own fields: an input that already has them (an annotated file
annotated again) has them replaced.

Files: JSONL or CSV, ``-`` for standard input or output, any format on either. CSV output has the union of all
records' fields: records are spilled to a temporary JSONL file while the columns are collected, then written as CSV
(one pass over the input, so standard input works too). A file output is written to a temporary file beside it and
renamed at the end, so a failed run leaves no half-written file, and an output that is the input is refused before
anything is written.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator

from .analysis import DEFAULT_BATCH_SIZE
from .components.extensions import DEFAULT_MARKER_EXTENSIONS, MarkerExtensions
from .escaping import csv_cell
from .inputcheck import JSONValueError, first_lone_surrogate, loads_strict
from .longtext import TextTooLongError, check_length, pipe_texts
from .outputs import UsageError, atomic_output, check_distinct
from .pipeline import load_pipeline
from .profile import DEFAULT_CHUNK_SIZE, extract_markers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["FORMATS", "AnnotationCounts", "UnreadableRecord", "annotate_file", "annotate_records", "annotate_texts",
           "read_records", "sentence_uncertainty"]

FORMATS = ("jsonl", "csv")


@dataclass(frozen=True)
class UnreadableRecord:
    """An input record that could not be read as a mapping of fields: what could be kept, and why."""

    fields: dict[str, Any]
    error: str


@dataclass
class AnnotationCounts:
    """What :func:`annotate_file` wrote: records (every input record, once), those with an error, markers."""

    records: int = 0
    errors: int = 0
    markers: int = 0
    columns: list[str] = field(default_factory=list)


def _markers(doc: Any) -> list[dict[str, Any]]:
    return [m.to_dict() for m in extract_markers(doc)]


def _annotation(doc: Any, sentences: bool) -> dict[str, Any]:
    """The fields annotation adds to a record: ``markers``, and ``sentences`` when asked."""
    return {"markers": _markers(doc), **({"sentences": sentence_uncertainty(doc)} if sentences else {})}


def sentence_uncertainty(doc: "Doc", spans_key: str = "kn_markers",
                         extensions: MarkerExtensions = DEFAULT_MARKER_EXTENSIONS) -> list[dict[str, Any]]:
    """Each sentence's character offsets, ``uncertain`` (it holds an epistemic hedge: ``span._.kn_epistemic``, or
    the extension ``extensions.epistemic`` names) and those hedges as ``cues`` (text, offsets, subcategory)."""
    hedges = [s for s in doc.spans[spans_key] if s._.get(extensions.epistemic)] if spans_key in doc.spans else []
    out = []
    for index, sent in enumerate(doc.sents):
        cues = [{"text": h.text, "start": h.start_char, "end": h.end_char,
                 "subcategory": h._.get(extensions.subcategory)}
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
    max_length: int | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """For each text, its markers (dicts with category, subcategory, text, start, end, voice, sentence).
    A text that cannot be annotated raises ``ValueError`` with the reason."""
    records = ({"text": t} for t in texts)
    for number, record in enumerate(annotate_records(records, nlp=nlp, model=model, batch_size=batch_size,
                                                      n_process=n_process, max_length=max_length), start=1):
        if "error" in record:
            raise ValueError(f"text {number}: {record['error']}")
        yield record["markers"]


def _text_problem(record: dict[str, Any], text_field: str, max_length: int | None) -> str | None:
    """Why this record's text cannot be annotated, or None."""
    if text_field not in record:
        return f"no {text_field!r} field: pass --text-field (text_field=) with the field that holds the text"
    text = record[text_field]
    if not isinstance(text, str):
        return f"field {text_field!r} is {type(text).__name__}, not text: give the text as a string"
    surrogate = first_lone_surrogate(text)
    if surrogate is not None:
        return (f"field {text_field!r} holds a lone surrogate (U+{ord(text[surrogate]):04X}) at character "
                f"{surrogate}, which is not a Unicode character: fix the encoding of the source")
    try:
        check_length(text, max_length)
    except TextTooLongError as err:
        return str(err)
    return None


def _prepare(item: Any, text_field: str, max_length: int | None) -> tuple[dict[str, Any], str | None]:
    """(output record without markers, error or None)."""
    if isinstance(item, UnreadableRecord):
        return dict(item.fields), item.error
    if not isinstance(item, dict):
        return {"record": item}, f"expected a mapping of fields, not {type(item).__name__}"
    return dict(item), _text_problem(item, text_field, max_length)


def _annotate_chunk(
    prepared: list[tuple[dict[str, Any], str | None]], text_field: str, nlp: "Language", batch_size: int,
    n_process: int, sentences: bool = False,
) -> list[dict[str, Any] | str]:
    """The added fields (or an error message) for each prepared record of a chunk; a failure in one record is
    confined to it by annotating the chunk record by record."""
    texts = [record[text_field] if error is None else "" for record, error in prepared]
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    try:
        with zone:
            return [_annotation(doc, sentences)
                    for doc in pipe_texts(nlp, texts, batch_size=batch_size, n_process=n_process)]
    except Exception:  # noqa: BLE001 - one bad record must not lose the others: retry one by one
        results: list[dict[str, Any] | str] = []
        for text in texts:
            try:
                results.append(_annotation(next(pipe_texts(nlp, [text], batch_size=1)), sentences))
            except Exception as err:  # noqa: BLE001 - reported in the record's error field
                results.append(f"could not be analysed ({type(err).__name__}: {err}); please report this record")
        return results


def annotate_records(
    records: Iterable[Any],
    *,
    text_field: str = "text",
    nlp: "Language | None" = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_length: int | None = None,
    sentences: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every record, once, in input order, with ``markers`` added (and ``sentences`` when asked: see
    :func:`sentence_uncertainty`), or ``error`` when it could not be annotated.

    Texts longer than the model's limit are parsed in pieces (:mod:`kalinovsky_nlp.longtext`); ``max_length``
    refuses texts longer than that many characters instead. Input records are not modified."""
    if batch_size < 1 or n_process < 1 or chunk_size < 1:
        raise ValueError("batch_size, n_process and chunk_size must be at least 1")
    nlp = nlp if nlp is not None else load_pipeline(model)
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, chunk_size)):
        prepared = [_prepare(item, text_field, max_length) for item in chunk]
        results = _annotate_chunk(prepared, text_field, nlp, batch_size, n_process, sentences)
        for (record, error), result in zip(prepared, results):
            if error is None and isinstance(result, str):
                error = result
            if sentences:  # the annotator's own field only when asked for: otherwise the record's field is kept
                record.pop("sentences", None)
            if error is not None:
                record.pop("markers", None)
                record["error"] = error
            else:
                assert not isinstance(result, str)
                record.pop("error", None)
                record.update(result)
            yield record


# --------------------------------------------------------------------------------------------------- reading


def _readable(value: str) -> str:
    """Text decoded with ``surrogateescape`` shown with its bad bytes as ``\\xNN`` escapes."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _has_bad_bytes(value: Any) -> bool:
    cells = value if isinstance(value, list) else [value]
    return any(isinstance(cell, str) and first_lone_surrogate(cell) is not None for cell in cells)


def _jsonl_records(stream: BinaryIO) -> Iterator[Any]:
    for number, raw_line in enumerate(stream, start=1):
        if number == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
            raw_line = raw_line[3:]
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as err:
            yield UnreadableRecord(
                {"line": number, "raw": raw_line.rstrip(b"\r\n").decode("utf-8", "backslashreplace")},
                f"line {number}: bytes that are not UTF-8 at byte {err.start} of the line (shown as \\x escapes in "
                "'raw'): save the file as UTF-8",
            )
            continue
        if not raw_line.strip():  # blank: ASCII whitespace only (anything else is kept, as a record or an error)
            continue
        try:
            record = loads_strict(line)
        except JSONValueError as err:
            yield UnreadableRecord({"line": number, "raw": line.rstrip("\r\n")}, f"line {number}: {err}")
            continue
        if not isinstance(record, dict):
            yield UnreadableRecord({"line": number, "raw": line.rstrip("\r\n")},
                                   f"line {number}: expected a JSON object {{...}}, not {type(record).__name__}")
            continue
        yield record


def _csv_records(stream: BinaryIO, header: list[str]) -> Iterator[Any]:
    csv.field_size_limit(sys.maxsize)  # as the corpus reader does: a long text is a long cell
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        reader = csv.DictReader(text)
        try:
            header.extend(reader.fieldnames or [])
            for number, row in enumerate(reader, start=2):
                extra = row.pop(None, None)
                record = {key: value for key, value in row.items()}
                problems = []
                if extra is not None:
                    record["extra_cells"] = extra
                    problems.append("more cells than header columns (the extra cells are kept in 'extra_cells')")
                bad = [key for key, value in record.items() if _has_bad_bytes(value)]
                if bad:
                    for key in bad:
                        value = record[key]
                        record[key] = [_readable(v) for v in value] if isinstance(value, list) else _readable(value)
                    problems.append(f"bytes that are not UTF-8 in {', '.join(map(repr, bad))} (shown as \\x escapes): "
                                    "save the file as UTF-8")
                if problems:
                    yield UnreadableRecord(record, f"row {number}: " + "; ".join(problems))
                else:
                    yield record
        except csv.Error as err:
            yield UnreadableRecord({"row": reader.line_num},
                                   f"row {reader.line_num}: the CSV cannot be read from here on ({err}); "
                                   "check the quoting of this row")
    finally:
        text.detach()


def read_records(stream: BinaryIO, fmt: str, *, header: list[str] | None = None) -> Iterator[Any]:
    """Records from a binary JSONL or CSV stream, in order: dicts, or :class:`UnreadableRecord` for a line or row
    that could not be read (kept with its line or row number and its raw text). A UTF-8 BOM is skipped. For CSV,
    ``header`` (a list) receives the header's column names."""
    if fmt == "csv":
        return _csv_records(stream, header if header is not None else [])
    if fmt == "jsonl":
        return _jsonl_records(stream)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


# --------------------------------------------------------------------------------------------------- writing


def guess_format(path: str | Path, explicit: str | None, option: str) -> str:
    """The file format: ``explicit`` if given, else from the suffix (``-``: JSONL)."""
    if explicit:
        if explicit not in FORMATS:
            raise UsageError(f"unknown format {explicit!r}: use {option} jsonl or {option} csv")
        return explicit
    suffix = Path(str(path)).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json") or str(path) == "-":
        return "jsonl"
    raise UsageError(f"{path}: cannot tell the format from the file name; pass {option} jsonl or {option} csv")


def json_line(record: dict[str, Any]) -> str:
    """One JSON line, UTF-8 text where possible; a value holding a lone surrogate is written as a ``\\u`` escape so
    that the record is kept exactly (strict JSON: NaN and Infinity are refused)."""
    line = json.dumps(record, ensure_ascii=False, allow_nan=False)
    if first_lone_surrogate(line) is not None:
        line = json.dumps(record, ensure_ascii=True, allow_nan=False)
    return line + "\n"


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    if value is None:
        return ""
    return csv_cell(value)


@contextlib.contextmanager
def _input(source: str | Path) -> Iterator[BinaryIO]:
    if str(source) == "-":
        yield getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        return
    with open(source, "rb") as handle:
        yield handle


def _write_csv(records: Iterable[dict[str, Any]], writer: IO[str], header: list[str],
               counts: AnnotationCounts) -> None:
    """Spill records to a temporary JSONL file while collecting the union of their fields, then write the CSV."""
    columns: dict[str, None] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass") as spill:
        for record in records:
            _count(record, counts)
            for key in record:
                columns.setdefault(key, None)
            spill.write(json.dumps(record, ensure_ascii=False) + "\n")
        for key in header:
            columns.setdefault(key, None)
        ordered = [k for k in header if k not in ("markers", "error")]
        ordered += [k for k in columns if k not in ordered and k not in ("markers", "error")] + ["markers", "error"]
        counts.columns = ordered
        out = csv.DictWriter(writer, fieldnames=ordered)
        out.writeheader()
        spill.seek(0)
        for line in spill:
            out.writerow({key: _csv_value(value) for key, value in json.loads(line).items()})


def _reporting(records: Iterator[dict[str, Any]], stream: BinaryIO,
               on_progress: Callable[[int, int | None], None]) -> Iterator[dict[str, Any]]:
    """The records, calling ``on_progress(done, total)`` after each: bytes of a file read so far and its size, or
    records so far and None for a stream that is not a file (standard input)."""
    try:
        total: int | None = os.fstat(stream.fileno()).st_size if stream.seekable() else None
    except (OSError, AttributeError, io.UnsupportedOperation):
        total = None
    for count, record in enumerate(records, start=1):
        yield record
        done = count
        if total is not None:
            try:
                done = stream.tell()
            except (OSError, ValueError):
                total = None
        on_progress(done, total)


def _count(record: dict[str, Any], counts: AnnotationCounts) -> None:
    counts.records += 1
    counts.errors += "error" in record
    counts.markers += len(record.get("markers") or [])


def annotate_file(
    source: str | Path,
    destination: str | Path,
    *,
    text_field: str = "text",
    input_format: str | None = None,
    output_format: str | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
    **kwargs: Any,
) -> AnnotationCounts:
    """Annotate a JSONL or CSV file (``-``: stdin / stdout) record by record into ``destination``.

    Formats come from the file names unless given (standard input: JSONL unless ``input_format``; standard output:
    the input's format unless ``output_format``). ``on_progress(done, total)`` is called after each record (bytes
    read and the file's size, or records and None for standard input). Returns the counts."""
    in_fmt = guess_format(source, input_format, "--input-format")
    out_fmt = (output_format or in_fmt) if str(destination) == "-" else guess_format(
        destination, output_format, "--output-format")
    if out_fmt not in FORMATS:
        raise UsageError(f"unknown format {out_fmt!r}: use --output-format jsonl or --output-format csv")
    check_distinct(source, destination)
    counts = AnnotationCounts()
    header: list[str] = []
    with _input(source) as stream, atomic_output(destination) as writer:
        annotated = annotate_records(read_records(stream, in_fmt, header=header), text_field=text_field, **kwargs)
        if on_progress is not None:
            annotated = _reporting(annotated, stream, on_progress)
        if out_fmt == "jsonl":
            for record in annotated:
                _count(record, counts)
                writer.write(json_line(record))
        else:
            _write_csv(annotated, writer, header, counts)
    return counts

