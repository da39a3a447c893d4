"""Comparison across more than two dates: steps and first-to-last; profile measures."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.analysis import analyze
from kalinovsky_nlp.corpus import load_corpus

TEXTS = {
    "2019-03-01": "The council may approve the tram line. Perhaps it will be ready by 2025. I think the cost is about "
                  "200 million euros. Mayor Helena Varga supports it.",
    "2021-06-01": "The tram line is clearly a success. The council approved it. Varga was right. It certainly "
                  "changed the city.",
    "2023-09-01": "Critics say the tram line was a costly mistake. The budget doubled. Varga no longer mentions it. "
                  "The line is unreliable.",
}


def write_corpus(folder):
    for i, (date, text) in enumerate(TEXTS.items()):
        (folder / f"col{i}.md").write_text(f"---\ndate: {date}\ntitle: Column {i}\nauthor: A. Columnist\n---\n{text}\n",
                                           encoding="utf-8")
    return folder


def test_three_documents_give_two_steps_and_first_to_last(tmp_path, nlp):
    report = analyze(load_corpus(write_corpus(tmp_path)), nlp=nlp)
    data = report.to_dict()
    assert [d["date"] for d in data["documents"]] == list(TEXTS)
    comparison = data["comparison"]
    assert [(s["from"]["date"], s["to"]["date"]) for s in comparison["steps"]] == [
        ("2019-03-01", "2021-06-01"), ("2021-06-01", "2023-09-01")]
    assert (comparison["first_to_last"]["from"]["date"], comparison["first_to_last"]["to"]["date"]) == (
        "2019-03-01", "2023-09-01")
    hedges = [d["marker_measures"]["by_category"]["hedge"]["author_count"] for d in data["documents"]]
    assert hedges[0] >= 3 and hedges[1] == 0
    step = comparison["steps"][0]
    assert step["markers"]["hedge"]["change"] < 0 and step["markers"]["booster"]["change"] > 0
    names = {e["name"] for e in data["documents"][0]["entities"]}
    assert "Helena Varga" in names


def test_single_document_has_no_comparison(tmp_path, nlp):
    (tmp_path / "one.txt").write_text("---\ndate: 2020-01-01\n---\nIt may rain.\n", encoding="utf-8")
    report = analyze(load_corpus(tmp_path), nlp=nlp)
    assert report.comparison.steps == [] and report.findings == []
    assert "nothing to compare" in report.summary[0]


def test_marker_measures(builtin_report):
    from kalinovsky_nlp.schema import plain

    m = plain(builtin_report.documents[1].marker_measures)
    hedge = m["by_category"]["hedge"]
    assert hedge["rate"] == round(1000 * hedge["count"] / m["words"], 2)
    assert m["hedge_booster_ratio"] == round(hedge["author_count"] / m["by_category"]["booster"]["author_count"], 2)
    sentences = builtin_report.documents[1].sentences
    assert m["sentences_with_hedge"] == sum(1 for s in sentences if s.uncertain)


def test_report_reads_step_by_step_for_more_than_two_documents(tmp_path, nlp):
    from kalinovsky_nlp.renderers import render

    report = analyze(load_corpus(write_corpus(tmp_path)), nlp=nlp)
    text = render(report, "markdown")
    assert "## Step by step" in text
    assert "2019-03-01 -> 2021-06-01" in text and "2021-06-01 -> 2023-09-01" in text
    assert text.index("## How the author's judgement changed") < text.index("## Step by step")


def test_two_processes_give_the_same_profiles_in_the_same_order(nlp):
    import datetime

    from kalinovsky_nlp.analysis import iter_profiles
    from kalinovsky_nlp.corpus import Document

    base = load_corpus()
    docs = [Document(id=f"d{i}", date=datetime.date(2000 + i, 1, 1), text=base[i % 2].text[: 300 + 40 * i])
            for i in range(12)]
    one = [p.to_dict() for p in iter_profiles(docs, nlp=nlp)]
    seen = []
    two = [p.to_dict() for p in iter_profiles(docs, nlp=nlp, n_process=2, batch_size=4, on_document=seen.append)]
    assert [p["id"] for p in two] == [d.id for d in docs]
    assert two == one
    assert len(seen) == len(docs)


@pytest.mark.parametrize(
    "counts,rates,expected",
    [
        ((5, 9), (4.0, 6.0), "more"),
        ((6, 2), (5.0, 1.0), "less"),
        ((1, 1), (2.0, 1.0), None),  # one mention in a longer text is not "less prominent"
        ((3, 3), (2.0, 1.5), None),  # the same count: only the text's length changed
        ((4, 5), (3.0, 2.0), None),  # counts and rates disagree
    ],
)
def test_prominence_needs_counts_and_rates_to_agree(counts, rates, expected):
    from kalinovsky_nlp.compare import prominence

    assert prominence(*counts, *rates) == expected
