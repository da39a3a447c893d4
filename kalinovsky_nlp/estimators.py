"""scikit-learn interface: per-document metadiscourse rates as features.

``MetadiscourseRates`` turns raw texts into rates per 1,000 words of hedges, boosters, attitude markers,
self-mentions and engagement markers (the author's own voice by default), so stance features can sit in a
``Pipeline`` next to a classifier or a regression. It follows scikit-learn's estimator rules: parameters only in
``__init__``, ``fit`` returns ``self``, fitted attributes end in ``_``, input tagged as strings.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .analysis import DEFAULT_BATCH_SIZE

__all__ = ["MetadiscourseRates"]

CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement")


def _texts(X: Any) -> list[str]:
    if isinstance(X, str):
        raise ValueError("expected an iterable of texts, got a single string: wrap it in a list")
    array = np.asarray(X, dtype=object)
    if array.ndim != 1:
        raise ValueError(f"expected a 1-d sequence of texts, got an array of shape {array.shape}")
    texts = list(array)
    if not texts:
        raise ValueError("expected at least one text, got an empty sequence")
    bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise ValueError(f"item {bad} is {type(texts[bad]).__name__}, not a text")
    return texts


class MetadiscourseRates(TransformerMixin, BaseEstimator):
    """Texts -> rates of metadiscourse categories per ``per`` words.

    Parameters
    ----------
    model : spaCy model name or folder (None: the default resolution of :func:`kalinovsky_nlp.resolve_model`).
    categories : categories to report, in column order.
    voice : ``"author"`` counts only markers in the author's own voice; ``"all"`` counts every marker.
    per : rate base (1000 = per 1,000 words).
    batch_size : documents per spaCy batch.
    """

    def __init__(
        self,
        model: str | None = None,
        categories: Sequence[str] = CATEGORIES,
        voice: str = "author",
        per: int = 1000,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        self.model = model
        self.categories = categories
        self.voice = voice
        self.per = per
        self.batch_size = batch_size

    def _check_params(self) -> tuple[str, ...]:
        categories = tuple(self.categories)
        unknown = [c for c in categories if c not in CATEGORIES]
        if unknown or not categories:
            raise ValueError(f"categories must be a non-empty subset of {CATEGORIES}, got {categories}")
        if self.voice not in ("author", "all"):
            raise ValueError(f"voice must be 'author' or 'all', got {self.voice!r}")
        if not isinstance(self.per, (int, float)) or self.per <= 0:
            raise ValueError(f"per must be a positive number, got {self.per!r}")
        return categories

    def fit(self, X: Iterable[str], y: Any = None) -> "MetadiscourseRates":
        """Check the parameters and the input; nothing is learned from the texts."""
        _texts(X)
        self.categories_ = self._check_params()
        self.feature_names_out_ = np.array([f"{c}_per_{self.per:g}_words" for c in self.categories_], dtype=object)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """An array of shape (n_texts, n_categories) with the rates."""
        check_is_fitted(self, "categories_")
        texts = _texts(X)
        from .pipeline import load_pipeline
        from .profile import extract_markers
        from .textstats import count_words

        nlp = load_pipeline(self.model)
        index = {c: i for i, c in enumerate(self.categories_)}
        out = np.zeros((len(texts), len(index)), dtype=float)
        with nlp.memory_zone():
            for row, doc in enumerate(nlp.pipe(texts, batch_size=self.batch_size)):
                words = count_words(doc)
                for marker in extract_markers(doc):
                    if marker.category in index and (self.voice == "all" or marker.voice == "author"):
                        out[row, index[marker.category]] += 1
                if words:
                    out[row] *= self.per / words
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
