"""Context rules that decide whether a lexicon match is used as a metadiscourse cue.

Each rule takes the matched span and returns a :class:`Decision`: ``REJECT``, ``ACCEPT`` or a re-classification
(e.g. ``quite clear``: *quite* as a booster, not a downtoner; inclusive *we* as engagement, not self-mention).
The rules read the parse (tags, dependencies) of the small English models; every rule has minimal-pair tests in
``tests/components/test_rules.py``.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Callable, NamedTuple

from ..lexicons import read_word_list
from .attribution import is_person_like, lexicon_lemma, reporting_verbs, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Decision", "ACCEPT", "REJECT", "RULES", "apply_rule"]


class Decision(NamedTuple):
    keep: bool
    category: str | None = None
    subcategory: str | None = None


ACCEPT = Decision(True)
REJECT = Decision(False)

Rule = Callable[["Span"], Decision]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(func: Rule) -> Rule:
        RULES[name] = func
        return func

    return register


def apply_rule(name: str, span: "Span") -> Decision:
    if name in ("", "-"):
        return ACCEPT
    try:
        return RULES[name](span)
    except KeyError:
        raise ValueError(f"unknown context rule {name!r} in the metadiscourse lexicon; known: {sorted(RULES)}") from None


# ------------------------------------------------------------------------------------------------ helpers

NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: Word lists from ``lexicons/`` (each file says what the list is for, and each row its source).
QUANTITY_WORDS = read_word_list("quantity_words.tsv")
MAXIMIZER_ADJECTIVES = read_word_list("maximizer_heads.tsv")
RESEARCH_VERBS = read_word_list("research_verbs.tsv")
RESEARCH_NOUNS = read_word_list("research_nouns.tsv")
DEGREE_ONLY_ADVERBS = read_word_list("degree_adverbs.tsv")
#: Verbs of occurrence, duration and causation: "can/should" with these speak of likelihood (*can lead to*,
#: *should last a day*), with agentive verbs of ability, permission or obligation (*can swim*, *should visit*).
NON_AGENTIVE_VERBS = read_word_list("non_agentive_verbs.tsv")
VAGUE_AGENTS = read_word_list("vague_agents.tsv")
DISTRIBUTIVE = frozenset({"each", "every", "any", "anyone", "anybody", "everyone", "everybody", "no"})
EPISTEMIC_AFTER_WOULD = read_word_list("epistemic_after_would.tsv")


#: Predicates of wanting: a modal in their complement says what someone wants to be possible (*they hoped that they
#: could provide*, *their hope was that a stable government could emerge*), not that it is possible.
VOLITION_LEMMAS = read_word_list("volition_words.tsv")
#: Subordinators that open a condition (or an embedded question); a modal inside such a clause belongs to the
#: condition, which is marked on the subordinator itself.
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


def head_verb(token: "Token") -> "Token":
    """The verb a modal or adverb belongs to."""
    return token.head if token.dep_ in ("aux", "auxpass", "advmod", "neg") else token


def is_negated(verb: "Token") -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("not", "n't") for c in verb.children)


def negated_before(token: "Token") -> bool:
    """A negation before the token in its clause ("is not clear", "not necessarily")."""
    scope = head_verb(token) if token.dep_ != "ROOT" else token
    candidates = list(scope.children) + list(token.children)
    if token.dep_ in ("acomp", "attr", "oprd"):
        candidates += list(token.head.children)
    if token.i > 0 and token.doc[token.i - 1].lower_ in NEGATIONS:
        return True
    return any((c.dep_ == "neg" or c.lower_ in NEGATIONS) and c.i < token.i for c in candidates)


def in_condition_clause(token: "Token") -> bool:
    """The token's verb heads a clause opened by *if, unless, whether* (*even if they could be reconciled*)."""
    verb = head_verb(token)
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)


def under_volition(token: "Token") -> bool:
    """The token's clause is the content of a wish or plan: the complement of *hope, want, intend* (*hoped that they
    could*), or of a copula whose subject is such a noun (*their hope was that it could*)."""
    verb = head_verb(token)
    if verb.dep_ not in ("ccomp", "xcomp"):
        return False
    governor = verb.head
    if governor.lemma_.lower() in VOLITION_LEMMAS or governor.lower_ in VOLITION_LEMMAS:
        return True
    return governor.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in VOLITION_LEMMAS
                                           for c in governor.children)


def is_passive(verb: "Token") -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def has_clausal_complement(verb: "Token") -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in verb.children) or any(
        c.dep_ == "ccomp" for c in verb.children
    )


def is_inanimate_subject(verb: "Token") -> bool:
    subject = subject_of(verb)
    return subject is not None and not is_person_like(subject)


def next_token(span: "Span") -> "Token | None":
    return span.doc[span.end] if span.end < len(span.doc) else None


def prev_token(span: "Span") -> "Token | None":
    return span.doc[span.start - 1] if span.start > 0 else None


def is_quantity(token: "Token | None") -> bool:
    if token is None:
        return False
    if token.like_num or token.tag_ == "CD":
        return True
    if token.tag_ == "$" or token.text in ("$", "£", "€"):
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num
    if token.lower_ in ("a", "an") and token.i + 1 < len(token.doc):
        return token.doc[token.i + 1].lower_ in QUANTITY_WORDS
    return token.lower_ in QUANTITY_WORDS


# ------------------------------------------------------------------------------------------------ modals


@rule("modal_tag")
def modal_tag(span: "Span") -> Decision:
    """*may*, *might* as modals (tag MD), not the month (*May 08*) or the noun (*with all his might*), nor
    permission to a distributive subject (*each guest may bring one pet*, *anyone may apply*). As for every modal, not
    inside a condition (*if it may rain*: the condition is the cue) or a wish (*hoped that they might win*)."""
    token = span[0]
    if token.tag_ != "MD" or not _modal_of_the_writer(token):
        return REJECT
    subject = subject_of(head_verb(token))
    if subject is not None and (subject.lower_ in DISTRIBUTIVE or any(c.lower_ in DISTRIBUTIVE for c in subject.children)):
        return REJECT
    return ACCEPT


def _modal_of_the_writer(modal: "Token") -> bool:
    """False for a modal inside a condition (the subordinator carries the uncertainty: *even if they could be
    reconciled*) or inside the content of a wish (*hoped that they could provide*)."""
    return not (in_condition_clause(modal) or under_volition(modal))


def _backshifted(modal: "Token") -> bool:
    """A modal in the complement of a past reporting or thought verb ("promised that support would end")."""
    verb = head_verb(modal)
    governor = verb.head
    if verb.dep_ != "ccomp" or lexicon_lemma(governor, reporting_verbs()) is None:
        return False
    return governor.tag_ in ("VBD", "VBN") or any(c.lower_ in ("had", "have", "has", "was", "were") and c.dep_ == "aux"
                                                 for c in governor.children)


@rule("modal_could")
def modal_could(span: "Span") -> Decision:
    """*could* of possibility, not past ability (*could not swim*), a backshifted *can* after a past verb, nor inside
    a condition or a wish (*even if they could*, *hoped that they could*)."""
    token = span[0]
    if token.tag_ != "MD" or not _modal_of_the_writer(token):
        return REJECT
    verb = head_verb(token)
    if is_negated(verb) and verb.lemma_ not in ("be", "have"):
        return REJECT  # "could not find", "couldn't swim": past inability
    if _backshifted(token):
        return REJECT
    subject = subject_of(verb)
    if (subject is not None and is_person_like(subject) and verb.lemma_ not in ("be", "have")
            and not is_passive(verb) and verb.lemma_ not in NON_AGENTIVE_VERBS):
        return REJECT  # "she could swim at four", "students could choose": ability or permission
    if any(c.dep_ == "mark" and c.lower_ in ("that",) and c.head is verb for c in verb.children) and any(
        t.lower_ == "so" for t in token.doc[max(0, verb.left_edge.i - 2) : verb.left_edge.i + 1]
    ):
        return REJECT  # "so that they could": purpose
    return ACCEPT


@rule("modal_can")
def modal_can(span: "Span") -> Decision:
    """*can* of general possibility with an inanimate subject (*it can lead to*), not ability or permission, nor
    inside a condition or a wish."""
    token = span[0]
    if token.tag_ != "MD" or not _modal_of_the_writer(token):
        return REJECT
    verb = head_verb(token)
    if is_negated(verb) or is_passive(verb) or verb.lemma_ not in NON_AGENTIVE_VERBS:
        return REJECT
    return ACCEPT if is_inanimate_subject(verb) else REJECT


@rule("modal_would")
def modal_would(span: "Span") -> Decision:
    """*would* (and *'d*) as a hedge only on an epistemic or reporting verb (*would seem, would suggest, I'd say*).

    Hypothetical, conditional and future-in-the-past *would* (*would be an escalation*, *promised that support
    would end*) is left to claim certainty (:mod:`kalinovsky_nlp.components.claims`), as the project's marker and claim gold
    standards have it. The external corpora disagree with each other here: the Szeged Wikipedia development half
    counts 78 of 272 *would* as uncertainty cues (mostly hypotheticals), the SFU review half 334 of 346 (nearly every
    *would*); docs/evaluation/uncertainty.md gives the effect of this choice on each.
    """
    token = span[0]
    if token.tag_ != "MD" or not _modal_of_the_writer(token):
        return REJECT
    verb = head_verb(token)
    if verb.lemma_.lower() in EPISTEMIC_AFTER_WOULD or verb.lower_ in EPISTEMIC_AFTER_WOULD:
        return ACCEPT
    return REJECT


@rule("modal_should")
def modal_should(span: "Span") -> Decision:
    """Epistemic *should* (expectation: *the battery should last a day*), not deontic (*you should go*)."""
    token = span[0]
    if (token.tag_ != "MD" and token.lower_ != "ought") or not _modal_of_the_writer(token):
        return REJECT
    verb = head_verb(token)
    if is_passive(verb) or is_negated(verb) or verb.lemma_ not in NON_AGENTIVE_VERBS:
        return REJECT
    return ACCEPT if is_inanimate_subject(verb) and not _backshifted(token) else REJECT


@rule("modal_must")
def modal_must(span: "Span") -> Decision:
    """Epistemic *must* (*must have been*, *it must be hard*) as a booster; deontic *must* is no marker."""
    token = span[0]
    if token.tag_ != "MD":
        return REJECT
    verb = head_verb(token)
    if any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children) and verb.tag_ == "VBN":
        return ACCEPT
    if verb.lemma_ == "be" and not is_passive(verb) and is_inanimate_subject(verb):
        return ACCEPT
    return REJECT


# ------------------------------------------------------------------------------------------------ lexical


@rule("adjective")
def adjective(span: "Span") -> Decision:
    """An adjective use (not a verb or noun homograph), outside named entities."""
    token = span.root
    if token.ent_type_ and token.ent_iob_ != "O" and token.ent_type_ not in ("NORP",):
        return REJECT
    return ACCEPT if token.pos_ == "ADJ" or token.tag_.startswith("JJ") else REJECT


@rule("noun")
def noun(span: "Span") -> Decision:
    """Evaluative nouns as nouns (the small model sometimes tags predicative *nonsense* as an adjective),
    not verb homographs (*they mistake it*)."""
    return REJECT if span.root.pos_ in ("VERB", "AUX") else ACCEPT


@rule("possible")
def possible(span: "Span") -> Decision:
    """*possible* of likelihood, not enablement (*made it possible*, *made the purchase of a house possible*), *as soon
    as possible*, *if possible*, the range of options (*the highest possible grade*, *by every possible route*) or
    feasibility (*it is possible to buy*)."""
    token = span[0]
    if token.pos_ != "ADJ":
        return REJECT
    before = prev_token(span)
    if before is not None and before.lower_ in ("as", "if", "where", "whenever", "wherever", "everything"):
        return REJECT
    if token.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and token.head.lemma_.lower() in ENABLING_VERBS:
        return REJECT
    if before is not None and (before.tag_ in ("JJS", "RBS") or before.lower_ in ("every", "all", "any", "each")):
        return REJECT  # "the highest possible grade", "by every possible route": the range of options, not likelihood
    if token.dep_ == "amod" and any(t.tag_ in ("JJS", "RBS") for t in token.head.children):
        return REJECT  # "the best grade possible"
    following = next_token(span)
    if following is not None and (following.lower_ == "to" or (following.lower_ == "for" and any(
            t.lower_ == "to" for t in token.doc[following.i : min(token.sent.end, following.i + 6)]))):
        return REJECT  # "it was not possible to book", "possible for a guest to leave": feasibility, not likelihood
    if _complement_of_object(token):
        return REJECT  # "making [closer ties with these firms] possible": the object's complement, hung on a noun
    return ACCEPT


#: Complex-transitive verbs whose object complement *possible* is enablement (*made the deal possible*).
ENABLING_VERBS = ("make", "render", "keep")


def _complement_of_object(token: "Token") -> bool:
    """*possible* placed after the object of *make, render, keep* is the object's complement (Quirk et al. 1985,
    complex-transitive complementation: *made [cheaper tests of the water] possible*), also where the parser hangs it
    as a modifier on the last noun of the object phrase (*tests of the water possible*): an adjective after its noun
    that sits inside the direct object of one of these verbs."""
    if token.dep_ != "amod" or token.head.i > token.i:
        return False
    node = token.head
    while node.dep_ in ("pobj", "prep", "conj", "compound", "nmod", "appos") and node.head is not node:
        node = node.head
    return node.dep_ == "dobj" and node.head.lemma_.lower() in ENABLING_VERBS


@rule("epistemic_subject")
def epistemic_subject(span: "Span") -> Decision:
    """Cognition verbs as the writer's hedge: first-person or generic subject, not *think about*, not nouns.

    With a third-person subject (*officials think*, *the mayor believes*) the verb reports someone else's view:
    that is attribution, handled by :mod:`kalinovsky_nlp.components.attribution`, and no marker of the author. The exception is
    a belief held by an indefinite crowd (*some believe*, *many people think*, *proponents believe*: a quantifier,
    or a bare plural noun without modifiers): no one answers for the view, and the writer does not take it on, so
    the verb is an ``attributed_belief`` hedge (Szarvas et al. 2012 count such doxastic cues as uncertainty).
    """
    token = span[0]
    if token.pos_ not in ("VERB", "AUX"):
        return REJECT
    if any(c.dep_ == "prep" and c.lower_ in ("about", "of", "in") for c in token.children) and not any(
        c.dep_ == "ccomp" for c in token.children
    ):
        return REJECT  # "think about the war", "believe in God", "heard of it"
    if token.lemma_.lower() == "feel" and not any(c.dep_ == "ccomp" for c in token.children):
        return REJECT  # "feel betrayed", "feels soft": not epistemic
    if token.lemma_.lower() in ("expect", "consider") and not any(
        c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as") for c in token.children
    ):
        return REJECT  # "I expect more from a hotel", "we considered several options": no proposition
    subject = subject_of(token)
    if subject is None:
        return REJECT
    if subject.lower_ in ("i", "we", "one"):
        return ACCEPT
    if token.lemma_.lower() in BELIEF_LEMMAS and _indefinite_crowd(subject):
        return Decision(True, None, "attributed_belief")
    return REJECT


#: Verbs of belief (not of attitude: *hope, fear, prefer* share the rule but stay the writer's only).
BELIEF_LEMMAS = read_word_list("belief_verbs.tsv")
INDEFINITE_QUANTIFIERS = frozenset({"some", "many", "most", "few", "several", "others", "numerous", "various"})


def _indefinite_crowd(subject: "Token") -> bool:
    """*some*, *many people*, *some scholars*, *proponents*: a quantifier, a noun it quantifies, or a bare plural
    noun with no determiner, possessive or modifier (*local officials*, *the critics*, *its followers* name a group
    one can point to and are left to attribution)."""
    if subject.lower_ in INDEFINITE_QUANTIFIERS:
        return True
    if subject.tag_ != "NNS":
        return False
    modifiers = [c for c in subject.children if c.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod", "prep",
                                                             "relcl", "acl", "appos")]
    if not modifiers:
        return True
    return all(c.dep_ in ("det", "amod") and c.lower_ in INDEFINITE_QUANTIFIERS for c in modifiers)


@rule("appear_raising")
def appear_raising(span: "Span") -> Decision:
    """*appear* with an infinitive, a that- or as-if-clause or an adjective (*appears to be*, *it appears that*,
    *appears unlikely*), not *appeared in a film*, *appear wearing masks* or *new models appear*."""
    token = span[0]
    if token.pos_ not in ("VERB", "AUX"):
        return REJECT
    children = list(token.children)
    if any(c.dep_ == "expl" or (c.dep_ == "nsubj" and c.lower_ == "it") for c in children):
        return ACCEPT
    for child in children:
        if child.dep_ in ("acomp", "attr", "oprd"):
            return ACCEPT
        if child.dep_ == "xcomp" and (child.pos_ == "ADJ" or any(g.lower_ == "to" for g in child.children)):
            return ACCEPT
        if child.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ in ("that", "as", "if", "though", "like")
                                         for g in child.children):
            return ACCEPT
    following = next_token(span)
    if following is not None and following.lower_ in ("to", "that") and not any(c.dep_ == "prep" and c.lower_ == "to"
                                                                                  and c.i == following.i for c in children):
        return ACCEPT  # "appears to" where the parser hangs the infinitive elsewhere
    return REJECT


@rule("evidential_clause")
def evidential_clause(span: "Span") -> Decision:
    """*suggest, indicate, show* with a clausal complement and a non-human subject (*the evidence suggests that*).

    A human subject (*the senator suggested that*) makes it a reporting verb (attribution); a noun object
    (*he suggested a walk*) makes it a proposal.
    """
    token = span[0]
    if token.pos_ not in ("VERB", "AUX") or is_passive(token):
        return REJECT
    clause = next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return REJECT  # "prove itself helpful", "showed little interest": no proposition
    if clause.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return REJECT  # mandative subjunctive: "suggested that the players rest" is a proposal
    subject = subject_of(token)
    if subject is None:
        return ACCEPT if token.tag_ == "VBG" else REJECT  # "..., suggesting that it was once a monastery"
    if is_person_like(subject) and span.label_ != "booster" and token.lemma_.lower() in ("suggest", "indicate", "imply"):
        return REJECT  # "the senator suggested that": a reporting verb (attribution), not the writer's hedge
    return ACCEPT


@rule("doubt_noun")
def doubt_noun(span: "Span") -> Decision:
    """*doubt* as a hedge; *no doubt, without doubt* are boosters (longer lexicon entries) and never reach here."""
    token = span[0]
    window = {t.lower_ for t in token.doc[max(0, token.i - 3) : token.i]}
    if window & {"no", "without", "beyond", "little", "not"}:
        return REJECT
    if token.pos_ == "VERB":
        return epistemic_subject(span)
    return ACCEPT if token.pos_ == "NOUN" else REJECT


#: Agents that take the frame back (*is believed by nobody*).
NEGATIVE_AGENTS = frozenset({"nobody", "none", "no", "noone", "no-one"})
#: Participles of seeing and describing are belief frames only with *as* (*is seen as*, not *was seen in Paris*).
AS_FRAMES = read_word_list("as_frames.tsv")
#: Participles of saying are hearsay frames only with an infinitive or a that-clause (*is said to*, *it was reported
#: that*), not with an adjunct (*was reported in the press*, *were reported as a result of*).
HEARSAY_LEMMAS = read_word_list("hearsay_verbs.tsv")


@rule("impersonal_frame")
def impersonal_frame(span: "Span") -> Decision:
    """Agentless belief, hearsay and allegation frames: a passive participle with its complement, however far the
    complement (*is believed to*, *it is thought that*, *is now considered extinct*, *is widely regarded as*, *was
    accused of*, *a species long considered extinct*), not a plain passive (*was considered for the role*, *was seen
    in Paris*, *was reported in the press*) nor one whose agent takes it back (*by nobody*)."""
    first = span[0]
    if first.lower_ == "it" or first.lower_ in ("has", "have", "had"):
        return ACCEPT  # "it is believed that", "has been suggested": the frame is the whole span
    participle = span[-1]
    if participle.tag_ != "VBN" and not (participle.tag_ == "VBD" and participle.dep_ == "acl"):
        return REJECT  # "he thought", "the said house" (a reduced relative tagged VBD is let through)
    children = list(participle.children)
    active_perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had") for c in children) and not any(
        c.dep_ == "auxpass" for c in children)
    if active_perfect or any(c.dep_ == "nsubj" for c in children):
        return REJECT  # "the makers have since claimed that": active, with its holder: attribution, not a frame
    passive = is_passive(participle) or len(span) > 1 or participle.dep_ in ("acl", "amod", "advcl", "conj")
    if not passive:
        return REJECT  # "the band considered it": no passive frame
    if is_negated(participle) and any(c.tag_ == "MD" for c in children):
        return REJECT  # "it cannot be claimed that": the frame itself is denied ("was never regarded as" still counts)
    for child in children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None and (agent.lower_ in NEGATIVE_AGENTS or any(g.lower_ in NEGATIVE_AGENTS
                                                                              for g in agent.children)):
                return REJECT
    lemma = participle.lemma_.lower()
    following = next_token(span)
    window = span.doc[span.end : min(span.end + 4, participle.sent.end)]
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in children) or any(
        t.lower_ == "as" for t in itertools.takewhile(lambda t: not t.is_punct, window))  # "regarded more as", "by some as"
    if lemma in AS_FRAMES and lemma != "consider":
        return ACCEPT if has_as else REJECT
    if lemma == "accuse":
        return ACCEPT if any(c.dep_ == "prep" and c.lower_ == "of" for c in children) else REJECT
    if lemma in HEARSAY_LEMMAS:  # "is said to", "it has been reported that"; not "reported as a result of", "said by"
        has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in children) or (
            following is not None and following.lower_ in ("to", "that"))
        return ACCEPT if has_clause else REJECT
    if has_as or any(c.dep_ in ("xcomp", "ccomp", "oprd", "attr", "acomp") for c in children):
        return ACCEPT
    if following is not None and following.lower_ in ("to", "that", "one", "among"):
        return ACCEPT  # "is believed to", "is considered one of": the small parser sometimes attaches these elsewhere
    if following is not None and following.lower_ == "by":  # "is considered by many", not "by the committee"
        agent = span.doc[following.i + 1] if following.i + 1 < len(span.doc) else None
        return ACCEPT if agent is not None and agent.lower_ in VAGUE_AGENTS else REJECT
    return REJECT


CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "-", "--", "\u2013", "\u2014"})


def _verbless_if(token: "Token") -> bool:
    """An *if* whose clause has no verb up to the next punctuation (*if small*, *if not perfect*, *if any*, *if
    possible*): a concessive or restrictive aside, not a condition. Anaphoric *if so*, *if not* (followed by
    punctuation or the end) take up a whole proposition and stay conditions."""
    if token.head.pos_ in ("VERB", "AUX") and token.head.i > token.i:
        return False
    doc = token.doc
    i = token.i + 1
    words = []
    while i < len(doc) and i < token.sent.end and doc[i].text not in CLAUSE_PUNCTUATION:
        words.append(doc[i])
        i += 1
    if not words:
        return False
    if [w.lower_ for w in words] in (["so"], ["not"]):
        return False
    return not any(w.pos_ in ("VERB", "AUX") for w in words)


#: *if* that opens no open condition: concessive *even if*, comparative *as if*, optative *if only*.
NOT_CONDITION_BEFORE_IF = frozenset({"even", "as"})


@rule("condition")
def condition(span: "Span") -> Decision:
    """Open conditions and embedded questions: *if, unless, whether, in case, provided that*. The writer does not
    commit to the condition (nor, through it, to what depends on it).

    Not: concessive *even if* (the main clause holds either way), comparative *as if*, optative *if only*, and
    *whether ... or (not)* as a sentence-initial adjunct (*Whether or not you like jazz, the album is worth a
    listen*: concessive, the main clause holds either way). *whether or not* after a verb or adjective is an open
    question (*decide whether or not to answer*) and counts. *If so* / *if not* take up the previous sentence as an
    open condition and count.
    """
    first = span[0]
    before = prev_token(span)
    following = next_token(span)
    if span.text.lower() == "in case" and span[-1].dep_ == "compound":
        return REJECT  # "specialises in case law"
    if first.lower_ == "if":
        if before is not None and before.lower_ in NOT_CONDITION_BEFORE_IF:
            return REJECT
        if following is not None and following.lower_ == "only":
            return REJECT  # "if only it were true"; "if and only if" is also no open condition but a definition
        if following is not None and following.lower_ == "and" and span.doc[following.i + 1 : following.i + 3].text.lower() == "only if":
            return REJECT
        if before is not None and before.lower_ == "only" and first.i >= 3 and span.doc[first.i - 3 : first.i - 1].text.lower() == "if and":
            return REJECT
        if _verbless_if(first):
            return REJECT  # "a lively, if small, market", "little, if any, change": concessive
    if first.lower_ == "whether":
        opens_adjunct = before is None or before.i < first.sent.start or before.is_punct or first.i == first.sent.start
        if opens_adjunct:
            clause_end = next((t.i for t in span.doc[first.i : first.sent.end] if t.text in (",", ";", ":")),
                              first.sent.end)
            if any(t.lower_ == "or" for t in span.doc[first.i : clause_end]) and clause_end < first.sent.end - 1:
                return REJECT
    return ACCEPT


@rule("weasel_quantifier")
def weasel_quantifier(span: "Span") -> Decision:
    """Vague sources: *some commentators see*, *many believe*, *most historians agree* (Wikipedia weasel words)."""
    token = span[0]
    noun_head = token.head if token.dep_ in ("det", "amod", "nummod") else token
    if noun_head.dep_ not in ("nsubj", "nsubjpass") or not (noun_head is token or is_person_like(noun_head)):
        return REJECT
    if token.pos_ == "NOUN":
        # a bare plural source noun: "Critics have argued", not "the critics", "city officials", "the mayor's critics"
        if token.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "compound", "amod", "nmod") for c in token.children):
            return REJECT
    if noun_head is token and token.pos_ not in ("PRON", "DET", "ADJ", "NOUN"):
        return REJECT
    verb = noun_head.head
    lemma = verb.lemma_.lower()
    return ACCEPT if lemma in reporting_verbs() or lemma in ("agree", "disagree", "regard") else REJECT


@rule("before_quantity")
def before_quantity(span: "Span") -> Decision:
    """Approximators before a number (*about 200*, *some 300*, *up to 40*, *an estimated 3.4 million*)."""
    if span.text.lower() == "or so":
        window = span.doc[max(0, span.start - 3) : span.start]
        return ACCEPT if any(is_quantity(t) or t.lower_ in ("a", "an") for t in window) else REJECT
    following = next_token(span)
    if is_quantity(following):
        return ACCEPT
    if following is not None and following.lower_ in ("the", "a", "an") and span.text.lower() in ("almost", "nearly"):
        return ACCEPT
    return REJECT


@rule("downtoner")
def downtoner(span: "Span") -> Decision:
    """*quite, rather, fairly* before an adjective or adverb. *quite clear/certain/right* is a booster;
    *rather than, would rather, or rather*, sentence-initial contrastive *Rather,* are no markers."""
    token = span[0]
    following = next_token(span)
    before = prev_token(span)
    if following is None:
        return REJECT
    if token.lower_ == "rather" and (following.lower_ == "than" or (before is not None and before.lower_ in ("would", "or", "'d"))):
        return REJECT
    if following.pos_ not in ("ADJ", "ADV", "VERB") and following.tag_ not in ("VBN", "JJ", "JJR", "RB"):
        return REJECT  # "quite a few", "Rather, the board is ..."
    if following.pos_ == "VERB" and following.tag_ != "VBN":
        return REJECT
    if token.lower_ == "quite" and following.lower_ in MAXIMIZER_ADJECTIVES:
        return Decision(True, "booster", "certainty_adverb")
    return ACCEPT


@rule("if_anything")
def if_anything(span: "Span") -> Decision:
    """*if anything* as a corrective downtoner (*If anything, the sequel is better*), not a condition whose subject
    is *anything* (*if anything goes wrong*: the condition rule takes the *if*)."""
    anything = span[-1]
    following = next_token(span)
    if anything.dep_ in ("nsubj", "nsubjpass") or (following is not None and following.pos_ in ("VERB", "AUX")):
        return REJECT
    return ACCEPT


@rule("kind_of")
def kind_of(span: "Span") -> Decision:
    """*kind of, sort of* as downtoners (*kind of boring*), not as nouns (*this kind of thinking*)."""
    before = prev_token(span)
    following = next_token(span)
    if before is not None and (before.pos_ in ("DET", "PRON", "NUM") or before.tag_ in ("DT", "PRP$", "JJ", "CD")):
        return REJECT
    if following is None or following.pos_ in ("NOUN", "PROPN", "DET", "NUM", "PRON"):
        return REJECT
    return ACCEPT


@rule("a_bit")
def a_bit(span: "Span") -> Decision:
    """*a bit / a little* before an adjective or adverb (*a bit slow*, *a little small*), *a bit of a* + noun;
    not *a little girl* or *a bit of bread*."""
    following = next_token(span)
    if span.text.lower().startswith("a bit of") or span.root.dep_ in ("npadvmod", "advmod") and span.root.head.pos_ == "VERB":
        return ACCEPT  # "a bit of an afterthought", "drags a bit"
    if following is None or following.pos_ not in ("ADJ", "ADV"):
        return REJECT
    after = following.doc[following.i + 1] if following.i + 1 < len(following.doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and following.dep_ == "amod":
        return REJECT
    return ACCEPT


@rule("generality")
def generality(span: "Span") -> Decision:
    """Generalising adverbs (*largely, usually*), not the connectives *more broadly, more generally*."""
    before = prev_token(span)
    if before is not None and before.lower_ in ("more", "most", "less"):
        return REJECT
    return ACCEPT


@rule("certainty_adjective")
def certainty_adjective(span: "Span") -> Decision:
    """*certain, sure, clear* of certainty (predicative or on an evidence noun), not *certain species* (= some)."""
    token = span.root
    if token.pos_ != "ADJ":
        return REJECT
    if token.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp", "conj"):
        return ACCEPT
    if token.dep_ == "amod" and token.lower_ not in ("certain", "sure"):
        return ACCEPT
    return REJECT


@rule("attitude_adverb")
def attitude_adverb(span: "Span") -> Decision:
    """Sentence or verb adverbs of attitude (*unfortunately, paradoxically*); degree uses (*significantly larger*)
    of words that are mainly intensifiers are not attitude."""
    token = span[0]
    if token.pos_ != "ADV":
        return REJECT
    if token.lower_ in DEGREE_ONLY_ADVERBS and token.head.pos_ in ("ADJ", "ADV", "NUM"):
        return REJECT
    return ACCEPT


# ------------------------------------------------------------------------------------------------ persons


def _is_pronoun(token: "Token") -> bool:
    return token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$")


@rule("first_person")
def first_person(span: "Span") -> Decision:
    """*I, me, my* as pronouns (not the numeral in *World War I*)."""
    return ACCEPT if _is_pronoun(span[0]) else REJECT


@rule("first_person_plural")
def first_person_plural(span: "Span") -> Decision:
    """Exclusive *we* (the writer and co-authors: *we found, our study*) is a self-mention; inclusive *we*
    (writer and reader, or a community: *we must*, *our world*) is an engagement marker."""
    token = span[0]
    if not _is_pronoun(token):
        return REJECT
    if token.lower_ == "us" and (previous := prev_token(span)) is not None and previous.lower_ == "let":
        return REJECT  # "let us": a directive, matched as one cue
    anchor = token.head
    if token.lower_ in ("our", "ours") and anchor.lower_ in RESEARCH_NOUNS:
        return ACCEPT
    if anchor.lemma_.lower() in RESEARCH_VERBS and token.dep_ in ("nsubj", "nsubjpass"):
        return ACCEPT
    return Decision(True, "engagement", "inclusive_pronoun")


@rule("reader_pronoun")
def reader_pronoun(span: "Span") -> Decision:
    """*you, your* as pronouns addressing the reader."""
    return ACCEPT if _is_pronoun(span[0]) else REJECT


@rule("imperative")
def imperative(span: "Span") -> Decision:
    """Directives: a sentence-initial imperative (*Consider ...*, *Note that ...*, *Let us ...*)."""
    token = span[0]
    sent_start = token.sent.start
    leading = [t for t in token.doc[sent_start : token.i] if not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "ADV"))]
    if leading:
        return REJECT
    if token.lower_ in ("let", "let's"):
        return ACCEPT
    if token.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children):
        return REJECT
    return ACCEPT
