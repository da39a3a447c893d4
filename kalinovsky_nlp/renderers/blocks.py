"""A tiny document model (headings, paragraphs, bullet lists, tables) that the text and Markdown renderers share.

:func:`report_blocks` reads a report *dictionary* (``Report.to_dict()`` or a saved JSON report), so a report can be
re-rendered without re-running the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Union

from .highlight import find_phrase

__all__ = ["Heading", "Paragraph", "Bullets", "Table", "Block", "format_value", "report_blocks"]

#: Documents shown one per column in per-document tables; beyond this, first and last only.
MAX_DOCUMENT_COLUMNS = 6
#: Steps listed in "Step by step" (first and last halves beyond this), and findings per step.
MAX_STEPS_SHOWN = 20
STEP_FINDINGS = 3
#: Rows of per-document tables (first and last halves beyond this).
MAX_DOCUMENT_ROWS = 40


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]

    def numeric(self, column: int) -> bool:
        """Whether a column holds numbers (right-aligned by the renderers)."""
        cells = [row[column] for row in self.rows if column < len(row) and row[column] not in ("", "-")]
        return bool(cells) and all(c[:1].isdigit() or c[:1] in "+-." for c in cells)


Block = Union[Heading, Paragraph, Bullets, Table]

CATEGORY_LABELS = [
    ("hedge", "Hedges"),
    ("booster", "Boosters"),
    ("attitude", "Attitude markers"),
    ("self_mention", "Self-mentions"),
    ("engagement", "Engagement markers"),
]
READABILITY_LABELS = [
    ("flesch_reading_ease", "Flesch reading ease"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning fog"),
    ("coleman_liau_index", "Coleman-Liau"),
    ("automated_readability_index", "ARI"),
]


def format_value(value: Any, digits: int = 1, missing: str = "-") -> str:
    """A table cell: thousands separated, floats to ``digits`` places, booleans as yes/no, ``missing`` for None."""
    if value is None:
        return missing
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def _fmt(value: Any, digits: int = 1) -> str:
    return format_value(value, digits)


def _signed(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    return f"{value:+.{digits}f}"


def _columns(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(documents) <= MAX_DOCUMENT_COLUMNS:
        return documents
    return [documents[0], documents[-1]]


def _overall(report: dict[str, Any]) -> dict[str, Any] | None:
    comparison = report.get("comparison") or {}
    if comparison.get("first_to_last"):
        overall: dict[str, Any] = comparison["first_to_last"]
        return overall
    steps: list[dict[str, Any]] = comparison.get("steps") or []
    return steps[0] if len(steps) == 1 else None


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026") + "\u201d"


def _cues_in(sentence: str, cues: list[str]) -> list[str]:
    """The side's cues that this evidence sentence contains (:func:`find_phrase`: whole words, in any case): each
    sentence is annotated with its own cues, not with every cue of the side."""
    straight = sentence.replace("\u2019", "'")
    return [cue for cue in cues if find_phrase(straight, cue)]


def _finding_blocks(number: int | None, finding: dict[str, Any]) -> Iterator[Block]:
    head = f"{number}. " if number is not None else ""
    yield Paragraph(f"{head}{finding['statement']}")
    yield Paragraph(f"Confidence {finding['confidence']}: {finding['confidence_reason']}.")
    evidence = []
    for side in ("from", "to"):
        part = finding.get(side) or {}
        position = part.get("position") or {}
        for sentence in part.get("evidence") or []:
            notes = []
            if position.get("certainty"):
                notes.append(f"author {position['certainty']}, {position.get('voice')}")
            cues = _cues_in(sentence, part.get("cues") or [])
            if cues:
                notes.append("cues: " + ", ".join(cues[:8]))
            evidence.append(f"{part.get('date')}: {_quote(sentence)}" + (f" [{'; '.join(notes)}]" if notes else ""))
            notes = []
    if evidence:
        yield Bullets(evidence)


def _findings(report: dict[str, Any]) -> Iterator[Block]:
    findings = report.get("findings") or []
    yield Heading(2, "How the author's judgement changed")
    for sentence in report.get("narrative") or []:
        yield Paragraph(sentence)
    if not findings:
        return
    yield Paragraph(report.get("certainty_legend") or "")
    for number, finding in enumerate(findings, start=1):
        yield from _finding_blocks(number, finding)


def _steps(report: dict[str, Any]) -> Iterator[Block]:
    """For more than two documents: the strongest findings of each step, after the first-to-last ones."""
    steps = (report.get("comparison") or {}).get("steps") or []
    if len(steps) < 2:
        return
    yield Heading(2, "Step by step")
    shown = steps if len(steps) <= MAX_STEPS_SHOWN else steps[: MAX_STEPS_SHOWN // 2] + steps[-MAX_STEPS_SHOWN // 2 :]
    if len(shown) < len(steps):
        yield Paragraph(f"{len(steps)} steps; the first and last {MAX_STEPS_SHOWN // 2} are shown (all are in the "
                        "JSON report and the shifts table).")
    for step in shown:
        findings = [f for f in step.get("findings") or [] if f["confidence"] in ("high", "medium")]
        head = f"{step['from']['date']} -> {step['to']['date']}"
        if not findings:
            yield Paragraph(f"{head}: no change in judgement found with enough support.")
            continue
        yield Paragraph(f"{head}:")
        yield Bullets([f"{f['statement']} (confidence {f['confidence']})" for f in findings[:STEP_FINDINGS]])


def _documents(report: dict[str, Any]) -> Iterator[Block]:
    docs = report["documents"]
    rows = []
    for d in docs if len(docs) <= MAX_DOCUMENT_ROWS else docs[: MAX_DOCUMENT_ROWS // 2] + docs[-MAX_DOCUMENT_ROWS // 2 :]:
        rows.append([d["date"], d.get("title") or d["id"], d.get("author") or "-", d.get("venue") or "-",
                     _fmt(d["stats"]["words"])])
    yield Table(["Date", "Title", "Author", "Venue", "Words"], rows)
    if len(docs) > MAX_DOCUMENT_ROWS:
        yield Paragraph(f"({len(docs) - MAX_DOCUMENT_ROWS} documents between these are in the JSON report and tables.)")


def _epistemic_cell(measures: dict[str, Any]) -> str:
    """Rate of the hedges that withhold commitment to truth (reports written before the measure existed: '-')."""
    c = measures.get("epistemic_hedge")
    return f"{c['author_rate']:.1f} ({c['rate']:.1f}); n={c['author_count']}" if c else "-"


def _markers(report: dict[str, Any]) -> Iterator[Block]:
    docs = report["documents"]
    cols = _columns(docs)
    yield Heading(2, "Stance markers: hedges, boosters, attitude, self-mention, engagement")
    yield Paragraph(
        "Rates per 1,000 words of the author's own voice (markers inside reported speech or thought are "
        "counted apart, in brackets: all voices). Cues are checked in context: 'May' the month, 'about' "
        "before a non-number, 'could' of past ability and the like are not counted."
    )
    rows = []
    for key, label in CATEGORY_LABELS:
        row = [label]
        for d in cols:
            c = d["marker_measures"]["by_category"][key]
            row.append(f"{c['author_rate']:.1f} ({c['rate']:.1f}); n={c['author_count']}")
        rows.append(row)
        if key == "hedge":  # beside it: the hedges about truth, without approximators (docs/evaluation/uncertainty.md)
            rows.append(["  of which epistemic"] + [_epistemic_cell(d["marker_measures"]) for d in cols])
    ratio_row = ["Hedge/booster ratio"] + [_fmt(d["marker_measures"]["hedge_booster_ratio"], 2) for d in cols]
    share_row = ["Sentences with a hedge"] + [
        f"{d['marker_measures']['share_sentences_with_hedge']:.0%}" for d in cols
    ]
    yield Table(["Per 1,000 words"] + [d["date"] for d in cols], rows + [ratio_row, share_row])
    for d in cols:
        own = [m for m in d["markers"] if m["voice"] == "author"]
        lines = []
        for key, label in CATEGORY_LABELS:
            cues: dict[str, int] = {}
            for m in own:
                if m["category"] == key:
                    cue = m["text"].lower() if len(m["text"]) < 40 else "(question)"
                    cues[cue] = cues.get(cue, 0) + 1
            if cues:
                listed = ", ".join(f"{c} x{n}" if n > 1 else c for c, n in sorted(cues.items(), key=lambda x: (-x[1], x[0])))
                lines.append(f"{label}: {listed}")
        attributed = [m for m in d["markers"] if m["voice"] == "attributed"]
        if attributed:
            lines.append("In attributed content: " + ", ".join(f"{m['text'].lower()} ({m['category']})" for m in attributed))
        yield Paragraph(f"Cues in {d['date']} ({d.get('title') or d['id']}):")
        yield Bullets(lines or ["none"])
        hedged = [s for s in d["sentences"] if s["hedges"]]
        if hedged:
            example = max(hedged, key=lambda s: (s["hedges"], -s["index"]))
            yield Paragraph(f"Most hedged sentence of {d['date']}: {_quote(example['text'])}")


def _entities(report: dict[str, Any]) -> Iterator[Block]:
    docs = report["documents"]
    cols = _columns(docs)
    yield Heading(2, "Who and what the author writes about")
    overall = _overall(report)
    if overall is not None:
        ents = overall["entities"]
        a, b = overall["from"]["date"], overall["to"]["date"]
        sentences = []
        if ents["in_both"]:
            sentences.append("In both texts: " + ", ".join(e["name"] for e in ents["in_both"][:8]) + ".")
        if ents["only_earlier"]:
            sentences.append(f"Only in {a}: " + ", ".join(e["name"] for e in ents["only_earlier"][:8]) + ".")
        if ents["only_later"]:
            sentences.append(f"Only in {b}: " + ", ".join(e["name"] for e in ents["only_later"][:8]) + ".")
        rising = [c for c in ents["salience_changes"] if c.get("prominence") == "more"][:3]
        falling = [c for c in ents["salience_changes"] if c.get("prominence") == "less"][:3]
        if rising:
            sentences.append("Gaining the most attention: " + ", ".join(
                f"{c['name']} ({c['from_rate']:.1f} -> {c['to_rate']:.1f} per 1,000 words)" for c in rising) + ".")
        if falling:
            sentences.append("Losing the most: " + ", ".join(
                f"{c['name']} ({c['from_rate']:.1f} -> {c['to_rate']:.1f})" for c in falling) + ".")
        yield Paragraph(" ".join(sentences))
    names: dict[str, dict[str, Any]] = {}
    for d in docs:
        for e in d["entities"]:
            names.setdefault(e["name"], {"label": e["label"], "demonym_of": e.get("demonym_of")})
    totals = {n: sum(next((e["count"] for e in d["entities"] if e["name"] == n), 0) for d in docs) for n in names}
    top = sorted(names, key=lambda n: (-totals[n], n))[:20]
    partial = len(cols) < len(docs)  # first and last only: the total says what lies between
    rows = []
    for n in top:
        counts = [next((e for e in d["entities"] if e["name"] == n), None) for d in cols]
        row = [n, names[n]["label"] + (f" (of {names[n]['demonym_of']})" if names[n]["demonym_of"] else "")]
        row += [f"{e['count']} ({e['rate_per_1000_words']:.1f})" + (f", {e['metonymy_count']} metonymic" if e and e["metonymy_count"] else "") if e else "0" for e in counts]
        if partial:
            present = sum(1 for d in docs if any(e["name"] == n for e in d["entities"]))
            row.append(f"{totals[n]:,} in {present} of {len(docs)}")
        first = counts[0]["rate_per_1000_words"] if counts[0] else 0.0
        last = counts[-1]["rate_per_1000_words"] if counts[-1] else 0.0
        row.append(_signed(last - first))
        rows.append(row)
    yield Table(["Entity", "Label"] + [f"{d['date']} n (per 1k)" for d in cols]
                + (["All documents"] if partial else []) + ["Change per 1k, first to last"], rows)
    if overall is not None and overall["entities"]["author_stance_by_entity"]:
        yield Paragraph(
            "The author's own hedges and boosters in the sentences that mention each salient entity "
            "(per sentence):"
        )
        rows = []
        for item in overall["entities"]["author_stance_by_entity"]:
            f, t = item["from"], item["to"]
            rows.append([item["name"], _fmt(f["sentences"]), _fmt(f["hedges_per_sentence"], 2),
                         _fmt(f["boosters_per_sentence"], 2), _fmt(t["sentences"]),
                         _fmt(t["hedges_per_sentence"], 2), _fmt(t["boosters_per_sentence"], 2)])
        a, b = overall["from"]["date"], overall["to"]["date"]
        yield Table(["Entity", f"{a} sentences", "hedges", "boosters", f"{b} sentences", "hedges", "boosters"], rows)


def _measures(report: dict[str, Any]) -> Iterator[Block]:
    docs = report["documents"]
    yield Heading(2, "Text measures")
    rows = []
    for d in docs if len(docs) <= MAX_DOCUMENT_ROWS else docs[: MAX_DOCUMENT_ROWS // 2] + docs[-MAX_DOCUMENT_ROWS // 2 :]:
        s, r = d["stats"], d["readability"]
        rows.append([d["date"], _fmt(s["words"]), _fmt(s["sentences"]), _fmt(s["mean_sentence_length"]),
                     _fmt(s["mtld"]), _fmt(s["type_token_ratio"], 3)]
                    + [_fmt(r.get(k)) for k, _ in READABILITY_LABELS])
    yield Table(["Date", "Words", "Sentences", "Words/sentence", "MTLD", "TTR"] + [l for _, l in READABILITY_LABELS],
                rows)
    yield Paragraph(
        "MTLD (McCarthy & Jarvis 2010) measures lexical diversity independently of text length; readability "
        "formulas are from textstat 0.7.8 with CMU-dictionary syllable counts."
    )
    labels: dict[str, dict[str, int]] = {}
    for d in docs:
        for e in d["entities"]:
            labels.setdefault(e["label"], {})[d["date"]] = labels.setdefault(e["label"], {}).get(d["date"], 0) + e["count"]
    cols = _columns(docs)
    yield Paragraph("Entity mentions by label:")
    yield Table(["Label"] + [d["date"] for d in cols],
                [[label] + [_fmt(labels[label].get(d["date"], 0)) for d in cols] for label in sorted(labels)])


def _keyness(report: dict[str, Any]) -> Iterator[Block]:
    overall = _overall(report)
    if overall is None or not overall.get("keyness"):
        return
    key = overall["keyness"]
    yield Heading(2, "Distinctive vocabulary")
    yield Paragraph(key["note"])
    for side, label in (("earlier", overall["from"]["date"]), ("later", overall["to"]["date"])):
        terms = key[side][:10]
        if not terms:
            continue
        rows = [[t["term"], _fmt(t["count_from"]), _fmt(t["count_to"]), _fmt(t["z"], 2), _fmt(t["g2"], 2),
                 _fmt(t["log_ratio"], 2)] for t in terms]
        yield Paragraph(f"More typical of {label}:")
        yield Table(["Term", "Count earlier", "Count later", "Log-odds z", "G2", "Log ratio"], rows)


def report_blocks(report: dict[str, Any]) -> list[Block]:
    """The report as a list of blocks, in reading order."""
    docs = report["documents"]
    authors = sorted({d.get("author") for d in docs if d.get("author")})
    title = "How the author's judgement changed" + (f": {', '.join(authors)}" if authors else "")
    if len(docs) == 1:
        opening = f"1 document, {docs[0]['date']}."
    else:
        opening = f"{len(docs)} documents" + (f", {docs[0]['date']} to {docs[-1]['date']}." if docs else ".")
    blocks: list[Block] = [Heading(1, title), Paragraph(opening)]
    if report.get("warnings"):
        blocks.append(Heading(2, "Warnings"))
        blocks.append(Bullets(list(report["warnings"])))
    blocks.extend(_documents(report))
    blocks.extend(_findings(report))
    blocks.extend(_steps(report))
    if report.get("summary"):
        blocks.append(Heading(2, "Summary"))
        blocks.append(Bullets(list(report["summary"])))
    blocks.extend(_markers(report))
    blocks.extend(_entities(report))
    blocks.extend(_keyness(report))
    blocks.extend(_measures(report))
    model = report.get("model") or {}
    blocks.append(Paragraph(
        f"Generated by kalinovsky-nlp {report.get('generator', {}).get('version', '')} "
        f"(report schema {report.get('schema_version')}) with spaCy model {model.get('name')} {model.get('version')}."
    ))
    return blocks
