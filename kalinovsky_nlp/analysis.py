"""The analysis entry points: corpus -> spaCy pipeline -> profiles -> comparison -> judgement -> report.

``analyze()`` builds the whole :class:`~kalinovsky_nlp.report.Report`; ``iter_profiles()`` streams per-document
profiles with bounded memory; ``report_from_profiles()`` builds the report from profiles made by any means. Where the
work runs is one choice, the executor (:mod:`kalinovsky_nlp.execution`): this process, forked worker processes
(``n_process``) or a Dask cluster (``backend="dask"``); the results are the same in every mode.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal, Sequence

from .corpus import Document
from .execution import Executor, InProcess, chunks, processes, worker_chunks
from .pipeline import load_pipeline, model_info, resolve_model
from .profile import (DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, DocumentProfile, prepare, profile_chunk,
                      profile_documents)

if TYPE_CHECKING:
    from spacy.language import Language

    from .report import Report

__all__ = ["DEFAULT_BATCH_SIZE", "analyze", "iter_profiles", "model_info", "prepare", "profile_corpus",
           "report_from_profiles", "worker_chunks"]


def iter_profiles(
    documents: Iterable[Document],
    *,
    nlp: "Language | None" = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_document: Callable[[DocumentProfile], None] | None = None,
    executor: Executor | None = None,
) -> Iterator[DocumentProfile]:
    """Profile documents in input order, streaming: memory stays flat however many documents there are.

    ``executor``: where the parsing and profiling tasks run (:mod:`kalinovsky_nlp.execution`); without one, this
    process, or ``n_process`` forked workers. Workers parse *and* profile chunks of documents, so the parent only
    collects small plain data."""
    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    if executor is None:
        nlp = nlp if nlp is not None else load_pipeline(model)
        if n_process == 1:
            profiles: Iterable[DocumentProfile] = profile_documents(documents, nlp, batch_size, chunk_size)
        else:
            prepare(nlp=nlp)  # before the workers fork, so that they inherit all of it
            with processes(nlp, n_process) as own:
                yield from iter_profiles(documents, model=model, batch_size=batch_size, on_document=on_document,
                                         executor=own)
            return
    else:
        name = str(model) if model is not None else None
        if executor.workers == 1:
            tasks = ((chunk, batch_size, name) for chunk in chunks(documents, chunk_size))
        else:
            tasks = ((chunk, batch_size, name) for chunk in worker_chunks(documents, batch_size, executor.workers))
        profiles = (profile for batch in executor.map(profile_chunk, tasks) for profile in batch)
    for profile in profiles:
        if on_document is not None:
            on_document(profile)
        yield profile


def profile_corpus(documents: Sequence[Document], **kwargs: Any) -> list[DocumentProfile]:
    """All profiles, ordered by date (then id)."""
    profiles = list(iter_profiles(documents, **kwargs))
    return sorted(profiles, key=lambda p: (p.date, p.id))


def report_from_profiles(
    profiles: Iterable[DocumentProfile],
    *,
    targets: str | Path | None = None,
    executor: Executor | None = None,
    model_info: dict[str, Any] | None = None,
) -> "Report":
    """Comparison across dates, stance analysis and the report, from profiles made by any means and in any order
    (for instance streamed by :func:`iter_profiles`, or made in several runs): they are ordered by date here.
    Runs with the garbage collector paused (:func:`kalinovsky_nlp._runtime.paused_gc`). ``executor``: where the runs
    of comparison steps are analysed (:mod:`kalinovsky_nlp.execution`; default: this process)."""
    from ._runtime import paused_gc
    from .compare import compare_profiles
    from .corpuschecks import corpus_warnings
    from .report import build_report
    from .stance import analyse_stance

    ordered = sorted(profiles, key=lambda p: (p.date, p.id))  # consumes a stream of profiles before the pause
    with paused_gc():
        comparison = compare_profiles(ordered)
        findings = analyse_stance(ordered, comparison, targets=targets, executor=executor)
        report = build_report(ordered, comparison, findings, model_info)
    report.warnings = corpus_warnings([p.document for p in ordered])
    return report


def analyze(
    corpus: str | Path | Iterable[Any] | None = None,
    *,
    dates: Iterable[Any] | None = None,
    ids: Iterable[Any] | None = None,
    titles: Iterable[Any] | None = None,
    text_field: str = "text",
    model: str | Path | None = None,
    nlp: "Language | None" = None,
    targets: str | Path | Literal[False] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    on_document: Callable[[DocumentProfile], None] | None = None,
    backend: str = "local",
    client: Any = None,
    max_length: int | None = None,
    executor: Executor | None = None,
) -> "Report":
    """Analyse a corpus (the built-in one by default) and return the full report.

    ``corpus``: a path accepted by :func:`~kalinovsky_nlp.corpus.load_corpus`, a list of
    :class:`~kalinovsky_nlp.corpus.Document`, of records (dicts with ``date`` and ``text``), or of texts with
    ``dates=`` (and optional ``ids=``, ``titles=``); dates as ``date``, ``datetime`` (reduced to its date) or ISO
    strings (:mod:`kalinovsky_nlp.inputs`; for a DataFrame, :func:`~kalinovsky_nlp.inputs.from_dataframe`).
    ``targets`` is an optional target-definition file whose targets label the findings (``corpus/targets.yaml`` is
    an example for the built-in corpus; nothing is applied by default). ``backend="dask"`` profiles the documents
    on Dask (``client``: a ``dask.distributed.Client``, optional). Texts longer than the model's ``max_length`` are
    parsed in pieces; ``max_length=N`` refuses texts over N characters instead. ``Report.warnings`` lists what the
    reader must know (:mod:`kalinovsky_nlp.corpuschecks`). Where the work runs: ``executor`` if given (an
    :class:`~kalinovsky_nlp.execution.Executor`), else ``backend="dask"`` (on ``client``, or on a local cluster of
    ``n_process`` workers, at least 2, started and closed here), else ``n_process`` forked workers, else this process.
    """
    from .corpus import CorpusError, check_unique_ids
    from .corpuschecks import corpus_warnings
    from .inputs import documents_from
    from .longtext import TextTooLongError, check_length

    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    loading: list[str] = []
    found = documents_from(corpus, dates=dates, ids=ids, titles=titles, text_field=text_field,
                           on_warning=loading.append)
    documents = sorted(check_unique_ids(found), key=lambda d: (d.date, d.id))
    for document in documents:
        try:
            check_length(document.text, max_length)
        except TextTooLongError as err:
            raise CorpusError(document.source or document.id, f"document {document.id!r}: {err}") from None
    report = _analyze_documents(documents, model=model, nlp=nlp, targets=targets, batch_size=batch_size,
                                n_process=n_process, on_document=on_document, backend=backend, client=client,
                                executor=executor)
    report.warnings = loading + corpus_warnings(documents)
    return report


def _analyze_documents(
    documents: list[Document],
    *,
    model: str | Path | None,
    nlp: "Language | None",
    targets: str | Path | Literal[False] | None,
    batch_size: int,
    n_process: int,
    on_document: Callable[[DocumentProfile], None] | None,
    backend: str,
    client: Any,
    executor: Executor | None,
) -> "Report":
    """The report of checked, date-ordered documents: one path for every mode, only the executor differs."""
    if backend not in ("local", "dask"):
        raise ValueError(f"unknown backend {backend!r}: use 'local' or 'dask'")
    with contextlib.ExitStack() as stack:
        if executor is None:
            executor = stack.enter_context(_executor_for(backend, client, model, nlp, n_process))
        if isinstance(executor, InProcess) and executor.nlp is None:
            executor.nlp = nlp if nlp is not None else load_pipeline(resolve_model(model))
        name = resolve_model(model) if nlp is None else None
        info = executor.model_info() if hasattr(executor, "model_info") else \
            model_info(nlp if nlp is not None else load_pipeline(name))
        info["backend"] = backend
        profiles = iter_profiles(documents, model=name, batch_size=batch_size, on_document=on_document,
                                 executor=executor)
        return report_from_profiles(profiles, targets=targets or None, executor=executor, model_info=info)


@contextlib.contextmanager
def _executor_for(backend: str, client: Any, model: str | Path | None, nlp: "Language | None",
                  n_process: int) -> Iterator[Executor]:
    """The executor a backend and a number of processes ask for, closed afterwards."""
    if backend == "dask":
        from .distributed import DaskExecutor, local_cluster

        name = resolve_model(model)
        if client is not None:
            yield DaskExecutor(client, name)
            return
        from dask.distributed import Client

        with local_cluster(max(2, n_process)) as cluster, Client(cluster) as own:
            yield DaskExecutor(own, name)
        return
    nlp = nlp if nlp is not None else load_pipeline(resolve_model(model))
    if n_process > 1:
        prepare(nlp=nlp)  # before the workers fork, so that they inherit all of it
    with processes(nlp, n_process) if n_process > 1 else InProcess(nlp) as chosen:
        yield chosen
