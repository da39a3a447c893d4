"""The installed package from a folder outside the checkout, as a user runs it: every CLI command works without
the source tree (the built-in corpus and the gold annotations are package data). In CI the package is installed
from its wheel (``pip install ".[test]"``), so this checks the wheel; in a development install it checks the
editable one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "kalinovsky_nlp", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_commands_run_from_outside_the_checkout(tmp_path):
    info = _run(["info"], tmp_path)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert Path(data["builtin_corpus"]).is_dir()

    report = _run(["report", "-f", "json", "-o", "report.json"], tmp_path)
    assert report.returncode == 0, report.stderr
    findings = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"]
    assert any("arms" in f["statement"].lower() for f in findings)

    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "Perhaps the ferry is late."}\n', encoding="utf-8")
    annotate = _run(["annotate", "in.jsonl", "-o", "out.jsonl", "--quiet"], tmp_path)
    assert annotate.returncode == 0, annotate.stderr
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [m["text"] for m in record["markers"]] == ["Perhaps"]

    evaluate = _run(["evaluate", "entities"], tmp_path)
    assert evaluate.returncode == 0, evaluate.stderr
    assert "micro" in evaluate.stdout


def test_the_package_ships_its_gold_and_corpus():
    """The wheel's force-include entries name folders that exist in the checkout (a renamed folder would leave the
    installed package without them)."""
    pyproject = (CHECKOUT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"tests/gold" = "kalinovsky_nlp/_gold"' in pyproject and (CHECKOUT / "tests" / "gold").is_dir()
    assert '"corpus" = "kalinovsky_nlp/_corpus"' in pyproject and (CHECKOUT / "corpus" / "documents").is_dir()
