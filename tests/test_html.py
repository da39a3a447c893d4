"""The HTML report, the notebook views and the timelines, read as HTML without a browser (tests/test_browser.py
opens the same pages in Chromium)."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from kalinovsky_nlp.renderers import render
from kalinovsky_nlp.renderers.highlight import Insert, Mark, Region, mark_up
from kalinovsky_nlp.renderers.html import render_notebook

from .htmldom import parse, squash

PAYLOADS = ('<script>alert("kn")</script>', '"onerror=alert(1) x="', "]]>", "| a | b |\n|---|---|\n| 1 | 2 |",
            "<table><tr><td>cell</td></tr></table>", "{{ 7 * 7 }}", "<!--", "javascript:alert(1)")


@pytest.fixture(scope="module")
def builtin_html(builtin_report) -> str:
    return render(builtin_report, "html")


def _three_documents(report: dict) -> dict:
    """The built-in report with a third document (a copy of the first, two years after the second): a timeline."""
    data = copy.deepcopy(report)
    extra = copy.deepcopy(data["documents"][0])
    extra["id"], extra["date"] = "kalinovsky-copy", "2022-07-22"
    data["documents"].append(extra)
    return data


# --- self-contained, escaped ------------------------------------------------------------------------------------------

def test_the_page_loads_nothing_from_outside(builtin_html):
    dom = parse(builtin_html)
    assert [n.tag for n in dom.iter() if n.tag in ("img", "link", "iframe", "object", "embed", "video", "audio")] == []
    for node in dom.iter():
        for name in ("src", "href", "action", "srcset", "poster", "data", "xlink:href"):
            if name in node.attrs:
                assert node.attrs[name].startswith("#"), (node.tag, name, node.attrs[name])
    styles = dom.find_all("style")
    assert len(styles) == 1 and len(dom.find_all("script")) == 1
    css = styles[0].text()
    assert "@import" not in css and not re.search(r"url\((?!#)", css) and "@font-face" not in css
    assert not re.search(r"url\((?!#)", builtin_html)  # the SVG charts point only inside themselves


def test_every_string_from_the_report_is_escaped(builtin_report_dict):
    data = copy.deepcopy(builtin_report_dict)
    payload = " ".join(PAYLOADS)
    doc = data["documents"][0]
    for key in ("title", "author", "venue", "url", "subtitle"):
        doc[key] = payload
    doc["boilerplate"] = [{"kind": payload, "text": payload, "line": 1}]
    doc["entities"][0]["name"] = payload
    data["narrative"] = [payload]
    data["summary"] = [payload]
    data["certainty_legend"] = payload
    data["model"] = {"name": payload, "version": payload}
    finding = data["findings"][0]
    finding.update(proposition=payload, statement=payload + " (PS+)", confidence_reason=payload,
                   targets=["user:" + payload])
    finding["from"]["holders"] = [payload]
    finding["from"]["cues"] = [payload]
    finding["to"]["evidence"] = [payload]  # not in the text: rendered from the string alone
    html = render(data, "html")
    dom = parse(html)
    assert len(dom.find_all("script")) == 1 and dom.find_all("script")[0].text().lstrip().startswith("// kalinovsky")
    assert all(t.has_class("kn-table") for t in dom.find_all("table"))
    assert not [(n.tag, a) for n in dom.iter() for a in n.attrs if a.startswith("on")]
    assert "49" not in dom.by_id("kn-finding-1").text()  # no template evaluated the payload
    text = dom.text()
    assert text.count('<script>alert("kn")</script>') >= 8 and text.count("]]>") >= 8
    assert "<table><tr><td>cell</td></tr></table>" in dom.find_all("article")[0].text()
    assert "&lt;script&gt;alert(&#34;kn&#34;)" in html or "&lt;script&gt;alert(&quot;kn&quot;)" in html


def test_saved_json_renders_the_same_page(builtin_report, builtin_html):
    assert render(json.loads(render(builtin_report, "json")), "html") == builtin_html


def test_missing_optional_fields_are_tolerated(builtin_report_dict):
    data = copy.deepcopy(builtin_report_dict)
    for doc in data["documents"]:
        for key in ("attributions", "claims", "boilerplate", "subtitle", "venue", "url", "metadata"):
            doc.pop(key, None)
        for marker in doc["markers"]:
            marker.pop("subcategory", None)
    for finding in data["findings"]:
        finding.pop("targets", None)
        finding["to"]["position"] = None
    data.pop("summary")
    data.pop("certainty_legend")
    dom = parse(render(data, "html"))
    assert len(dom.find_all("article", cls="kn-finding")) >= len(data["findings"])


def test_a_minimal_report_renders():
    assert "0 documents" in parse(render({"documents": []}, "html")).by_id("kn-judgement").parent.text()
    text = "Hello <b>x</b>, it may rain."
    doc = {"id": "a", "date": "2020-01-01", "text": text,
           "markers": [{"category": "hedge", "start": text.index("may"), "end": text.index("may") + 3, "text": "may"}]}
    dom = parse(render({"documents": [doc]}, "html"))
    text = dom.by_id("kn-doc-1").find_all("div", cls="kn-text")[0]
    assert text.text() == doc["text"] and [m.text() for m in text.find_all("mark", cls="kn-hedge")] == ["may"]
    assert not dom.find_all("svg")  # one document: nothing to draw over time


# --- findings and their evidence --------------------------------------------------------------------------------------

def test_findings_show_both_dates_side_by_side_with_links_into_the_texts(builtin_report_dict, builtin_html):
    dom = parse(builtin_html)
    findings = builtin_report_dict["findings"]
    assert findings
    for number, finding in enumerate(findings, start=1):
        article = dom.by_id(f"kn-finding-{number}")
        assert article is not None and finding["proposition"] in article.text()
        sides = article.find_all("section", cls="kn-side")
        assert [squash(s.find_all("h4")[0].text()).split()[0] for s in sides] == [finding["from"]["date"],
                                                                                finding["to"]["date"]]
        for side, data in zip(sides, (finding["from"], finding["to"])):
            quotes = side.find_all("blockquote", cls="kn-quote")
            assert [squash(q.text(skip=("kn-ct",))) for q in quotes] == [squash(e) for e in data["evidence"]]
            links = side.find_all("a", cls="kn-goto")
            assert len(links) == len(data["evidence"])
            for link, sentence in zip(links, data["evidence"]):
                target = dom.by_id(link.attrs["href"][1:])
                assert target is not None and target.has_class("kn-sent")
                assert squash(target.text()) == squash(sentence)
            if data["position"] is None:
                assert "Not discussed" in side.text()


def test_evidence_cues_are_marked_by_kind(builtin_report_dict, builtin_html):
    dom = parse(builtin_html)
    number = next(i for i, f in enumerate(builtin_report_dict["findings"], start=1)
                  if "arms" in f["proposition"] and "Taliban" in f["proposition"])
    article = dom.by_id(f"kn-finding-{number}")
    marks = {(squash(m.text()).lower(), kind) for m in article.find_all("mark")
             for kind in m.attrs["class"].split() if kind.startswith("kn-") and kind not in ("kn-m", "kn-attributed")}
    assert ("perhaps", "kn-hedge") in marks           # an epistemic hedge of 2017
    assert ("accused", "kn-report") in marks          # the reporting verb that attributes the 2017 claim
    assert ("skeptical", "kn-cue") in marks           # a certainty cue of the finding
    assert ("no doubt", "kn-booster") in marks        # 2020
    for mark in article.find_all("mark"):
        assert mark.attrs["tabindex"] == "0" and mark.attrs["data-tip"]
        assert dom.by_id(mark.attrs["aria-describedby"]) is not None  # the legend entry it points to
    tags = [a.text() for a in article.find_all("abbr", cls="kn-claim-tag")]
    assert tags and set(tags) <= {"CT+", "PR+", "PS+", "Uu", "PS-", "PR-", "CT-"}
    reported = article.find_all("span", cls="kn-reported")
    assert any("providing support to the Taliban" in r.text(skip=("kn-ct",)) for r in reported)


def test_document_texts_are_whole_and_marked(builtin_report_dict, builtin_html):
    dom = parse(builtin_html)
    for number, doc in enumerate(builtin_report_dict["documents"], start=1):
        section = dom.by_id(f"kn-doc-{number}")
        text = section.find_all("div", cls="kn-text")[0]
        assert text.text() == doc["text"]
        sentences = text.find_all("span", cls="kn-sent")
        assert len(sentences) == len(doc["sentences"])
        hedges = [m for m in text.find_all("mark", cls="kn-hedge")]
        assert len(hedges) == doc["marker_measures"]["by_category"]["hedge"]["count"]
        assert {m.text() for m in text.find_all("mark", cls="kn-entity")} >= {"Russia", "Taliban"}
        boilerplate = section.find_all("div", cls="kn-boilerplate")
        assert len(boilerplate) == 1 and len(boilerplate[0].find_all("li")) == len(doc["boilerplate"])


def test_the_text_report_tables_are_there(builtin_report_dict, builtin_html):
    dom = parse(builtin_html)
    captions = [squash(c.text()) for c in dom.find_all("caption")]
    for caption in ("Documents", "Stance markers per 1,000 words", "Entities", "Entity mentions by label",
                    "Text measures", "More typical of 2017-05-08", "More typical of 2020-07-22"):
        assert caption in captions
    measures = next(t for t in dom.find_all("table")
                    if t.find_all("caption") and squash(t.find_all("caption")[0].text()) == "Text measures")
    rows = measures.find_all("tbody")[0].find_all("tr")
    assert [squash(r.find_all("th")[0].text()) for r in rows] == [d["date"] for d in builtin_report_dict["documents"]]
    words = [squash(r.find_all("td")[0].text()) for r in rows]
    assert words == [f"{d['stats']['words']:,}" for d in builtin_report_dict["documents"]]


# --- timelines --------------------------------------------------------------------------------------------------------

def _points(dom, chart: str) -> dict[str, list[str]]:
    svg = next(n for n in dom.find_all("svg") if n.attrs.get("data-chart") == chart)
    series: dict[str, list[str]] = {}
    for group in svg.iter():
        if "data-series" in group.attrs:
            marks = [n for n in group.iter() if n.has_class("kn-point")]
            series.setdefault(group.attrs["data-series"], []).extend(n.attrs["data-date"] for n in marks)
    return series


def test_two_documents_give_paired_bars_and_slope_charts(builtin_report_dict, builtin_html):
    dom = parse(builtin_html)
    dates = [d["date"] for d in builtin_report_dict["documents"]]
    markers = _points(dom, "kn-chart-markers")
    assert sorted(markers) == ["attitude", "booster", "engagement", "hedge", "self_mention"]
    assert all(v == dates for v in markers.values())  # one bar per date and category
    entities = _points(dom, "kn-chart-entities")
    assert len(entities) == 6 and all(v == dates for v in entities.values())
    targets = [n for n in dom.find_all("svg") if n.attrs.get("data-chart", "").startswith("kn-chart-target")]
    assert targets
    for svg in targets:
        series = _points(dom, svg.attrs["data-chart"])
        for key in [k for k in series if k.endswith("/certainty") or k.endswith("/evaluation")]:
            assert sorted(series[key] + series.get(key + "/absent", [])) == dates
        title = svg.find_all("title")[0]
        assert svg.attrs["aria-labelledby"].split()[0] == title.attrs["id"]


def test_three_documents_give_a_timeline_with_one_point_per_date(builtin_report_dict):
    data = _three_documents(builtin_report_dict)
    dom = parse(render(data, "html"))
    dates = sorted(d["date"] for d in data["documents"])
    markers = _points(dom, "kn-chart-markers")
    assert len(markers) == 5 and all(v == dates for v in markers.values())
    hedge = next(n for n in dom.iter() if n.attrs.get("data-series") == "hedge")
    tips = [n.attrs["data-tip"] for n in hedge.iter() if n.has_class("kn-point")]
    rate = data["documents"][1]["marker_measures"]["by_category"]["hedge"]["author_rate"]
    assert tips[1] == (f"2020-07-22: hedges {rate:.1f} per 1,000 words "
                       f"(n={data['documents'][1]['marker_measures']['by_category']['hedge']['author_count']})")
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))  # the charts' ids do not collide


def test_target_series_reads_the_authors_claims_about_a_target():
    from kalinovsky_nlp.plotting import resolve_target, target_series

    def claim(index: int, certainty: str, entity: str | None, evaluation: float = 0.0, voice: str = "author",
              stance: str | None = None) -> dict:
        args = [{"key": f"ent:{entity}", "text": entity, "role": "subject", "entity": entity}] if entity else []
        evals = [{"target": f"ent:{entity}", "score": evaluation, "cues": ["good"]}] if evaluation else []
        return {"index": index, "certainty": certainty, "voice": voice, "arguments": args,
                "entities": [entity] if entity else [], "evaluations": evals,
                "stance": {"target": 0, "certainty": stance} if stance else None}

    def doc(date: str, claims: list[dict]) -> dict:
        return {"id": date, "date": date, "claims": claims, "entities": [{"name": "Russia", "count": 1}]}

    report = {"documents": [
        doc("2001-01-01", [claim(0, "CT+", "Russia", 1.0), claim(1, "PS+", "Russia"),
                           claim(2, "Uu", "Russia", voice="reported")]),  # the author's two claims count
        doc("2002-01-01", [claim(0, "CT+", None)]),                         # not about Russia
        doc("2003-01-01", [claim(0, "PR+", "Russia", -0.5, stance="CT-")]),  # a stance: the certainty it gives
        doc("2004-01-01", [claim(0, "Uu", "Russia", voice="reported")]),    # only reported: uncommitted
    ], "findings": []}
    assert resolve_target(report, "Russia") == "entity:Russia"
    certainty, evaluation = target_series(report, "Russia")
    assert certainty.values == (2.0, None, -3.0, 0.0)
    assert evaluation.values == (round(1.0 / 3, 2), None, -0.5, 0.0)
    assert certainty.tips[1] == "2002-01-01: Russia not discussed"
    assert certainty.tips[0] == ("2001-01-01: Russia, mean certainty +2.00 (about PR+) over 2 claims: "
                                 "CT+ \u00d71, PS+ \u00d71")
    with pytest.raises(ValueError, match="unknown target 'Prussia'.*entity:Russia"):
        resolve_target(report, "Prussia")


def test_plot_timeline_returns_a_figure_to_style(builtin_report):
    from matplotlib.figure import Figure

    import kalinovsky_nlp as kn

    figure = kn.plot_timeline(builtin_report, target="Russia")
    assert isinstance(figure, Figure) and len(figure.axes) == 2
    certainty_line = [line for line in figure.axes[0].get_lines() if line.get_gid() == "target-certainty-s0"][0]
    assert len(certainty_line.get_xdata()) == 2
    assert figure._repr_svg_().lstrip().startswith("<?xml")
    markers = kn.plot_timeline(builtin_report, measure="markers")
    assert len(markers.axes[0].patches) == 10  # two dates x five categories
    entities = kn.plot_timeline(builtin_report, measure="entities")
    assert len(entities.axes[0].get_lines()) == 6
    with pytest.raises(ValueError, match="unknown measure 'colour'"):
        kn.plot_timeline(builtin_report, measure="colour")


# --- notebooks --------------------------------------------------------------------------------------------------------

def test_reprs_are_short(builtin_report):
    text = repr(builtin_report)
    assert "\n" not in text and len(text) < 120
    assert text.startswith("<Report: 2 documents from 2017-05-08 to 2020-07-22; ")
    assert f"{len(builtin_report.findings)} findings" in text
    profile = repr(builtin_report.documents[0])
    assert "\n" not in profile and len(profile) < 200
    assert profile.startswith("<DocumentProfile 'kalinovsky-2017-05-08' 2017-05-08 'Russia Gambles in Afghanistan")
    assert f"{builtin_report.documents[0].stats.words:,} words" in profile


def test_notebook_view_is_compact(builtin_report, builtin_report_dict):
    html = builtin_report._repr_html_()
    assert html == render_notebook(builtin_report_dict)
    dom = parse(html)
    assert len(html) < len(render(builtin_report_dict, "html")) / 4
    assert not dom.find_all("script") and not dom.find_all("svg")
    articles = dom.find_all("article", cls="kn-finding")
    assert [squash(a.find_all("h4")[0].text()) for a in articles][:1] == [
        f"1. {builtin_report_dict['findings'][0]['proposition']}"]
    assert any(m.has_class("kn-hedge") for m in articles[0].find_all("mark"))
    assert builtin_report_dict["documents"][0]["text"][:200] not in html  # the texts stay in the full report


def test_notebook_view_falls_back_on_the_step_findings(builtin_report_dict):
    data = copy.deepcopy(builtin_report_dict)
    data["findings"] = []
    strong = [f for f in data["comparison"]["steps"][0]["findings"] if f["confidence"] in ("high", "medium")]
    dom = parse(render_notebook(data))
    articles = dom.find_all("article", cls="kn-finding")
    assert len(articles) == min(5, len(strong)) > 0
    assert squash(articles[0].find_all("h4")[0].text()) == f"1. {strong[0]['proposition']}"
    assert "strongest findings between consecutive texts" in dom.text()


# --- highlighting -----------------------------------------------------------------------------------------------------

def test_mark_up_nests_marks_inside_regions_and_escapes_text():
    text = "They said <b>it may</b> rain & so."
    lo, hi = 0, len(text)
    may = text.index("may")
    html = mark_up(text, lo, hi,
                   marks=[Mark(may, may + 3, "hedge", "hedge"), Mark(may, may + 3, "entity", "x"),
                          Mark(5, 9, "report", "reporting cue")],
                   regions=[Region(10, may + 1, "reported")],  # ends inside "may": moved to its end
                   inserts=[Insert(may + 2, Markup("<i>T</i>"))])  # inside "may": after it, in the region
    assert str(html) == ('They <mark class="kn-m kn-report" tabindex="0" data-tip="reporting cue" '
                         'aria-describedby="kn-legend-report">said</mark> <span class="kn-region kn-reported">'
                         '&lt;b&gt;it <mark class="kn-m kn-hedge" tabindex="0" data-tip="hedge" '
                         'aria-describedby="kn-legend-hedge">may</mark><i>T</i></span>&lt;/b&gt; rain &amp; so.')


# --- accessibility ----------------------------------------------------------------------------------------------------

def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_meet_wcag_aa():
    from kalinovsky_nlp.plotting import PALETTE
    from kalinovsky_nlp.renderers import html as html_module

    css = (Path(html_module.__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--kn-([a-z-]+):\s*(#[0-9a-fA-F]{6});", css))
    text_pairs = [("fg", "bg"), ("muted", "bg"), ("muted", "panel"), ("link", "bg"), ("link", "panel"),
                  ("tip-fg", "tip-bg"), ("ct-fg", "ct-bg"), ("fg", "panel")]
    text_pairs += [("fg", kind) for kind in ("hedge", "booster", "attitude", "self-mention", "engagement", "cue",
                                             "report", "reported", "entity")]
    for fg, bg in text_pairs:
        assert contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg, round(contrast(colours[fg], colours[bg]), 2))
    for colour in PALETTE + (colours["high"], colours["medium"], colours["low"]):
        assert contrast(colour, "#ffffff") >= 3.0, colour  # lines, bars and borders: WCAG non-text contrast


def test_each_highlight_kind_has_a_line_or_weight_besides_its_colour():
    from kalinovsky_nlp.renderers import html as html_module

    css = (Path(html_module.__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    styles = {}
    for kind, _, _ in html_module.LEGEND:
        rule = re.search(r"\.kn mark\.kn-" + kind.replace("_", "-") + r" \{([^}]*)\}", css)
        assert rule, kind
        styles[kind] = re.sub(r"background:[^;]*;", "", rule.group(1)).strip()
        assert re.search(r"text-decoration-(line|style)|border-bottom|box-shadow|font-weight", styles[kind]), kind
    assert len(set(styles.values())) == len(styles)  # no two kinds look alike without their colour


# --- the command line and the cost of importing -----------------------------------------------------------------------

def test_cli_writes_the_html_report(tmp_path):
    out = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "kalinovsky_nlp", "report", "--format", "html", "-o", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    dom = parse(out.read_text(encoding="utf-8"))
    assert dom.find_all("title")[0].text() == "How the author's judgement changed: Artemy M. Kalinovsky"
    assert len(dom.find_all("article", cls="kn-finding")) >= 1 and dom.find_all("svg", cls="kn-chart")


def test_importing_the_package_and_the_renderers_does_not_import_matplotlib():
    code = ("import sys, kalinovsky_nlp, kalinovsky_nlp.renderers; "
            "print(sorted(m for m in ('matplotlib', 'jinja2', 'spacy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr
