"""Evaluation of a target in a sentence: evaluative words tied to the target's mention in the parse.

Word polarity comes from VADER's lexicon (Hutto & Gilbert 2014, shipped with ``vaderSentiment``) with
``lexicons/evaluation_polarity.tsv`` overriding it for argument prose (*pragmatic*, *credible*, *unnecessary*).
Only adjectives and adverbs (and the attitude nouns of the metadiscourse lexicon) count: nouns and verbs such as
*war*, *support*, *threat* name topics, not the author's evaluation. A word is tied to a mention when it sits in the
same clause (same nearest verbal head) or modifies the mention; negation of that clause reverses it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..lexicons import read_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["word_valence", "evaluation_of_mentions", "evaluation_label"]

EVALUATIVE_POS = frozenset({"ADJ", "ADV"})
EVALUATIVE_NOUNS = frozenset({"nonsense", "folly", "paranoia", "propaganda", "blunder", "fiasco", "disaster",
                              "travesty", "farce", "absurdity", "hypocrisy", "mistake", "failure", "success",
                              "achievement", "tragedy", "insurance", "realism", "pragmatism"})
THRESHOLD = 0.5


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    for row in read_table("evaluation_polarity.tsv"):
        lexicon[row["word"]] = float(row["valence"])
    return lexicon


def word_valence(word: str) -> float:
    """Valence of a lower-cased word (-4 .. +4), 0.0 when unknown."""
    return _lexicon().get(word.lower(), 0.0)


def _clause_head(token: "Token") -> "Token":
    current = token
    for _ in range(32):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def evaluation_label(score: float) -> str:
    if score >= THRESHOLD:
        return "favourable"
    if score <= -THRESHOLD:
        return "unfavourable"
    return "neutral"


def evaluation_of_mentions(sent: "Span", mentions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """For each target mentioned in the sentence: score (sum of tied valences), label and cue words."""
    out: dict[str, dict[str, Any]] = {}
    if not mentions:
        return out
    evaluative = []
    for token in sent:
        lower = token.lower_
        if token.pos_ in EVALUATIVE_POS or lower in EVALUATIVE_NOUNS:
            valence = word_valence(lower)
            if valence:
                evaluative.append((token, valence))
    for mention in mentions:
        target = mention.get("demonym_of") or mention["canonical"]
        entry = out.setdefault(target, {"score": 0.0, "label": "neutral", "cues": []})
        if not evaluative:
            continue
        anchor = sent.doc[mention["token_start"]:mention["token_end"]].root
        head = _clause_head(anchor)
        for token, valence in evaluative:
            tied = token.head.i == anchor.i or _clause_head(token).i == head.i or token.head.i == anchor.head.i
            if not tied or token.text in entry["cues"]:
                continue
            if any(c.dep_ == "neg" for c in _clause_head(token).children):
                valence = -valence
            entry["score"] = round(entry["score"] + valence, 2)
            entry["cues"].append(token.text)
    for entry in out.values():
        entry["label"] = evaluation_label(entry["score"])
    return out
