"""Validate tests/gold/hedge_sentences_ood.jsonl: JSON, schema, offsets, lengths, counts."""
import collections
import json
import re
import sys
from pathlib import Path

PATH = Path(__file__).with_name("hedge_sentences_ood.jsonl")
TYPES = {"epistemic_verb", "modal", "approximator", "probability", "evidential", "weasel", "downtoner", "other"}
BANNED = re.compile(r"russia|soviet|moscow|taliban|afghan|kabul", re.I)

errors, rows = [], []
for n, line in enumerate(PATH.read_text(encoding="utf-8").splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: bad JSON: {e}")
        continue
    rows.append(r)
    t = r["text"]
    if set(r) != {"id", "genre", "text", "uncertain", "cues", "hard_negative_forms", "split"}:
        errors.append(f"{r.get('id')}: keys {sorted(r)}")
    if r["genre"] not in ("encyclopaedic", "review") or r["split"] not in ("dev", "test"):
        errors.append(f"{r['id']}: bad genre/split")
    if r["uncertain"] != bool(r["cues"]):
        errors.append(f"{r['id']}: uncertain flag disagrees with cues")
    for c in r["cues"]:
        if t[c["start"]:c["end"]] != c["cue"]:
            errors.append(f"{r['id']}: offset mismatch for {c}")
        if c["type"] not in TYPES:
            errors.append(f"{r['id']}: bad cue type {c['type']}")
    for h in r["hard_negative_forms"]:
        if h not in t:
            errors.append(f"{r['id']}: hard negative form {h!r} not in text")
    nw = len(t.split())
    if not 8 <= nw <= 45:
        errors.append(f"{r['id']}: {nw} words")
    if BANNED.search(t):
        errors.append(f"{r['id']}: banned topic word")

ids = [r["id"] for r in rows]
if len(ids) != len(set(ids)):
    errors.append("duplicate ids")
texts = [r["text"] for r in rows]
if len(texts) != len(set(texts)):
    errors.append("duplicate texts")

cnt = collections.Counter((r["genre"], r["split"], r["uncertain"]) for r in rows)
print(f"total {len(rows)}")
for g in ("encyclopaedic", "review"):
    for s in ("dev", "test"):
        u, c = cnt[(g, s, True)], cnt[(g, s, False)]
        print(f"  {g:13s} {s:4s} uncertain={u:3d} certain={c:3d} total={u + c}")
unc = sum(r["uncertain"] for r in rows)
print(f"uncertain {unc} ({unc / len(rows):.1%}), certain {len(rows) - unc}")
print("cues:", sum(len(r["cues"]) for r in rows),
      dict(collections.Counter(c["type"] for r in rows for c in r["cues"])))
hn = [r for r in rows if r["hard_negative_forms"]]
print(f"sentences with hard-negative forms: {len(hn)} "
      f"(certain {sum(not r['uncertain'] for r in hn)}, uncertain {sum(r['uncertain'] for r in hn)})")
lens = [len(r["text"].split()) for r in rows]
print(f"words per sentence: min {min(lens)} max {max(lens)} mean {sum(lens) / len(lens):.1f}")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
