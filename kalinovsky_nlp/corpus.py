"""Corpora of dated documents: the built-in Kalinovsky op-eds and user corpora.

A corpus is a folder of ``.txt``/``.md`` files with YAML front matter, a JSONL file or a CSV file. Every document
needs an ISO date (``YYYY-MM-DD``; a datetime such as Hugo's or Jekyll's ``2020-07-22T10:00:00+02:00`` is reduced to
its date as written) and a text with words; documents come back ordered by date. Bad input raises
:class:`CorpusError` naming the file (and line or row), the problem and what to do: nothing is silently dropped.
Metadata must be plain JSON data (:mod:`kalinovsky_nlp.inputcheck`). Files a folder holds but the loader does not
read (other suffixes, subfolders) are reported through ``on_warning``, by default as a :class:`CorpusWarning`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import re
import sys
import unicodedata
import warnings
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from .inputcheck import MAX_ALIASES, MAX_DEPTH, JSONValueError, check_json_value, first_lone_surrogate, loads_strict

__all__ = [
    "Boilerplate",
    "CorpusError",
    "CorpusWarning",
    "Document",
    "builtin_corpus_path",
    "builtin_targets_path",
    "iter_documents",
    "load_corpus",
    "parse_date",
    "read_documents",
    "strip_markdown",
]

#: Fields a record may carry that map onto :class:`Document` attributes; every other field is kept as metadata.
DOCUMENT_FIELDS = ("id", "date", "title", "subtitle", "author", "venue", "url", "text", "boilerplate", "source")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")


class CorpusWarning(UserWarning):
    """Something about a corpus that the analysis goes on with but the user should know (a skipped file, ...)."""


#: Receives the text of each warning while a corpus is read.
WarningHandler = Callable[[str], None]


def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=3)


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


_SPACES = re.compile(r"[ \t\u00a0]+")


def strip_markdown(text: str) -> str:
    """The words of a Markdown text without its syntax (``[NYT](#)`` -> ``NYT``; headings, emphasis, quotes, lists,
    links, HTML tags), parsed by markdown-it-py: :func:`kalinovsky_nlp.markup.markdown_to_text`."""
    from .markup import markdown_to_text

    return markdown_to_text(text)


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces (incl. no-break spaces) in each line, strip lines, keep paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(_SPACES.sub(" ", p).split()) for p in paragraphs if p.strip())


# --------------------------------------------------------------------------------------------------- records


#: An ISO date, optionally with a time and a UTC offset as Hugo, Jekyll and ISO 8601 write them.
_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:\s*(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?)?"
)


def parse_date(value: Any) -> _dt.date:
    """A date from a ``date``, a ``datetime`` (its date) or an ISO string (``2020-07-22``, ``2020-07-22T10:00:00Z``,
    ``2020-07-22 10:00:00 +0200``: the date as written); ``ValueError`` saying what was expected otherwise."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("missing date: give an ISO date such as 2020-07-22")
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is a {type(value).__name__}: give an ISO date such as 2020-07-22")
    text = value.strip()
    match = _DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        return _dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise ValueError(f"malformed date {text!r}: expected an ISO date YYYY-MM-DD (a time may follow)") from None


def _parse_date(value: Any, source: str | Path, **where: int | None) -> _dt.date:
    try:
        return parse_date(value)
    except ValueError as err:
        raise CorpusError(source, str(err), **where) from None


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def has_visible_text(text: str) -> bool:
    """Whether a text holds anything but whitespace, zero-width and other format or control characters."""
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Cs", "Zl", "Zp") for ch in text)


def _boilerplate(value: Any, source: str | Path, **where: int | None) -> tuple[Boilerplate, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise CorpusError(source, "field 'boilerplate' must be a list of mappings with kind, text and line",
                          **where)
    out = []
    for item in value:
        line = item.get("line")
        if line is not None and (isinstance(line, bool) or not isinstance(line, int)):
            raise CorpusError(source, f"field 'boilerplate': line {line!r} is not a whole number", **where)
        out.append(Boilerplate(kind=str(item.get("kind", "other")), text=str(item.get("text", "")), line=line))
    return tuple(out)


#: Values of a record's ``format`` field: how its text is read.
TEXT_FORMATS = {"text": False, "markdown": True, "md": True}


def _reads_markdown(value: Any, default: bool, source: str | Path, **where: int | None) -> bool:
    """Whether a record's text is read as Markdown: its ``format`` field (``markdown`` or ``text``) when it has one,
    else ``default`` (the file's kind: a ``.md`` file is Markdown, a ``.txt`` file or a JSONL or CSV record is not)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if not isinstance(value, str) or value.strip().lower() not in TEXT_FORMATS:
        raise CorpusError(source, f"field 'format' is {value!r}: give \"markdown\" to read the text as Markdown (links "
                                  "and emphasis reduced to their words) or \"text\" to read it as it is", **where)
    return TEXT_FORMATS[value.strip().lower()]


def document_from_record(
    record: dict[str, Any],
    source: str | Path,
    *,
    default_id: str,
    text_field: str = "text",
    markdown: bool = False,
    **where: int | None,
) -> Document:
    """Build a :class:`Document` from a mapping; unknown fields go to ``metadata``. The text is read as Markdown
    when ``markdown`` is true or the record's ``format`` field says ``markdown`` (the field wins)."""
    if text_field not in record:
        raise CorpusError(source, f"no {text_field!r} field: every record needs the document text (pass "
                                  "--text-field / text_field= for another field)", **where)
    raw_text = record[text_field]
    if not isinstance(raw_text, str):
        raise CorpusError(source, f"field {text_field!r} must be a string, not {type(raw_text).__name__}", **where)
    surrogate = first_lone_surrogate(raw_text)
    if surrogate is not None:
        raise CorpusError(source, f"field {text_field!r} holds a lone surrogate (U+{ord(raw_text[surrogate]):04X}) at "
                                  f"character {surrogate}, which is not a character: fix the source's encoding",
                          **where)
    markdown = _reads_markdown(record.get("format"), markdown, source, **where)
    text = normalise_whitespace(strip_markdown(raw_text) if markdown else raw_text)
    if not has_visible_text(text):
        raise CorpusError(source, "empty text: the document has no body to analyse (only whitespace or invisible "
                                  "characters); give it a text or leave it out", **where)
    date = _parse_date(record.get("date"), source, **where)
    for name in ("id", "title", "subtitle", "author", "venue", "url", "source"):
        value = record.get(name)
        if value is not None and (not isinstance(value, (str, int, float)) or isinstance(value, bool)):
            raise CorpusError(source, f"field {name!r} must be text, not {type(value).__name__}", **where)
        try:
            check_json_value(value, name)
        except JSONValueError as err:
            raise CorpusError(source, str(err), **where) from None
    doc_id = _optional_str(record.get("id")) or default_id
    boilerplate = _boilerplate(record.get("boilerplate"), source, **where)
    known = set(DOCUMENT_FIELDS) | {text_field, "format"}
    metadata = {k: v for k, v in record.items() if k not in known}
    for name, value in metadata.items():
        if not isinstance(name, str):
            raise CorpusError(source, f"field name {name!r} is not text: quote it", **where)
        try:
            check_json_value(value, name)
        except JSONValueError as err:
            raise CorpusError(source, str(err), **where) from None
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
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror}): check its permissions") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CorpusError(
            path, f"bytes that are not UTF-8 at byte {err.start}: save the file as UTF-8", line=line
        ) from None


def _without_timestamps(loader: type) -> type:
    import yaml

    class FrontMatterLoader(loader):  # type: ignore[misc]
        pass

    FrontMatterLoader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return FrontMatterLoader


@functools.lru_cache(maxsize=1)
def _front_matter_loader() -> type:
    """YAML's safe loader (PyYAML's C loader where it is built, 11x faster; the pure-Python one otherwise) without
    timestamp resolution: dates stay text, so ``_parse_date`` checks them and an unquoted ``2020-13-45`` gets our
    error message instead of PyYAML's."""
    import yaml

    return _without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=1)
def _python_front_matter_loader() -> type:
    """The pure-Python safe loader, whose messages and line numbers errors report, so that they are the same with
    or without libyaml (libyaml words its errors differently and places some a line later)."""
    import yaml

    return _without_timestamps(yaml.SafeLoader)


def _yaml_error(front: str, error: Exception) -> Exception:
    """The pure-Python loader's error for front matter that the C loader refused (``error`` if it accepts it)."""
    import yaml

    if issubclass(_front_matter_loader(), yaml.SafeLoader):  # no libyaml: already the pure-Python loader's error
        return error
    try:
        _check_yaml_events(yaml.parse(front, Loader=_python_front_matter_loader()))
        yaml.load(front, Loader=_python_front_matter_loader())
    except yaml.YAMLError as python_error:
        return python_error
    except _ShapeError:
        pass
    return error


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
    front = "\n".join(lines[1:end])
    try:
        _check_yaml_shape(front, path)
        meta = yaml.load(front, Loader=_front_matter_loader()) or {}
    except yaml.YAMLError as c_error:
        err = _yaml_error(front, c_error)
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise CorpusError(path, f"front matter is not valid YAML ({getattr(err, 'problem', err)})", line=line) from None

    if not isinstance(meta, dict):
        raise CorpusError(path, "front matter must be a mapping of key: value lines", line=1)
    return meta, "\n".join(lines[end + 1 :]), end + 2


def _check_yaml_shape(front: str, path: Path) -> None:
    """Refuse, from YAML's event stream and before anything is built, front matter nested deeper than
    :data:`~kalinovsky_nlp.inputcheck.MAX_DEPTH` or with more than ``MAX_ALIASES`` aliases (alias expansion turned
    310 bytes of front matter into a 32 MB report)."""
    import yaml

    try:
        _check_yaml_events(yaml.parse(front, Loader=_front_matter_loader()))
    except _ShapeError as err:
        raise CorpusError(path, err.problem, line=err.line) from None


class _ShapeError(Exception):
    def __init__(self, problem: str, line: int) -> None:
        super().__init__(problem)
        self.problem, self.line = problem, line


def _line_of(event: Any) -> int:
    """The file line of a YAML event (front matter starts on the file's line 2)."""
    mark = getattr(event, "start_mark", None)
    return mark.line + 2 if mark is not None else 1


def _check_yaml_events(events: Iterable[Any]) -> None:
    import yaml

    depth = aliases = 0
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _ShapeError(f"front matter nested more than {MAX_DEPTH} levels deep: flatten it",
                                  _line_of(event))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _ShapeError(f"front matter uses more than {MAX_ALIASES} YAML aliases (*name): write the "
                                  "values out", _line_of(event))


def _iter_text_file(path: Path) -> Iterator[Document]:
    meta, body, _ = _split_front_matter(_read_utf8(path), path)
    record = dict(meta)
    record["text"] = body
    record.setdefault("source", str(path))
    yield document_from_record(record, path, default_id=path.stem, markdown=path.suffix.lower() != ".txt")


def _iter_jsonl(path: Path, text_field: str = "text") -> Iterator[Document]:
    with _open_binary(path) as handle:
        yield from _iter_jsonl_stream(handle, path, text_field)


def _open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror}): check its permissions") from None


def _iter_jsonl_stream(handle: BinaryIO, path: str | Path, text_field: str) -> Iterator[Document]:
    stem = Path(str(path)).stem or "stdin"
    for number, raw in enumerate(handle, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise CorpusError(path, "bytes that are not UTF-8: save the file as UTF-8", line=number) from None
        if not line.strip():
            continue
        try:
            record = loads_strict(line)
        except JSONValueError as err:
            raise CorpusError(path, str(err), line=number) from None
        if not isinstance(record, dict):
            raise CorpusError(path, "each line must be a JSON object {...}", line=number)
        yield document_from_record(
            record, path, default_id=f"{stem}-{number}", text_field=text_field, line=number
        )


def _iter_csv(path: Path, text_field: str = "text") -> Iterator[Document]:
    with _open_binary(path) as handle:
        yield from _iter_csv_stream(handle, path, text_field)


def _iter_csv_stream(stream: BinaryIO, path: str | Path, text_field: str) -> Iterator[Document]:
    csv.field_size_limit(sys.maxsize)
    stem = Path(str(path)).stem or "stdin"
    handle = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        reader = csv.DictReader(handle)
        if not reader.fieldnames:
            raise CorpusError(path, "empty CSV file: expected a header row with at least date and text")
        if text_field not in reader.fieldnames:
            raise CorpusError(
                path, f"no {text_field!r} column (columns: {', '.join(reader.fieldnames)}): pass --text-field "
                      "(text_field=) with the column that holds the text", row=1
            )
        for number, row in enumerate(reader, start=2):
            if None in row:
                raise CorpusError(path, "more cells than header columns: quote cells that hold commas", row=number)
            yield document_from_record(
                dict(row), path, default_id=f"{stem}-{number}", text_field=text_field, row=number
            )
    except UnicodeDecodeError:
        raise CorpusError(path, "bytes that are not UTF-8 (near this row): save the file as UTF-8",
                          row=reader.line_num + 1) from None
    except csv.Error as err:
        raise CorpusError(path, f"the CSV cannot be read ({err}): check the quoting") from None
    finally:
        handle.detach()


def _folder_files(path: Path) -> tuple[list[Path], list[str]]:
    """The corpus files of a folder, in name order, and the names of every other entry (folders end in ``/``)."""
    files, skipped = [], []
    for entry in sorted(path.iterdir()):
        if entry.is_file() and entry.suffix.lower() in TEXT_SUFFIXES:
            files.append(entry)
        else:
            skipped.append(entry.name + ("/" if entry.is_dir() else ""))
    return files, skipped


def _names(names: list[str]) -> str:
    return ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")


def iter_documents(
    path: str | Path, *, text_field: str = "text", on_warning: WarningHandler | None = None
) -> Iterator[Document]:
    """Stream the documents of a corpus in file order, without sorting or holding them all in memory.
    ``on_warning`` receives each warning's text (default: a :class:`CorpusWarning`)."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "no such file or folder: check the path")
    if path.is_dir():
        files, skipped = _folder_files(path)
        kinds = "/".join(TEXT_SUFFIXES)
        if not files:
            holds = f" (it holds {_names(skipped)}; subfolders are not read)" if skipped else ""
            raise CorpusError(path, f"no {kinds} files in this folder{holds}: give a folder of dated texts, or a "
                                    ".jsonl or .csv file")
        if skipped:
            what = f"1 entry that is not a {kinds} file" if len(skipped) == 1 else \
                f"{len(skipped)} entries that are not {kinds} files"
            (on_warning or _warn)(f"{path}: skipped {what} (subfolders are not read): {_names(skipped)}")
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


def read_documents(
    stream: BinaryIO, fmt: str, *, source: str = "<stdin>", text_field: str = "text"
) -> list[Document]:
    """The documents of a JSONL or CSV corpus read from a binary stream (standard input: ``sys.stdin.buffer``),
    checked and ordered by date (then id) as :func:`load_corpus` does; ``source`` names the stream in errors."""
    readers = {"jsonl": _iter_jsonl_stream, "csv": _iter_csv_stream}
    if fmt not in readers:
        raise CorpusError(source, f"unknown corpus format {fmt!r}: read a stream as jsonl or csv")
    documents = check_unique_ids(readers[fmt](stream, source, text_field))
    if not documents:
        raise CorpusError(source, "no documents: the input has no records; give two or more dated texts")
    return sorted(documents, key=lambda d: (d.date, d.id))


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


def load_corpus(
    path: str | Path | None = None, *, text_field: str = "text", on_warning: WarningHandler | None = None
) -> list[Document]:
    """Load a corpus (the built-in one when ``path`` is None), checked and ordered by date (then id).
    A corpus without a single document is an error. ``on_warning``: see :func:`iter_documents`."""
    source = builtin_corpus_path() if path is None else Path(path)
    documents = check_unique_ids(iter_documents(source, text_field=text_field, on_warning=on_warning))
    if not documents:
        raise CorpusError(source, "no documents: the file has no records (only a header or blank lines); give two "
                                  "or more dated texts")
    return sorted(documents, key=lambda d: (d.date, d.id))
