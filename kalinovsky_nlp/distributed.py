"""Dask backend: the execution seam on a cluster (:class:`DaskExecutor`), with the same results in the same order as
a local run, and the cluster's plumbing (:func:`local_cluster`, :func:`warm_up`).

``analyze(backend="dask", client=client)`` runs the parsing and profiling tasks and the runs of comparison steps on
the cluster's workers, each of which loads the spaCy pipeline once; the client builds the report, as every mode does.
:func:`profile_with_dask` profiles Documents, corpus paths (read on the workers) or a Dask bag of Documents with
``dask.bag``. Install with ``pip install "kalinovsky-nlp[dask]"``."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .corpus import Document, check_unique_ids, iter_documents
from .execution import worker_chunk_size
from .profile import DEFAULT_BATCH_SIZE, DocumentProfile, profile_chunk

if TYPE_CHECKING:
    import dask.bag

__all__ = ["LOCAL_CLUSTER_CONFIG", "DaskExecutor", "documents_bag", "local_cluster", "profile_with_dask", "warm_up"]


#: Upper bound on the partitions of a bag of documents (Dask's scheduler pays per task).
MAX_PARTITIONS = 2000


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError('the Dask backend needs Dask: pip install "kalinovsky-nlp[dask]"') from err


def _load_path(path: str, text_field: str) -> list[Document]:
    return list(iter_documents(path, text_field=text_field))


def documents_bag(
    source: "Sequence[Document] | Sequence[str | Path] | dask.bag.Bag",
    *,
    npartitions: int | None = None,
    text_field: str = "text",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> "dask.bag.Bag":
    """A Dask bag of documents from documents, from corpus paths (read on the workers) or from a bag as it is.

    Documents are split into partitions of ``worker_chunk_size(batch_size)`` documents (at most
    ``MAX_PARTITIONS`` partitions) unless ``npartitions`` is given."""
    _require_dask()
    import dask.bag as db

    if isinstance(source, db.Bag):
        return source
    items = list(source)
    if not items:
        raise ValueError("no documents to process")
    bag: dask.bag.Bag
    if all(isinstance(i, Document) for i in items):
        default = min(MAX_PARTITIONS, -(-len(items) // worker_chunk_size(batch_size)))
        bag = db.from_sequence(items, npartitions=npartitions or default)
        return bag
    if all(isinstance(i, (str, Path)) for i in items):
        paths = [str(p) for p in items]
        bag = db.from_sequence(paths, npartitions=npartitions or len(paths)).map(_load_path, text_field).flatten()
        return bag
    raise TypeError("expected Documents, corpus file paths or a dask bag of Documents")


def _load_on_worker(model: str | None) -> str:
    from .profile import prepare

    name: str = prepare(model).meta.get("name", "")
    return name


def warm_up(client: Any, model: str | None = None) -> dict[str, str]:
    """Load the pipeline, the syllable dictionary and the stance analysis's libraries on every worker now (they stay
    loaded for the workers' lifetime), so that the first analysis does not pay for them; returns each worker's
    model name."""
    names: dict[str, str] = client.run(_load_on_worker, model)
    return names


#: The Dask configuration of the clusters :func:`local_cluster` starts: Dask's background work that a batch analysis
#: does not need, turned down (with Dask's defaults an idle local cluster keeps a noticeable share of a core busy,
#: taken from the parsing on a machine with as many workers as cores).
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    # glibc hands memory back to the system after every batch with Dask's 65536, which slows parsing down (spaCy
    # allocates and frees large arrays per batch; memory stays bounded by the batch size anyway)
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # the statistical profiler samples every worker thread every 10 ms (for the dashboard's profile page)
    "distributed.worker.profile.enabled": False,
    # event-loop health tick, every 20 ms by default (it warns of an unresponsive loop; 1 s is enough for that)
    "distributed.admin.tick.interval": "1s",
    # CPU, memory and network readings for the dashboard, every 500 ms by default
    "distributed.admin.system-monitor.interval": "5s",
    # the nanny's check of its worker's memory against the limit, every 100 ms by default
    "distributed.worker.memory.monitor-interval": "1s",
}


def local_cluster(n_workers: int = 2) -> Any:
    """A LocalCluster for spaCy work: one single-threaded worker process per core, the dashboard on a free port, and
    Dask's background work turned down (:data:`LOCAL_CLUSTER_CONFIG`: no malloc trimming after every batch, no
    statistical profiler, slower health and monitoring ticks). Close it when done (it is a context manager)."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read by the scheduler, the nannies and the workers they start
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0")


def _profile_partition(documents: Iterable[Document], model: str | None, batch_size: int) -> list[DocumentProfile]:
    from threadpoolctl import threadpool_limits

    # one worker process per core: keep BLAS from starting threads of its own and oversubscribing the cores
    with threadpool_limits(limits=1):
        return profile_chunk((list(documents), batch_size, model))


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
    bag = documents_bag(source, npartitions=npartitions, text_field=text_field, batch_size=batch_size)
    profiled = bag.map_partitions(_profile_partition, model, batch_size)
    if client is not None:
        profiles = client.compute(profiled).result()
    else:
        profiles = profiled.compute()
    check_unique_ids(p.document for p in profiles)
    return list(profiles)


class DaskExecutor:
    """The execution seam (:class:`kalinovsky_nlp.execution.Executor`) on a Dask cluster: each task is submitted to
    the workers, which load the pipeline once per process (``model``, resolved on the client); results come back in
    task order, with at most ``2 * workers`` tasks in flight."""

    def __init__(self, client: Any, model: str | None = None) -> None:
        self.client = client
        self.model = model
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))

    def map(self, function: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[Any]:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(self.client.submit(function, task, pure=False))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def model_info(self) -> dict[str, Any]:
        """What the report says about the pipeline, read on a worker (the same dict a local run gives)."""
        info: dict[str, Any] = self.client.submit(_worker_model_info, self.model, pure=False).result()
        return info

    def close(self) -> None:
        return None


def _worker_model_info(model: str | None) -> dict[str, Any]:
    from .execution import task_pipeline
    from .pipeline import model_info

    return model_info(task_pipeline(model))
