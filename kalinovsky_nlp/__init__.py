"""kalinovsky_nlp: how an author's judgement changes across dated texts.

Entities, hedging and other stance markers, attribution, claims and judgement findings, with evidence.
Importing the package is cheap: spaCy and the model load only when an analysis runs.

    >>> import kalinovsky_nlp as kn
    >>> report = kn.analyze()                 # the built-in corpus   # doctest: +SKIP
    >>> print(kn.render(report, "markdown"))  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kalinovsky_nlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
