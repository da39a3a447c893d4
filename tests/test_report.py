"""The report object and its JSON contract on the built-in corpus."""

from __future__ import annotations

import json


def test_contract_top_level(builtin_report_dict):
    d = builtin_report_dict
    from kalinovsky_nlp.schema import SCHEMA_VERSION

    assert d["schema_version"] == SCHEMA_VERSION
    assert set(d) >= {"schema_version", "documents", "comparison", "summary", "findings", "model", "narrative",
                      "certainty_legend"}
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


def test_comparison_and_findings(builtin_report_dict):
    comparison = builtin_report_dict["comparison"]
    assert len(comparison["steps"]) == 1 and comparison["first_to_last"] is None
    step = comparison["steps"][0]
    assert step["from"]["date"] == "2017-05-08" and step["to"]["date"] == "2020-07-22"
    assert step["findings"]
    for finding in step["findings"]:
        assert set(finding) >= {"proposition", "statement", "kinds", "confidence", "from", "to", "strength"}
        assert finding["from"]["date"] == "2017-05-08" and finding["to"]["date"] == "2020-07-22"
        assert finding["from"]["evidence"] or finding["to"]["evidence"]
        for side in ("from", "to"):
            doc = builtin_report_dict["documents"][0 if side == "from" else 1]
            for sentence in finding[side]["evidence"]:
                assert sentence in doc["text"]  # verbatim
    shown = builtin_report_dict["findings"]
    assert shown and all(f["confidence"] in ("high", "medium") for f in shown)
    assert shown == [f for f in step["findings"] if f["confidence"] in ("high", "medium")][: len(shown)]


def test_the_builtin_report_leads_with_the_arms_and_bounty_findings(builtin_report_dict):
    """The changes any reader names first: Russian arms to the Taliban (reported and doubted in 2017, the author's
    own claim in 2020) and the bounty story (new in 2020, doubted)."""
    findings = builtin_report_dict["findings"]
    arms = next(f for f in findings if "arms" in f["proposition"] and "Taliban" in f["proposition"])
    assert "certainty_up" in arms["kinds"]
    assert arms["from"]["position"]["certainty"] == "PS+" and arms["to"]["position"]["certainty"] == "CT+"
    assert any("accused the Russian government" in s for s in arms["from"]["evidence"])
    bounty = next(f for f in findings if "bount" in f["proposition"])
    assert bounty["kinds"] == ["new_judgement"] and bounty["to"]["position"]["certainty"].endswith("-")


def test_narrative_tells_the_story_in_a_few_sentences(builtin_report_dict):
    narrative = builtin_report_dict["narrative"]
    assert 3 <= len(narrative) <= 7
    assert "2017-05-08" in narrative[0] and "2020-07-22" in narrative[0]
    assert "FactBank" in builtin_report_dict["certainty_legend"]


def test_summary_is_about_measures_and_entities(builtin_report_dict):
    summary = builtin_report_dict["summary"]
    assert any("words" in line and "2020-07-22" in line for line in summary)


def test_keyness_note_is_honest(builtin_report_dict):
    keyness = builtin_report_dict["comparison"]["steps"][0]["keyness"]
    assert keyness["significant_after_correction"] == 0
    assert "Bonferroni" in keyness["note"]
    assert keyness["later"] and keyness["earlier"]
