"""HTML renderer: one self-contained page to follow every finding to its sentences in both texts.

The page is built from the report *dictionary* (``Report.to_dict()`` or a saved JSON report) with the jinja2
templates of ``templates/`` (autoescaping on: every string from a document or a user file is escaped). Styles and
the small script are inline; there is no external URL, font or request, so the file works offline.

:func:`render_html` gives the whole report; :func:`render_notebook` the compact view of ``Report._repr_html_``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from markupsafe import Markup, escape

from ..judgement.wording import CERTAINTY_WORDS
from .blocks import CATEGORY_LABELS, READABILITY_LABELS, format_value
from .highlight import Insert, Mark, Region, find_phrase, mark_up

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["render_html", "render_notebook"]

#: Findings shown per comparison step, and the confidences shown there.
STEP_FINDINGS = 3
SHOWN_CONFIDENCE = ("high", "medium")
#: Per-document columns in the entity table; beyond this the table shows totals, first and last.
MAX_DOCUMENT_COLUMNS = 6
TOP_ENTITIES = 20
KEY_TERMS = 10
#: Texts shown open (not folded) when the report has at most this many documents.
OPEN_TEXTS = 2

KIND_WORDS = {
    "certainty_up": "more certain", "certainty_down": "less certain", "polarity_reversed": "reversed",
    "reported_to_asserted": "now asserted", "asserted_to_reported": "now only reported",
    "evaluation_more_favourable": "more favourable", "evaluation_less_favourable": "less favourable",
    "new_judgement": "new judgement", "dropped_judgement": "dropped judgement", "position_revised": "position revised",
}
#: The legend: each kind of highlight, its sample and what it means.
LEGEND = (
    ("hedge", "may", "hedge: the author softens a claim"),
    ("booster", "clearly", "booster: the author firms up a claim"),
    ("attitude", "unfortunately", "attitude marker: the author's evaluation"),
    ("self_mention", "I", "self-mention: the author in the text"),
    ("engagement", "consider", "engagement marker: the author addresses the reader"),
    ("cue", "skeptical", "certainty cue: a word that sets the certainty of a claim"),
    ("report", "said", "reporting cue: introduces someone else's words or thoughts"),
    ("entity", "Moscow", "entity: a mention of a canonical entity"),
)
CERTAINTY_TAG = re.compile(r"\((CT[+-]|PR[+-]|PS[+-]|Uu)\)")


# --- small formatting helpers -----------------------------------------------------------------------------------------

def _fmt(value: Any, digits: int = 1) -> str:
    return format_value(value, digits, missing="\u2013")


def _signed(value: float | None, digits: int = 1) -> str:
    return "\u2013" if value is None else f"{value:+.{digits}f}".replace("-", "\u2212")


def _certainty_tip(tag: str) -> str:
    words = CERTAINTY_WORDS.get(tag, tag)
    polarity = "" if tag == "Uu" else (": the proposition holds" if tag.endswith("+") else ": it does not hold")
    return f"{tag}: {words}{polarity} (FactBank certainty, from the author's perspective)"


def certainty_tag(tag: str) -> Markup:
    """A FactBank tag explained on hover and focus."""
    return Markup('<abbr class="kn-ct" tabindex="0" data-tip="{}" aria-describedby="kn-legend-certainty">{}</abbr>'
                  ).format(_certainty_tip(tag), tag)


def explain_tags(text: str) -> Markup:
    """Escaped text whose ``(PS+)``-style tags explain themselves."""
    escaped = str(escape(text))
    return Markup(CERTAINTY_TAG.sub(lambda m: f"({certainty_tag(m.group(1))})", escaped))


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# --- documents --------------------------------------------------------------------------------------------------------

@dataclass
class DocumentView:
    """One document of the report, indexed for highlighting: its marks, regions and sentences by offset."""

    number: int
    data: Mapping[str, Any]
    marks: list[Mark] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"kn-doc-{self.number}"

    @property
    def text(self) -> str:
        return self.data.get("text") or ""

    @property
    def sentences(self) -> list[Mapping[str, Any]]:
        return self.data.get("sentences") or []

    def sentence_anchor(self, index: int) -> str:
        return f"{self.anchor}-s{index}"

    def sentence_at(self, offset: int) -> Mapping[str, Any] | None:
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[i] if 0 <= i < len(self.sentences) else None

    def locate(self, sentence: str) -> tuple[int, int] | None:
        """The offsets of an evidence sentence in the text (it is quoted verbatim, give or take white space)."""
        wanted = " ".join(sentence.split())
        for s in self.sentences:
            if " ".join(str(s.get("text", "")).split()) == wanted:
                start = int(s["start"])
                return start, start + len(str(s["text"]).rstrip())
        found = find_phrase(self.text, wanted)
        return found[0] if found else None


def _marker_tip(marker: Mapping[str, Any]) -> str:
    category = str(marker.get("category", ""))
    label = dict(CATEGORY_LABELS).get(category, category.replace("_", " ")).rstrip("s").lower()
    sub = str(marker.get("subcategory") or "").replace("_", " ")
    tip = f"{label}: {sub}" if sub else label
    if marker.get("epistemic") is False:
        tip += " (not epistemic)"
    if marker.get("voice") == "attributed":
        tip += "; inside reported speech, not counted as the author's"
    return tip


def _document_view(number: int, doc: Mapping[str, Any]) -> DocumentView:
    view = DocumentView(number, doc, sentence_starts=[int(s["start"]) for s in doc.get("sentences") or []])
    text = view.text
    for m in doc.get("markers") or []:
        if "start" in m and "end" in m:
            view.marks.append(Mark(int(m["start"]), int(m["end"]), str(m.get("category", "")), _marker_tip(m),
                                   attributed=m.get("voice") == "attributed"))
    for e in doc.get("entities") or []:
        tip = f"{e.get('name')} ({e.get('label')})" + (f", of {e['demonym_of']}" if e.get("demonym_of") else "")
        for mention in e.get("mentions") or []:
            note = "; a metonymy" if mention.get("metonymy") else ""
            view.marks.append(Mark(int(mention["start"]), int(mention["end"]), "entity", f"entity: {tip}{note}"))
    for a in doc.get("attributions") or []:
        if "start" not in a or "end" not in a:
            continue
        start, end = int(a["start"]), int(a["end"])
        view.regions.append(Region(start, end, "reported"))
        cue = str(a.get("cue") or "")
        sentence = view.sentence_at(start)
        if cue and sentence is not None:
            lo, hi = int(sentence["start"]), int(sentence["end"])
            places = [p for p in find_phrase(text[lo:hi], cue, lo) if p[1] <= start or p[0] >= end]
            if places:
                place = min(places, key=lambda p: min(abs(p[1] - start), abs(p[0] - end)))
                holder = a.get("holder") or "unnamed source"
                kind = str(a.get("verb_class") or a.get("kind") or "").replace("_", " ")
                view.marks.append(Mark(place[0], place[1], "report",
                                       f"reporting cue{' (' + kind + ')' if kind else ''}; source: {holder}"))
    return view


def _document_text(view: DocumentView) -> Markup:
    """The whole text: each sentence an anchor, with its marks and reported speech."""
    text = view.text
    if not view.sentences:
        return mark_up(text, 0, len(text), view.marks, view.regions)
    parts: list[str] = []
    previous = 0
    marks_by_start = sorted(view.marks, key=lambda m: m.start)
    starts = [m.start for m in marks_by_start]
    for s in view.sentences:
        lo, hi = int(s["start"]), int(s["end"])
        if lo < previous:
            continue
        parts.append(str(escape(text[previous:lo])))
        near = marks_by_start[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]
        body = mark_up(text, lo, hi, near, view.regions)
        parts.append(f'<span class="kn-sent" id="{view.sentence_anchor(int(s["index"]))}">{body}</span>')
        previous = hi
    parts.append(str(escape(text[previous:])))
    return Markup("".join(parts))


# --- findings ---------------------------------------------------------------------------------------------------------

def _voice_words(position: Mapping[str, Any], holders: Sequence[str]) -> str:
    voice = position.get("voice")
    source = f" from {', '.join(holders[:3])}" if holders else ""
    if voice == "reported":
        return f"only reported{source}"
    if voice == "both":
        return f"reported{source} and judged by the author"
    if voice == "author":
        return "the author's own claim"
    return ""


def _claim_badges(view: DocumentView, claims: Iterable[int], lo: int, hi: int) -> list[Insert]:
    """A certainty tag after each of the finding's claims that lies in [lo, hi)."""
    by_index = {c.get("index"): c for c in view.data.get("claims") or []}
    inserts = []
    for index in claims:
        claim = by_index.get(index)
        if not claim or not claim.get("certainty") or not (lo <= int(claim.get("start", -1)) < hi):
            continue
        tag = str(claim["certainty"])
        holder = f", held by {claim['holder']}" if claim.get("holder") else ""
        tip = (f"clause \u201c{claim.get('text', '')}\u201d: {CERTAINTY_WORDS.get(tag, tag)} ({tag}) for the author"
               f"{holder}")
        html = Markup('<abbr class="kn-ct kn-claim-tag" tabindex="0" data-tip="{}" '
                      'aria-describedby="kn-legend-certainty">{}</abbr>').format(tip, tag)
        inserts.append(Insert(min(int(claim.get("end", hi)), hi), html))
    return inserts


def _cue_marks(text: str, cues: Sequence[str], lo: int, hi: int) -> list[Mark]:
    marks = []
    for cue in cues:
        for start, end in find_phrase(text[lo:hi], str(cue), lo):
            marks.append(Mark(start, end, "cue", f"certainty cue of this finding: {cue}"))
    return marks


def _evidence(view: DocumentView | None, side: Mapping[str, Any], link: bool) -> list[dict[str, Any]]:
    """Each evidence sentence with its cues marked, its claims tagged and a link to its place in the text."""
    items: list[dict[str, Any]] = []
    cues = [str(c) for c in side.get("cues") or []]
    for sentence in side.get("evidence") or []:
        sentence = str(sentence)
        place = view.locate(sentence) if view is not None else None
        if view is None or place is None:
            marks = _cue_marks(sentence, cues, 0, len(sentence))
            items.append({"html": mark_up(sentence, 0, len(sentence), marks), "href": None, "number": None})
            continue
        lo, hi = place
        marks = [m for m in view.marks if lo <= m.start and m.end <= hi and m.kind != "entity"]
        marks += _cue_marks(view.text, cues, lo, hi)
        badges = _claim_badges(view, side.get("claims") or [], lo, hi)
        located = view.sentence_at(lo)
        number = int(located["index"]) if located is not None else None
        items.append({
            "html": mark_up(view.text, lo, hi, marks, view.regions, badges),
            "href": f"#{view.sentence_anchor(number)}" if link and number is not None else None,
            "number": number + 1 if number is not None else None,
        })
    return items


def _side(side: Mapping[str, Any] | None, views: Mapping[str, DocumentView], link: bool) -> dict[str, Any]:
    side = side or {}
    view = views.get(str(side.get("document")))
    position = side.get("position")
    holders = [str(h) for h in side.get("holders") or []]
    summary = None
    if position:
        parts = [Markup("{} {}").format(CERTAINTY_WORDS.get(position.get("certainty"), "no certainty"),
                                         Markup("({})").format(certainty_tag(position["certainty"]))
                                         if position.get("certainty") else "")]
        voice = _voice_words(position, holders)
        if voice:
            parts.append(escape(voice))
        claims, own = position.get("claims"), position.get("author_claims")
        if claims is not None:
            own_words = f", {own} the author's own" if own is not None else ""
            parts.append(escape(_plural(int(claims), "claim") + own_words))
        if position.get("initial_certainty"):
            parts.append(Markup("at first {} ({})").format(CERTAINTY_WORDS.get(position["initial_certainty"], ""),
                                                            certainty_tag(position["initial_certainty"])))
        summary = Markup(" \u00b7 ").join(parts)
    title = (view.data.get("title") or view.data.get("id")) if view is not None else side.get("document")
    return {
        "date": side.get("date") or (view.data.get("date") if view is not None else ""),
        "title": title,
        "doc_href": f"#{view.anchor}" if view is not None and link else None,
        "summary": summary,
        "evidence": _evidence(view, side, link),
    }


def _finding(finding: Mapping[str, Any], anchor: str, number: int, views: Mapping[str, DocumentView],
             link: bool = True) -> dict[str, Any]:
    return {
        "anchor": anchor,
        "number": number,
        "proposition": finding.get("proposition") or "",
        "statement": explain_tags(str(finding.get("statement") or "")),
        "kinds": [KIND_WORDS.get(k, str(k).replace("_", " ")) for k in finding.get("kinds") or []],
        "confidence": finding.get("confidence") or "low",
        "reason": finding.get("confidence_reason") or "",
        "targets": [str(t).partition(":")[2].replace("_", " ") or str(t) for t in finding.get("targets") or []],
        "sides": [_side(finding.get("from"), views, link), _side(finding.get("to"), views, link)],
    }


def _steps(report: Mapping[str, Any], views: Mapping[str, DocumentView]) -> list[dict[str, Any]]:
    steps = (report.get("comparison") or {}).get("steps") or []
    if len(steps) < 2:
        return []
    shown = []
    for number, step in enumerate(steps, start=1):
        findings = [f for f in step.get("findings") or [] if f.get("confidence") in SHOWN_CONFIDENCE]
        findings.sort(key=lambda f: (SHOWN_CONFIDENCE.index(f["confidence"]), -float(f.get("strength") or 0)))
        low = len(step.get("findings") or []) - len(findings)
        shown.append({
            "from": (step.get("from") or {}).get("date"), "to": (step.get("to") or {}).get("date"),
            "anchor": f"kn-step-{number}",
            "findings": [_finding(f, f"kn-step-{number}-finding-{i}", i, views)
                         for i, f in enumerate(findings[:STEP_FINDINGS], start=1)],
            "more": max(0, len(findings) - STEP_FINDINGS),
            "low": low,
        })
    return shown


# --- tables -----------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TableView:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""

    def numeric(self, column: int) -> bool:
        cells = [row[column] for row in self.rows if column < len(row) and row[column] not in ("", "\u2013")]
        return bool(cells) and all(c[:1].isdigit() or c[:1] in "+-.\u2212" for c in cells)


def _documents_table(docs: Sequence[Mapping[str, Any]]) -> TableView:
    rows = [[d["date"], str(d.get("title") or d.get("id")), str(d.get("author") or "\u2013"),
             str(d.get("venue") or "\u2013"), _fmt((d.get("stats") or {}).get("words")),
             _fmt((d.get("stats") or {}).get("sentences"))] for d in docs]
    return TableView("Documents", ["Date", "Title", "Author", "Venue", "Words", "Sentences"], rows)


def _marker_table(docs: Sequence[Mapping[str, Any]]) -> TableView:
    rows = []
    for d in docs:
        measures = d.get("marker_measures") or {}
        by = measures.get("by_category") or {}
        row = [d["date"]]
        for key, _ in CATEGORY_LABELS:
            c = by.get(key) or {}
            row.append(f"{c.get('author_rate', 0.0):.1f} ({c.get('rate', 0.0):.1f}); n={c.get('author_count', 0)}")
        share = measures.get("share_sentences_with_hedge")
        row += [_fmt(measures.get("hedge_booster_ratio"), 2), "\u2013" if share is None else f"{share:.0%}"]
        rows.append(row)
    return TableView("Stance markers per 1,000 words", ["Date"] + [label for _, label in CATEGORY_LABELS]
                     + ["Hedge/booster ratio", "Sentences with a hedge"], rows,
                     "Rates per 1,000 words of the author's own voice; in brackets, all voices (markers inside "
                     "reported speech or thought included); n, the author's own count.")


def _entity_tables(report: Mapping[str, Any], docs: Sequence[Mapping[str, Any]],
                   overall: Mapping[str, Any] | None) -> list[TableView]:
    names: dict[str, dict[str, Any]] = {}
    per_doc: dict[str, dict[str, Mapping[str, Any]]] = {}
    for d in docs:
        for e in d.get("entities") or []:
            names.setdefault(e["name"], {"label": e.get("label"), "demonym_of": e.get("demonym_of")})
            per_doc.setdefault(e["name"], {})[d["id"]] = e
    totals = {n: sum(int(e.get("count") or 0) for e in per_doc[n].values()) for n in names}
    top = sorted(names, key=lambda n: (-totals[n], n))[:TOP_ENTITIES]
    first, last = docs[0], docs[-1]

    def rate(name: str, d: Mapping[str, Any]) -> float:
        e = per_doc[name].get(d["id"])
        return float(e.get("rate_per_1000_words") or 0.0) if e else 0.0

    def label(name: str) -> str:
        info = names[name]
        return str(info["label"] or "") + (f" (of {info['demonym_of']})" if info.get("demonym_of") else "")

    tables = []
    if len(docs) <= MAX_DOCUMENT_COLUMNS:
        rows = []
        for n in top:
            cells = []
            for d in docs:
                e = per_doc[n].get(d["id"])
                metonymic = f", {e['metonymy_count']} metonymic" if e and e.get("metonymy_count") else ""
                cells.append(f"{e['count']} ({float(e.get('rate_per_1000_words') or 0):.1f}){metonymic}" if e else "0")
            rows.append([n, label(n)] + cells + [_signed(rate(n, last) - rate(n, first))])
        tables.append(TableView("Entities", ["Entity", "Label"] + [f"{d['date']} n (per 1k)" for d in docs]
                                + ["Change per 1k"], rows))
    else:
        rows = []
        for n in top:
            counts = [str(int(per_doc[n][d["id"]].get("count") or 0)) if d["id"] in per_doc[n] else "0" for d in docs]
            rows.append([n, label(n), _fmt(totals[n]), f"{len(per_doc[n])} of {len(docs)}",
                         f"{rate(n, first):.1f}", f"{rate(n, last):.1f}", _signed(rate(n, last) - rate(n, first)),
                         " ".join(counts)])
        tables.append(TableView("Entities", ["Entity", "Label", "Mentions", "Documents", f"{first['date']} per 1k",
                                             f"{last['date']} per 1k", "Change per 1k", "Mentions by date"], rows,
                                "Mentions by date: one count per document, in date order."))
    stance = (overall or {}).get("entities", {}).get("author_stance_by_entity") or []
    if stance and overall is not None:
        a, b = overall["from"]["date"], overall["to"]["date"]
        rows = []
        for item in stance:
            f, t = item.get("from") or {}, item.get("to") or {}
            rows.append([item["name"], _fmt(f.get("sentences")), _fmt(f.get("hedges_per_sentence"), 2),
                         _fmt(f.get("boosters_per_sentence"), 2), _fmt(t.get("sentences")),
                         _fmt(t.get("hedges_per_sentence"), 2), _fmt(t.get("boosters_per_sentence"), 2)])
        tables.append(TableView("The author's hedges and boosters around each salient entity",
                                ["Entity", f"{a} sentences", "hedges", "boosters", f"{b} sentences", "hedges",
                                 "boosters"], rows, "Per sentence that mentions the entity."))
    labels = sorted({str(e.get("label")) for d in docs for e in d.get("entities") or []})
    if labels:
        rows = []
        for d in docs:
            by_label = {lab: 0 for lab in labels}
            for e in d.get("entities") or []:
                by_label[str(e.get("label"))] += int(e.get("count") or 0)
            rows.append([d["date"]] + [_fmt(by_label[lab]) for lab in labels])
        tables.append(TableView("Entity mentions by label", ["Date"] + labels, rows))
    return tables


def _keyness_tables(overall: Mapping[str, Any] | None) -> tuple[str, list[TableView]]:
    key = (overall or {}).get("keyness")
    if not key or overall is None:
        return "", []
    tables = []
    for side, date in (("earlier", overall["from"]["date"]), ("later", overall["to"]["date"])):
        terms = (key.get(side) or [])[:KEY_TERMS]
        if terms:
            rows = [[str(t.get("term")), _fmt(t.get("count_from")), _fmt(t.get("count_to")), _fmt(t.get("z"), 2),
                     _fmt(t.get("g2"), 2), _fmt(t.get("log_ratio"), 2)] for t in terms]
            tables.append(TableView(f"More typical of {date}", ["Term", "Count earlier", "Count later", "Log-odds z",
                                                                "G2", "Log ratio"], rows))
    return str(key.get("note") or ""), tables


def _measures_table(docs: Sequence[Mapping[str, Any]]) -> TableView:
    rows = []
    for d in docs:
        s, r = d.get("stats") or {}, d.get("readability") or {}
        rows.append([d["date"], _fmt(s.get("words")), _fmt(s.get("sentences")), _fmt(s.get("mean_sentence_length")),
                     _fmt(s.get("mtld")), _fmt(s.get("type_token_ratio"), 3)]
                    + [_fmt(r.get(k)) for k, _ in READABILITY_LABELS])
    return TableView("Text measures", ["Date", "Words", "Sentences", "Words/sentence", "MTLD", "TTR"]
                     + [label for _, label in READABILITY_LABELS], rows,
                     "MTLD (McCarthy & Jarvis 2010) measures lexical diversity independently of text length; "
                     "readability formulas are from textstat 0.7.8 with CMU-dictionary syllable counts.")


def _cue_lists(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The author's own cues of each category, most frequent first (as the text report lists them)."""
    lists = []
    own = [m for m in doc.get("markers") or [] if m.get("voice") != "attributed"]
    for key, label in CATEGORY_LABELS:
        cues: dict[str, int] = {}
        for m in own:
            if m.get("category") == key:
                cue = str(m.get("text", "")).lower() if len(str(m.get("text", ""))) < 40 else "(question)"
                cues[cue] = cues.get(cue, 0) + 1
        if cues:
            lists.append((label, ", ".join(f"{c} \u00d7{n}" if n > 1 else c
                                           for c, n in sorted(cues.items(), key=lambda x: (-x[1], x[0])))))
    attributed = [m for m in doc.get("markers") or [] if m.get("voice") == "attributed"]
    if attributed:
        lists.append(("In reported speech", ", ".join(f"{str(m.get('text', '')).lower()} ({m.get('category')})"
                                                      for m in attributed)))
    return lists


# --- the page ---------------------------------------------------------------------------------------------------------

def _overall(report: Mapping[str, Any]) -> Mapping[str, Any] | None:
    comparison = report.get("comparison") or {}
    if comparison.get("first_to_last"):
        overall: Mapping[str, Any] = comparison["first_to_last"]
        return overall
    steps: list[Mapping[str, Any]] = comparison.get("steps") or []
    return steps[0] if len(steps) == 1 else None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("kalinovsky_nlp.renderers", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


@lru_cache(maxsize=None)
def _asset(name: str) -> Markup:
    """A stylesheet or script of ``templates/``, inlined as it is (our own file, not user data)."""
    text = resources.files("kalinovsky_nlp.renderers").joinpath("templates", name).read_text(encoding="utf-8")
    if "</" + ("style" if name.endswith(".css") else "script") in text.lower():
        raise ValueError(f"templates/{name} must not close its own element")
    return Markup(text)


def _document_context(view: DocumentView, open_text: bool) -> dict[str, Any]:
    d = view.data
    boilerplate = [(str(b.get("kind") or ""), str(b.get("text") or "")) if isinstance(b, Mapping) else ("", str(b))
                   for b in d.get("boilerplate") or []]
    return {
        "anchor": view.anchor, "date": d.get("date"), "title": d.get("title") or d.get("id"),
        "author": d.get("author"), "venue": d.get("venue"), "url": d.get("url"), "subtitle": d.get("subtitle"),
        "words": _fmt((d.get("stats") or {}).get("words")), "boilerplate": boilerplate,
        "text_html": _document_text(view), "cues": _cue_lists(d), "open": open_text,
    }


def _title(docs: Sequence[Mapping[str, Any]]) -> str:
    authors = sorted({str(d["author"]) for d in docs if d.get("author")})
    return "How the author's judgement changed" + (f": {', '.join(authors)}" if authors else "")


def _context(report: Mapping[str, Any], charts: bool = True) -> dict[str, Any]:
    docs = sorted(report.get("documents") or [], key=lambda d: d["date"])
    views = {str(d["id"]): _document_view(n, d) for n, d in enumerate(docs, start=1)}
    overall = _overall(report)
    findings = [_finding(f, f"kn-finding-{i}", i, views) for i, f in enumerate(report.get("findings") or [], start=1)]
    timeline: list[Any] = []
    chart_error = ""
    if charts and len(docs) >= 2:
        try:
            from ..plotting import timeline_charts
        except ImportError as err:  # matplotlib missing from a trimmed environment
            chart_error = f"The timelines need matplotlib ({err}): pip install matplotlib, then render again."
        else:
            timeline = timeline_charts(report)
    keyness_note, keyness = _keyness_tables(overall)
    steps = _steps(report, views)
    model = report.get("model") or {}
    return {
        "title": _title(docs),
        "span": f"{docs[0]['date']} to {docs[-1]['date']}" if docs else "",
        "documents": [_document_context(views[str(d["id"])], open_text=len(docs) <= OPEN_TEXTS) for d in docs],
        "narrative": [str(s) for s in report.get("narrative") or []],
        "certainty_legend": str(report.get("certainty_legend") or ""),
        "legend": [{"kind": k.replace("_", "-"), "sample": s, "words": w} for k, s, w in LEGEND],
        "findings": findings,
        "steps": steps,
        "step_findings": sum(len(step["findings"]) + step["more"] for step in steps),
        "step_limit": STEP_FINDINGS,
        "summary": [str(s) for s in report.get("summary") or []],
        "charts": timeline,
        "chart_error": chart_error,
        "two_documents": len(docs) == 2,
        "tables": {
            "documents": _documents_table(docs),
            "markers": _marker_table(docs),
            "entities": _entity_tables(report, docs, overall) if docs else [],
            "keyness": keyness,
            "measures": _measures_table(docs),
        },
        "keyness_note": keyness_note,
        "generator": f"kalinovsky-nlp {(report.get('generator') or {}).get('version', '')}".strip(),
        "schema": str(report.get("schema_version") or ""),
        "model": " ".join(str(model.get(k)) for k in ("name", "version") if model.get(k)),
        "css": _asset("report.css"),
        "script": _asset("report.js"),
    }


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one self-contained HTML page."""
    return _environment().get_template("report.html.j2").render(**_context(report))


def render_notebook(report: dict[str, Any], max_findings: int = 5) -> str:
    """The compact view for a notebook: the narrative and the findings with their evidence, no texts or tables."""
    docs = sorted(report.get("documents") or [], key=lambda d: d["date"])
    views = {str(d["id"]): _document_view(n, d) for n, d in enumerate(docs, start=1)}
    chosen = list(report.get("findings") or [])
    source = "report"
    if not chosen:
        source = "steps"
        for step in (report.get("comparison") or {}).get("steps") or []:
            chosen += [f for f in step.get("findings") or [] if f.get("confidence") in SHOWN_CONFIDENCE]
    findings = [_finding(f, f"kn-nb-finding-{i}", i, views, link=False)
                for i, f in enumerate(chosen[:max_findings], start=1)]
    return _environment().get_template("notebook.html.j2").render(
        title=_title(docs), span=f"{docs[0]['date']} to {docs[-1]['date']}" if docs else "", count=len(docs),
        narrative=[str(s) for s in report.get("narrative") or []],
        certainty_legend=str(report.get("certainty_legend") or ""),
        legend=[{"kind": k.replace("_", "-"), "sample": s, "words": w} for k, s, w in LEGEND],
        findings=findings, more=max(0, len(chosen) - max_findings), source=source, css=_asset("report.css"))
