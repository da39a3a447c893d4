"""Throughput and peak memory at research-pipeline scale, from one run.

    python bench/scale.py [--words 200000]

Builds a corpus of at least 200,000 words from the built-in texts' sentences (shuffled, fixed seed, ~800-word
documents, dated one day apart) and runs each configuration in a fresh process:

* bare spaCy (the model alone, nlp.pipe) at batch sizes 16, 32, 64 and 128: the best is the baseline;
* the full analysis (``kalinovsky_nlp.analyze``: components, profiles, comparison, shifts) at default settings;
* the full analysis with ``n_process=2``;
* the full analysis on Dask, a LocalCluster of 2 single-threaded workers.

Words per second count the processing only (model already loaded; cluster already started); peak memory is the
process's maximum resident set (for n_process and Dask, the largest of the helper processes too).
Targets (issue "Research-pipeline scale"): full >= 0.85x bare; peak <= 700 MB at defaults; 2 processes >= 1.6x
one; Dask with 2 workers >= 1.5x one local process.
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _documents(words: int):
    from _corpus import documents

    from kalinovsky_nlp.corpus import Document

    start = datetime.date(2000, 1, 1)
    return [Document(id=f"bench-{i:05d}", date=start + datetime.timedelta(days=i), text=t, author="bench")
            for i, t in enumerate(documents(words))]


def worker(config: str, words: int) -> dict:
    """Run one configuration in this process and return its measurements."""
    docs = _documents(words)
    total = sum(len(d.text.split()) for d in docs)
    if config.startswith("bare"):
        import spacy

        from kalinovsky_nlp.pipeline import resolve_model

        batch = int(config.split(":")[1])
        nlp = spacy.load(resolve_model())
        start = time.perf_counter()
        with nlp.memory_zone():
            for _ in nlp.pipe((d.text for d in docs), batch_size=batch):
                pass
        elapsed = time.perf_counter() - start
    elif config in ("full", "full-n2"):
        from kalinovsky_nlp.analysis import analyze
        from kalinovsky_nlp.pipeline import load_pipeline

        from kalinovsky_nlp.textstats import readability_scores

        nlp = load_pipeline()
        readability_scores("Warm the syllable dictionary.")  # as the Dask workers are warmed
        start = time.perf_counter()
        analyze(docs, nlp=nlp, n_process=2 if config == "full-n2" else 1)
        elapsed = time.perf_counter() - start
    elif config == "dask":
        from dask.distributed import Client, LocalCluster

        from kalinovsky_nlp.analysis import analyze

        from kalinovsky_nlp.distributed import warm_up

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            warm_up(client)  # the model loads once per worker, as the local runs load it before timing
            start = time.perf_counter()
            analyze(docs, backend="dask", client=client)
            elapsed = time.perf_counter() - start
            worker_peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return {"config": config, "words": total, "seconds": elapsed, "words_per_second": total / elapsed,
                "peak_mb": max([_peak_mb(), *worker_peaks.values()])}
    else:
        raise ValueError(config)
    return {"config": config, "words": total, "seconds": elapsed, "words_per_second": total / elapsed,
            "peak_mb": _peak_mb()}


def run(config: str, words: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", config, "--words", str(words)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.words)))
        return
    results = {}
    for config in ("bare:16", "bare:32", "bare:64", "bare:128", "full", "full-n2", "dask"):
        results[config] = run(config, args.words)
        r = results[config]
        print(f"{config:10} {r['words']:>9,} words {r['seconds']:8.1f} s {r['words_per_second']:9,.0f} words/s "
              f"peak {r['peak_mb']:7.0f} MB", flush=True)
    best = max((k for k in results if k.startswith("bare")), key=lambda k: results[k]["words_per_second"])
    bare, full = results[best], results["full"]
    print()
    print(f"best bare spaCy batch size: {best.split(':')[1]}")
    print(f"full analysis / bare spaCy throughput:   {full['words_per_second'] / bare['words_per_second']:.2f}x "
          "(target >= 0.85)")
    print(f"peak memory of the full analysis:        {full['peak_mb']:.0f} MB (target <= 700)")
    print(f"2 processes / 1 process:                 "
          f"{results['full-n2']['words_per_second'] / full['words_per_second']:.2f}x (target >= 1.6)")
    print(f"Dask, 2 workers / 1 local process:       "
          f"{results['dask']['words_per_second'] / full['words_per_second']:.2f}x (target >= 1.5)")


if __name__ == "__main__":
    main()
