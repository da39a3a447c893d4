"""Typing: the package passes ``mypy --strict``; a user's script on the public API type-checks under ``--strict``,
and a misspelt name or a wrong argument in one is reported; the names that type checkers see in
``kalinovsky_nlp/__init__.py`` (its ``TYPE_CHECKING`` imports) are the names of ``__all__`` and of the lazy table.

The mypy checks skip, saying so, where mypy (or pandas' stubs) is not installed: ``pip install -e ".[test]"``."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

import pytest

import kalinovsky_nlp

PACKAGE_DIR = Path(kalinovsky_nlp.__file__).resolve().parent
#: The folder the tests import the package from: a source checkout, or site-packages for an installed package.
ROOT = PACKAGE_DIR.parent

#: A user's script that uses the public API: texts with dates, the report's findings and their fields, documents
#: from a DataFrame, every renderer input, the tables, a timeline and the command line. Only type-checked, never run.
USER_SCRIPT = '''
from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

import kalinovsky_nlp as kn
from kalinovsky_nlp.cli import main


def summarise(folder: Path) -> int:
    report: kn.Report = kn.analyze(
        ["The plan will probably work.", "The plan has clearly failed."],
        dates=[datetime.date(2019, 1, 1), "2020-01-01"],
        ids=["first", "second"],
        batch_size=8,
    )
    for finding in report.findings:
        statement: str = finding.statement
        confidence: str = finding.confidence
        strength: float = finding.strength
        kinds: tuple[str, ...] = finding.kinds
        since: str = finding.earlier.date
        evidence: tuple[str, ...] = finding.later.evidence
        position = finding.later.position
        certainty = position.certainty if position is not None else None
        print(statement, confidence, strength, kinds, since, evidence, certainty)
    profile: kn.DocumentProfile = report.documents[0]
    when: datetime.date = profile.date
    frame = pd.DataFrame({"text": ["It may rain."], "date": ["2021-05-01"]})
    documents: list[kn.Document] = kn.from_dataframe(frame, text="text", date="date")
    again: kn.Report = kn.analyze(documents, targets=None)
    text: str = kn.render(report, "markdown") + kn.render(again.to_dict(), format="json")
    frames: dict[str, pd.DataFrame] = kn.to_frames(report)
    paths: list[Path] = kn.write_tables(report, folder, "csv")
    figure: Figure = kn.plot_timeline(report, measure="markers")
    try:
        kn.load_corpus(folder)
    except kn.CorpusError as err:
        print(err)
    print(profile.id, when, text, frames, paths, figure, kn.__version__)
    return main(["report", "--help"])
'''

#: A script with mistakes, each on its own line: (line, error code) of what mypy must report, and nothing else.
BAD_SCRIPT = '''
import kalinovsky_nlp as kn

report = kn.analyse(["A text."], dates=["2020-01-01"])
other = kn.analyze(["A text."], dates=["2020-01-01"], batch_size="8")
wording = other.findings[0].statment
page = kn.render(other, format=3)
chart = kn.plot_timeline(42)
'''
BAD_SCRIPT_ERRORS = {(4, "attr-defined"), (5, "arg-type"), (6, "attr-defined"), (7, "arg-type"), (8, "arg-type")}

#: What the user's mypy runs with: --strict, and the package's own modules silenced as they are for an installed
#: package (so that a check from a source checkout reports only the scripts' errors). untyped_calls_exclude is the
#: project's (pyproject.toml): it bears only on calls to those libraries, which the scripts do not make, and with the
#: same options mypy reuses what the package check cached of spaCy, pandas, NumPy... (a third of the time).
USER_CONFIG = """
[mypy]
strict = True
untyped_calls_exclude = dask,distributed,matplotlib.dates

[mypy-kalinovsky_nlp,kalinovsky_nlp.*]
follow_imports = silent
"""


def _type_checking_imports() -> dict[str, str]:
    """Name -> module of the imports under ``if TYPE_CHECKING:`` in ``kalinovsky_nlp/__init__.py``."""
    tree = ast.parse((PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8"))
    blocks = [node for node in tree.body
              if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"]
    assert len(blocks) == 1, "kalinovsky_nlp/__init__.py needs one `if TYPE_CHECKING:` block of imports"
    imports: dict[str, str] = {}
    for node in blocks[0].body:
        assert isinstance(node, ast.ImportFrom) and node.level == 0 and node.module, ast.unparse(node)
        for alias in node.names:
            # `import name as name`: an explicit re-export, which mypy --strict (no implicit re-export) needs
            assert alias.asname == alias.name, f"import {alias.name} as {alias.name}, not as {alias.asname}"
            assert alias.name not in imports, f"{alias.name} imported twice"
            imports[alias.name] = node.module
    return imports


def test_type_checking_imports_are_the_public_names():
    imports = _type_checking_imports()
    assert sorted(imports) == sorted(set(kalinovsky_nlp.__all__) - {"__version__"})
    # each from the module the lazy __getattr__ takes it from, so that checkers see the object users get
    assert imports == kalinovsky_nlp._LAZY


def test_lazy_getattr_is_hidden_from_type_checkers():
    """A module-level ``__getattr__`` that checkers can see makes every unknown name ``Any`` (``kn.analyse`` would
    pass); it is defined under ``if not TYPE_CHECKING:``."""
    tree = ast.parse((PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8"))
    top_level = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert "__getattr__" not in top_level
    hidden = [node for node in tree.body if isinstance(node, ast.If) and isinstance(node.test, ast.UnaryOp)
              and isinstance(node.test.op, ast.Not) and isinstance(node.test.operand, ast.Name)
              and node.test.operand.id == "TYPE_CHECKING"]
    assert [n.name for block in hidden for n in block.body if isinstance(n, ast.FunctionDef)] == ["__getattr__"]


def _mypy_api():
    return pytest.importorskip("mypy.api", reason="mypy is not installed: pip install -e '.[test]' for the typing "
                                                  "tests")


def _search_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """mypy finds the package where these tests import it from: from a checkout through MYPYPATH (ahead of any
    installed copy); an installed package where it is (mypy refuses site-packages on MYPYPATH)."""
    if ROOT.name not in ("site-packages", "dist-packages"):
        monkeypatch.setenv("MYPYPATH", str(ROOT))


def _errors(output: str, filename: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(filename + ":") and ": error:" in line]


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for this module's runs: the package check first, then the scripts."""
    return tmp_path_factory.mktemp("mypy_cache")


def test_package_passes_mypy_strict(mypy_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """``mypy --strict -p kalinovsky_nlp`` with the project's configuration (``[tool.mypy]`` of pyproject.toml:
    which untyped libraries are let through, and why)."""
    api = _mypy_api()
    config = ROOT / "pyproject.toml"
    if not config.is_file():
        pytest.skip("the package is installed without its pyproject.toml: run the typing check from a checkout")
    _search_path(monkeypatch)
    monkeypatch.chdir(tmp_path)
    stdout, stderr, status = api.run(["--config-file", str(config), "--cache-dir", str(mypy_cache),
                                      "--strict", "--show-error-codes", "-p", "kalinovsky_nlp"])
    assert status == 0 and not stderr, stderr[-2000:] + "\n" + stdout
    assert stdout.startswith("Success: no issues found"), stdout


@pytest.fixture(scope="module")
def user_scripts_checked(mypy_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """mypy's report on both scripts (one run: the libraries are analysed once)."""
    api = _mypy_api()
    try:
        importlib.metadata.version("pandas-stubs")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("pandas-stubs is not installed: pip install -e '.[test]' for the typing tests")
    folder = tmp_path_factory.mktemp("typing")
    (folder / "user_script.py").write_text(USER_SCRIPT, encoding="utf-8")
    (folder / "bad_script.py").write_text(BAD_SCRIPT, encoding="utf-8")
    (folder / "mypy.ini").write_text(USER_CONFIG, encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _search_path(monkeypatch)
        monkeypatch.chdir(folder)  # no project configuration from the working directory
        stdout, stderr, status = api.run(["--config-file", "mypy.ini", "--cache-dir", str(mypy_cache),
                                          "--no-error-summary", "--show-error-codes",
                                          "user_script.py", "bad_script.py"])
    assert not stderr, stderr
    return stdout, status


def test_user_script_type_checks_strictly(user_scripts_checked):
    stdout, _ = user_scripts_checked
    assert _errors(stdout, "user_script.py") == [], stdout


def test_misspelt_name_and_wrong_arguments_are_reported(user_scripts_checked):
    stdout, status = user_scripts_checked
    assert status == 1
    found = {(int(m.group(1)), m.group(2))
             for m in (re.match(r"bad_script\.py:(\d+): error: .*\[([a-z-]+)\]$", line)
                       for line in _errors(stdout, "bad_script.py")) if m}
    assert found == BAD_SCRIPT_ERRORS, stdout
    assert 'Module has no attribute "analyse"' in stdout
    assert '"Finding" has no attribute "statment"' in stdout
