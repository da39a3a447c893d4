"""The author's evaluation of a claim's arguments: attitude words tied to the argument in the parse, nothing else.

Word polarity comes from VADER's lexicon (Hutto & Gilbert 2014, shipped with ``vaderSentiment``) with
``lexicons/evaluation_polarity.tsv`` overriding it for argument prose (*pragmatic*, *credible*, and words of
dimension such as *low* set to 0). Only adjectives and adverbs (and the attitude nouns of the metadiscourse
lexicon) can evaluate; nouns and verbs such as *war*, *support*, *threat* name topics.

A word evaluates an argument when it is tied to it: it modifies the argument or what the argument owns (*the
council's pragmatic policy*), it is predicated of it (*the policy is pragmatic*, *the council acted recklessly*,
*activity expanded at a solid pace*), it modifies the conduct the argument pursues (*the council is pursuing a
pragmatic policy*), or the argument is the object of an evaluative verb (*critics condemn X*). Never the tone of
the rest of the sentence. Within those ties:

* words inside fixed expressions (*as well as*, *no doubt*) and inside epistemic markers are not evaluations;
* an evaluation relative to an experiencer (*attractive to groups like the Islamic State*) is not the author's;
* a comparative *less* reverses the word (*less credible*); negation of its clause reverses it;
* words inside an open condition (*if X*) do not count, and in a concession (*although X*) count half.

A subject's move relative to a goal the author holds (``lexicons/goal_nouns.txt``, owned by the author: *the
Committee's objective*, *our target*) evaluates the subject too: toward it is favourable (*inflation moved closer to
the Committee's objective*), further from it unfavourable (*sales fell further below our target*). Which side of a
goal a thing stands on says nothing by itself (*below our target* is good for a ceiling, bad for a floor).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Container, Iterable, Sequence

from ..lexicons import read_table, read_word_list
from ..results import Argument, Evaluation
from .parsearrays import ParseArrays, parse_arrays

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Token

__all__ = ["GOAL_PREPOSITIONS", "argument_evaluations", "as_frame_of", "evaluative_indices", "fixed_expression_tokens",
           "goal_distance", "goal_noun_indices", "word_valence"]

EVALUATIVE_POS = frozenset({"ADJ", "ADV"})
CONCESSIVE_MARKS = frozenset({"although", "though", "while", "whereas", "whilst"})
CONDITION_MARKS = frozenset({"if", "unless"})
CONDUCT_VERB_EXCLUSIONS = read_word_list("conduct_verb_exclusions.tsv")


@functools.lru_cache(maxsize=1)
def _evaluative_nouns() -> frozenset[str]:
    """The attitude nouns of the metadiscourse lexicon (*nonsense, mistake, success, ...*)."""
    rows = read_table("metadiscourse.tsv")
    return frozenset(form.strip() for row in rows if row["subcategory"] == "evaluative_noun"
                     for form in row["forms"].split("|"))


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    for row in read_table("evaluation_polarity.tsv"):
        lexicon[row["word"]] = float(row["valence"])
    return lexicon


@functools.lru_cache(maxsize=1)
def _evaluative_verbs() -> dict[str, float]:
    return {row["verb"]: float(row["valence"]) for row in read_table("evaluative_verbs.tsv")}


def word_valence(word: str) -> float:
    """Valence of a word (-4 .. +4), 0.0 when unknown."""
    return _lexicon().get(word.lower(), 0.0)


def _evaluative_valence(lower: str, evaluative_pos: bool) -> float:
    return word_valence(lower) if evaluative_pos or lower in _evaluative_nouns() else 0.0


def evaluative_indices(doc: "Doc") -> list[tuple[int, float]]:
    """(token index, valence) of every word of the Doc that can evaluate, in order, read from the Doc's arrays
    (only adjectives, adverbs and the attitude nouns can, so NumPy picks those first)."""
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
    for i, word, is_evaluative_pos in zip(np.flatnonzero(candidates).tolist(), lower[candidates].tolist(),
                                          evaluative_pos[candidates].tolist()):
        key = (word, is_evaluative_pos)
        valence = valences.get(key)
        if valence is None:
            valence = valences[key] = _evaluative_valence(strings[word], is_evaluative_pos)
        if valence:
            out.append((i, valence))
    return sorted(out + _hyphenated(doc, strings, lower))


def _hyphenated(doc: "Doc", strings: "StringStore", lower: "NDArray[Any]") -> list[tuple[int, float]]:
    """Hyphenated evaluative compounds the tokenizer splits (*zero-sum*, *never-ending*, *ill-advised*): the valence
    of the whole word, on its last part (the head)."""
    out: list[tuple[int, float]] = []
    hyphen = doc.vocab.strings["-"] if "-" in doc.vocab.strings else None
    if hyphen is None:
        return out
    for i in range(1, len(doc) - 1):
        if int(lower[i]) != hyphen or doc[i].whitespace_ or doc[i - 1].whitespace_:
            continue
        word = f"{doc[i - 1].lower_}-{doc[i + 1].lower_}"
        valence = word_valence(word)
        if valence:
            out.append((i + 1, valence))
    return out


@functools.lru_cache(maxsize=1)
def _fixed_expressions() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(line.split()) for line in read_word_list("fixed_expressions.txt")), key=len,
                        reverse=True))


def fixed_expression_tokens(doc: "Doc", candidates: Iterable[int]) -> set[int]:
    """The candidate token indices that lie inside a fixed expression (*as well as*, *no doubt*), compared as the
    hashes of the lower-cased words (read from the Doc's arrays: a Token object costs more)."""
    from spacy.attrs import LOWER

    found: set[int] = set()
    lowers: list[int] | None = None
    expressions: tuple[tuple[int, ...], ...] = ()
    for i in candidates:
        if lowers is None:
            lowers = doc.to_array(LOWER).tolist() if len(doc) else []
            expressions = tuple(tuple(doc.vocab.strings[word] for word in words) for words in _fixed_expressions())
        for words in expressions:
            size = len(words)
            for start in range(max(0, i - size + 1), min(i, len(lowers) - size) + 1):
                if tuple(lowers[start : start + size]) == words:
                    found.add(i)
                    break
            if i in found:
                break
    return found


def _clause_head(token: "Token") -> "Token":
    current = token
    for _ in range(32):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _owner(anchor: "Token") -> "Token":
    """What the argument stands for in its clause: itself, or the noun it possesses or modifies (*the council's
    decision*, *the city government*, *French support*)."""
    if anchor.dep_ in ("poss", "compound", "amod", "nmod") and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    return anchor


def _is_conduct_object(word: "Token", subject: "Token") -> bool:
    """*the council is pursuing a pragmatic policy*: the word modifies the object of a verb the argument is the subject
    of, the object names conduct (``lexicons/conduct_nouns.txt``) and the verb is an action of the subject's (not
    perceiving, fearing or facing something)."""
    verb = subject.head
    if subject.dep_ not in ("nsubj",) or verb.lemma_.lower() in CONDUCT_VERB_EXCLUSIONS:
        return False
    obj = word.head
    return word.dep_ == "amod" and obj.dep_ == "dobj" and obj.head.i == verb.i and \
        obj.lemma_.lower() in read_word_list("conduct_nouns.txt")


def as_frame_of(token: "Token") -> "Token | None":
    """For the complement of a complex-transitive *as* frame (*sees the risks as balanced*, *regards the plan as a
    failure*; ``lexicons/as_frames.tsv``): the frame's verb, whose object the complement is said of; else None."""
    frames = read_word_list("as_frames.tsv")
    if token.pos_ not in ("ADJ", "NOUN"):
        return None
    if token.dep_ in ("advcl", "acomp", "oprd", "xcomp", "ccomp") and token.head.lemma_.lower() in frames and \
            any(c.lower_ == "as" and c.dep_ in ("advmod", "prep", "mark") for c in token.children):
        return token.head
    if token.dep_ in ("amod", "pobj", "acomp") and token.head.lower_ == "as" and token.head.dep_ == "prep" and \
            token.head.head.lemma_.lower() in frames:
        return token.head.head
    return None


def _tied(word: "Token", owner: "Token") -> bool:
    if word.head.i == owner.i and word.dep_ in ("amod", "advmod", "acomp", "appos", "nmod", "compound"):
        return True
    if owner.dep_ == "dobj" and as_frame_of(word) is not None and as_frame_of(word) == owner.head:
        return True  # "the Committee sees the risks as balanced", "critics regard the reform as a failure"
    if owner.dep_ in ("nsubj", "nsubjpass"):
        verb = owner.head
        if word.head.i == verb.i and word.dep_ in ("acomp", "attr", "oprd", "advmod", "xcomp"):
            return True  # "the policy is pragmatic", "the council acted recklessly"
        if word.dep_ == "amod" and word.head.dep_ == "attr" and word.head.head.i == verb.i:
            return True  # "the decision was a dangerous gamble"
        if _is_conduct_object(word, owner):
            return True
        if word.dep_ == "amod" and word.head.dep_ == "pobj" and word.head.head.head.i == verb.i and \
                word.head.lemma_.lower() in read_word_list("manner_nouns.txt"):
            return True  # "activity expanded at a solid pace"
    return False


def _experiencer_relative(word: "Token") -> bool:
    """*attractive to X*, *helpful for X*: good or bad for someone, not the author's evaluation of the subject."""
    return any(c.dep_ in ("prep",) and c.lower_ in ("to", "for") and any(g.dep_ == "pobj" for g in c.children)
               for c in word.children)


def _context_weight(word: "Token") -> float:
    """1 in a plain clause, 0.5 in a concession, 0 in an open condition."""
    current = word
    for _ in range(16):
        if current.dep_ == "advcl":
            marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
            if marks & CONDITION_MARKS:
                return 0.0
            if marks & CONCESSIVE_MARKS:
                return 0.5
        if current.head.i == current.i:
            break
        current = current.head
    return 1.0


def _direction(word: "Token") -> float:
    """-1 for *less X* and for a negated clause (each reverses), else 1."""
    sign = 1.0
    if any(c.dep_ == "advmod" and c.lower_ in ("less", "least") for c in word.children):
        sign = -sign
    if any(c.dep_ == "neg" for c in _clause_head(word).children):
        sign = -sign
    return sign


#: Valence of a move toward a goal the author holds (and, negated, of a move away from it).
GOAL_MOVE_VALENCE = 1.0
#: Prepositions whose object is the goal of a verb of motion (``lexicons/motion_verbs.txt``).
GOAL_PREPOSITIONS = frozenset({"to", "toward", "towards", "into"})
_CLOSER = frozenset({"closer", "nearer", "back"})
_FARTHER = frozenset({"further", "farther", "away"})
_SIDES = frozenset({"below", "above", "beyond", "from"})


@functools.lru_cache(maxsize=1)
def _goal_nouns() -> frozenset[str]:
    return read_word_list("goal_nouns.txt")


def goal_noun_indices(doc: "Doc") -> frozenset[int]:
    """Token indices of the Doc's goal nouns (``lexicons/goal_nouns.txt``), read from its arrays."""
    import numpy as np
    from spacy.attrs import LEMMA

    if not len(doc):
        return frozenset()
    strings = doc.vocab.strings
    wanted = [strings[word] for word in _goal_nouns() if word in strings]
    if not wanted:
        return frozenset()
    return frozenset(np.flatnonzero(np.isin(doc.to_array(LEMMA), wanted)).tolist())


def goal_distance(verb: "Token", goals: Container[int], authors: Callable[["Token"], bool],
                  moves: Container[str]) -> tuple[float, str] | None:
    """How the subject of ``verb`` moves relative to a goal the author holds: (+1, cue) toward it (*moved closer to the
    Committee's objective*, *will return to our target*), (-1, cue) further from it (*declined further below the
    Committee's objective*, *moved away from our goal*), else None. ``goals``: the indices of the Doc's goal nouns
    (:func:`goal_noun_indices`); ``authors`` tells whether a possessor is the author; ``moves``: the verbs of motion,
    whose *to* phrase is a goal reached."""
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    # the verb's own phrases, and those headed by its adverb (*closer to*, *away from*)
    phrases = [c for c in verb.children if c.dep_ == "prep"] + \
        [p for c in verb.children if c.dep_ == "advmod" and c.pos_ == "ADV" for p in c.children if p.dep_ == "prep"]
    for preposition in phrases:
        between = preposition.head
        goal = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if goal is None or goal.i not in goals:
            continue
        owner = next((c for c in goal.children if c.dep_ == "poss"), None)
        if owner is None or not authors(owner):
            continue
        words = adverbs | {c.lower_ for c in preposition.children if c.dep_ == "advmod"} | \
            ({between.lower_} if between.i != verb.i else set())
        preposition_word = preposition.lower_
        if preposition_word in GOAL_PREPOSITIONS and not words & _FARTHER and \
                (verb.lemma_.lower() in moves or words & _CLOSER):
            closer = next((w for w in ("closer", "nearer", "back") if w in words), None)
            return GOAL_MOVE_VALENCE, f"{closer} {preposition_word}" if closer else preposition_word
        if words & _FARTHER and preposition_word in _SIDES:
            farther = next(w for w in ("further", "farther", "away") if w in words)
            return -GOAL_MOVE_VALENCE, f"{farther} {preposition_word}"
    return None


def argument_evaluations(doc: "Doc", arguments: Sequence[tuple[Argument, "Token"]], evaluative: dict[int, float],
                         excluded: set[int], within: set[int] | None = None,
                         parse: ParseArrays | None = None) -> list[Evaluation]:
    """For each argument (with its noun-phrase head token): the sum of the evaluations tied to it, with their cue
    words; arguments without one, and the author itself, are left out. ``evaluative``: the Doc's evaluative words (index -> valence);
    ``excluded``: token indices that cannot evaluate (inside markers or fixed expressions); ``within``: if given,
    the token indices of the claim's own clause: an attitude word of the clause that governs it (*incomes rose
    strongly, reflecting lower prices*: *strongly* is not said of the reflecting) evaluates that clause's claim,
    not this one. Words in an argument's own noun phrase always count. ``parse``: the Doc's
    :func:`~kalinovsky_nlp.components.parsearrays.parse_arrays`, when the caller has them."""
    out: list[Evaluation] = []
    verbs = _evaluative_verbs()
    tree = parse if parse is not None else parse_arrays(doc)
    kids = tree.children
    for argument, token in arguments:
        if argument.key == "author":
            continue  # the author describing itself (*the Committee is prepared to*) does not judge a target
        owner = _owner(token)
        score = 0.0
        cues: list[str] = []
        head = tree.head[owner.i]
        candidates = kids[owner.i] + kids[head] + [head]
        if tree.dep[owner.i] == "dobj":  # "sees the plan as dangerous": the complement under "as"
            candidates += [g for c in tree.children_with(head, ("prep",)) if doc[c].lower_ == "as" for g in kids[c]]
        if tree.dep[owner.i] in ("nsubj", "nsubjpass"):
            for child in kids[head]:
                candidates += kids[child]
                for grandchild in kids[child]:
                    candidates += kids[grandchild]
        seen: set[int] = set()
        allowed: set[int] | None = None
        for index in candidates:
            if index in seen or index in excluded or index == token.i:
                continue
            valence = evaluative.get(index)
            if not valence:
                continue  # read first: most words near an argument do not evaluate
            if within is not None:
                allowed = allowed if allowed is not None else within | {t.i for t in token.subtree}
                if index not in allowed:
                    continue
            seen.add(index)
            word = doc[index]
            if not _tied(word, owner) or _experiencer_relative(word):
                continue
            weight = _context_weight(word)
            if not weight:
                continue
            score += valence * weight * _direction(word)
            cues.append(word.text)
        if owner.dep_ == "dobj" and owner.head.lemma_.lower() in verbs and \
                (within is None or owner.head.i in within or owner.head.i in {t.i for t in token.subtree}):
            score += verbs[owner.head.lemma_.lower()] * _direction(owner.head)
            cues.append(owner.head.text)
        if cues and round(score, 2) != 0:
            out.append(Evaluation(target=argument.key, score=round(score, 2), cues=tuple(cues)))
    return out
