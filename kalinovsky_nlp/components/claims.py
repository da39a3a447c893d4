"""Claims: the propositions of a parsed document, each with its holder, arguments, time frame and the author's
certainty. Doc in, :class:`~kalinovsky_nlp.results.Claim` list out (textacy-style: a pure function of a parsed Doc
and the project components' annotations).

A claim is read from every clause head (verbs and copulas) and from event nouns that carry reported content
(*denied military support to the Taliban*). For each claim:

* **Frames.** Raising and implicative verbs are transparent (*seems to arm*, *failed to work together*: the claim is
  *arm*, *work*, with a hedge or a negation); epistemic frames lend their cues to the clause they embed (*there is
  plausible evidence that X*, *it is unlikely that X*, *the Committee expects that X*); intention verbs keep their
  complement inside their own claim (*seeks to play a role*). Word lists: ``lexicons/embedding_predicates.tsv``.
* **Holder and nested sources** (FactBank, Sauri & Pustejovsky 2009): content the author reports (the attribution
  component's spans) is the holder's; the author is uncommitted (``Uu``) unless the cue is factive. The author's own
  reporting verbs (*I think*, *the Committee expects*, with the author's name or its aliases as subject) are the
  author's commitments.
* **Certainty** from the author's epistemic cues that scope over the claim (``lexicons/certainty_cues.tsv``),
  negation, open conditions and questions.
* **Time frame**: past, present, future, hypothetical or generic, from tense, modals and explicit years.
* **Arguments**: canonical entities (demonyms folded into their place, *the Russian government* = Russia, *the group*
  = the nearest earlier organisation) or noun-phrase heads; **predicate keys**: the predicate's lemma, its object
  and the lemmas' verbal base (*supplier*, *supplies* -> *supply*), for aligning claims across dates.
* **Stance links**: shell nouns (*these claims*, *this intelligence*) resolve to the claim they stand for, and the
  author's stance predicates (*skeptical of*, *questionable*, *should not be so dismissive*, *they may be right*) set
  his commitment to it (``lexicons/shell_nouns.tsv``, ``lexicons/stance_predicates.tsv``).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..lexicons import read_table, read_word_list
from ..results import (
    LEVEL_RANK,
    Argument,
    Claim,
    ClaimRole,
    EntityMention,
    Evaluation,
    Source,
    StanceLink,
    TimeFrame,
    certainty_label,
    certainty_parts,
)
from .attribution import Attribution, belief_adjectives, reporting_verbs
from .evaluation import (GOAL_PREPOSITIONS, argument_evaluations, as_frame_of, evaluative_indices,
                         fixed_expression_tokens, goal_distance, goal_noun_indices)
from .parsearrays import parse_arrays
from .rules import NOT_CONDITION_BEFORE_IF

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ClaimReader", "concept_key", "cue_effect", "derivational_base", "extract_claims"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
NON_HEAD_DEPS = frozenset({"aux", "auxpass", "amod", "compound", "det", "case", "prt", "nmod", "poss", "npadvmod"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
NEGATIVE_WORDS = frozenset({"not", "n't", "never", "no", "nor", "neither", "nobody", "nothing", "none", "noone",
                            "nowhere"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
#: Adverbs of direction that complete a verb's meaning (*go back*, *move ahead*) and belong in its proposition's name.
DIRECTIONAL_ADVERBS = frozenset({"back", "up", "down", "out", "away", "off", "forward", "ahead", "apart"})
HYPOTHETICAL_MODALS = frozenset({"would", "'d"})
CONDITION_MARKS = frozenset({"if", "unless"})
#: Salience of a pronoun's antecedent candidates, after Lappin & Leass (1994): grammatical role (subject 80, direct
#: object 50, oblique 40) plus recency (the pronoun's own sentence 100, the one before 50).
SALIENCE_ROLES = {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "dative": 40, "pobj": 40}
SALIENCE_THIS_SENTENCE = 100
SALIENCE_PREVIOUS_SENTENCE = 50
#: Participles that open a condition like *if* (Quirk et al. 1985, CGEL 14.12: *provided (that)*, *providing
#: (that)*, *assuming (that)*, *supposing (that)*): what they introduce is supposed, and the main clause depends on it.
CONDITIONAL_PARTICIPLES = frozenset({"provided", "providing", "assuming", "supposing"})
#: Subordinators of time: with a main clause about the future, what their clause says is supposed, not asserted
#: (*will raise the rate when it has seen further improvement*, *will continue until the outlook has improved*).
TEMPORAL_SUBORDINATORS = frozenset({"when", "whenever", "until", "till", "once", "before", "after"})
#: Auxiliaries that put a clause in the future or the hypothetical.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "would"})
#: Adverbs before *if* that leave the main clause unconditional: those that open no condition at all (*even if*,
#: *as if*; :data:`kalinovsky_nlp.components.rules.NOT_CONDITION_BEFORE_IF`) and *especially* / *particularly if*.
NOT_CONDITION_FOCUS = NOT_CONDITION_BEFORE_IF | {"especially", "particularly"}
FREQUENCY_ADVERBS = read_word_list("frequency_adverbs.tsv")
#: Verbs that link a subject to a predicative adjective or noun (*remains appropriate*, *became clear*).
COPULAS = read_word_list("copular_verbs.tsv")
#: Nouns that measure what their of-phrase names: as arguments, the claim is about the thing measured (*the pace
#: of its asset purchases* is about the purchases).
MEASURE_NOUNS = read_word_list("measure_nouns.tsv")
LIGHT_NOUNS = read_word_list("light_nouns.tsv")
SHELL_DETERMINERS = frozenset({"this", "these", "that", "those", "such", "the"})
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
#: Prepositions after which a gerund's implicit subject is the governing verb's object (*accused X of providing*,
#: *kept X from leaving*, *thanked X for helping*); after the others it is the subject (*in determining*, *by raising*).
OBJECT_CONTROL_PREPOSITIONS = frozenset({"of", "from", "for"})
#: How far back a shell noun or an implicit stance object is looked for, in sentences.
SHELL_WINDOW = 8


# ----------------------------------------------------------------------------------------------- word lists


@functools.lru_cache(maxsize=1)
def _embedding_classes() -> dict[tuple[str, str], str]:
    return {(row["lemma"], row["pos"]): row["class"] for row in read_table("embedding_predicates.tsv")}


def embedding_class(token: "Token") -> str | None:
    """implicative, negative, intention, factive or raising, for a predicate that embeds another; else None."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
    return _embedding_classes().get((token.lemma_.lower(), pos))


@functools.lru_cache(maxsize=1)
def _shell_nouns() -> dict[str, frozenset[str]]:
    return {row["noun"]: frozenset(row["antecedents"].split("|")) for row in read_table("shell_nouns.tsv")}


@dataclass(frozen=True)
class StancePredicate:
    lemma: str
    pos: str
    frames: frozenset[str]
    certainty: str


@functools.lru_cache(maxsize=1)
def _stance_predicates() -> dict[str, StancePredicate]:
    return {row["lemma"]: StancePredicate(row["lemma"], row["pos"], frozenset(row["frame"].split("|")),
                                          row["certainty"])
            for row in read_table("stance_predicates.tsv")}


@functools.lru_cache(maxsize=1)
def _frame_nouns() -> dict[str, str]:
    return {row["noun"]: row["level"] for row in read_table("frame_nouns.tsv")}


@functools.lru_cache(maxsize=1)
def _frame_adjectives() -> dict[tuple[str, str], str]:
    """(adjective, verb) -> the author's commitment to the clause they frame (*hard to imagine that X*: PR-)."""
    return {(row["adjective"], verb): row["level"] for row in read_table("frame_adjectives.tsv")
            for verb in row["verbs"].split("|")}


@functools.lru_cache(maxsize=1)
def _anaphoric_nouns() -> dict[str, frozenset[str]]:
    return {row["noun"]: frozenset(row["labels"].split("|")) for row in read_table("anaphoric_nouns.tsv")}


@functools.lru_cache(maxsize=1)
def _author_levels() -> tuple[dict[str, str], dict[str, str]]:
    """(nouns, verbs): the author's commitment to the content of the author's own reporting noun or verb."""
    return ({row["lemma"]: row["author_level"] for row in read_table("attribution_nouns.tsv")},
            {row["lemma"]: row["author_level"] for row in read_table("reporting_verbs.tsv")})


def _author_level(cue: "Token") -> str | None:
    """The author's commitment to the content of the author's own reporting verb or noun (*I think X*: PR; *its view
    that X*: PR, where the verb *view X as Y* is a judgement, CT), by the cue's part of speech."""
    nouns, verbs = _author_levels()
    lemma = cue.lemma_.lower()
    first, second = (nouns, verbs) if cue.pos_ in ("NOUN", "PROPN") else (verbs, nouns)
    return first.get(lemma, second.get(lemma))


@functools.lru_cache(maxsize=1)
def _cue_table() -> tuple[dict[str, str], ...]:
    return read_table("certainty_cues.tsv")


def cue_effect(category: str, subcategory: str, text: str) -> tuple[str | None, bool]:
    """(FactBank level or None, reverses polarity) of a marker, by the first matching row of the cue table."""
    return _cue_effect(category, subcategory, " ".join(text.lower().split()))


@functools.lru_cache(maxsize=4096)
def _cue_effect(category: str, subcategory: str, text: str) -> tuple[str | None, bool]:
    for row in _cue_table():
        if row["category"] not in (category, "*") or row["subcategory"] not in (subcategory, "*"):
            continue
        if row["text"] not in ("*", text):
            continue
        return (None if row["level"] == "-" else row["level"]), row["negates"] == "yes"
    return None, False


def _extraposing(verb: "Token") -> bool:
    """Whether the *it* subject of ``verb`` is a dummy for a clause that follows (*it is likely that X*, *it seems
    that X*, *it is hard to imagine X*, *it rains*) rather than a pronoun that refers (*it is a success*)."""
    if verb.lemma_.lower() in ("rain", "snow"):
        return True
    later = [c for c in verb.children if c.i > verb.i]
    for child in later:
        if child.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and _is_verbal(child) and \
                (child.dep_ != "advcl" or any(m.lower_ == "that" for m in child.children if m.dep_ == "mark")):
            return True
        if child.dep_ in ("acomp", "attr", "oprd") and any(
                g.dep_ in ("ccomp", "xcomp") and g.i > child.i for g in child.children):
            return True
    return False


# ----------------------------------------------------------------------------------------------- derivation

#: Suffixes of nouns and adjectives derived from verbs, with the verb ending that replaces them (English
#: derivational morphology after Quirk et al. 1985, appendix I); a base counts only if it is a known verb.
DERIVATION_RULES = (
    ("iers", "y"), ("ier", "y"), ("ies", "y"), ("ication", "y"), ("ation", "ate"), ("ation", "e"), ("ation", ""),
    ("ition", "ite"), ("sion", "de"), ("sion", "t"), ("ision", "ide"), ("ment", ""), ("ance", ""), ("ence", ""),
    ("ance", "e"), ("al", ""), ("al", "e"), ("ers", ""), ("er", ""), ("ers", "e"), ("er", "e"), ("ors", ""),
    ("or", ""), ("ors", "e"), ("or", "e"), ("ure", ""), ("ure", "e"), ("ing", ""), ("ing", "e"), ("s", ""),
    ("ion", ""), ("ion", "e"),
)


@functools.lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    """English verb lemmas (``lexicons/verbs.txt``: WordNet 3.0's verbs, as spaCy's English lemmatizer lists them)."""
    return read_word_list("verbs.txt")


@functools.lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    families: dict[str, str] = {}
    for row in read_table("near_synonyms.tsv"):
        words = [w.strip() for w in row["family"].split("|") if w.strip()]
        for word in words:
            families.setdefault(word, words[0])
    return families


@functools.lru_cache(maxsize=8192)
def concept_key(lemma: str) -> str:
    """The key under which claims are compared: the near-synonym family of the word or of the verb it derives from
    (``lexicons/near_synonyms.tsv``: *provide* and *supply*, *realism* and *pragmatic*), else that verb, else the
    lemma."""
    word = lemma.lower()
    families = _families()
    if word in families:
        return families[word]
    base = derivational_base(word)
    return families.get(base, base)


@functools.lru_cache(maxsize=1)
def relational_adjectives() -> dict[str, str]:
    """Adjectives that name a thing as a noun would, with that noun (``lexicons/relational_adjectives.tsv``:
    *economic* -> *economy*)."""
    return {row["adjective"].lower(): row["noun"].lower() for row in read_table("relational_adjectives.tsv")}


@functools.lru_cache(maxsize=8192)
def derivational_base(lemma: str) -> str:
    """The verb a noun is derived from, when ``lexicons/verbs.txt`` knows it (*supplier*, *supplies* -> *supply*;
    *decision* -> *decide*; *engagement* -> *engage*); else the lemma itself, lower-cased."""
    word = lemma.lower()
    verbs = _verb_lemmas()
    if word in verbs or len(word) < 5:
        return word
    for suffix, replacement in DERIVATION_RULES:
        if word.endswith(suffix):
            base = word[: -len(suffix)] + replacement
            if len(base) >= 3 and base in verbs:
                return base
    return word


# ----------------------------------------------------------------------------------------------- context


@dataclass
class _Mention:
    start: int
    end: int
    entity: str
    label: str
    demonym: bool = False


@dataclass
class _Context:
    """What every claim of one Doc reads: entity mentions by token, markers by token, attributions, author aliases."""

    doc: "Doc"
    text: str
    author_aliases: tuple[str, ...]
    markers: list[tuple[int, Any]]
    attributions: list[Attribution]
    mention_at: dict[int, _Mention] = field(default_factory=dict)
    mentions: list[_Mention] = field(default_factory=list)
    marker_at: dict[int, list[Any]] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)
    author_tokens: set[int] = field(default_factory=set)

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1


def _build_context(doc: "Doc", text: str, markers: Iterable[tuple[int, Any]], attributions: Iterable[Attribution],
                   mentions: Iterable[EntityMention], author_aliases: Sequence[str]) -> _Context:
    aliases = tuple(a for a in (alias.strip() for alias in author_aliases) if a)
    ctx = _Context(doc, text, aliases, list(markers), list(attributions))
    for m in mentions:
        mention = _Mention(m.token_start, m.token_end, m.demonym_of or m.canonical, m.label, bool(m.demonym_of))
        ctx.mentions.append(mention)
        for i in range(mention.start, mention.end):
            ctx.mention_at[i] = mention
    ctx.mentions.sort(key=lambda m: m.start)
    for token_index, marker in ctx.markers:
        ctx.marker_at.setdefault(token_index, []).append(marker)
    ctx.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    ctx.author_tokens = _author_tokens(doc, aliases)
    return ctx


def _author_tokens(doc: "Doc", aliases: Sequence[str]) -> set[int]:
    """Token indices of the author's self-references by name: each alias, and its head noun after *the* (*the
    Committee* for *Federal Open Market Committee*), matched case-sensitively as whole tokens."""
    if not aliases:
        return set()
    forms: set[tuple[str, ...]] = set()
    for alias in aliases:
        words = tuple(alias.split())
        forms.add(words)
        if len(words) > 1 and words[-1][:1].isupper():
            forms.add(("the", words[-1]))
            forms.add(("The", words[-1]))
    found: set[int] = set()
    orths = [t.text for t in doc]
    for words in forms:
        size = len(words)
        for start in range(len(orths) - size + 1):
            if tuple(orths[start : start + size]) == words:
                found.update(range(start, start + size))
    return found


# ----------------------------------------------------------------------------------------------- clause structure


def _children(token: "Token", deps: Iterable[str]) -> list["Token"]:
    return [c for c in token.children if c.dep_ in deps]


def _first(token: "Token", deps: Iterable[str]) -> "Token | None":
    for child in token.children:
        if child.dep_ in deps:
            return _hyphen_last(child)
    return None


def _nominal(token: "Token") -> bool:
    """A noun or a proper noun, or an adjective in a noun's place: the object of a preposition with a determiner or a
    possessive of its own, which the tagger mistook for an adjective (*back to its 2 percent objective*). Not a
    comparative or superlative (*for the better*, *at the latest*)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    return token.pos_ == "ADJ" and token.tag_ == "JJ" and token.dep_ == "pobj" and \
        any(c.dep_ in ("det", "poss") for c in token.children)


#: Prepositions whose object is the point a verb of motion or position places its subject against.
REFERENCE_PREPOSITIONS = frozenset({"below", "above", "near", "beyond"})


def _goal_phrase(verb: "Token", preposition: "Token") -> bool:
    """Whether ``preposition`` (a child of ``verb`` or of its adverb of direction) opens the goal of a verb of motion
    or change along a scale (*move back to its objective*, *rents rose to a record*), or the point such a verb or a
    verb of position places its subject against (*fell below the target*, *continued to run below the target*:
    ``lexicons/position_verbs.txt``); not an addressee or a recipient (*talk to*, *supply arms to*)."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in verb.children):
        return False
    lemma, word = verb.lemma_.lower(), preposition.lower_
    if lemma in read_word_list("motion_verbs.txt"):
        return word in GOAL_PREPOSITIONS or word in REFERENCE_PREPOSITIONS
    return word in REFERENCE_PREPOSITIONS and lemma in read_word_list("position_verbs.txt")


def _hyphen_last(token: "Token") -> "Token":
    """The last piece of a hyphenated word the parser split into sibling nouns (*re - entry* parsed as three
    subjects): the piece that heads the word (*entry*)."""
    doc = token.doc
    current = token
    while current.i + 2 < len(doc) and not current.whitespace_ and doc[current.i + 1].text == "-" and \
            not doc[current.i + 1].whitespace_ and doc[current.i + 2].head.i == current.head.i and \
            doc[current.i + 2].dep_ == current.dep_:
        current = doc[current.i + 2]
    return current


def _hyphen_first(token: "Token") -> "Token":
    """The first piece of a hyphenated word split into sibling nouns (the inverse of :func:`_hyphen_last`)."""
    doc = token.doc
    current = token
    while current.i >= 2 and doc[current.i - 1].text == "-" and not doc[current.i - 1].whitespace_ and \
            not doc[current.i - 2].whitespace_ and doc[current.i - 2].head.i == current.head.i and \
            doc[current.i - 2].dep_ == current.dep_:
        current = doc[current.i - 2]
    return current


def qualifiers_of(noun: "Token") -> tuple[str, ...]:
    """The words that say which thing of its kind a noun names, as lower-cased lemmas in text order: its noun
    modifiers with their own modifiers (*unemployment* rate, *federal funds* rate), its hyphenated classifiers
    (*market-based* measures, *longer-term* rates) and relational adjectives (*economic* / *political* activity,
    ``lexicons/relational_adjectives.tsv``). Gradable adjectives (*strong* gains, *low* rates) describe the
    thing rather than pick it out, and are left out."""
    pieces = {i for i in range(_hyphen_first(noun).i, noun.i + 1)}
    found: list[str] = []
    for child in (c for i in sorted(pieces) for c in noun.doc[i].lefts if c.i not in pieces):
        dep = child.dep_
        if dep != "compound" and (dep != "amod" or (child.lemma_.lower() not in relational_adjectives() and
                                                    not any(g.text == "-" and not g.whitespace_
                                                            for g in child.subtree))):
            continue  # neither a noun modifier, nor a relational or hyphenated adjective
        word = ""
        for token in child.subtree:
            if token.text == "-":
                word += "-"
            elif token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM", "ADV"):
                lemma = token.lemma_.lower()
                word += lemma if not word or word.endswith("-") else " " + lemma
        found += [w for w in word.split() if w.strip("-")]
    return tuple(dict.fromkeys(found))


def _existent(head: "Token") -> "Token | None":
    """What an existential clause says exists (*there remains significant slack*: slack), or None."""
    if not any(c.dep_ == "expl" and c.lower_ == "there" for c in head.children):
        return None
    return _first(head, ("attr", "nsubj", "dobj"))


def _is_verbal(token: "Token") -> bool:
    return token.pos_ in ("VERB", "AUX")


_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})


def _infinitival_question(verb: "Token") -> bool:
    """An infinitive that a wh-phrase introduces, an embedded question of deliberation (*how long to maintain the
    rate*, *when to moderate the pace*, *whether to close the library*): it says what is weighed, and nothing of
    it is claimed, whichever verb governs it."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
    if to is None:
        return False
    doc = verb.doc
    for i in range(to.i - 1, max(-1, to.i - 4), -1):
        token = doc[i]
        if token.tag_ in _WH_TAGS or token.lower_ == "whether":
            return True
        if token.is_punct or _is_verbal(token):
            return False
    return False


def _unfulfilled_obligation(verb: "Token") -> "Token | None":
    """The *should* of *should have* + past participle (*the city should have built the bridge*), a past obligation
    that was not met (Quirk et al. 1985, 4.58): what the clause says did not happen, unless the *should* is epistemic
    (*the parcel should have arrived by now*, a hedge the marker rules find). None for any other clause."""
    if verb.tag_ != "VBN":
        return None
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    should = next((c for c in auxiliaries if c.lower_ == "should"), None)
    if should is None or not any(c.lower_ == "have" for c in auxiliaries):
        return None
    return should


def _prospective_infinitive(verb: "Token") -> bool:
    """An infinitive complement of a verb of expectation or intention (*the council expects rents to fall*, *growth
    is projected to slow*: ``lexicons/prospective_verbs.txt``), which speaks of a time after its governor's: a
    prediction or a plan, whatever the governor's tense."""
    return verb.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
        verb.head.lemma_.lower() in read_word_list("prospective_verbs.txt")


def _participle_governor(verb: "Token") -> "Token | None":
    """The verb an adverbial participle hangs on (*activity will expand, with prices moving toward the target*;
    *conditions will improve, moving toward the target*), or None. A participle has no tense of its own: it speaks of
    the time of the clause it hangs on (Quirk et al. 1985, 14.10)."""
    if verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if verb.dep_ == "advcl" and _is_verbal(verb.head):
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "without") and _is_verbal(verb.head.head):
        return verb.head.head
    preposition = verb.head.head
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and preposition.lower_ in ("with", "without") and \
            _is_verbal(preposition.head):
        return preposition.head  # the same absolute parsed with the participle on its noun
    return None


#: Adverbs of direction that the parser makes the head of the phrase of a goal (*move back to its objective*,
#: *moved closer to the target*). Not all of :data:`DIRECTIONAL_ADVERBS`: *apart from*, *ahead of* and *off* head
#: phrases of exception or place (*running below its objective, apart from temporary variations*), not goals.
_GOAL_ADVERBS = frozenset({"back", "down", "up", "out", "away", "forward", "further", "closer"})


def _directional_adverb(token: "Token") -> bool:
    """An adverb of direction heading a goal phrase (*back* in *will move back to its objective*), whose phrase is a
    participant of the verb as if attached to it."""
    return token.dep_ in ("advmod", "prt") and token.lower_ in _GOAL_ADVERBS and \
        any(c.dep_ == "prep" for c in token.children)


def _belief_adjective_frame(adjective: "Token") -> bool:
    """A belief adjective after a copula with a that-clause of its own (*convinced that X*, *not sure that X*:
    ``lexicons/belief_adjectives.tsv``)."""
    return adjective.dep_ == "acomp" and adjective.lower_ in belief_adjectives() and \
        any(c.dep_ == "ccomp" and _is_verbal(c) for c in adjective.children)


def _correlative_negation(verb: "Token") -> str | None:
    """The word (*nor*, *neither*) that negates a clause, or None: a clause that opens with *Nor* (*Nor is Russia in
    Afghanistan to extract payback*), one that *neither* introduces (*the council neither approved ...*), or the
    conjunct after *nor* (*... did not act, nor did the mayor*; *neither approved nor rejected the plan*)."""
    children = list(verb.children)
    if any(c.lower_ == "nor" and c.dep_ in ("cc", "advmod", "preconj") and c.is_sent_start for c in children):
        return "nor"
    if any(c.lower_ == "neither" and c.dep_ in ("preconj", "advmod", "cc") and c.i < verb.i for c in children):
        return "neither"
    if verb.dep_ == "conj" and any(c.lower_ == "nor" and c.dep_ == "cc" and c.i < verb.i for c in verb.head.children):
        return "nor"
    return None


def _is_condition(token: "Token") -> bool:
    """An adverbial clause that states an open condition (*if X*, *unless X*) or an embedded question: what it
    supposes is not claimed."""
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    if token.lower_ == "anything" and "if" in marks:
        return False  # "if anything": a corrective downtoner (lexicons/metadiscourse.tsv), not a condition
    return bool(marks & CONDITION_MARKS) or "whether" in marks


def _conditional_participle(token: "Token") -> bool:
    """*provided that X*, *assuming X*: a participle that opens a condition (:data:`CONDITIONAL_PARTICIPLES`) and
    governs the clause it supposes."""
    return token.lower_ in CONDITIONAL_PARTICIPLES and token.dep_ in ("prep", "advcl", "conj", "mark") and \
        any(c.dep_ in ("pcomp", "ccomp", "advcl") and _is_verbal(c) for c in token.children)


def _future_supposition(head: "Token") -> str | None:
    """The subordinator of a time clause that ``head`` belongs to, when the clause it modifies is about the future
    (*the Committee will raise the rate when it has seen further improvement*: the improvement is supposed, not
    asserted; FactBank Uu), else None. A time clause about the past or present is asserted (*when the war ended,
    Russia withdrew*)."""
    current = head
    for _ in range(8):
        if current.dep_ == "advcl":
            subordinator = next((c.lower_ for c in current.children if c.dep_ in ("mark", "advmod")
                                 and c.lower_ in TEMPORAL_SUBORDINATORS), None)
            if subordinator is None:
                return None
            if current.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in current.children):
                return None  # a past tense names a real event: "will reopen after the strike ended last week"
            governor = current.head
            for _ in range(8):
                if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in governor.children):
                    return subordinator
                if governor.head.i == governor.i:
                    break
                governor = governor.head
            return None
        if current.dep_ not in ("conj", "ccomp", "xcomp", "acomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _reduced_relative(head: "Token") -> bool:
    """A bare past participle after a noun, which is what it is said of (*bounties paid by X*: the bounties are
    paid); not a finite clause the noun introduces (*evidence that the line has cut journey times*)."""
    return head.dep_ == "acl" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN") and \
        not any(c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in head.children)


def _sought(noun: "Token") -> bool:
    """A frame noun that is sought or awaited rather than had (``lexicons/seeking_verbs.txt``): the object of *await*
    or *seek*, or after *for* (*monitoring for evidence that*, *waiting for signs that*)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        return True
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in read_word_list("seeking_verbs.txt")


def _said_of_object(token: "Token") -> bool:
    """The complement of an *as* frame with an object to be said of (*sees the risks as balanced*)."""
    frame = as_frame_of(token)
    return frame is not None and _first(frame, ("dobj",)) is not None


def _limits_main_clause(token: "Token") -> bool:
    """A condition (:func:`_is_condition`, or a conditional participle) that the main clause depends on. Not
    concessive *even if*, comparative *as if*, nor *especially* / *particularly if*, which single out a case of a
    claim made anyway."""
    if _conditional_participle(token):
        return True
    if not _is_condition(token):
        return False
    marks = [c.i for c in token.children if c.dep_ == "mark" and c.lower_ == "if"]
    return not (marks and any(c.dep_ == "advmod" and c.lower_ in NOT_CONDITION_FOCUS and c.i < min(marks)
                              for c in token.children))


def _transparent_complement(token: "Token") -> "Token | None":
    """For a raising, implicative or negative-implicative verb or adjective: the complement that carries the claim
    (*seems to arm*, *failed to work*, *going to be*); else None."""
    xcomp = _first(token, ("xcomp",))
    if xcomp is None and token.lemma_ == "be":
        # "rents are likely to rise", parsed with the infinitive under the adjective
        raising = next((c for c in token.children if c.dep_ == "acomp" and embedding_class(c) == "raising"), None)
        xcomp = _first(raising, ("xcomp",)) if raising is not None else None
    if xcomp is None or not _is_verbal(xcomp) or _infinitival_question(xcomp):
        return None  # "has not decided whether to close X": the deciding is the claim, X is only weighed
    kind = embedding_class(token)
    if kind in ("raising", "implicative", "negative"):
        return xcomp
    if token.lemma_ == "go" and token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return xcomp  # "are going to be": a future
    if token.lemma_ == "be" and any(c.dep_ == "acomp" and embedding_class(c) in ("raising",) for c in token.children):
        return xcomp  # "is likely to X"
    if token.lemma_ == "be" and xcomp.lemma_ == "be" and not any(c.dep_ in ("acomp", "attr") for c in token.children):
        return xcomp  # "my response was to be skeptical": the second "be" carries the predicate
    return None


def _generic_aside(clause: "Token") -> bool:
    """*as often happens*: an adverbial clause with *as* and a frequency adverb (children or grandchildren)."""
    near = [g for c in clause.children for g in (c, *c.children)]
    return any(t.lower_ in FREQUENCY_ADVERBS for t in near) and any(t.lower_ == "as" for t in near)


def _year_tokens(doc: "Doc") -> dict[int, int]:
    """Token index -> year, for year numbers inside date entities (*in 2016*, *the 1990s*)."""
    return {t.i: int(t.text.rstrip("s")) for ent in doc.ents if ent.label_ == "DATE" for t in ent if YEAR.match(t.text)}


def _punct_or_space(doc: "Doc") -> list[bool]:
    """Per token, whether it is punctuation or white space (read from the Doc's arrays: a Token object costs more)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return []
    import numpy as np

    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return [bool(flag) for flag in np.logical_or(flags[:, 0], flags[:, 1]).tolist()]


def _character_offsets(doc: "Doc") -> tuple[list[int], list[int]]:
    """Per token, the character offsets where it starts and ends (read from the Doc's arrays)."""
    from spacy.attrs import IDX, LENGTH

    if not len(doc):
        return [], []
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
    return starts, [start + length for start, length in zip(starts, lengths)]


def _framing_adjective(verb: "Token") -> "Token | None":
    """For *imagine* in *it is hard to imagine that X*: the adjective that frames it (the verb's head, or the
    copula's predicative adjective), when the pair is in ``lexicons/frame_adjectives.tsv``."""
    head = verb.head
    candidates = [head] if head.pos_ == "ADJ" else [c for c in head.children if c.dep_ == "acomp"]
    for adjective in candidates:
        if (adjective.lemma_.lower(), verb.lemma_.lower()) in _frame_adjectives():
            return adjective
    return None


def _through_light_nouns(token: "Token") -> "Token":
    """*a form of insurance*, *part of some kind of coalition*: the noun after the light nouns."""
    current = token
    for _ in range(4):
        if current.lemma_.lower() not in LIGHT_NOUNS:
            break
        of = next((c for c in current.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _first(of, ("pobj",)) if of is not None else None
        if pobj is None:
            break
        current = pobj
    return current


def _absorbed(token: "Token") -> bool:
    """A complement that stays inside its governor's claim: the infinitive of an intention (*seeks to play*, *a
    desire to be*, *eager to bring*), or the verb of a purpose clause (*in order to*)."""
    if token.dep_ == "conj" and _is_verbal(token.head):
        return _absorbed(token.head)  # "the ability to finish off X or to leave Y"
    if token.dep_ == "pcomp":
        prep = token.head
        if prep.lower_ in ("for", "by"):
            return True  # "paid in exchange for killing", "by hosting talks": purpose, means
        if prep.lower_ == "about" and prep.head.lemma_ == "be":
            return True  # "is not about punishing the U.S.": the content of the copula's claim
    if token.dep_ not in ("xcomp", "acl", "advcl", "ccomp"):
        return False
    governor = token.head
    if token.dep_ == "xcomp":
        if embedding_class(governor) == "intention":
            return True
        if governor.pos_ == "ADJ" and embedding_class(governor) == "intention":
            return True
        if governor.pos_ == "ADJ" and embedding_class(governor) == "raising":
            return False  # "rents are likely to rise": the complement carries the claim, the adjective hedges it
        return governor.pos_ == "ADJ"  # "hard to imagine", "helpful to know": the adjective's own clause
    if token.dep_ == "acl" and governor.pos_ == "NOUN" and embedding_class(governor) == "intention":
        return True
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # "to support a stronger recovery, the Committee will ...": a purpose
    return False


class ClaimReader:
    """Reads the claims of one Doc. Call :meth:`read` once; the instance holds the Doc's context meanwhile."""

    def __init__(self, doc: "Doc", *, markers: Iterable[tuple[int, Any]], attributions: Iterable[Attribution],
                 mentions: Iterable[EntityMention], author_aliases: Sequence[str] = (), text: str | None = None,
                 sents: "Sequence[Span] | None" = None) -> None:
        self.doc = doc
        self.sents = list(doc.sents) if sents is None else list(sents)
        self.ctx = _build_context(doc, doc.text if text is None else text, markers, attributions, mentions,
                                  author_aliases)
        self.sent_starts = [s.start for s in self.sents]
        self.punct_or_space = _punct_or_space(doc)
        # the parse as lists, read once: most rules test a word's label before they read the word itself
        self.parse = parse_arrays(doc)
        self.char_start, self.char_end = _character_offsets(doc)
        self.years = _year_tokens(doc)
        self.evaluative = dict(evaluative_indices(doc))
        self.goal_nouns = goal_noun_indices(doc)
        self.evaluative_order = sorted(self.evaluative)
        self.not_evaluative = self._marker_tokens(("hedge", "booster", "engagement")) | \
            fixed_expression_tokens(doc, self.evaluative)

    def _first_child(self, token: "Token", deps: Iterable[str]) -> "Token | None":
        """:func:`_first` read from the Doc's arrays: the first child of ``token`` with one of the ``deps`` (the head
        piece of a hyphenated word), or None."""
        found = self.parse.children_with(token.i, deps)
        return _hyphen_last(self.doc[found[0]]) if found else None

    def _children(self, token: "Token", deps: Iterable[str]) -> list["Token"]:
        """The children of ``token`` with one of the ``deps``, in text order (read from the Doc's arrays)."""
        return [self.doc[i] for i in self.parse.children_with(token.i, deps)]

    def _has_child(self, token: "Token", deps: Iterable[str]) -> bool:
        """Whether ``token`` has a child with one of the ``deps``."""
        return bool(self.parse.children_with(token.i, deps))

    def _span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive), as ``doc[start:end].text`` gives it."""
        return self.ctx.text[self.char_start[start] : self.char_end[end - 1]] if end > start else ""

    def _inside_condition(self, token: "Token") -> bool:
        """Whether a clause lies inside the antecedent of a condition (*if inflation continues to run below*,
        *provided that demand holds*): a condition clause or a conditional participle among its heads."""
        head_at, dep_at, lower_at = self.parse.head, self.parse.dep, self.parse.lower
        current = token.i
        while head_at[current] != current:
            if dep_at[current] == "advcl" and current != token.i and _is_condition(self.doc[current]):
                return True
            governor = head_at[current]
            if lower_at[governor] in CONDITIONAL_PARTICIPLES and _conditional_participle(self.doc[governor]):
                return True
            current = governor
        return False

    def _marker_tokens(self, categories: tuple[str, ...]) -> set[int]:
        """Token indices covered by markers of the given categories."""
        covered: set[int] = set()
        for _, marker in self.ctx.markers:
            if marker.category not in categories:
                continue
            span = self.doc.char_span(marker.start, marker.end, alignment_mode="expand")
            if span is not None:
                covered.update(range(span.start, span.end))
        return covered

    # ------------------------------------------------------------------------------------ heads

    def _frames_above(self, head: "Token") -> list["Token"]:
        """The transparent governors of a claim head, nearest first: raising or implicative verbs whose complement it
        is, and epistemic frames (*there is evidence that*, *it is unlikely that*, *the Committee expects that*)."""
        frames: list["Token"] = []
        current = head
        for _ in range(8):
            governor = current.head
            if governor.i == current.i:
                break
            complement = _transparent_complement(governor) if current.dep_ == "xcomp" else None
            if complement is not None and complement.i == current.i:
                frames.append(governor)
            elif current.dep_ in ("ccomp", "acl", "xcomp") and self._is_frame(governor, current):
                frames.append(governor)
            elif current.dep_ == "acomp" and governor.lemma_ == "be":
                frames.append(governor)
            else:
                break
            current = governor
        return frames

    def _is_frame(self, governor: "Token", content: "Token") -> bool:
        """Whether ``governor`` only frames ``content`` (the content is the claim, the governor lends it cues)."""
        if content.dep_ == "ccomp" and _belief_adjective_frame(governor):
            subject = self._first_child(governor.head, SUBJECT_DEPS)
            return subject is not None and self._is_author(subject)  # "I am not sure that X"
        if content.dep_ == "acl" and governor.pos_ == "NOUN":
            # "evidence that X", "the fact that X": the noun and its clause is one claim about X
            return governor.lemma_.lower() in _frame_nouns() and _is_verbal(content)
        if not _is_verbal(governor) or not _is_verbal(content):
            return False
        if governor.lemma_ == "be":
            subject = self._first_child(governor, SUBJECT_DEPS | {"expl"})
            if subject is not None and subject.lower_ in ("it", "there") and content.i > governor.i:
                return True  # "it is unlikely that X", "there is evidence that X" (not "I was wrong: it is ...")
            return False
        subject = self._first_child(governor, SUBJECT_DEPS | {"expl"})
        complement = _transparent_complement(governor.head) if governor.dep_ == "xcomp" else None
        if subject is None and complement is not None and complement.i == governor.i:
            subject = self._first_child(governor.head, SUBJECT_DEPS)  # "the Committee continues to expect that X"
        lemma = governor.lemma_.lower()
        if subject is not None and subject.lower_ == "it" and content.i > governor.i and \
                embedding_class(governor) == "raising":
            return True  # "it seems that X", "it appears that X": the raising verb hedges X
        if lemma in reporting_verbs() and subject is not None and self._is_author(subject):
            return True  # "I think that X", "the Committee expects that X"
        if lemma in ("suggest", "indicate", "show", "imply", "mean", "confirm", "demonstrate") and subject is not None \
                and subject.pos_ != "PRON" and not self._is_person_like(subject):
            return True  # "information received suggests that X", "my research indicates X"
        if governor.dep_ == "xcomp" and _framing_adjective(governor) is not None:
            return True  # "hard to imagine that X"
        return False

    def _sentential_antecedent(self, head: "Token") -> "Token | None":
        """The subject a sentential relative clause speaks of (*the council raised rents, which angered tenants*:
        the council's raising them, named by the council): the subject of the nearest clause above it."""
        governor = head.head
        while governor.i != head.i:
            if _is_verbal(governor) or governor.pos_ == "ADJ":
                return self._subject_of(governor, self._frames_above(governor))
            if governor.head.i == governor.i:
                break  # the root, and no clause above
            governor = governor.head
        return None

    def _is_author(self, token: "Token") -> bool:
        """A subject that is the author: a first-person pronoun, the author's name or one of its aliases, or a
        pronoun that stands for one (*the Committee recognizes X, but it anticipates Y*)."""
        if token.lower_ in FIRST_PERSON or token.i in self.ctx.author_tokens:
            return True
        if token.pos_ == "PRON":
            antecedent = self._antecedent(token, allow_author=True)
            return antecedent is not None and antecedent.i in self.ctx.author_tokens
        return False

    @staticmethod
    def _is_person_like(token: "Token") -> bool:
        from .attribution import is_person_like

        return is_person_like(token)

    def _clause_heads(self, sent: "Span") -> list["Token"]:
        """Tokens that head a claim in the sentence, in order."""
        heads = []
        for i in range(sent.start, sent.end):
            if self.parse.pos[i] not in ("VERB", "AUX") or self.parse.dep[i] in NON_HEAD_DEPS or \
                    self.parse.dep[i] in ("aux", "auxpass"):
                continue
            token = self.doc[i]
            if _transparent_complement(token) is not None or _absorbed(token):
                continue
            if token.dep_ == "advcl" and _is_condition(token):
                continue  # the antecedent of a condition is supposed, not claimed
            if _conditional_participle(token) or self._inside_condition(token):
                continue  # *provided that X*, *if X continues to rise*: neither the participle nor X is claimed
            if token.dep_ == "ccomp" and any(c.lower_ == "whether" for c in self._children(token, ("mark",))):
                continue
            if _infinitival_question(token):
                continue  # "in deciding how long to keep the library open": what is weighed is not claimed
            if any(self._is_frame(token, c) for c in self._children(token, ("ccomp", "xcomp"))):
                continue
            if any(_belief_adjective_frame(c) for c in self._children(token, ("acomp",))):
                continue  # "she is convinced that X": the belief frames X, as "she believes that X" does
            if token.lemma_ == "be" and any(self._frames_noun(c) for c in self._children(token, ("attr",))):
                continue  # "there is plausible evidence that X": the claim is X
            heads.append(token)
        heads += self._nominal_heads(sent)
        heads.sort(key=lambda t: t.i)
        return [h for h in heads if not self._only_reports(h, heads)]

    def _only_reports(self, head: "Token", heads: list["Token"]) -> bool:
        """A reporting clause (*officials have accused X of Y*, *they hoped that Y*) whose content is a claim of its
        own: the report is recorded as that claim's source, not as a claim."""
        for a in self.ctx.attributions:
            if a.cue_start != head.i and not (a.kind == "reporting_verb" and self.parse.head[a.cue_start] == head.i
                                              and self.parse.dep[a.cue_start] == "xcomp"):
                continue
            if any(a.content_start <= h.i < a.content_end for h in heads if h.i != head.i):
                return True
        return False

    def _frames_noun(self, noun: "Token") -> bool:
        return any(self._is_frame(noun, c) for c in self._children(noun, ("acl",)))

    def _nominal_heads(self, sent: "Span") -> list["Token"]:
        """Event nouns that carry reported content of their own (*denied military support to the Taliban*, *won't
        confirm arm supplies*): the attribution component's content is a noun phrase."""
        heads = []
        doc = self.doc
        for a in self.ctx.attributions:
            if not (sent.start <= a.content_start < sent.end):
                continue
            span = doc[a.content_start : a.content_end]
            if any(_is_verbal(t) for t in span):
                continue
            complement = next((t for t in span if _said_of_object(t)), None)
            if complement is not None:
                heads.append(complement)  # "sees the risks as balanced": the risks are balanced, in its view
            elif span.root.pos_ == "NOUN":
                heads.append(span.root)
        return heads

    # ------------------------------------------------------------------------------------ arguments

    def _subject_of(self, head: "Token", frames: list["Token"]) -> "Token | None":
        """The claim's subject: its own, a raising or implicative frame's (*Russia seems to arm*), the first
        conjunct's, the noun a participle modifies, or the accused of *accused X of providing*."""
        for candidate in [head, *frames]:
            subject = self._first_child(candidate, SUBJECT_DEPS)
            if candidate is head and _existent(head) is not None:
                return None  # "there remains slack": what exists is the claim's object, not a frame's subject
            if subject is None or subject.lower_ == "there" or (subject.lower_ == "it" and _extraposing(candidate)):
                continue
            if subject.lower_ in ("that", "which", "who") and head.dep_ == "relcl":
                return head.head
            if subject.lower_ == "which" and subject.tag_ == "WDT" and head.dep_ != "relcl":
                return self._sentential_antecedent(head)
            return subject
        if head.dep_ == "relcl":
            return head.head
        frame = as_frame_of(head)
        if frame is not None and self._first_child(frame, ("dobj",)) is not None:
            return self._first_child(frame, ("dobj",))  # "sees the risks as balanced": said of the risks
        if head.dep_ == "conj" and _is_verbal(head.head):
            return self._subject_of(head.head, self._frames_above(head.head))
        if head.dep_ == "conj" and head.head.pos_ == "NOUN":
            return self._first_child(head.head, ("poss",))  # "Moscow's decision to open ... and (to) supply ..."
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
            if head.tag_ == "VBN":
                agent = self._first_child(head, ("agent",))
                return self._first_child(agent, ("pobj",)) if agent is not None else None
            of = next((c for c in self._children(noun, ("prep",)) if c.lower_ == "of"), None)
            if of is not None and self._first_child(of, ("pobj",)) is not None:
                return self._first_child(of, ("pobj",))  # "evidence of Russia providing ..."
            possessor = self._first_child(noun, ("poss",))
            return possessor if possessor is not None else noun
        if head.dep_ == "pcomp" and _is_verbal(head.head.head):
            verb = head.head.head
            as_frame = head.head.lower_ == "as" and verb.lemma_.lower() in read_word_list("as_frames.tsv")
            obj = self._first_child(verb, ("dobj",)) \
                if head.head.lower_ in OBJECT_CONTROL_PREPOSITIONS or as_frame else None
            if obj is not None:
                return obj  # "accused X of providing", "kept X from leaving", "sees X as having diminished"
            return self._subject_of(verb, self._frames_above(verb))  # "in determining", "by raising", "after ..."
        if head.dep_ in ("xcomp", "advcl") and _is_verbal(head.head):
            return self._subject_of(head.head, [])
        if head.pos_ == "NOUN":
            possessor = self._first_child(head, ("poss",))
            if possessor is not None:
                return possessor
            return next((c for c in self._children(head, ("amod",)) if c.i in self.ctx.mention_at), None)
        return None

    def _resolve_entity(self, token: "Token") -> str | None:
        """The canonical entity a noun-phrase head stands for: its own mention, the entity modifying an agent noun
        (*the Russian government*), or the nearest earlier organisation for *the group*."""
        mention = self.ctx.mention_at.get(token.i)
        if mention is not None:
            return mention.entity
        lemma = token.lemma_.lower()
        if token.lower_ in read_word_list("agent_nouns.txt") or lemma in read_word_list("agent_nouns.txt"):
            for child in token.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in self.ctx.mention_at:
                    return self.ctx.mention_at[child.i].entity
        if token.pos_ == "PRON":
            antecedent = self._antecedent(token)
            return self._resolve_entity(antecedent) if antecedent is not None and antecedent.pos_ != "PRON" else None
        labels = _anaphoric_nouns().get(lemma)
        if labels and any(c.lower_ == "the" for c in self._children(token, ("det",))):
            first_sentence = max(0, bisect.bisect_right(self.sent_starts, token.i) - 4)
            window_start = self.sent_starts[first_sentence] if self.sent_starts else 0
            earlier = [m for m in self.ctx.mentions if window_start <= m.start < token.i and m.label in labels
                       and not m.demonym]
            if earlier:
                return earlier[-1].entity
        return None

    def _argument(self, token: "Token", role: str, depth: int = 0,
                  modifiers: bool = True) -> list[tuple[Argument, "Token"]]:
        """The arguments a noun-phrase head contributes, with their tokens: itself (entity or head noun) and the
        entities modifying it (*Russian support to the Taliban*: support, Russia, the Taliban). A pronoun stands
        for its antecedent's arguments."""
        if token.i in self.ctx.author_tokens or token.lower_ in FIRST_PERSON:
            return [(Argument(key="author", text=token.text, role=role), token)]  # type: ignore[arg-type]
        if token.pos_ == "PRON":
            antecedent = self._antecedent(token, allow_author=True) if depth == 0 else None
            if antecedent is None:
                return []
            if antecedent.i in self.ctx.author_tokens:
                return [(Argument(key="author", text=token.text, role=role), token)]  # type: ignore[arg-type]
            # the antecedent's participants, placed at the pronoun: what evaluates them is read in this clause
            return [(Argument(a.key, token.text, role if a.role == "subject" else a.role, a.entity), token)  # type: ignore[arg-type]
                    for a, _ in self._argument(antecedent, "subject", depth + 1, modifiers)]
        found: list[tuple[Argument, "Token"]] = []
        if token.lemma_.lower() in LIGHT_NOUNS and token.dep_ != "pobj":
            inner = _through_light_nouns(token)
            if inner.i != token.i:
                return self._argument(inner, role, depth, modifiers)  # "this kind of thinking": the thinking
        if token.lemma_.lower() in MEASURE_NOUNS:
            of = next((c for c in self._children(token, ("prep",)) if c.lower_ == "of"), None)
            measured = self._first_child(of, ("pobj",)) if of is not None else None
            if measured is not None and measured.pos_ in ("NOUN", "PROPN"):
                found += self._argument(measured, role, depth, modifiers)
        entity = self._resolve_entity(token)
        if entity is not None:
            found.append((Argument(key="ent:" + entity, text=self._np_text(token), role=role,  # type: ignore[arg-type]
                                   entity=entity), token))
        elif _nominal(token) and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY",
                                                         "QUANTITY"):
            lemma = token.lemma_.lower()
            if lemma not in _generic_nouns():
                found.append((Argument(key="np:" + concept_key(lemma), text=self._np_text(token),
                                       role=role, qualifiers=qualifiers_of(token)), token))  # type: ignore[arg-type]
        if entity is None and token.pos_ in ("NOUN", "PROPN"):
            for adjective in (c for c in self._children(token, ("amod",))):
                noun = relational_adjectives().get(adjective.lemma_.lower())
                if noun is not None:  # "economic growth": the economy's growth
                    found.append((Argument(key="np:" + concept_key(noun), text=adjective.text,
                                           role="oblique"), adjective))
        takes_modifiers = modifiers and (role == "subject" or self._is_event_noun(token) or
                                         token.lower_ in read_word_list("agent_nouns.txt"))
        pieces = range(_hyphen_first(token).i, token.i + 1) if takes_modifiers else range(0)
        modifier_deps = ("amod", "compound", "poss", "nmod", "prep")
        children = [self.doc[c] for piece in pieces for c in self.parse.children[piece]
                    if c not in pieces and self.parse.dep[c] in modifier_deps]
        for child in children:
            modifier = None
            modifier_role = role
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                modifier = child  # "Russian support", "Moscow's decision": the agent, in the phrase's own role
            elif child.dep_ == "prep" and child.lower_ in ("of", "to", "for", "with", "against", "toward", "towards"):
                modifier = self._first_child(child, ("pobj",))
                modifier_role = "oblique"  # "support to the Taliban": a further participant
            if modifier is None or modifier.i in self.ctx.author_tokens:
                continue
            if modifier.pos_ == "PRON" and modifier.dep_ == "poss" and depth == 0:
                antecedent = self._antecedent(modifier)
                other = self._resolve_entity(antecedent) if antecedent is not None else None
            else:
                other = self._resolve_entity(modifier) if modifier.pos_ != "PRON" else None
            if other is not None and other != entity:
                found.append((Argument(key="ent:" + other, text=modifier.text, role=modifier_role,  # type: ignore[arg-type]
                                       entity=other), modifier))
        return found

    @staticmethod
    def _is_event_noun(token: "Token") -> bool:
        """A noun that names an event or act (*support*, *supplies*, *engagement*, *decision*): its modifiers are the
        event's participants. *the Taliban's enemies* is not an event of the Taliban's."""
        return token.pos_ == "NOUN" and derivational_base(token.lemma_.lower()) in _verb_lemmas()

    def _antecedent(self, pronoun: "Token", allow_author: bool = False) -> "Token | None":
        """The noun phrase a third-person pronoun stands for: the most salient earlier noun phrase of this sentence or
        the one before that agrees in number, by grammatical role and recency (:data:`SALIENCE_ROLES`, after Lappin &
        Leass 1994): a subject of this sentence first, then an object of this sentence or a subject of the one
        before (*I was wrong about the tram line: it is a success*)."""
        lower = pronoun.lower_
        if lower not in ("they", "them", "their", "it", "its", "theirs"):
            return None
        plural = lower in ("they", "them", "their", "theirs")

        def agrees(token: "Token") -> bool:
            if not plural and token.ent_type_ == "PERSON":
                return False  # "it" does not stand for a person
            token_plural = token.tag_ in ("NNS", "NNPS") or (token.ent_type_ in ("NORP",) and token.tag_ != "NNP")
            return token.ent_type_ == "ORG" or plural == token_plural

        if pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head.dep_ == "conj":
            # the subject of a coordinated clause continues the first clause's subject (parallelism): "the board
            # approved the plan that the mayor proposed, and it will fund it"
            parallel = self._first_child(pronoun.head.head, ("nsubj", "nsubjpass"))
            if parallel is not None and parallel.pos_ != "PRON" and agrees(parallel) and \
                    (allow_author or parallel.i not in self.ctx.author_tokens):
                return parallel
        sentence = bisect.bisect_right(self.sent_starts, pronoun.i) - 1
        start = self.sent_starts[sentence] if self.sent_starts else 0
        first = self.sent_starts[max(0, sentence - 1)] if self.sent_starts else 0
        best: tuple[int, int] | None = None
        co_arguments = {c.i for c in self._children(pronoun.head, SUBJECT_DEPS)} \
            if pronoun.dep_ in ("dobj", "dative", "attr") else set()
        for i in range(pronoun.i - 1, first - 1, -1):
            if i in co_arguments:
                continue  # "the mayor rejected it": an object pronoun is not its own clause's subject (Chomsky 1981)
            role = SALIENCE_ROLES.get(self.parse.dep[i])
            pos = self.parse.pos[i]
            if role is None or pos == "PRON" or (role < SALIENCE_ROLES["nsubj"] and pos not in ("NOUN", "PROPN")):
                continue
            token = self.doc[i]
            if token.i in self.ctx.author_tokens and not allow_author:
                continue
            if not agrees(token):
                continue
            score = role + (SALIENCE_THIS_SENTENCE if i >= start else SALIENCE_PREVIOUS_SENTENCE)
            if best is None or score > best[0]:
                best = (score, i)  # scanning backwards: on a tie the nearest stays
        return self.doc[best[1]] if best is not None else None

    def _np_text(self, token: "Token") -> str:
        mention = self.ctx.mention_at.get(token.i)
        if mention is not None:
            return self._span_text(mention.start, mention.end)
        pieces = range(_hyphen_first(token).i, token.i + 1)
        modifiers = ("det", "amod", "compound", "poss", "nummod", "nmod")
        left = min([pieces[0]] + [self.doc[c].left_edge.i for i in pieces
                                  for c in self.parse.children_with(i, modifiers) if c < i])
        return self._span_text(left, token.i + 1)

    def _arguments(self, head: "Token", subject: "Token | None") -> list[tuple[Argument, "Token"]]:
        args: list[tuple[Argument, "Token"]] = []
        if subject is not None:
            args += self._argument(subject, "subject")
            for conj in _children(subject, ("conj",)):
                args += self._argument(conj, "subject")
        content = self._content_word(head)
        for anchor in ([head] if content.i == head.i else [head, content]):
            goal_phrases = (c for a in anchor.children if _directional_adverb(a) for c in a.children)
            for child in [*anchor.children, *goal_phrases]:
                if child.dep_ in OBJECT_DEPS and child.pos_ in ("NOUN", "PROPN", "PRON"):
                    args += self._argument(child, "object")
                    for conj in _children(child, ("conj",)):
                        args += self._argument(conj, "object")
                elif child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
                    pobj = self._first_child(child, ("pobj",))
                    if pobj is not None and _nominal(pobj):
                        role = "subject" if child.dep_ == "agent" else "goal" if _goal_phrase(anchor, child) \
                            else "oblique"
                        nested = child.dep_ == "agent"  # "paid by Russian operatives": the agent's own modifiers
                        args += self._argument(pobj, role, modifiers=nested)
                        for conj in _children(pobj, ("conj",)):
                            args += self._argument(conj, role, modifiers=nested)
        if head.pos_ == "NOUN":
            args += [pair for pair in self._argument(head, "object") if pair[0].entity]
            args += self._reported_noun_arguments(head)
        if _reduced_relative(head):
            args += self._argument(head.head, "object")  # "bounties paid by X": the bounties are what is paid
        unique: dict[str, tuple[Argument, "Token"]] = {}
        for pair in args:
            unique.setdefault(pair[0].key, pair)
        return list(unique.values())

    def _reported_noun_arguments(self, noun: "Token") -> list[tuple[Argument, "Token"]]:
        """For reported content that is a noun phrase (*denied military support to the Taliban*): the cue verb's
        prepositional objects, which the parser often attaches to the verb, and the holder as the agent when the noun
        has none (those who deny or confirm support are its givers)."""
        found: list[tuple[Argument, "Token"]] = []
        verb = noun.head if noun.dep_ == "dobj" else None
        if verb is None:
            return found
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "for", "with", "against"):
                pobj = self._first_child(child, ("pobj",))
                if pobj is not None:
                    found += [pair for pair in self._argument(pobj, "oblique") if pair[0].entity]
        if verb.lemma_.lower() in ("deny", "confirm", "admit", "acknowledge") and \
                not any(pair[0].role == "subject" for pair in found):
            subject = self._first_child(verb, SUBJECT_DEPS)
            if subject is not None:
                found += [(Argument(a.key, a.text, "subject", a.entity), t) for a, t in self._argument(subject, "subject")
                          if a.entity]
        return found

    def _content_word(self, head: "Token") -> "Token":
        """The word that carries a copular clause's predicate (*is questionable* -> questionable, *is a form of
        insurance* -> insurance), else the head itself."""
        if head.lemma_ not in COPULAS:
            return head
        complement = self._first_child(head, ("acomp", "attr", "oprd"))
        if complement is None:
            return head
        return _through_light_nouns(complement)

    def _predicate_keys(self, head: "Token", subject: "Token | None",
                        scope: Sequence[int] = ()) -> tuple[str, tuple[str, ...]]:
        content = self._content_word(head)
        predicate = content.lemma_.lower()
        keys = [concept_key(predicate)]
        left, right = head.left_edge.i, head.right_edge.i
        for i in scope:
            if not left <= i <= right or i == head.i or self.parse.pos[i] != "VERB":
                continue
            token = self.doc[i]
            if _absorbed(token):
                keys.append(concept_key(token.lemma_.lower()))
                obj = self._first_child(token, ("dobj",))
                if obj is not None and obj.pos_ == "NOUN" and self._resolve_entity(obj) is None:
                    keys.append(concept_key(obj.lemma_.lower()))
        for child in head.children if content.i == head.i else list(head.children) + list(content.children):
            if child.dep_ == "dobj" and child.pos_ == "NOUN" and self._resolve_entity(child) is None:
                keys.append(concept_key(_through_light_nouns(child).lemma_.lower()))
                # the quality of what is done: "pursuing a pragmatic policy" is about pragmatism
                keys += [concept_key(a.lemma_.lower()) for a in child.children if a.dep_ == "amod" and a.pos_ == "ADJ"]
            elif child.dep_ == "prep" and child.lower_ == "with":
                pobj = self._first_child(child, ("pobj",))
                if pobj is not None and pobj.pos_ == "NOUN" and self._resolve_entity(pobj) is None:
                    keys.append(concept_key(pobj.lemma_.lower()))
            elif child.dep_ in ("xcomp", "acl") and _absorbed(child):
                keys.append(concept_key(child.lemma_.lower()))
                obj = self._first_child(child, ("dobj",))
                if obj is not None and obj.pos_ == "NOUN" and obj.i not in self.ctx.mention_at:
                    keys.append(concept_key(obj.lemma_.lower()))
            elif child.dep_ == "compound" and head.pos_ == "NOUN" and child.pos_ == "NOUN":
                keys.append(concept_key(child.lemma_.lower()))  # "arm supplies"
        if subject is not None and subject.pos_ == "NOUN" and head.lemma_ == "be":
            base = concept_key(subject.lemma_.lower())
            if base in _verb_lemmas() and subject.lemma_.lower() not in _generic_nouns():
                keys.append(base)  # "Russian support ... has been limited": about the support
        keys = [k for k in dict.fromkeys(keys) if k and k not in ("be", "have", "do") and k not in _generic_nouns()]
        return predicate, tuple(keys)

    # ------------------------------------------------------------------------------------ scope, polarity, time

    def _clause_tokens(self, head: "Token", frames: list["Token"], heads: set[int]) -> list[int]:
        """The tokens whose cues apply to the claim: the head's subtree without embedded claims, plus the frames'
        own tokens (without the frame's other clauses)."""
        tokens: list[int] = []
        skipped = {f.i for f in frames} | {head.i}
        for root in [head, *frames]:
            stack = [root.i]
            while stack:
                index = stack.pop()
                tokens.append(index)
                for child in self.parse.children[index]:
                    if child in heads or child in skipped:
                        continue  # an embedded claim, the claim's head or one of its frames
                    dep = self.parse.dep[child]
                    if dep in ("relcl", "advcl", "acl", "conj", "parataxis", "ccomp", "csubj") and \
                            self.parse.pos[child] in ("VERB", "AUX") and not _absorbed(self.doc[child]):
                        continue
                    if dep in ("xcomp", "ccomp", "advcl") and _infinitival_question(self.doc[child]):
                        continue  # "has not decided whether to close X": the question's words are not cues here
                    stack.append(child)
        return sorted(set(tokens))

    def _time_frame(self, head: "Token", frames: list["Token"], scope: list[int]) -> tuple[TimeFrame, int | None]:
        """The claim's time frame and the earliest year named in its clause (a historical anchor)."""
        chain = [head, *frames]
        head_children = list(head.children)
        if head.dep_ == "conj" and _is_verbal(head.head) and not any(c.dep_ in ("aux", "auxpass") for c in head_children):
            chain.append(head.head)  # "would see X and push Y": the conjuncts share their auxiliaries
        governor = next((g for g in map(_participle_governor, chain) if g is not None), None)
        if governor is not None:
            chain.append(governor)  # "will expand, with prices moving toward X": the time of the clause it hangs on
        children = [c for t in chain for c in (head_children if t.i == head.i else t.children)]
        lowers = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        advcls = [c for c in children if c.dep_ == "advcl"]
        finite = self._finite_verb(head, frames)
        if finite is None and governor is not None:
            finite = self._finite_verb(governor, [])
        if _unfulfilled_obligation(head) is not None:
            frame: TimeFrame = "past"  # "should have built it decades ago": what was due and did not happen
        elif lowers & FUTURE_MODALS or any(t.lemma_ == "go" and t.tag_ == "VBG" for t in frames) or \
                _prospective_infinitive(head):
            frame = "future"
        elif lowers & HYPOTHETICAL_MODALS or any(_is_condition(c) for c in advcls):
            frame = "hypothetical"
        elif any(f.lemma_ == "decide" and any(self._is_author(c) for c in self._children(f, SUBJECT_DEPS))
                 for f in frames):
            frame = "present"  # "the Committee decided today to keep X": an announced decision
        elif finite is not None and (finite.tag_ == "VBD" or finite.lower_ in ("had", "was", "were", "did")):
            frame = "past"
        elif finite is None and head.tag_ == "VBD":
            frame = "past"
        else:
            frame = "present"
            if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS for c in children) or any(
                    _generic_aside(c) for c in advcls):
                frame = "generic"  # "as often happens, ...": a generalisation
        years = [self.years[i] for i in scope if i in self.years]
        return frame, (min(years) if years else None)

    def _finite_verb(self, head: "Token", frames: list["Token"]) -> "Token | None":
        """The token that carries tense: the first auxiliary of the chain, or a finite verb."""
        for t in [head, *frames]:
            auxes = [c for c in self._children(t, ("aux", "auxpass")) if c.lower_ != "to"]
            if auxes:
                return auxes[0]
            if t.tag_ in ("VBD", "VBZ", "VBP"):
                return t
        governor = head.head
        while head.dep_ in ("acl", "relcl") and governor.pos_ in ("NOUN", "PROPN", "PRON") and \
                governor.head.i != governor.i:
            governor = governor.head  # "I heard similar claims made against X": the tense of "heard"
            if _is_verbal(governor):
                break
            if governor.dep_ == "prep":
                governor = governor.head
        if head.dep_ in ("acl", "pcomp", "xcomp", "relcl", "advcl", "conj") and _is_verbal(governor):
            auxes = [c for c in self._children(governor, ("aux", "auxpass")) if c.lower_ != "to"]
            if auxes:
                return auxes[0]
            if governor.tag_ in ("VBD", "VBZ", "VBP"):
                return governor
        return None

    # ------------------------------------------------------------------------------------ certainty

    def _attribution_of(self, head: "Token", scope: set[int]) -> tuple[Attribution, bool] | None:
        """The innermost attribution whose content holds the claim head and whose cue is outside the claim; else a
        report noun whose complement holds it (*intelligence about bounties paid by X*). With it, whether the author
        holds the content (*its view that X*, *I expect that X*, *X is expected to*): the author's own commitment."""
        found = self._attribution_span(head, scope)
        return found if found is not None else self._noun_report(head)

    def _noun_report(self, head: "Token") -> tuple[Attribution, bool] | None:
        """*intelligence about X*, *allegations of X*, *reports that X*: X is reported by whoever the noun stands for
        (its possessor, or the noun phrase itself); with whether that is the author."""
        from .attribution import attribution_nouns

        nouns = attribution_nouns()
        if head.dep_ in ("ccomp", "attr") and head.head.lemma_ == "be":
            subject = self._first_child(head.head, SUBJECT_DEPS)
            entry = nouns.get(subject.lemma_.lower()) if subject is not None else None
            if subject is not None and entry is not None and entry[0] != "factive":
                # "their hope was that X", "the official view is that X": the noun's holder's content
                possessor = self._first_child(subject, ("poss",))
                holder = self._span_text(possessor.left_edge.i, possessor.i + 1) if possessor is not None \
                    else subject.text
                found = Attribution("noun_report", subject.text, subject.i, subject.i + 1, entry[0],
                                    head.left_edge.i, head.right_edge.i + 1, holder,
                                    possessor.left_edge.i if possessor is not None else None,
                                    possessor.i + 1 if possessor is not None else None, entry[1])
                return found, possessor is not None and self._holder_is_author(found)
        current = head
        for _ in range(6):
            if current.head.i == current.i:
                return None
            current = current.head
            if _is_verbal(current):
                obj = self._first_child(current, ("dobj",))
                if obj is not None and obj.pos_ == "NOUN" and obj.i != head.i:
                    current = obj  # "ignored intelligence about X": the phrase hangs on the verb
            if current.pos_ != "NOUN":
                continue
            entry = nouns.get(current.lemma_.lower())
            if entry is None or entry[0] == "factive":
                continue  # "the revelation that X", "evidence that X": the author's, not a report
            region = StanceLinker._complement_region(current)
            if region is None or not (region[0] <= head.i < region[1]):
                continue
            possessor = self._first_child(current, ("poss",))
            holder = self._span_text(possessor.left_edge.i, possessor.i + 1) if possessor is not None else current.text
            return Attribution("noun_report", current.text, current.i, current.i + 1, entry[0], region[0], region[1],
                               holder, None, None, entry[1]), False
        return None

    def _attribution_span(self, head: "Token", scope: set[int]) -> tuple[Attribution, bool] | None:
        best = None
        for a in self.ctx.attributions:
            if not (a.content_start <= head.i < a.content_end):
                continue
            if a.cue_kind == "evidence" and a.kind == "noun_complement":
                continue  # "evidence that X": the author's evidential, handled as a frame
            if a.cue_start in scope and a.kind not in ("quotation", "according_to", "for_source"):
                continue
            if best is None or (a.content_end - a.content_start) < (best.content_end - best.content_start):
                best = a
        if best is None:
            return None
        if best.holder_start is not None and self._holder_is_author(best):
            return best, True
        if best.kind == "impersonal" and \
                self.doc[best.cue_start].lemma_.lower() in read_word_list("impersonal_expectations.txt"):
            return best, True  # "inflation is expected to rise": the writer's own hedge
        return best, False

    def _enclosing_holder(self, attribution: Attribution) -> str | None:
        """For a quotation without a named speaker: the holder of a reporting attribution around it."""
        for a in self.ctx.attributions:
            if a is not attribution and a.holder and a.content_start <= attribution.content_start and \
                    attribution.content_end <= a.content_end + 1:
                return a.holder
            if a is not attribution and a.holder and a.kind == "reporting_verb" and \
                    a.cue_start < attribution.content_start and \
                    self.doc[a.cue_start].sent.start == self.doc[attribution.content_start].sent.start:
                return a.holder
        return None

    def _holder_is_author(self, attribution: Attribution) -> bool:
        """A holder that is the author: a first-person pronoun, the author's name, or a pronoun standing for it
        (*its view that X* in a text where the Committee speaks of itself)."""
        start, end = attribution.holder_start, attribution.holder_end
        return self._is_author(self.doc[start:end].root)

    def _author_certainty(self, head: "Token", frames: list["Token"], scope: list[int],
                          question: bool, voices: tuple[str, ...] = ("author",)) -> tuple[str, bool, list[str]]:
        """(level, negative, cues) of the author's commitment to a claim of his own; with ``voices`` ``("author",
        "attributed")``, the commitment its content states, whoever holds it (the cues of a reported clause count)."""
        if question:
            return "Uu", False, ["?"]
        supposed = _future_supposition(head)
        if supposed is not None:
            return "Uu", False, [supposed]  # "will raise the rate when it has seen X": X is supposed
        level, negative, cues = "CT", False, []
        chain = [head, *frames]
        for t in chain:
            if self._has_child(t, ("neg",)):
                negative = not negative
                cues.append("not")
            correlative = _correlative_negation(t)
            if correlative is not None:
                negative = not negative
                cues.append(correlative)
            if embedding_class(t) == "negative" and t.i != head.i:
                negative = not negative
                cues.append(t.lower_)
        unfulfilled = _unfulfilled_obligation(head)
        if unfulfilled is not None and not self.ctx.marker_at.get(unfulfilled.i):
            negative = not negative  # "the city should have built the bridge": it did not (not an epistemic should)
            cues.append("should have")
        subject = self._first_child(head, SUBJECT_DEPS) or next(
            (self._first_child(f, SUBJECT_DEPS) for f in frames if self._first_child(f, SUBJECT_DEPS) is not None),
            None)
        if subject is not None and (
                any(c.lower_ in NEGATIVE_DETERMINERS for c in self._children(subject, ("det", "preconj"))) or
                subject.lower_ in ("nobody", "nothing", "none", "noone")):
            negative = not negative
            cues.append(self._span_text(subject.left_edge.i, subject.i + 1).lower())
        for frame in frames:
            frame_level = _frame_nouns().get(frame.lemma_.lower()) if frame.pos_ == "NOUN" else None
            if frame_level is not None and _sought(frame):
                frame_level = "Uu"  # "awaiting evidence that X", "monitoring for signs that X": X is not asserted
            if frame_level is None and _belief_adjective_frame(frame):
                frame_level = belief_adjectives()[frame.lower_]
                if self._has_child(frame.head, ("neg",)) or self._has_child(frame, ("neg",)):
                    frame_level = "Uu"  # "I am not sure that X": uncommitted, not sure that not X
                    negative = not negative  # the negation is spent on the belief
                    if "not" in cues:
                        cues.remove("not")
                    cues.append("not " + frame.lower_)
                    level = "Uu"
                    continue
            adjective = _framing_adjective(frame) if frame_level is None and frame.dep_ == "xcomp" else None
            if adjective is not None:
                frame_level = _frame_adjectives()[(adjective.lemma_.lower(), frame.lemma_.lower())]
                cues.append(adjective.lower_ + " to " + frame.lower_)  # "hard to imagine that X": PR-
            elif frame_level is None and _is_verbal(frame) and frame.lemma_.lower() in reporting_verbs():
                frame_level = _author_level(frame)  # "the Committee expects that X": PR
            if frame_level is None:
                continue
            frame_degree, frame_negates = certainty_parts(frame_level.rstrip("-") + ("-" if frame_level.endswith("-") else "+")) \
                if frame_level != "Uu" else ("Uu", False)
            if frame_negates:
                negative = not negative
            if LEVEL_RANK[frame_degree] < LEVEL_RANK[level]:
                level = frame_degree
            cues.append(frame.lower_)
        seen: set[int] = set()
        beliefs = {f.i for f in frames if _belief_adjective_frame(f)}
        predicate_nouns = {head.i, self._content_word(head).i} | {f.i for f in frames}
        for i in scope:
            markers = self.ctx.marker_at.get(i)
            if not markers or i in beliefs:
                continue  # no cue here, or the belief adjective framing the claim (counted once, as its frame)
            attributive = self.parse.dep[i] == "amod" and self.doc[i].head.i not in predicate_nouns
            for marker in markers:
                if marker.voice not in voices or id(marker) in seen:
                    continue
                if attributive and marker.category == "hedge":
                    # "weighs the likely costs": the adjective hedges the costs, not the weighing (but "plausible
                    # evidence that X" hedges X: the noun is X's frame)
                    continue
                seen.add(id(marker))
                effect, negates = cue_effect(marker.category, marker.subcategory, marker.text)
                if marker.category == "hedge" and marker.epistemic is False:
                    effect = None  # an approximator-type hedge leaves certainty alone; "hardly" still negates
                if effect is None and not negates:
                    continue
                cues.append(marker.text.lower())
                if negates:
                    negative = not negative
                if effect is not None and LEVEL_RANK[effect] < LEVEL_RANK[level]:
                    level = effect
        if negative and any(c.lower_ == "without" for t in chain for c in self._children(t, ("prep",))):
            negative = False  # "hardly a week passes without a crisis", "never ... without": two negatives
            cues.append("without")
        if any(_limits_main_clause(c) for t in chain for c in self._children(t, ("advcl", "prep", "conj"))):
            if LEVEL_RANK["PS"] < LEVEL_RANK[level]:
                level = "PS"
            cues.append("if")
        return level, negative, cues

    def _claim_certainty(self, head: "Token", frames: list["Token"], scope: list[int],
                         question: bool) -> tuple[str, str | None, tuple[Source, ...], list[str], ClaimRole]:
        """(author's certainty, holder, nested sources, cues, role)."""
        level, negative, cues = self._author_certainty(head, frames, scope, question)
        found = self._attribution_of(head, set(scope))
        attribution, author_held = found if found is not None else (None, False)
        stated_level, stated_negative = level, negative
        if any(m.voice != "author" for i in scope for m in self.ctx.marker_at.get(i, ())):
            # the cues of content framed as someone's (*officials say the plan could fail*): what its holder commits
            # to; the author's own commitment when the author holds it (*the Committee recognizes that X could pose
            # risks*, with no other holder found, or *its view that X*) or vouches for it with a factive verb
            # (*the council recognizes that the plan could fail*: possible, not certain)
            stated_level, stated_negative, stated_cues = self._author_certainty(head, frames, scope, question,
                                                                                ("author", "attributed"))
            cues += [c for c in stated_cues if c not in cues]
        if attribution is None or author_held:
            level, negative = stated_level, stated_negative  # the author's own content: its cues are the author's
        if attribution is not None and author_held:
            author_level = _author_level(self.doc[attribution.cue_start]) or "CT"
            degree = author_level.rstrip("-+")
            if author_level.endswith("-"):
                negative = not negative
            if LEVEL_RANK.get(degree, 3) < LEVEL_RANK[level]:
                level = degree
            cues.append(attribution.cue.lower())
            attribution = None  # "its view that X", "I expect that X": the author's own commitment
        own = certainty_label(level, negative)
        if attribution is None:
            role: ClaimRole = "assertion"
            if not frames and (head.pos_ == "NOUN" or head.dep_ in ("relcl", "acl", "pcomp", "advcl")):
                role = "presupposition"
            if any(embedding_class(t) == "intention" for t in [head.head] if head.dep_ in ("xcomp", "acl")):
                own = "Uu"
            return own, None, (Source(None, own),), cues, role
        holder = attribution.holder or self._enclosing_holder(attribution) or "unnamed source"
        stated = certainty_label(stated_level, stated_negative)
        verb_class = attribution.verb_class
        cue_token = self.doc[attribution.cue_start]
        cue_negated = self._has_child(cue_token, ("neg",)) or \
            any(c.dep_ == "neg" for c in cue_token.head.children if cue_token.dep_ in ("xcomp",))
        if cue_token.lemma_.lower() == "deny":
            holder_value = certainty_label(stated_level, not stated_negative)
        elif cue_negated:
            holder_value = "Uu"
        else:
            holder_value = stated
        if verb_class == "factive" and not cue_negated:
            author_value = stated
        elif level != "CT" and attribution.kind == "noun_report":
            author_value = own  # "intelligence about bounties supposedly paid": the author's own hedge
        else:
            author_value = "Uu"
        sources = (Source(None, author_value, None), Source(holder, holder_value, attribution.cue))
        return author_value, holder, sources, cues + [attribution.cue.lower()], "report"

    # ------------------------------------------------------------------------------------ claims

    def read(self) -> list[Claim]:
        """Every claim of the Doc, in text order, with stance links resolved."""
        claims: list[Claim] = []
        self._heads_of: dict[int, int] = {}
        for sent_index, sent in enumerate(self.sents):
            if all(t.is_punct or t.is_space for t in sent):
                continue
            question = any(t.text == "?" for t in sent[-2:])
            heads = self._clause_heads(sent)
            head_indices = {h.i for h in heads}
            for head in heads:
                claim = self._claim(head, head_indices, sent, sent_index, question, len(claims))
                if claim is not None and (claim.arguments or self._may_be_stance(head)):
                    self._heads_of[head.i] = len(claims)
                    claims.append(claim)
        return StanceLinker(self, claims).link()

    def _gist(self, head: "Token", subject: "Token | None") -> str:
        """The proposition in plain words, positive and in the present: subject, verb, object and the phrases that
        name its participants (*Russia supplies the Taliban with arms*, *Russia pays bounties to the Taliban*)."""
        parts = []
        plural = subject is not None and self._plural(subject)
        copula = "are" if plural else "is"
        if subject is not None:
            parts.append(self._participant_text(subject))
        content = self._content_word(head)
        about = next((c for c in self._children(head, ("prep",))), None) if head.lemma_ == "be" else None
        existent = _existent(head) if subject is None else None
        if existent is not None:
            verb = head.lemma_.lower()
            number = existent.tag_ in ("NNS", "NNPS")
            parts.append("there " + ((verb if verb != "be" else "are") if number else
                                     ("is" if verb == "be" else _third_person(verb))))
            parts.append(self._participant_text(existent))  # "there remains slack", "there are too few ferries"
            anchor = existent
        elif head.lemma_ == "be" and content.i == head.i and about is not None:
            parts.append(copula + " " + about.lower_)  # "Russia's engagement is (not) about punishing the U.S."
            complement = self._first_child(about, ("pcomp", "pobj"))
            if complement is not None and complement.dep_ == "pobj":
                parts.append(self._participant_text(complement))  # "purchases are (not) on a preset course"
            elif complement is not None:
                obj = self._first_child(complement, ("dobj",))
                parts.append(complement.lower_ + (" " + self._participant_text(obj) if obj is not None else ""))
            anchor = head
        elif head.lemma_ == "be" and content.i != head.i:
            parts.append(copula)
            parts.append(self._participant_text(content) if content.pos_ in ("NOUN", "PROPN") else content.text.lower())
            anchor = content
        elif as_frame_of(head) is not None:
            parts.append(copula + " " + (self._participant_text(head) if head.pos_ == "NOUN" else head.lower_))
            anchor = head  # "sees the risks as balanced": the risks are balanced
        elif head.pos_ == "NOUN":
            parts.append(head.lemma_.lower() if head.lemma_ else head.text)
            anchor = head
        elif self._has_child(head, ("auxpass",)):
            parts.append(copula + " " + head.lower_)  # "Russia is spooked by the Islamic State"
            anchor = head
            agent = self._first_child(head, ("agent",))
            pobj = self._first_child(agent, ("pobj",)) if agent is not None else None
            if pobj is not None:
                parts.append("by " + self._participant_text(pobj))
        else:
            verb = head.lemma_.lower()
            particle = self._first_child(head, ("prt",))
            parts.append((verb if plural and verb != "be" else "are" if plural else _third_person(verb))
                         + (" " + particle.lower_ if particle is not None else ""))
            direction = next((c for c in self._children(head, ("advmod",)) if c.i > head.i and
                              any(t.lower_ in DIRECTIONAL_ADVERBS for t in c.subtree)), None)
            if direction is not None:  # "political ties go back further", "inflation moves back toward its objective"
                adverbs = [t for t in direction.subtree if t.pos_ == "ADV"]
                parts.append(" ".join(t.lower_ for t in adverbs))
                goal = next((c for t in adverbs for c in t.children
                             if c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards")), None)
                point = self._first_child(goal, ("pobj",)) if goal is not None else None
                if goal is not None and point is not None:
                    parts.append(goal.lower_ + " " + self._participant_text(point))
            anchor = head
            complement = self._first_child(head, ("xcomp",))
            if complement is not None and _absorbed(complement):
                obj = self._first_child(complement, ("dobj",))
                parts.append("to " + complement.lemma_.lower() + (" " + self._participant_text(obj) if obj is not None
                                                                  else ""))
            obj = self._first_child(head, ("dobj", "attr"))
            if obj is None and _reduced_relative(head):
                obj = head.head
            if obj is not None:
                parts.append(self._participant_text(obj))
            small = self._first_child(head, ("ccomp",)) if obj is None else None
            small_subject = self._first_child(small, SUBJECT_DEPS) \
                if small is not None and small.pos_ in ("ADJ", "NOUN") else None
            if small is not None and small_subject is not None:
                # "antagonism makes such cooperation improbable": the small clause is what is made so
                parts.append(self._participant_text(small_subject) + " " + small.lower_)
        for child in anchor.children:
            if about is not None and child.i == about.i and existent is None and content.i == head.i:
                continue  # named above as the copula's complement
            if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "with", "for", "against", "from", "about",
                                                                     "on", "toward", "towards", "in", "below",
                                                                     "above", "near"):
                pobj = self._first_child(child, ("pobj",))
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                    continue
                if child.lower_ == "in" and pobj.i not in self.ctx.mention_at:
                    continue
                parts.append(child.lower_ + " " + self._participant_text(pobj))
        text = " ".join(p for p in parts if p)
        return text[:1].upper() + text[1:] if text else ""

    def _plural(self, subject: "Token") -> bool:
        """Whether a subject is a plural noun phrase (*rents rise*, *the risks are balanced*), through a pronoun's
        antecedent; the names of entities read as singular, as in running text."""
        if subject.pos_ == "PRON":
            antecedent = self._antecedent(subject, allow_author=True)
            if antecedent is None:
                return subject.lower_ in ("they", "them")
            subject = antecedent
        if subject.i in self.ctx.author_tokens or self._resolve_entity(subject) is not None:
            return False
        return subject.tag_ in ("NNS", "NNPS")

    def _participant_text(self, token: "Token") -> str:
        """A participant as a reader names it: the canonical entity it stands for, else its noun phrase."""
        if token.pos_ == "PRON":
            antecedent = self._antecedent(token, allow_author=True)
            if antecedent is None:
                return token.lower_ if token.lower_ not in ("i", "we") else "the author"
            token = antecedent
        if token.lemma_.lower() in LIGHT_NOUNS and token.dep_ != "pobj":
            inner = _through_light_nouns(token)
            if inner.i != token.i:
                token = inner  # "this kind of zero-sum thinking": the thinking
        entity = self._resolve_entity(token)
        if entity is not None:
            return ("the " + entity) if entity in _definite_entities() else entity
        pieces = range(_hyphen_first(token).i, token.i + 1)
        left = min([pieces[0]] + [c.left_edge.i for i in pieces for c in self.doc[i].lefts
                                  if c.dep_ in ("amod", "compound", "nummod", "nmod", "det", "poss")])
        words = [t for t in self.doc[left : token.i + 1] if t.lower_ not in ("a", "an", "the", "this", "these", "that",
                                                                             "those", "such")]
        if not words:
            return token.text
        text = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text
        if words[0].is_sent_start and words[0].pos_ != "PROPN" and not words[0].text.isupper():
            text = text[:1].lower() + text[1:]  # "Whatever schadenfreude ...": capitalised only as the sentence opens
        return text

    def _with_goal_distance(self, evaluations: list[Evaluation], head: "Token",
                            arguments: Sequence[tuple[Argument, "Token"]]) -> list[Evaluation]:
        """The evaluations with the subject's move toward or away from a goal the author holds added to the subject's
        (:func:`.evaluation.goal_distance`: *inflation moved closer to the Committee's objective*)."""
        left, right = head.left_edge.i, head.right_edge.i
        if not any(left <= i <= right for i in self.goal_nouns):
            return evaluations
        verb = self._content_word(head)
        move = goal_distance(verb, self.goal_nouns, self._is_author, read_word_list("motion_verbs.txt"))
        if move is None:
            return evaluations
        valence, cue = move
        subjects = [a.key for a, _ in arguments if a.role == "subject" and a.key != "author"]
        if not subjects:
            return evaluations
        found = {e.target: e for e in evaluations}
        for key in subjects:
            old = found.get(key)
            found[key] = Evaluation(target=key, score=round(valence + (old.score if old else 0.0), 2),
                                    cues=(old.cues if old else ()) + (cue,))
        return [e for e in found.values() if e.score]

    def _evaluative_near(self, head: "Token", arguments: Sequence[tuple[Argument, "Token"]]) -> bool:
        """Whether any evaluative word lies in the sentence region of the claim (most claims have none, and then
        their evaluations need not be looked for)."""
        if not self.evaluative_order:
            return False
        left = min([head.left_edge.i] + [t.left_edge.i for _, t in arguments])
        right = max([head.right_edge.i] + [t.head.right_edge.i for _, t in arguments])
        position = bisect.bisect_left(self.evaluative_order, left)
        return position < len(self.evaluative_order) and self.evaluative_order[position] <= right

    def _may_be_stance(self, head: "Token") -> bool:
        """A clause without arguments is kept only if it may carry the author's stance (*They may be right*)."""
        predicates = _stance_predicates()
        return any(t.lemma_.lower() in predicates for t in [head, *head.children])

    def _claim(self, head: "Token", heads: set[int], sent: "Span", sent_index: int, question: bool,
               index: int) -> Claim | None:
        frames = self._frames_above(head)
        subject = self._subject_of(head, frames)
        argument_tokens = self._arguments(head, subject)
        if not argument_tokens and not self._may_be_stance(head):
            return None  # a claim without participants can neither align nor carry a stance
        arguments = [a for a, _ in argument_tokens]
        scope = self._clause_tokens(head, frames, heads)
        words = [i for i in scope if not self.punct_or_space[i]]
        if not words:
            return None
        predicate, keys = self._predicate_keys(head, subject, scope)
        certainty, holder, sources, cues, role = self._claim_certainty(head, frames, scope, question)
        time_frame, anchor = self._time_frame(head, frames, scope)
        start_token = min(words)
        end_token = max(words)
        start = self.doc[start_token].idx
        end = self.doc[end_token].idx + len(self.doc[end_token].text)
        polarity_source = sources[-1].certainty if holder is not None else certainty
        if polarity_source == "Uu":
            negative_claim = "not" in cues
        else:
            negative_claim = certainty_parts(polarity_source)[1]
        evaluations = argument_evaluations(self.doc, argument_tokens, self.evaluative, self.not_evaluative,
                                           within=set(scope) | {head.i}, parse=self.parse) \
            if self._evaluative_near(head, argument_tokens) else []
        if self.goal_nouns:
            evaluations = self._with_goal_distance(evaluations, head, argument_tokens)
        return Claim(
            index=index,
            sentence=sent_index,
            paragraph=self.ctx.paragraph_of(self.doc[sent.start].idx),
            start=start,
            end=end,
            text=self.ctx.text[start:end],
            predicate=predicate,
            predicate_keys=keys,
            arguments=tuple(arguments),
            polarity="negative" if negative_claim else "positive",
            time_frame=time_frame,
            certainty=certainty,  # type: ignore[arg-type]
            voice="reported" if holder is not None else "author",
            role=role,
            holder=holder,
            sources=sources,
            cues=tuple(dict.fromkeys(cues)),
            evaluations=tuple(evaluations),
            anchor_year=anchor,
            head=head.i,
            gist=self._gist(head, subject),
        )


# ----------------------------------------------------------------------------------------------- stance links


class StanceLinker:
    """Resolves shell nouns and stance predicates to the claims they are about, and records the author's stance."""

    def __init__(self, reader: ClaimReader, claims: list[Claim]) -> None:
        self.reader = reader
        self.doc = reader.doc
        self.claims = claims
        self.claim_at_head = {c.head: c.index for c in claims}

    def link(self) -> list[Claim]:
        links: dict[int, StanceLink] = {}
        for claim in self.claims:
            if claim.voice != "author":
                continue
            link = self._stance_of(claim, links)
            if link is not None:
                links[claim.index] = link
        if not links:
            return self.claims
        from dataclasses import replace

        return [replace(c, stance=links[c.index], role="stance") if c.index in links else c for c in self.claims]

    def _stance_of(self, claim: Claim, links: dict[int, StanceLink]) -> StanceLink | None:
        predicates = _stance_predicates()
        lemma_at, pos_at = self.reader.parse.lemma, self.reader.parse.pos
        for index in self._clause_indices(claim):
            entry = predicates.get(lemma_at[index])
            if entry is None or (entry.pos == "ADJ") != (pos_at[index] == "ADJ") and entry.pos != "NOUN":
                continue
            token = self.doc[index]
            target, via = self._target(token, entry, claim, links)
            if target is None:
                continue
            certainty = self._stance_certainty(token, entry, claim)
            return StanceLink(target=target, certainty=certainty, cue=token.text, via=via,  # type: ignore[arg-type]
                              time_frame=claim.time_frame)
        return None

    def _clause_indices(self, claim: Claim) -> range:
        """The token indices of the claim's clause."""
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def _target(self, token: "Token", entry: StancePredicate, claim: Claim,
                links: dict[int, StanceLink]) -> tuple[int | None, str]:
        doc = self.doc
        if "subject" in entry.frames:
            subject = self._copular_subject(token)
            if subject is not None:
                shell = self._through_truth_noun(subject)
                resolved = self._resolve_shell(shell, claim)
                if resolved is not None:
                    return resolved, doc[shell.left_edge.i : shell.i + 1].text
        if "of" in entry.frames:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
            pobj = _first(prep, ("pobj",)) if prep is not None else None
            if pobj is not None and self._experiencer_is_author(token):
                resolved = self._resolve_shell(pobj, claim)
                if resolved is not None:
                    return resolved, doc[pobj.left_edge.i : pobj.i + 1].text
        if "object" in entry.frames and _is_verbal(token):
            obj = _first(token, ("dobj",))
            if obj is not None and self._experiencer_is_author(token):
                resolved = self._resolve_shell(obj, claim)
                if resolved is not None:
                    return resolved, doc[obj.left_edge.i : obj.i + 1].text
        if "object" in entry.frames and token.pos_ == "NOUN" and token.head.dep_ == "prep" and token.head.lower_ == "as":
            verb = token.head.head
            obj = _first(verb, ("dobj",)) if _is_verbal(verb) else None
            if obj is not None and self._experiencer_is_author(verb):
                resolved = self._resolve_shell(obj, claim)
                if resolved is not None:
                    return resolved, doc[obj.left_edge.i : obj.i + 1].text
        if "holder" in entry.frames:
            subject = self._copular_subject(token)
            if subject is not None and subject.pos_ in ("PRON", "NOUN", "PROPN") and \
                    not self.reader._is_author(subject):
                resolved = self._reported_before(claim)
                if resolved is not None:
                    return resolved, subject.text
        if "implicit" in entry.frames and self._experiencer_is_author(token) and \
                not any(c.dep_ == "prep" for c in token.children):
            resolved = self._topic(claim, links)
            if resolved is not None:
                return resolved, ""
        return None, ""

    @staticmethod
    def _copular_subject(token: "Token") -> "Token | None":
        governor = token.head if token.dep_ in ("acomp", "attr", "oprd") else token
        subject = _first(governor, SUBJECT_DEPS)
        if subject is None and governor.dep_ == "xcomp":
            subject = _first(governor.head, SUBJECT_DEPS)
        return subject

    def _through_truth_noun(self, token: "Token") -> "Token":
        """*the veracity of X* stands for X."""
        if token.lemma_.lower() in read_word_list("truth_nouns.txt"):
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = _first(of, ("pobj",)) if of is not None else None
            if pobj is not None:
                return pobj
        return token

    def _experiencer_is_author(self, token: "Token") -> bool:
        """The one who holds the stance is the author: a first-person subject, the author's name, or none (an
        impersonal stance), or the author's own reaction (*my initial response was to be skeptical*)."""
        current = token
        for _ in range(4):
            subject = _first(current, SUBJECT_DEPS)
            if subject is not None:
                if self.reader._is_author(subject):
                    return True
                return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children)
            if current.head.i == current.i:
                return True
            current = current.head
        return True

    def _resolve_shell(self, token: "Token", claim: Claim) -> int | None:
        """The claim a shell noun phrase stands for: an earlier noun phrase with the same head and a complement, else
        the nearest earlier reported (or asserted) content that the noun can name, preferring content that shares
        words with the noun phrase's own modifiers."""
        lemma = token.lemma_.lower()
        antecedents = _shell_nouns().get(lemma)
        if antecedents is None:
            return None
        is_shell = any(c.dep_ == "det" and c.lower_ in SHELL_DETERMINERS for c in token.children) or \
            any(c.dep_ == "amod" and c.lower_ in ("recent", "latest", "similar", "same", "particular")
                for c in token.children)
        if not is_shell:
            return None
        own_words = {concept_key(t.lemma_.lower()) for t in token.subtree
                     if t.pos_ in ("NOUN", "VERB", "PROPN") and t.i != token.i}
        own_entities = {self.reader.ctx.mention_at[t.i].entity for t in token.subtree if t.i in self.reader.ctx.mention_at}
        first_sentence = max(0, claim.sentence - SHELL_WINDOW)
        earlier = [c for c in self.claims if c.end <= self.doc[token.i].idx and c.index != claim.index
                   and c.role != "stance"]
        candidates = [c for c in earlier if first_sentence <= c.sentence]
        same_head = self._same_head_antecedent(lemma, token, candidates)
        if same_head is not None:
            return same_head
        scored = []
        for c in earlier:
            compatible = "*" in antecedents or c.voice == "reported" and any(
                (s.cue or "").lower() in antecedents or _lemma_of(s.cue) in antecedents for s in c.sources)
            overlap = len(own_words & set(c.predicate_keys)) + len(
                own_words & {a.key[3:] for a in c.arguments if a.key.startswith("np:")}) + len(
                own_entities & set(c.entities))
            if overlap >= 2 or (compatible and c.sentence >= first_sentence):
                scored.append((overlap + compatible, c.index))
        if not scored:
            return None
        best = max(score for score, _ in scored)
        return max(index for score, index in scored if score == best)

    def _same_head_antecedent(self, lemma: str, token: "Token", candidates: list[Claim]) -> int | None:
        """An earlier noun phrase with the same head noun (*intelligence about X* ... *this intelligence*): the first
        claim inside its complement (*about X*, *that X*, a participle), or the claim it is an argument of."""
        if not candidates:
            return None
        first = self._token_at(candidates[0].start)
        for earlier in reversed([t for t in self.doc[first : token.i] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"]):
            region = self._complement_region(earlier)
            inside = [c for c in candidates if region is not None and region[0] <= c.head < region[1]]
            if inside:
                return inside[0].index
            owner = [c for c in candidates if c.start <= earlier.idx < c.end]
            if owner:
                return owner[-1].index
        return None

    @staticmethod
    def _complement_region(noun: "Token") -> tuple[int, int] | None:
        """Token range of a noun's propositional complement: its own *about / of / on / concerning* phrase or clause,
        or the same phrase attached to the verb the noun is the object of (a common misattachment)."""
        holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in ("about", "of", "on", "concerning", "regarding"):
                    return child.i, child.right_edge.i + 1
                if child.dep_ in ("acl", "relcl") and holder.i == noun.i:
                    return child.left_edge.i, child.right_edge.i + 1
        return None

    def _token_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _reported_before(self, claim: Claim) -> int | None:
        """The nearest earlier reported claim, in this sentence or the two before (*They may be right*)."""
        for c in reversed(self.claims[: claim.index]):
            if claim.sentence - c.sentence > 2:
                break
            if c.voice == "reported":
                return c.index
        return None

    def _topic(self, claim: Claim, links: dict[int, StanceLink]) -> int | None:
        """The proposition under discussion for a stance without an object: the latest earlier stance target whose
        stance shares this claim's time frame, else the latest reported claim, within the window."""
        first_sentence = claim.sentence - SHELL_WINDOW
        for index in sorted(links, reverse=True):
            source = self.claims[index]
            if source.sentence < first_sentence:
                break
            if _frames_compatible(self.claims[links[index].target].time_frame, claim.time_frame):
                return links[index].target
        if links:
            return links[max(links)].target  # the latest proposition the author took a stance on
        for c in reversed(self.claims[: claim.index]):
            if c.sentence < first_sentence:
                break
            if c.voice == "reported":
                return c.index
        return None

    def _stance_certainty(self, token: "Token", entry: StancePredicate, claim: Claim) -> str:
        """The stance's value read in its own clause: a comparative *less* reverses it at PS (*less credible*);
        a negation reverses it, and a reversed certainty becomes a possibility (*not be so dismissive*); the clause's
        other epistemic hedges cap it (*perhaps*, *may*, *seems*)."""
        level, negative = certainty_parts(entry.certainty)
        if any(c.dep_ == "advmod" and c.lower_ in ("less", "least") for c in token.children):
            negative, level = not negative, "PS"
        chain = [token]
        current = token
        for _ in range(3):
            if current.dep_ in ("acomp", "attr", "xcomp", "oprd") and current.head.i != current.i:
                current = current.head
                chain.append(current)
            else:
                break
        if any(c.dep_ == "neg" for t in chain for c in t.children):
            negative = not negative
            if level == "CT":
                level = "PS"
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        for t in span if span is not None else []:
            for marker in self.reader.ctx.marker_at.get(t.i, ()):
                if marker.voice != "author" or marker.category != "hedge" or t.i == token.i:
                    continue
                if marker.text.lower() in (token.lower_, token.lemma_.lower()):
                    continue
                effect, negates = cue_effect(marker.category, marker.subcategory, marker.text)
                if effect is not None and not negates and LEVEL_RANK[effect] < LEVEL_RANK[level]:
                    level = effect
        return certainty_label(level, negative)


def _third_person(verb: str) -> str:
    """The third-person singular present of a verb lemma (*supply* -> *supplies*, *be* -> *is*)."""
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if verb in irregular:
        return irregular[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


@functools.lru_cache(maxsize=1)
def _definite_entities() -> frozenset[str]:
    """Canonical names that take *the* in running text (*the Taliban*, *the United States*), from the known-entity
    table's aliases."""
    names = set()
    for row in read_table("known_entities.tsv"):
        aliases = [a.strip() for a in row["aliases"].split("|")]
        if any(a.lower() == "the " + row["canonical"].lower() for a in aliases):
            names.add(row["canonical"])
    return frozenset(names)


def _lemma_of(word: str | None) -> str:
    if not word:
        return ""
    lower = word.lower()
    for suffix in ("ed", "es", "s", "d", "ing"):
        if lower.endswith(suffix) and lower[: -len(suffix)] in reporting_verbs():
            return lower[: -len(suffix)]
    return lower


def _frames_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return {a, b} <= {"present", "generic", "future"}


@functools.lru_cache(maxsize=1)
def _generic_nouns() -> frozenset[str]:
    return read_word_list("generic_nouns.txt")


def extract_claims(doc: "Doc", *, markers: Iterable[tuple[int, Any]], attributions: Iterable[Attribution],
                   mentions: Iterable[EntityMention], author_aliases: Sequence[str] = (), text: str | None = None,
                   sents: "Sequence[Span] | None" = None) -> list[Claim]:
    """The claims of a parsed Doc (see the module docstring). ``markers``: (token index, marker) pairs, the marker
    with ``category``, ``subcategory``, ``text``, ``voice``; ``attributions`` and ``mentions``: the attribution and
    canonical-entity components' results, typed (``Attribution.from_dict``, :func:`kalinovsky_nlp.profile.entity_mentions`
    read them from the Doc); ``author_aliases``: the author's name and the names the author uses for
    itself."""
    repairs = _stranded_subjects(doc)
    if repairs:
        doc = coordination_repaired(doc, repairs)
        sents = [doc[s.start : s.end] for s in sents] if sents is not None else None
        attributions = [_over_both_clauses(a, repairs, doc) for a in attributions]
    return ClaimReader(doc, markers=markers, attributions=attributions, mentions=mentions,
                       author_aliases=author_aliases, text=text, sents=sents).read()


#: A clause whose subject the parser joined to the phrase before it: (verb, noun, coordinator, first conjunct when
#: the parser made it a modifier of the noun), token indices.
_StrandedSubject = tuple[int, int, int, "int | None"]


def _stranded_subjects(doc: "Doc") -> list[_StrandedSubject]:
    """:func:`_stranded_subject` of each complement clause's verb (found from the Doc's arrays: only a ``ccomp`` can
    have one)."""
    import numpy as np
    from spacy.attrs import DEP

    if not len(doc):
        return []
    complements = np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings["ccomp"]).tolist()
    return [(i, *found) for i in complements if (found := _stranded_subject(doc[i])) is not None]


def coordination_repaired(doc: "Doc", repairs: Sequence[_StrandedSubject] | None = None) -> "Doc":
    """The Doc with one parse error mended, on a copy (the Doc itself is left as the pipeline made it; the token
    indices stay as they are): two clauses coordinated after a complement (*activity will expand at a moderate pace
    and labor market indicators will continue to strengthen*; *ridership will grow at a steady rate and fares will
    remain low*), where the parser joins the second clause's subject to the noun phrase before it and leaves the
    second verb without a subject. The noun phrase becomes the verb's subject, the first conjunct keeps its place.
    Without such a clause, the Doc itself."""
    found = _stranded_subjects(doc) if repairs is None else repairs
    if not found:
        return doc
    copy = doc.copy()
    for verb_index, noun_index, coordinator_index, first_index in found:
        verb, noun, coordinator = copy[verb_index], copy[noun_index], copy[coordinator_index]
        if first_index is not None:  # "a moderate pace and labor market conditions" parsed as one phrase
            first = copy[first_index]
            first.head, first.dep_ = noun.head, noun.dep_
            for child in [c for c in noun.lefts if c.i < first.i]:
                child.head = first  # "a" of "a moderate pace"
        noun.head, noun.dep_ = verb, "nsubj"
        coordinator.head = verb
    return copy


def _over_both_clauses(attribution: Attribution, repairs: Sequence[_StrandedSubject], doc: "Doc") -> Attribution:
    """An attribution whose content ended inside a mended clause (read on the parse that joined its subject to the
    clause before: *the council expects that ridership will grow at a steady rate and fares | will remain low*),
    widened to the end of that clause: both clauses are what the cue reports."""
    for verb_index, _, coordinator_index, _ in repairs:
        end = doc[verb_index].right_edge.i + 1
        if attribution.content_start <= coordinator_index < attribution.content_end < end:
            return replace(attribution, content_end=end)
    return attribution


def _stranded_subject(verb: "Token") -> tuple[int, int, int | None] | None:
    """For a complement clause with a finite verb and no subject, whose words are preceded by a noun phrase
    coordinated with the one before it (*at a steady rate and fares | will remain low*): (the noun, the coordinator,
    the first conjunct when the parser made it a modifier of the noun), token indices, else None. A verb coordinated
    with another (``conj``) shares that verb's subject and is left alone (*bought apples and pears and will eat
    them*)."""
    if verb.dep_ != "ccomp" or not _is_verbal(verb) or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"
                                                           for c in verb.children):
        return None
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children) and \
            verb.tag_ not in ("VBZ", "VBP", "VBD"):
        return None
    start = verb.left_edge.i
    if start == 0 or verb.doc[start - 1].sent.start != verb.sent.start:
        return None
    noun = verb.doc[start - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i != noun.i:
        return None
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        coordinator = next((c for c in noun.head.children if c.dep_ == "cc" and noun.head.i < c.i < noun.left_edge.i),
                           None)
        return (noun.i, coordinator.i, None) if coordinator is not None else None
    for child in noun.lefts:
        coordinator = next((c for c in child.rights if c.dep_ == "cc"), None)
        if child.pos_ in ("NOUN", "PROPN") and coordinator is not None:
            return noun.i, coordinator.i, child.i
    return None
