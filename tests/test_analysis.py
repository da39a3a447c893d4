"""The analysis entry points: the same report however the work is spread (one process, a pool, an executor)."""

from __future__ import annotations

import datetime
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from kalinovsky_nlp.analysis import analyze, prepare, worker_chunks
from kalinovsky_nlp.compare import compare_profiles
from kalinovsky_nlp.corpus import Document, load_corpus
from kalinovsky_nlp.schema import finding_to_dict
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


class _ThreadExecutor:
    """The execution seam on threads, to check that step runs of any size give the serial result."""

    workers = 2

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=2)

    def map(self, function, tasks):
        return self.pool.map(function, tasks)

    def close(self) -> None:
        self.pool.shutdown()


@pytest.mark.parametrize("steps_per_task", [1, 3, 100])
def test_stance_on_an_executor_matches_serial(nlp, serial_report, steps_per_task):
    from kalinovsky_nlp.analysis import profile_corpus

    profiles = profile_corpus(_documents(), nlp=nlp)
    comparison = compare_profiles(profiles)
    executor = _ThreadExecutor()
    try:
        findings = analyse_stance(profiles, comparison, executor=executor, steps_per_task=steps_per_task)
    finally:
        executor.close()
    assert len(comparison.steps) == 8 and comparison.first_to_last is not None
    assert comparison.to_dict() == serial_report["comparison"]
    assert [finding_to_dict(f) for f in findings] == serial_report["findings"]


def test_every_step_gets_its_own_stance(serial_report):
    steps = serial_report["comparison"]["steps"]
    assert [(s["from"]["id"], s["to"]["id"]) for s in steps] == [(f"d{i}", f"d{i + 1}") for i in range(8)]
    assert all({"keyness", "findings"} <= set(s) for s in steps)
    overall = serial_report["comparison"]["first_to_last"]
    assert (overall["from"]["id"], overall["to"]["id"]) == ("d0", "d8")


def test_prepare_returns_the_pipeline_it_was_given(nlp):
    assert prepare(nlp=nlp) is nlp


def test_prepare_loads_the_syllable_table_and_not_scikit_learn_or_scipy():
    """In a fresh process (other tests import scikit-learn here): after prepare(), the syllable table is loaded and
    the report's path needs neither scikit-learn nor SciPy."""
    import subprocess

    script = (
        "import sys\n"
        "from kalinovsky_nlp.analysis import prepare\n"
        "prepare()\n"
        "from kalinovsky_nlp.textstats import syllable_table\n"
        "print(syllable_table.cache_info().currsize, any(m.split('.')[0] in ('sklearn', 'scipy') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1", "False"]


def test_report_from_profiles_of_several_runs_equals_analyze(nlp, serial_report):
    from kalinovsky_nlp.analysis import iter_profiles, report_from_profiles

    documents = _documents()
    later, earlier = documents[4:], documents[:4]
    profiles = list(iter_profiles(later, nlp=nlp)) + list(iter_profiles(earlier, nlp=nlp))  # any order
    report = report_from_profiles(profiles).to_dict()
    assert [d["id"] for d in report["documents"]] == [d.id for d in documents]
    assert report["comparison"] == serial_report["comparison"]
    assert report["summary"] == serial_report["summary"]


def test_one_executor_serves_several_calls_with_the_same_result(nlp, serial_report):
    from kalinovsky_nlp.analysis import iter_profiles, report_from_profiles
    from kalinovsky_nlp.execution import ForkedProcesses

    documents = _documents()
    prepare(nlp=nlp)
    with ForkedProcesses(nlp, 2) as executor:
        profiles = list(iter_profiles(documents[:5], executor=executor))
        profiles += list(iter_profiles(documents[5:], executor=executor))
        report = report_from_profiles(profiles, executor=executor).to_dict()
    assert report["comparison"] == serial_report["comparison"]


def test_every_mode_gives_the_same_model_field_and_progress(nlp):
    """In this process, in forked processes or through an explicit executor: the same model dict, and the progress
    callback sees every document in order."""
    from kalinovsky_nlp.execution import InProcess

    documents = _documents(4)
    seen: dict[str, list[str]] = {"one": [], "two": [], "executor": []}
    one = analyze(documents, nlp=nlp, on_document=lambda p: seen["one"].append(p.id)).to_dict()
    two = analyze(documents, nlp=nlp, n_process=2, on_document=lambda p: seen["two"].append(p.id)).to_dict()
    three = analyze(documents, executor=InProcess(nlp), on_document=lambda p: seen["executor"].append(p.id)).to_dict()
    assert one["model"] == two["model"] == three["model"]
    assert seen["one"] == seen["two"] == seen["executor"] == [d.id for d in documents]


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"n_process": 0}])
def test_analyze_rejects_nonsense_settings(bad):
    with pytest.raises(ValueError, match="at least 1"):
        analyze(_documents(2), **bad)


@pytest.mark.parametrize(
    ("documents", "n_process", "sizes"),
    [
        (32, 2, [16, 16]),  # full rounds: chunks of worker_chunk_size
        (22, 2, [11, 11]),  # the last round is shared evenly, not 16 + 6
        (70, 2, [16, 16, 16, 16, 3, 3]),
        (1, 2, [1]),  # never an empty task
        (2, 2, [1, 1]),  # a corpus smaller than a chunk still uses both workers
        (47, 3, [15, 16, 16]),
        (20, 1, [16, 4]),
    ],
)
def test_worker_chunks_share_the_last_round_evenly(documents, n_process, sizes):
    chunks = list(worker_chunks(iter(range(documents)), 16, n_process))
    assert [len(c) for c in chunks] == sizes
    assert [i for c in chunks for i in c] == list(range(documents))


def test_worker_chunks_read_the_stream_one_round_ahead_only():
    seen = []

    def stream():
        for i in range(1000):
            seen.append(i)
            yield i

    first = next(worker_chunks(stream(), 16, 2))
    assert first == list(range(16)) and len(seen) == 32
