"""Throughput and peak memory at research-pipeline scale, from one run.

    python bench/scale.py [--words 200000] [--rounds 3]

Builds a corpus of at least 200,000 words from the built-in texts' sentences (shuffled, fixed seed, ~800-word
documents, dated one day apart). Each round runs every configuration once, each in a fresh process:

* bare spaCy (the model alone, nlp.pipe in a memory zone) at batch sizes 8, 16, 32 and 64 (128 needs ~1.9 GB
  and was never faster);
* the full analysis (``kalinovsky_nlp.analyze``: components, profiles, comparison, stance) at default settings;
* the full analysis with ``n_process=2``;
* the full analysis on Dask, the LocalCluster of 2 single-threaded workers that ``--backend dask`` starts
  (``kalinovsky_nlp.distributed.local_cluster``).

This machine is shared and its speed drifts (the same pure-Python loop takes 2.3 to 3.6 s from one minute to the
next), so one run of one configuration says little: the script reports each configuration's median over the
rounds, the ratios of those medians, and the range of the ratios taken within each round. The baseline is the
bare batch size with the highest median.

Words per second count the processing only: start-up (loading the model, importing the libraries, reading the
syllable dictionary: ``kalinovsky_nlp.analysis.prepare``; starting and warming the cluster) is outside the timing,
for bare spaCy as for the full analysis; ``bench/report_cold.py`` measures start-up on its own. Peak memory is the
largest resident set of the process (for n_process and Dask, of any of its worker processes too), the largest over
the rounds.
Targets (issue "Research-pipeline scale"): full >= 0.85x bare; peak <= 700 MB at defaults; 2 processes >= 1.6x
one; Dask with 2 workers >= 1.5x one local process.
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import statistics
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
    elif config.split(":")[0] in ("full", "full-n2"):
        from kalinovsky_nlp.analysis import DEFAULT_BATCH_SIZE, analyze, prepare

        batch = int(config.split(":")[1]) if ":" in config else DEFAULT_BATCH_SIZE
        nlp = prepare()  # start-up outside the timing, as spacy.load is for bare spaCy
        start = time.perf_counter()
        analyze(docs, nlp=nlp, n_process=2 if config.startswith("full-n2") else 1, batch_size=batch)
        elapsed = time.perf_counter() - start
    elif config == "dask":
        from dask.distributed import Client

        from kalinovsky_nlp.analysis import analyze
        from kalinovsky_nlp.distributed import local_cluster, warm_up

        with local_cluster(2) as cluster, Client(cluster) as client:  # the cluster `--backend dask` starts
            warm_up(client)  # start-up on every worker, outside the timing, as for the local runs
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


CONFIGS = ("bare:8", "bare:16", "bare:32", "bare:64", "full", "full-n2", "dask")


def _range(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3, help="runs of every configuration (default 3)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.words)))
        return
    rounds: list[dict[str, dict]] = []
    for number in range(1, args.rounds + 1):
        results = {}
        for config in CONFIGS:
            results[config] = r = run(config, args.words)
            print(f"round {number}  {config:9} {r['words']:>9,} words {r['seconds']:7.1f} s "
                  f"{r['words_per_second']:7,.0f} words/s  peak {r['peak_mb']:6.0f} MB", flush=True)
        rounds.append(results)

    def speed(config: str) -> float:
        return statistics.median(r[config]["words_per_second"] for r in rounds)

    def peak(config: str) -> float:
        return max(r[config]["peak_mb"] for r in rounds)

    best = max((c for c in CONFIGS if c.startswith("bare")), key=speed)
    print(f"\nmedians over {args.rounds} rounds (peak: the largest)")
    for config in CONFIGS:
        print(f"  {config:9} {speed(config):7,.0f} words/s  peak {peak(config):6.0f} MB")
    within = {
        "full": [r["full"]["words_per_second"] / r[best]["words_per_second"] for r in rounds],
        "n2": [r["full-n2"]["words_per_second"] / r["full"]["words_per_second"] for r in rounds],
        "dask": [r["dask"]["words_per_second"] / r["full"]["words_per_second"] for r in rounds],
    }
    print(f"\nbest bare spaCy batch size (highest median): {best.split(':')[1]}")
    print("ratio of medians (range of the ratios within each round)")
    print(f"full analysis / bare spaCy throughput:   {speed('full') / speed(best):.2f}x ({_range(within['full'])}) "
          "(target >= 0.85)")
    print(f"peak memory of the full analysis:        {peak('full'):.0f} MB (target <= 700)")
    print(f"2 processes / 1 process:                 {speed('full-n2') / speed('full'):.2f}x "
          f"({_range(within['n2'])}) (target >= 1.6)")
    print(f"Dask, 2 workers / 1 local process:       {speed('dask') / speed('full'):.2f}x "
          f"({_range(within['dask'])}) (target >= 1.5)")


if __name__ == "__main__":
    main()
