"""Keyness between two documents: which words distinguish the later text from the earlier one.

* Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior, as z-scores;
* Dunning's (1993) log-likelihood G2;
* Hardie's (2014) Log Ratio (binary log of the ratio of relative frequencies, 0.5 added to zero counts).

Two texts of about a thousand words give no term whose z survives a multiple-comparison correction; the result
says how many do, so the reader can see the effect sizes for what they are.
"""

from __future__ import annotations

import math
from collections import Counter
from statistics import NormalDist
from typing import Iterable
from .results import KeyTerm, Keyness

__all__ = ["KeyTerm", "Keyness", "keyness", "log_odds_dirichlet", "g2", "log_ratio"]


def log_odds_dirichlet(
    counts_a: Counter[str], counts_b: Counter[str], prior: Counter[str], prior_size: float | None = None,
    terms: Iterable[str] | None = None,
) -> dict[str, tuple[float, float]]:
    """Term -> (delta, z) for b against a, with a Dirichlet prior proportional to ``prior`` counts; for every term
    of a or b, or only for ``terms``."""
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    n_prior = sum(prior.values())
    alpha_0 = prior_size if prior_size is not None else float(n_prior)
    out = {}
    for term in (set(counts_a) | set(counts_b)) if terms is None else terms:
        alpha = alpha_0 * prior[term] / n_prior if n_prior else 0.01
        alpha = max(alpha, 0.01)
        ya, yb = counts_a[term], counts_b[term]
        # the rest of each corpus; at least half a count, where one term is the whole text (a one-word document)
        la = math.log((ya + alpha) / max(n_a + alpha_0 - ya - alpha, 0.5))
        lb = math.log((yb + alpha) / max(n_b + alpha_0 - yb - alpha, 0.5))
        delta = lb - la
        variance = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
        out[term] = (delta, delta / math.sqrt(variance))
    return out


def g2(a: int, b: int, n_a: int, n_b: int) -> float:
    """Dunning's log-likelihood for a term seen a times in corpus A (size n_a) and b times in B."""
    expected_a = n_a * (a + b) / (n_a + n_b)
    expected_b = n_b * (a + b) / (n_a + n_b)
    total = 0.0
    for observed, expected in ((a, expected_a), (b, expected_b)):
        if observed:
            total += observed * math.log(observed / expected)
    return 2 * total


def log_ratio(a: int, b: int, n_a: int, n_b: int) -> float:
    """Hardie's Log Ratio of B against A (0.5 for zero counts)."""
    return math.log2(((b or 0.5) / n_b) / ((a or 0.5) / n_a))


def keyness(
    terms_a: Iterable[str], terms_b: Iterable[str], *, min_count: int = 2, top: int = 15, alpha: float = 0.05
) -> Keyness:
    """Distinctive terms of the earlier (a) and later (b) document with counts and three effect measures."""
    counts_a, counts_b = Counter(terms_a), Counter(terms_b)
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    if not n_a or not n_b:
        return Keyness(earlier=(), later=(), tests=0, critical_z=None, significant_after_correction=0,
                       note="empty text", tokens_from=n_a, tokens_to=n_b)
    prior = counts_a + counts_b
    tested = sorted(term for term, count in prior.items() if count >= min_count)
    scores = log_odds_dirichlet(counts_a, counts_b, prior, terms=tested)  # most terms occur once: not tested
    z_of = {term: round(scores[term][1], 3) for term in tested}

    def row(term: str) -> KeyTerm:
        a, b = counts_a[term], counts_b[term]
        return KeyTerm(term=term, count_from=a, count_to=b, delta=round(scores[term][0], 3), z=z_of[term],
                       g2=round(g2(a, b, n_a, n_b), 3), log_ratio=round(log_ratio(a, b, n_a, n_b), 3))

    tests = len(tested)
    critical = NormalDist().inv_cdf(1 - alpha / (2 * tests)) if tests else None
    significant = sum(1 for term in tested if critical is not None and abs(z_of[term]) >= critical)
    # ties broken by the term itself, so that the lists do not depend on set order (randomised per process)
    later = tuple(row(t) for t in sorted((t for t in tested if z_of[t] > 0), key=lambda t: (-z_of[t], t))[:top])
    earlier = tuple(row(t) for t in sorted((t for t in tested if z_of[t] < 0), key=lambda t: (z_of[t], t))[:top])
    if critical is None:
        note = f"No term occurs at least {min_count} times in the two texts together: nothing to test."
    else:
        note = (
            f"{tests} terms occurring at least {min_count} times were tested; with a Bonferroni correction at "
            f"alpha {alpha} a term needs |z| >= {critical:.2f}, and {significant} "
            f"{'term reaches' if significant == 1 else 'terms reach'} it. "
            + ("Read the lists as effect sizes on small counts, not as findings." if significant == 0 else
               "Terms below the threshold are effect sizes on small counts, not findings.")
        )
    return Keyness(earlier=earlier, later=later, tests=tests,
                   critical_z=round(critical, 3) if critical is not None else None,
                   significant_after_correction=significant, note=note, tokens_from=n_a, tokens_to=n_b)
