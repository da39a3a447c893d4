"""Scoring findings against gold judgement changes: matching rules, and the gold files' own validity."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kalinovsky_nlp.evaluation.findings import GoldChange, matches, score_findings

GOLD = Path(__file__).resolve().parents[1] / "gold" / "judgement_changes"


def finding(kinds, earlier, later, a="d1", b="d2", confidence="high"):
    return {"statement": "s", "kinds": kinds, "confidence": confidence,
            "from": {"document": a, "date": "2019-01-01", "evidence": earlier},
            "to": {"document": b, "date": "2020-01-01", "evidence": later}}


CHANGE = GoldChange(id="c", scope="overall", importance="main", proposition="p", kinds=("certainty_up",),
                    earlier="d1", later="d2", evidence_earlier=("The plan may work.",),
                    evidence_later=("The plan works, and it works well.",))


def test_a_finding_matches_when_documents_direction_and_evidence_agree():
    assert matches(finding(["certainty_up"], ["The plan may work."], ["The plan works, and it works well."]), CHANGE,
                   "overall")
    assert not matches(finding(["certainty_down"], ["The plan may work."], ["The plan works, and it works well."]),
                       CHANGE, "overall")
    assert not matches(finding(["certainty_up"], ["Something else entirely."], ["The plan works, and it works well."]),
                       CHANGE, "overall")
    assert not matches(finding(["certainty_up"], ["The plan may work."], ["The plan works, and it works well."],
                               a="d0"), CHANGE, "overall")


def test_score_counts_shown_findings_and_main_changes():
    report = {"comparison": {"steps": [{"findings": [
        finding(["certainty_up"], ["The plan may work."], ["The plan works, and it works well."]),
        finding(["certainty_down"], ["x"], ["y"]),
        finding(["certainty_down"], ["x"], ["y"], confidence="low"),  # not shown, not counted
    ]}], "first_to_last": None}}
    score = score_findings(report, [CHANGE])
    assert (score.findings, score.valid, score.main_found, score.main_changes) == (2, 1, 1, 1)
    assert score.precision == 0.5 and score.recall == 1.0


def test_the_gold_files_are_valid():
    """Every evidence sentence is in its document, kinds agree with the certainty tags (the gold's own checker)."""
    fomc = GOLD.parents[2].parent / "shared" / "data" / "corpora" / "fomc_statements_2013_2015.jsonl"
    result = subprocess.run([sys.executable, str(GOLD / "validate.py")], capture_output=True, text=True)
    if not fomc.exists() and result.returncode != 0:
        import pytest

        pytest.skip("../shared/data not found: the FOMC gold cannot be checked against its texts")
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((GOLD / "builtin.json").read_text(encoding="utf-8"))
    assert sum(c["importance"] == "main" for c in data["changes"]) >= 5
