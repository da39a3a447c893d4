"""What an author changed when restating a sentence: the word-level edits between two versions.

Authors who write in series (statements, reports, speeches) restate sentences with edits, and readers of such series
read the edits (*"how long to maintain this target range"* became *"whether it will be appropriate to raise the
target range at its next meeting"*). :func:`sentence_edits` gives them as (before, after) fragments, leaving out
edits of spelling only (quotation-mark style, case, punctuation) and edits of words that restate the same claim
(month names and time adverbials that move with the calendar, linking adverbials; ``lexicons/restatement_neutral.tsv``).
:func:`substantive` tells an edited restatement from a revised one.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicons import read_table, read_word_list
from ..results import Claim, Revision, Sentence
from .align import attention_verbs

__all__ = ["SAME_CLAUSE", "ClauseCorrespondence", "carried_over", "claim_edited", "document_words", "restated_form",
           "sentence_edits", "substantive", "without_opening_subject", "without_shared_subject"]

_WORD = re.compile(r"\w+(?:[-'\u2019./]\w+)*|[^\w\s]")
#: Month names: "Beginning in July" restated as "Beginning in August" is the calendar, not a revision.
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})


#: Curly quotation marks as straight ones, one character for one (offsets into the text stay as they are).
_STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _tokens(text: str) -> list[str]:
    return list(_token_tuple(text))


@functools.lru_cache(maxsize=8192)
def _token_tuple(text: str) -> tuple[str, ...]:
    """The words and punctuation of a claim or sentence, remembered: each document takes part in two comparison
    steps, and a claim's text is read by several of them."""
    return tuple(_WORD.findall(text.translate(_STRAIGHT_QUOTES).replace("--", " -- ")))


def _key(token: str) -> str:
    return token.lower()


def _neutral(word: str) -> bool:
    """A word whose addition or removal alone leaves a restated claim as it was: a month name, a time or linking
    adverbial (``lexicons/restatement_neutral.tsv``), a verb of continuation (``lexicons/aspectual_verbs.txt``), a
    function word, or a web address."""
    word = word.lower()
    return (_calendar_or_linking(word) or word in STOP_WORDS or word in read_word_list("aspectual_verbs.txt")
            or "://" in word or word.endswith((".html", ".htm")))


def _calendar_or_linking(word: str) -> bool:
    return word in _MONTHS or word in read_word_list("restatement_neutral.tsv")


def _neutral_only(before: list[str], after: list[str]) -> bool:
    """Whether an edit changes only words that restate the same claim (a month name, a time or linking adverbial)."""
    words = [t.lower() for t in before + after if t.isalnum()]
    return bool(words) and all(_calendar_or_linking(w) for w in words) and \
        any(w not in _function_words() for w in words)


@functools.lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    rows = read_table("restatement_neutral.tsv")
    return frozenset(row["lemma"].lower() for row in rows if row["kind"] == "function")


#: Coordinators that tie a clause to the one before it: "..., and a range of indicators suggests ...".
_CLAUSE_LINKS = frozenset({"and", "but", "or", "so", "yet"})


@functools.lru_cache(maxsize=8192)
def restated_form(text: str) -> str:
    """A claim's words as they compare across restatements: lower-case words and punctuation without the linking
    adverbials, coordinators and punctuation that tie it to its neighbours (*However, a range of indicators
    suggests ...* restates *a range of indicators suggests ...* word for word)."""
    words = [_key(t) for t in _tokens(text)]
    while words and (not words[0][:1].isalnum() or words[0] in _CLAUSE_LINKS or words[0] in _linking_words()):
        words.pop(0)
    while words and (not words[-1][:1].isalnum() or words[-1] in _CLAUSE_LINKS):
        words.pop()
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def _linking_words() -> frozenset[str]:
    return frozenset(row["lemma"].lower() for row in read_table("restatement_neutral.tsv") if row["kind"] == "linking")


#: A run of at least this many words found elsewhere in the other document was moved there, not revised.
MOVED_WORDS = 4


#: ... when at least this share of its four-word sequences is found there.
MOVED_SHARE = 0.8


def _moved(words: list[str], document: str) -> bool:
    """Whether a run of words (at least :data:`MOVED_WORDS` of them, without the linking words and punctuation at its
    edges) occurs in the other document's text: nearly all its four-word sequences (:data:`MOVED_SHARE`) are there."""
    keys = [_key(w) for w in words]
    while keys and (not keys[0][:1].isalnum() or keys[0] in STOP_WORDS):
        keys.pop(0)
    while keys and (not keys[-1][:1].isalnum() or keys[-1] in STOP_WORDS):
        keys.pop()
    if sum(1 for k in keys if k[:1].isalnum()) < MOVED_WORDS:
        return False
    grams = [" " + " ".join(keys[i : i + 4]) + " " for i in range(len(keys) - 3)]
    return sum(1 for g in grams if g in document) >= MOVED_SHARE * len(grams)


@functools.lru_cache(maxsize=16)
def document_words(sentences: tuple[str, ...]) -> str:
    """A document's sentences as one string of lower-case words between spaces, for :func:`sentence_edits` to tell
    moved text from revised text (remembered for the few documents last asked about: each document takes part in
    two consecutive comparison steps)."""
    return " " + " ".join(_key(w) for sentence in sentences for w in _tokens(sentence)) + " "


def sentence_edits(before: str, after: str, limit: int = 4, *, earlier_document: str = "",
                   later_document: str = "") -> tuple[Revision, ...]:
    """The substantive edits from ``before`` to ``after`` (at most ``limit``, in text order): word runs that differ,
    without edits of punctuation, quotation-mark style or case alone, and without edits of month names and time or
    linking adverbials alone (*"a year ago"* / *"over the past year"*; *"Nonetheless,"*). Given the two documents'
    words (:func:`document_words`), an edit whose text was moved rather than revised is left out too: words removed
    from ``before`` that the later document has in another sentence, and words added to ``after`` that the earlier
    document had in another sentence (two sentences merged into one, or one split in two)."""
    words_a, words_b = _tokens(before), _tokens(after)
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in words_a], b=[_key(t) for t in words_b], autojunk=False)
    spans: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 1 and j1 - spans[-1][3] <= 1:
            spans[-1][1], spans[-1][3] = i2, j2  # one word kept between two edits: one edit (*how long to keep*)
        else:
            spans.append([i1, i2, j1, j2])
    back_references = _back_references(spans, words_a, words_b, later_document)
    edits = []
    for k, (i1, i2, j1, j2) in enumerate(spans):
        if k in back_references:
            continue
        removed, added = words_a[i1:i2], words_b[j1:j2]
        if not any(t.isalnum() or t[:1].isalnum() for t in removed + added):
            continue  # punctuation only
        if _neutral_only(removed, added):
            continue
        if (removed or added) and (not removed or _moved(removed, later_document)) and \
                (not added or _moved(added, earlier_document)):
            continue  # moved between sentences, not revised
        edits.append(Revision(_join(removed), _join(added)))
    return tuple(edits[:limit])


#: Demonstratives that refer back to a noun phrase named before (*this target range*).
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an"})
#: Modifiers that point to the thing as the demonstrative does (*the current range* / *this range*).
_DEICTIC = frozenset({"current", "present", "existing", "same"})
#: A back reference keeps at most this many words of the noun phrase it shortens (its head: *target range*).
_KEPT_HEAD = 3


def _back_references(spans: list[list[int]], words_a: list[str], words_b: list[str], later_document: str) -> set[int]:
    """The edits (indices into ``spans``) that shorten a noun phrase to a demonstrative and its head, the later text
    naming the thing elsewhere (*the current 0 to 1/4 percent target range for the federal funds rate* restated as
    *this target range*): the determiner and modifiers replaced by *this*, and a prepositional phrase after the head
    dropped. The same thing referred to, not a revision."""
    found: set[int] = set()
    for k, (i1, i2, j1, j2) in enumerate(spans):
        removed, added = [_key(w) for w in words_a[i1:i2]], [_key(w) for w in words_b[j1:j2]]
        if not (len(added) == 1 and added[0] in _DEMONSTRATIVES and removed and removed[0] in _DETERMINERS):
            continue
        named = _stems_of(later_document)
        content = [w for w in removed[1:] if w[:1].isalpha() and w not in STOP_WORDS and w not in _DEICTIC]
        if not all(_stem(w) in named for w in content):
            continue  # modifiers the later text never uses: the phrase was changed, not shortened
        found.add(k)
        if k + 1 < len(spans):
            n1, n2, m1, m2 = spans[k + 1]
            dropped = [_key(w) for w in words_a[n1:n2]]
            if m1 == m2 and 0 < n1 - i2 <= _KEPT_HEAD and dropped and dropped[0] in ("for", "of", "on", "in") and \
                    all(_stem(w) in named for w in dropped if w[:1].isalpha() and w not in STOP_WORDS):
                found.add(k + 1)  # "... target range for the federal funds rate" -> "this target range"
    return found


@functools.lru_cache(maxsize=16)
def _stems_of(document: str) -> frozenset[str]:
    """The stems of a document's words (:func:`document_words`), remembered for the few documents last asked about."""
    return frozenset(_stem(w) for w in document.split())


def substantive(before_words: Iterable[str], after_words: Iterable[str]) -> bool:
    """Whether two versions of a sentence differ in content words (the profile's content lemmas of each sentence),
    beyond words that restate the same claim: month names and time adverbials that move with the calendar, linking
    adverbials, verbs of continuation (*sees* / *continues to see*), lemmas that are function words (the profile
    keeps *sees* but drops *see*), web addresses."""
    before, after = set(before_words), set(after_words)
    return _revises(before - after, after - before, neutral=_neutral,
                    stance={lemma: lemma for lemma in _stance_levels()}, attention=attention_verbs())


def _revises(removed: set[str], added: set[str], *, neutral: Callable[[str], bool], stance: Mapping[str, str],
             attention: frozenset[str]) -> bool:
    """Whether words removed and added (lemmas, or stems) change what is claimed: some word beyond the ``neutral``
    ones, once a stance word swapped for one of the same commitment (``stance``: word to its lemma in the stance
    table) and a verb of attention swapped for another (*will review* / *will examine*: how the matter is looked at)
    are set aside."""
    changed = removed | added
    if _stance_swap({stance.get(w, w) for w in removed}, {stance.get(w, w) for w in added}):
        changed -= stance.keys()
    if removed & attention and added & attention:
        changed -= attention
    return any(not neutral(w) for w in changed)


#: Two claims of restated sentences are one clause restated when at least this share of the shorter claim's words
#: were carried over into the other (matched in order between the two sentences).
SAME_CLAUSE = 0.5


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text.translate(_STRAIGHT_QUOTES))]


def carried_over(before_sentence: str, before_span: tuple[int, int], after_sentence: str,
                 after_span: tuple[int, int]) -> float:
    """The share of the shorter of two claims' words that the sentence restating it carried over into the other
    claim: the two sentences' words matched in order, counting the pairs that fall inside both claims' spans
    (character offsets into their sentences)."""
    words_a, words_b, matched = _matched_words(before_sentence, after_sentence)
    inside_a = {i for i, (w, start, end) in enumerate(words_a)
                if before_span[0] <= start and end <= before_span[1] and w[:1].isalnum()}
    inside_b = {j for j, (w, start, end) in enumerate(words_b)
                if after_span[0] <= start and end <= after_span[1] and w[:1].isalnum()}
    if not inside_a or not inside_b:
        return 0.0
    carried = sum(1 for i, j in matched if i in inside_a and j in inside_b)
    return carried / min(len(inside_a), len(inside_b))


@functools.lru_cache(maxsize=256)
def _matched_words(before_sentence: str, after_sentence: str) -> tuple[list[tuple[str, int, int]],
                                                                       list[tuple[str, int, int]],
                                                                       tuple[tuple[int, int], ...]]:
    """Two sentences' words (with their offsets) and the pairs of positions matched in order between them,
    remembered for the claims of one restated sentence pair."""
    words_a, words_b = _word_spans(before_sentence), _word_spans(after_sentence)
    matcher = difflib.SequenceMatcher(a=[w for w, _, _ in words_a], b=[w for w, _, _ in words_b], autojunk=False)
    matched = tuple((i + k, j + k) for i, j, n in matcher.get_matching_blocks() for k in range(n))
    return words_a, words_b, matched


class ClauseCorrespondence:
    """Which claims of two restated sentences are one clause restated (:data:`SAME_CLAUSE`), rather than two clauses
    of the sentences (*to help ensure that inflation ...* / *the Committee decided to continue purchasing ...*): only
    those can align as restatements or revise one another. Given the two documents' sentences, a claim is placed in
    its sentence; without them, each claim's text stands for its sentence."""

    def __init__(self, earlier: Sequence[Sentence] = (), later: Sequence[Sentence] = ()) -> None:
        self.earlier, self.later = earlier, later

    def _placed(self, claim: Claim, sentences: Sequence[Sentence]) -> tuple[str, tuple[int, int]]:
        if claim.sentence < len(sentences):
            sentence = sentences[claim.sentence]
            if sentence.start <= claim.start and claim.end <= sentence.end:
                return sentence.text, (claim.start - sentence.start, claim.end - sentence.start)
        return claim.text, (0, len(claim.text))

    def __call__(self, earlier: Claim, later: Claim) -> bool:
        text_a, span_a = self._placed(earlier, self.earlier)
        text_b, span_b = self._placed(later, self.later)
        return carried_over(text_a, span_a, text_b, span_b) >= SAME_CLAUSE


def claim_edited(before: str, after: str, *, earlier_document: str = "", later_document: str = "",
                 subject: Iterable[str] = ()) -> bool:
    """Whether a claim restated in an edited sentence was itself edited: its own words (``before``, ``after``: the
    two claims' texts) differ beyond the edits :func:`sentence_edits` leaves out and beyond what :func:`substantive`
    does not count (inflection, verbs of continuation, a stance verb swapped for one of the same commitment). An edit
    beside it (*Although growth slowed, the Committee continues to expect that activity will expand*) revises
    another claim of the sentence, not this one. The words of a ``subject`` both claims have are not edits when one
    of them names it and the other shares it with the clause before (*the board will monitor demand and will
    continue its subsidies*)."""
    before, after = without_shared_subject(before, after, subject)
    edits = sentence_edits(before, after, limit=len(before) + len(after), earlier_document=earlier_document,
                           later_document=later_document)
    removed = {_stem(w) for e in edits for w in _tokens(e.before) if w[:1].isalnum()}
    added = {_stem(w) for e in edits for w in _tokens(e.after) if w[:1].isalnum()}
    stems = _stems()
    return _revises(removed - added, added - removed, neutral=stems.neutral.__contains__, stance=stems.stance,
                    attention=stems.attention)


#: A subject named at a claim's start is found within this many words.
SUBJECT_REACH = 6


def without_shared_subject(before: str, after: str, subject: Iterable[str]) -> tuple[str, str]:
    """Two restated claims' texts without the subject phrase one of them opens with, when the other does not name the
    subject (it shares it with the clause before): *The board will continue its subsidies* compared with *will
    continue its subsidies*. ``subject``: the words naming the subject both claims have."""
    words = {w.lower() for w in subject}
    names = (any(t.lower() in words for t in _tokens(before)), any(t.lower() in words for t in _tokens(after)))
    if names[0] == names[1]:
        return before, after
    if names[0]:
        return without_opening_subject(before, words), after
    return before, without_opening_subject(after, words)


def without_opening_subject(text: str, subject: Iterable[str]) -> str:
    """``text`` without the subject phrase it opens with (ending in one of the ``subject`` words within
    :data:`SUBJECT_REACH` words), or as it is."""
    words = {w.lower() for w in subject}
    tokens = _tokens(text)
    ends = [k for k, t in enumerate(tokens[:SUBJECT_REACH]) if t.lower() in words]
    return _join(tokens[ends[-1] + 1 :]) if ends else text


def _stem(word: str) -> str:
    """A word without its inflection, so that a verb's forms compare (*expects* / *expect*, *continues* /
    *continued* / *continue*): lower-case, a final -ing, -ed, -es, -s or -e removed when three letters remain."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class _Stems:
    """The word lists :func:`substantive` reads, as stems: the neutral words, the stance words (stem to lemma) and
    the verbs of attention."""

    neutral: frozenset[str]
    stance: dict[str, str]
    attention: frozenset[str]


@functools.lru_cache(maxsize=1)
def _stems() -> _Stems:
    neutral = {_stem(w) for w in STOP_WORDS | _MONTHS | read_word_list("restatement_neutral.tsv")
               | read_word_list("aspectual_verbs.txt")}
    return _Stems(neutral=frozenset(neutral), stance={_stem(lemma): lemma for lemma in _stance_levels()},
                  attention=frozenset(_stem(w) for w in attention_verbs()))


@functools.lru_cache(maxsize=1)
def _stance_levels() -> dict[str, frozenset[str]]:
    """Verbs and nouns of thought (``reporting_verbs.tsv``, ``attribution_nouns.tsv``, kind ``thought``) with the
    commitment each gives the author's own content (a lemma that is a verb and a noun may give two)."""
    levels: dict[str, set[str]] = {}
    for table in ("reporting_verbs.tsv", "attribution_nouns.tsv"):
        for row in read_table(table):
            if row["kind"] == "thought":
                levels.setdefault(row["lemma"].lower(), set()).add(row["author_level"])
    return {lemma: frozenset(found) for lemma, found in levels.items()}


def _stance_swap(removed: set[str], added: set[str]) -> bool:
    """Whether the author's verb or noun of thought was swapped for one of the same commitment (*expects* /
    *anticipates*, *expects* / *its view*): the wording of the stance changed, not the stance."""
    table = _stance_levels()
    removed_levels = [table[w] for w in removed if w in table]
    added_levels = [table[w] for w in added if w in table]
    if not removed_levels or not added_levels:
        return False
    return bool(frozenset.union(*removed_levels) & frozenset.union(*added_levels))


def _join(tokens: list[str]) -> str:
    text = ""
    for token in tokens:
        if text and (token[:1].isalnum() or token in ("(", '"', "$")) and not text.endswith(("(", "$")):
            text += " "
        text += token
    return text
