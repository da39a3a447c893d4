"""What an annotated uncertainty corpus counts: how often each modal, *if* and *or* is marked as a cue, and how many
uncertain sentences rest only on cues the library does not read as epistemic (root modals, hypothetical *would*,
alternative *or*).

    python scripts/uncertainty_conventions.py ../shared/data/uncertainty/szeged_wiki.dev.jsonl \\
        ../shared/data/uncertainty/sfu_review.dev.jsonl

Reads the JSONL format of ``kalinovsky_nlp.evaluation.uncertainty`` (text, uncertain, cues with offsets); no spaCy.
The figures are quoted in docs/evaluation/uncertainty.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kalinovsky_nlp.evaluation.uncertainty import load_items

WORDS = ("can", "could", "may", "might", "must", "should", "would", "if", "whether", "unless", "or")
#: Cue words (after splitting contractions) of root modals, hypothetical or habitual *would* and alternatives: the
#: library reads none of them as epistemic (dynamic *can*, deontic *must/should*, *would* off epistemic verbs, *or*).
NOT_EPISTEMIC_WORDS = frozenset({"or", "either", "and", "/", "can", "ca", "cannot", "must", "should", "would", "'d",
                                 "n't", "not", "never"})


def marked_share(path: Path) -> str:
    """``word marked/total`` for each word of WORDS: occurrences inside an annotated cue over all occurrences."""
    items = load_items(path)
    cells = []
    for word in WORDS:
        total = marked = 0
        for item in items:
            for match in re.finditer(rf"\b{word}\b", item.text, re.IGNORECASE):
                total += 1
                marked += any(c.start <= match.start() < c.end for c in item.cues)
        cells.append(f"{word} {marked}/{total}")
    return ", ".join(cells)


def resting_on_non_epistemic_cues(path: Path) -> tuple[int, int]:
    """(uncertain sentences whose every cue consists of NOT_EPISTEMIC_WORDS, uncertain sentences)."""
    uncertain = [i for i in load_items(path) if i.uncertain]
    only = [i for i in uncertain
            if i.cues and all(set(re.sub(r"['\u2019\x92]", " '", c.text.lower()).split()) <= NOT_EPISTEMIC_WORDS
                              for c in i.cues)]
    return len(only), len(uncertain)


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    for name in paths:
        path = Path(name)
        only, uncertain = resting_on_non_epistemic_cues(path)
        print(f"{path.name}: marked/occurrences: {marked_share(path)}")
        print(f"{path.name}: {only} of {uncertain} uncertain sentences ({only / uncertain:.0%}) have no cue but "
              f"or / either / and-or, can, must, should, would (with n't, 'd, not, never)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
