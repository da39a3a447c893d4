"""When two claims express the same proposition: shared participants, a related predicate, comparable times.

Two claims align only when they share a participant (a canonical entity, or a noun-phrase head when the claims
name no entity in common; not when the two noun phrases are qualified apart, *the unemployment rate* / *the federal
funds rate*) *and* a predicate word (the predicate's lemma, its object, or the verbal base of either:
*supply* / *supplies* / *supplier*, *arm* / *arms*), and their time frames are comparable. A light verb (*be*, *have*,
*make*, ``lexicons/light_verbs.txt``) is not a predicate word on its own. A shared noun that carries both predicates
(*there has been progress* / *has seen progress*) is one; and two claims that bring the same subject to the same goal,
or place it against the same point, align whatever their verbs (*will move back to the target* / *will rise to the
target*, *ran below the target* / *declined further below the target*).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..components.claims import relational_adjectives
from ..lexicons import read_word_list
from ..results import Claim

__all__ = ["Alignment", "ClaimFeatures", "align", "align_features", "attention_verbs", "comparable_times", "features",
           "light_verbs", "named_participants", "noun_qualifiers", "participants", "predicate_words", "same_referent",
           "shared_of", "shared_participants"]

#: A claim about the past that names a year more than this many years before the earlier document narrates
#: history: it is compared only with other claims about the past.
HISTORY_MARGIN = 1


@functools.lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs too general to align claims on their own (``lexicons/light_verbs.txt``)."""
    return read_word_list("light_verbs.txt")


@functools.lru_cache(maxsize=1)
def attention_verbs() -> frozenset[str]:
    """Verbs of examining, assessing and watching (``lexicons/attention_verbs.txt``): a change between two of them
    is how the author looks at a matter, not a revision of its position."""
    return read_word_list("attention_verbs.txt")


def participants(claim: Claim) -> frozenset[str]:
    """The claim's participants: entity keys (``ent:<name>``), noun-phrase keys (``np:<lemma>``) and ``author`` when
    the author is a participant (an institution's own decisions: *the Committee decided to reduce the pace*)."""
    return frozenset(a.key for a in claim.arguments)


def named_participants(claim: Claim) -> frozenset[str]:
    """The participants a claim names by a noun or a name, without those only a relational adjective names (*economic*
    in *economic growth*: the economy takes part, but the claim is not named after it)."""
    return frozenset(a.key for a in claim.arguments if a.text.lower() not in relational_adjectives())


def noun_qualifiers(claim: Claim) -> dict[str, frozenset[str]]:
    """The qualifiers of each noun-phrase participant (joined when the claim names the head twice; empty when
    unqualified)."""
    found: dict[str, set[str]] = {}
    for argument in claim.arguments:
        if argument.key.startswith("np:"):
            found.setdefault(argument.key, set()).update(argument.qualifiers)
    return {key: frozenset(words) for key, words in found.items()}


def same_referent(first: frozenset[str] | None, second: frozenset[str] | None) -> bool:
    """Whether two noun phrases with the same head can name the same thing: unless both are qualified and neither's
    qualifiers include the other's (*the rate* / *the unemployment rate* can; *the unemployment rate* / *the federal
    funds rate* cannot)."""
    return not first or not second or first <= second or second <= first


def shared_participants(a: Claim, b: Claim) -> frozenset[str]:
    """The participants two claims share: their common keys, without noun-phrase heads qualified apart."""
    common = participants(a) & participants(b)
    if not any(k.startswith("np:") for k in common):
        return common
    return _referring_alike(common, noun_qualifiers(a), noun_qualifiers(b))


def shared_of(fa: "ClaimFeatures", fb: "ClaimFeatures") -> frozenset[str]:
    """:func:`shared_participants` on precomputed features."""
    common = fa.participants & fb.participants
    if not fa.qualifiers or not fb.qualifiers:
        return common
    return _referring_alike(common, fa.qualifiers, fb.qualifiers)


def _referring_alike(keys: frozenset[str], first: dict[str, frozenset[str]],
                     second: dict[str, frozenset[str]]) -> frozenset[str]:
    return frozenset(k for k in keys if same_referent(first.get(k), second.get(k)))


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
    if a.time_frame == "future" and b.time_frame in ("present", "past"):
        # a plan or prediction of the earlier text and what the later text says of it (*will raise the rate when
        # ...* / *decided to raise the rate*), unless the later claim narrates a time before the earlier text
        return b.anchor_year is None or b.anchor_year >= earlier_year
    return False


@dataclass(frozen=True)
class Alignment:
    """Why two claims align: the participants and predicate words they share, and a score for ranking."""

    shared_participants: tuple[str, ...]
    shared_predicates: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class ClaimFeatures:
    """What alignment reads of a claim, computed once per claim and step."""

    claim: Claim
    participants: frozenset[str]
    predicate_words: frozenset[str]
    predicate_keys: frozenset[str]
    entity_roles: dict[str, frozenset[str]]
    objects: frozenset[str]
    author_acts: bool
    qualifiers: dict[str, frozenset[str]]
    subjects: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()


def features(claim: Claim) -> ClaimFeatures:
    """The alignment features of a claim."""
    roles: dict[str, set[str]] = {}
    objects = set()
    for argument in claim.arguments:
        if argument.entity:
            roles.setdefault(argument.key, set()).add("subject" if argument.role == "subject" else "other")
        if argument.role == "object" and argument.key != "author":
            objects.add(argument.key)
    author_acts = claim.voice == "author" and any(a.key == "author" and a.role == "subject" for a in claim.arguments)
    return ClaimFeatures(claim, participants(claim), predicate_words(claim), frozenset(claim.predicate_keys),
                         {k: frozenset(v) for k, v in roles.items()}, frozenset(objects), author_acts,
                         {k: v for k, v in noun_qualifiers(claim).items() if v},
                         frozenset(a.key for a in claim.arguments if a.role == "subject"),
                         frozenset(a.key for a in claim.arguments if a.role == "goal"))


def _entities_agree(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two claims that each name two or more entities relate them: they must share two of them (*Russia works with
    the Taliban* is not *Russia and the United States work together*); and no shared entity may be the subject of one
    claim and only an object of the other (*the U.S. pushes the opposition* is not *Russia pushes the U.S. out*)."""
    roles_a, roles_b = a.entity_roles, b.entity_roles
    shared = roles_a.keys() & roles_b.keys()
    if len(shared) < min(2, len(roles_a), len(roles_b)):
        return False
    return all(roles_a[key] & roles_b[key] for key in shared)


def align(a: Claim, b: Claim, earlier_year: int) -> Alignment | None:
    """The alignment of two claims (``a`` from the earlier document), or None when they do not express the same
    proposition."""
    return align_features(features(a), features(b), earlier_year)


def align_features(fa: ClaimFeatures, fb: ClaimFeatures, earlier_year: int) -> Alignment | None:
    """:func:`align` on precomputed features."""
    a, b = fa.claim, fb.claim
    shared = shared_of(fa, fb)
    if not shared:
        return None
    if a.gist and a.gist == b.gist and a.time_frame == b.time_frame and shared == fa.participants:
        return Alignment(tuple(sorted(fa.participants)), tuple(sorted(fa.predicate_keys)), 3.0 + len(fa.participants))
    if fa.author_acts and fb.author_acts:
        things = fa.objects & fb.objects
        if things and _entities_agree(fa, fb) and comparable_times(a, b, earlier_year):
            # the author's own actions on the same thing: *keep the target range* / *raise the target range*
            return Alignment(tuple(sorted(shared)), (), 3.0 + len(things))
    if shared == {"author"} and not (fa.predicate_keys & fb.predicate_keys) - light_verbs():
        return None  # the author alone: only claims about the same action (*continue its purchases*) align
    common_words = fa.predicate_words & fb.predicate_words
    if not common_words:
        return _same_goal(fa, fb, shared, earlier_year)
    # without an entity in common, a shared noun cannot be both the participant and the predicate word
    # (*inflation rises* / *inflation falls*); between entities it can (*supply arms* / *provide arms*), and so can
    # the predicate noun of two copulas (*the line is a success* / *the line is a remarkable success*)
    entities_shared = any(k.startswith("ent:") for k in shared)
    copular_noun = a.predicate if a.predicate == b.predicate and "np:" + a.predicate in shared else None
    predicate_nouns = _predicate_nouns(fa, fb)
    content_beyond = common_words - light_verbs() - (
        set() if entities_shared else {key[3:] for key in shared if key.startswith("np:") and key[3:] != copular_noun
                                       and key[3:] not in predicate_nouns})
    if not content_beyond:
        return _same_goal(fa, fb, shared, earlier_year)
    if not _entities_agree(fa, fb) or not comparable_times(a, b, earlier_year):
        return None
    entities = sum(1 for k in shared if k.startswith("ent:"))
    score = 2.0 * entities + len(shared) - entities + len(content_beyond) + (a.predicate == b.predicate)
    return Alignment(tuple(sorted(shared)), tuple(sorted(content_beyond)), score)


def _predicate_nouns(fa: ClaimFeatures, fb: ClaimFeatures) -> frozenset[str]:
    """Nouns that carry the predicate of both claims: the pivot of an existential in one (*there has been
    improvement*) and the pivot or the object of the other's predicate (*has seen improvement*). Such a noun names
    what is claimed, not only a participant, so it aligns the two like a shared verb. A claim's first predicate key is
    its predicate's (or, after a light verb such as *have*, its first content word's: ``components.claims``)."""
    words = fa.predicate_keys & fb.predicate_keys
    heads = {*fa.claim.predicate_keys[:1], *fb.claim.predicate_keys[:1]}
    return frozenset(w for w in words if w in heads)


def _same_goal(fa: ClaimFeatures, fb: ClaimFeatures, shared: frozenset[str], earlier_year: int) -> Alignment | None:
    """Two claims that bring the same subject to the same goal or place it against the same point, whatever their
    verbs (*inflation will move back to the target* / *inflation will rise to the target*; *ran below the target* /
    *declined further below the target*: the ``goal`` arguments of ``components.claims``), or None. The goal stands
    for the predicate word the two verbs do not share."""
    goals = fa.goals & fb.goals & shared
    if not goals or not fa.subjects & fb.subjects & shared or not _entities_agree(fa, fb) or \
            not comparable_times(fa.claim, fb.claim, earlier_year):
        return None
    entities = sum(1 for k in shared if k.startswith("ent:"))
    return Alignment(tuple(sorted(shared)), (), 2.0 * entities + len(shared) - entities + len(goals))
