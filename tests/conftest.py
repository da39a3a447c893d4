"""Shared fixtures: the pipeline and the built-in report are built once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from kalinovsky_nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def builtin_report(nlp):
    from kalinovsky_nlp.analysis import analyze

    return analyze(nlp=nlp)


@pytest.fixture(scope="session")
def builtin_report_dict(builtin_report):
    return builtin_report.to_dict()


@pytest.fixture(scope="session")
def markers_of(nlp):
    """A function: text -> list of (category, subcategory, cue text, voice)."""

    def run(text: str):
        doc = nlp(text)
        return [(s.label_, s._.kn_subcategory, s.text, s._.kn_voice) for s in doc.spans["kn_markers"]]

    return run
