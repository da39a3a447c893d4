"""The analysis entry points: the same report however the work is spread (one process, a pool, an executor)."""

from __future__ import annotations

import datetime
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from kalinovsky_nlp.analysis import analyze, prepare
from kalinovsky_nlp.compare import compare_profiles
from kalinovsky_nlp.corpus import Document, load_corpus
from kalinovsky_nlp.stance import analyse_stance


def _documents(n: int = 9) -> list[Document]:
    base = load_corpus()
    return [Document(id=f"d{i}", date=datetime.date(2000 + i, 1, 1), text=base[i % 2].text[: 600 + 120 * i])
            for i in range(n)]


@pytest.fixture(scope="module")
def serial_report(nlp):
    return analyze(_documents(), nlp=nlp).to_dict()


def test_two_processes_give_the_same_report(nlp, serial_report):
    parallel = analyze(_documents(), nlp=nlp, n_process=2, batch_size=2).to_dict()
    assert parallel["documents"] == serial_report["documents"]
    assert parallel["comparison"] == serial_report["comparison"]
    assert parallel["summary"] == serial_report["summary"]


@pytest.mark.parametrize("steps_per_task", [1, 3, 100])
def test_stance_on_an_executor_matches_serial(nlp, serial_report, steps_per_task):
    from kalinovsky_nlp.analysis import profile_corpus

    profiles = profile_corpus(_documents(), nlp=nlp)
    comparison = compare_profiles(profiles)
    with ThreadPoolExecutor(max_workers=2) as executor:
        findings = analyse_stance(profiles, comparison, executor=executor, steps_per_task=steps_per_task)
    assert len(comparison.steps) == 8 and comparison.first_to_last is not None
    assert comparison.to_dict() == serial_report["comparison"]
    assert findings == serial_report["findings"]


def test_every_step_gets_its_own_stance(serial_report):
    steps = serial_report["comparison"]["steps"]
    assert [(s["from"]["id"], s["to"]["id"]) for s in steps] == [(f"d{i}", f"d{i + 1}") for i in range(8)]
    assert all({"targets", "text_certainty", "shifts", "keyness", "findings"} <= set(s) for s in steps)
    overall = serial_report["comparison"]["first_to_last"]
    assert (overall["from"]["id"], overall["to"]["id"]) == ("d0", "d8")


def test_prepare_loads_what_the_analysis_needs(nlp):
    assert prepare(nlp=nlp) is nlp
    assert "sklearn.feature_extraction.text" in sys.modules and "sklearn.cluster" in sys.modules
