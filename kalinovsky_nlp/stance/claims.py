"""Claims: each independent clause's assertion with its source, FactBank-style certainty and evaluation of its targets.

Doc-in, plain-dicts-out (called while the Doc is alive, from :func:`kalinovsky_nlp.profile.profile_document`).

Certainty (after FactBank, Sauri & Pustejovsky 2009) is read from the author's perspective:

* the main clause's source: the author, or someone the author reports (reporting verb with a non-author
  subject at the root, a parenthetical "officials seem to think", "For X, ...", "according to X");
  reported content is uncommitted (``Uu``) unless the cue is factive (*realize, confirm, reveal*);
* the hedges and boosters of the author's voice that scope over the main predicate (not those inside relative or
  adverbial clauses), mapped to CT / PR / PS / Uu by ``lexicons/certainty_cues.tsv``; the weakest wins;
* polarity: negation of the main predicate, negative cues (*unlikely, hardly*); two negatives cancel;
* open conditionals (an *if*-clause on the main predicate) are possible (``PS``); questions are ``Uu``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable

from ..lexicons import read_table
from .evaluation import evaluation_of_mentions, evaluative_indices, tone_of_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CERTAINTY_SCORES", "LEVELS", "certainty_label", "commitment", "clause_certainty", "clauses", "cue_effect",
           "extract_claims"]

LEVELS = ("Uu", "PS", "PR", "CT")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}
CERTAINTY_SCORES = {"CT+": 3, "PR+": 2, "PS+": 1, "Uu": 0, "PS-": -1, "PR-": -2, "CT-": -3}
#: Clause boundaries a cue may not cross to scope over the main predicate.
SCOPE_BARRIERS = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj", "appos", "parataxis"})
CONTENT_LEMMAS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})


def commitment(value: str) -> int:
    """How firmly the author commits, whatever the polarity: CT 3, PR 2, PS 1, Uu 0."""
    return abs(CERTAINTY_SCORES[value])


def certainty_label(level: str, negative: bool) -> str:
    """FactBank value for a level and polarity (``Uu`` has no polarity)."""
    if level == "Uu":
        return "Uu"
    return f"{level}{'-' if negative else '+'}"


@functools.lru_cache(maxsize=None)
def _cue_table() -> tuple[dict[str, str], ...]:
    return read_table("certainty_cues.tsv")


def cue_effect(category: str, subcategory: str, text: str) -> tuple[str | None, bool]:
    """(level or None, reverses polarity) for a marker, by the first matching row of the cue table."""
    return _cue_effect(category, subcategory, " ".join(text.lower().split()))


@functools.lru_cache(maxsize=4096)
def _cue_effect(category: str, subcategory: str, text: str) -> tuple[str | None, bool]:
    """:func:`cue_effect` of a normalised text, remembered: the table is scanned row by row, and the same few cues
    recur in every document."""
    for row in _cue_table():
        if row["category"] not in (category, "*") or row["subcategory"] not in (subcategory, "*"):
            continue
        if row["text"] not in ("*", text):
            continue
        return (None if row["level"] == "-" else row["level"]), row["negates"] == "yes"
    return None, False


def _path_is_open(token: "Token", root: "Token") -> bool:
    """True if the token reaches the root without crossing a relative/adverbial clause boundary."""
    current = token
    for _ in range(64):
        if current.i == root.i:
            return True
        if current.dep_ in SCOPE_BARRIERS and current.i != root.i:
            return False
        if current.head.i == current.i:
            return current.i == root.i
        current = current.head
    return False


def _content_predicate(root: "Token") -> "Token":
    """For frames like *it is possible that X*, *my research indicates X*, the predicate of X."""
    for child in root.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child
    return root


def _negated(token: "Token") -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _clause_is_question(tokens: list["Token"]) -> bool:
    words = [t for t in tokens if not t.is_space]
    return bool(words) and words[-1].text == "?"


def clause_certainty(
    head: "Token",
    tokens: list["Token"],
    markers: Iterable[dict[str, Any]],
    attribution: dict[str, Any] | None,
) -> dict[str, Any]:
    """Certainty of the claim headed by ``head`` (its clause's tokens given) from the author's perspective."""
    return _certainty(head, {t.i for t in tokens}, _clause_is_question(tokens),
                      bool(tokens) and tokens[0].lower_ == "if", markers, attribution)


def _certainty(
    head: "Token",
    inside: set[int],
    question: bool,
    opens_with_if: bool,
    markers: Iterable[dict[str, Any]],
    attribution: dict[str, Any] | None,
) -> dict[str, Any]:
    """:func:`clause_certainty` from what it reads of the clause's tokens: their indices, whether the clause is a
    question and whether it opens with *if*."""
    cues: list[str] = []
    if attribution is not None:
        factive = attribution["verb_class"] == "factive"
        negative = _negated(head) if factive else False
        value = certainty_label("CT" if factive else "Uu", negative)
        return {"certainty": value, "score": CERTAINTY_SCORES[value], "cues": [attribution["cue"]],
                "source": "attributed", "holder": attribution.get("holder"), "cue": attribution["cue"],
                "verb_class": attribution["verb_class"]}
    if question:
        return {"certainty": "Uu", "score": 0, "cues": ["?"], "source": "author", "holder": None, "cue": None,
                "verb_class": None}
    level = "CT"
    negative = False
    predicate = _content_predicate(head)
    if _negated(head) or (predicate is not head and _negated(predicate)):
        negative = True
        cues.append("not")
    for marker in markers:
        if marker["voice"] != "author" or marker["token"] not in inside:
            continue
        token = head.doc[marker["token"]]
        if not _path_is_open(token, head):
            continue
        effect, negates = cue_effect(marker["category"], marker["subcategory"], marker["text"])
        if effect is None and not negates:
            continue
        cues.append(marker["text"].lower())
        if negates:
            negative = not negative
        if effect is not None and LEVEL_RANK[effect] < LEVEL_RANK[level]:
            level = effect
    conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children)
                      for c in head.children)
    if conditional or (opens_with_if and head.dep_ == "ROOT"):
        if LEVEL_RANK["PS"] < LEVEL_RANK[level]:
            level = "PS"
        cues.append("if")
    value = certainty_label(level, negative)
    return {"certainty": value, "score": CERTAINTY_SCORES[value], "cues": cues, "source": "author", "holder": None,
            "cue": None, "verb_class": None}


def clauses(sent: "Span") -> list[tuple["Token", list["Token"]]]:
    """The sentence's independent clauses: the root clause and root-level coordinated clauses with their own
    subject (*X is questionable, but there is plausible evidence that Y*), each with its tokens."""
    doc = sent.doc
    return [(head, [doc[i] for i in indices]) for head, indices in _clause_indices(sent)]


def _clause_indices(sent: "Span") -> list[tuple["Token", list[int]]]:
    """:func:`clauses` with token indices (ascending) instead of tokens."""
    root = sent.root
    heads = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
             and any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in c.children)]
    spans = []
    claimed: set[int] = set()
    for head in heads:
        start = head.left_edge.i
        before = sent.doc[start - 1] if start > sent.start else None
        if before is not None and before.dep_ == "cc" and before.head.i == root.i:
            start -= 1
        indices = list(range(max(start, sent.start), min(head.right_edge.i + 1, sent.end)))
        claimed.update(indices)
        spans.append((head, indices))
    main = [i for i in range(sent.start, sent.end) if i not in claimed]
    return [(root, main)] + spans


def _main_attribution(head: "Token", words: list[int], attributions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The attribution that carries the clause's main assertion, if any (``words``: the indices of the clause's
    tokens that are neither punctuation nor space, ascending)."""
    if not words:
        return None
    first, last = words[0], words[-1]
    for a in attributions:
        if a["content_end"] <= first or a["content_start"] > last:
            continue
        if a["kind"] == "noun_complement" or a["cue_kind"] == "evidence":
            continue
        covered = sum(1 for i in words if a["content_start"] <= i < a["content_end"])
        share = covered / len(words)
        cue = head.doc[a["cue_start"]]
        if a["cue_start"] == head.i or (a["content_start"] <= head.i < a["content_end"] and share >= 0.4):
            return a
        if a["kind"] in ("for_source", "according_to") and share >= 0.5:
            return a
        if a["kind"] == "reporting_verb" and cue.head.i == head.i and cue.dep_ == "xcomp" and share >= 0.5:
            return a  # "officials seem to think that ...": seem heads the clause, think carries the report
    return None


def _lemma_keys(doc: "Doc", canonical_at: dict[int, str]) -> list[str | None]:
    """Per token: ``ent:<canonical>`` inside an entity mention, the lower-cased lemma of a content word, or None.
    Content words are picked from the Doc's arrays with NumPy and each distinct lemma is looked up once (token
    attributes one by one cost more than the rest of a claim)."""
    import numpy as np
    from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, POS

    strings = doc.vocab.strings
    keys: list[str | None] = [None] * len(doc)
    if len(doc):
        content = [strings[p] for p in CONTENT_LEMMAS if p in strings]
        pos, stop, punct, space, alpha, lemma = doc.to_array([POS, IS_STOP, IS_PUNCT, IS_SPACE, IS_ALPHA, LEMMA]).T
        keep = np.isin(pos, content) & (stop == 0) & (punct == 0) & (space == 0) & (alpha != 0)
        lemma_of: dict[int, str] = {}
        for i, lemma_id in zip(np.flatnonzero(keep).tolist(), lemma[keep].tolist()):
            key = lemma_of.get(lemma_id)
            if key is None:
                key = lemma_of[lemma_id] = strings[lemma_id].lower()
            keys[i] = key
    entity_key: dict[str, str] = {}
    for i, canonical in canonical_at.items():
        key = entity_key.get(canonical)
        if key is None:
            key = entity_key[canonical] = "ent:" + canonical.lower().replace(" ", "_")
        keys[i] = key
    return keys


def _token_columns(doc: "Doc") -> tuple[list[int], ...]:
    """Per token, as lists: is punctuation, is space, character offset, length in characters."""
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

    if not len(doc):
        return [], [], [], []
    return tuple(doc.to_array([IS_PUNCT, IS_SPACE, IDX, LENGTH]).T.tolist())


def _by_sentence(items: list[dict[str, Any]], key: str, starts: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Group items by the sentence their token index falls in."""
    import bisect

    grouped: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        grouped.setdefault(bisect.bisect_right(starts, item[key]) - 1, []).append(item)
    return grouped


def extract_claims(
    doc: "Doc",
    markers: list[dict[str, Any]],
    attributions: list[dict[str, Any]],
    entity_mentions: list[dict[str, Any]],
    sents: "list[Span] | None" = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """One claim per independent clause: text, offsets, source, certainty, cues, entities and their evaluation.

    ``markers`` carry a token index (``token``); ``entity_mentions`` are the canonical-entity component's dicts.
    """
    claims = []
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once, or not at all
    sents = list(doc.sents) if sents is None else sents
    canonical_at: dict[int, str] = {}
    for m in entity_mentions:
        target = m.get("demonym_of") or m["canonical"]
        for i in range(m["token_start"], m["token_end"]):
            canonical_at[i] = target
    lemma_keys = _lemma_keys(doc, canonical_at)
    starts = [s.start for s in sents]
    markers_of = _by_sentence(markers, "token", starts)
    mentions_of = _by_sentence(entity_mentions, "token_start", starts)
    evaluative_of = _by_sentence([{"i": i, "valence": v} for i, v in evaluative_indices(doc)], "i", starts)
    punct, space, offset, length = _token_columns(doc)
    for index, sent in enumerate(sents):
        if all(punct[i] or space[i] for i in range(sent.start, sent.end)):
            continue
        sent_markers = markers_of.get(index, [])
        sent_mentions = mentions_of.get(index, [])
        sent_evaluative = [(doc[e["i"]], e["valence"]) for e in evaluative_of.get(index, [])]
        for clause_index, (head, indices) in enumerate(_clause_indices(sent)):
            words = [i for i in indices if not space[i]]
            if not words:
                continue
            attribution = _main_attribution(head, [i for i in words if not punct[i]], attributions)
            inside = set(indices)
            question = doc[words[-1]].text == "?"
            certainty = _certainty(head, inside, question, doc[indices[0]].lower_ == "if", sent_markers, attribution)
            mentions = [m for m in sent_mentions if m["token_start"] in inside]
            entities = sorted({m.get("demonym_of") or m["canonical"] for m in mentions})
            evaluation = evaluation_of_mentions(sent, mentions, sent_evaluative)
            tone = tone_of_words([(t, v) for t, v in sent_evaluative if t.i in inside])
            keys = [lemma_keys[i] for i in indices if lemma_keys[i]]
            start = offset[words[0]]  # indices ascend: the first word starts the clause, the last ends it
            end = offset[words[-1]] + length[words[-1]]
            claims.append({
                "sentence": index,
                "clause": clause_index,
                "text": text[start:end],
                "sentence_text": text[sent.start_char : sent.end_char].strip(),
                "start": start,
                "end": end,
                **certainty,
                "commitment": commitment(certainty["certainty"]),
                "entities": entities,
                "evaluation": evaluation,
                "tone": tone,
                "lemmas": " ".join(keys),
            })
    return claims
