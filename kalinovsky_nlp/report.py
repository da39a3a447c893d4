"""The report: one serialisable object with every document's profile, the comparison and plain-language findings.

``Report.to_dict()`` follows the versioned JSON contract of ``docs/report-schema.md``; renderers in
:mod:`kalinovsky_nlp.renderers` turn the same object into text or Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .compare import Comparison, Step
from .profile import DocumentProfile
from .results import Finding
from .judgement.wording import CERTAINTY_LEGEND, narrative
from .schema import SCHEMA_VERSION, finding_to_dict

__all__ = ["SCHEMA_VERSION", "Report", "build_report", "summarize"]


CATEGORY_NAMES = {
    "hedge": "hedges",
    "booster": "boosters",
    "attitude": "attitude markers",
    "self_mention": "self-mentions",
    "engagement": "engagement markers",
}


@dataclass
class Report:
    documents: list[DocumentProfile]
    comparison: Comparison
    summary: list[str]
    model: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    narrative: list[str] = field(default_factory=list)
    #: What the analysis went on with but the reader must know (skipped files, one document, same dates, no words,
    #: probably not English): :mod:`kalinovsky_nlp.corpuschecks`.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        from . import __version__

        return {
            "schema_version": SCHEMA_VERSION,
            "generator": {"name": "kalinovsky-nlp", "version": __version__},
            "model": dict(self.model),
            "documents": [p.to_dict() for p in self.documents],
            "comparison": self.comparison.to_dict(),
            "narrative": list(self.narrative),
            "certainty_legend": CERTAINTY_LEGEND,
            "findings": [finding_to_dict(f) for f in self.findings],
            "summary": list(self.summary),
            "warnings": list(self.warnings),
        }

    def __repr__(self) -> str:
        """One line: documents, dates and findings (the data itself is in ``to_dict()``)."""
        dates = sorted(p.date.isoformat() for p in self.documents)
        span = f" from {dates[0]} to {dates[-1]}" if len(dates) > 1 else (f" of {dates[0]}" if dates else "")
        levels = [c for c in ("high", "medium", "low") if any(f.confidence == c for f in self.findings)]
        confidence = ", ".join(f"{sum(f.confidence == c for f in self.findings)} {c}" for c in levels)
        return (f"<Report: {len(self.documents)} document{'s' * (len(self.documents) != 1)}{span}; "
                f"{len(self.findings)} finding{'s' * (len(self.findings) != 1)}"
                f"{' (' + confidence + ')' if confidence else ''}>")

    def _repr_html_(self) -> str:
        """The compact notebook view: the narrative and the findings with their evidence highlighted."""
        from .renderers.html import render_notebook

        return render_notebook(self.to_dict())


def _years(step: Step) -> tuple[str, str]:
    return step.earlier.date.isoformat(), step.later.date.isoformat()


def _more_or_less(change: float, unit: str, precision: int = 1) -> str:
    if abs(change) < 10 ** -precision:
        return f"about the same {unit}"
    return f"{abs(change):.{precision}f} {unit} {'more' if change > 0 else 'fewer'}"


def summarize_step(step: Step) -> list[str]:
    """Plain-language findings on measures, markers and entities for one comparison."""
    a, b = _years(step)
    lines = []
    words = step.stats["words"]
    fre = step.readability.get("flesch_reading_ease")
    reading = ""
    if fre is not None and fre.change is not None:
        reading = (f"; Flesch reading ease {fre.earlier} -> {fre.later} "
                   f"({'easier' if fre.change > 0 else 'harder' if fre.change < 0 else 'as easy'} to read)")
    lines.append(f"The {b} text has {words.later:,} words against {words.earlier:,} in {a}{reading}.")
    changes = []
    for category in ("hedge", "booster", "attitude", "self_mention"):
        m = step.markers.category(category)
        changes.append(f"{CATEGORY_NAMES[category]} {m.from_rate:.1f} -> {m.to_rate:.1f}")
    lines.append(f"The author's own stance markers per 1,000 words, {a} -> {b}: " + "; ".join(changes) + ".")
    share = step.markers.share_sentences_with_hedge
    if share.earlier is not None and share.later is not None:
        lines.append(
            f"Sentences with a hedge: {share.earlier:.0%} in {a}, {share.later:.0%} in {b}."
        )
    ents = step.entities
    if ents.salience_changes:
        rising = [c for c in ents.salience_changes if c.prominence == "more"][:3]
        falling = [c for c in ents.salience_changes if c.prominence == "less"][:3]
        if rising:
            lines.append(
                "More prominent in " + b + ": "
                + ", ".join(f"{c.name} ({c.from_count} -> {c.to_count} mentions)" for c in rising) + "."
            )
        if falling:
            lines.append(
                "Less prominent in " + b + ": "
                + ", ".join(f"{c.name} ({c.from_count} -> {c.to_count} mentions)" for c in falling) + "."
            )
    if ents.only_later:
        lines.append("New in " + b + ": " + ", ".join(e.name for e in ents.only_later[:6]) + ".")
    if ents.only_earlier:
        lines.append("Gone after " + a + ": " + ", ".join(e.name for e in ents.only_earlier[:6]) + ".")
    return lines


def summarize(profiles: list[DocumentProfile], comparison: Comparison, findings: list[Finding] | None = None) -> list[str]:
    """The report's summary of what the author writes about and how: measure, marker and entity changes (the
    judgement findings have their own section and narrative)."""
    lines: list[str] = []
    del findings
    overall = comparison.overall
    if overall is not None:
        lines.extend(summarize_step(overall))
    elif len(profiles) == 1:
        p = profiles[0]
        lines.append(f"One document ({p.date.isoformat()}, {p.stats.words:,} words): nothing to compare across dates.")
    return lines


def build_report(
    profiles: list[DocumentProfile],
    comparison: Comparison,
    findings: list[Finding],
    model: dict[str, Any] | None = None,
) -> Report:
    """The report from its parts, with its narrative and summary (every backend ends here)."""
    overall = comparison.overall
    story = narrative(findings, overall.earlier.date.isoformat(), overall.later.date.isoformat()) if overall else []
    return Report(documents=list(profiles), comparison=comparison, summary=summarize(profiles, comparison, findings),
                  model=dict(model or {}), findings=findings, narrative=story)
