"""Lexicon data kept inside a saved pipeline, so that ``nlp.to_disk`` / ``to_bytes`` output loads after the user's
lexicon or alias file has moved.

The components write the rows they use (not the file's path) with their other data: ``<pipeline>/<component>/`` on
disk, one entry of the component's bytes. Loading builds the component from the saved config first, and that config
still names the user's file: a component built while its file is missing raises, unless the pipeline's meta records
that the data read from that file was stored with the pipeline (:func:`record_stored_source`, written when the
component is built, saved in ``meta.json``). Then the component waits for ``from_disk`` / ``from_bytes`` to fill it.
When the file is still there it is read and checked as at ``add_pipe``, and the stored rows then replace its rows:
the saved pipeline gives the saved annotations even if the file has changed since.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

import srsly
from spacy import util

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["META_KEY", "Stored", "StoredDataMissingError", "read_data_bytes", "read_data_dir", "record_stored_source",
           "stored_with_pipeline", "write_data_bytes", "write_data_dir"]

#: The key of ``nlp.meta`` under which the components note whose data the saved pipeline holds.
META_KEY = "kalinovsky_nlp"

#: Files of a component's folder in a saved pipeline: its settings, then its rows.
SETTINGS_FILE = "cfg"
ROWS_FILE = "rows.jsonl"


class StoredDataMissingError(RuntimeError):
    """A component was built to receive its data from a saved pipeline and was used before it received it."""


def record_stored_source(nlp: "Language", component: str, config_key: str, source: str) -> None:
    """Note in ``nlp.meta`` that ``component`` read its data from ``source`` (the value of ``config_key``) and keeps
    a copy, which ``to_disk`` / ``to_bytes`` store with the pipeline."""
    stored = nlp.meta.setdefault(META_KEY, {}).setdefault("stored_data", {})
    stored.setdefault(component, {})[config_key] = str(source)


def stored_with_pipeline(nlp: "Language", component: str, config_key: str, source: str) -> bool:
    """Whether this pipeline's meta says ``component``'s data from ``source`` was stored with the pipeline (true while
    a saved pipeline is being loaded: its data comes from ``from_disk`` / ``from_bytes``)."""
    stored = nlp.meta.get(META_KEY, {}).get("stored_data", {})
    return isinstance(stored, dict) and stored.get(component, {}).get(config_key) == str(source)


def write_data_dir(path: str | Path, settings: dict[str, Any], rows: list[dict[str, str]],
                   exclude: Iterable[str] = ()) -> None:
    """Write a component's settings (``cfg``, JSON) and rows (``rows.jsonl``) to its folder of a saved pipeline."""
    serializers: dict[str, Callable[[Path], None]] = {
        SETTINGS_FILE: lambda p: srsly.write_json(p, settings),
        ROWS_FILE: lambda p: srsly.write_jsonl(p, rows),
    }
    util.to_disk(path, serializers, list(exclude))


#: What a component stored: its settings, and its rows (None when the caller excluded them from loading).
Stored = tuple[dict[str, Any], "list[dict[str, str]] | None"]


def read_data_dir(path: str | Path, exclude: Iterable[str] = ()) -> Stored | None:
    """The settings and rows :func:`write_data_dir` wrote, or None when the folder holds none (a pipeline saved before
    the components stored their data)."""
    path = Path(path)
    if not (path / SETTINGS_FILE).is_file():
        return None
    loaded: dict[str, Any] = {"settings": {}, "rows": None}
    readers: dict[str, Callable[[Path], None]] = {
        SETTINGS_FILE: lambda p: loaded.__setitem__("settings", srsly.read_json(p)),
        ROWS_FILE: lambda p: loaded.__setitem__("rows", list(srsly.read_jsonl(p))),
    }
    util.from_disk(path, readers, list(exclude))
    return loaded["settings"], loaded["rows"]


def write_data_bytes(settings: dict[str, Any], rows: list[dict[str, str]], exclude: Iterable[str] = ()) -> bytes:
    """A component's settings and rows as one bytestring (``to_bytes``)."""
    serializers: dict[str, Callable[[], bytes]] = {
        SETTINGS_FILE: lambda: srsly.json_dumps(settings),
        ROWS_FILE: lambda: srsly.json_dumps(rows),
    }
    return util.to_bytes(serializers, list(exclude))


def read_data_bytes(data: bytes, exclude: Iterable[str] = ()) -> Stored:
    """The settings and rows :func:`write_data_bytes` wrote."""
    loaded: dict[str, Any] = {"settings": {}, "rows": None}
    readers: dict[str, Callable[[bytes], None]] = {
        SETTINGS_FILE: lambda b: loaded.__setitem__("settings", srsly.json_loads(b)),
        ROWS_FILE: lambda b: loaded.__setitem__("rows", list(srsly.json_loads(b))),
    }
    util.from_bytes(data, readers, list(exclude))
    return loaded["settings"], loaded["rows"]
