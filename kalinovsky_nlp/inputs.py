"""Data as it comes, for :func:`kalinovsky_nlp.analyze`: Documents, a path, records (dicts), texts with dates, or a
pandas DataFrame through :func:`from_dataframe`. Every wrong type is refused here, at the entry point, with a
message that says what was given and what to give.

Dates may be ``datetime.date``, ``datetime.datetime`` (reduced to its date as written, time zone ignored) or ISO
strings (``2020-07-22``, or with a time: ``2020-07-22T10:00:00+02:00``).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from pathlib import Path
from typing import Any, Iterable, Sequence

from .corpus import CorpusError, Document, WarningHandler, document_from_record, load_corpus, parse_date

__all__ = ["documents_from", "from_dataframe", "from_records", "from_texts"]


def _sequence(value: Any, name: str, length: int) -> list[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"{name}= must be a list with one value per text, not {type(value).__name__}")
    items = list(value)
    if len(items) != length:
        raise ValueError(f"{name}= has {len(items)} values for {length} texts: give one per text")
    return items


def from_texts(
    texts: Iterable[str],
    *,
    dates: Iterable[Any],
    ids: Iterable[Any] | None = None,
    titles: Iterable[Any] | None = None,
) -> list[Document]:
    """Documents from texts and their dates (and optional ids and titles, one per text); ids default to
    ``text-1``, ``text-2``, ... in input order."""
    items = list(texts)
    date_values = _sequence(dates, "dates", len(items))
    id_values = _sequence(ids, "ids", len(items)) if ids is not None else [None] * len(items)
    title_values = _sequence(titles, "titles", len(items)) if titles is not None else [None] * len(items)
    documents = []
    for number, (text, date, doc_id, title) in enumerate(zip(items, date_values, id_values, title_values), start=1):
        if not isinstance(text, str):
            raise TypeError(f"text {number} is a {type(text).__name__}: give each text as a string")
        try:
            parsed = parse_date(date)
        except ValueError as err:
            raise CorpusError(f"text {number}", str(err)) from None
        record = {"text": text, "date": parsed, "id": doc_id, "title": title}
        documents.append(document_from_record(record, f"text {number}", default_id=f"text-{number}"))
    return documents


def from_records(records: Iterable[Any], *, text_field: str = "text") -> list[Document]:
    """Documents from mappings with ``date`` and a text field (other keys: see :func:`~kalinovsky_nlp.corpus.
    document_from_record`); the ``source`` of each is ``record N`` unless the record gives one."""
    documents = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise TypeError(f"record {number} is a {type(record).__name__}: give records as dicts")
        documents.append(document_from_record(record, f"record {number}", default_id=f"record-{number}",
                                              text_field=text_field))
    return documents


def _checked_document(document: Document, number: int) -> Document:
    """A Document built by hand, with its date reduced to a ``date`` and its text checked."""
    record = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)
              if f.name not in ("boilerplate", "metadata")}
    record.update(document.metadata)
    checked = document_from_record(record, document.source or f"document {number}", default_id=document.id)
    return dataclasses.replace(document, date=checked.date) if checked.date != document.date else document


def documents_from(
    corpus: Any = None,
    *,
    dates: Iterable[Any] | None = None,
    ids: Iterable[Any] | None = None,
    titles: Iterable[Any] | None = None,
    text_field: str = "text",
    on_warning: WarningHandler | None = None,
) -> list[Document]:
    """The documents of any accepted input, in input order (``None``: the built-in corpus)."""
    if corpus is None or isinstance(corpus, (str, Path)):
        if dates is not None or ids is not None or titles is not None:
            raise TypeError("dates=, ids= and titles= go with a list of texts; a corpus path carries its own")
        return load_corpus(corpus, text_field=text_field, on_warning=on_warning)
    if hasattr(corpus, "columns") and hasattr(corpus, "itertuples"):
        raise TypeError("a DataFrame: use kn.analyze(kn.from_dataframe(df, text='text', date='date'))")
    if isinstance(corpus, (bytes, dict, Document)) or not isinstance(corpus, Iterable):
        raise TypeError(f"cannot analyse a {type(corpus).__name__}: give a corpus path, a list of Documents, of "
                        "records (dicts) or of texts with dates=")
    items = list(corpus)
    if not items:
        raise ValueError("no documents: give two or more dated texts")
    kinds = {type(item) for item in items}
    if not any(all(isinstance(item, kind) for item in items) for kind in (str, Document, dict)):
        names = ", ".join(sorted(k.__name__ for k in kinds))
        raise TypeError(f"a list of {names}: give only Documents, only records (dicts) or only texts")
    if all(isinstance(item, str) for item in items):
        if dates is None:
            raise TypeError("a list of texts needs their dates: kn.analyze(texts, dates=[...])")
        return from_texts(items, dates=dates, ids=ids, titles=titles)
    if dates is not None or ids is not None or titles is not None:
        raise TypeError("dates=, ids= and titles= go with a list of texts; Documents and records carry their own")
    if all(isinstance(item, Document) for item in items):
        return [_checked_document(d, number) for number, d in enumerate(items, start=1)]
    return from_records(items, text_field=text_field)


def _plain(value: Any) -> Any:
    """A DataFrame cell as plain data: missing values as None, NumPy scalars as Python ones, timestamps as ISO."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat") and not isinstance(value, (_dt.date, str)):  # pandas Timestamp et al.
        value = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    try:
        if value != value:  # pandas.NA, NaT
            return None
    except (TypeError, ValueError):
        if type(value).__name__ in ("NAType", "NaTType"):
            return None
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def from_dataframe(
    df: Any,
    *,
    text: str = "text",
    date: str = "date",
    id: str | None = None,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> list[Document]:
    """Documents from a pandas DataFrame, one per row: ``text`` and ``date`` name the columns to use (dates as
    ``datetime64`` values, ``date`` objects or ISO strings), ``id`` and ``title`` optional columns (default id:
    the row's index label); the other columns (or only ``columns``) are kept as metadata. pandas itself is not
    needed by this package: any object with ``columns`` and ``to_dict("records")`` works."""
    if not (hasattr(df, "columns") and hasattr(df, "to_dict")):
        raise TypeError(f"from_dataframe() takes a pandas DataFrame, not a {type(df).__name__}")
    available = [str(c) for c in df.columns]
    wanted = {"text": text, "date": date, "id": id, "title": title}
    for role, column in wanted.items():
        if column is not None and column not in available:
            raise ValueError(f"no {column!r} column for {role}= (columns: {', '.join(available) or 'none'})")
    kept = list(columns) if columns is not None else [c for c in available if c not in wanted.values()]
    missing = [c for c in kept if c not in available]
    if missing:
        raise ValueError(f"columns= names {', '.join(map(repr, missing))}, not in the DataFrame "
                         f"(columns: {', '.join(available)})")
    index = list(df.index) if hasattr(df, "index") else list(range(len(df)))
    documents = []
    for position, (label, row) in enumerate(zip(index, df.to_dict("records")), start=1):
        source = f"DataFrame row {_plain(label)!s}"
        record = {key: _plain(row[key]) for key in kept}
        record["text"] = row[text] if isinstance(row[text], str) else _plain(row[text])
        record["date"] = _plain(row[date])
        record["id"] = str(_plain(row[id])) if id is not None else str(_plain(label))
        if title is not None:
            record["title"] = _plain(row[title])
        record["source"] = source
        documents.append(document_from_record(record, source, default_id=f"row-{position}"))
    return documents
