"""Targets: what a reader wants the judgement findings sorted by.

Findings are about propositions, discovered from the texts. A target labels them: every entity a finding's aligned
claims share is one of its targets (``entity:<name>``), and a user's target file (``--targets FILE``) adds targets
matched against the sentences of a finding's claims. A target never makes a finding of its own: a finding always
comes from aligned claims about one proposition.

A target file is YAML: a list (or a ``targets:`` list) of mappings with ``id``, an optional ``label`` and
``description``, and ``aliases`` (phrases matched case-insensitively as whole words), ``patterns`` (regular
expressions) or ``entity`` (a canonical entity name). ``corpus/targets.yaml`` is an example for the built-in corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..results import Finding

__all__ = ["Target", "load_targets", "finding_targets"]


@dataclass(frozen=True)
class Target:
    """A user-defined target: how to recognise the sentences that are about it."""

    id: str
    label: str
    description: str = ""
    entity: str | None = None
    patterns: tuple[re.Pattern[str], ...] = field(default=())

    def matches(self, sentence: str, entities: Sequence[str]) -> bool:
        if self.entity is not None and self.entity in entities:
            return True
        return any(p.search(sentence) for p in self.patterns)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "label": self.label, "description": self.description, "entity": self.entity,
                "patterns": [p.pattern for p in self.patterns]}


def load_targets(path: str | Path) -> list[Target]:
    """User-defined targets from a YAML file (see the module docstring); errors name the file and the target."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ValueError(f"{path}: cannot read the targets file ({err})") from None
    items = data.get("targets") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path}: expected a list of targets, each with an id and aliases or patterns")
    targets = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("id"):
            raise ValueError(f"{path}: target {number} needs an 'id'")
        patterns = []
        for alias in item.get("aliases") or []:
            patterns.append(re.compile(r"(?<!\w)" + re.escape(str(alias)) + r"(?!\w)", re.IGNORECASE))
        for pattern in item.get("patterns") or []:
            try:
                patterns.append(re.compile(str(pattern), re.IGNORECASE))
            except re.error as err:
                raise ValueError(f"{path}: target {item['id']!r}: bad pattern {pattern!r} ({err})") from None
        if not patterns and not item.get("entity"):
            raise ValueError(f"{path}: target {item['id']!r} needs aliases, patterns or an entity")
        targets.append(Target(id="user:" + str(item["id"]), label=str(item.get("label") or item["id"]),
                              description=str(item.get("description") or ""),
                              entity=str(item["entity"]) if item.get("entity") else None, patterns=tuple(patterns)))
    return targets


def finding_targets(finding: Finding, user_targets: Sequence[Target]) -> tuple[str, ...]:
    """The targets of a finding: the entities its aligned claims share, then the user targets whose patterns match
    its evidence."""
    found = [f"entity:{key[4:]}" for key in finding.shared_arguments if key.startswith("ent:")]
    entities = [key[4:] for key in finding.shared_arguments if key.startswith("ent:")]
    sentences = list(finding.earlier.evidence) + list(finding.later.evidence)
    for target in user_targets:
        if any(target.matches(sentence, entities) for sentence in sentences):
            found.append(target.id)
    return tuple(dict.fromkeys(found))
