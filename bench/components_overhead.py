"""How much the project's components add to the bare spaCy pipeline (issue: at most 10%).

    python bench/components_overhead.py [--words 200000] [--batch-size 32] [--repeat 3]

Times nlp.pipe over the same >= 200,000-word corpus with the bare model and with the model plus
kalinovsky_entities, kalinovsky_attribution and kalinovsky_metadiscourse, alternating runs, and prints the
median times and their ratio. Ratios, not absolute times, are the result: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402

from _corpus import documents  # noqa: E402
from kalinovsky_nlp.pipeline import PROJECT_COMPONENTS, resolve_model  # noqa: E402


def run(nlp, texts, batch_size: int) -> float:
    start = time.perf_counter()
    with nlp.memory_zone():
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = documents(args.words)
    words = sum(len(t.split()) for t in texts)
    model = resolve_model()
    import kalinovsky_nlp.components  # noqa: F401

    bare = spacy.load(model)
    full = spacy.load(model)
    for name in PROJECT_COMPONENTS:
        full.add_pipe(name)
    run(bare, texts[:20], args.batch_size)  # warm up both
    run(full, texts[:20], args.batch_size)
    bare_times, full_times = [], []
    for _ in range(args.repeat):
        bare_times.append(run(bare, texts, args.batch_size))
        full_times.append(run(full, texts, args.batch_size))
    b, f = statistics.median(bare_times), statistics.median(full_times)
    # a steadier second measure: each component alone over the same parsed documents
    with full.select_pipes(disable=list(PROJECT_COMPONENTS)):
        docs = list(full.pipe(texts, batch_size=args.batch_size))
    shares = {}
    for name in PROJECT_COMPONENTS:
        component = full.get_pipe(name)
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        shares[name] = (time.perf_counter() - start) / b
    print(f"corpus: {len(texts)} documents, {words:,} words; model {model}; batch size {args.batch_size}; "
          f"median of {args.repeat}")
    print(f"bare spaCy pipeline:        {b:7.2f} s  ({words / b:,.0f} words/s)")
    print(f"with project components:    {f:7.2f} s  ({words / f:,.0f} words/s)")
    print(f"ratio full / bare:          {f / b:7.3f}  (components add {100 * (f / b - 1):.1f}%; target <= 10%)")
    print("each component alone on the parsed documents, as a share of the bare pipeline's time: "
          + ", ".join(f"{name} {100 * share:.1f}%" for name, share in shares.items())
          + f"; together {100 * sum(shares.values()):.1f}%")


if __name__ == "__main__":
    main()
