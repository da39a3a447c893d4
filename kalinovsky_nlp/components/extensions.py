"""The custom attributes (``doc._.*``, ``span._.*``) the project's components write, registered when a component is
built under the names its config gives.

spaCy has one namespace of extension names per class, shared by every library in the process. A name someone else
registered (another library or the user's code) is not taken over: building the component raises
:class:`ExtensionClashError` naming the extension and the config key that renames it. Names this library registered
itself are remembered here, so that adding the same component again (a second pipeline, a test session that adds
pipes many times) reuses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # no spaCy at import: profile.py's readers import this module
    from spacy.tokens import Doc, Span, Token

    Owner = type[Doc] | type[Span] | type[Token]

__all__ = ["DEFAULT_MARKER_EXTENSIONS", "ExtensionClashError", "MarkerExtensions", "owns_extension",
           "register_extension", "register_extensions"]

@dataclass(frozen=True)
class MarkerExtensions:
    """The span extension names the metadiscourse component writes on each marker (its config keys
    ``subcategory_extension``, ``voice_extension``, ``rule_extension``, ``epistemic_extension``); the readers of
    markers (:func:`kalinovsky_nlp.profile.extract_markers`, ...) take the same names."""

    subcategory: str = "kn_subcategory"
    voice: str = "kn_voice"
    rule: str = "kn_rule"
    epistemic: str = "kn_epistemic"


DEFAULT_MARKER_EXTENSIONS = MarkerExtensions()

#: (class name, extension name) -> the extension tuple (default, method, getter, setter) this library registered.
_REGISTERED: dict[tuple[str, str], tuple[Any, Any, Any, Any]] = {}


class ExtensionClashError(ValueError):
    """A component's extension name is already registered by someone else; the message names the config key."""


def owns_extension(owner: Owner, name: str) -> bool:
    """Whether ``owner._.<name>`` is the extension this library registered (and nobody has replaced it since)."""
    registered = _REGISTERED.get((owner.__name__, name))
    return registered is not None and owner.has_extension(name) and owner.get_extension(name) == registered


def register_extension(owner: Owner, name: str, *, component: str, config_key: str) -> None:
    """Register ``owner._.<name>`` (default None) for ``component`` (the factory name), unless this library already
    did; raise :class:`ExtensionClashError` if the name belongs to someone else."""
    register_extensions(owner, {config_key: name}, component=component)


def register_extensions(owner: Owner, names: dict[str, str], *, component: str) -> None:
    """Register every extension of ``names`` (config key -> extension name) on ``owner``, after checking them all: a
    clash leaves none of them registered."""
    keys_of: dict[str, list[str]] = {}
    for config_key, name in names.items():
        keys_of.setdefault(name, []).append(config_key)
    for name, config_keys in keys_of.items():
        if len(config_keys) > 1:
            raise ValueError(f"{component}: the config keys {', '.join(map(repr, config_keys))} all name the "
                             f"extension {name!r}; give each its own name.")
    for config_key, name in names.items():
        _check_free(owner, name, component=component, config_key=config_key)
    for name in names.values():
        if not owns_extension(owner, name):
            owner.set_extension(name, default=None)
            _REGISTERED[(owner.__name__, name)] = owner.get_extension(name)


def _check_free(owner: Owner, name: str, *, component: str, config_key: str) -> None:
    """Raise unless ``name`` is a free identifier or an extension this library registered."""
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"{component}: config key {config_key!r} must name a Python identifier for "
                         f"{owner.__name__}._.<name>, got {name!r}; use letters, digits and underscores.")
    if not owner.has_extension(name) or owns_extension(owner, name):
        return
    if (owner.__name__, name) in _REGISTERED:
        who = "this library, then replaced by another registration"
    else:
        who = "another library or the user's code"
    raise ExtensionClashError(
        f"{owner.__name__} extension {name!r} is already registered by {who}, so {component} cannot write its "
        f"results there. Give the component another name for it with the config key {config_key!r}, e.g. "
        f"nlp.add_pipe({component!r}, config={{{config_key!r}: 'my_{name}'}}), or remove the other "
        f"registration first ({owner.__name__}.remove_extension({name!r}))."
    )
