"""User targets label findings; they never make findings of their own."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.judgement.targets import finding_targets, load_targets
from kalinovsky_nlp.results import Finding, FindingSide


def test_user_targets_file(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("targets:\n  - id: trams\n    aliases: [tram line, light rail]\n  - id: cost\n    patterns: ['\\bbudget\\b']\n",
                    encoding="utf-8")
    targets = load_targets(path)
    assert [t.id for t in targets] == ["user:trams", "user:cost"]
    assert targets[0].patterns[0].search("The new Tram Line opens")
    assert not targets[0].patterns[0].search("tram lines")  # whole words only


@pytest.mark.parametrize(
    "content,message",
    [
        ("- aliases: [x]\n", "needs an 'id'"),
        ("- id: a\n", "needs aliases, patterns or an entity"),
        ("- id: a\n  patterns: ['(']\n", "bad pattern"),
        ("just text\n", "expected a list of targets"),
    ],
)
def test_bad_targets_files_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_targets(path)


def side(date, evidence):
    return FindingSide(document=date, date=date, position=None, evidence=tuple(evidence), claims=(), cues=())


def test_finding_targets_are_shared_entities_then_matching_user_targets(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("- id: trams\n  aliases: [tram line]\n- id: parks\n  aliases: [park]\n", encoding="utf-8")
    finding = Finding(proposition="The city extends the tram line", kinds=("certainty_up",), statement="",
                      confidence="high", confidence_reason="", strength=0.5,
                      shared_arguments=("ent:Leeds", "np:line"), shared_predicates=("extend",),
                      earlier=side("2019-01-01", ["The city may extend the tram line."]),
                      later=side("2020-01-01", ["The city will extend the tram line."]))
    assert finding_targets(finding, load_targets(path)) == ("entity:Leeds", "user:trams")
