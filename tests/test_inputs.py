"""Data as it comes: kn.analyze on Documents, a path, records or texts with dates; kn.from_dataframe."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import kalinovsky_nlp as kn
from kalinovsky_nlp.corpus import CorpusError, Document
from kalinovsky_nlp.inputs import documents_from, from_texts

TEXTS = ["The council wants a tram. I think it is obviously too expensive, and it may never pay.",
         "The tram opened. It is clearly a success, and I was wrong: riders certainly agree."]


def summary_of(report) -> tuple[list[str], list[str]]:
    data = report.to_dict()
    return [d["id"] for d in data["documents"]], [d["date"] for d in data["documents"]]


def test_texts_with_dates_ids_and_titles(nlp):
    report = kn.analyze(TEXTS, dates=["2021-05-02", dt.date(2019, 3, 1)], ids=["late", "early"],
                        titles=["Opened", None], nlp=nlp)
    assert summary_of(report) == (["early", "late"], ["2019-03-01", "2021-05-02"])
    assert [d.document.title for d in report.documents] == [None, "Opened"]
    assert report.warnings == []


def test_texts_get_default_ids_and_datetimes_become_dates(nlp):
    report = kn.analyze(TEXTS, dates=[dt.datetime(2019, 3, 1, 23, 59), "2021-05-02T10:00:00+02:00"], nlp=nlp)
    assert summary_of(report) == (["text-1", "text-2"], ["2019-03-01", "2021-05-02"])


def test_records(nlp):
    records = [{"date": "2021-05-02", "text": TEXTS[1], "id": "b", "speaker": "X"},
               {"date": dt.date(2019, 3, 1), "text": TEXTS[0]}]
    report = kn.analyze(records, nlp=nlp)
    assert summary_of(report) == (["record-2", "b"], ["2019-03-01", "2021-05-02"])
    assert report.documents[1].document.metadata == {"speaker": "X"}


def test_documents_with_string_and_datetime_dates(nlp):
    documents = [Document(id="a", date="2019-03-01", text=TEXTS[0]),  # type: ignore[arg-type]
                 Document(id="b", date=dt.datetime(2021, 5, 2, 8), text=TEXTS[1])]
    report = kn.analyze(documents, nlp=nlp)
    assert summary_of(report) == (["a", "b"], ["2019-03-01", "2021-05-02"])
    assert all(type(d.document.date) is dt.date for d in report.documents)


def test_a_path(tmp_path, nlp):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"date": f"20{19 + 2 * i}-01-01", "text": t}) + "\n"
                            for i, t in enumerate(TEXTS)), encoding="utf-8")
    assert summary_of(kn.analyze(path, nlp=nlp)) == (["c-1", "c-2"], ["2019-01-01", "2021-01-01"])
    assert summary_of(kn.analyze(str(path), nlp=nlp))[1] == ["2019-01-01", "2021-01-01"]


@pytest.mark.parametrize("corpus, kwargs, error, message", [
    ([], {}, ValueError, "no documents: give two or more dated texts"),
    (TEXTS, {}, TypeError, r"a list of texts needs their dates: kn.analyze\(texts, dates=\[...\]\)"),
    (TEXTS, {"dates": ["2020-01-01"]}, ValueError, "dates= has 1 values for 2 texts"),
    (TEXTS, {"dates": "2020-01-01"}, TypeError, "dates= must be a list with one value per text, not str"),
    (TEXTS, {"dates": ["2020-01-01", "yesterday"]}, CorpusError, "text 2: malformed date 'yesterday'"),
    (TEXTS, {"dates": ["2020-01-01", 2020]}, CorpusError, "text 2: date 2020 is a int"),
    (TEXTS, {"dates": ["2020-01-01", None]}, CorpusError, "text 2: missing date"),
    (TEXTS, {"dates": ["2020-01-01", "2021-01-01"], "ids": ["a"]}, ValueError, "ids= has 1 values for 2 texts"),
    ([TEXTS[0], 3], {"dates": ["2020-01-01", "2021-01-01"]}, TypeError, r"a list of int, str: give only"),
    (["", TEXTS[0]], {"dates": ["2020-01-01", "2021-01-01"]}, CorpusError, "text 1: empty text"),
    ("a text, not a path.txt", {"dates": ["2020-01-01"]}, TypeError, "dates=, ids= and titles= go with a list"),
    ([{"text": TEXTS[0]}], {}, CorpusError, "record 1: missing date"),
    ([{"date": "2020-01-01", "text": TEXTS[0]}], {"dates": ["2020-01-01"]}, TypeError, "carry their own"),
    ({"date": "2020-01-01", "text": TEXTS[0]}, {}, TypeError, "cannot analyse a dict: give a corpus path"),
    (b"bytes", {}, TypeError, "cannot analyse a bytes"),
    (42, {}, TypeError, "cannot analyse a int"),
    ([Document(id="a", date="13/01/2020", text="Hi.")], {}, CorpusError,  # type: ignore[arg-type]
     r"malformed date '13/01/2020'"),
    ([Document(id="a", date=dt.date(2020, 1, 1), text=" \u200b ")], {}, CorpusError, "empty text"),
])
def test_wrong_input_is_refused_at_the_entry_point(corpus, kwargs, error, message):
    with pytest.raises(error, match=message):
        kn.analyze(corpus, **kwargs)


def test_dataframe(nlp):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "body": TEXTS,
        "published": pd.to_datetime(["2021-05-02 10:00", "2019-03-01 00:00"]),
        "ref": ["late", "early"],
        "headline": ["Opened", None],
        "score": [0.5, float("nan")],
        "count": pd.array([3, None], dtype="Int64"),
    })
    documents = kn.from_dataframe(df, text="body", date="published", id="ref", title="headline")
    assert [(d.id, d.date, d.title) for d in documents] == [("late", dt.date(2021, 5, 2), "Opened"),
                                                            ("early", dt.date(2019, 3, 1), None)]
    assert documents[0].metadata == {"score": 0.5, "count": 3}
    assert documents[1].metadata == {"score": None, "count": None}
    report = kn.analyze(documents, nlp=nlp)
    assert summary_of(report) == (["early", "late"], ["2019-03-01", "2021-05-02"])
    json.dumps(report.to_dict(), allow_nan=False)


def test_dataframe_defaults_and_errors():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": TEXTS, "date": ["2019-03-01", dt.date(2021, 5, 2)]}, index=["x", "y"])
    assert [(d.id, d.date.isoformat(), d.source) for d in kn.from_dataframe(df)] == [
        ("x", "2019-03-01", "DataFrame row x"), ("y", "2021-05-02", "DataFrame row y")]
    with pytest.raises(ValueError, match=r"no 'body' column for text= \(columns: text, date\)"):
        kn.from_dataframe(df, text="body")
    with pytest.raises(TypeError, match="takes a pandas DataFrame, not a list"):
        kn.from_dataframe([{"text": "x"}])
    with pytest.raises(TypeError, match=r"use kn.analyze\(kn.from_dataframe"):
        kn.analyze(df)
    bad = pd.DataFrame({"text": ["Hi there.", None], "date": ["2020-01-01", "2021-01-01"]})
    with pytest.raises(CorpusError, match=r"DataFrame row 1: field 'text' must be a string, not NoneType"):
        kn.from_dataframe(bad)
    with pytest.raises(CorpusError, match="DataFrame row 0: malformed date"):
        kn.from_dataframe(pd.DataFrame({"text": ["Hi."], "date": ["01/02/2020"]}))


def test_documents_from_keeps_input_order():
    documents = from_texts(TEXTS, dates=["2021-01-01", "2019-01-01"])
    assert [d.id for d in documents_from(documents)] == ["text-1", "text-2"]


def test_public_names():
    assert kn.from_dataframe.__module__ == "kalinovsky_nlp.inputs"
    assert issubclass(kn.CorpusWarning, UserWarning)


def test_streamed_profiles_get_the_warnings_too(nlp):
    profiles = list(kn.iter_profiles(from_texts([TEXTS[0]], dates=["2020-01-01"]), nlp=nlp))
    report = kn.report_from_profiles(profiles)
    assert report.warnings == ["nothing to compare: give two or more dated texts (one document, text-1 "
                               "(2020-01-01))"]
    assert report.to_dict()["warnings"] == report.warnings
