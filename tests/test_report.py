"""The report object and its JSON contract on the built-in corpus."""

from __future__ import annotations

import json


def test_contract_top_level(builtin_report_dict):
    d = builtin_report_dict
    assert d["schema_version"] == "1.0"
    assert set(d) >= {"schema_version", "documents", "comparison", "summary", "findings", "model"}
    json.dumps(d)  # serialisable


def test_documents(builtin_report_dict):
    docs = builtin_report_dict["documents"]
    assert [(x["id"], x["date"]) for x in docs] == [("kalinovsky-2017-05-08", "2017-05-08"),
                                                    ("kalinovsky-2020-07-22", "2020-07-22")]
    assert docs[0]["title"] == "Russia Gambles in Afghanistan \u2013 Again"
    assert docs[0]["author"] == docs[1]["author"] == "Artemy M. Kalinovsky"
    assert docs[0]["text"].startswith("In recent weeks, senior U.S. military officials")
    assert docs[1]["text"].endswith("rather than an attempt to undermine the U.S.")
    for doc in docs:
        assert "Photo" not in doc["text"] and "Original url" not in doc["text"]


def test_markers_and_entities_have_offsets_into_text(builtin_report_dict):
    for doc in builtin_report_dict["documents"]:
        text = doc["text"]
        assert doc["markers"]
        for m in doc["markers"]:
            assert m["category"] in {"hedge", "booster", "attitude", "self_mention", "engagement"}
            assert m["voice"] in {"author", "attributed"}
            assert text[m["start"] : m["end"]] == m["text"]
        for e in doc["entities"]:
            assert e["count"] == len(e["mentions"])
            for mention in e["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]


def test_canonical_entities_of_the_builtin_corpus(builtin_report_dict):
    d2017, d2020 = builtin_report_dict["documents"]
    names17 = {e["name"]: e for e in d2017["entities"]}
    names20 = {e["name"]: e for e in d2020["entities"]}
    assert names17["Russia"]["label"] == "GPE" and names17["Russia"]["metonymy_count"] >= 5  # Moscow for Russia
    assert names20["Adam Schiff"]["label"] == "PERSON" and names20["Adam Schiff"]["count"] == 2
    assert names20["Ahmad Shah Massoud"]["label"] == "PERSON" and names20["Ahmad Shah Massoud"]["count"] == 3
    assert names17["Boris Yeltsin"]["count"] == 4
    assert "U.S." not in names20 and "Moscow" in names20  # "hosting talks in Moscow" is the city
    assert not any(e["label"] == "PERSON" and "Russia" in e["name"] for e in d2017["entities"])


def test_comparison_and_shifts(builtin_report_dict):
    comparison = builtin_report_dict["comparison"]
    assert len(comparison["steps"]) == 1 and comparison["first_to_last"] is None
    step = comparison["steps"][0]
    assert step["from"]["date"] == "2017-05-08" and step["to"]["date"] == "2020-07-22"
    assert comparison["shifts"]
    for shift in comparison["shifts"]:
        assert set(shift) >= {"target", "kind", "from", "to", "strength"}
        assert shift["from"]["date"] == "2017-05-08" and shift["to"]["date"] == "2020-07-22"
        assert shift["from"]["evidence"] or shift["to"]["evidence"]
        for side in ("from", "to"):
            doc = builtin_report_dict["documents"][0 if side == "from" else 1]
            for sentence in shift[side]["evidence"]:
                assert sentence in doc["text"]
    strengths = [f["strength"] for f in builtin_report_dict["findings"]]
    assert strengths == sorted(strengths, reverse=True)
    kinds = {s["kind"] for s in comparison["shifts"]}
    assert "new" in kinds  # e.g. the bounty allegations exist only in 2020


def test_summary_leads_with_findings(builtin_report_dict):
    summary = builtin_report_dict["summary"]
    findings = builtin_report_dict["findings"]
    assert summary[: len(findings)] == [f["statement"] for f in findings]
    assert any("words" in line and "2020-07-22" in line for line in summary)


def test_keyness_note_is_honest(builtin_report_dict):
    keyness = builtin_report_dict["comparison"]["steps"][0]["keyness"]
    assert keyness["significant_after_correction"] == 0
    assert "Bonferroni" in keyness["note"]
    assert keyness["later"] and keyness["earlier"]
