"""Check that the attribute ruler the analysis loads annotates exactly as spaCy's own, on real text.

    python scripts/check_indexed_ruler.py [--words 60000] [--shared ../shared]

Parses the same texts with the stock model (``spacy.load``) and with the model as the analysis loads it
(``components/indexedruler.py``: the attribute ruler matched by lookup), and compares every token's tag, part of
speech, morphology, lemma and dependency label. The texts: a corpus built like bench/scale.py's (``--words``), the
built-in texts, and, where ``--shared`` has them, the FOMC statements and the Szeged and SFU sentences (in blocks of
40). Prints the words and tokens compared and the tokens that differ; exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

SHARED_FILES = {
    "FOMC statements": ("data/corpora/fomc_statements_2013_2015.jsonl", 1),
    "Szeged Wikipedia sentences": ("data/uncertainty/szeged_wiki.dev.jsonl", 40),
    "SFU review sentences": ("data/uncertainty/sfu_review.dev.jsonl", 40),
}


def _texts(path: Path, block: int) -> list[str]:
    with path.open(encoding="utf-8") as lines:  # not splitlines(): a text may hold U+2028
        records = [json.loads(line) for line in lines if line.strip()]
    return [" ".join(r["text"] for r in records[i : i + block]) for i in range(0, len(records), block)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    import spacy
    from _corpus import documents
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from kalinovsky_nlp.components.indexedruler import IndexedAttributeRuler
    from kalinovsky_nlp.corpus import load_corpus
    from kalinovsky_nlp.pipeline import load_pipeline, resolve_model

    sources = {"bench corpus": documents(args.words), "built-in texts": [d.text for d in load_corpus()]}
    for name, (relative, block) in SHARED_FILES.items():
        if (args.shared / relative).is_file():
            sources[name] = _texts(args.shared / relative, block)
        else:
            print(f"{name}: not found under {args.shared} (pass --shared), left out")
    stock = spacy.load(resolve_model())
    loaded = load_pipeline(components=())
    if not isinstance(loaded.get_pipe("attribute_ruler"), IndexedAttributeRuler):
        print("the pipeline as loaded has no IndexedAttributeRuler: nothing to compare")
        return 1
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    differing = 0
    for name, texts in sources.items():
        tokens = wrong = 0
        for a, b in zip(stock.pipe(texts, batch_size=16), loaded.pipe(texts, batch_size=16)):
            rows_a, rows_b = a.to_array(columns).tolist(), b.to_array(columns).tolist()
            tokens += len(rows_a)
            wrong += sum(x != y for x, y in zip(rows_a, rows_b)) + abs(len(rows_a) - len(rows_b))
        words = sum(len(t.split()) for t in texts)
        print(f"{name:28} {len(texts):5} texts {words:9,} words {tokens:9,} tokens  differing: {wrong}")
        differing += wrong
    print("same annotations" if not differing else f"{differing} tokens annotated differently")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
