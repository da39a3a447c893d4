"""When two claims express the same proposition: shared participants, a related predicate, comparable times.

Two claims align only when they share a participant (a canonical entity, or a noun-phrase head when the claims
name no entity in common) *and* a predicate word (the predicate's lemma, its object, or the verbal base of either:
*supply* / *supplies* / *supplier*, *arm* / *arms*), and their time frames are comparable. A light verb (*be*, *have*,
*make*, ``lexicons/light_verbs.txt``) is not a predicate word on its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..lexicons import read_word_list
from ..results import Claim

__all__ = ["Alignment", "align", "comparable_times", "participants", "predicate_words"]

#: A claim about the past that names a year more than this many years before the earlier document narrates
#: history: it is compared only with other claims about the past.
HISTORY_MARGIN = 1


@functools.lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    return read_word_list("light_verbs.txt")


def participants(claim: Claim) -> frozenset[str]:
    """The claim's participants: entity keys (``ent:<name>``) and noun-phrase keys (``np:<lemma>``), not the author."""
    return frozenset(a.key for a in claim.arguments if a.key != "author")


def predicate_words(claim: Claim) -> frozenset[str]:
    """The claim's predicate words: predicate keys and the lemmas of its noun-phrase participants (a noun that is
    the object of one claim can be the verb of another: *arm supplies* / *supply arms*)."""
    nouns = {a.key[3:] for a in claim.arguments if a.key.startswith("np:")}
    return frozenset(claim.predicate_keys) | frozenset(nouns)


def comparable_times(a: Claim, b: Claim, earlier_year: int) -> bool:
    """Whether two claims' time frames allow them to be the same proposition (``a`` from the earlier document).

    Equal frames compare; a present state compares with a generic one and with a past narration that is not
    anchored in history (a claim naming a year before the earlier document, such as *during the 1990s*); a
    prediction compares with a prediction or a hypothetical only."""
    frames = {a.time_frame, b.time_frame}
    if len(frames) == 1:
        return True
    if frames <= {"present", "generic"}:
        return True
    if frames <= {"future", "hypothetical"}:
        return True
    if frames <= {"present", "past", "generic"}:
        past = a if a.time_frame == "past" else b
        return past.anchor_year is None or past.anchor_year >= earlier_year - HISTORY_MARGIN
    return False


@dataclass(frozen=True)
class Alignment:
    """Why two claims align: the participants and predicate words they share, and a score for ranking."""

    shared_participants: tuple[str, ...]
    shared_predicates: tuple[str, ...]
    score: float


def _entity_roles(claim: Claim) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for argument in claim.arguments:
        if argument.entity:
            roles.setdefault(argument.key, set()).add("subject" if argument.role == "subject" else "other")
    return roles


def _entities_agree(a: Claim, b: Claim) -> bool:
    """Two claims that each name two or more entities relate them: they must share two of them (*Russia works with
    the Taliban* is not *Russia and the United States work together*); and no shared entity may be the subject of one
    claim and only an object of the other (*the U.S. pushes the opposition* is not *Russia pushes the U.S. out*)."""
    roles_a, roles_b = _entity_roles(a), _entity_roles(b)
    shared = set(roles_a) & set(roles_b)
    if len(shared) < min(2, len(roles_a), len(roles_b)):
        return False
    return all(roles_a[key] & roles_b[key] for key in shared)


def align(a: Claim, b: Claim, earlier_year: int) -> Alignment | None:
    """The alignment of two claims, or None when they do not express the same proposition."""
    shared = participants(a) & participants(b)
    if not shared or not _entities_agree(a, b):
        return None
    words = predicate_words(a) & predicate_words(b)
    content = words - _light_verbs()
    # a shared participant cannot also count as the shared predicate word
    content_beyond = content - {key[3:] for key in shared if key.startswith("np:")}
    if not content_beyond:
        return None
    if not comparable_times(a, b, earlier_year):
        return None
    entities = [k for k in shared if k.startswith("ent:")]
    score = 2.0 * len(entities) + len(shared) - len(entities) + len(content_beyond) + (a.predicate == b.predicate)
    return Alignment(tuple(sorted(shared)), tuple(sorted(content_beyond)), score)
