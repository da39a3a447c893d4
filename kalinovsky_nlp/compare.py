"""Comparison across dates: how measures, markers and entities change from one document to the next.

For n documents ordered by date there are n-1 steps (each document against the one before it) and, when
n > 2, an overall first-to-last comparison. Pure functions over :class:`~kalinovsky_nlp.profile.DocumentProfile`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

from .keyness import Keyness
from .profile import DocumentProfile, Entity
from .results import (CategoryChange, Change, EntityBrief, EntityChanges, EntityPair, EntityStance, EntityStancePair,
                      Finding, MarkerChanges, Prominence, SalienceChange)
from .schema import finding_to_dict, keyness_to_dict, plain

__all__ = ["CategoryChange", "Change", "Comparison", "EntityBrief", "EntityChanges", "EntityPair", "EntityStance",
           "EntityStancePair", "MarkerChanges", "Prominence", "SalienceChange", "Step", "compare_pair",
           "compare_profiles", "entity_stance", "prominence"]

#: How many entities count as "salient" per document for the entity-stance table.
SALIENT_ENTITIES = 8


def _change(before: float | None, after: float | None) -> Change:
    delta = None if before is None or after is None else round(after - before, 2)
    return Change(before, after, delta)


def entity_stance(profile: DocumentProfile, name: str) -> EntityStance:
    """The author's own hedges and boosters in the sentences that mention an entity."""
    entity = profile.entity(name)
    if entity is None:
        return EntityStance(sentences=0, hedges=0, boosters=0, hedges_per_sentence=None, boosters_per_sentence=None,
                            cues=())
    sentences = set(entity.sentences)
    own = [m for m in profile.markers if m.sentence in sentences and m.voice == "author"]
    hedges = [m for m in own if m.category == "hedge"]
    boosters = [m for m in own if m.category == "booster"]
    n = len(sentences)
    return EntityStance(
        sentences=n,
        hedges=len(hedges),
        boosters=len(boosters),
        hedges_per_sentence=round(len(hedges) / n, 2) if n else None,
        boosters_per_sentence=round(len(boosters) / n, 2) if n else None,
        cues=tuple(f"{m.category}:{m.text.lower()}" for m in hedges + boosters),
    )


@dataclass
class Step:
    """One comparison between an earlier and a later document."""

    earlier: DocumentProfile
    later: DocumentProfile
    stats: dict[str, Change]
    readability: dict[str, Change]
    markers: MarkerChanges
    entities: EntityChanges
    findings: list[Finding] = field(default_factory=list)
    keyness: Keyness | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": {"id": self.earlier.id, "date": self.earlier.date.isoformat()},
            "to": {"id": self.later.id, "date": self.later.date.isoformat()},
            "stats": plain(self.stats),
            "readability": plain(self.readability),
            "markers": plain(self.markers),
            "entities": plain(self.entities),
            "findings": [finding_to_dict(f) for f in self.findings],
            "keyness": keyness_to_dict(self.keyness) if self.keyness is not None else None,
        }


def _brief(entity: Entity) -> EntityBrief:
    return EntityBrief(name=entity.name, label=entity.label, count=entity.count, rate=entity.rate_per_1000_words)


def _entity_changes(a: DocumentProfile, b: DocumentProfile) -> EntityChanges:
    names_a = {e.name: e for e in a.entities}
    names_b = {e.name: e for e in b.entities}

    # ties broken by name: set order changes from one process to the next (string hashing is randomised)
    both = sorted(set(names_a) & set(names_b), key=lambda n: (-(names_a[n].count + names_b[n].count), n))
    only_a = sorted(set(names_a) - set(names_b), key=lambda n: (-names_a[n].count, n))
    only_b = sorted(set(names_b) - set(names_a), key=lambda n: (-names_b[n].count, n))
    changes: list[SalienceChange] = []
    for name in set(names_a) | set(names_b):
        ea, eb = names_a.get(name), names_b.get(name)
        either = eb or ea
        assert either is not None  # the name comes from one of the two documents
        ra = ea.rate_per_1000_words if ea else 0.0
        rb = eb.rate_per_1000_words if eb else 0.0
        count_a, count_b = (ea.count if ea else 0), (eb.count if eb else 0)
        changes.append(SalienceChange(
            name=name, label=either.label,
            from_count=count_a, to_count=count_b,
            from_rate=ra, to_rate=rb, change=round(rb - ra, 2),
            prominence=prominence(count_a, count_b, ra, rb),
        ))
    changes.sort(key=lambda c: (-abs(c.change), c.name))
    salient = [e.name for e in a.entities[:SALIENT_ENTITIES] if e.name in names_b and e.demonym_of is None]
    salient += [e.name for e in b.entities[:SALIENT_ENTITIES] if e.name in names_a and e.name not in salient
                and e.demonym_of is None]
    stance = tuple(EntityStancePair(name, entity_stance(a, name), entity_stance(b, name)) for name in salient)
    return EntityChanges(
        in_both=tuple(EntityPair(n, _brief(names_a[n]), _brief(names_b[n])) for n in both),
        only_earlier=tuple(_brief(names_a[n]) for n in only_a),
        only_later=tuple(_brief(names_b[n]) for n in only_b),
        salience_changes=tuple(changes),
        author_stance_by_entity=stance,
    )


def prominence(count_a: int, count_b: int, rate_a: float, rate_b: float) -> Prominence | None:
    """``more`` or ``less`` when an entity's mentions and their rate per 1,000 words moved the same way and it is
    mentioned at least twice in one of the texts; else None (a single mention in a longer text is not "less
    prominent": its rate fell only because the text grew)."""
    if max(count_a, count_b) < 2:
        return None
    if count_b > count_a and rate_b > rate_a:
        return "more"
    if count_b < count_a and rate_b < rate_a:
        return "less"
    return None


def _category_change(category: str, a: DocumentProfile, b: DocumentProfile) -> CategoryChange:
    ca, cb = a.marker_measures.by_category[category], b.marker_measures.by_category[category]
    return CategoryChange(
        from_count=ca.author_count, to_count=cb.author_count,
        from_rate=ca.author_rate, to_rate=cb.author_rate,
        change=round(cb.author_rate - ca.author_rate, 2),
        from_count_all_voices=ca.count, to_count_all_voices=cb.count,
    )


def compare_pair(a: DocumentProfile, b: DocumentProfile) -> Step:
    """Compare an earlier profile ``a`` with a later profile ``b``."""
    stats_a, stats_b = asdict(a.stats), asdict(b.stats)
    stats = {k: _change(stats_a[k], stats_b[k]) for k in stats_a}
    readability = {k: _change(a.readability.get(k), b.readability.get(k)) for k in a.readability}
    ma, mb = a.marker_measures, b.marker_measures
    markers = MarkerChanges(
        hedge=_category_change("hedge", a, b),
        booster=_category_change("booster", a, b),
        attitude=_category_change("attitude", a, b),
        self_mention=_category_change("self_mention", a, b),
        engagement=_category_change("engagement", a, b),
        hedge_booster_ratio=_change(ma.hedge_booster_ratio, mb.hedge_booster_ratio),
        share_sentences_with_hedge=_change(ma.share_sentences_with_hedge, mb.share_sentences_with_hedge),
    )
    return Step(a, b, stats, readability, markers, _entity_changes(a, b))


@dataclass
class Comparison:
    """All steps between consecutive documents, and first-to-last when there are more than two."""

    steps: list[Step]
    first_to_last: Step | None = None

    @property
    def overall(self) -> Step | None:
        """The comparison that spans the whole period (the only step for two documents)."""
        return self.first_to_last or (self.steps[0] if len(self.steps) == 1 else None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "steps": [s.to_dict() for s in self.steps],
            "first_to_last": self.first_to_last.to_dict() if self.first_to_last else None,
        }


def compare_profiles(profiles: Sequence[DocumentProfile]) -> Comparison:
    """Compare date-ordered profiles step by step (and first to last for more than two)."""
    if len(profiles) < 2:
        return Comparison(steps=[])
    steps = [compare_pair(a, b) for a, b in zip(profiles, profiles[1:])]
    overall = compare_pair(profiles[0], profiles[-1]) if len(profiles) > 2 else None
    return Comparison(steps=steps, first_to_last=overall)
