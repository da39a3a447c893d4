"""The JSON contract of the report: how each typed result becomes plain JSON data, in one place (its JSON Schema,
generated from the same dataclasses, is :func:`kalinovsky_nlp.report_schema.report_json_schema`).

``SCHEMA_VERSION`` is bumped in its major part when a field is renamed or removed, in its minor part when fields
or values of a field are added.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .keyness import Keyness
from .results import AS_FROM, AS_TO, JSON_KEY, Claim, Finding, FindingSide, Position

__all__ = ["AS_FROM", "AS_TO", "JSON_KEY", "SCHEMA_VERSION", "claim_to_dict", "finding_to_dict", "json_key",
           "keyness_to_dict", "plain"]

SCHEMA_VERSION = "2.2"


def json_key(field: dataclasses.Field[Any]) -> str:
    """The key a dataclass field is written under: its name, or the :data:`JSON_KEY` of its metadata."""
    key: str = field.metadata.get(JSON_KEY, field.name)
    return key


def plain(value: Any) -> Any:
    """JSON data of a value: dataclasses as dicts (keys by :func:`json_key`), tuples as lists, recursively (what
    ``json.loads`` would give back, so that a report and its saved JSON compare equal)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {json_key(f): plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as JSON data: its fields, with the signed ``score``, ``commitment`` and ``entities`` added."""
    data: dict[str, Any] = plain(claim)
    data["score"] = claim.score
    data["commitment"] = claim.commitment
    data["entities"] = list(claim.entities)
    data["source"] = claim.source_kind
    return data


def _position(position: Position | None) -> dict[str, Any] | None:
    return plain(position) if position is not None else None


def _side(side: FindingSide) -> dict[str, Any]:
    return {"document": side.document, "date": side.date, "position": _position(side.position),
            "evidence": list(side.evidence), "claims": list(side.claims), "cues": list(side.cues),
            "holders": list(side.holders), "quotes": list(side.quotes)}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as JSON data; ``from`` and ``to`` are its two dates."""
    return {
        "proposition": finding.proposition,
        "statement": finding.statement,
        "kinds": list(finding.kinds),
        "confidence": finding.confidence,
        "confidence_reason": finding.confidence_reason,
        "strength": finding.strength,
        "shared_arguments": list(finding.shared_arguments),
        "shared_predicates": list(finding.shared_predicates),
        "targets": list(finding.targets),
        "revisions": [{"before": r.before, "after": r.after} for r in finding.revisions],
        "from": _side(finding.earlier),
        "to": _side(finding.later),
    }


#: The keys of a keyness result whose texts had no terms (nothing was tested: no critical z, no token counts).
_EMPTY_KEYNESS_KEYS = ("earlier", "later", "tests", "significant_after_correction", "note")


def keyness_to_dict(keyness: Keyness) -> dict[str, Any]:
    """A keyness result as JSON data: its fields, or only :data:`_EMPTY_KEYNESS_KEYS` when either text had no terms."""
    data: dict[str, Any] = plain(keyness)
    if keyness.empty_text:
        return {key: data[key] for key in _EMPTY_KEYNESS_KEYS}
    return data
