"""The judgement analysis of every comparison step, wherever the steps run.

:func:`step_stance` is a pure function of a step's two profiles (findings and keyness), so steps can run in this
process, in a process pool or on Dask workers; :func:`analyse_stance` runs them and :func:`attach_stance` puts the
results into the comparison.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Sequence

from ._runtime import paused_gc
from .compare import Comparison
from .execution import Executor
from .judgement.align import ClaimFeatures
from .judgement.findings import claim_features, shown_findings, step_findings
from .judgement.targets import Target, finding_targets, load_targets
from .keyness import keyness
from .profile import DocumentProfile
from .results import Finding, StepJudgement

__all__ = ["MAX_FINDINGS", "StepJudgement", "analyse_stance", "attach_stance", "corpus_targets", "step_stance"]

#: Findings the report leads with (first to last), at most.
MAX_FINDINGS = 6
#: Consecutive comparison steps per task when an executor runs them (each task carries its profiles).
STEPS_PER_TASK = 16


def step_stance(earlier: DocumentProfile, later: DocumentProfile, user_targets: Sequence[Target],
                features: tuple[Sequence[ClaimFeatures], Sequence[ClaimFeatures]] | None = None) -> StepJudgement:
    """Findings (strongest first, with their targets) and keyness of one comparison step (``features``: the two
    documents' :func:`kalinovsky_nlp.judgement.findings.claim_features`, when computed for a run of steps)."""
    findings = tuple(dataclasses.replace(f, targets=finding_targets(f, user_targets))
                     for f in step_findings(earlier, later, features))
    return StepJudgement(findings=findings, keyness=keyness(earlier.terms, later.terms))


def _steps_task(task: tuple[Sequence[DocumentProfile], Sequence[Target]]) -> list[StepJudgement]:
    """One task of the execution seam: a run of date-ordered profiles and the user's targets."""
    return _consecutive_steps(*task)


def _consecutive_steps(profiles: Sequence[DocumentProfile], user_targets: Sequence[Target]) -> list[StepJudgement]:
    """step_stance for every consecutive pair of a run of date-ordered profiles (one task for an executor), with the
    garbage collector paused (:func:`kalinovsky_nlp._runtime.paused_gc`)."""
    with paused_gc():
        features = [claim_features(p) for p in profiles]  # each document takes part in two steps
        return [step_stance(a, b, user_targets, (features[i], features[i + 1]))
                for i, (a, b) in enumerate(zip(profiles, profiles[1:]))]


def _for_stance(profile: DocumentProfile) -> DocumentProfile:
    """A copy of a profile with what step_stance reads (metadata, claims, sentences, terms) and nothing else."""
    return dataclasses.replace(profile, document=dataclasses.replace(profile.document, text="", boilerplate=()),
                               markers=[], attributions=[], entities=[])


def _runs(profiles: Sequence[DocumentProfile], size: int) -> list[Sequence[DocumentProfile]]:
    """Runs of ``size`` steps: consecutive slices that overlap by one profile."""
    return [profiles[i : i + size + 1] for i in range(0, len(profiles) - 1, size)]


def corpus_targets(profiles: Sequence[DocumentProfile], targets: str | Path | None = None) -> list[Target]:
    """The user's targets (a targets file), if any: findings are labelled with the ones they match."""
    del profiles
    return load_targets(targets) if targets else []


def attach_stance(comparison: Comparison, step_results: Sequence[StepJudgement],
                  overall_result: StepJudgement | None, chosen: Sequence[Target]) -> list[Finding]:
    """Put each step's :func:`step_stance` result (in step order) into the comparison; return the findings the report
    leads with (the confident ones of the step that spans the whole period)."""
    del chosen
    for step, result in zip(comparison.steps, step_results, strict=True):
        step.findings = list(result.findings)
        step.keyness = result.keyness
    if comparison.first_to_last is not None:
        if overall_result is None:
            raise ValueError("a first-to-last comparison needs its own step_stance result")
        comparison.first_to_last.findings = list(overall_result.findings)
        comparison.first_to_last.keyness = overall_result.keyness
    overall = comparison.overall
    return shown_findings(overall.findings, MAX_FINDINGS) if overall is not None else []


def analyse_stance(profiles: Sequence[DocumentProfile], comparison: Comparison, *, targets: str | Path | None = None,
                   executor: Executor | None = None, steps_per_task: int = STEPS_PER_TASK) -> list[Finding]:
    """Findings and keyness for every step; return the overall findings the report leads with. ``executor``: where
    the runs of ``steps_per_task`` consecutive steps are analysed (:mod:`kalinovsky_nlp.execution`; default here)."""
    chosen = corpus_targets(profiles, targets)
    if not comparison.steps:
        return []
    ordered = [s.earlier for s in comparison.steps] + [comparison.steps[-1].later]
    tasks = _runs(ordered, steps_per_task)
    overall_step = comparison.first_to_last
    if overall_step is not None:
        tasks.append([overall_step.earlier, overall_step.later])
    if executor is None or executor.workers == 1 or len(tasks) == 1:
        results = [_consecutive_steps(run, chosen) for run in tasks]
    else:  # the tasks carry only what the analysis of a step reads
        slim = {id(p): _for_stance(p) for p in ordered}
        results = list(executor.map(_steps_task, [([slim[id(p)] for p in run], chosen) for run in tasks]))
    overall_result = results.pop()[0] if overall_step is not None else None
    return attach_stance(comparison, [extras for batch in results for extras in batch], overall_result, chosen)
