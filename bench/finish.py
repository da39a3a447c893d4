"""The finish of an analysis (comparison, per-step stance, report) and its two numeric kernels, from one run.

    python bench/finish.py [--words 60000] [--repeats 3]

Profiles a corpus built like bench/scale.py's (not timed), then times, ``--repeats`` times (median reported):

* the finish as ``report_from_profiles`` runs it in one process: ``compare_profiles``, ``analyse_stance`` (one
  ``step_stance`` per pair of consecutive documents) and ``build_report``;
* ``report_from_profiles`` as the analysis runs it, with the garbage collector paused
  (``kalinovsky_nlp._runtime.paused_gc``), against the same with the collector left on (the pause replaced by a
  no-op), alternating; median and slowest of the repeats, since a generation-2 collection falls in a run or not;
* the two numeric kernels of a step against the scikit-learn estimators they reproduce, on every step's claims:
  ``ClaimSpace`` (TF-IDF vectors) against ``TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True)`` (run with
  scikit-learn's parameter validation off, as the stance analysis ran it), and ``cluster_labels`` (SciPy's average
  linkage, cut below the distance threshold) against ``AgglomerativeClustering(distance_threshold=...)``. The
  outputs are compared as well: the vectors bit for bit, the clusters as partitions.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _partition(labels) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(int(label), set()).add(row)
    return {frozenset(g) for g in groups.values()}


@contextlib.contextmanager
def _collector_left_on():
    """Replace the finish's garbage-collector pause by a no-op (where the library looks it up) for the block."""
    import kalinovsky_nlp._runtime as runtime
    import kalinovsky_nlp.stance as stance

    saved = runtime.paused_gc, stance.paused_gc
    runtime.paused_gc = stance.paused_gc = contextlib.nullcontext
    try:
        yield
    finally:
        runtime.paused_gc, stance.paused_gc = saved


def main() -> None:
    from _corpus import words_and_repeats

    args = words_and_repeats(__doc__)

    import numpy as np
    from scale import _documents
    from sklearn import config_context
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    from kalinovsky_nlp.analysis import iter_profiles, prepare, report_from_profiles
    from kalinovsky_nlp.compare import compare_profiles
    from kalinovsky_nlp.report import build_report
    from kalinovsky_nlp.stance import analyse_stance
    from kalinovsky_nlp.stance.space import ClaimSpace
    from kalinovsky_nlp.stance.targets import CLUSTER_DISTANCE, cluster_labels

    docs = _documents(args.words)
    nlp = prepare()
    start = time.perf_counter()
    profiles = sorted(iter_profiles(docs, nlp=nlp), key=lambda p: (p.date, p.id))
    parse = time.perf_counter() - start
    steps = [p.claims + q.claims for p, q in zip(profiles, profiles[1:])]
    spaces = [ClaimSpace(claims) for claims in steps]
    blocks = [s.dense[s.dense.any(axis=1)] for s in spaces]
    blocks = [b for b in blocks if len(b) >= 2]

    def vectorizer(claims):
        with config_context(assume_finite=True, skip_parameter_validation=True):
            fitted = TfidfVectorizer(token_pattern=r"[^ ]+", sublinear_tf=True)
            return fitted.fit_transform([c["lemmas"] or c["text"] for c in claims]).toarray()

    def estimator(block):
        with config_context(assume_finite=True, skip_parameter_validation=True):
            return AgglomerativeClustering(n_clusters=None, distance_threshold=CLUSTER_DISTANCE, metric="cosine",
                                           linkage="average").fit_predict(block)

    times: dict[str, list[float]] = {k: [] for k in ("compare", "stance", "report", "space", "vectorizer",
                                                      "cluster", "estimator", "paused", "left_on")}
    for _ in range(args.repeats):
        start = time.perf_counter()
        report_from_profiles(profiles)
        times["paused"].append(time.perf_counter() - start)
        with _collector_left_on():
            start = time.perf_counter()
            report_from_profiles(profiles)
            times["left_on"].append(time.perf_counter() - start)
        start = time.perf_counter()
        comparison = compare_profiles(profiles)
        times["compare"].append(time.perf_counter() - start)
        start = time.perf_counter()
        findings = analyse_stance(profiles, comparison)
        times["stance"].append(time.perf_counter() - start)
        start = time.perf_counter()
        build_report(profiles, comparison, findings, None)
        times["report"].append(time.perf_counter() - start)
        for key, function, inputs in (("space", ClaimSpace, steps), ("vectorizer", vectorizer, steps),
                                      ("cluster", cluster_labels, blocks), ("estimator", estimator, blocks)):
            start = time.perf_counter()
            for item in inputs:
                function(item)
            times[key].append(time.perf_counter() - start)

    same_vectors = all(np.array_equal(s.dense, vectorizer(claims)) for s, claims in zip(spaces, steps))
    same_clusters = all(_partition(cluster_labels(b)) == _partition(estimator(b)) for b in blocks)
    median = {k: statistics.median(v) for k, v in times.items()}
    words = sum(len(d.text.split()) for d in docs)
    print(f"{words:,} words in {len(docs)} documents ({len(steps)} steps); parsing and profiling took {parse:.1f} s; "
          f"median of {args.repeats}")
    finish = median["compare"] + median["stance"] + median["report"]
    print(f"  finish                     {finish:6.2f} s  ({100 * finish / parse:4.1f}% of parsing and profiling)")
    for key, label in (("compare", "comparison"), ("stance", "stance, all steps"), ("report", "report")):
        print(f"    {label:24} {median[key]:6.2f} s  ({1000 * median[key] / max(len(steps), 1):5.2f} ms per step)")
    import gc

    print(f"  objects the garbage collector tracks in this process (pipeline, libraries, profiles): "
          f"{len(gc.get_objects()):,}")
    print(f"  report_from_profiles, collector paused {median['paused']:.2f} s (slowest {max(times['paused']):.2f}), "
          f"left on {median['left_on']:.2f} s (slowest {max(times['left_on']):.2f})")
    print(f"  TF-IDF of every step: ClaimSpace {median['space']:.2f} s, TfidfVectorizer {median['vectorizer']:.2f} s: "
          f"{median['vectorizer'] / median['space']:.1f}x; vectors equal bit for bit: {same_vectors}")
    print(f"  clustering of {len(blocks)} steps: cluster_labels {median['cluster']:.2f} s, AgglomerativeClustering "
          f"{median['estimator']:.2f} s: {median['estimator'] / median['cluster']:.1f}x; same partitions: "
          f"{same_clusters}")


if __name__ == "__main__":
    main()
