"""One execution seam: an ordered map over tasks, in this process, in forked worker processes or on Dask.

Parsing and profiling (chunks of documents) and the finish (runs of comparison steps) are maps of pure functions
over tasks. An :class:`Executor` runs such a map and yields the results in task order, keeping a bounded number of
tasks in flight so that a stream of documents is read only as fast as it is processed. Every mode gives the same
results in the same order; only where the work runs differs:

* :class:`InProcess`: here, one task after another (the default);
* :class:`ForkedProcesses`: ``n`` worker processes forked from this one, which inherit the loaded pipeline (POSIX
  only; where processes cannot fork, :func:`processes` falls back to :class:`InProcess`);
* ``kalinovsky_nlp.distributed.DaskExecutor``: the workers of a Dask cluster, each loading the pipeline once.

A task function reaches the pipeline through :func:`task_pipeline`: the one this process was given, or the model
named in the task, loaded once per process.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol, TypeVar

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Executor", "ForkedProcesses", "InProcess", "chunks", "processes", "task_pipeline", "use_pipeline",
           "worker_chunk_size", "worker_chunks"]

T = TypeVar("T")
R = TypeVar("R")

#: The pipeline of this process for task functions (see :func:`task_pipeline`).
_PIPELINE: "Language | None" = None


def use_pipeline(nlp: "Language | None") -> None:
    """Make ``nlp`` the pipeline task functions of this process use (a forked worker's initializer calls it)."""
    global _PIPELINE
    _PIPELINE = nlp


def task_pipeline(model: str | None = None) -> "Language":
    """The pipeline for a task: the one given to this process (:func:`use_pipeline`), else ``model`` loaded once per
    process (a Dask worker)."""
    if _PIPELINE is not None:
        return _PIPELINE
    from .pipeline import load_pipeline

    return load_pipeline(model)


class Executor(Protocol):
    """Runs an ordered map of a picklable function over tasks."""

    workers: int

    def map(self, function: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        """The results of ``function`` over ``tasks``, in task order."""
        ...

    def close(self) -> None:
        """Release the workers (a no-op where there are none)."""
        ...


class InProcess:
    """Every task here, in order."""

    workers = 1

    def __init__(self, nlp: "Language | None" = None) -> None:
        self.nlp = nlp

    def map(self, function: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        previous = _PIPELINE
        use_pipeline(self.nlp if self.nlp is not None else previous)
        try:
            for task in tasks:
                yield function(task)
        finally:
            use_pipeline(previous)

    def close(self) -> None:
        return None

    def __enter__(self) -> "InProcess":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _initialise_worker(nlp: "Language") -> None:
    """In a freshly forked worker: the inherited pipeline for its tasks, and no BLAS threads of its own (one
    process per core already)."""
    use_pipeline(nlp)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        pass


class ForkedProcesses:
    """``workers`` processes forked from this one: they inherit the loaded pipeline and every library already
    imported (load them first: :func:`kalinovsky_nlp.analysis.prepare`). At most ``2 * workers`` tasks are in flight."""

    def __init__(self, nlp: "Language", workers: int) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_initialise_worker, initargs=(nlp,))

    def map(self, function: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(self._pool.submit(function, task))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown()

    def __enter__(self) -> "ForkedProcesses":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def processes(nlp: "Language", workers: int) -> "ForkedProcesses | InProcess":
    """Forked worker processes where the platform can fork, else this process."""
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ForkedProcesses(nlp, workers)
    return InProcess(nlp)  # pragma: no cover - spawn-only platforms, or one worker


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def worker_chunk_size(batch_size: int) -> int:
    """Documents per task for a worker process (forked or Dask): a batch, and at least 16 documents, since every
    task pays for a memory zone, a fresh nlp.pipe and its scheduling, which tiny tasks pay over and over."""
    return max(16, batch_size)


def worker_chunks(items: Iterable[T], batch_size: int, workers: int) -> Iterator[list[T]]:
    """Tasks for ``workers`` workers, in input order, from a stream read one round ahead: chunks of
    :func:`worker_chunk_size` documents, except the last round, which is shared evenly among the workers (22
    documents left for 2 workers make two tasks of 11, not 16 and 6 with one worker idle while the other parses;
    a corpus smaller than one chunk is parsed on all the workers, not on one)."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    size = worker_chunk_size(batch_size)
    for window in chunks(items, size * workers):
        if len(window) == size * workers:
            yield from chunks(window, size)
            continue
        parts = min(workers, len(window))
        bounds = [len(window) * k // parts for k in range(parts + 1)]
        yield from (window[bounds[k] : bounds[k + 1]] for k in range(parts))
