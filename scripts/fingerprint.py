"""Fingerprints of what the analysis outputs, to show that a change meant to be faster changed no result.

    python scripts/fingerprint.py [--words 30000]

Prints SHA-256 digests of the JSON report of the built-in corpus, of the per-document profiles of a corpus built
like bench/scale.py's (``--words``), and of that corpus's JSON report. Run it before and after a change (for
instance ``git stash``; run; ``git stash pop``; run): equal digests mean byte-identical outputs.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=30_000)
    args = parser.parse_args()

    from scale import _documents

    from kalinovsky_nlp.analysis import analyze, iter_profiles, prepare, report_from_profiles
    from kalinovsky_nlp.renderers import render_json

    nlp = prepare()
    profiles = list(iter_profiles(_documents(args.words), nlp=nlp))
    as_json = json.dumps([dataclasses.asdict(p) for p in profiles], default=str, sort_keys=True)
    print(f"built-in corpus report    {_digest(render_json(analyze(nlp=nlp).to_dict()))}")
    print(f"bench corpus profiles     {_digest(as_json)}  ({len(profiles)} documents, {args.words:,}+ words)")
    print(f"bench corpus report       {_digest(render_json(report_from_profiles(profiles).to_dict()))}")


if __name__ == "__main__":
    main()
