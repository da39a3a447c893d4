"""Claims: each sentence's main assertion with its source, FactBank-style certainty and evaluation of its targets.

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
from .evaluation import evaluation_of_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CERTAINTY_SCORES", "LEVELS", "certainty_label", "cue_effect", "extract_claims", "sentence_certainty"]

LEVELS = ("Uu", "PS", "PR", "CT")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}
CERTAINTY_SCORES = {"CT+": 3, "PR+": 2, "PS+": 1, "Uu": 0, "PS-": -1, "PR-": -2, "CT-": -3}
#: Clause boundaries a cue may not cross to scope over the main predicate.
SCOPE_BARRIERS = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj", "appos", "parataxis"})
CONTENT_LEMMAS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})


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
    text = " ".join(text.lower().split())
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


def sentence_certainty(
    sent: "Span",
    markers: Iterable[dict[str, Any]],
    attribution: dict[str, Any] | None,
) -> dict[str, Any]:
    """Certainty of a sentence's main claim from the author's perspective, with the cues that set it."""
    root = sent.root
    cues: list[str] = []
    if attribution is not None:
        factive = attribution["verb_class"] == "factive"
        negative = _negated(root) if factive else False
        value = certainty_label("CT" if factive else "Uu", negative)
        return {"certainty": value, "score": CERTAINTY_SCORES[value], "cues": [attribution["cue"]],
                "source": "attributed", "holder": attribution.get("holder"), "cue": attribution["cue"],
                "verb_class": attribution["verb_class"]}
    last = [t for t in sent if not t.is_space]
    if last and last[-1].text == "?":
        return {"certainty": "Uu", "score": 0, "cues": ["?"], "source": "author", "holder": None, "cue": None,
                "verb_class": None}
    level = "CT"
    negative = False
    predicate = _content_predicate(root)
    if _negated(root) or (predicate is not root and _negated(predicate)):
        negative = True
        cues.append("not")
    for marker in markers:
        if marker["voice"] != "author":
            continue
        token = sent.doc[marker["token"]]
        if not _path_is_open(token, root):
            continue
        effect, negates = cue_effect(marker["category"], marker["subcategory"], marker["text"])
        if effect is None and not negates:
            continue
        cues.append(marker["text"].lower())
        if negates:
            negative = not negative
        if effect is not None and LEVEL_RANK[effect] < LEVEL_RANK[level]:
            level = effect
    if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children) for c in root.children):
        if LEVEL_RANK["PS"] < LEVEL_RANK[level]:
            level = "PS"
        cues.append("if")
    if sent[0].lower_ == "if":
        if LEVEL_RANK["PS"] < LEVEL_RANK[level]:
            level = "PS"
        cues.append("if")
    value = certainty_label(level, negative)
    return {"certainty": value, "score": CERTAINTY_SCORES[value], "cues": cues, "source": "author", "holder": None,
            "cue": None, "verb_class": None}


def _main_attribution(sent: "Span", attributions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The attribution that carries the sentence's main assertion, if any."""
    root = sent.root
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    for a in attributions:
        if a["content_start"] < sent.start or a["content_end"] > sent.end:
            continue
        if a["kind"] == "noun_complement" or a["cue_kind"] == "evidence":
            continue
        covered = sum(1 for t in words if a["content_start"] <= t.i < a["content_end"])
        share = covered / len(words) if words else 0.0
        if a["cue_start"] == root.i or (a["content_start"] <= root.i < a["content_end"] and share >= 0.4):
            return a
        if a["kind"] in ("for_source", "according_to") and share >= 0.5:
            return a
        if a["kind"] == "reporting_verb" and sent.doc[a["cue_start"]].head.i == root.i and share >= 0.5 \
                and sent.doc[a["cue_start"]].dep_ == "xcomp":
            return a  # "officials seem to think that ...": seem is the root, think carries the report
    return None


def _lemma_key(token: "Token", canonical_at: dict[int, str]) -> str | None:
    if token.i in canonical_at:
        return "ent:" + canonical_at[token.i].lower().replace(" ", "_")
    if token.is_stop or token.is_punct or token.is_space or token.pos_ not in CONTENT_LEMMAS or not token.is_alpha:
        return None
    return token.lemma_.lower()


def extract_claims(
    doc: "Doc",
    markers: list[dict[str, Any]],
    attributions: list[dict[str, Any]],
    entity_mentions: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """One claim per sentence: text, offsets, source, certainty, cues, entities and their evaluation.

    ``markers`` carry a token index (``token``); ``entity_mentions`` are the canonical-entity component's dicts.
    """
    claims = []
    canonical_at: dict[int, str] = {}
    for m in entity_mentions:
        target = m.get("demonym_of") or m["canonical"]
        for i in range(m["token_start"], m["token_end"]):
            canonical_at[i] = target
    for index, sent in enumerate(doc.sents):
        if not any(not (t.is_punct or t.is_space) for t in sent):
            continue
        sent_markers = [m for m in markers if sent.start <= m["token"] < sent.end]
        attribution = _main_attribution(sent, attributions)
        certainty = sentence_certainty(sent, sent_markers, attribution)
        mentions = [m for m in entity_mentions if sent.start <= m["token_start"] < sent.end]
        entities = sorted({m.get("demonym_of") or m["canonical"] for m in mentions})
        evaluation = evaluation_of_mentions(sent, mentions)
        keys = [k for k in (_lemma_key(t, canonical_at) for t in sent) if k]
        claims.append({
            "sentence": index,
            "text": sent.text.strip(),
            "start": sent.start_char,
            "end": sent.end_char,
            **certainty,
            "entities": entities,
            "evaluation": evaluation,
            "lemmas": " ".join(keys),
        })
    return claims
