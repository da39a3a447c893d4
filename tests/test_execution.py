"""The execution seam: ordered maps in this process and in forked workers, the pipeline a task sees, task chunks."""

from __future__ import annotations

import itertools
import multiprocessing

import pytest

from kalinovsky_nlp import execution
from kalinovsky_nlp.execution import (
    ForkedProcesses,
    InProcess,
    chunks,
    processes,
    task_pipeline,
    use_pipeline,
    worker_chunk_size,
    worker_chunks,
)

CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def square(x: int) -> int:
    return x * x


def pipeline_name(_: object) -> str:
    return str(task_pipeline())


@pytest.fixture
def no_pipeline():
    previous = execution._PIPELINE
    use_pipeline(None)
    yield
    use_pipeline(previous)


# --- chunks --------------------------------------------------------------------------------------------------------

def test_chunks_are_consecutive_and_the_last_may_be_shorter():
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks(range(6), 3)) == [[0, 1, 2], [3, 4, 5]]
    assert list(chunks([], 3)) == []


def test_chunks_are_read_lazily():
    first = next(chunks(itertools.count(), 4))
    assert first == [0, 1, 2, 3]


# --- worker chunks -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("batch, size", [(1, 16), (16, 16), (64, 64)])
def test_a_worker_task_holds_at_least_sixteen_documents(batch, size):
    assert worker_chunk_size(batch) == size


@pytest.mark.parametrize("items, batch, workers, sizes", [
    (22, 4, 2, [11, 11]),                # the last round shared evenly, not 16 and 6
    (40, 16, 2, [16, 16, 4, 4]),         # full rounds of full chunks, then the rest shared
    (64, 16, 2, [16, 16, 16, 16]),
    (3, 16, 4, [1, 1, 1]),               # fewer documents than workers: one each
    (10, 16, 1, [10]),
    (0, 16, 2, []),
    (50, 16, 3, [16, 16, 16, 1, 1]),    # a last round of two documents for three workers
])
def test_worker_chunks(items, batch, workers, sizes):
    tasks = list(worker_chunks(range(items), batch, workers))
    assert [len(t) for t in tasks] == sizes
    assert [x for t in tasks for x in t] == list(range(items))  # input order


def test_worker_chunks_read_one_round_ahead():
    read = []

    def stream():
        for n in itertools.count():
            read.append(n)
            yield n

    first = next(worker_chunks(stream(), 16, 2))
    assert first == list(range(16))
    assert len(read) == 32  # one round: two chunks of 16


def test_worker_chunks_need_a_worker():
    with pytest.raises(ValueError, match="at least 1"):
        list(worker_chunks(range(3), 16, 0))


# --- the pipeline a task sees ------------------------------------------------------------------------------------

def test_task_pipeline_is_the_one_given_to_the_process(no_pipeline):
    sentinel = object()
    use_pipeline(sentinel)
    assert task_pipeline() is sentinel
    assert task_pipeline("a-model-that-is-not-loaded") is sentinel  # the given one wins over a model name


def test_in_process_map_gives_results_in_order_and_restores_the_pipeline(no_pipeline):
    with InProcess("pipeline A") as executor:
        assert executor.workers == 1
        assert list(executor.map(square, [3, 1, 2])) == [9, 1, 4]
        assert list(executor.map(pipeline_name, [0, 1])) == ["pipeline A", "pipeline A"]
    assert execution._PIPELINE is None


def test_in_process_without_a_pipeline_keeps_the_processs_own(no_pipeline):
    use_pipeline("pipeline B")
    assert list(InProcess().map(pipeline_name, [0])) == ["pipeline B"]
    assert list(InProcess("pipeline C").map(pipeline_name, [0])) == ["pipeline C"]
    assert execution._PIPELINE == "pipeline B"


def test_in_process_map_restores_the_pipeline_after_an_error(no_pipeline):
    def fail(_):
        raise RuntimeError("bad task")

    with pytest.raises(RuntimeError):
        list(InProcess("pipeline D").map(fail, [0]))
    assert execution._PIPELINE is None


def test_in_process_map_is_lazy():
    results = InProcess().map(square, itertools.count())
    assert list(itertools.islice(results, 3)) == [0, 1, 4]


# --- forked processes -------------------------------------------------------------------------------------------------

def test_forked_processes_need_a_worker():
    with pytest.raises(ValueError, match="at least 1"):
        ForkedProcesses("pipeline", 0)


@pytest.mark.skipif(not CAN_FORK, reason="the platform cannot fork")
def test_forked_processes_give_results_in_task_order_with_the_inherited_pipeline():
    with ForkedProcesses("pipeline E", 2) as executor:
        assert executor.workers == 2
        assert list(executor.map(square, range(9))) == [x * x for x in range(9)]
        assert set(executor.map(pipeline_name, range(4))) == {"pipeline E"}
        first = next(executor.map(square, itertools.count(5)))  # an endless stream: bounded in flight
        assert first == 25


@pytest.mark.skipif(not CAN_FORK, reason="the platform cannot fork")
def test_processes_forks_for_more_than_one_worker_only():
    one = processes("pipeline F", 1)
    assert isinstance(one, InProcess) and one.nlp == "pipeline F"
    two = processes("pipeline F", 2)
    try:
        assert isinstance(two, ForkedProcesses) and two.workers == 2
    finally:
        two.close()
