"""Targets: what the author's judgements are about.

* **Entity targets**: salient canonical entities (demonyms folded into their place: *Russian officials* are about
  Russia), discovered from the profiles.
* **Proposition targets**: recurring propositions, found by clustering claims of all documents over
  alias-normalised lemmas (TF-IDF weighted as scikit-learn weighs it, SciPy's average linkage on cosine distance);
  a cluster becomes a target when it holds claims from at least two documents.
* **User targets**: a YAML file (``--targets FILE``) of ``{id, description, aliases: [...], patterns: [regex...]}``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..profile import DocumentProfile
from .space import ClaimSpace

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Target", "TEXT_TARGET", "cluster_labels", "entity_targets", "proposition_targets", "load_targets",
           "claims_for"]

#: At most this many entity targets; an entity needs this many mentions in the corpus.
MAX_ENTITY_TARGETS = 8
MIN_ENTITY_MENTIONS = 3
#: Cosine distance under which claims join a cluster (average linkage).
CLUSTER_DISTANCE = 0.75


@dataclass
class Target:
    """Something the author's judgements are about, and how to find the claims about it."""

    id: str
    kind: str  # text | entity | proposition | user
    label: str
    description: str = ""
    entity: str | None = None
    members: dict[str, list[int]] = field(default_factory=dict)  # document id -> claim indices (propositions)
    patterns: list[re.Pattern] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "label": self.label, "description": self.description,
                "entity": self.entity, "members": {k: list(v) for k, v in self.members.items()},
                "patterns": [p.pattern for p in self.patterns]}


def _slug(text: str) -> str:
    """A lower-case identifier."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def entity_targets(profiles: Sequence[DocumentProfile]) -> list[Target]:
    """The most mentioned canonical entities of the corpus (with their demonyms) as targets."""
    totals: Counter = Counter()
    labels: dict[str, str] = {}
    for profile in profiles:
        for entity in profile.entities:
            name = entity.demonym_of or entity.name
            totals[name] += entity.count
            if entity.demonym_of is None:
                labels.setdefault(name, entity.label)
    chosen = [n for n, c in totals.most_common() if c >= MIN_ENTITY_MENTIONS][:MAX_ENTITY_TARGETS]
    return [Target(id="entity:" + _slug(n), kind="entity", label=n, entity=n,
                   description=f"{labels.get(n, 'entity')} {n}") for n in chosen]


def cluster_labels(vectors: "np.ndarray", distance: float = CLUSTER_DISTANCE) -> "np.ndarray":
    """Average-linkage clusters of the rows under a cosine distance: merges at distances below ``distance`` are
    kept, the rest undone.

    This is scikit-learn's ``AgglomerativeClustering(n_clusters=None, distance_threshold=distance, metric="cosine",
    linkage="average")``, which builds the same SciPy linkage and cuts it the same way. SciPy is called directly: it
    spares the estimator's fixed cost on every comparison step, and the stance analysis imports SciPy alone
    (``bench/finish.py`` times both). Label numbers may differ from the estimator's; the partition is the same
    (``tests/stance/test_targets.py``)."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    merges = linkage(vectors, method="average", metric="cosine")  # merge distances in increasing order
    # fcluster keeps the merges at distances <= t; the estimator keeps those < distance
    return fcluster(merges, t=np.nextafter(distance, -np.inf), criterion="distance")


def proposition_targets(profiles: Sequence[DocumentProfile], *, distance: float = CLUSTER_DISTANCE,
                        max_targets: int = 8, space: ClaimSpace | None = None) -> list[Target]:
    """Clusters of similar claims that recur across documents, labelled by their most characteristic terms.

    ``space``: the TF-IDF space of these documents' claims, if already built (one per comparison step)."""
    if len(profiles) < 2:
        return []
    index = [(p.id, i) for p in profiles for i, _ in enumerate(p.claims)]
    claims = [c for p in profiles for c in p.claims]
    if space is None or claims not in space:
        space = ClaimSpace(claims)
    keep = [i for i, c in enumerate(claims) if len(c["lemmas"].split()) >= 3]
    if len(keep) < 2 or not space.terms:
        return []
    dense = space.vectors([claims[i] for i in keep])
    if not dense.any(axis=1).all():  # a claim with no term left: cosine is undefined for it
        nonzero = dense.any(axis=1)
        keep = [k for k, ok in zip(keep, nonzero) if ok]
        dense = dense[nonzero]
        if len(keep) < 2:
            return []
    labels = cluster_labels(dense, distance)
    terms = space.terms
    display = {"ent:" + e.name.lower().replace(" ", "_"): e.name for p in profiles for e in p.entities}
    display.update({"ent:" + (e.demonym_of or e.name).lower().replace(" ", "_"): e.demonym_of or e.name
                    for p in profiles for e in p.entities})
    clusters: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(row)
    targets = []
    for rows in clusters.values():
        docs: dict[str, list[int]] = {}
        for row in rows:
            doc_id, claim = index[keep[row]]
            docs.setdefault(doc_id, []).append(claim)
        if len(docs) < 2:
            continue
        block = dense[rows]
        present = (block > 0).sum(axis=0)
        order = block.mean(axis=0).argsort()[::-1][:12]
        shared = [terms[i] for i in order if present[i] >= 2][:4]
        if len(shared) < 2:
            continue
        names = [display.get(s, s) for s in shared]
        label = "claims linking " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
        targets.append((len(rows), Target(id="proposition:" + _slug(label), kind="proposition", label=label,
                                          description=f"recurring claims sharing the terms {', '.join(shared)}",
                                          members=docs)))
    targets.sort(key=lambda t: -t[0])
    return [t for _, t in targets[:max_targets]]


def load_targets(path: str | Path) -> list[Target]:
    """User-defined targets from a YAML file: a list (or ``targets:`` list) of mappings with ``id`` and
    ``aliases`` (phrases matched case-insensitively as whole words) and/or ``patterns`` (regular expressions)."""
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
        targets.append(Target(id="user:" + str(item["id"]), kind="user", label=str(item.get("label") or item["id"]),
                              description=str(item.get("description") or ""), entity=item.get("entity"),
                              patterns=patterns))
    return targets


def claims_for(target: Target, profile: DocumentProfile) -> list[dict[str, Any]]:
    """The claims of one document that are about a target."""
    if target.kind == "text":
        return list(profile.claims)
    if target.kind == "proposition":
        wanted = set(target.members.get(profile.id, []))
        return [c for i, c in enumerate(profile.claims) if i in wanted]
    out = []
    for claim in profile.claims:
        if target.entity and target.entity in claim["entities"]:
            out.append(claim)
        elif target.patterns and any(p.search(claim["text"]) for p in target.patterns):
            out.append(claim)
    return out


#: The whole text: its change is the baseline against which a target's change stands out (or not).
TEXT_TARGET = Target(id="text:all", kind="text", label="The author's claims as a whole",
                     description="every claim of the document")
