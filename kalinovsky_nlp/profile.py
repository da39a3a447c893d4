"""Per-document profile: everything the report needs from one parsed document, as plain serialisable data.

A profile is built from a spaCy Doc once and holds no reference to it, so docs can be freed (``memory_zone``)
and profiles can cross process boundaries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from .corpus import Document
from .results import (MARKER_CATEGORIES, CategoryMeasures, Claim, Entity, EntityMention, Marker, MarkerMeasures,
                      Mention, Sentence)
from .schema import claim_to_dict, plain
from .textstats import READABILITY_MEASURES, TextStats, readability_scores, text_statistics

from .components.attribution import Attribution
from .components.claims import extract_claims
from .components.extensions import DEFAULT_MARKER_EXTENSIONS, MarkerExtensions
from .judgement.propositions import within_document_links

if TYPE_CHECKING:
    import datetime

    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_CHUNK_SIZE", "CategoryMeasures", "Marker", "MarkerMeasures", "Mention",
           "Entity", "Sentence", "DocumentProfile", "attributions_of", "entity_mentions", "extract_markers",
           "marker_measures", "prepare", "profile_chunk", "profile_document", "profile_documents"]

#: Documents per nlp.pipe batch, chosen with bench/scale.py (documents of ~800 words, the small English model):
#: batches of 16 to 64 run within the machine's noise of each other, and peak memory grows with the batch, so 16.
#: For documents much longer than ~800 words, pass a smaller batch.
DEFAULT_BATCH_SIZE = 16
#: Documents parsed inside one spaCy memory zone before the zone's strings are freed.
DEFAULT_CHUNK_SIZE = 512


@dataclass
class DocumentProfile:
    """Measures, markers, entities and sentences of one dated document."""

    document: Document
    stats: TextStats
    readability: Mapping[str, float | None]
    markers: list[Marker]
    marker_measures: MarkerMeasures
    entities: list[Entity]
    sentences: list[Sentence]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    terms: dict[str, int] = field(default_factory=dict)
    claim_links: list[tuple[int, int, float]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def date(self) -> datetime.date:
        return self.document.date

    def __repr__(self) -> str:
        """One line: the document, its date and what was found in it (not the text or the lists)."""
        title = self.document.title or ""
        title = title if len(title) <= 48 else title[:47].rstrip() + "\u2026"
        return (f"<DocumentProfile {self.id!r} {self.date.isoformat()}{' ' + repr(title) if title else ''}: "
                f"{self.stats.words:,} words, {len(self.sentences):,} sentences, {len(self.markers):,} "
                f"markers, {len(self.entities):,} entities, {len(self.claims):,} claims>")

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
            "stats": plain(self.stats),
            "readability": dict(self.readability),
            "markers": [m.to_dict() for m in self.markers],
            "marker_measures": plain(self.marker_measures),
            "entities": [e.to_dict() for e in self.entities],
            "sentences": [s.to_dict() for s in self.sentences],
            "attributions": list(self.attributions),
            "claims": [claim_to_dict(c) for c in self.claims],
            "terms": dict(self.terms),
            "claim_links": [list(link) for link in self.claim_links],
        }


def _per_thousand(count: float, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def _category_measures(count: int, author_count: int, words: int) -> CategoryMeasures:
    return CategoryMeasures(count=count, rate=_per_thousand(count, words), author_count=author_count,
                            author_rate=_per_thousand(author_count, words))


def marker_measures(markers: list[Marker], words: int, sentences: list[Sentence]) -> MarkerMeasures:
    """Counts and rates per 1,000 words by category and subcategory (all voices and the author's own),
    the hedge/booster ratio and the share of sentences with a hedge."""
    # every category of MARKER_CATEGORIES, then any other a user's lexicon has, in the order first met
    counts: dict[str, int] = dict.fromkeys(MARKER_CATEGORIES, 0)
    author_counts: dict[str, int] = dict.fromkeys(MARKER_CATEGORIES, 0)
    by_subcategory: dict[str, Counter[str]] = defaultdict(Counter)
    for marker in markers:
        counts[marker.category] = counts.get(marker.category, 0) + 1
        author_counts[marker.category] = author_counts.get(marker.category, 0) + (1 if marker.voice == "author" else 0)
        by_subcategory[marker.category][marker.subcategory] += 1
    by_category = {c: _category_measures(counts[c], author_counts[c], words) for c in counts}
    hedges = by_category["hedge"].author_count
    boosters = by_category["booster"].author_count
    with_hedge = sum(1 for s in sentences if s.hedges)
    epistemic, with_epistemic, share_epistemic = _epistemic_hedge_measures(markers, words, sentences)
    return MarkerMeasures(
        words=words,
        by_category=by_category,
        by_subcategory={c: dict(sorted(v.items())) for c, v in sorted(by_subcategory.items())},
        hedge_booster_ratio=round(hedges / boosters, 2) if boosters else None,
        sentences_with_hedge=with_hedge,
        share_sentences_with_hedge=round(with_hedge / len(sentences), 3) if sentences else 0.0,
        epistemic_hedge=epistemic,
        sentences_with_epistemic_hedge=with_epistemic,
        share_sentences_with_epistemic_hedge=share_epistemic,
    )


def _epistemic_hedge_measures(markers: list[Marker], words: int,
                              sentences: list[Sentence]) -> tuple[CategoryMeasures, int, float]:
    """The hedges that withhold commitment to truth (``Marker.epistemic``), apart from approximator-type hedges:
    counts and rates per 1,000 words (all voices and the author's own), the sentences with one and their share."""
    epistemic = [m for m in markers if m.epistemic]
    author = sum(1 for m in epistemic if m.voice == "author")
    with_epistemic = len({m.sentence for m in epistemic})
    return (_category_measures(len(epistemic), author, words), with_epistemic,
            round(with_epistemic / len(sentences), 3) if sentences else 0.0)


def extract_markers(doc: "Doc", sentence_of: list[int] | None = None, spans_key: str = "kn_markers",
                    extensions: MarkerExtensions = DEFAULT_MARKER_EXTENSIONS) -> list[Marker]:
    """The metadiscourse markers of a processed Doc, with character offsets and sentence index. ``spans_key`` and
    ``extensions`` are the metadiscourse component's (its config keys ``spans_key`` and ``*_extension``)."""
    return [marker for _, marker in _markers_at_tokens(doc, sentence_of, spans_key, extensions)]


def _markers_at_tokens(doc: "Doc", sentence_of: list[int] | None, spans_key: str,
                       extensions: MarkerExtensions = DEFAULT_MARKER_EXTENSIONS) -> list[tuple[int, Marker]]:
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
            subcategory=span._.get(extensions.subcategory) or "",
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            voice=span._.get(extensions.voice) or "author",
            sentence=sentence_of[span.start],
            epistemic=span._.get(extensions.epistemic),
        ))
        for span in doc.spans[spans_key]
    ]


def entity_mentions(doc: "Doc", extension: str = "kn_entity_mentions") -> list[EntityMention]:
    """The canonical-entities component's mentions of a Doc (its dicts in ``doc._.<extension>``), typed: read once
    per document for the entities, the terms and the claims."""
    if not doc.has_extension(extension):
        return []
    return [EntityMention.from_dict(m) for m in doc._.get(extension) or []]


def attributions_of(doc: "Doc", extension: str = "kn_attributions") -> list[Attribution]:
    """The attribution component's attributions of a Doc (its dicts in ``doc._.<extension>``), typed."""
    if not doc.has_extension(extension):
        return []
    return [Attribution.from_dict(a) for a in doc._.get(extension) or []]


def _author_entity_name(mention: EntityMention, aliases: tuple[str, ...]) -> str | None:
    """The author's name for a mention that is the author's own name, an alias, or the name's head noun (*the
    Committee* in the texts of the Federal Open Market Committee): one entity, not two."""
    text = mention.text
    bare = text[4:] if text.lower().startswith("the ") else text
    for alias in aliases:
        words = alias.split()
        if bare == alias or (len(words) > 1 and bare == words[-1]):
            return aliases[0]
    return None


def _entities(mentions: Sequence[EntityMention], words: int, sentence_of_char: Any, length: int,
              aliases: tuple[str, ...] = ()) -> list[Entity]:
    if not mentions:
        return []
    grouped: dict[str, list[EntityMention]] = defaultdict(list)
    for m in mentions:
        grouped[_author_entity_name(m, aliases) or m.canonical].append(m)
    length = max(length, 1)
    entities = []
    for name, items in grouped.items():
        items.sort(key=lambda m: m.start)
        labels = Counter(m.label for m in items)
        entities.append(
            Entity(
                name=name,
                label=labels.most_common(1)[0][0],
                count=len(items),
                rate_per_1000_words=_per_thousand(len(items), words),
                first_position=items[0].start,
                first_position_relative=round(items[0].start / length, 3),
                mentions=[m.report_mention() for m in items],
                demonym_of=next((m.demonym_of for m in items if m.demonym_of), None),
                metonymy_count=sum(1 for m in items if m.metonymy),
                sentences=sorted({sentence_of_char(m.start) for m in items}),
            )
        )
    entities.sort(key=lambda e: (-e.count, e.first_position))
    return entities


CONTENT_POS = ("NOUN", "VERB", "ADJ", "ADV", "PROPN")


def term_counts(doc: "Doc", mentions: Sequence[EntityMention]) -> dict[str, int]:
    """The document's vocabulary for keyness: lower-cased lemmas of content words outside entity mentions, and each
    entity mention once under its canonical name (*Federal Reserve* counts one *Federal Reserve*, not one *federal*
    and one *reserve*)."""
    import numpy as np
    from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, POS

    counts: Counter[str] = Counter()
    if not len(doc):
        return {}
    inside = np.zeros(len(doc), dtype=bool)
    for m in mentions:
        inside[m.token_start : m.token_end] = True
        counts[m.canonical] += 1
    strings = doc.vocab.strings
    content = [strings[p] for p in CONTENT_POS if p in strings]
    pos, stop, alpha, lemma = doc.to_array([POS, IS_STOP, IS_ALPHA, LEMMA]).T
    keep = np.isin(pos, content) & (stop == 0) & (alpha != 0) & ~inside
    lemmas: dict[int, str] = {}
    for lemma_id in lemma[keep].tolist():
        word = lemmas.get(lemma_id)
        if word is None:
            word = lemmas[lemma_id] = strings[lemma_id].lower()
        counts[word] += 1
    return dict(counts)


def sentence_content(doc: "Doc", sents: list[Any]) -> list[tuple[str, ...]]:
    """For each sentence, its content words (lower-cased lemmas of nouns, verbs, adjectives, adverbs, names and
    numbers, sorted, once each): what restatements of a sentence in a later text share with it."""
    import numpy as np
    from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, POS

    if not len(doc):
        return [() for _ in sents]
    strings = doc.vocab.strings
    content = [strings[p] for p in CONTENT_POS + ("NUM",) if p in strings]
    pos, stop, punct, space, lemma = doc.to_array([POS, IS_STOP, IS_PUNCT, IS_SPACE, LEMMA]).T
    keep = np.isin(pos, content) & (stop == 0) & (punct == 0) & (space == 0)
    words: dict[int, str] = {}
    out = []
    for sent in sents:
        ids = lemma[sent.start : sent.end][keep[sent.start : sent.end]].tolist()
        found = set()
        for lemma_id in ids:
            word = words.get(lemma_id)
            if word is None:
                word = words[lemma_id] = strings[lemma_id].lower()
            found.add(word)
        out.append(tuple(sorted(found)))
    return out


def author_aliases(document: Document) -> tuple[str, ...]:
    """The names the author goes by: the ``author`` field and the ``author_aliases`` of the document's metadata (a
    list, or one string with aliases separated by ``|`` or ``;``)."""
    names: list[str] = [document.author] if document.author else []
    extra = document.metadata.get("author_aliases") if document.metadata else None
    if isinstance(extra, str):
        names += [part.strip() for part in extra.replace(";", "|").split("|")]
    elif isinstance(extra, (list, tuple)):
        names += [str(part).strip() for part in extra]
    return tuple(dict.fromkeys(n for n in names if n))


def _end_char(token: "Token") -> int:
    return token.idx + len(token.text)


def profile_document(document: Document, doc: "Doc", *, markers_key: str = "kn_markers",
                     marker_extensions: MarkerExtensions = DEFAULT_MARKER_EXTENSIONS) -> DocumentProfile:
    """Build the profile of one document from its parsed Doc (the Doc's text must be ``document.text``); the
    markers are read from ``doc.spans[markers_key]`` and the span extensions ``marker_extensions`` names."""
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

    located_markers = _markers_at_tokens(doc, sentence_of, markers_key, marker_extensions)
    markers = [marker for _, marker in located_markers]
    hedge_count = Counter(m.sentence for m in markers if m.category == "hedge")
    booster_count = Counter(m.sentence for m in markers if m.category == "booster")
    content = sentence_content(doc, sents)
    sentences = [
        Sentence(i, s.start_char, s.end_char, document.text[s.start_char : s.end_char], hedge_count[i],
                 booster_count[i], hedge_count[i] > 0, content[i])
        for i, s in enumerate(sents)
    ]
    found_attributions = attributions_of(doc)
    attributions = [{
        "kind": a.kind, "cue": a.cue, "verb_class": a.verb_class, "cue_kind": a.cue_kind, "holder": a.holder,
        "content": document.text[doc[a.content_start].idx : _end_char(doc[a.content_end - 1])],
        "start": doc[a.content_start].idx,
        "end": _end_char(doc[a.content_end - 1]),
        "sentence": sentence_of[a.content_start],
    } for a in found_attributions]
    mentions = entity_mentions(doc)
    claims = extract_claims(doc, markers=located_markers, attributions=found_attributions, mentions=mentions,
                            author_aliases=author_aliases(document), text=document.text, sents=sents)
    return DocumentProfile(
        document=document,
        stats=stats,
        readability=readability_scores(document.text) if stats.words else
        {name: None for name in READABILITY_MEASURES},  # no words: no readability, not a score of 0
        markers=markers,
        marker_measures=marker_measures(markers, stats.words, sentences),
        entities=_entities(mentions, stats.words, sentence_of_char, len(document.text),
                           author_aliases(document)),
        sentences=sentences,
        attributions=attributions,
        claims=claims,
        terms=term_counts(doc, mentions),
        claim_links=within_document_links(claims, document.date.year),
    )


def profile_documents(documents: Iterable[Document], nlp: "Language", batch_size: int = DEFAULT_BATCH_SIZE,
                      chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[DocumentProfile]:
    """Parse and profile documents in input order, ``chunk_size`` at a time inside spaCy's ``memory_zone`` so that
    memory stays flat however many documents there are (long texts are parsed in pieces: :mod:`.longtext`)."""
    import contextlib

    from .execution import chunks
    from .longtext import pipe_texts

    zone = getattr(nlp, "memory_zone", None)
    for chunk in chunks(documents, chunk_size):
        with zone() if zone is not None else contextlib.nullcontext():
            for document, doc in zip(chunk, pipe_texts(nlp, (d.text for d in chunk), batch_size=batch_size)):
                yield profile_document(document, doc)


def profile_chunk(task: tuple[list[Document], int, str | None]) -> list[DocumentProfile]:
    """One task of the execution seam: a chunk of documents, the batch size and the model, parsed and profiled by
    the pipeline of the process that runs it (:func:`kalinovsky_nlp.execution.task_pipeline`)."""
    from .execution import task_pipeline

    documents, batch_size, model = task
    return list(profile_documents(documents, task_pipeline(model), batch_size, len(documents) or 1))


def prepare(model: "str | None" = None, *, nlp: "Language | None" = None) -> "Language":
    """Load once what every analysis in this process needs: the spaCy pipeline, the word lists the components and
    claims read on first use, and textstat's syllable table. Returns the pipeline.

    An analysis pays for these on first use; call this first to keep start-up out of a timing, on a worker
    (``distributed.warm_up`` does), or before forking workers so that they inherit it all."""
    import datetime

    from .pipeline import load_pipeline

    nlp = nlp if nlp is not None else load_pipeline(model)
    text = ("Officials said that Moscow would probably talk to the Taliban. I think it was a terrible mistake, "
            "according to critics. Is it?")  # one of each: markers, attributions, entities, evaluation, readability
    profile_document(Document(id="warm-up", date=datetime.date(2000, 1, 1), text=text), nlp(text))
    return nlp
