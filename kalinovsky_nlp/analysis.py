"""The analysis entry points: corpus -> spaCy pipeline -> profiles -> comparison -> report.

``analyze()`` builds the whole :class:`~kalinovsky_nlp.report.Report`; ``iter_profiles()`` streams per-document
profiles with bounded memory (documents are parsed in chunks inside spaCy's ``memory_zone``).
"""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .corpus import Document
from .longtext import pipe_texts
from .pipeline import load_pipeline, resolve_model
from .profile import DocumentProfile, profile_document

if TYPE_CHECKING:
    from spacy.language import Language

    from .report import Report

__all__ = ["DEFAULT_BATCH_SIZE", "analyze", "iter_profiles", "model_info", "prepare", "profile_corpus",
           "report_from_profiles", "worker_chunks", "worker_pool"]

#: Documents per nlp.pipe batch, chosen by measurement with bench/scale.py (200,000 words, ~800-word documents,
#: small English model). In eight interleaved runs bare spaCy at batch 8 ran 5-17% behind the best batch, and the
#: best was 64, 32, 16, 16, 16, 32, 32 and 32: batches 16 to 64 run within the machine's noise of each other.
#: Peak memory grows with the batch: bare spaCy ~300 MB at 8, ~430 MB at 16, ~610-665 MB at 32, ~1.1 GB at 64.
#: The full analysis of the whole corpus (``python bench/scale.py --whole-run --batch-size N``) peaked at 487 MB
#: at batch 12, 533 MB at 16 (in six runs), 775 MB at 20, 674 MB at 24 and 797 MB at 32; in a later round 516 MB at
#: 16, 698 MB at 24 and 794 MB at 32: 16 is the largest batch clearly under the 700 MB aim. Memory follows the words
#: in a batch: for documents much longer than ~800 words, pass a smaller batch.
DEFAULT_BATCH_SIZE = 16
#: Documents parsed inside one memory zone before the zone's strings are freed.
DEFAULT_CHUNK_SIZE = 512


def prepare(model: str | Path | None = None, *, nlp: "Language | None" = None) -> "Language":
    """Load once what every analysis in this process needs: the spaCy pipeline, the lexicons and word lists our
    rules read on first use, and textstat's syllable dictionary. Returns the pipeline.

    ``analyze()`` pays for these on first use; call this first to keep start-up out of a timing, in a worker's
    set-up (``distributed.warm_up`` does), or before forking workers so that they inherit it all."""
    import datetime

    nlp = nlp if nlp is not None else load_pipeline(model)
    text = ("Officials said that Moscow would probably talk to the Taliban. I think it was a terrible mistake, "
            "according to critics. Is it?")  # one of each: markers, attributions, entities, evaluation, readability
    profile_document(Document(id="warm-up", date=datetime.date(2000, 1, 1), text=text), nlp(text))
    return nlp


def worker_chunk_size(batch_size: int) -> int:
    """Documents per task for a worker process (local or Dask): a batch, and at least 16 documents, since every
    task pays for a memory zone, a fresh nlp.pipe and its scheduling, which tiny tasks pay over and over."""
    return max(16, batch_size)


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def worker_chunks(items: Iterable[Any], batch_size: int, n_process: int) -> Iterator[list[Any]]:
    """Tasks for ``n_process`` workers, in input order, from a stream read one round ahead: chunks of
    :func:`worker_chunk_size` documents, except the last round, which is shared evenly among the workers (22
    documents left for 2 workers make two tasks of 11, not 16 and 6 with one worker idle while the other parses;
    a corpus smaller than one chunk is parsed on all the workers, not on one)."""
    if n_process < 1:
        raise ValueError("n_process must be at least 1")
    size = worker_chunk_size(batch_size)
    for window in _chunks(items, size * n_process):
        if len(window) == size * n_process:
            yield from _chunks(window, size)
            continue
        parts = min(n_process, len(window))
        bounds = [len(window) * k // parts for k in range(parts + 1)]
        yield from (window[bounds[k] : bounds[k + 1]] for k in range(parts))


def iter_profiles(
    documents: Iterable[Document],
    *,
    nlp: "Language | None" = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_document: Callable[[DocumentProfile], None] | None = None,
    pool: Any = None,
) -> Iterator[DocumentProfile]:
    """Profile documents in input order, streaming: memory stays flat however many documents there are.

    With ``n_process > 1`` worker processes parse *and* profile chunks of documents (the parent only collects the
    profiles, small plain data), so the cores are not shared with a parent busy deserialising Docs. ``pool``: a
    :func:`worker_pool` to use instead of starting one."""
    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    nlp = nlp if nlp is not None else load_pipeline(model)
    if n_process > 1:
        profiles = _iter_profiles_in_workers(documents, nlp, batch_size, n_process, pool)
    else:
        profiles = _iter_profiles_here(documents, nlp, batch_size, chunk_size)
    for profile in profiles:
        if on_document is not None:
            on_document(profile)
        yield profile


def _iter_profiles_here(
    documents: Iterable[Document], nlp: "Language", batch_size: int, chunk_size: int
) -> Iterator[DocumentProfile]:
    zone = getattr(nlp, "memory_zone", None)
    for chunk in _chunks(documents, chunk_size):
        with zone() if zone is not None else contextlib.nullcontext():
            texts = (d.text for d in chunk)
            for document, doc in zip(chunk, pipe_texts(nlp, texts, batch_size=batch_size)):
                yield profile_document(document, doc)


#: The pipeline a forked worker inherits from its parent (set just before the pool forks).
_WORKER_NLP: "Language | None" = None


def _profile_chunk(chunk: list[Document], batch_size: int) -> list[DocumentProfile]:
    from threadpoolctl import threadpool_limits

    assert _WORKER_NLP is not None
    with threadpool_limits(limits=1):  # one process per core: no BLAS threads of its own on top
        return list(_iter_profiles_here(chunk, _WORKER_NLP, batch_size, len(chunk) or 1))


@contextlib.contextmanager
def worker_pool(nlp: "Language", n_process: int) -> Iterator[Any]:
    """A pool of ``n_process`` worker processes forked from this one, so that they inherit the loaded pipeline (and
    every library already imported: call :func:`prepare` first). Pass it to ``iter_profiles(..., pool=pool)`` and
    ``report_from_profiles(..., executor=pool)`` to reuse it across calls; ``analyze`` makes its own. Yields None
    where processes cannot fork (Windows, macOS)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - spawn-only platforms
        yield None
        return
    _WORKER_NLP = nlp
    try:
        with ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool
    finally:
        _WORKER_NLP = None


def _iter_profiles_in_workers(
    documents: Iterable[Document], nlp: "Language", batch_size: int, n_process: int, pool: Any = None
) -> Iterator[DocumentProfile]:
    """Chunks of documents parsed and profiled by forked workers; chunks in flight are bounded, results in order."""
    from collections import deque

    if pool is None:
        with worker_pool(nlp, n_process) as own_pool:
            if own_pool is None:  # pragma: no cover - spawn-only platforms
                yield from _iter_spacy_multiprocess(documents, nlp, batch_size, n_process)
            else:
                yield from _iter_profiles_in_workers(documents, nlp, batch_size, n_process, own_pool)
        return
    window = 4 * n_process
    pending: deque = deque()
    for chunk in worker_chunks(documents, batch_size, n_process):
        pending.append(pool.submit(_profile_chunk, chunk, batch_size))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _iter_spacy_multiprocess(
    documents: Iterable[Document], nlp: "Language", batch_size: int, n_process: int
) -> Iterator[DocumentProfile]:
    """Where processes cannot fork: spaCy's own multiprocessing parses, this process profiles."""
    for chunk in _chunks(documents, DEFAULT_CHUNK_SIZE):
        texts = (d.text for d in chunk)
        for document, doc in zip(chunk, pipe_texts(nlp, texts, batch_size=batch_size, n_process=n_process)):
            yield profile_document(document, doc)


def profile_corpus(documents: Sequence[Document], **kwargs: Any) -> list[DocumentProfile]:
    """All profiles, ordered by date (then id)."""
    profiles = list(iter_profiles(documents, **kwargs))
    return sorted(profiles, key=lambda p: (p.date, p.id))


def report_from_profiles(
    profiles: Iterable[DocumentProfile],
    *,
    targets: str | Path | None = None,
    executor: Any = None,
    model_info: dict[str, Any] | None = None,
) -> "Report":
    """Comparison across dates, stance analysis and the report, from profiles made by any means and in any order
    (for instance streamed by :func:`iter_profiles`, or made in several runs): they are ordered by date here.
    Runs with the garbage collector paused (:func:`kalinovsky_nlp._runtime.paused_gc`). ``executor``: a
    ``concurrent.futures.Executor`` for the per-step stance analysis (see
    :func:`~kalinovsky_nlp.stance.analyse_stance`)."""
    from ._runtime import paused_gc
    from .compare import compare_profiles
    from .report import build_report
    from .stance import analyse_stance

    from .corpuschecks import corpus_warnings

    ordered = sorted(profiles, key=lambda p: (p.date, p.id))  # consumes a stream of profiles before the pause
    with paused_gc():
        comparison = compare_profiles(ordered)
        findings = analyse_stance(ordered, comparison, targets=targets, executor=executor)
        report = build_report(ordered, comparison, findings, model_info)
    report.warnings = corpus_warnings([p.document for p in ordered])
    return report


def model_info(nlp: "Language") -> dict[str, Any]:
    """What the report says about the pipeline that made it."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', '')}_{meta.get('name', '')}", "version": meta.get("version"),
            "spacy_version": meta.get("spacy_version"), "pipeline": list(nlp.pipe_names)}


def analyze(
    corpus: str | Path | Iterable[Any] | None = None,
    *,
    dates: Iterable[Any] | None = None,
    ids: Iterable[Any] | None = None,
    titles: Iterable[Any] | None = None,
    text_field: str = "text",
    model: str | Path | None = None,
    nlp: "Language | None" = None,
    targets: str | Path | bool | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    on_document: Callable[[DocumentProfile], None] | None = None,
    backend: str = "local",
    client: Any = None,
    max_length: int | None = None,
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
    reader must know (:mod:`kalinovsky_nlp.corpuschecks`).
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
                                n_process=n_process, on_document=on_document, backend=backend, client=client)
    report.warnings = loading + corpus_warnings(documents)
    return report


def _analyze_documents(
    documents: list[Document],
    *,
    model: str | Path | None,
    nlp: "Language | None",
    targets: str | Path | bool | None,
    batch_size: int,
    n_process: int,
    on_document: Callable[[DocumentProfile], None] | None,
    backend: str,
    client: Any,
) -> "Report":
    """The report of checked, date-ordered documents on the chosen backend."""
    if backend == "dask":
        from .distributed import analyse_with_dask, profile_with_dask

        resolved = resolve_model(model)
        info = {"name": resolved, "backend": "dask"}
        if client is not None:  # parsing and per-step stance on the cluster
            return analyse_with_dask(documents, client, model=resolved, batch_size=batch_size,
                                     targets=targets or None, model_info=info)
        # Dask's default scheduler parses; the steps run here
        profiles = profile_with_dask(documents, model=resolved, batch_size=batch_size)
        return report_from_profiles(profiles, targets=targets or None, model_info=info)
    if backend != "local":
        raise ValueError(f"unknown backend {backend!r}: use 'local' or 'dask'")
    if nlp is None:
        nlp = load_pipeline(resolve_model(model))
    if n_process == 1:
        profiles = iter_profiles(documents, nlp=nlp, batch_size=batch_size, on_document=on_document)
        return report_from_profiles(profiles, targets=targets or None, model_info=model_info(nlp))
    prepare(nlp=nlp)  # before the workers fork, so that they inherit all of it
    with worker_pool(nlp, n_process) as pool:
        profiles = iter_profiles(documents, nlp=nlp, batch_size=batch_size, n_process=n_process,
                                 on_document=on_document, pool=pool)
        return report_from_profiles(profiles, targets=targets or None, executor=pool, model_info=model_info(nlp))
