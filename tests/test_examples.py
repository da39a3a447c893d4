"""The scripts in examples/ run as a user would run them (a fresh interpreter, from another folder)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, *args: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, cwd=cwd,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_there_are_three_examples():
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == ["dask_cluster.py", "dataframe_sklearn.py",
                                                             "own_corpus_folder.py"]


def test_own_corpus_folder(tmp_path):
    out = run_example("own_corpus_folder.py", cwd=tmp_path)
    assert "3 documents: 2019-02-11 A tram we cannot afford, 2021-05-20 Second thoughts on the tram" in out
    assert "Markdown report:" in out


def test_own_corpus_folder_on_a_given_folder(tmp_path):
    sys.path.insert(0, str(EXAMPLES))
    try:
        import own_corpus_folder
    finally:
        sys.path.remove(str(EXAMPLES))
    own_corpus_folder.write_demo(tmp_path)
    out = run_example("own_corpus_folder.py", str(tmp_path), cwd=tmp_path)
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# How the author's judgement changed: "
                                                                           "Dana Columnist")
    assert "2021-05-20" in out


def test_dataframe_sklearn(tmp_path):
    pytest.importorskip("pandas")
    out = run_example("dataframe_sklearn.py", cwd=tmp_path)
    assert "hedge_author_rate" in out and "2013-12-18" in out
    assert "4-fold accuracy:" in out and "prediction for a new statement: 1" in out


def test_dask_cluster(tmp_path):
    pytest.importorskip("dask.distributed")
    out = run_example("dask_cluster.py", cwd=tmp_path)
    assert "4 documents on 2 workers" in out and "steps: 3" in out
