"""Where the analysis spends its time on top of bare spaCy, in one process.

    python bench/components.py [--words 60000] [--repeats 3]

On a corpus built from the built-in texts' sentences (``bench/_corpus.py``: shuffled, ~800-word documents), times in
turn, ``--repeats`` times (median reported, start-up outside the timing):

* the model's own pipeline (our components disabled): what bare spaCy costs;
* the same with the project's three components (canonical entities, attribution, metadiscourse);
* per-document profiling of the parsed Docs (``profile_document``: statistics, readability, markers, entities,
  claims, within-document claim links);
* the finish: comparison across dates, judgement findings of every step, report (``report_from_profiles``).

Each part is printed as a share of the model's own parsing time, in wall-clock and in CPU time of this process (CPU
time leaves out the time the process waits for a core on a shared machine). The full analysis's throughput is
bare / (bare + components + profiling + finish); the target is at least 0.8x (``bench/scale.py`` measures it over
a larger corpus and with several processes).
"""

from __future__ import annotations

import datetime
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    from _corpus import documents, words_and_repeats

    args = words_and_repeats(__doc__)

    from kalinovsky_nlp.analysis import DEFAULT_BATCH_SIZE, prepare, report_from_profiles
    from kalinovsky_nlp.corpus import Document
    from kalinovsky_nlp.pipeline import PROJECT_COMPONENTS
    from kalinovsky_nlp.profile import profile_document

    texts = documents(args.words)
    corpus = [Document(id=f"d{i:05d}", date=datetime.date(2000, 1, 1) + datetime.timedelta(days=i), text=text)
              for i, text in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    nlp = prepare()
    batch = DEFAULT_BATCH_SIZE

    def parse_bare() -> list:
        with nlp.select_pipes(disable=list(PROJECT_COMPONENTS)):
            return list(nlp.pipe(texts, batch_size=batch))

    parse_bare()  # warm-up
    results: dict[str, list[tuple[float, float]]] = {"bare": [], "components": [], "profiles": [], "finish": []}
    for _ in range(args.repeats):
        results["bare"].append(timed(parse_bare))
        docs = parse_bare()
        components = [nlp.get_pipe(name) for name in PROJECT_COMPONENTS]

        def run_components() -> None:
            for doc in docs:
                for component in components:
                    component(doc)

        results["components"].append(timed(run_components))
        profiles: list = []
        results["profiles"].append(timed(lambda: profiles.extend(profile_document(d, doc) for d, doc in zip(corpus, docs))))
        results["finish"].append(timed(lambda: report_from_profiles(profiles)))
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in results.items()}
    bare_wall, bare_cpu = medians["bare"]
    print(f"corpus: {len(texts)} documents, {words:,} words; batch {batch}; median of {args.repeats} runs")
    print(f"{'part':28} {'wall s':>8} {'share':>7} {'CPU s':>8} {'share':>7}")
    for name, label in (("bare", "spaCy model alone"), ("components", "+ project components"),
                        ("profiles", "+ profiling (claims ...)"), ("finish", "+ finish (findings, report)")):
        wall, cpu = medians[name]
        print(f"{label:28} {wall:8.2f} {wall / bare_wall:7.1%} {cpu:8.2f} {cpu / bare_cpu:7.1%}")
    total_wall = sum(w for w, _ in medians.values())
    total_cpu = sum(c for _, c in medians.values())
    print(f"full analysis / bare spaCy throughput: {bare_wall / total_wall:.3f}x wall, {bare_cpu / total_cpu:.3f}x CPU "
          f"(target >= 0.8x)")


if __name__ == "__main__":
    main()
