"""Per-document profile: everything the report needs from one parsed document, as plain serialisable data.

A profile is built from a spaCy Doc once and holds no reference to it, so docs can be freed (``memory_zone``)
and profiles can cross process boundaries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .corpus import Document
from .textstats import readability_scores, text_statistics

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Marker", "Mention", "Entity", "Sentence", "DocumentProfile", "extract_markers", "profile_document",
           "marker_measures"]

MARKER_CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement")


@dataclass(frozen=True)
class Marker:
    """One metadiscourse cue; ``start``/``end`` are character offsets into the document text."""

    category: str
    subcategory: str
    text: str
    start: int
    end: int
    voice: str
    sentence: int
    #: Hedges: True when the hedge withholds commitment to the truth of a proposition, False for approximator-type
    #: hedges (quantity, degree, frequency, generality, vague sources); None for the other categories.
    epistemic: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    kind: str = "name"
    metonymy: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Entity:
    """A canonical entity of one document with all its mentions."""

    name: str
    label: str
    count: int
    rate_per_1000_words: float
    first_position: int
    first_position_relative: float
    mentions: list[Mention]
    demonym_of: str | None = None
    metonymy_count: int = 0
    sentences: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mentions"] = [m.to_dict() for m in self.mentions]
        return data


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    hedges: int
    boosters: int
    uncertain: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocumentProfile:
    """Measures, markers, entities and sentences of one dated document."""

    document: Document
    stats: dict[str, Any]
    readability: dict[str, float]
    markers: list[Marker]
    marker_measures: dict[str, Any]
    entities: list[Entity]
    sentences: list[Sentence]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def date(self):
        return self.document.date

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": doc.id,
            "date": doc.date.isoformat(),
            "title": doc.title,
            "subtitle": doc.subtitle,
            "author": doc.author,
            "venue": doc.venue,
            "url": doc.url,
            "source": doc.source,
            "metadata": dict(doc.metadata),
            "text": doc.text,
            "boilerplate": [b.to_dict() for b in doc.boilerplate],
            "stats": dict(self.stats),
            "readability": dict(self.readability),
            "markers": [m.to_dict() for m in self.markers],
            "marker_measures": self.marker_measures,
            "entities": [e.to_dict() for e in self.entities],
            "sentences": [s.to_dict() for s in self.sentences],
            "attributions": list(self.attributions),
            "claims": list(self.claims),
        }


def _per_thousand(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def marker_measures(markers: list[Marker], words: int, sentences: list[Sentence]) -> dict[str, Any]:
    """Counts and rates per 1,000 words by category and subcategory (all voices and the author's own),
    the hedge/booster ratio and the share of sentences with a hedge."""
    by_category = {c: {"count": 0, "rate": 0.0, "author_count": 0, "author_rate": 0.0} for c in MARKER_CATEGORIES}
    by_subcategory: dict[str, Counter] = defaultdict(Counter)
    for marker in markers:
        entry = by_category.setdefault(marker.category, {"count": 0, "rate": 0.0, "author_count": 0, "author_rate": 0.0})
        entry["count"] += 1
        if marker.voice == "author":
            entry["author_count"] += 1
        by_subcategory[marker.category][marker.subcategory] += 1
    for entry in by_category.values():
        entry["rate"] = _per_thousand(entry["count"], words)
        entry["author_rate"] = _per_thousand(entry["author_count"], words)
    hedges = by_category["hedge"]["author_count"]
    boosters = by_category["booster"]["author_count"]
    with_hedge = sum(1 for s in sentences if s.hedges)
    return {
        "words": words,
        "by_category": by_category,
        "by_subcategory": {c: dict(sorted(v.items())) for c, v in sorted(by_subcategory.items())},
        "hedge_booster_ratio": round(hedges / boosters, 2) if boosters else None,
        "sentences_with_hedge": with_hedge,
        "share_sentences_with_hedge": round(with_hedge / len(sentences), 3) if sentences else 0.0,
        **_epistemic_hedge_measures(markers, words, sentences),
    }


def _epistemic_hedge_measures(markers: list[Marker], words: int, sentences: list[Sentence]) -> dict[str, Any]:
    """The hedges that withhold commitment to truth (``Marker.epistemic``), apart from approximator-type hedges:
    counts and rates per 1,000 words (all voices and the author's own) and the share of sentences with one."""
    epistemic = [m for m in markers if m.epistemic]
    author = sum(1 for m in epistemic if m.voice == "author")
    with_epistemic = len({m.sentence for m in epistemic})
    return {
        "epistemic_hedge": {"count": len(epistemic), "rate": _per_thousand(len(epistemic), words),
                            "author_count": author, "author_rate": _per_thousand(author, words)},
        "sentences_with_epistemic_hedge": with_epistemic,
        "share_sentences_with_epistemic_hedge": round(with_epistemic / len(sentences), 3) if sentences else 0.0,
    }


def extract_markers(doc: "Doc", sentence_of: list[int] | None = None, spans_key: str = "kn_markers") -> list[Marker]:
    """The metadiscourse markers of a processed Doc, with character offsets and sentence index."""
    return [marker for _, marker in _markers_at_tokens(doc, sentence_of, spans_key)]


def _markers_at_tokens(doc: "Doc", sentence_of: list[int] | None, spans_key: str) -> list[tuple[int, Marker]]:
    """:func:`extract_markers` with each marker's first token index (the claims need it)."""
    if spans_key not in doc.spans:
        return []
    if sentence_of is None:
        sentence_of = [0] * len(doc)
        for index, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                sentence_of[i] = index
    return [
        (span.start, Marker(
            category=span.label_,
            subcategory=span._.kn_subcategory or "",
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            voice=span._.kn_voice or "author",
            sentence=sentence_of[span.start],
            epistemic=span._.kn_epistemic,
        ))
        for span in doc.spans[spans_key]
    ]


def _entities(doc: "Doc", words: int, sentence_of_char: Any, length: int) -> list[Entity]:
    mentions = doc._.kn_entity_mentions if doc.has_extension("kn_entity_mentions") else None
    if not mentions:
        return []
    grouped: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        grouped[m["canonical"]].append(m)
    length = max(length, 1)
    entities = []
    for name, items in grouped.items():
        items.sort(key=lambda m: m["start"])
        labels = Counter(m["label"] for m in items)
        entities.append(
            Entity(
                name=name,
                label=labels.most_common(1)[0][0],
                count=len(items),
                rate_per_1000_words=_per_thousand(len(items), words),
                first_position=items[0]["start"],
                first_position_relative=round(items[0]["start"] / length, 3),
                mentions=[Mention(m["text"], m["start"], m["end"], m["kind"], m["metonymy"]) for m in items],
                demonym_of=next((m["demonym_of"] for m in items if m.get("demonym_of")), None),
                metonymy_count=sum(1 for m in items if m["metonymy"]),
                sentences=sorted({sentence_of_char(m["start"]) for m in items}),
            )
        )
    entities.sort(key=lambda e: (-e.count, e.first_position))
    return entities


def _end_char(token: "Token") -> int:
    return token.idx + len(token.text)


def profile_document(document: Document, doc: "Doc", *, markers_key: str = "kn_markers") -> DocumentProfile:
    """Build the profile of one document from its parsed Doc (the Doc's text must be ``document.text``)."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) != len(document.text) or (
        last is not None and not document.text.startswith(doc[0].text)
    ):  # a cheap check: Doc.text rebuilds the whole string
        raise ValueError(f"document {document.id!r}: the parsed Doc's text differs from the document text")
    sents = list(doc.sents)  # Doc.sents is recomputed on every access: once per document
    stats = text_statistics(doc, sents)
    sentence_of = [0] * len(doc)
    for index, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = index
    starts = [s.start_char for s in sents]

    def sentence_of_char(offset: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(starts, offset) - 1)

    located_markers = _markers_at_tokens(doc, sentence_of, markers_key)
    markers = [marker for _, marker in located_markers]
    hedge_count = Counter(m.sentence for m in markers if m.category == "hedge")
    booster_count = Counter(m.sentence for m in markers if m.category == "booster")
    sentences = [
        Sentence(i, s.start_char, s.end_char, document.text[s.start_char : s.end_char], hedge_count[i],
                 booster_count[i], hedge_count[i] > 0)
        for i, s in enumerate(sents)
    ]
    attributions = []
    for a in (doc._.kn_attributions or []) if doc.has_extension("kn_attributions") else []:
        attributions.append({
            "kind": a["kind"], "cue": a["cue"], "verb_class": a["verb_class"], "cue_kind": a["cue_kind"],
            "holder": a["holder"],
            "content": document.text[doc[a["content_start"]].idx : _end_char(doc[a["content_end"] - 1])],
            "start": doc[a["content_start"]].idx,
            "end": _end_char(doc[a["content_end"] - 1]),
            "sentence": sentence_of[a["content_start"]],
        })
    from .stance.claims import extract_claims

    marker_dicts = [{"category": m.category, "subcategory": m.subcategory, "text": m.text, "voice": m.voice,
                     "token": token} for token, m in located_markers]
    raw_attributions = (doc._.kn_attributions or []) if doc.has_extension("kn_attributions") else []
    mentions = (doc._.kn_entity_mentions or []) if doc.has_extension("kn_entity_mentions") else []
    claims = extract_claims(doc, marker_dicts, raw_attributions, mentions, sents, text=document.text)
    return DocumentProfile(
        document=document,
        stats=stats,
        readability=readability_scores(document.text),
        markers=markers,
        marker_measures=marker_measures(markers, int(stats["words"]), sentences),
        entities=_entities(doc, int(stats["words"]), sentence_of_char, len(document.text)),
        sentences=sentences,
        attributions=attributions,
        claims=claims,
    )
