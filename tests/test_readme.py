"""README's examples run, and its two commands are the ones CI uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_examples_run(index, capsys):
    code = blocks("python")[index]
    namespace: dict = {}
    exec(compile(code, f"README.md python block {index}", "exec"), namespace)
    assert capsys.readouterr().out.strip(), "each README example prints something"


def test_the_two_commands_are_there_and_ci_uses_the_test_one():
    commands = [b.strip() for b in blocks("bash")]
    install_and_report = "python3 -m venv .venv && . .venv/bin/activate && pip install . && kalinovsky-nlp report"
    install_and_test = ('python3 -m venv .venv && . .venv/bin/activate && pip install ".[test]" && '
                        "python -m pytest")
    assert install_and_report in commands
    assert install_and_test in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]"' in ci and "python -m pytest" in ci


def test_targets_example_is_a_valid_targets_file(tmp_path):
    from kalinovsky_nlp.judgement.targets import load_targets

    example = re.search(r"```yaml\n(.*?)```", README, flags=re.S).group(1)
    path = tmp_path / "targets.yaml"
    path.write_text(example, encoding="utf-8")
    targets = load_targets(path)
    assert [t.id for t in targets] == ["user:tram_line", "user:budget"]


def test_no_unfilled_sections():
    assert not re.search(r"\b[A-Z]+_FIGURES\b|\bLIMITATIONS\b\n", README)


def test_the_example_output_is_what_the_report_prints(builtin_report):
    """README's excerpts of the report are the report's own words (white space aside), not an old copy."""
    from kalinovsky_nlp import render

    printed = " ".join(render(builtin_report, "text").split())
    excerpts = blocks("text")
    assert excerpts
    for excerpt in excerpts:
        assert " ".join(excerpt.split()) in printed


def test_readme_is_a_guide_not_a_notebook():
    words = len(README.split())
    assert words <= 1600, f"README has {words} words: figures belong in docs/"
    for link in re.findall(r"\]\(((?:docs|examples)/[^)#]+|[A-Z]+\.(?:md|cff))\)", README):
        assert (ROOT / link).exists(), link
