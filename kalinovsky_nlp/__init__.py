"""kalinovsky_nlp: how an author's judgement changes across dated texts.

Entities, hedging and other stance markers, attribution, claims and judgement findings, with evidence.
Importing the package is cheap: spaCy and the model load only when an analysis runs.

    >>> import kalinovsky_nlp as kn
    >>> report = kn.analyze()                 # the built-in corpus   # doctest: +SKIP
    >>> print(kn.render(report, "markdown"))  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    # What type checkers see: every public name with its real type, imported where the lazy table below finds it
    # (checkers do not run __getattr__). tests/test_typing.py keeps these imports, _LAZY and __all__ the same names.
    from kalinovsky_nlp.analysis import (
        analyze as analyze,
        iter_profiles as iter_profiles,
        prepare as prepare,
        report_from_profiles as report_from_profiles,
    )
    from kalinovsky_nlp.annotate import annotate_records as annotate_records, annotate_texts as annotate_texts
    from kalinovsky_nlp.corpus import (
        CorpusError as CorpusError,
        CorpusWarning as CorpusWarning,
        Document as Document,
        iter_documents as iter_documents,
        load_corpus as load_corpus,
    )
    from kalinovsky_nlp.distributed import profile_with_dask as profile_with_dask
    from kalinovsky_nlp.estimators import MetadiscourseRates as MetadiscourseRates
    from kalinovsky_nlp.inputs import from_dataframe as from_dataframe
    from kalinovsky_nlp.pipeline import (
        ModelNotFoundError as ModelNotFoundError,
        load_pipeline as load_pipeline,
        resolve_model as resolve_model,
    )
    from kalinovsky_nlp.plotting import plot_timeline as plot_timeline
    from kalinovsky_nlp.profile import DocumentProfile as DocumentProfile
    from kalinovsky_nlp.renderers import render as render
    from kalinovsky_nlp.report import Report as Report
    from kalinovsky_nlp.tables import to_frames as to_frames, write_tables as write_tables

_LAZY = {
    "analyze": "kalinovsky_nlp.analysis",
    "iter_profiles": "kalinovsky_nlp.analysis",
    "prepare": "kalinovsky_nlp.analysis",
    "report_from_profiles": "kalinovsky_nlp.analysis",
    "load_corpus": "kalinovsky_nlp.corpus",
    "iter_documents": "kalinovsky_nlp.corpus",
    "Document": "kalinovsky_nlp.corpus",
    "CorpusError": "kalinovsky_nlp.corpus",
    "CorpusWarning": "kalinovsky_nlp.corpus",
    "from_dataframe": "kalinovsky_nlp.inputs",
    "load_pipeline": "kalinovsky_nlp.pipeline",
    "resolve_model": "kalinovsky_nlp.pipeline",
    "ModelNotFoundError": "kalinovsky_nlp.pipeline",
    "render": "kalinovsky_nlp.renderers",
    "plot_timeline": "kalinovsky_nlp.plotting",
    "Report": "kalinovsky_nlp.report",
    "DocumentProfile": "kalinovsky_nlp.profile",
    "annotate_texts": "kalinovsky_nlp.annotate",
    "annotate_records": "kalinovsky_nlp.annotate",
    "profile_with_dask": "kalinovsky_nlp.distributed",
    "to_frames": "kalinovsky_nlp.tables",
    "write_tables": "kalinovsky_nlp.tables",
    "MetadiscourseRates": "kalinovsky_nlp.estimators",
}

__all__ = ["__version__", *sorted(_LAZY)]


if not TYPE_CHECKING:  # hidden from checkers: a module __getattr__ would make every unknown name (kn.analyse) Any

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            value = getattr(import_module(_LAZY[name]), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'kalinovsky_nlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
