"""Warnings about a corpus that the analysis goes on with but a researcher must know before trusting a report.

* one document: nothing to compare;
* two or more documents on the same date: their order (by id) is arbitrary, and so are the steps between them;
* a document with no words (only punctuation, numbers or symbols): its measures are empty;
* documents with Markdown links read as plain text (``[text](https://...)``): their addresses are read as words
  and glued to the link text (an entity named *Securities](http*); the record's ``format`` field reads it as
  Markdown;
* a document that is probably not English: the pipeline is English, so its parses, markers and entities are not
  to be trusted. The check is offline and cheap: a text is taken for English when most of its letters are Latin
  and at least :data:`MIN_ENGLISH_STOP_WORD_SHARE` of its words are English function words (spaCy's English stop
  words: "the", "of", "and", ... make up 40-55% of running English prose and under 10% of German, French or
  Spanish prose, measured on the texts of ``tests/test_corpuschecks.py``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from typing import Sequence

from .corpus import Document

__all__ = ["MIN_ENGLISH_STOP_WORD_SHARE", "corpus_warnings", "looks_english"]

#: Share of a text's words that are English stop words below which it is reported as probably not English.
MIN_ENGLISH_STOP_WORD_SHARE = 0.2
#: Texts with fewer words than this are not judged (too little evidence either way).
MIN_WORDS_FOR_LANGUAGE = 20

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
#: An inline Markdown link or image: ``[text](address)`` with a web, mail, root-relative or fragment address.
_MARKDOWN_LINK = re.compile(r"\[[^\]\n]+\]\((?:https?://|www\.|mailto:|/|#)[^)\s]*(?:\s+\"[^\"]*\")?\)")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _latin_share(words: list[str]) -> float:
    """The share of the words' characters that are Latin letters (the words are letters and apostrophes)."""
    letters = "".join(words)
    if not letters:
        return 0.0
    # an ASCII character of a word is a Latin letter or an apostrophe: look up the Unicode name of the others only
    others = _NON_ASCII.findall(letters) if not letters.isascii() else []
    latin = len(letters) - len(others) - letters.count("'") + \
        sum(1 for ch in others if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def looks_english(text: str) -> bool | None:
    """True or False for a text of at least :data:`MIN_WORDS_FOR_LANGUAGE` words, None for a shorter one."""
    words = _WORD.findall(text)
    if _latin_share(words) < 0.5 and len(text) >= MIN_WORDS_FOR_LANGUAGE:  # Cyrillic, Chinese (no spaces), ...
        return False
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    lowered = " ".join(words).lower().replace("\u2019", "'").split()  # the words hold no white space
    share = sum(map(_stop_words().__contains__, lowered)) / len(words)
    return share >= MIN_ENGLISH_STOP_WORD_SHARE


def _name(document: Document) -> str:
    return f"{document.id} ({document.date.isoformat()})"


def corpus_warnings(documents: Sequence[Document]) -> list[str]:
    """The warnings for a date-ordered corpus, in a stable order: corpus-wide first, then per document."""
    out = []
    if len(documents) == 1:
        out.append(f"nothing to compare: give two or more dated texts (one document, {_name(documents[0])})")
    by_date: dict[str, list[str]] = defaultdict(list)
    for document in documents:
        by_date[document.date.isoformat()].append(document.id)
    for date, ids in by_date.items():
        if len(ids) > 1:
            out.append(f"{len(ids)} documents dated {date} ({', '.join(sorted(ids))}): they are ordered by id, and "
                       "the comparison steps between them say nothing about time; give each text its own date")
    linked = [document.id for document in documents if _MARKDOWN_LINK.search(document.text)]
    if linked:
        which = ", ".join(linked[:5]) + (f" and {len(linked) - 5} more" if len(linked) > 5 else "")
        out.append(f"{len(linked)} document{'s' if len(linked) > 1 else ''} ({which}) "
                   f"{'have' if len(linked) > 1 else 'has'} Markdown links ([text](address)) read as plain text: the "
                   "addresses are read as words and can end up in entity names; give the records \"format\": "
                   "\"markdown\" (or name the files .md) to read the Markdown")
    for document in documents:
        if not _WORD.search(document.text):
            out.append(f"document {_name(document)} has no words (only punctuation, numbers or symbols): its "
                       "measures are empty or meaningless; check its text")
        elif looks_english(document.text) is False:
            out.append(f"document {_name(document)} does not look like English: the English model's parses, "
                       "markers and entities for it are not to be trusted")
    return out
