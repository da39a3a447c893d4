"""Benchmark corpora built from the built-in texts' sentences (shuffled with a fixed seed)."""

from __future__ import annotations

import argparse
import random
import re

from kalinovsky_nlp.corpus import load_corpus

SEED = 20170508


def sentences() -> list[str]:
    """Sentences of the two built-in bodies (a simple splitter: good enough to make benchmark documents)."""
    out = []
    for document in load_corpus():
        for paragraph in document.text.split("\n\n"):
            out += [s for s in re.split(r"(?<=[.?!\u201d])\s+(?=[A-Z\u201c(])", paragraph) if s.strip()]
    return out


def documents(min_words: int = 200_000, words_per_document: int = 800, seed: int = SEED) -> list[str]:
    """Texts of about ``words_per_document`` words, at least ``min_words`` in all, from shuffled sentences."""
    pool = sentences()
    rng = random.Random(seed)
    texts, current, count, total = [], [], 0, 0
    while total < min_words:
        sentence = rng.choice(pool)
        current.append(sentence)
        words = len(sentence.split())
        count += words
        total += words
        if count >= words_per_document:
            texts.append(" ".join(current))
            current, count = [], 0
    if current:
        texts.append(" ".join(current))
    return texts


def words_and_repeats(description: str | None, words: int = 60_000, repeats: int = 3) -> argparse.Namespace:
    """The command line of a bench script timed on a built corpus: ``--words`` and ``--repeats`` (median of)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=words)
    parser.add_argument("--repeats", type=int, default=repeats)
    return parser.parse_args()
