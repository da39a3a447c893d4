"""Corpora of dated documents: the built-in Kalinovsky op-eds and user corpora.

A corpus is a folder of ``.txt``/``.md`` files with YAML front matter, a JSONL file or a CSV file. Every document
needs an ISO date (``YYYY-MM-DD``) and a non-empty text; documents come back ordered by date. Bad input raises
:class:`CorpusError` naming the file (and line or row) and the problem: nothing is silently dropped.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import json
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

__all__ = [
    "Boilerplate",
    "CorpusError",
    "Document",
    "builtin_corpus_path",
    "builtin_targets_path",
    "iter_documents",
    "load_corpus",
    "strip_markdown",
]

#: Fields a record may carry that map onto :class:`Document` attributes; every other field is kept as metadata.
DOCUMENT_FIELDS = ("id", "date", "title", "subtitle", "author", "venue", "url", "text", "boilerplate", "source")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")


class CorpusError(ValueError):
    """A corpus file could not be read; the message names the file, the line or row, and the problem."""

    def __init__(self, source: str | Path, problem: str, *, line: int | None = None, row: int | None = None):
        where = str(source)
        if line is not None:
            where += f", line {line}"
        if row is not None:
            where += f", row {row}"
        super().__init__(f"{where}: {problem}")
        self.source = str(source)
        self.line = line
        self.row = row
        self.problem = problem


@dataclass(frozen=True)
class Boilerplate:
    """Text of a source file that is not the analysed body (caption, credit, bio, ...), kept with its kind."""

    kind: str
    text: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "line": self.line}


@dataclass(frozen=True)
class Document:
    """One dated text of the corpus: metadata, the analysed body (``text``) and the boilerplate set aside."""

    id: str
    date: _dt.date
    text: str
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    venue: str | None = None
    url: str | None = None
    source: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title,
            "subtitle": self.subtitle,
            "author": self.author,
            "venue": self.venue,
            "url": self.url,
            "source": self.source,
            "text": self.text,
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "metadata": dict(self.metadata),
        }


# --------------------------------------------------------------------------------------------------- markup


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)\s*\*(?![\w*])|(?<![\w_])_(?=\S)(.+?)_(?![\w_])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0]+")


def strip_markdown(text: str) -> str:
    """Remove Markdown emphasis, link and heading syntax, keeping the words (``[NYT](#)`` -> ``NYT``)."""
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    return _HEADING.sub("", text)


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces (incl. no-break spaces) in each line, strip lines, keep paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(_SPACES.sub(" ", p).split()) for p in paragraphs if p.strip())


# --------------------------------------------------------------------------------------------------- records


def _parse_date(value: Any, source: str | Path, **where: int | None) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CorpusError(source, "missing date: give an ISO date such as date: 2020-07-22", **where)
    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise CorpusError(source, f"malformed date {text!r}: expected an ISO date YYYY-MM-DD", **where) from None


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def document_from_record(
    record: dict[str, Any],
    source: str | Path,
    *,
    default_id: str,
    text_field: str = "text",
    markdown: bool = False,
    **where: int | None,
) -> Document:
    """Build a :class:`Document` from a mapping; unknown fields go to ``metadata``."""
    if text_field not in record:
        raise CorpusError(source, f"no {text_field!r} field: every record needs the document text", **where)
    raw_text = record[text_field]
    if not isinstance(raw_text, str):
        raise CorpusError(source, f"field {text_field!r} must be a string, not {type(raw_text).__name__}", **where)
    text = normalise_whitespace(strip_markdown(raw_text) if markdown else raw_text)
    if not text:
        raise CorpusError(source, "empty text: the document has no body to analyse", **where)
    date = _parse_date(record.get("date"), source, **where)
    doc_id = _optional_str(record.get("id")) or default_id
    boilerplate = tuple(
        Boilerplate(kind=str(b.get("kind", "other")), text=str(b.get("text", "")), line=b.get("line"))
        for b in (record.get("boilerplate") or [])
    )
    known = set(DOCUMENT_FIELDS) | {text_field}
    metadata = {k: v for k, v in record.items() if k not in known}
    return Document(
        id=doc_id,
        date=date,
        text=text,
        title=_optional_str(record.get("title")),
        subtitle=_optional_str(record.get("subtitle")),
        author=_optional_str(record.get("author")),
        venue=_optional_str(record.get("venue")),
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")) or str(source),
        boilerplate=boilerplate,
        metadata=metadata,
    )


def _read_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CorpusError(
            path, f"bytes that are not UTF-8 at byte {err.start}: save the file as UTF-8", line=line
        ) from None


@functools.lru_cache(maxsize=1)
def _front_matter_loader() -> type:
    """YAML's safe loader without timestamp resolution: dates stay text, so ``_parse_date`` checks them and an
    unquoted ``2020-13-45`` gets our error message instead of PyYAML's."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        pass

    FrontMatterLoader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return FrontMatterLoader


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line number where the body starts)."""
    import yaml

    if not text.startswith("---"):
        return {}, text, 1
    lines = text.split("\n")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise CorpusError(path, "front matter opened with '---' is never closed", line=1)
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=_front_matter_loader()) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise CorpusError(path, f"front matter is not valid YAML ({getattr(err, 'problem', err)})", line=line) from None

    if not isinstance(meta, dict):
        raise CorpusError(path, "front matter must be a mapping of key: value lines", line=1)
    return meta, "\n".join(lines[end + 1 :]), end + 2


def _iter_text_file(path: Path) -> Iterator[Document]:
    meta, body, _ = _split_front_matter(_read_utf8(path), path)
    record = dict(meta)
    record["text"] = body
    record.setdefault("source", str(path))
    yield document_from_record(record, path, default_id=path.stem, markdown=path.suffix.lower() != ".txt")


def _iter_jsonl(path: Path, text_field: str = "text") -> Iterator[Document]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise CorpusError(path, "bytes that are not UTF-8: save the file as UTF-8", line=number) from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(path, f"not valid JSON ({err.msg}, column {err.colno})", line=number) from None
            if not isinstance(record, dict):
                raise CorpusError(path, "each line must be a JSON object", line=number)
            yield document_from_record(
                record, path, default_id=f"{path.stem}-{number}", text_field=text_field, line=number
            )


def _iter_csv(path: Path, text_field: str = "text") -> Iterator[Document]:
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames:
                raise CorpusError(path, "empty CSV file: expected a header row with at least date and text")
            if text_field not in reader.fieldnames:
                raise CorpusError(
                    path, f"no {text_field!r} column (columns: {', '.join(reader.fieldnames)})", row=1
                )
            for number, row in enumerate(reader, start=2):
                if None in row:
                    raise CorpusError(path, "more cells than header columns", row=number)
                yield document_from_record(
                    dict(row), path, default_id=f"{path.stem}-{number}", text_field=text_field, row=number
                )
    except UnicodeDecodeError:
        raise CorpusError(path, "bytes that are not UTF-8: save the file as UTF-8") from None


def iter_documents(path: str | Path, *, text_field: str = "text") -> Iterator[Document]:
    """Stream the documents of a corpus in file order, without sorting or holding them all in memory."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise CorpusError(path, f"no {'/'.join(TEXT_SUFFIXES)} files in this folder")
        for file in files:
            yield from _iter_text_file(file)
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, text_field)
    elif suffix == ".csv":
        yield from _iter_csv(path, text_field)
    elif suffix in TEXT_SUFFIXES:
        yield from _iter_text_file(path)
    else:
        raise CorpusError(path, "unknown corpus format: use a folder of .txt/.md files, a .jsonl or a .csv file")


def check_unique_ids(documents: Iterable[Document]) -> list[Document]:
    """Return the documents as a list, raising :class:`CorpusError` on a repeated id."""
    seen: dict[str, Document] = {}
    out = []
    for doc in documents:
        if doc.id in seen:
            raise CorpusError(doc.source or "corpus", f"duplicate id {doc.id!r} (also in {seen[doc.id].source})")
        seen[doc.id] = doc
        out.append(doc)
    return out


def builtin_corpus_path() -> Path:
    """The folder of curated built-in documents, inside the installed package or the source checkout."""
    packaged = resources.files("kalinovsky_nlp") / "_corpus" / "documents"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "corpus" / "documents"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the built-in corpus is missing from this installation: reinstall kalinovsky-nlp")


def builtin_targets_path() -> Path:
    """The target file shipped with the built-in corpus (``corpus/targets.yaml``)."""
    return builtin_corpus_path().parent / "targets.yaml"


def load_corpus(path: str | Path | None = None, *, text_field: str = "text") -> list[Document]:
    """Load a corpus (the built-in one when ``path`` is None), checked and ordered by date (then id)."""
    source = builtin_corpus_path() if path is None else Path(path)
    documents = check_unique_ids(iter_documents(source, text_field=text_field))
    return sorted(documents, key=lambda d: (d.date, d.id))
