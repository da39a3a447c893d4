"""Where the analysis spends its time on top of bare spaCy, in one process.

    python bench/components.py [--words 60000] [--repeats 3]

On a corpus built from the built-in texts' sentences (``bench/_corpus.py``: shuffled, ~800-word documents), times in
turn, ``--repeats`` times (median reported, start-up outside the timing):

* the stock model (``spacy.load``): what bare spaCy costs;
* the model's own pipeline as the analysis loads it (our components disabled): the same model with its attribute
  ruler matched by lookup (``components/indexedruler.py``: the same annotations, found faster);
* the same with the project's three components (canonical entities, attribution, metadiscourse);
* per-document profiling of the parsed Docs (``profile_document``: statistics, readability, markers, entities,
  claims, within-document claim links);
* the finish: comparison across dates, judgement findings of every step, report (``report_from_profiles``).

Each part is printed as a share of the stock model's parsing time, in wall-clock and in CPU time of this process
(CPU time leaves out the time the process waits for a core on a shared machine). The full analysis's throughput is
stock / (parse as loaded + components + profiling + finish); the target is at least 0.8x (``bench/scale.py``
measures it over a larger corpus, interleaved, and with several processes). The same against the parse as loaded
is the cost of the analysis's own work.
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

    import spacy

    from kalinovsky_nlp.analysis import DEFAULT_BATCH_SIZE, prepare, report_from_profiles
    from kalinovsky_nlp.corpus import Document
    from kalinovsky_nlp.pipeline import PROJECT_COMPONENTS, resolve_model
    from kalinovsky_nlp.profile import profile_document

    texts = documents(args.words)
    corpus = [Document(id=f"d{i:05d}", date=datetime.date(2000, 1, 1) + datetime.timedelta(days=i), text=text)
              for i, text in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    nlp = prepare()
    stock = spacy.load(resolve_model())
    batch = DEFAULT_BATCH_SIZE

    def parse_stock() -> list:  # as parse_bare below, so that the two differ only in the model's attribute ruler
        return list(stock.pipe(texts, batch_size=batch))

    def parse_bare() -> list:
        with nlp.select_pipes(disable=list(PROJECT_COMPONENTS)):
            return list(nlp.pipe(texts, batch_size=batch))

    parse_bare()  # warm-up
    parse_stock()
    results: dict[str, list[tuple[float, float]]] = {"stock": [], "bare": [], "components": [], "profiles": [],
                                                     "finish": []}
    for _ in range(args.repeats):
        results["stock"].append(timed(parse_stock))
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
    stock_wall, stock_cpu = medians.pop("stock")
    print(f"corpus: {len(texts)} documents, {words:,} words; batch {batch}; median of {args.repeats} runs")
    print(f"{'part':28} {'wall s':>8} {'share':>7} {'CPU s':>8} {'share':>7}")
    print(f"{'spaCy model, stock':28} {stock_wall:8.2f} {1:7.1%} {stock_cpu:8.2f} {1:7.1%}")
    for name, label in (("bare", "spaCy model as loaded"), ("components", "+ project components"),
                        ("profiles", "+ profiling (claims ...)"), ("finish", "+ finish (findings, report)")):
        wall, cpu = medians[name]
        print(f"{label:28} {wall:8.2f} {wall / stock_wall:7.1%} {cpu:8.2f} {cpu / stock_cpu:7.1%}")
    total_wall = sum(w for w, _ in medians.values())
    total_cpu = sum(c for _, c in medians.values())
    bare_wall, bare_cpu = medians["bare"]
    print(f"full analysis / bare spaCy (stock) throughput: {stock_wall / total_wall:.3f}x wall, "
          f"{stock_cpu / total_cpu:.3f}x CPU (target >= 0.8x)")
    print(f"full analysis / the model as loaded: {bare_wall / total_wall:.3f}x wall, {bare_cpu / total_cpu:.3f}x CPU "
          f"(the analysis's own work)")


if __name__ == "__main__":
    main()
