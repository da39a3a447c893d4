"""Self-corrections: the author saying they misjudged something (*I was wrong about the tram line*, *I
underestimated the tram*, *I have changed my mind about the tram*), which revises the author's earlier judgements
of it however differently the later text words them.

Pure functions over claims; the predicates are data (``lexicons/self_correction.tsv``).
"""

from __future__ import annotations

import functools
from typing import Sequence

from ..lexicons import read_table
from ..results import Claim

__all__ = ["corrected_participants", "self_corrections"]

#: Participants of a self-correction that say how, not what, was misjudged.
_NOT_TOPICS = frozenset({"author", "np:mind", "np:view", "np:judgement", "np:judgment", "np:assessment"})


@functools.lru_cache(maxsize=1)
def _predicates() -> dict[str, str]:
    return {row["lemma"]: row["kind"] for row in read_table("self_correction.tsv")}


def corrected_participants(claim: Claim) -> frozenset[str]:
    """The participants a claim says the author misjudged, or an empty set when the claim is no self-correction:
    the author's own assertion, with the author as its subject and a misjudgement predicate (for *change*, only
    with *mind*)."""
    if claim.voice != "author" or claim.role != "assertion" or claim.polarity != "positive":
        return frozenset()
    if not any(a.key == "author" and a.role == "subject" for a in claim.arguments):
        return frozenset()
    kind = _predicates().get(claim.predicate)
    keys = {a.key for a in claim.arguments}
    if kind is None or (kind == "mind" and "np:mind" not in keys):
        return frozenset()
    return frozenset(keys - _NOT_TOPICS)


def self_corrections(claims: Sequence[Claim]) -> list[tuple[Claim, frozenset[str]]]:
    """The self-corrections among a document's claims, each with what it corrects."""
    found = []
    for claim in claims:
        topics = corrected_participants(claim)
        if topics:
            found.append((claim, topics))
    return found
