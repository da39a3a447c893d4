"""Targets: user files, entity targets, proposition clusters."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.stance.targets import load_targets


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


def test_builtin_report_targets(builtin_report_dict):
    targets = builtin_report_dict["comparison"]["targets"]
    kinds = {t["kind"] for t in targets}
    assert {"entity", "proposition", "user"} <= kinds
    entity_labels = [t["label"] for t in targets if t["kind"] == "entity"]
    assert entity_labels[0] == "Russia"
    for t in targets:
        if t["kind"] == "proposition":
            assert len(t["members"]) == 2  # recurring across both documents
