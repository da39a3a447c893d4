"""One TF-IDF space per comparison step: the vectors of every claim of its two documents, fitted once.

Claims are compared over alias-normalised lemmas (``claim["lemmas"]``: content lemmas, entities as ``ent:<name>``).
en_core_web_sm has no word vectors, so similarity is lexical: cosine over TF-IDF vectors with L2-normalised rows,
as a dot product.

The weights are scikit-learn's ``TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True)``: tokens split on
spaces and lower-cased, tf = 1 + ln(count), smooth idf = ln((1 + n) / (1 + df)) + 1, rows scaled to unit length,
terms in sorted order. They are computed here with NumPy because a step has only a few dozen claims, and on so few
the vectorizer's fixed cost per call (input validation, sparse bookkeeping) outweighs the arithmetic:
``bench/finish.py`` times both on every step of a corpus and checks that the vectors are equal bit for bit, as
``tests/stance/test_space.py`` does.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["ClaimSpace", "claim_tokens"]


def claim_tokens(claim: dict) -> list[str]:
    """The terms of a claim: its lemma keys, or its words when it has none (lower-cased, split on spaces)."""
    return [t for t in (claim["lemmas"] or claim["text"]).lower().split(" ") if t]


class ClaimSpace:
    """TF-IDF vectors of a set of claims; rows are found by the claim object itself."""

    def __init__(self, claims: Sequence[dict]) -> None:
        self.claims = list(claims)
        self.rows = {id(c): i for i, c in enumerate(self.claims)}
        first_seen: dict[str, int] = {}  # term -> rank of its first appearance in the whole set
        # the non-zero entries, rows in order and each row's terms by first appearance: row, rank, count
        row_of: list[int] = []
        rank_of: list[int] = []
        count_of: list[int] = []
        for row, claim in enumerate(self.claims):
            term_counts: dict[str, int] = {}
            for term in claim_tokens(claim):
                term_counts[term] = term_counts.get(term, 0) + 1
            # ranks are given in the claim's own order of first appearance, then the row's entries sorted by rank
            ranked = sorted((first_seen.setdefault(t, len(first_seen)), n) for t, n in term_counts.items())
            row_of += [row] * len(ranked)
            rank_of += [rank for rank, _ in ranked]
            count_of += [n for _, n in ranked]
        self.terms = sorted(first_seen)
        self.dense = np.zeros((len(self.claims), len(self.terms)))
        if not row_of:
            return
        column_of_rank = np.empty(len(self.terms), dtype=np.intp)
        column_of_rank[[first_seen[t] for t in self.terms]] = np.arange(len(self.terms))
        rows, ranks, counts = np.array(row_of), np.array(rank_of), np.array(count_of)
        columns = column_of_rank[ranks]
        document_frequency = np.bincount(columns, minlength=len(self.terms)).astype(float)
        idf = np.log((len(self.claims) + 1.0) / (document_frequency + 1.0)) + 1.0
        weights = (np.log(counts.astype(float)) + 1.0) * idf[columns]
        # Each row's squares are summed one after another (a cumulative sum along the row, zero-padded) in the order
        # scikit-learn's l2 normalisation sums its CSR rows, terms by first appearance in the whole set: the same
        # rounding, so that equal similarities stay equal and ties between candidate evidence break the same way.
        starts = np.searchsorted(rows, rows, side="left")
        position = np.arange(len(rows)) - starts
        squares = np.zeros((len(self.claims), int(position.max()) + 1))
        squares[rows, position] = weights * weights
        norms = np.sqrt(np.cumsum(squares, axis=1)[:, -1])
        self.dense[rows, columns] = weights / norms[rows]

    def __contains__(self, claims: Sequence[dict]) -> bool:
        return all(id(c) in self.rows for c in claims)

    def vectors(self, claims: Sequence[dict]) -> np.ndarray:
        return self.dense[[self.rows[id(c)] for c in claims]]

    def similarity(self, a: Sequence[dict], b: Sequence[dict]) -> np.ndarray:
        """Cosine similarities, shape (len(a), len(b))."""
        return self.vectors(a) @ self.vectors(b).T
