"""Where the full analysis's memory goes, besides spaCy's own working memory, in one process (Linux: reads
/proc/self/statm).

    python bench/memory.py [--words 200000]

Prints the resident set size after each fixed cost is paid, in the order a run pays them: spaCy imported, the model
with our components loaded and the lexicons read (one short text analysed), textstat's syllable dictionary (the CMU
dictionary, read on the first readability score), SciPy's clustering (imported for the stance steps), and the
profiles of a corpus built like bench/scale.py's, held in memory as ``analyze`` holds them until the report is
built. The profiles are measured by loading a pickled copy into a process where the parser has not run, so that the
parser's freed working memory is not counted. Peak memory of whole runs by batch size comes from
``python bench/scale.py --whole-run --batch-size N``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def resident_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    steps: list[tuple[str, float]] = [("Python", resident_mb())]

    import spacy  # noqa: F401

    steps.append(("spaCy imported", resident_mb()))
    from kalinovsky_nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    text = "Officials said that Moscow would probably talk to the Taliban. I think it was a terrible mistake."
    nlp(text)
    steps.append(("model, our components and lexicons", resident_mb()))
    from kalinovsky_nlp.textstats import readability_scores

    readability_scores(text)
    steps.append(("textstat's syllable dictionary", resident_mb()))
    import scipy.cluster.hierarchy  # noqa: F401

    steps.append(("SciPy's clustering", resident_mb()))

    from scale import _documents, _words

    from kalinovsky_nlp.analysis import iter_profiles

    docs = _documents(args.words)
    words = _words(docs)
    pickled = pickle.dumps(list(iter_profiles(docs, nlp=nlp)), protocol=pickle.HIGHEST_PROTOCOL)
    # the profiles' own size, measured where no parser has run: a fresh process loads the pickled copy
    code = ("import gc, pickle, sys; sys.path.insert(0, %r); from memory import resident_mb; "
            "import kalinovsky_nlp.profile; data = sys.stdin.buffer.read(); gc.collect(); before = resident_mb(); "
            "profiles = pickle.loads(data); gc.collect(); print(resident_mb() - before)") % str(Path(__file__).parent)
    held = float(subprocess.run([sys.executable, "-c", code], input=pickled, capture_output=True, check=True).stdout)

    print(f"resident set size, one process ({words:,} words in {len(docs)} documents for the profiles)")
    previous = 0.0
    for label, value in steps:
        extra = f"  (+{value - previous:5.1f})" if previous else ""
        print(f"  {label:40} {value:7.1f} MB{extra}")
        previous = value
    print(f"  {'profiles held for the report':40} {held:7.1f} MB  ({held * 2**20 / words:.0f} bytes per word; "
          f"pickled {len(pickled) / 2**20:.1f} MB)")


if __name__ == "__main__":
    main()
