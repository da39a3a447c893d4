"""Attribution-aware stance analysis: claims, targets, shifts across dates, keyness and the leading findings.

:func:`analyse_stance` adds to every comparison step its ``shifts``, ``targets`` and ``keyness`` and returns the
findings the report leads with: one per target, strongest first, each quoting its evidence from both dates.
Everything is computed from the texts; nothing is looked up from a list of expected findings.
"""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path
from typing import Any, Sequence

from .._runtime import paused_gc
from ..compare import Comparison
from ..profile import DocumentProfile
from .keyness import keyness
from .shifts import summarise_claims, target_shifts
from .space import ClaimSpace
from .targets import TEXT_TARGET, Target, claims_for, entity_targets, load_targets, proposition_targets

__all__ = ["analyse_stance", "attach_stance", "corpus_targets", "step_stance", "finding_statement",
           "MAX_FINDINGS"]

MAX_FINDINGS = 6
#: Consecutive comparison steps per task when an executor runs them (each task carries its profiles).
STEPS_PER_TASK = 16
LEVEL_WORDS = {3: "certain", 2: "probable", 1: "possible", 0: "uncommitted"}


def _terms(profile: DocumentProfile) -> list[str]:
    """The claims' lemma keys as words for keyness: ``ent:united_states`` -> ``united states``."""
    return [t.replace("ent:", "").replace("_", " ") if ("_" in t or ":" in t) else t
            for t in " ".join(c["lemmas"] for c in profile.claims).split()]


def _certainty_words(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f} ({LEVEL_WORDS[max(0, min(3, round(value)))]})"


def _subject(target: str, kind: str) -> str:
    return target if kind == "entity" else f"\u201c{target}\u201d"


def finding_statement(target: str, shifts: list[dict[str, Any]], earlier: str, later: str, kind: str = "entity") -> str:
    """One plain-language sentence for all shifts of one target."""
    parts = []
    for s in shifts:
        change, before, after = s["kind"], s["from"]["value"], s["to"]["value"]
        if change == "new":
            parts.append(f"new in {later} ({after} claims, none in {earlier})")
        elif change == "dropped":
            parts.append(f"no longer discussed in {later} ({before} claims in {earlier})")
        elif change in ("certainty_up", "certainty_down"):
            direction = "more" if change == "certainty_up" else "less"
            parts.append(f"asserted with {direction} certainty (mean commitment {_certainty_words(before)} -> "
                         f"{_certainty_words(after)}; CT 3, PR 2, PS 1, Uu 0)")
        elif change == "evaluation_reversed":
            parts.append(f"judged the other way round (evaluation {before:+.1f} -> {after:+.1f})")
        elif change in ("evaluation_softened", "evaluation_hardened"):
            mildly = change == "evaluation_softened"
            direction = "more favourably" if after > before else "less favourably"
            parts.append(f"judged {'more mildly' if mildly else 'more sharply'}, {direction} (evaluation "
                         f"{before:+.1f} -> {after:+.1f})")
        elif change == "reported_to_asserted":
            parts.append(f"moved from others' words into the author's own voice (share reported {before:.0%} -> "
                         f"{after:.0%})")
        elif change == "asserted_to_reported":
            parts.append(f"moved from the author's own voice into reported speech (share reported {before:.0%} -> "
                         f"{after:.0%})")
    subject = _subject(target, kind)
    if not parts:
        return f"{subject}: no change between {earlier} and {later}."
    text = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]
    return f"{subject}: {text}."


def _findings(earlier: DocumentProfile, later: DocumentProfile, shifts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_target: dict[str, list[dict[str, Any]]] = {}
    for s in shifts:
        by_target.setdefault(s["target_id"], []).append(s)
    earlier_date, later_date = earlier.date.isoformat(), later.date.isoformat()
    findings = []
    for target_id, items in by_target.items():
        items.sort(key=lambda s: -s["strength"])
        lead = items[0]
        findings.append({
            "target": lead["target"],
            "target_id": target_id,
            "target_kind": lead["target_kind"],
            "kinds": [s["kind"] for s in items],
            "strength": lead["strength"],
            "statement": finding_statement(lead["target"], items, earlier_date, later_date, lead["target_kind"]),
            "from": {"date": earlier_date, "evidence": lead["from"]["evidence"], "cues": lead["from"]["cues"],
                     "evidence_details": lead["from"]["evidence_details"]},
            "to": {"date": later_date, "evidence": lead["to"]["evidence"], "cues": lead["to"]["cues"],
                   "evidence_details": lead["to"]["evidence_details"]},
        })
    findings.sort(key=lambda f: (-f["strength"], f["target"]))
    return findings


def step_stance(earlier: DocumentProfile, later: DocumentProfile, corpus_targets: Sequence[Target]) -> dict[str, Any]:
    """Targets, text-level certainty, shifts, keyness and findings of one comparison step.

    A pure function of the step's two profiles and the corpus-level targets, so steps can run anywhere (a process
    pool, a Dask worker) and in any order. Proposition targets are clustered from the step's two documents, so the
    cost grows with the number of steps, not with the square of the corpus."""
    space = ClaimSpace(earlier.claims + later.claims)
    targets = list(corpus_targets) + proposition_targets([earlier, later], space=space)
    whole_a = summarise_claims(claims_for(TEXT_TARGET, earlier), TEXT_TARGET)
    whole_b = summarise_claims(claims_for(TEXT_TARGET, later), TEXT_TARGET)
    baseline = None
    if whole_a["mean_certainty"] is not None and whole_b["mean_certainty"] is not None:
        baseline = whole_b["mean_certainty"] - whole_a["mean_certainty"]
    shifts: list[dict[str, Any]] = list(target_shifts(TEXT_TARGET, earlier, later, space=space))
    for target in targets:
        shifts.extend(target_shifts(target, earlier, later, baseline_change=baseline, space=space))
    shifts.sort(key=lambda s: (-s["strength"], s["target"]))
    return {
        "targets": [t.to_dict() for t in targets],
        "text_certainty": {"from": whole_a, "to": whole_b, "change": None if baseline is None else round(baseline, 2)},
        "shifts": shifts,
        "keyness": keyness(_terms(earlier), _terms(later)),
        "findings": _findings(earlier, later, shifts),
    }


def _consecutive_steps(profiles: Sequence[DocumentProfile], corpus_targets: Sequence[Target]) -> list[dict[str, Any]]:
    """step_stance for every consecutive pair of a run of date-ordered profiles (one task for an executor), with the
    garbage collector paused (:func:`kalinovsky_nlp._runtime.paused_gc`)."""
    with paused_gc():
        return [step_stance(a, b, corpus_targets) for a, b in zip(profiles, profiles[1:])]


def _for_stance(profile: DocumentProfile) -> DocumentProfile:
    """A copy of a profile with what step_stance reads (metadata, entities, claims) and nothing else, to ship."""
    import dataclasses

    return dataclasses.replace(profile, document=dataclasses.replace(profile.document, text="", boilerplate=()),
                               markers=[], sentences=[], attributions=[])


def _runs(profiles: Sequence[DocumentProfile], size: int) -> list[Sequence[DocumentProfile]]:
    """Runs of ``size`` steps: consecutive slices that overlap by one profile."""
    return [profiles[i : i + size + 1] for i in range(0, len(profiles) - 1, size)]


def corpus_targets(profiles: Sequence[DocumentProfile], targets: str | Path | None = None) -> list[Target]:
    """The targets tracked through every step: the user's (a targets file), then the corpus's salient entities."""
    chosen: list[Target] = load_targets(targets) if targets else []
    return chosen + entity_targets(profiles)


def attach_stance(
    comparison: Comparison,
    step_results: Sequence[dict[str, Any]],
    overall_result: dict[str, Any] | None,
    chosen: Sequence[Target],
) -> list[dict[str, Any]]:
    """Put each step's :func:`step_stance` result (in step order) into the comparison; return the overall
    findings. Lets a backend compute the steps wherever its profiles are (Dask: on the workers that made them)."""
    for step, extras in zip(comparison.steps, step_results, strict=True):
        step.extras.update(extras)
    if comparison.first_to_last is not None:
        if overall_result is None:
            raise ValueError("a first-to-last comparison needs its own step_stance result")
        comparison.first_to_last.extras.update(overall_result)
    overall = comparison.overall
    comparison.extras["shifts"] = overall.extras["shifts"] if overall else []
    comparison.extras["targets"] = overall.extras["targets"] if overall else [t.to_dict() for t in chosen]
    findings = overall.extras["findings"] if overall else []
    return findings[:MAX_FINDINGS]


def analyse_stance(
    profiles: Sequence[DocumentProfile],
    comparison: Comparison,
    *,
    targets: str | Path | None = None,
    executor: Executor | None = None,
    steps_per_task: int = STEPS_PER_TASK,
) -> list[dict[str, Any]]:
    """Find targets, shifts and keyness for every step; return the overall findings, strongest first.

    ``executor``: a :class:`concurrent.futures.Executor` (a process pool, or a Dask client's ``get_executor()``)
    to run the steps on, ``steps_per_task`` consecutive steps per task; without one they run here. The result
    is the same either way."""
    if not comparison.steps:
        comparison.extras["shifts"] = []
        comparison.extras["targets"] = []
        return []
    chosen = corpus_targets(profiles, targets)
    ordered = [s.earlier for s in comparison.steps] + [comparison.steps[-1].later]
    tasks = _runs(ordered, steps_per_task)
    overall_step = comparison.first_to_last
    if overall_step is not None:
        tasks.append([overall_step.earlier, overall_step.later])
    if executor is None or len(tasks) == 1:
        results = [_consecutive_steps(run, chosen) for run in tasks]
    else:  # the tasks carry only what the stance analysis reads (two thirds of a profile's pickled size)
        slim = {id(p): _for_stance(p) for p in ordered}  # the first-to-last pair is ordered's ends
        tasks = [[slim[id(p)] for p in run] for run in tasks]
        results = list(executor.map(_consecutive_steps, tasks, [chosen] * len(tasks)))
    overall_result = results.pop()[0] if overall_step is not None else None
    return attach_stance(comparison, [extras for batch in results for extras in batch], overall_result, chosen)
