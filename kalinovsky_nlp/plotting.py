"""Timelines of a report: each tracked target's certainty and evaluation, the marker rates and the entities' salience
over the dates, as matplotlib figures (for a notebook) or accessible inline SVG (for the HTML report).

Everything is read from the report *dictionary* (``Report.to_dict()`` or a saved JSON report). matplotlib is
imported only when a figure is drawn, so ``import kalinovsky_nlp`` stays cheap.

Three or more documents give lines over a date axis, one point per date; two documents give a slope chart (targets,
entities) or paired bars (marker rates). Each series differs from the others by marker shape and line style as well
as colour, so colour is never the only signal.

    >>> fig = kn.plot_timeline(report, target="entity:Russia")   # doctest: +SKIP
    >>> fig.axes[0].set_title("Russia"); fig.savefig("russia.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from .results import CERTAINTY_SCORES

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

    from .report import Report

__all__ = ["Chart", "PointGroup", "Series", "chart_svg", "entity_salience_series", "marker_rate_series",
           "plot_timeline", "resolve_target", "target_label", "target_series", "timeline_charts", "tracked_targets"]

#: Colours with a contrast of at least 3:1 against white (WCAG 2.1 non-text contrast), colour-blind safe.
PALETTE = ("#0072B2", "#D55E00", "#1B7837", "#AA3377", "#8B5A00", "#555555")
MARKERS = ("o", "s", "^", "D", "v", "P")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 1)))
MARKER_CATEGORIES = (("hedge", "hedges"), ("booster", "boosters"), ("attitude", "attitude markers"),
                     ("self_mention", "self-mentions"), ("engagement", "engagement markers"))
CERTAINTY_TICKS = {-3: "CT\u2212", -2: "PR\u2212", -1: "PS\u2212", 0: "Uu", 1: "PS+", 2: "PR+", 3: "CT+"}
#: Where a target's "not discussed" marks sit, below certainty CT- and below the lowest evaluation.
ABSENT_LABEL = "not discussed"

#: Matplotlib settings for every figure of this module: text kept as SVG text (selectable, scalable, small),
#: fixed ids (the same report gives the same SVG) and no creation date.
RC: "dict[RcKeyType, Any]" = {
    "svg.fonttype": "none",
    "svg.hashsalt": "kalinovsky-nlp",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#1b1b1b",
    "xtick.color": "#1b1b1b",
    "ytick.color": "#1b1b1b",
    "text.color": "#1b1b1b",
    "axes.grid": True,
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "savefig.bbox": "tight",
}


@dataclass(frozen=True)
class Series:
    """One line of a timeline: a value per date (``None`` where it has none: a target not discussed) and the
    words shown on hover or focus for each date."""

    key: str
    label: str
    dates: tuple[str, ...]
    values: tuple[float | None, ...]
    tips: tuple[str, ...]

    def points(self) -> list[tuple[str, float, str]]:
        """(date, value, tip) of the dates that have a value."""
        return [(d, v, t) for d, v, t in zip(self.dates, self.values, self.tips) if v is not None]


@dataclass(frozen=True)
class Chart:
    """A drawn chart for the HTML report: its id, title, one-line description and the series it shows."""

    id: str
    kind: str
    title: str
    description: str
    series: tuple[Series, ...]
    svg: str


def _data(report: Any) -> dict[str, Any]:
    data: dict[str, Any] = report.to_dict() if hasattr(report, "to_dict") else report
    return data


def _documents(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    return sorted(report.get("documents") or [], key=lambda d: d["date"])


def _all_findings(report: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The report's findings, then those of the first-to-last comparison and of each step."""
    yield from report.get("findings") or []
    comparison = report.get("comparison") or {}
    if comparison.get("first_to_last"):
        yield from comparison["first_to_last"].get("findings") or []
    for step in comparison.get("steps") or []:
        yield from step.get("findings") or []


# --- series ----------------------------------------------------------------------------------------------------------

def marker_rate_series(report: Any) -> list[Series]:
    """The author's own markers per 1,000 words, one series per category, one value per document."""
    docs = _documents(_data(report))
    series = []
    for key, label in MARKER_CATEGORIES:
        values, tips = [], []
        for d in docs:
            entry = ((d.get("marker_measures") or {}).get("by_category") or {}).get(key) or {}
            rate = float(entry.get("author_rate") or 0.0)
            values.append(rate)
            tips.append(f"{d['date']}: {label} {rate:.1f} per 1,000 words (n={entry.get('author_count', 0)})")
        series.append(Series(key, label, tuple(d["date"] for d in docs), tuple(values), tuple(tips)))
    return series


def _salient_entities(docs: Sequence[dict[str, Any]], limit: int) -> list[str]:
    """Entities by total mentions, those found in more documents first when a corpus has more than two."""
    totals: dict[str, int] = {}
    spread: dict[str, int] = {}
    for d in docs:
        for e in d.get("entities") or []:
            if e.get("demonym_of"):
                continue
            totals[e["name"]] = totals.get(e["name"], 0) + int(e.get("count") or 0)
            spread[e["name"]] = spread.get(e["name"], 0) + 1
    wide = len(docs) > 2
    return sorted(totals, key=lambda n: (-(spread[n] if wide else 0), -totals[n], n))[:limit]


def entity_salience_series(report: Any, limit: int = 6) -> list[Series]:
    """Mentions per 1,000 words of the most salient entities (0 in a document that never names one)."""
    docs = _documents(_data(report))
    series = []
    for name in _salient_entities(docs, limit):
        values, tips = [], []
        for d in docs:
            entity = next((e for e in d.get("entities") or [] if e["name"] == name), None)
            rate = float(entity.get("rate_per_1000_words") or 0.0) if entity else 0.0
            count = int(entity.get("count") or 0) if entity else 0
            values.append(rate)
            tips.append(f"{d['date']}: {name} {rate:.1f} per 1,000 words ({count} mention{'s' * (count != 1)})")
        series.append(Series(f"entity:{name}", name, tuple(d["date"] for d in docs), tuple(values), tuple(tips)))
    return series


def tracked_targets(report: Any, limit: int = 6) -> list[str]:
    """The targets worth a timeline: those of the report's findings, then those of the high- and medium-confidence
    findings of each step, then the most salient entities; each with claims about it on two dates at least (one
    when the report has two documents)."""
    data = _data(report)
    found: list[str] = []
    for finding in data.get("findings") or []:
        found += [t for t in finding.get("targets") or [] if t not in found]
    for finding in _all_findings(data):
        if finding.get("confidence") in ("high", "medium"):
            found += [t for t in finding.get("targets") or [] if t not in found]
    for name in _salient_entities(_documents(data), 3 * limit):
        if f"entity:{name}" not in found:
            found.append(f"entity:{name}")
    needed = 2 if len(data.get("documents") or []) > 2 else 1
    discussed = [t for t in found if sum(bool(claims) for claims in _claims_about(data, t).values()) >= needed]
    return discussed[:limit]


def target_label(target: str) -> str:
    """A target's name for a reader: ``entity:Russia`` -> *Russia*, ``user:bounty_allegations`` -> *bounty
    allegations*, ``np:inflation`` -> *inflation*."""
    kind, _, name = target.partition(":")
    if kind == "user":
        return name.replace("_", " ")
    return name or target


def resolve_target(report: Any, target: str) -> str:
    """The full id of a target given as ``entity:Russia``, ``Russia``, ``user:bounty_allegations``,
    ``bounty_allegations``, or a claim argument key (``ent:Russia``, ``np:inflation``)."""
    data = _data(report)
    entities = {e["name"] for d in data.get("documents") or [] for e in d.get("entities") or []}
    finding_targets = {t for f in _all_findings(data) for t in f.get("targets") or []}
    keys = {a.get("key") for d in data.get("documents") or [] for c in d.get("claims") or []
            for a in c.get("arguments") or []}
    if target in finding_targets or target in keys:
        return target
    if target.startswith("entity:") and target[7:] in entities:
        return target
    if target in entities:
        return f"entity:{target}"
    if f"user:{target}" in finding_targets:
        return f"user:{target}"
    known = sorted(finding_targets | {f"entity:{n}" for n in entities})
    raise ValueError(f"unknown target {target!r}: give an entity name, a target of the findings or a claim argument "
                     f"key; this report has {', '.join(known[:12]) or 'none'}"
                     f"{' ...' if len(known) > 12 else ''}")


def _claims_about(data: Mapping[str, Any], target: str) -> dict[str, list[dict[str, Any]]]:
    """Each document's claims about a target: entity targets by the claims' arguments, user targets by the claims of
    the findings that carry them, argument keys by the claims that have them."""
    docs = _documents(data)
    kind, _, name = target.partition(":")
    about: dict[str, list[dict[str, Any]]] = {d["id"]: [] for d in docs}
    if kind == "user":
        indices: dict[str, set[int]] = {d["id"]: set() for d in docs}
        for finding in _all_findings(data):
            if target in (finding.get("targets") or []):
                for side in (finding.get("from") or {}, finding.get("to") or {}):
                    if side.get("document") in indices:
                        indices[side["document"]].update(side.get("claims") or [])
        for d in docs:
            about[d["id"]] = [c for c in d.get("claims") or [] if c.get("index") in indices[d["id"]]]
        return about
    for d in docs:
        for claim in d.get("claims") or []:
            arguments = claim.get("arguments") or []
            if kind == "entity":
                hit = name in (claim.get("entities") or []) or any(a.get("entity") == name for a in arguments)
            else:
                hit = any(a.get("key") == target for a in arguments)
            if hit:
                about[d["id"]].append(claim)
    return about


def _certainty_tag(score: float) -> str:
    return CERTAINTY_TICKS[max(-3, min(3, round(score)))]


def _author_certainties(claims: Sequence[Mapping[str, Any]]) -> list[str]:
    """How firmly the author holds what the claims say: the author's own claims, a stance counting with the certainty
    it gives the claim it judges (*questionable* -> PS-); only where the author has none, the reported claims as the
    author holds them (mostly uncommitted)."""
    own = [str((c.get("stance") or {}).get("certainty") or c.get("certainty") or "Uu") for c in claims
           if c.get("voice") == "author"]
    return own or [str(c.get("certainty") or "Uu") for c in claims]


def target_series(report: Any, target: str) -> tuple[Series, Series]:
    """A target's certainty (mean FactBank score of the author's claims about it, see :func:`_author_certainties`:
    CT+ 3 ... Uu 0 ... CT- -3) and evaluation (the author's evaluations per claim, favourable > 0: of the entity itself for an
    entity target, of the claims' arguments otherwise) per document; ``None`` where no claim is about it."""
    data = _data(report)
    target = resolve_target(data, target)
    kind, _, name = target.partition(":")
    about = _claims_about(data, target)
    docs = _documents(data)
    dates = tuple(d["date"] for d in docs)
    label = target_label(target)
    certainty: list[float | None] = []
    evaluation: list[float | None] = []
    certainty_tips, evaluation_tips = [], []
    for d in docs:
        claims = about[d["id"]]
        if not claims:
            certainty.append(None)
            evaluation.append(None)
            certainty_tips.append(f"{d['date']}: {label} {ABSENT_LABEL}")
            evaluation_tips.append(f"{d['date']}: {label} {ABSENT_LABEL}")
            continue
        judged = _author_certainties(claims)
        mean = sum(CERTAINTY_SCORES.get(tag, 0) for tag in judged) / len(judged)
        tally: dict[str, int] = {}
        for tag in judged:
            tally[tag] = tally.get(tag, 0) + 1
        counts = ", ".join(f"{tag} \u00d7{n}" for tag, n in sorted(tally.items(), key=lambda x: -x[1]))
        certainty.append(round(mean, 2))
        certainty_tips.append(f"{d['date']}: {label}, mean certainty {mean:+.2f} (about {_certainty_tag(mean)}) "
                              f"over {len(judged)} claim{'s' * (len(judged) != 1)}: {counts}")
        total = 0.0
        for c in claims:
            for e in c.get("evaluations") or []:
                if kind != "entity" or e.get("target") == f"ent:{name}":
                    total += float(e.get("score") or 0.0)
        per_claim = total / len(claims)
        evaluation.append(round(per_claim, 2))
        evaluation_tips.append(f"{d['date']}: {label}, evaluation {per_claim:+.2f} per claim "
                               f"({len(claims)} claim{'s' * (len(claims) != 1)})")
    return (Series(f"{target}/certainty", f"{label}: certainty", dates, tuple(certainty), tuple(certainty_tips)),
            Series(f"{target}/evaluation", f"{label}: evaluation", dates, tuple(evaluation), tuple(evaluation_tips)))


# --- figures ----------------------------------------------------------------------------------------------------------

def _rc() -> Any:
    import matplotlib

    return matplotlib.rc_context(RC)


@lru_cache(maxsize=1)
def _timeline_class() -> "type[Figure]":
    """``Timeline``: a matplotlib Figure that shows itself as SVG in a notebook, without pyplot (made on first use,
    so that matplotlib is imported only then)."""
    from matplotlib.figure import Figure

    class Timeline(Figure):
        """A matplotlib Figure of kalinovsky-nlp that shows itself as SVG in a notebook, without pyplot."""

        def _repr_svg_(self) -> str:
            buffer = io.StringIO()
            with _rc():
                self.savefig(buffer, format="svg", metadata={"Date": None})
            return buffer.getvalue()

    Timeline.__module__ = __name__
    Timeline.__qualname__ = "Timeline"
    return Timeline


def _new_figure(width: float, height: float, ncols: int = 1) -> "Figure":
    figure = _timeline_class()(figsize=(width, height), layout="constrained")
    figure.subplots(1, ncols, squeeze=False)
    return figure


def _x_positions(dates: Sequence[str]) -> list[Any]:
    """Real dates for three or more documents; for two, the positions of a slope chart."""
    if len(dates) == 2:
        return [0, 1]
    return [_dt.date.fromisoformat(d) for d in dates]


def _format_x(ax: "Axes", dates: Sequence[str]) -> None:
    if len(dates) == 2:
        ax.set_xticks([0, 1], list(dates))
        ax.set_xlim(-0.35, 1.35)
        ax.grid(False, axis="x")
        return
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _short_label(label: str, limit: int = 38) -> str:
    """A legend or slope label cut to fit beside the plot (the whole name is in the tooltip and data table)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def _plot_lines(ax: "Axes", series: Sequence[Series], gid_prefix: str, slope_labels: bool = False) -> None:
    for i, s in enumerate(series):
        xs = _x_positions(s.dates)
        ys = [float("nan") if v is None else v for v in s.values]
        (line,) = ax.plot(xs, ys, color=PALETTE[i % len(PALETTE)], marker=MARKERS[i % len(MARKERS)],
                          linestyle=LINESTYLES[i % len(LINESTYLES)], linewidth=1.6, markersize=5.5, label=s.label)
        line.set_gid(f"{gid_prefix}-s{i}")
        if slope_labels and len(s.dates) == 2 and s.values[-1] is not None:
            ax.annotate(f"{_short_label(s.label, 28)} {s.values[-1]:.1f}", (xs[-1], s.values[-1]), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=8, color=PALETTE[i % len(PALETTE)])
    _format_x(ax, series[0].dates if series else ())


def _plot_absent(ax: "Axes", series: Series, y: float, gid: str) -> Any:
    """Grey crosses on the dates where a target is not discussed, so that every date has a mark; the line drawn, or
    None when the target is discussed on every date."""
    absent_x = [x for x, v in zip(_x_positions(series.dates), series.values) if v is None]
    if not absent_x:
        return None
    (line,) = ax.plot(absent_x, [y] * len(absent_x), linestyle="none", marker="x", color="#555555", markersize=5,
                      label=ABSENT_LABEL)
    line.set_gid(gid)
    return line


def _evaluation_limits(values: Sequence[float | None]) -> tuple[float, float]:
    present = [v for v in values if v is not None]
    bound = max([1.0] + [abs(v) for v in present])
    return -bound * 1.15, bound * 1.15


def _draw_target(figure: "Figure", certainty: Series, evaluation: Series, gid_prefix: str) -> None:
    ax_c, ax_e = figure.axes[0], figure.axes[1]
    _plot_lines(ax_c, [certainty], f"{gid_prefix}-certainty")
    absent = _plot_absent(ax_c, certainty, -3.6, f"{gid_prefix}-certainty-absent")
    ax_c.set_ylim(-3.9, 3.4)
    ax_c.set_yticks(list(CERTAINTY_TICKS), list(CERTAINTY_TICKS.values()))
    ax_c.axhline(0, color="#555555", linewidth=0.8)
    ax_c.set_title("the author's certainty (mean)", fontsize=9, loc="left")
    _plot_lines(ax_e, [evaluation], f"{gid_prefix}-evaluation")
    low, high = _evaluation_limits(evaluation.values)
    _plot_absent(ax_e, evaluation, low * 0.95, f"{gid_prefix}-evaluation-absent")
    ax_e.set_ylim(low * 1.05, high)
    ax_e.axhline(0, color="#555555", linewidth=0.8)
    ax_e.set_title("evaluation (+ favourable, \u2212 unfavourable)", fontsize=9, loc="left")
    figure.suptitle(target_label(certainty.key.rsplit("/", 1)[0]), fontsize=10, x=0.01, ha="left")
    if absent is not None:
        figure.legend(handles=[absent], loc="outside upper right", fontsize=8, handletextpad=0.2)


def _draw_lines(figure: "Figure", series: Sequence[Series], ylabel: str, gid_prefix: str) -> None:
    ax = figure.axes[0]
    two = bool(series) and len(series[0].dates) == 2
    _plot_lines(ax, series, gid_prefix, slope_labels=two)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    if not two:
        handles, labels = ax.get_legend_handles_labels()
        figure.legend(handles, [_short_label(label) for label in labels], loc="outside lower center", ncols=3,
                      fontsize=8, handlelength=3)


def _draw_paired_bars(figure: "Figure", series: Sequence[Series], ylabel: str, gid_prefix: str) -> None:
    """Two documents: one pair of bars per series, the earlier date hatched and light, the later solid."""
    ax = figure.axes[0]
    width = 0.38
    dates = series[0].dates
    for side, date in enumerate(dates):
        for i, s in enumerate(series):
            value = s.values[side] or 0.0
            bar = ax.bar(i + (side - 0.5) * width, value, width=width * 0.95,
                         color="#ffffff" if side == 0 else PALETTE[0], edgecolor=PALETTE[0],
                         hatch="////" if side == 0 else None, linewidth=1.0,
                         label=date if i == 0 else None)[0]
            bar.set_gid(f"{gid_prefix}-s{i}-p{side}")
            ax.annotate(f"{value:.1f}", (bar.get_x() + bar.get_width() / 2, value), xytext=(0, 2),
                        textcoords="offset points", ha="center", va="bottom", fontsize=7.5)
    ax.set_xticks(range(len(series)), [s.label for s in series])
    ax.grid(False, axis="x")
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper right", fontsize=8)


def plot_timeline(report: Report | dict[str, Any], target: str | None = None, *, measure: str = "target") -> "Figure":
    """A matplotlib Figure of one timeline, for a notebook or further styling.

    ``target`` (an entity name, ``entity:...``, ``user:...`` or a claim argument key) draws that target's certainty
    and evaluation over the dates; without it, ``measure`` chooses ``"target"`` (the first tracked target),
    ``"markers"`` (the author's marker rates) or ``"entities"`` (the salience of the main entities)."""
    data = _data(report)
    docs = _documents(data)
    if len(docs) < 2:
        raise ValueError(f"a timeline needs at least two dated documents; this report has {len(docs)}")
    if target is None and measure == "target":
        targets = tracked_targets(data)
        if not targets:
            raise ValueError("this report has no target to draw: no finding has one and no entity was found")
        target = targets[0]
    with _rc():
        if target is not None:
            certainty, evaluation = target_series(data, target)
            figure = _new_figure(7.2, 2.5, ncols=2)
            _draw_target(figure, certainty, evaluation, "target")
            return figure
        if measure == "markers":
            series = marker_rate_series(data)
            figure = _new_figure(7.2, 2.8)
            if len(docs) == 2:
                _draw_paired_bars(figure, series, "per 1,000 words", "markers")
            else:
                _draw_lines(figure, series, "per 1,000 words (author's own)", "markers")
            return figure
        if measure == "entities":
            series = entity_salience_series(data)
            if not series:
                raise ValueError("no entity was found in this report's documents")
            figure = _new_figure(7.2, 2.8)
            _draw_lines(figure, series, "mentions per 1,000 words", "entities")
            return figure
    raise ValueError(f"unknown measure {measure!r}: choose target, markers or entities")


# --- SVG for the HTML report ------------------------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"


@dataclass(frozen=True)
class PointGroup:
    """The points one SVG element holds: a line's group holds one ``<use>`` mark per point (dates without a value
    have none); a bar is its own single point."""

    series: str
    points: tuple[tuple[str, str], ...]
    bar: bool = False


#: SVG element id -> the points it holds.
PointPlan = Mapping[str, PointGroup]


def _point_plan(series: Sequence[Series], gid_prefix: str, bars: bool) -> dict[str, PointGroup]:
    """The :data:`PointPlan` of series drawn by :func:`_plot_lines` or :func:`_draw_paired_bars`."""
    plan: dict[str, PointGroup] = {}
    for i, s in enumerate(series):
        if bars:
            for side, (date, tip) in enumerate(zip(s.dates, s.tips)):
                plan[f"{gid_prefix}-s{i}-p{side}"] = PointGroup(s.key, ((date, tip),), bar=True)
        else:
            plan[f"{gid_prefix}-s{i}"] = PointGroup(s.key, tuple((d, t) for d, _, t in s.points()))
    return plan


def _absent_plan(series: Series, gid: str) -> dict[str, PointGroup]:
    """The :data:`PointPlan` of the "not discussed" marks of :func:`_plot_absent`."""
    missing = tuple((d, t) for d, v, t in zip(series.dates, series.values, series.tips) if v is None)
    return {gid: PointGroup(series.key + "/absent", missing)} if missing else {}


def _annotate_points(root: ET.Element, plan: PointPlan) -> None:
    """Give each point its date, its words (an SVG title, and ``data-tip`` for keyboard focus) and a tab stop."""
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    for gid, group in plan.items():
        element = by_id.get(gid)
        if element is None:
            raise RuntimeError(f"chart element {gid} was not drawn")
        element.set("data-series", group.series)
        marks = [element] if group.bar else list(element.iter(f"{{{SVG_NS}}}use"))
        if len(marks) != len(group.points):
            raise RuntimeError(f"chart element {gid}: {len(marks)} marks drawn for {len(group.points)} points")
        absent = group.series.endswith("/absent")
        for mark, (date, tip) in zip(marks, group.points):
            mark.set("class", "kn-point kn-absent" if absent else "kn-point")
            mark.set("tabindex", "0")
            mark.set("data-date", date)
            mark.set("data-tip", tip)
            title = ET.Element(f"{{{SVG_NS}}}title")
            title.text = tip
            mark.insert(0, title)


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make the ids of one chart unique in the page (matplotlib's marker and clip ids repeat between figures)."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', svg)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)


def chart_svg(figure: "Figure", chart_id: str, title: str, description: str,
              plan: PointPlan) -> str:
    """A figure as inline SVG for an HTML page: no XML prolog, metadata or namespace URLs, ids unique to the chart,
    a title and description for screen readers, and each planned point annotated (see :func:`_annotate_points`)."""
    buffer = io.StringIO()
    with _rc():
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(buffer.getvalue().encode("utf-8"))
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"):
                parent.remove(child)
    _annotate_points(root, plan)
    root.attrib.pop("width", None)
    root.attrib.pop("height", None)
    root.set("class", "kn-chart")
    root.set("role", "img")
    root.set("data-chart", chart_id)
    root.set("aria-labelledby", "title desc")
    desc = ET.Element(f"{{{SVG_NS}}}desc", {"id": "desc"})
    desc.text = description
    heading = ET.Element(f"{{{SVG_NS}}}title", {"id": "title"})
    heading.text = title
    root.insert(0, desc)
    root.insert(0, heading)
    svg = ET.tostring(root, encoding="unicode")
    svg = svg.replace(f' xmlns="{SVG_NS}"', "").replace(f' xmlns:xlink="{XLINK_NS}"', "")
    svg = svg.replace("xlink:href=", "href=")
    svg = svg.replace('aria-labelledby="title desc"', f'aria-labelledby="{chart_id}-title {chart_id}-desc"')
    return _prefix_ids(svg, chart_id)


def _close(figure: "Figure") -> None:
    figure.clear()


def timeline_charts(report: Any, max_targets: int = 6) -> list[Chart]:
    """The HTML report's charts: one per tracked target, the marker rates and the entities' salience, each as
    accessible inline SVG. Empty for fewer than two documents."""
    data = _data(report)
    docs = _documents(data)
    if len(docs) < 2:
        return []
    two = len(docs) == 2
    charts: list[Chart] = []
    span = f"{docs[0]['date']} to {docs[-1]['date']}"
    with _rc():
        for number, target in enumerate(tracked_targets(data, max_targets), start=1):
            certainty, evaluation = target_series(data, target)
            chart_id = f"kn-chart-target{number}"
            figure = _new_figure(7.2, 2.3, ncols=2)
            _draw_target(figure, certainty, evaluation, "target")
            plan = {**_point_plan([certainty], "target-certainty", False),
                    **_point_plan([evaluation], "target-evaluation", False),
                    **_absent_plan(certainty, "target-certainty-absent"),
                    **_absent_plan(evaluation, "target-evaluation-absent")}
            label = target_label(target)
            shown = sum(v is not None for v in certainty.values)
            description = (f"{'Slope chart' if two else 'Timeline'} of {label}, {span}: the mean certainty of the "
                           f"author's claims about it (CT+ 3 to CT\u2212 \u22123) and the author's evaluation, in {shown} of "
                           f"{len(docs)} documents; crosses mark the dates where it is not discussed.")
            svg = chart_svg(figure, chart_id, f"Target: {label}", description, plan)
            charts.append(Chart(chart_id, "target", label, description, (certainty, evaluation), svg))
            _close(figure)

        series = marker_rate_series(data)
        figure = _new_figure(7.2, 2.8)
        if two:
            _draw_paired_bars(figure, series, "per 1,000 words (author's own)", "markers")
        else:
            _draw_lines(figure, series, "per 1,000 words (author's own)", "markers")
        description = (f"{'Paired bars' if two else 'Timeline'} of the author's own stance markers per 1,000 words, "
                       f"{span}: " + ", ".join(label for _, label in MARKER_CATEGORIES) + ".")
        svg = chart_svg(figure, "kn-chart-markers", "Stance markers per 1,000 words", description,
                        _point_plan(series, "markers", two))
        charts.append(Chart("kn-chart-markers", "markers", "Stance markers per 1,000 words", description,
                            tuple(series), svg))
        _close(figure)

        series = entity_salience_series(data)
        if series:
            figure = _new_figure(7.2, 2.8)
            _draw_lines(figure, series, "mentions per 1,000 words", "entities")
            description = (f"{'Slope chart' if two else 'Timeline'} of the mentions per 1,000 words of the main "
                           f"entities, {span}: " + ", ".join(s.label for s in series) + ".")
            svg = chart_svg(figure, "kn-chart-entities", "Salience of the main entities", description,
                            _point_plan(series, "entities", False))
            charts.append(Chart("kn-chart-entities", "entities", "Salience of the main entities", description,
                                tuple(series), svg))
            _close(figure)
    return charts
