"""The HTML report in a real browser: headless Chromium opens the file and the tests read the DOM it built.

Chromium runs with every request sent to a recording proxy on 127.0.0.1 (which answers 403), so a request that
the page makes shows up there: the built-in report, the 24 FOMC statements and a document full of injection
attempts must make none. Printing goes through Chromium's PDF printer and ``pdftotext``.

Skipped, with the reason, where Chromium (``apt-get install chromium``) or ``../shared/data`` is absent; CI installs
Chromium in ``.ci/run``.
"""

from __future__ import annotations

import json
import shutil
import socketserver
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Iterator

import pytest

from kalinovsky_nlp.renderers import render

from .htmldom import Node, parse, squash

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
FOMC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora" / "fomc_statements_2013_2015.jsonl"
#: Hosts that Chromium itself calls at start-up (component updates, sign-in) even with background networking off;
#: they reach only the local proxy. Any other request comes from the page.
BROWSER_OWN_HOSTS = ("update.googleapis.com", "accounts.google.com", "clients2.google.com")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get "
                                                         "install chromium; CI installs it in .ci/run)")
needs_fomc = pytest.mark.skipif(not FOMC.is_file(), reason=f"shared data absent: {FOMC} (the FOMC statements "
                                                           "corpus of ../shared/data)")


class _Recorder(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline(8192).decode("latin-1").strip()
        self.server.requests.append(line)  # type: ignore[attr-defined]
        self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


@pytest.fixture(scope="module")
def proxy() -> Iterator[socketserver.ThreadingTCPServer]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Recorder)
    server.daemon_threads = True
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _page_requests(requests: list[str]) -> list[str]:
    def host(line: str) -> str:
        target = line.split()[1] if len(line.split()) > 1 else ""
        return target.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]

    return [line for line in requests if host(line) not in BROWSER_OWN_HOSTS]


def chromium(proxy: socketserver.ThreadingTCPServer, page: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium on a file with a fresh profile, its requests sent to the recording proxy."""
    with tempfile.TemporaryDirectory() as profile:
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", f"--proxy-server=http://127.0.0.1:{proxy.server_address[1]}",
                   "--proxy-bypass-list=<-loopback>", *args, page.resolve().as_uri()]
        return subprocess.run(command, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def open_page(proxy: socketserver.ThreadingTCPServer, page: Path) -> tuple[Node, list[str]]:
    """The DOM Chromium built from a page (scripts run), and the requests the page made."""
    proxy.requests.clear()  # type: ignore[attr-defined]
    done = chromium(proxy, page, "--dump-dom")
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    return parse(done.stdout), _page_requests(list(proxy.requests))  # type: ignore[attr-defined]


def print_pdf(proxy: socketserver.ThreadingTCPServer, page: Path, tmp: Path) -> Path:
    """The page printed by Chromium (print stylesheet, scripts run) to a PDF file."""
    if PDFTOTEXT is None:
        pytest.skip("pdftotext is not installed (Debian: apt-get install poppler-utils; CI installs it in .ci/run)")
    pdf = tmp / "printed.pdf"
    done = chromium(proxy, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-2000:]
    return pdf


def pdf_text(pdf: Path, layout: bool = False) -> str:
    """The text of a PDF; with ``layout``, each printed line as one line (a table row stays a row)."""
    command = [PDFTOTEXT, *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def bare(text: str) -> str:
    """Text without white space: pdftotext puts spaces between runs of text in different fonts (around a
    highlighted word), so printed text is compared bare."""
    return "".join(text.split())


def _write(tmp: Path, name: str, html: str) -> Path:
    path = tmp / name
    path.write_text(html, encoding="utf-8")
    return path


# --- what every report page must show ---------------------------------------------------------------------------------

def shown_findings(report: dict) -> list[tuple[str, dict]]:
    """(article id, finding) of every finding the page shows: the report's, then up to three per step."""
    shown = [(f"kn-finding-{i}", f) for i, f in enumerate(report.get("findings") or [], start=1)]
    steps = report["comparison"]["steps"]
    if len(steps) > 1:
        for number, step in enumerate(steps, start=1):
            strong = [f for f in step["findings"] if f["confidence"] in ("high", "medium")]
            strong.sort(key=lambda f: (("high", "medium").index(f["confidence"]), -f["strength"]))
            shown += [(f"kn-step-{number}-finding-{i}", f) for i, f in enumerate(strong[:3], start=1)]
    return shown


def check_findings(dom: Node, report: dict) -> int:
    """Every shown finding's evidence is in its article, verbatim, with its cues marked and a working link to the
    sentence in the document text. Returns how many evidence sentences were checked."""
    checked = 0
    for anchor, finding in shown_findings(report):
        article = dom.by_id(anchor)
        assert article is not None, anchor
        sides = article.find_all("section", cls="kn-side")
        assert len(sides) == 2
        for side, data in zip(sides, (finding["from"], finding["to"])):
            quotes = side.find_all("blockquote", cls="kn-quote")
            assert [squash(q.text(skip=("kn-ct",))) for q in quotes] == [squash(e) for e in data["evidence"]]
            for quote, sentence, link in zip(quotes, data["evidence"], side.find_all("a", cls="kn-goto")):
                marked = [squash(m.text()).lower() for m in quote.find_all("mark")]
                for cue in data["cues"]:
                    if squash(cue).lower() in squash(sentence).lower():
                        assert any(squash(cue).lower() in m or m in squash(cue).lower() for m in marked), (cue,
                                                                                                          marked)
                target = dom.by_id(link.attrs["href"][1:])
                assert target is not None and squash(target.text()) == squash(sentence)
                document = next(a for a in target.ancestors() if a.has_class("kn-document"))
                assert squash(document.find_all("summary")[0].text()).startswith(data["date"])
                checked += 1
    return checked


def evidence_count(report: dict) -> int:
    return sum(len(f["from"]["evidence"]) + len(f["to"]["evidence"]) for _, f in shown_findings(report))


def chart_points(dom: Node) -> dict[str, dict[str, list[str]]]:
    """chart id -> series -> the dates of its points, in drawing order."""
    charts: dict[str, dict[str, list[str]]] = {}
    for svg in dom.find_all("svg", cls="kn-chart"):
        series = charts.setdefault(svg.attrs["data-chart"], {})
        for group in svg.iter():
            if "data-series" in group.attrs:
                series.setdefault(group.attrs["data-series"], []).extend(
                    n.attrs["data-date"] for n in group.iter() if n.has_class("kn-point"))
    return charts


def check_timelines(dom: Node, dates: list[str]) -> None:
    charts = chart_points(dom)
    assert "kn-chart-markers" in charts and "kn-chart-entities" in charts
    assert any(c.startswith("kn-chart-target") for c in charts)
    for chart, series in charts.items():
        assert series, chart
        for key, points in series.items():
            if key.endswith("/absent"):
                continue
            drawn = sorted(points + series.get(key + "/absent", []))
            assert drawn == dates, (chart, key)  # one point (or a "not discussed" mark) per date


def check_accessible(dom: Node) -> None:
    """Every hover text can be reached with the keyboard; charts are labelled images; ids are unique."""
    tips = [n for n in dom.iter() if "data-tip" in n.attrs]
    assert tips and all(n.attrs.get("tabindex") == "0" and n.attrs["data-tip"] for n in tips)
    for svg in dom.find_all("svg", cls="kn-chart"):
        assert svg.attrs["role"] == "img"
        assert all(dom.by_id(i) is not None for i in svg.attrs["aria-labelledby"].split())
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))


def check_script_ran(dom: Node) -> None:
    scripts = dom.find_all("script")
    assert len(scripts) == 1 and scripts[0].text().lstrip().startswith("// kalinovsky-nlp")
    assert len(dom.find_all("div", cls="kn-tip")) == 1  # appended by the page's script: it ran without error


# --- the built-in corpus ----------------------------------------------------------------------------------------------

def test_builtin_report_in_chromium(builtin_report_dict, proxy, tmp_path):
    page = _write(tmp_path, "report.html", render(builtin_report_dict, "html"))
    dom, requests = open_page(proxy, page)
    assert requests == []
    check_script_ran(dom)
    check_accessible(dom)
    assert check_findings(dom, builtin_report_dict) == evidence_count(builtin_report_dict) > 0
    check_timelines(dom, [d["date"] for d in builtin_report_dict["documents"]])
    for number, doc in enumerate(builtin_report_dict["documents"], start=1):
        text = dom.by_id(f"kn-doc-{number}").find_all("div", cls="kn-text")[0]
        assert text.text() == doc["text"]
        assert len(text.find_all("mark", cls="kn-hedge")) == doc["marker_measures"]["by_category"]["hedge"]["count"]


def test_builtin_report_prints_findings_summary_and_texts(builtin_report_dict, proxy, tmp_path):
    page = _write(tmp_path, "report.html", render(builtin_report_dict, "html"))
    pdf = print_pdf(proxy, page, tmp_path)
    printed = bare(pdf_text(pdf))
    lines = [line.split() for line in pdf_text(pdf, layout=True).splitlines()]
    for finding in builtin_report_dict["findings"]:
        assert bare(finding["proposition"]) in printed
    assert bare(builtin_report_dict["summary"][0]) in printed
    for doc in builtin_report_dict["documents"]:
        assert bare(doc["sentences"][-1]["text"]) in printed  # each text to its last sentence
        s, r = doc["stats"], doc["readability"]
        row = [doc["date"], f"{s['words']:,}", f"{s['sentences']:,}", f"{s['mean_sentence_length']:,.1f}",
               f"{s['mtld']:,.1f}", f"{s['type_token_ratio']:,.3f}"] + [f"{r[k]:,.1f}" for k in (
               "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index",
               "automated_readability_index")]
        assert row in lines  # the widest table: each row on one printed line, to its last column


def test_the_request_check_sees_a_page_request(proxy, tmp_path):
    page = _write(tmp_path, "probe.html", '<!DOCTYPE html><html><body><img src="http://kn-probe.invalid/a.png">'
                                          '<p>probe</p></body></html>')
    _, requests = open_page(proxy, page)
    assert any("kn-probe.invalid" in line for line in requests)


# --- a document made of injection attempts ----------------------------------------------------------------------------

INJECTION_TEXT = (
    'The minister said that <script>alert("kn")</script> was probably harmless. '
    'Perhaps the <img src=x "onerror=alert(1)> tag will appear as text. '
    "A CDATA end ]]> may close nothing here. "
    "The table below is plain text:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "And <table><tr><td>cell</td></tr></table> is not a table. Officials clearly think {{ 7 * 7 }} is "
    "not evaluated."
)


@pytest.fixture(scope="module")
def injection_report(nlp, tmp_path_factory) -> dict:
    from kalinovsky_nlp.analysis import analyze
    from kalinovsky_nlp.corpus import load_corpus

    folder = tmp_path_factory.mktemp("injection")
    records = [
        {"id": "plain-1", "date": "2020-01-01", "title": "A plain text", "author": "An <b>Author</b>",
         "text": "Russia probably arms the Taliban. The minister said so."},
        {"id": "inject", "date": "2021-01-01", "title": '<script>alert("title")</script>',
         "author": 'An <b>Author</b>', "venue": '"onerror=alert(3)', "url": "javascript:alert(4)",
         "text": INJECTION_TEXT},
        {"id": "plain-2", "date": "2022-01-01", "title": "Another plain text", "author": "An <b>Author</b>",
         "text": "Russia certainly arms the Taliban. The minister may be right."},
    ]
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return analyze(load_corpus(path), nlp=nlp).to_dict()


def test_a_document_of_injection_attempts_renders_as_text(injection_report, proxy, tmp_path):
    page = _write(tmp_path, "injection.html", render(injection_report, "html"))
    dom, requests = open_page(proxy, page)
    assert requests == []
    check_script_ran(dom)
    assert not [(n.tag, name) for n in dom.iter() for name in n.attrs if name.startswith("on")]
    assert not dom.find_all("img") and not dom.find_all("b")
    assert all(t.has_class("kn-table") for t in dom.find_all("table"))
    assert not [n for n in dom.iter() if n.attrs.get("href", "#").lower().startswith("javascript")]
    number = [d["id"] for d in injection_report["documents"]].index("inject") + 1
    document = dom.by_id(f"kn-doc-{number}")
    shown = document.find_all("div", cls="kn-text")[0].text()
    assert shown == injection_report["documents"][number - 1]["text"]
    for payload in ('<script>alert("kn")</script>', '<img src=x "onerror=alert(1)>', "]]>", "| a | b |", "|---|---|",
                    "<table><tr><td>cell</td></tr></table>", "{{ 7 * 7 }}"):
        assert payload in shown
    assert squash(document.find_all("summary")[0].text()) == '2021-01-01 <script>alert("title")</script>'
    assert '"onerror=alert(3)' in document.text() and "javascript:alert(4)" in document.text()
    assert dom.find_all("title")[0].text() == "How the author's judgement changed: An <b>Author</b>"
    check_timelines(dom, ["2020-01-01", "2021-01-01", "2022-01-01"])


# --- the FOMC statements: 24 documents --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fomc_report(nlp) -> dict:
    from kalinovsky_nlp.analysis import analyze
    from kalinovsky_nlp.corpus import load_corpus

    return analyze(load_corpus(FOMC), nlp=nlp).to_dict()


@needs_fomc
def test_fomc_report_in_chromium(fomc_report, proxy, tmp_path):
    assert len(fomc_report["documents"]) == 24
    page = _write(tmp_path, "fomc.html", render(fomc_report, "html"))
    dom, requests = open_page(proxy, page)
    assert requests == []
    check_script_ran(dom)
    check_accessible(dom)
    assert check_findings(dom, fomc_report) == evidence_count(fomc_report)
    dates = [d["date"] for d in fomc_report["documents"]]
    check_timelines(dom, dates)
    markers = chart_points(dom)["kn-chart-markers"]
    assert sorted(markers) == ["attitude", "booster", "engagement", "hedge", "self_mention"]
    assert all(points == dates for points in markers.values())  # 24 points each, in date order
    steps = dom.by_id("kn-steps").find_all(cls="kn-step")
    assert [n.attrs["id"] for n in steps] == [f"kn-step-{i}" for i in range(1, 24)]
    folded = dom.find_all("details", cls="kn-document")
    assert len(folded) == 24 and not any("open" in d.attrs for d in folded)


@needs_fomc
def test_fomc_report_prints_every_text(fomc_report, proxy, tmp_path):
    page = _write(tmp_path, "fomc.html", render(fomc_report, "html"))
    printed = bare(pdf_text(print_pdf(proxy, page, tmp_path)))
    sentences: dict[str, list[str]] = {}
    for doc in fomc_report["documents"]:
        for sentence in doc["sentences"]:
            sentences.setdefault(bare(sentence["text"]), []).append(doc["id"])
    for doc in fomc_report["documents"]:  # a sentence found in this text only: the folded text was printed
        own = next(bare(s["text"]) for s in doc["sentences"] if sentences[bare(s["text"])] == [doc["id"]])
        assert own in printed, doc["id"]
