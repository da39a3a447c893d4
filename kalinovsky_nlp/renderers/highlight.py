"""Text with its cues marked, as HTML: the markup of evidence sentences and document texts in the HTML report.

Every character of the text is escaped; only the tags made here are markup. Three layers:

- *marks*: short spans (a marker, a certainty or reporting cue, an entity mention) that never overlap each other;
  where two overlap, the one of higher priority is kept (a marker before a cue before an entity);
- *regions*: longer spans shown as a style around the marks (reported speech), split where needed so that tags nest;
- *inserts*: small labels placed at an offset (the certainty tag after a claim), moved past a mark they would cut.

Each mark is keyboard-reachable (``tabindex=0``) and carries its words in ``data-tip`` (shown on hover and focus by
the stylesheet) and a link to its legend entry (``aria-describedby``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from markupsafe import Markup, escape

__all__ = ["Insert", "Mark", "Region", "find_phrase", "mark_up"]

#: Which of two overlapping marks is kept: the higher number.
PRIORITY = {"hedge": 5, "booster": 5, "attitude": 5, "self_mention": 5, "engagement": 5, "report": 4, "cue": 3,
            "entity": 1}


@dataclass(frozen=True)
class Mark:
    """A short span shown as a highlighted, focusable cue. ``start``/``end`` are offsets into the full text."""

    start: int
    end: int
    kind: str
    tip: str
    attributed: bool = False


@dataclass(frozen=True)
class Region:
    """A longer span shown as a style around the marks inside it (reported speech)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Insert:
    """A label (already markup) placed at an offset of the text."""

    at: int
    html: Markup


def find_phrase(text: str, phrase: str, start: int = 0) -> list[tuple[int, int]]:
    """Where a phrase occurs in a text as whole words, case-insensitively, whitespace-tolerant."""
    words = phrase.split()
    if not words:
        return []
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    return [(m.start() + start, m.end() + start) for m in re.finditer(pattern, text, re.IGNORECASE)]


def _choose(marks: Iterable[Mark], lo: int, hi: int) -> list[Mark]:
    """The marks inside [lo, hi), without overlaps: by priority, then the longer, then the earlier."""
    inside = [m for m in marks if lo <= m.start < m.end <= hi]
    inside.sort(key=lambda m: (-PRIORITY.get(m.kind, 0), -(m.end - m.start), m.start))
    kept: list[Mark] = []
    for mark in inside:
        if all(mark.end <= k.start or mark.start >= k.end for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.start)


def _mark_html(mark: Mark, text: str) -> Markup:
    classes = f"kn-m kn-{mark.kind.replace('_', '-')}" + (" kn-attributed" if mark.attributed else "")
    return Markup('<mark class="{}" tabindex="0" data-tip="{}" aria-describedby="kn-legend-{}">{}</mark>').format(
        classes, mark.tip, mark.kind.replace("_", "-"), text)


def mark_up(text: str, lo: int, hi: int, marks: Sequence[Mark] = (), regions: Sequence[Region] = (),
            inserts: Sequence[Insert] = ()) -> Markup:
    """``text[lo:hi]`` as HTML with its marks, regions and inserts (offsets are into ``text``)."""
    kept = _choose(marks, lo, hi)
    mark_at = {m.start: m for m in kept}
    # a region edge or an insert inside a mark moves to the mark's end
    inside = {i: m.end for m in kept for i in range(m.start + 1, m.end)}
    clipped = [Region(max(r.start, lo), min(r.end, hi), r.kind) for r in regions if r.start < hi and r.end > lo]
    clipped = [Region(inside.get(r.start, r.start), inside.get(r.end, r.end), r.kind) for r in clipped]
    clipped = [r for r in clipped if r.start < r.end]
    placed: dict[int, list[Markup]] = {}
    for insert in inserts:
        if lo <= insert.at <= hi:
            placed.setdefault(inside.get(insert.at, insert.at), []).append(insert.html)
    cuts = {lo, hi} | {r.start for r in clipped} | {r.end for r in clipped} | set(placed)
    cuts |= {m.start for m in kept} | {m.end for m in kept}
    points = sorted(c for c in cuts if lo <= c <= hi)

    out: list[str] = []
    open_kinds: list[str] = []
    for a, b in zip(points, points[1:] + [None]):
        for html in placed.get(a, []):
            out.append(str(html))
        if b is None:
            break
        active = sorted({r.kind for r in clipped if r.start <= a < r.end})
        if active != open_kinds:
            out.extend("</span>" for _ in open_kinds)
            out.extend(f'<span class="kn-region kn-{kind}">' for kind in active)
            open_kinds = active
        if a in mark_at and mark_at[a].end == b:
            out.append(str(_mark_html(mark_at[a], text[a:b])))
        else:
            out.append(str(escape(text[a:b])))
    out.extend("</span>" for _ in open_kinds)
    return Markup("".join(out))
