"""Dask backend: profile documents on a cluster, with the same results in the same order as a local run.

Each Dask partition is profiled by :func:`~kalinovsky_nlp.analysis.iter_profiles` inside its worker; the spaCy
pipeline is loaded once per worker process (``load_pipeline`` caches it) and profiles, plain picklable data, come
back to the client. ``analyze(backend="dask", client=client)`` then runs the per-step stance analysis on the
workers too (through ``client.get_executor()``) and builds the report on the client. Works with the default
scheduler or a ``dask.distributed.Client`` you supply (a LocalCluster, or a real cluster's). Install with
``pip install "kalinovsky-nlp[dask]"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .analysis import DEFAULT_BATCH_SIZE
from .corpus import Document, check_unique_ids, iter_documents
from .profile import DocumentProfile

if TYPE_CHECKING:
    import dask.bag

__all__ = ["profile_with_dask", "documents_bag", "warm_up"]


def _require_dask():
    try:
        import dask.bag as db
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError('the Dask backend needs Dask: pip install "kalinovsky-nlp[dask]"') from err
    return db


def _load_path(path: str, text_field: str) -> list[Document]:
    return list(iter_documents(path, text_field=text_field))


def documents_bag(
    source: "Sequence[Document] | Sequence[str | Path] | dask.bag.Bag",
    *,
    npartitions: int | None = None,
    text_field: str = "text",
) -> "dask.bag.Bag":
    """A Dask bag of documents from documents, from corpus paths (read on the workers) or from a bag as it is."""
    db = _require_dask()
    if isinstance(source, db.Bag):
        return source
    items = list(source)
    if not items:
        raise ValueError("no documents to process")
    if all(isinstance(i, Document) for i in items):
        return db.from_sequence(items, npartitions=npartitions or min(len(items), 64))
    if all(isinstance(i, (str, Path)) for i in items):
        paths = [str(p) for p in items]
        return db.from_sequence(paths, npartitions=npartitions or len(paths)).map(_load_path, text_field).flatten()
    raise TypeError("expected Documents, corpus file paths or a dask bag of Documents")


def _load_on_worker(model: str | None) -> str:
    from .analysis import prepare

    return prepare(model).meta.get("name", "")


def warm_up(client: Any, model: str | None = None) -> dict[str, str]:
    """Load the pipeline, the syllable dictionary and the stance analysis's libraries on every worker now (they stay
    loaded for the workers' lifetime), so that the first analysis does not pay for them; returns each worker's
    model name."""
    return client.run(_load_on_worker, model)


def _profile_partition(documents: Iterable[Document], model: str | None, batch_size: int) -> list[DocumentProfile]:
    from threadpoolctl import threadpool_limits

    from .analysis import iter_profiles

    # one worker process per core: keep BLAS from starting threads of its own and oversubscribing the cores
    with threadpool_limits(limits=1):
        return list(iter_profiles(list(documents), model=model, batch_size=batch_size))


def profile_with_dask(
    source: "Sequence[Document] | Sequence[str | Path] | dask.bag.Bag",
    *,
    client: Any = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    npartitions: int | None = None,
    text_field: str = "text",
) -> list[DocumentProfile]:
    """Profiles of all documents, computed on Dask, in input order.

    ``source``: Documents, corpus file paths (each read on a worker) or a dask bag of Documents.
    ``client``: a ``dask.distributed.Client``; without one, Dask's default scheduler runs the bag.
    """
    bag = documents_bag(source, npartitions=npartitions, text_field=text_field)
    profiled = bag.map_partitions(_profile_partition, model, batch_size)
    if client is not None:
        profiles = client.compute(profiled).result()
    else:
        profiles = profiled.compute()
    check_unique_ids(p.document for p in profiles)
    return list(profiles)
