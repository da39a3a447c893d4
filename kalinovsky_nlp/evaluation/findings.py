"""Judgement findings scored against gold judgement changes (``docs/annotation/judgement-changes.md``).

A finding the report shows (the confident ones: the overall findings and those of each step) is **valid** when it
matches a gold change, main or minor: the same two documents, the same direction (at least one kind in common), and
on each date the gold has evidence for, at least one evidence sentence in common (sentences compared with their
white space collapsed; one may contain the other, since sentence splitters differ). **Precision** is valid findings
over findings shown; **recall** is the share of *main* gold changes that some finding matches (recall over all gold
changes is given too). Findings are read from a report's JSON data, so saved reports can be scored as well.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

__all__ = ["FindingsScore", "GoldChange", "load_gold_changes", "reported_findings", "score_findings"]

#: How many findings of each step and of the whole period a report shows (as the renderers do).
STEP_SHOWN = 3
OVERALL_SHOWN = 6


def _normal(sentence: str) -> str:
    return " ".join(sentence.split()).strip(" \"'\u201c\u201d\u2018\u2019")


@dataclass(frozen=True)
class GoldChange:
    """One gold judgement change between two documents."""

    id: str
    scope: str
    importance: str
    proposition: str
    kinds: tuple[str, ...]
    earlier: str
    later: str
    evidence_earlier: tuple[str, ...]
    evidence_later: tuple[str, ...]


def load_gold_changes(path: str | Path) -> list[GoldChange]:
    """The changes of a gold file in the format of ``tests/gold/judgement_changes/``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [GoldChange(id=c["id"], scope=c["scope"], importance=c["importance"], proposition=c["proposition"],
                       kinds=tuple(c["kinds"]), earlier=c["from"]["doc"], later=c["to"]["doc"],
                       evidence_earlier=tuple(_normal(s) for s in c["from"]["evidence"]),
                       evidence_later=tuple(_normal(s) for s in c["to"]["evidence"]))
            for c in data["changes"]]


def reported_findings(report: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(scope, finding) for every finding a report shows: ``overall`` for the findings of the whole period (the only
    step when there are two documents), ``step`` for those of each step of a longer corpus."""
    comparison = report.get("comparison") or {}
    steps = comparison.get("steps") or []
    overall = comparison.get("first_to_last") or (steps[0] if len(steps) == 1 else None)
    if overall is not None:
        for finding in _shown(overall.get("findings") or [], OVERALL_SHOWN):
            yield "overall", finding
    if len(steps) > 1:
        for step in steps:
            for finding in _shown(step.get("findings") or [], STEP_SHOWN):
                yield "step", finding


def _shown(findings: Sequence[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    return [f for f in findings if f["confidence"] in ("high", "medium")][:limit]


def _shares_sentence(found: Sequence[str], gold: Sequence[str]) -> bool:
    found_normal = [_normal(s) for s in found]
    return any(f == g or (len(f) > 20 and f in g) or (len(g) > 20 and g in f) for f in found_normal for g in gold)


def matches(finding: dict[str, Any], change: GoldChange, scope: str) -> bool:
    """Whether a finding shown in ``scope`` is the gold change (see the module docstring)."""
    if change.scope != scope and not (scope == "overall" and change.scope == "overall"):
        return False
    if finding["from"]["document"] != change.earlier or finding["to"]["document"] != change.later:
        return False
    if not set(finding["kinds"]) & set(change.kinds):
        return False
    if change.evidence_earlier and not _shares_sentence(finding["from"]["evidence"], change.evidence_earlier):
        return False
    if change.evidence_later and not _shares_sentence(finding["to"]["evidence"], change.evidence_later):
        return False
    return True


@dataclass
class FindingsScore:
    """Precision of the findings shown, recall of the main (and of all) gold changes, and the lists behind them."""

    findings: int = 0
    valid: int = 0
    main_changes: int = 0
    main_found: int = 0
    all_changes: int = 0
    all_found: int = 0
    invalid: list[dict[str, Any]] = field(default_factory=list)
    missed: list[GoldChange] = field(default_factory=list)
    matched: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.valid / self.findings if self.findings else 0.0

    @property
    def recall(self) -> float:
        return self.main_found / self.main_changes if self.main_changes else 0.0

    @property
    def recall_all(self) -> float:
        return self.all_found / self.all_changes if self.all_changes else 0.0


def score_findings(report: dict[str, Any], gold: Sequence[GoldChange]) -> FindingsScore:
    """Score a report's shown findings against gold changes."""
    score = FindingsScore(main_changes=sum(c.importance == "main" for c in gold), all_changes=len(gold))
    found: set[str] = set()
    for scope, finding in reported_findings(report):
        score.findings += 1
        hits = [c for c in gold if matches(finding, c, scope)]
        if hits:
            score.valid += 1
            found.update(c.id for c in hits)
            score.matched.append((finding["statement"], ", ".join(c.id for c in hits)))
        else:
            score.invalid.append({"scope": scope, **finding})
    score.main_found = sum(c.importance == "main" and c.id in found for c in gold)
    score.all_found = sum(c.id in found for c in gold)
    score.missed = [c for c in gold if c.id not in found and c.importance == "main"]
    return score


def format_score(title: str, score: FindingsScore, verbose: bool = False) -> str:
    """The printed lines of one corpus's score."""
    lines = [f"Judgement findings, {title}",
             f"  findings shown {score.findings}, valid {score.valid}: precision {score.precision:.2f}",
             f"  main gold changes {score.main_changes}, found {score.main_found}: recall {score.recall:.2f} "
             f"(all gold changes {score.all_changes}, found {score.all_found}: {score.recall_all:.2f})"]
    if verbose:
        lines += ["  valid:"] + [f"    + {statement[:150]}  [{ids}]" for statement, ids in score.matched]
        lines += ["  not in the gold:"] + [f"    - ({f['scope']} {f['from']['date']} -> {f['to']['date']}) "
                                           f"{f['statement'][:150]}" for f in score.invalid]
        lines += ["  main changes missed:"] + [f"    * {c.id} ({c.earlier} -> {c.later}, {', '.join(c.kinds)}): "
                                               f"{c.proposition}" for c in score.missed]
    return "\n".join(lines)


def shared_corpus(name: str, start: Path | None = None) -> Path | None:
    """A corpus of ``../shared/data/corpora/`` next to the source checkout or the working directory, if present."""
    for base in filter(None, [start, Path.cwd(), Path(__file__).resolve().parents[2]]):
        candidate = base.parent / "shared" / "data" / "corpora" / name
        if candidate.exists():
            return candidate
    return None


