"""Evaluation of a target in a sentence: evaluative words tied to the target's mention in the parse.

Word polarity comes from VADER's lexicon (Hutto & Gilbert 2014, shipped with ``vaderSentiment``) with
``lexicons/evaluation_polarity.tsv`` overriding it for argument prose (*pragmatic*, *credible*, *unnecessary*).
Only adjectives and adverbs (and a few evaluative nouns) count: nouns and verbs such as *war*, *support*, *threat*
name topics, not the author's evaluation. A word is tied to a mention when it modifies the mention or what the
mention owns (*Russia's pragmatic policy*), is predicated of it (*the policy is pragmatic*), or modifies the object of
the mention's verb (*Moscow is pursuing a pragmatic policy*); negation of that clause reverses it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable

from ..lexicons import read_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["word_valence", "evaluative_words", "evaluative_indices", "evaluation_of_mentions", "evaluation_label",
           "clause_tone", "tone_of_words"]

EVALUATIVE_POS = frozenset({"ADJ", "ADV"})
THRESHOLD = 0.5


@functools.lru_cache(maxsize=1)
def _evaluative_nouns() -> frozenset[str]:
    """The attitude nouns of the metadiscourse lexicon (*nonsense, mistake, success, ...*)."""
    from ..components.metadiscourse import load_lexicon

    return frozenset(e.form for e in load_lexicon() if e.subcategory == "evaluative_noun")


def _evaluative_valence(lower: str, evaluative_pos: bool) -> float:
    """Valence of a word as an evaluative word: adjectives and adverbs, and the attitude nouns; 0.0 otherwise."""
    return word_valence(lower) if evaluative_pos or lower in _evaluative_nouns() else 0.0


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
    """Nearest verbal ancestor (or the root)."""
    current = token
    for _ in range(32):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _owner(anchor: "Token") -> "Token":
    """What the mention stands for in its clause: itself, or the noun it possesses or modifies
    (*Moscow's decision*, *the Kabul government*, *Russian support*)."""
    if anchor.dep_ in ("poss", "compound", "amod", "nmod") and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    return anchor


def _tied(word: "Token", owner: "Token") -> bool:
    """An evaluative word modifies the owner, is predicated of it, or qualifies what it does."""
    if word.head.i == owner.i:  # "a pragmatic Moscow", "Russia's pragmatic policy"
        return True
    if owner.dep_ in ("nsubj", "nsubjpass"):
        verb = owner.head
        if word.head.i == verb.i and word.dep_ in ("acomp", "attr", "oprd", "advmod", "xcomp"):
            return True  # "the policy is pragmatic", "Moscow acted recklessly"
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")]
        if any(word.head.i == o.i for o in objects):
            return True  # "Moscow is pursuing a pragmatic policy"
    if owner.dep_ == "pobj" and owner.head.head.i == word.head.i and word.dep_ == "amod":
        return False
    return False


def evaluation_label(score: float) -> str:
    if score >= THRESHOLD:
        return "favourable"
    if score <= -THRESHOLD:
        return "unfavourable"
    return "neutral"


def evaluative_words(tokens: "Iterable[Token]") -> list[tuple["Token", float]]:
    """The evaluative words among the tokens, with their valence."""
    out = []
    for token in tokens:
        valence = _evaluative_valence(token.lower_, token.pos_ in EVALUATIVE_POS)
        if valence:
            out.append((token, valence))
    return out


def evaluative_indices(doc: "Doc") -> list[tuple[int, float]]:
    """(token index, valence) of every evaluative word of a Doc, in order: what :func:`evaluative_words` finds,
    read from the Doc's arrays. Only adjectives, adverbs and the attitude nouns can be evaluative, so NumPy picks
    those tokens first, and each distinct word is decided once."""
    import numpy as np
    from spacy.attrs import LOWER, POS
    from spacy.parts_of_speech import IDS

    if not len(doc):
        return []
    strings = doc.vocab.strings
    pos, lower = doc.to_array([POS, LOWER]).T
    evaluative_pos = np.isin(pos, [IDS[name] for name in EVALUATIVE_POS])
    candidates = evaluative_pos | np.isin(lower, [strings[noun] for noun in _evaluative_nouns()])
    valences: dict[tuple[int, bool], float] = {}
    out = []
    for i, word, is_evaluative_pos in zip(
        np.flatnonzero(candidates).tolist(), lower[candidates].tolist(), evaluative_pos[candidates].tolist()
    ):
        key = (word, is_evaluative_pos)
        valence = valences.get(key)
        if valence is None:
            valence = valences[key] = _evaluative_valence(strings[word], is_evaluative_pos)
        if valence:
            out.append((i, valence))
    return out


def evaluation_of_mentions(
    sent: "Span", mentions: list[dict[str, Any]], evaluative: list[tuple["Token", float]] | None = None
) -> dict[str, dict[str, Any]]:
    """For each target mentioned in the sentence: score (sum of tied valences), label and cue words.
    ``evaluative``: the sentence's evaluative words, if already found."""
    out: dict[str, dict[str, Any]] = {}
    if not mentions:
        return out
    if evaluative is None:
        evaluative = evaluative_words(sent)
    for mention in mentions:
        target = mention.get("demonym_of") or mention["canonical"]
        entry = out.setdefault(target, {"score": 0.0, "label": "neutral", "cues": []})
        if not evaluative:
            continue
        anchor = sent.doc[mention["token_start"]:mention["token_end"]].root
        owner = _owner(anchor)
        for token, valence in evaluative:
            if not _tied(token, owner) or token.text in entry["cues"]:
                continue
            if any(c.dep_ == "neg" for c in _clause_head(token).children):
                valence = -valence
            entry["score"] = round(entry["score"] + valence, 2)
            entry["cues"].append(token.text)
    for entry in out.values():
        entry["label"] = evaluation_label(entry["score"])
    return out


def clause_tone(tokens: "list[Token]", evaluative: list[tuple["Token", float]] | None = None) -> dict[str, Any]:
    """The evaluative tone of a clause as a whole (for targets that are propositions, not entities): the sum of the
    valences of its evaluative words, each reversed when its clause is negated. ``evaluative``: the evaluative
    words of the sentence, if already found (only those inside ``tokens`` count)."""
    if evaluative is None:
        return tone_of_words(evaluative_words(tokens))
    inside = {t.i for t in tokens}
    return tone_of_words([(t, v) for t, v in evaluative if t.i in inside])


def tone_of_words(found: list[tuple["Token", float]]) -> dict[str, Any]:
    """:func:`clause_tone` of a clause whose evaluative words (with their valences) are given."""
    score = 0.0
    cues = []
    for token, valence in found:
        if any(c.dep_ == "neg" for c in _clause_head(token).children):
            valence = -valence
        score += valence
        cues.append(token.text)
    return {"score": round(score, 2), "label": evaluation_label(score), "cues": cues}
