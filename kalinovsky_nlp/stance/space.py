"""One TF-IDF space per comparison step: the vectors of every claim of its two documents, fitted once.

Claims are compared over alias-normalised lemmas (``claim["lemmas"]``: content lemmas, entities as ``ent:<name>``).
en_core_web_sm has no word vectors, so similarity is lexical: scikit-learn's TfidfVectorizer, L2-normalised rows,
cosine as a dot product. Shared by proposition clustering and by the alignment of evidence for every target.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["ClaimSpace"]


class ClaimSpace:
    """TF-IDF vectors of a set of claims; rows are found by the claim object itself."""

    def __init__(self, claims: Sequence[dict]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.claims = list(claims)
        self.rows = {id(c): i for i, c in enumerate(self.claims)}
        texts = [c["lemmas"] or c["text"] for c in self.claims]
        vectorizer = TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True)
        try:
            self.dense = vectorizer.fit_transform(texts).toarray()
            self.terms = list(vectorizer.get_feature_names_out())
        except ValueError:  # no terms at all
            self.dense = np.zeros((len(texts), 0))
            self.terms = []

    def __contains__(self, claims: Sequence[dict]) -> bool:
        return all(id(c) in self.rows for c in claims)

    def vectors(self, claims: Sequence[dict]) -> np.ndarray:
        return self.dense[[self.rows[id(c)] for c in claims]]

    def similarity(self, a: Sequence[dict], b: Sequence[dict]) -> np.ndarray:
        """Cosine similarities, shape (len(a), len(b))."""
        return self.vectors(a) @ self.vectors(b).T
