"""Dask backend: profile documents on a cluster, with the same results in the same order as a local run.

Each Dask partition is profiled by :func:`~kalinovsky_nlp.analysis.iter_profiles` inside its worker; the spaCy
pipeline is loaded once per worker process (``load_pipeline`` caches it). With a ``dask.distributed.Client``
(``analyze(backend="dask", client=client)``) the profiles stay on the workers that made them, which also analyse
the comparison steps that end in their partitions; the client gathers the profiles once and builds the report
(:func:`submit_profiles`, :func:`report_from_partitions`). Without a client, Dask's default scheduler profiles and
the steps run on the client. Works with a LocalCluster (:func:`local_cluster`) or a real cluster's scheduler.
Install with ``pip install "kalinovsky-nlp[dask]"``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .analysis import DEFAULT_BATCH_SIZE, worker_chunk_size
from .corpus import Document, check_unique_ids, iter_documents
from .profile import DocumentProfile

if TYPE_CHECKING:
    import dask.bag

__all__ = ["LOCAL_CLUSTER_CONFIG", "analyse_with_dask", "documents_bag", "local_cluster", "profile_with_dask",
           "report_from_partitions", "submit_profiles", "warm_up"]


#: Upper bound on the partitions of a bag of documents (Dask's scheduler pays per task).
MAX_PARTITIONS = 2000


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
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> "dask.bag.Bag":
    """A Dask bag of documents from documents, from corpus paths (read on the workers) or from a bag as it is.

    Documents are split into partitions of ``worker_chunk_size(batch_size)`` documents (at most
    ``MAX_PARTITIONS`` partitions) unless ``npartitions`` is given."""
    db = _require_dask()
    if isinstance(source, db.Bag):
        return source
    items = list(source)
    if not items:
        raise ValueError("no documents to process")
    if all(isinstance(i, Document) for i in items):
        default = min(MAX_PARTITIONS, -(-len(items) // worker_chunk_size(batch_size)))
        return db.from_sequence(items, npartitions=npartitions or default)
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
    bag = documents_bag(source, npartitions=npartitions, text_field=text_field, batch_size=batch_size)
    profiled = bag.map_partitions(_profile_partition, model, batch_size)
    if client is not None:
        profiles = client.compute(profiled).result()
    else:
        profiles = profiled.compute()
    check_unique_ids(p.document for p in profiles)
    return list(profiles)


def _last_profile(part: list[DocumentProfile]) -> DocumentProfile:
    return part[-1]


def _partition_steps(previous: DocumentProfile | None, part: list[DocumentProfile], targets: list) -> list[dict]:
    """The stance of every step that ends in this partition (the first from the previous partition's last
    profile), computed on the worker that holds the partition."""
    from .stance import _consecutive_steps

    return _consecutive_steps(([previous] if previous is not None else []) + list(part), targets)


def _overall_step(first: list[DocumentProfile], last: DocumentProfile, targets: list) -> dict:
    from ._runtime import paused_gc
    from .stance import step_stance

    with paused_gc():
        return step_stance(first[0], last, targets)


def submit_profiles(
    documents: Sequence[Document],
    client: Any,
    *,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    npartitions: int | None = None,
) -> list[Any]:
    """Start profiling documents on the cluster: one future per partition, in input order. The profiles stay on
    the workers that made them until :func:`report_from_partitions` needs them; submit a corpus in several parts by
    calling this again and concatenating the lists."""
    bag = documents_bag(list(documents), npartitions=npartitions, batch_size=batch_size)
    return client.compute(bag.map_partitions(_profile_partition, model, batch_size).to_delayed())


def report_from_partitions(
    parts: Sequence[Any],
    client: Any,
    *,
    targets: str | Path | None = None,
    model_info: dict[str, Any] | None = None,
) -> Any:
    """The report from partition futures of date-ordered documents (:func:`submit_profiles`): the client gathers the
    profiles once (the report holds them) and picks the corpus's targets; each worker analyses the steps that end
    in the partitions it holds. Same result as a local run."""
    from ._runtime import paused_gc

    with paused_gc():  # the gather unpickles every profile here, then the finish allocates in bursts
        return _report_from_partitions(list(parts), client, targets, model_info)


def _report_from_partitions(parts: list[Any], client: Any, targets: str | Path | None,
                            model_info: dict[str, Any] | None) -> Any:
    from .compare import compare_profiles
    from .report import build_report
    from .stance import attach_stance, corpus_targets

    profiles = [p for part in client.gather(parts) for p in part]
    check_unique_ids(p.document for p in profiles)
    comparison = compare_profiles(profiles)
    if not comparison.steps:
        return build_report(profiles, comparison, attach_stance(comparison, [], None, []), model_info)
    chosen = corpus_targets(profiles, targets)
    # each task needs its own partition and one profile of the one before: it runs where its partition is
    tails = [client.submit(_last_profile, part, pure=False) for part in parts]
    steps = [client.submit(_partition_steps, tails[i - 1] if i else None, part, chosen, pure=False)
             for i, part in enumerate(parts)]
    overall = (client.submit(_overall_step, parts[0], tails[-1], chosen, pure=False)
               if comparison.first_to_last is not None else None)
    step_results = [extras for batch in client.gather(steps) for extras in batch]
    findings = attach_stance(comparison, step_results, overall.result() if overall is not None else None, chosen)
    return build_report(profiles, comparison, findings, model_info)


def analyse_with_dask(
    documents: Sequence[Document],
    client: Any,
    *,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    targets: str | Path | None = None,
    npartitions: int | None = None,
    model_info: dict[str, Any] | None = None,
) -> Any:
    """The report of date-ordered documents, with the parsing *and* the per-step stance analysis on the cluster
    (:func:`submit_profiles`, then :func:`report_from_partitions`)."""
    parts = submit_profiles(documents, client, model=model, batch_size=batch_size, npartitions=npartitions)
    return report_from_partitions(parts, client, targets=targets, model_info=model_info)
