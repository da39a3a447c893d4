"""Propositions of a comparison step: claims of two documents grouped by what they assert, and the author's position
on each in each document.

Claims are grouped greedily by alignment strength (strongest first, as Kruskal's algorithm builds a spanning
forest), so that a proposition grows only through claims that align with one of its members, and never beyond
:data:`MAX_CLAIMS_PER_SIDE` claims of one document: a chain of weak links cannot merge unrelated claims. The
author's stance claims (*these claims are questionable*) join the proposition of the claim they are about.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal, Sequence

from ..results import CERTAINTY_SCORES, Certainty, Claim, Position
from .edits import ClauseCorrespondence
from .align import (Alignment, ClaimFeatures, align_features, comparable_times, features, named_participants,
                    participants, shared_of)

__all__ = ["MAX_CLAIMS_PER_SIDE", "Proposition", "find_propositions", "position_of", "representative",
           "stances_on"]

#: A proposition holds at most this many claims of each document.
MAX_CLAIMS_PER_SIDE = 6
#: Frames whose stance is the author's current one; a stance in the past (*my initial response was ...*) is
#: superseded by a current stance on the same claim.
CURRENT_FRAMES = frozenset({"present", "future", "generic", "hypothetical"})


@dataclass(frozen=True)
class Proposition:
    """Claims of an earlier and a later document that express one proposition (either side may be empty), with
    what they share."""

    earlier: tuple[int, ...]
    later: tuple[int, ...]
    shared_participants: tuple[str, ...]
    shared_predicates: tuple[str, ...]
    score: float
    #: The members of each side aligned directly with a claim of the other document (the others joined through a
    #: claim of their own document); empty when the proposition was not built by :func:`find_propositions`.
    anchored_earlier: tuple[int, ...] = ()
    anchored_later: tuple[int, ...] = ()

    @property
    def aligned(self) -> bool:
        return bool(self.earlier) and bool(self.later)


def _year_of(claims: Sequence[Claim], default: int) -> int:
    """The year to judge historical anchors by, for links inside one document (the earlier document's year is a safe
    lower bound for the later document)."""
    return default


class _Forest:
    """Union-find over claim nodes, tracking each group's size per document and what its links share."""

    def __init__(self, nodes: Sequence[tuple[int, int]]) -> None:
        self.parent = {n: n for n in nodes}
        self.sizes = {n: [0, 0] for n in nodes}
        for side, index in nodes:
            self.sizes[(side, index)][side] = 1
        self.links: dict[tuple[int, int], list[Alignment]] = defaultdict(list)
        self.anchored: set[tuple[int, int]] = set()

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: tuple[int, int], b: tuple[int, int], alignment: Alignment) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            self.links[ra].append(alignment)
            if a[0] != b[0]:
                self.anchored.update((a, b))
            return
        merged = [self.sizes[ra][0] + self.sizes[rb][0], self.sizes[ra][1] + self.sizes[rb][1]]
        if max(merged) > MAX_CLAIMS_PER_SIDE:
            return
        if a[0] != b[0]:
            self.anchored.update((a, b))
        self.parent[rb] = ra
        self.sizes[ra] = merged
        self.links[ra] += self.links.pop(rb, []) + [alignment]


def within_document_links(claims: Sequence[Claim], year: int) -> list[tuple[int, int, float]]:
    """Pairs of claims of one document that express the same proposition, with their alignment score: computed once
    per document (with its profile) and reused by every comparison step the document is part of."""
    nodes = [((0, c.index), features(c)) for c in claims if c.stance is None]
    links = []
    for i, j in _candidate_pairs(nodes):
        (node_a, a), (node_b, b) = nodes[i], nodes[j]
        alignment = align_features(a, b, year)
        if alignment is not None:
            links.append((min(node_a[1], node_b[1]), max(node_a[1], node_b[1]), alignment.score))
    return sorted(links)


def _candidate_pairs(claims: Sequence[tuple[tuple[int, int], ClaimFeatures]],
                     cross_only: bool = False) -> set[tuple[int, int]]:
    """Pairs of positions in ``claims`` that may align (:func:`kalinovsky_nlp.judgement.align.align_features`): they
    have in common what alignment reads besides a participant (a predicate word, the gist, or an object of the
    author's own action; an inverted index, since most pairs share none), and a participant other than the author, or
    the author and one of its actions (*continue its purchases*). With ``cross_only``, only pairs from different
    documents."""
    return {(first, second) for first, second in _pairs(_alignable_index(claims), claims, cross_only)
            if _share_a_participant(claims[first][1], claims[second][1])}


def _share_a_participant(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two claims share a participant other than the author, or are both the author's and share an action."""
    common = a.participants & b.participants
    if len(common) > 1 or (common and "author" not in common):
        return True
    return bool(common) and bool(a.predicate_keys & b.predicate_keys)


def _alignable_index(claims: Sequence[tuple[tuple[int, int], ClaimFeatures]]) -> dict[str, list[int]]:
    """Positions by what two aligned claims have in common besides a participant: a predicate word, the gist, or an
    object of the author's own action."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, (_, claim) in enumerate(claims):
        for word in claim.predicate_words:
            index["word:" + word].append(position)
        if claim.claim.gist:
            index["gist:" + claim.claim.gist].append(position)
        if claim.author_acts:
            for thing in claim.objects:
                index["object:" + thing].append(position)
    return index


def _pairs(index: dict[str, list[int]], claims: Sequence[tuple[tuple[int, int], ClaimFeatures]],
           cross_only: bool) -> set[tuple[int, int]]:
    """The pairs of positions (first, second) that share an entry of ``index``."""
    pairs: set[tuple[int, int]] = set()
    for positions in index.values():
        if cross_only:
            earlier = [p for p in positions if claims[p][0][0] == 0]
            later = [p for p in positions if claims[p][0][0] == 1]
            pairs.update((a, b) for a in earlier for b in later)
            continue
        for i, first in enumerate(positions):
            for second in positions[i + 1 :]:
                pairs.add((first, second))
    return pairs


#: Two sentences restate each other when this share of their content words is common to both (Jaccard).
RESTATEMENT = 0.5


def restatements(earlier: Sequence[Sequence[str]], later: Sequence[Sequence[str]]) -> dict[tuple[int, int], float]:
    """Pairs (earlier sentence, later sentence) that restate each other, with their similarity: authors who write
    in series (statements, reports, speeches) restate sentences with edits, and an edited restatement is the
    clearest sign that two claims are about the same matter. Each sentence pairs with its most similar one."""
    sets_a = [set(s) for s in earlier]
    sets_b = [set(s) for s in later]
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(sets_a):
        for word in words:
            index[word].append(i)
    pairs: dict[tuple[int, int], float] = {}
    for j, words in enumerate(sets_b):
        if len(words) < 4:
            continue
        counts: dict[int, int] = defaultdict(int)
        for word in words:
            for i in index.get(word, ()):
                counts[i] += 1
        # Jaccard: the union's size is both sizes less the words in common
        best = max(((common / (len(sets_a[i]) + len(words) - common), i) for i, common in counts.items()),
                   default=None)
        if best is not None and best[0] >= RESTATEMENT:
            pairs[(best[1], j)] = best[0]
    return pairs


def find_propositions(earlier: Sequence[Claim], later: Sequence[Claim], earlier_year: int,
                      restated: dict[tuple[int, int], float] | None = None,
                      links: tuple[Sequence[tuple[int, int, float]], Sequence[tuple[int, int, float]]] | None = None,
                      clauses: ClauseCorrespondence | None = None,
                      features_of: tuple[Sequence[ClaimFeatures], Sequence[ClaimFeatures]] | None = None
                      ) -> list[Proposition]:
    """The propositions of two documents' claims (stance claims excluded: they follow their targets).

    ``restated``: sentence pairs that restate each other (:func:`restatements`): their claims align when they are
    one clause restated (``clauses``, placing each claim in its sentence), share a participant and their times
    compare, even with a different predicate (*keep the target range* / *raise the target range*).
    ``features_of``: each document's :func:`features`, claim by claim, when already computed (a document takes
    part in two comparison steps)."""
    same_clause = clauses if clauses is not None else ClauseCorrespondence()
    features_a, features_b = features_of if features_of is not None else (
        [features(c) for c in earlier], [features(c) for c in later])
    nodes = [((0, c.index), features_a[c.index]) for c in earlier if c.stance is None] + \
        [((1, c.index), features_b[c.index]) for c in later if c.stance is None]
    edges: list[tuple[float, tuple[int, int], tuple[int, int], Alignment]] = []
    feature_of = dict(nodes)
    if restated:
        by_sentence_a: dict[int, list[Claim]] = defaultdict(list)
        by_sentence_b: dict[int, list[Claim]] = defaultdict(list)
        for c in earlier:
            if c.stance is None:
                by_sentence_a[c.sentence].append(c)
        for c in later:
            if c.stance is None:
                by_sentence_b[c.sentence].append(c)
        for (i, j), similarity in restated.items():
            for a in by_sentence_a.get(i, ()):
                for b in by_sentence_b.get(j, ()):
                    shared = set(shared_of(feature_of[(0, a.index)], feature_of[(1, b.index)]))
                    if shared and comparable_times(a, b, earlier_year) and same_clause(a, b):
                        alignment = Alignment(tuple(sorted(shared)), ("(restated sentence)",), 2.0 + 3 * similarity)
                        edges.append((alignment.score, (0, a.index), (1, b.index), alignment))
    for i, j in _candidate_pairs(nodes, cross_only=links is not None):
        (node_a, fa), (node_b, fb) = nodes[i], nodes[j]
        if node_a[0] == 1 and node_b[0] == 0:
            node_a, fa, node_b, fb = node_b, fb, node_a, fa
        aligned = align_features(fa, fb, earlier_year if node_a[0] != node_b[0] else
                                 (earlier_year if node_a[0] == 0 else _year_of(later, earlier_year)))
        if aligned is not None:
            edges.append((aligned.score, node_a, node_b, aligned))
    if links is not None:
        for side, side_links in enumerate(links):
            for first, second, score in side_links:
                edges.append((score, (side, first), (side, second), Alignment((), (), score)))
    forest = _Forest([n for n, _ in nodes])
    for _, node_a, node_b, alignment in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        forest.union(node_a, node_b, alignment)
    groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for node, _ in nodes:
        groups[forest.find(node)].append(node)
    found = []
    for root, members in groups.items():
        if len(members) == 1 and not forest.links.get(root):  # most claims align with none: the short way
            side, i = members[0]
            one, anchored = (i,), members[0] in forest.anchored
            found.append(Proposition(earlier=one if side == 0 else (), later=one if side == 1 else (),
                                     shared_participants=(), shared_predicates=(), score=0.0,
                                     anchored_earlier=one if side == 0 and anchored else (),
                                     anchored_later=one if side == 1 and anchored else ()))
            continue
        cross = list(forest.links.get(root, []))
        shared_keys = sorted({k for a in cross for k in a.shared_participants})
        shared_predicates = sorted({k for a in cross for k in a.shared_predicates})
        found.append(Proposition(
            earlier=tuple(sorted(i for side, i in members if side == 0)),
            later=tuple(sorted(i for side, i in members if side == 1)),
            shared_participants=tuple(shared_keys),
            shared_predicates=tuple(shared_predicates),
            score=max((a.score for a in cross), default=0.0),
            anchored_earlier=tuple(sorted(i for side, i in members if side == 0 and (side, i) in forest.anchored)),
            anchored_later=tuple(sorted(i for side, i in members if side == 1 and (side, i) in forest.anchored)),
        ))
    found.sort(key=lambda p: (-p.score, p.earlier, p.later))
    return found


def stances_on(claims: Sequence[Claim], members: Sequence[int]) -> list[Claim]:
    """The author's stance claims about any of ``members``."""
    wanted = set(members)
    return [c for c in claims if c.stance is not None and c.stance.target in wanted]


def position_of(claims: Sequence[Claim], members: Sequence[int]) -> Position | None:
    """The author's position on a proposition in one document: the author's latest current stance on it if there is
    one (an earlier stance in the past is kept as ``initial_certainty``), else the strongest commitment among the
    author's own claims, else uncommitted (only reported)."""
    if not members:
        return None
    own = [claims[i] for i in members]
    stances = stances_on(claims, members)
    author = [c for c in own if c.voice == "author"]
    reported = [c for c in own if c.voice == "reported"]
    initial: Certainty | None = None
    certainty: Certainty
    if stances:
        current = [s for s in stances if s.stance is not None and s.stance.time_frame in CURRENT_FRAMES]
        chosen = (current or stances)[-1]
        assert chosen.stance is not None
        certainty = chosen.stance.certainty
        past = [s for s in stances if s.stance is not None and s.stance.time_frame == "past" and s is not chosen]
        if past and past[0].stance is not None and past[0].stance.certainty != certainty:
            initial = past[0].stance.certainty
    elif author:
        certainty = max(author, key=lambda c: (abs(CERTAINTY_SCORES[c.certainty]), c.index)).certainty
    else:
        certainty = "Uu"
    asserted = [c for c in author if c.certainty != "Uu"]
    voice: Literal["author", "reported", "both"]
    if reported and asserted:
        voice = "both"
    elif reported:
        voice = "reported"  # others assert it; the author at most comments on it
    else:
        voice = "author"
    evaluated = [c.evaluation_score for c in author if c.evaluations]
    evaluation = round(sum(evaluated) / len(evaluated), 2) if evaluated else 0.0
    return Position(certainty=certainty, voice=voice, evaluation=evaluation, claims=len(own) + len(stances),
                    author_claims=len(author) + len(stances), initial_certainty=initial)


def representative(claims: Sequence[Claim], members: Sequence[int], shared: Sequence[str] = ()) -> Claim | None:
    """The claim that best names a proposition: one the author's stance is about, else the author's own claim that
    carries a judgement (an epistemic cue, a rejection, an evaluation), else the author's most committed claim with
    the most participants, else the first reported one; among them, one about something besides the author (*the
    Committee judges* names nothing the author judges) and, given the participants the aligned claims share
    (``shared``), one whose subjects are all among them (*inflation has moved closer to its objective* names what
    aligned on *inflation* and *objective*, *labor market indicators and inflation move toward levels* does not)."""
    own = [claims[i] for i in members]
    if not own:
        return None
    targeted = {c.stance.target for c in claims if c.stance is not None}
    wanted = set(shared)

    def about_shared(c: Claim) -> bool:
        subjects = {a.key for a in c.arguments if a.role == "subject"}
        return bool(wanted) and bool(subjects) and subjects <= wanted

    def judged(c: Claim) -> bool:
        return bool(c.evaluations) or c.polarity == "negative" or c.certainty[:2] in ("PR", "PS")

    def about_something(c: Claim) -> bool:
        return any(a.key != "author" for a in c.arguments)

    return max(own, key=lambda c: (c.index in targeted, about_something(c), about_shared(c), c.voice == "author",
                                   judged(c),
                                   c.role != "presupposition",
                                   len(named_participants(c)), abs(CERTAINTY_SCORES[c.certainty]), -c.index))
