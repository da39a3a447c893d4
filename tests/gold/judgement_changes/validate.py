#!/usr/bin/env python3
"""Check the judgement-change gold files (standard library only).

Usage: python tests/gold/judgement_changes/validate.py

Checks builtin.json and fomc.json against the format in
docs/annotation/judgement-changes.md, and checks that every evidence sentence is an
exact substring of its document's body once runs of whitespace are collapsed to
single spaces. Exits with status 1 and lists the problems if any check fails.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[3]
DOCS_DIR = ROOT / "corpus" / "documents"
FOMC_PATH = ROOT.parent / "shared" / "data" / "corpora" / "fomc_statements_2013_2015.jsonl"
GUIDELINES = "docs/annotation/judgement-changes.md"

KINDS = {
    "certainty_up", "certainty_down", "polarity_reversed",
    "reported_to_asserted", "asserted_to_reported",
    "evaluation_more_favourable", "evaluation_less_favourable",
    "new_judgement", "dropped_judgement", "position_revised",
}
CERTAINTY = {"CT+", "PR+", "PS+", "Uu", "PS-", "PR-", "CT-"}
STRENGTH = {"CT": 3, "PR": 2, "PS": 1, "Uu": 0}
HOLDERS = {"author", "reported", "both"}
SIDE_FIELDS = {"doc", "date", "certainty", "holder", "position", "evidence", "key"}
CHANGE_FIELDS = {"id", "scope", "importance", "proposition", "kinds", "from", "to", "rationale"}
TOP_FIELDS = {"corpus", "guidelines", "annotator_note", "changes"}
ID_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def md_body(path):
    """Everything after the closing '---' of the YAML front matter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("%s: no front matter" % path)
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[i + 1:])
    raise ValueError("%s: front matter not closed" % path)


def load_builtin():
    docs = {}
    for path in sorted(DOCS_DIR.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^date:\s*'?(\d{4}-\d{2}-\d{2})'?\s*$", text, re.M)
        docs[path.stem] = {"date": m.group(1) if m else None, "body": collapse(md_body(path))}
    return docs, ["kalinovsky-2017-05-08", "kalinovsky-2020-07-22"]


def load_fomc():
    docs, order = {}, []
    with FOMC_PATH.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                docs[rec["id"]] = {"date": rec["date"], "body": collapse(rec["text"])}
                order.append(rec["id"])
    order.sort(key=lambda i: docs[i]["date"])
    return docs, order


def strength(tag):
    return STRENGTH[tag[:2] if tag != "Uu" else "Uu"]


def sign(tag):
    return 0 if tag == "Uu" else (1 if tag.endswith("+") else -1)


def check_side(where, side, docs, errors):
    if not isinstance(side, dict):
        errors.append("%s: not an object" % where)
        return
    missing, extra = SIDE_FIELDS - side.keys(), side.keys() - SIDE_FIELDS
    if missing or extra:
        errors.append("%s: missing %s, unexpected %s" % (where, sorted(missing), sorted(extra)))
        return
    doc = side["doc"]
    if doc not in docs:
        errors.append("%s: unknown doc %r" % (where, doc))
        return
    if side["date"] != docs[doc]["date"]:
        errors.append("%s: date %r is not the date of %s (%s)" % (where, side["date"], doc, docs[doc]["date"]))
    if side["certainty"] is not None and side["certainty"] not in CERTAINTY:
        errors.append("%s: bad certainty %r" % (where, side["certainty"]))
    if side["holder"] is not None and side["holder"] not in HOLDERS:
        errors.append("%s: bad holder %r" % (where, side["holder"]))
    if side["position"] is not None and not (isinstance(side["position"], str) and side["position"].strip()):
        errors.append("%s: position must be a non-empty string or null" % where)
    for field in ("evidence", "key"):
        if not isinstance(side[field], list) or not all(isinstance(s, str) and s.strip() for s in side[field]):
            errors.append("%s.%s: must be a list of non-empty strings" % (where, field))
            return
    if len(set(side["evidence"])) != len(side["evidence"]):
        errors.append("%s.evidence: duplicate sentences" % where)
    if len(side["key"]) > 2:
        errors.append("%s.key: at most two sentences" % where)
    for k in side["key"]:
        if k not in side["evidence"]:
            errors.append("%s.key: not among the evidence: %r" % (where, k[:80]))
    body = docs[doc]["body"]
    for s in side["evidence"]:
        if collapse(s) not in body:
            errors.append("%s.evidence: not in the body of %s: %r" % (where, doc, s[:100]))


def is_empty(side):
    return side["evidence"] == [] and side["key"] == [] and side["certainty"] is None and side["holder"] is None


def is_full(side):
    return bool(side["evidence"]) and bool(side["key"]) and side["certainty"] is not None and side["holder"] is not None


def check_change(i, ch, corpus, docs, order, errors):
    where = "change[%d] %s" % (i, ch.get("id", "?"))
    missing, extra = CHANGE_FIELDS - ch.keys(), ch.keys() - CHANGE_FIELDS
    if missing or extra:
        errors.append("%s: missing %s, unexpected %s" % (where, sorted(missing), sorted(extra)))
        return
    if not (isinstance(ch["id"], str) and ID_RE.match(ch["id"])):
        errors.append("%s: id must be short snake_case" % where)
    if ch["scope"] not in ("step", "overall"):
        errors.append("%s: bad scope %r" % (where, ch["scope"]))
    if ch["importance"] not in ("main", "minor"):
        errors.append("%s: bad importance %r" % (where, ch["importance"]))
    for field in ("proposition", "rationale"):
        if not (isinstance(ch[field], str) and ch[field].strip()):
            errors.append("%s: %s must be a non-empty string" % (where, field))
    kinds = ch["kinds"]
    if not (isinstance(kinds, list) and kinds and all(k in KINDS for k in kinds) and len(set(kinds)) == len(kinds)):
        errors.append("%s: kinds must be a non-empty list of distinct kinds from %s" % (where, sorted(KINDS)))
        return
    before = len(errors)
    check_side(where + ".from", ch["from"], docs, errors)
    check_side(where + ".to", ch["to"], docs, errors)
    if len(errors) > before:
        return
    frm, to = ch["from"], ch["to"]

    # which documents are compared
    a, b = frm["doc"], to["doc"]
    if corpus == "builtin":
        if ch["scope"] != "overall" or (a, b) != (order[0], order[-1]):
            errors.append("%s: builtin changes are overall, from %s to %s" % (where, order[0], order[-1]))
    elif ch["scope"] == "overall":
        if (a, b) != (order[0], order[-1]):
            errors.append("%s: overall changes go from %s to %s" % (where, order[0], order[-1]))
    elif order.index(b) != order.index(a) + 1:
        errors.append("%s: step changes compare consecutive statements (%s -> %s)" % (where, a, b))

    # new / dropped judgements have one empty side
    if "new_judgement" in kinds and "dropped_judgement" in kinds:
        errors.append("%s: new_judgement and dropped_judgement together" % where)
    if "new_judgement" in kinds:
        if not is_empty(frm):
            errors.append("%s: new_judgement needs an empty 'from' (no evidence, key, certainty, holder)" % where)
        if not is_full(to):
            errors.append("%s: new_judgement needs evidence, key, certainty and holder on 'to'" % where)
    elif "dropped_judgement" in kinds:
        if not is_empty(to):
            errors.append("%s: dropped_judgement needs an empty 'to'" % where)
        if not is_full(frm):
            errors.append("%s: dropped_judgement needs evidence, key, certainty and holder on 'from'" % where)
    else:
        for name, side in (("from", frm), ("to", to)):
            if not is_full(side):
                errors.append("%s: %s needs evidence, key, certainty and holder" % (where, name))
        if is_full(frm) and is_full(to):
            c1, c2 = frm["certainty"], to["certainty"]
            if "certainty_up" in kinds and not (strength(c2) > strength(c1) and sign(c1) * sign(c2) >= 0):
                errors.append("%s: certainty_up but %s -> %s" % (where, c1, c2))
            if "certainty_down" in kinds and not (strength(c2) < strength(c1) and sign(c1) * sign(c2) >= 0):
                errors.append("%s: certainty_down but %s -> %s" % (where, c1, c2))
            if "polarity_reversed" in kinds and not sign(c1) * sign(c2) < 0:
                errors.append("%s: polarity_reversed but %s -> %s" % (where, c1, c2))
            if "reported_to_asserted" in kinds and not (frm["holder"] in ("reported", "both") and to["holder"] == "author"):
                errors.append("%s: reported_to_asserted but holder %s -> %s" % (where, frm["holder"], to["holder"]))
            if "asserted_to_reported" in kinds and not (frm["holder"] == "author" and to["holder"] in ("reported", "both")):
                errors.append("%s: asserted_to_reported but holder %s -> %s" % (where, frm["holder"], to["holder"]))


def check_file(path, corpus, loader):
    errors = []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return ["%s: cannot read: %s" % (path.name, exc)], 0
    docs, order = loader()
    if set(data) != TOP_FIELDS:
        errors.append("top level: expected fields %s, got %s" % (sorted(TOP_FIELDS), sorted(data)))
    if data.get("corpus") != corpus:
        errors.append("corpus must be %r" % corpus)
    if data.get("guidelines") != GUIDELINES:
        errors.append("guidelines must be %r" % GUIDELINES)
    if not (ROOT / GUIDELINES).is_file():
        errors.append("guidelines file %s is missing" % GUIDELINES)
    if not (isinstance(data.get("annotator_note"), str) and data["annotator_note"].strip()):
        errors.append("annotator_note must be a non-empty string")
    changes = data.get("changes")
    if not isinstance(changes, list) or not changes:
        errors.append("changes must be a non-empty list")
        return errors, 0
    seen = set()
    for i, ch in enumerate(changes):
        if not isinstance(ch, dict):
            errors.append("change[%d]: not an object" % i)
            continue
        if ch.get("id") in seen:
            errors.append("change[%d]: duplicate id %r" % (i, ch.get("id")))
        seen.add(ch.get("id"))
        check_change(i, ch, corpus, docs, order, errors)
    return [path.name + ": " + e for e in errors], len(changes)


def main():
    all_errors = []
    for name, corpus, loader in (("builtin.json", "builtin", load_builtin),
                                 ("fomc.json", "fomc_statements_2013_2015", load_fomc)):
        path = HERE / name
        if corpus.startswith("fomc") and not FOMC_PATH.is_file():
            all_errors.append("%s: FOMC corpus not found at %s" % (name, FOMC_PATH))
            continue
        errors, n = check_file(path, corpus, loader)
        all_errors += errors
        print("%s: %d changes, %d problems" % (name, n, len(errors)))
    for e in all_errors:
        print("  " + e)
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
