"""The garbage-collector pause used around the finish of an analysis."""

from __future__ import annotations

import gc

import pytest

from kalinovsky_nlp._runtime import paused_gc


def test_paused_gc_pauses_and_restores():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner block leaves the outer one paused
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_gc_restores_after_an_error_and_keeps_a_disabled_collector_disabled():
    with pytest.raises(RuntimeError):
        with paused_gc():
            raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_finish_runs_paused_and_leaves_the_collector_on(nlp, monkeypatch):
    import kalinovsky_nlp.report as report_module
    from kalinovsky_nlp.analysis import iter_profiles, report_from_profiles
    from kalinovsky_nlp.corpus import load_corpus

    seen = []
    build = report_module.build_report

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return build(*args, **kwargs)

    monkeypatch.setattr(report_module, "build_report", spy)
    report_from_profiles(list(iter_profiles(load_corpus(), nlp=nlp)))
    assert seen == [False] and gc.isenabled()
