"""Attribution: who says or thinks what. Doc-in, attributions-out.

The author's judgement is read from the author's own voice; content the author reports others saying or thinking
(reported speech or thought, direct quotation, "according to X", "For X, ...", "the claim that ...") is *attributed*.
Each attribution records its source (holder), its cue and how far the cue endorses the content
(``factive`` / ``neutral`` / ``distancing``, from ``lexicons/reporting_verbs.tsv``).
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Container, Iterable, Iterator, get_args

from ..lexicons import read_table, read_word_list
from ..results import Attribution, AttributionKind, CueKind, VerbClass

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "AttributionKind", "CueKind", "VerbClass", "find_attributions", "quotation_spans", "attributed_token_mask", "is_person_like"]

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who", "me", "him", "her", "us", "them", "one"})
PERSON_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
OPENING_QUOTES = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp",)


def _cue_entry(row: dict[str, str], source: str) -> tuple[VerbClass, CueKind]:
    """(class, kind) of a row of a reporting verb or noun lexicon, checked against :data:`VerbClass` and
    :data:`CueKind`."""
    verb_class, cue_kind = row["class"], row["kind"]
    if verb_class not in get_args(VerbClass) or cue_kind not in get_args(CueKind):
        raise ValueError(f"{source}: the row of {row['lemma']!r} has class {verb_class!r} and kind {cue_kind!r}; "
                         f"use one of {', '.join(get_args(VerbClass))} and one of {', '.join(get_args(CueKind))}.")
    return verb_class, cue_kind  # type: ignore[return-value]  # checked above


@functools.lru_cache(maxsize=None)
def reporting_verbs() -> dict[str, tuple[VerbClass, CueKind]]:
    return {row["lemma"]: _cue_entry(row, "reporting_verbs.tsv") for row in read_table("reporting_verbs.tsv")}


@functools.lru_cache(maxsize=None)
def attribution_nouns() -> dict[str, tuple[VerbClass, CueKind]]:
    return {row["lemma"]: _cue_entry(row, "attribution_nouns.tsv") for row in read_table("attribution_nouns.tsv")}


@functools.lru_cache(maxsize=1)
def belief_adjectives() -> dict[str, str]:
    """Adjectives that state a holder's belief about a that-clause (``lexicons/belief_adjectives.tsv``), with the
    holder's commitment: *convinced* CT+, *confident* PR+, *doubtful* PS-."""
    return {row["lemma"]: row["level"] for row in read_table("belief_adjectives.tsv")}


@functools.lru_cache(maxsize=1)
def human_nouns() -> frozenset[str]:
    """Nouns of people and groups (``lexicons/human_nouns.txt``) and the titles of people's offices
    (``lexicons/person_titles.txt``: *the mayor*, *the governor* said ...), without abbreviations and without the
    words that qualify a title (``lexicons/title_qualifiers.tsv``: *former*, *foreign*)."""
    qualifiers = read_word_list("title_qualifiers.tsv")
    titles = {w for w in read_word_list("person_titles.txt") if not w.endswith(".") and w not in qualifiers}
    return read_word_list("human_nouns.txt") | frozenset(titles)


def lexicon_lemma(token: "Token", lexicon: Container[str]) -> str | None:
    """The token's lemma if the lexicon (a word list or a table by lemma) has it, trying regular de-inflections where the lemmatizer slips
    (en_core_web_sm lemmatises "hoped" as "hop")."""
    lower = token.lower_
    for candidate in (token.lemma_.lower(), lower, lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e",
                      lower[:-2] + "e" if lower.endswith("ed") else "", lower[:-3] + "y" if lower.endswith("ied") else ""):
        if candidate and candidate in lexicon:
            return candidate
    return None


def is_source_noun(token: "Token") -> bool:
    """A text or finding that reports content (*the report says that X*): ``lexicons/source_nouns.txt``."""
    return token.lower_ in read_word_list("source_nouns.txt") or token.lemma_.lower() in read_word_list("source_nouns.txt")


def is_person_like(token: "Token") -> bool:
    """True for a subject that can hold a view: a personal pronoun, a person/organisation name, a human noun."""
    if token.lower_ in PERSONAL_PRONOUNS:
        return True
    if token.ent_type_ in PERSON_LABELS or token.pos_ == "PROPN":
        return True
    return token.lower_ in human_nouns() or token.lemma_.lower() in human_nouns()


def subject_of(verb: "Token") -> "Token | None":
    """The grammatical subject of a verb, climbing through raising/control verbs ("seem to think")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ in ("xcomp", "conj", "aux", "auxpass") and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "relcl":
            return current.head
        return None
    return None


def _phrase(token: "Token") -> tuple[int, int]:
    """Token span of a noun phrase headed by ``token`` (its subtree, without a trailing relative clause)."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "appos", "advcl"):
            break
        right = child.right_edge.i
    return left, right + 1


def quotation_spans(doc: "Doc") -> list[tuple[int, int]]:
    """Token ranges (start, end exclusive) of direct quotations, inner content only."""
    import numpy as np
    from spacy.attrs import ORTH
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # compiled; spaCy's strings.pyi omits it

    marks = {hash_string(q): q for q in set(OPENING_QUOTES) | set(OPENING_QUOTES.values())}
    orths = doc.to_array([ORTH]).reshape(-1)  # vectorised: most documents have no quotation marks at all
    positions = np.flatnonzero(np.isin(orths, list(marks)))
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for i in positions.tolist():
        text = marks[int(orths[i])]
        if open_at is None:
            if text in OPENING_QUOTES:
                open_at, closer = i, OPENING_QUOTES[text]
        elif text == closer or (closer == "\u201d" and text == '"'):
            if i > open_at + 1:
                spans.append((open_at + 1, i))
            open_at = None
        elif closer == '"' and i - open_at > 120:
            open_at, closer = i, OPENING_QUOTES.get(text, '"')  # an unbalanced straight quote: start afresh
    return spans


def _clause_root(verb: "Token") -> "Token":
    current = verb
    while current.dep_ in ("xcomp", "aux", "auxpass") and current.head is not current:
        current = current.head
    return current


def _without(sent: "Span", start: int, end: int) -> tuple[int, int]:
    """The part of the sentence after (or before) a parenthetical token range."""
    first = sent.start
    last = sent.end
    while last > first and (sent.doc[last - 1].is_punct or sent.doc[last - 1].is_space):
        last -= 1
    if start - first >= last - end:
        return first, start
    return end, last


#: Verbs whose noun-phrase object is itself reported content ("denied military support", "confirm arm supplies").
NP_CONTENT_VERBS = read_word_list("np_content_verbs.tsv")
#: Verbs whose infinitive or small-clause complement is attributed content ("want to claim", "consider it a threat").
XCOMP_CONTENT_VERBS = read_word_list("xcomp_content_verbs.tsv")
WH_WORDS = frozenset({"whatever", "whoever", "whichever", "however", "what", "when", "if", "because", "although",
                      "though", "while", "since", "as", "unless", "whether", "once", "after", "before"})


def _is_parenthetical(root: "Token", sent: "Span") -> bool:
    """A reporting clause set off inside its host sentence: "..., local farmers seem to think, the dam ..."."""
    if root.dep_ == "parataxis":
        return True
    if root.dep_ not in ("ccomp", "advcl"):
        return False
    if any(c.dep_ == "mark" for c in root.children) or root.left_edge.lower_ in WH_WORDS:
        return False
    doc = sent.doc
    left, right = root.left_edge.i, root.right_edge.i
    before_ok = left == sent.start or doc[left - 1].text in (",", "\u2014", "\u2013")
    after_ok = right + 1 >= sent.end or doc[right + 1].text in (",", "\u2014", "\u2013", ".")
    return before_ok and after_ok and root.head.i != root.i


def _verb_attributions(sent: "Span", candidates: Iterable[int] | None = None) -> Iterator[Attribution]:
    """Reporting verbs and their content. ``candidates``: the indices of the sentence's verbs and auxiliaries, if
    already known (only they can be cues)."""
    verbs = reporting_verbs()
    doc = sent.doc
    for token in sent if candidates is None else (doc[i] for i in candidates):
        lemma = lexicon_lemma(token, verbs) if token.pos_ in ("VERB", "AUX") else None
        if lemma is None:
            continue
        verb_class, cue_kind = verbs[lemma]
        clause = next((c for c in token.children if c.dep_ in CONTENT_DEPS and c.pos_ in ("VERB", "AUX")), None)
        if cue_kind == "evidence" and clause is None:
            continue  # "showed little interest", "prove itself helpful": no reported proposition
        subject = subject_of(token)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        holder: tuple[int, int] | None = None
        if passive:
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                holder = _phrase(pobj)
        elif subject is not None:
            if subject.lower_ in FIRST_PERSON:
                continue  # the author's own view
            if subject.lower_ == "it" and (subject.head is not token or lemma in ("suggest", "indicate", "imply")):
                continue  # impersonal frame of the author's ("it is hard to imagine"), or an evidential "it"
            if not is_person_like(subject) and subject.lower_ != "it" and not is_source_noun(subject):
                continue  # "the evidence suggests": an evidential of the author's, not a source
            holder = _phrase(subject)
        elif token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            holder = _phrase(token.head)  # "an editorial saying that ..."
        else:
            continue  # non-finite verb with no recoverable source ("Commenting on ...")
        content: tuple[int, int] | None = None
        if clause is not None:
            if clause.i > token.i:
                content = (clause.left_edge.i, clause.right_edge.i + 1)
            else:
                between = doc[clause.right_edge.i + 1 : (holder[0] if holder else token.i)]
                if all(t.text in (",", "\u2014", "\u2013", '"', "\u201d", "\u2019", "'") for t in between):
                    content = (clause.left_edge.i, clause.right_edge.i + 1)  # '"...," he said'
        if content is None and lemma in ("accuse", "charge", "suspect"):
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            accused = next((c for c in token.children if c.dep_ == "dobj"), None)
            if prep is None and accused is not None:  # "accused the mayor of taking": "of" hangs on the object
                prep = next((c for c in accused.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if prep is not None:
                content = (prep.i + 1, prep.right_edge.i + 1)
        if content is None:
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            xcomp = next((c for c in token.children if c.dep_ in ("xcomp", "oprd")), None)
            as_phrase = next((c for c in token.children if c.dep_ in ("prep", "advcl", "advmod", "oprd")
                              and c.left_edge.lower_ == "as" and c.i > token.i), None)
            if obj is not None and as_phrase is not None:
                content = (obj.left_edge.i, as_phrase.right_edge.i + 1)  # "see X as Y", "regard X as Y"
            elif xcomp is not None and (lemma in XCOMP_CONTENT_VERBS or passive):  # "is said to favour"
                start = obj.left_edge.i if obj is not None else xcomp.left_edge.i
                content = (min(start, xcomp.left_edge.i), xcomp.right_edge.i + 1)
            elif obj is not None and lemma in NP_CONTENT_VERBS:
                content = (obj.left_edge.i, obj.right_edge.i + 1)
        if content is None and holder is not None:
            root = _clause_root(token)
            if _is_parenthetical(root, sent):
                content = _without(sent, root.left_edge.i, root.right_edge.i + 1)
        if content is None or content[1] <= content[0]:
            continue
        yield Attribution(
            kind="reporting_verb" if holder is not None else "impersonal",
            cue=token.text,
            cue_start=token.i,
            cue_end=token.i + 1,
            verb_class=verb_class,
            content_start=content[0],
            content_end=content[1],
            holder=doc[holder[0] : holder[1]].text if holder else None,
            holder_start=holder[0] if holder else None,
            holder_end=holder[1] if holder else None,
            cue_kind=cue_kind,
        )


def _according_to(sent: "Span", candidates: Iterable[int] | None = None) -> Iterator[Attribution]:
    """"according to X". ``candidates``: the indices of the sentence's tokens "according", if already known."""
    for token in sent if candidates is None else (sent.doc[i] for i in candidates):
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            to = sent.doc[token.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            end = (pobj.right_edge.i if pobj is not None else to.i) + 1
            holder = sent.doc[to.i + 1 : end]
            start_content, end_content = _without(sent, token.i, end)
            yield Attribution(
                "according_to", "according to", token.i, token.i + 2, "neutral",
                start_content, end_content, holder.text or None, to.i + 1, end, "speech",
            )


def _for_source(sent: "Span") -> Iterator[Attribution]:
    """Sentence-initial "For <person>, <content>" frames the content as that person's view."""
    first = sent[0]
    if first.lower_ != "for" or len(sent) < 4:
        return
    comma = next((t for t in sent[1:8] if t.text == ","), None)
    if comma is None:
        return
    phrase = sent.doc[first.i + 1 : comma.i]
    if not phrase or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.lower_ in PERSONAL_PRONOUNS
                             or t.lower_ in human_nouns() for t in phrase):
        return
    if any(t.pos_ in ("VERB",) for t in phrase):
        return
    end = sent.end
    yield Attribution("for_source", "for", first.i, first.i + 1, "neutral", comma.i + 1, end,
                      phrase.text, phrase.start, phrase.end, "thought")


def _noun_complements(sent: "Span", candidates: Iterable[int] | None = None) -> Iterator[Attribution]:
    """"the claim that X". ``candidates``: the indices of the sentence's nouns, if already known."""
    nouns = attribution_nouns()
    for token in sent if candidates is None else (sent.doc[i] for i in candidates):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        clause = next(
            (c for c in token.children if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark"
                                                                              for g in c.children)),
            None,
        )
        if clause is None:
            continue
        verb_class, cue_kind = nouns[token.lemma_.lower()]
        holder_token = next((c for c in token.children if c.dep_ == "poss"), None)
        holder = _phrase(holder_token) if holder_token is not None else None
        yield Attribution(
            "noun_complement", token.text, token.i, token.i + 1, verb_class,
            clause.left_edge.i, clause.right_edge.i + 1,
            sent.doc[holder[0]:holder[1]].text if holder else None,
            holder[0] if holder else None, holder[1] if holder else None, cue_kind,
        )


def _quotations(doc: "Doc") -> Iterator[Attribution]:
    for start, end in quotation_spans(doc):
        sent = doc[start].sent
        holder = None
        for token in sent:
            if token.pos_ in ("VERB", "AUX") and lexicon_lemma(token, reporting_verbs()):
                subject = subject_of(token)
                if subject is not None and subject.lower_ not in FIRST_PERSON:
                    holder = _phrase(subject)
                    break
        yield Attribution(
            "quotation", "\u201c\u201d", start - 1, start, "neutral", start, end,
            doc[holder[0]:holder[1]].text if holder else None,
            holder[0] if holder else None, holder[1] if holder else None, "speech",
        )


def _cue_candidates(doc: "Doc") -> dict[str, list[int]]:
    """Indices of the tokens that can be cues, by kind, read from the Doc's arrays: building a Token object for
    every word of every sentence, three times over, cost more than the rules themselves."""
    import numpy as np
    from spacy.attrs import LOWER, POS
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # compiled; spaCy's strings.pyi omits it
    from spacy.symbols import AUX, NOUN, VERB

    if not len(doc):
        return {"verb": [], "according": [], "noun": [], "adjective": []}
    columns = doc.to_array([POS, LOWER])
    pos, lower = columns[:, 0], columns[:, 1]
    beliefs = np.isin(lower, [hash_string(word) for word in belief_adjectives()])
    return {
        "verb": np.flatnonzero((pos == VERB) | (pos == AUX)).tolist(),
        "according": np.flatnonzero(lower == hash_string("according")).tolist(),
        "noun": np.flatnonzero(pos == NOUN).tolist(),
        "adjective": np.flatnonzero(beliefs).tolist(),
    }


def _adjective_attributions(sent: "Span", candidates: Iterable[int]) -> Iterator[Attribution]:
    """Belief adjectives of a holder other than the author and the clause they hold (*the unions are confident that
    the strike will end*, *she is convinced that X*): the adjective counterparts of verbs of belief."""
    table = belief_adjectives()
    doc = sent.doc
    for token in (doc[i] for i in candidates):
        if token.lower_ not in table or token.dep_ != "acomp":
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        subject = subject_of(token.head)
        if clause is None or clause.i < token.i or subject is None or subject.lower_ in FIRST_PERSON or \
                not is_person_like(subject):
            continue
        holder = _phrase(subject)
        yield Attribution(kind="reporting_verb", cue=token.text, cue_start=token.i, cue_end=token.i + 1,
                          verb_class="neutral", content_start=clause.left_edge.i, content_end=clause.right_edge.i + 1,
                          holder=doc[holder[0] : holder[1]].text, holder_start=holder[0], holder_end=holder[1],
                          cue_kind="thought")


def _within(indices: list[int], start: int, end: int) -> list[int]:
    """The sorted indices that fall in [start, end)."""
    return indices[bisect.bisect_left(indices, start) : bisect.bisect_left(indices, end)]


def find_attributions(doc: "Doc") -> list[Attribution]:
    """All attributions of a parsed Doc, in text order."""
    found: list[Attribution] = list(_quotations(doc))
    candidates = _cue_candidates(doc)
    for sent in doc.sents:
        found.extend(_verb_attributions(sent, _within(candidates["verb"], sent.start, sent.end)))
        found.extend(_according_to(sent, _within(candidates["according"], sent.start, sent.end)))
        found.extend(_for_source(sent))
        found.extend(_noun_complements(sent, _within(candidates["noun"], sent.start, sent.end)))
        found.extend(_adjective_attributions(sent, _within(candidates["adjective"], sent.start, sent.end)))
    return sorted(found, key=lambda a: (a.content_start, a.cue_start))


def attributed_token_mask(doc: "Doc", attributions: Iterable[Attribution] | None = None) -> list[bool]:
    """For each token, whether it lies inside content the author attributes to someone else."""
    mask = [False] * len(doc)
    for attribution in find_attributions(doc) if attributions is None else attributions:
        if attribution.kind == "noun_complement" and attribution.cue_kind == "evidence":
            continue  # "evidence that X" is the author's evidential, not someone else's voice
        for i in range(attribution.content_start, attribution.content_end):
            mask[i] = True
    return mask
