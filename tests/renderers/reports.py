"""Hand-made report dictionaries (the shape of ``Report.to_dict()``) for the renderer tests: only what a case needs."""

from __future__ import annotations

import copy
from typing import Any

CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement")


def measures(words: int = 500, *, hedge: tuple[int, int] = (2, 3), epistemic: int | None = 1,
             ratio: float | None = 2.0, share: float = 0.25) -> dict[str, Any]:
    """Marker measures: ``hedge`` is (author count, count); the other categories have one marker of the author."""
    by_category = {}
    for category in CATEGORIES:
        own, every = hedge if category == "hedge" else (1, 1)
        by_category[category] = {"count": every, "rate": round(1000 * every / words, 2), "author_count": own,
                                 "author_rate": round(1000 * own / words, 2)}
    data: dict[str, Any] = {"words": words, "by_category": by_category, "by_subcategory": {},
                            "hedge_booster_ratio": ratio, "sentences_with_hedge": 1,
                            "share_sentences_with_hedge": share}
    if epistemic is not None:
        data["epistemic_hedge"] = {"count": epistemic, "rate": round(1000 * epistemic / words, 2),
                                   "author_count": epistemic, "author_rate": round(1000 * epistemic / words, 2)}
    return data


def document(date: str, *, id: str | None = None, title: str | None = None, author: str | None = "Ana Silva",
             venue: str | None = "City Gazette", words: int = 500, markers=(), sentences=(), entities=(),
             **measure_options: Any) -> dict[str, Any]:
    return {
        "id": id or f"doc-{date}", "date": date, "title": title, "subtitle": None, "author": author, "venue": venue,
        "url": None, "source": None, "metadata": {}, "text": "", "boilerplate": [],
        "stats": {"words": words, "sentences": 20, "mean_sentence_length": words / 20, "type_token_ratio": 0.61234,
                  "mtld": 72.5},
        "readability": {"flesch_reading_ease": 55.25, "flesch_kincaid_grade": 10.0, "gunning_fog": None,
                        "coleman_liau_index": 11.5, "automated_readability_index": 12.04},
        "markers": list(markers), "marker_measures": measures(words, **measure_options),
        "entities": list(entities), "sentences": list(sentences), "attributions": [], "claims": [], "terms": {},
        "claim_links": [],
    }


def marker(category: str, text: str, voice: str = "author") -> dict[str, Any]:
    return {"category": category, "subcategory": "x", "text": text, "start": 0, "end": len(text), "voice": voice,
            "sentence": 0, "epistemic": None}


def sentence(index: int, text: str, hedges: int) -> dict[str, Any]:
    return {"index": index, "start": 0, "end": len(text), "text": text, "hedges": hedges, "boosters": 0,
            "uncertain": hedges > 0, "content": []}


def entity(name: str, count: int, rate: float, label: str = "ORG", metonymy: int = 0,
           demonym_of: str | None = None) -> dict[str, Any]:
    return {"name": name, "label": label, "count": count, "rate_per_1000_words": rate, "first_position": 0,
            "first_position_relative": 0.0, "mentions": [], "demonym_of": demonym_of, "metonymy_count": metonymy,
            "sentences": []}


def side(date: str, certainty: str | None = "CT+", evidence=(), cues=()) -> dict[str, Any]:
    position = None if certainty is None else {"certainty": certainty, "voice": "author", "evaluation": 0.0,
                                               "claims": 1, "author_claims": 1, "initial_certainty": None}
    return {"document": f"doc-{date}", "date": date, "position": position, "evidence": list(evidence),
            "claims": [], "cues": list(cues), "holders": [], "quotes": []}


def finding(statement: str, earlier: dict, later: dict, confidence: str = "high") -> dict[str, Any]:
    return {"proposition": statement.split(":")[0], "statement": statement, "kinds": ["certainty_up"],
            "confidence": confidence, "confidence_reason": "the author's stance is explicit", "strength": 1.0,
            "shared_arguments": [], "shared_predicates": [], "targets": [], "revisions": [], "from": earlier,
            "to": later}


def step(earlier: str, later: str, findings=(), entities: dict | None = None, keyness: dict | None = None) -> dict:
    return {"from": {"id": f"doc-{earlier}", "date": earlier}, "to": {"id": f"doc-{later}", "date": later},
            "findings": list(findings),
            "entities": entities or {"in_both": [], "only_earlier": [], "only_later": [], "salience_changes": [],
                                     "author_stance_by_entity": []},
            "keyness": keyness}


def report(documents: list[dict], *, steps=(), first_to_last: dict | None = None, findings=(), narrative=(),
           summary=(), warnings=()) -> dict[str, Any]:
    return copy.deepcopy({
        "schema_version": "2.1", "generator": {"name": "kalinovsky-nlp", "version": "9.9.9"},
        "model": {"name": "en_test_model", "version": "1.2.3"}, "documents": documents,
        "comparison": {"steps": list(steps), "first_to_last": first_to_last}, "narrative": list(narrative),
        "certainty_legend": "Certainty tags: CT certain.", "findings": list(findings), "summary": list(summary),
        "warnings": list(warnings),
    })


def two_documents(**options: Any) -> dict[str, Any]:
    """Two documents, one step with the given findings and the given options of :func:`report`."""
    docs = [document("2019-03-01", title="Fares and trams"), document("2020-03-01", title="Fares again")]
    findings = options.pop("findings", ())
    return report(docs, steps=[step("2019-03-01", "2020-03-01", findings)], findings=findings, **options)
