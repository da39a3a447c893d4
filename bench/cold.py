"""Cold `kalinovsky-nlp report` on the built-in corpus against a bare `spacy.load(model)` over both texts.

    python bench/cold.py [--repeat 5]

Both run as fresh processes (imports, model load and all), alternating, and the medians are compared:
the ratio says what the whole analysis and report cost on top of loading and running spaCy (target: <= 1.5x).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

BARE = """
import spacy
from kalinovsky_nlp.corpus import load_corpus
texts = [d.text for d in load_corpus()]
nlp = spacy.load({model!r})
for text in texts:
    nlp(text)
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from kalinovsky_nlp.pipeline import resolve_model

    model = resolve_model()
    bare_cmd = [sys.executable, "-c", BARE.format(model=model)]
    report_cmd = [sys.executable, "-m", "kalinovsky_nlp", "report", "--quiet"]
    timed(bare_cmd)  # warm the file cache
    bare, full = [], []
    for _ in range(args.repeat):
        bare.append(timed(bare_cmd))
        full.append(timed(report_cmd))
    b, f = statistics.median(bare), statistics.median(full)
    # fixed costs of the report that bare spaCy does not have, each in a fresh process
    textstat_first = statistics.median(timed([sys.executable, "-c", (
        "from kalinovsky_nlp.textstats import readability_scores; readability_scores('A first sentence.')")])
        for _ in range(3))
    lexicons = statistics.median(timed([sys.executable, "-c", (
        "from kalinovsky_nlp.components.claims import derivational_base, concept_key; concept_key('supplier')")])
        for _ in range(3))
    python_alone = statistics.median(timed([sys.executable, "-c", "pass"]) for _ in range(3))
    print(f"model {model}; median of {args.repeat} cold runs each")
    print(f"bare spacy.load + both texts:   {b:6.2f} s")
    print(f"kalinovsky-nlp report:          {f:6.2f} s")
    print(f"ratio report / bare:            {f / b:6.2f}  (target <= 1.5)")
    print(f"fixed costs in fresh processes (minus Python's own start, {python_alone:.2f} s): textstat's first score "
          f"with the syllable table {textstat_first - python_alone:.2f} s; the claims' word lists with spaCy's import "
          f"{lexicons - python_alone:.2f} s")


if __name__ == "__main__":
    main()
