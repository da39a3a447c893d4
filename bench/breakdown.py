"""Where the full analysis spends its time on top of spaCy, in one process, from one run.

    python bench/breakdown.py [--words 60000] [--repeats 3]

On a corpus built like bench/scale.py's, times in turn (``--repeats`` times, median reported; start-up outside the
timing): the model's own pipeline (our components disabled), the same with our three components, per-document
profiling of the parsed Docs (``profile_document``: statistics, readability, markers, entities, claims), and the
comparison, stance analysis and report (``report_from_profiles``). Each part is printed as a share of the model's
own parsing time, which is what bare spaCy costs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    from _corpus import words_and_repeats

    args = words_and_repeats(__doc__)

    from scale import _documents

    from kalinovsky_nlp.analysis import DEFAULT_BATCH_SIZE, prepare, report_from_profiles
    from kalinovsky_nlp.pipeline import PROJECT_COMPONENTS
    from kalinovsky_nlp.profile import profile_document
    from kalinovsky_nlp.textstats import readability_scores

    docs = _documents(args.words)
    nlp = prepare()
    times: dict[str, list[float]] = {k: [] for k in ("model", "components", "profiles", "readability", "report")}
    for repeat in range(args.repeats):
        start = time.perf_counter()
        with nlp.select_pipes(disable=list(PROJECT_COMPONENTS)):
            for _ in nlp.pipe((d.text for d in docs), batch_size=DEFAULT_BATCH_SIZE):
                pass
        times["model"].append(time.perf_counter() - start)

        start = time.perf_counter()
        parsed = list(nlp.pipe((d.text for d in docs), batch_size=DEFAULT_BATCH_SIZE))
        times["components"].append(time.perf_counter() - start - times["model"][-1])

        start = time.perf_counter()
        profiles = [profile_document(d, doc) for d, doc in zip(docs, parsed)]
        times["profiles"].append(time.perf_counter() - start)

        start = time.perf_counter()  # the part of profiling that is textstat's (texts made new: it caches by text)
        for d in docs:
            readability_scores(d.text + " " * (repeat + 1))
        times["readability"].append(time.perf_counter() - start)

        start = time.perf_counter()
        report_from_profiles(profiles)
        times["report"].append(time.perf_counter() - start)
        del parsed

    model = statistics.median(times["model"])
    words = sum(len(d.text.split()) for d in docs)
    print(f"{words:,} words in {len(docs)} documents, batch {DEFAULT_BATCH_SIZE}, median of {args.repeats}")
    print(f"  the model's own pipeline             {model:6.1f} s  (100%)")
    labels = {"components": "our three components", "profiles": "per-document profiles",
              "readability": "  of which readability (textstat)", "report": "comparison, stance and report"}
    for key, label in labels.items():
        value = statistics.median(times[key])
        print(f"  {label:36} {value:6.1f} s  ({100 * value / model:4.1f}%)")
    extra = sum(statistics.median(times[k]) for k in ("components", "profiles", "report"))
    print(f"  all of ours                          {extra:6.1f} s  ({100 * extra / model:4.1f}%): "
          f"model / (model + ours) = {model / (model + extra):.2f}")


if __name__ == "__main__":
    main()
