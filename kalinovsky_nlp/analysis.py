"""The analysis entry points: corpus -> spaCy pipeline -> profiles -> comparison -> report.

``analyze()`` builds the whole :class:`~kalinovsky_nlp.report.Report`; ``iter_profiles()`` streams per-document
profiles with bounded memory (documents are parsed in chunks inside spaCy's ``memory_zone``).
"""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .corpus import Document, load_corpus
from .pipeline import load_pipeline, resolve_model
from .profile import DocumentProfile, profile_document

if TYPE_CHECKING:
    from spacy.language import Language

    from .report import Report

__all__ = ["DEFAULT_BATCH_SIZE", "analyze", "iter_profiles", "profile_corpus"]

#: Documents per nlp.pipe batch. Measured with bench/scale.py (200,000 words, ~800-word documents, small English
#: model): batches of 16, 32, 64 and 128 run within 15% of each other, but peak memory grows with the batch
#: (bare spaCy ~430 MB at 16, ~700 MB at 32, ~1.2 GB at 64, ~1.9 GB at 128), so the default is 16.
DEFAULT_BATCH_SIZE = 16
#: Documents parsed inside one memory zone before the zone's strings are freed.
DEFAULT_CHUNK_SIZE = 512


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def iter_profiles(
    documents: Iterable[Document],
    *,
    nlp: "Language | None" = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_document: Callable[[DocumentProfile], None] | None = None,
) -> Iterator[DocumentProfile]:
    """Profile documents in input order, streaming: memory stays flat however many documents there are.

    With ``n_process > 1`` worker processes parse *and* profile chunks of documents (the parent only collects the
    profiles, small plain data), so the cores are not shared with a parent busy deserialising Docs."""
    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    nlp = nlp if nlp is not None else load_pipeline(model)
    if n_process > 1:
        profiles = _iter_profiles_in_workers(documents, nlp, batch_size, n_process)
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
            for document, doc in zip(chunk, nlp.pipe(texts, batch_size=batch_size)):
                yield profile_document(document, doc)


#: The pipeline a forked worker inherits from its parent (set just before the pool forks).
_WORKER_NLP: "Language | None" = None


def _profile_chunk(chunk: list[Document], batch_size: int) -> list[DocumentProfile]:
    from threadpoolctl import threadpool_limits

    assert _WORKER_NLP is not None
    with threadpool_limits(limits=1):  # one process per core: no BLAS threads of its own on top
        return list(_iter_profiles_here(chunk, _WORKER_NLP, batch_size, len(chunk) or 1))


def _iter_profiles_in_workers(
    documents: Iterable[Document], nlp: "Language", batch_size: int, n_process: int
) -> Iterator[DocumentProfile]:
    """A pool of forked workers that inherit the loaded pipeline; chunks in flight are bounded, results in order."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows, macOS spawn only
        yield from _iter_spacy_multiprocess(documents, nlp, batch_size, n_process)
        return
    _WORKER_NLP = nlp
    chunk_size = max(batch_size, 8)
    window = 4 * n_process
    try:
        with ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context("fork")) as pool:
            pending: deque = deque()
            for chunk in _chunks(documents, chunk_size):
                pending.append(pool.submit(_profile_chunk, chunk, batch_size))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        _WORKER_NLP = None


def _iter_spacy_multiprocess(
    documents: Iterable[Document], nlp: "Language", batch_size: int, n_process: int
) -> Iterator[DocumentProfile]:
    """Where processes cannot fork: spaCy's own multiprocessing parses, this process profiles."""
    for chunk in _chunks(documents, DEFAULT_CHUNK_SIZE):
        texts = (d.text for d in chunk)
        for document, doc in zip(chunk, nlp.pipe(texts, batch_size=batch_size, n_process=n_process)):
            yield profile_document(document, doc)


def profile_corpus(documents: Sequence[Document], **kwargs: Any) -> list[DocumentProfile]:
    """All profiles, ordered by date (then id)."""
    profiles = list(iter_profiles(documents, **kwargs))
    return sorted(profiles, key=lambda p: (p.date, p.id))


def analyze(
    corpus: str | Path | Iterable[Document] | None = None,
    *,
    model: str | Path | None = None,
    nlp: "Language | None" = None,
    targets: str | Path | bool | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    on_document: Callable[[DocumentProfile], None] | None = None,
    backend: str = "local",
    client: Any = None,
) -> "Report":
    """Analyse a corpus (the built-in one by default) and return the full report.

    ``corpus`` is a path accepted by :func:`~kalinovsky_nlp.corpus.load_corpus` or an iterable of
    :class:`~kalinovsky_nlp.corpus.Document`. ``targets`` is an optional target-definition file; for the built-in
    corpus (``corpus=None``) the shipped ``corpus/targets.yaml`` is used unless ``targets=False``.
    ``backend="dask"`` profiles the documents on Dask (``client``: a ``dask.distributed.Client``, optional).
    """
    from .compare import compare_profiles
    from .report import Report, summarize
    from .stance import analyse_stance

    if corpus is None and targets is None:
        from .corpus import builtin_targets_path

        targets = builtin_targets_path()
    if corpus is None or isinstance(corpus, (str, Path)):
        documents = load_corpus(corpus)
    else:
        from .corpus import check_unique_ids

        documents = sorted(check_unique_ids(corpus), key=lambda d: (d.date, d.id))
    if backend == "dask":
        from .distributed import profile_with_dask

        resolved = resolve_model(model)
        profiles = sorted(profile_with_dask(documents, client=client, model=resolved, batch_size=batch_size),
                          key=lambda p: (p.date, p.id))
        model_info = {"name": resolved, "backend": "dask"}
    elif backend == "local":
        if nlp is None:
            nlp = load_pipeline(resolve_model(model))
        profiles = profile_corpus(documents, nlp=nlp, batch_size=batch_size, n_process=n_process,
                                  on_document=on_document)
        meta = nlp.meta
        model_info = {"name": f"{meta.get('lang', '')}_{meta.get('name', '')}", "version": meta.get("version"),
                      "spacy_version": meta.get("spacy_version"), "pipeline": list(nlp.pipe_names)}
    else:
        raise ValueError(f"unknown backend {backend!r}: use 'local' or 'dask'")
    comparison = compare_profiles(profiles)
    findings = analyse_stance(profiles, comparison, targets=targets or None)
    return Report(
        documents=profiles,
        comparison=comparison,
        summary=summarize(profiles, comparison, findings),
        model=model_info,
        findings=findings,
    )
