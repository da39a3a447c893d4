"""Timelines of a report, read from hand-made report dictionaries: series, targets, figures and inline SVG."""

from __future__ import annotations

import re

import pytest

from kalinovsky_nlp.plotting import (
    Series,
    entity_salience_series,
    marker_rate_series,
    plot_timeline,
    resolve_target,
    target_label,
    target_series,
    timeline_charts,
    tracked_targets,
)


def claim(index, certainty="CT+", *, entity=None, key=None, voice="author", evaluations=()):
    args = []
    if entity:
        args.append({"key": f"ent:{entity}", "text": entity, "role": "subject", "entity": entity})
    if key:
        args.append({"key": key, "text": key[3:], "role": "object", "entity": None})
    return {"index": index, "certainty": certainty, "voice": voice, "arguments": args,
            "entities": [entity] if entity else [], "stance": None,
            "evaluations": [{"target": t, "score": s, "cues": ["w"]} for t, s in evaluations]}


def entity(name, count, rate, demonym_of=None):
    return {"name": name, "label": "ORG", "count": count, "rate_per_1000_words": rate, "demonym_of": demonym_of}


def doc(date, *, claims=(), entities=(), hedge_rate=None):
    by_category = {}
    if hedge_rate is not None:
        by_category["hedge"] = {"author_rate": hedge_rate, "author_count": 3}
    return {"id": f"d-{date}", "date": date, "claims": list(claims), "entities": list(entities),
            "marker_measures": {"by_category": by_category}}


def finding(targets, confidence="high", earlier=None, later=None):
    return {"targets": list(targets), "confidence": confidence, "from": earlier or {}, "to": later or {}}


# --- Series and labels -------------------------------------------------------------------------------------------

def test_series_points_skip_dates_without_a_value():
    s = Series("k", "K", ("2019", "2020", "2021"), (1.0, None, 0.0), ("a", "b", "c"))
    assert s.points() == [("2019", 1.0, "a"), ("2021", 0.0, "c")]


@pytest.mark.parametrize("target, label", [
    ("entity:Transit Authority", "Transit Authority"), ("user:bus_fare_rises", "bus fare rises"),
    ("np:inflation", "inflation"), ("ent:Lisbon", "Lisbon"), ("plain", "plain"), ("entity:", "entity:"),
])
def test_target_label(target, label):
    assert target_label(target) == label


# --- resolve_target ------------------------------------------------------------------------------------------------

REPORT = {
    "documents": [doc("2019-01-01", claims=[claim(0, entity="Metro", key="np:fare")], entities=[entity("Metro", 2, 4.0)]),
                  doc("2020-01-01", entities=[entity("Harbour Board", 1, 2.0)])],
    "findings": [finding(["user:fare_policy"])],
    "comparison": {"steps": [{"findings": [finding(["np:deficit"], "low")]}], "first_to_last": None},
}


@pytest.mark.parametrize("given, full", [
    ("user:fare_policy", "user:fare_policy"),
    ("fare_policy", "user:fare_policy"),
    ("np:deficit", "np:deficit"),  # a target of a step's finding, whatever its confidence
    ("np:fare", "np:fare"),  # a claim argument key
    ("ent:Metro", "ent:Metro"),
    ("entity:Metro", "entity:Metro"),
    ("Metro", "entity:Metro"),
    ("Harbour Board", "entity:Harbour Board"),
])
def test_resolve_target(given, full):
    assert resolve_target(REPORT, given) == full


def test_an_unknown_target_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown target 'Tram': .*this report has entity:Harbour Board, "
                                         r"entity:Metro, np:deficit, user:fare_policy$"):
        resolve_target(REPORT, "Tram")
    with pytest.raises(ValueError, match="unknown target 'entity:Tram'"):
        resolve_target(REPORT, "entity:Tram")
    with pytest.raises(ValueError, match="this report has none$"):
        resolve_target({"documents": []}, "Tram")
    many = {"documents": [doc("2019-01-01", entities=[entity(f"E{n:02}", 1, 1.0) for n in range(13)])]}
    with pytest.raises(ValueError, match=r"entity:E11 \.\.\.$"):
        resolve_target(many, "Tram")


# --- series --------------------------------------------------------------------------------------------------------

def test_marker_rate_series_in_date_order_with_zero_where_missing():
    report = {"documents": [doc("2021-01-01", hedge_rate=6.25), doc("2019-01-01")]}
    series = marker_rate_series(report)
    assert [s.key for s in series] == ["hedge", "booster", "attitude", "self_mention", "engagement"]
    hedges = series[0]
    assert hedges.dates == ("2019-01-01", "2021-01-01")
    assert hedges.values == (0.0, 6.25)
    assert hedges.tips == ("2019-01-01: hedges 0.0 per 1,000 words (n=0)", "2021-01-01: hedges 6.2 per 1,000 words (n=3)")


def test_entity_salience_by_total_mentions_without_demonyms():
    report = {"documents": [
        doc("2019-01-01", entities=[entity("Metro", 1, 2.0), entity("Lisbon", 3, 6.0),
                                    entity("Portuguese", 9, 18.0, demonym_of="Portugal")]),
        doc("2020-01-01", entities=[entity("Metro", 4, 8.0)]),
    ]}
    series = entity_salience_series(report)
    assert [s.key for s in series] == ["entity:Metro", "entity:Lisbon"]
    assert series[1].values == (6.0, 0.0)
    assert series[1].tips == ("2019-01-01: Lisbon 6.0 per 1,000 words (3 mentions)",
                              "2020-01-01: Lisbon 0.0 per 1,000 words (0 mentions)")
    assert series[0].tips[0] == "2019-01-01: Metro 2.0 per 1,000 words (1 mention)"
    assert [s.key for s in entity_salience_series(report, limit=1)] == ["entity:Metro"]


def test_with_more_than_two_documents_entities_found_in_more_of_them_come_first():
    docs = [doc("2019-01-01", entities=[entity("Lisbon", 9, 9.0), entity("Metro", 1, 1.0)]),
            doc("2020-01-01", entities=[entity("Metro", 1, 1.0)])]
    assert [s.label for s in entity_salience_series({"documents": docs})] == ["Lisbon", "Metro"]
    three = docs + [doc("2021-01-01")]
    assert [s.label for s in entity_salience_series({"documents": three})] == ["Metro", "Lisbon"]


def test_target_series_of_an_argument_key_sums_all_evaluations_per_claim():
    report = {"documents": [
        doc("2019-01-01", claims=[claim(0, "PR+", key="np:fare", evaluations=[("np:fare", 1.0), ("ent:X", 0.5)]),
                                  claim(1, "CT-", key="np:fare")]),
        doc("2020-01-01", claims=[claim(0, "PS+", key="np:tram")]),
    ]}
    certainty, evaluation = target_series(report, "np:fare")
    assert certainty.key == "np:fare/certainty" and certainty.label == "fare: certainty"
    assert certainty.values == (-0.5, None)
    assert evaluation.values == (0.75, None)
    assert certainty.tips[0] == ("2019-01-01: fare, mean certainty -0.50 (about Uu) over 2 claims: PR+ \u00d71, "
                                 "CT- \u00d71")
    assert evaluation.tips == ("2019-01-01: fare, evaluation +0.75 per claim (2 claims)", "2020-01-01: fare not discussed")


def test_target_series_of_a_user_target_reads_the_claims_of_its_findings():
    report = {"documents": [doc("2019-01-01", claims=[claim(0, "PS+"), claim(1, "CT+")]),
                            doc("2020-01-01", claims=[claim(0, "PR-"), claim(1, "CT+")])],
              "findings": [finding(["user:fare_policy"], earlier={"document": "d-2019-01-01", "claims": [0]},
                                   later={"document": "d-2020-01-01", "claims": [0, 1]})]}
    certainty, _ = target_series(report, "fare_policy")
    assert certainty.values == (1.0, 0.5)


def test_a_reported_claim_counts_only_where_the_author_has_none():
    report = {"documents": [doc("2019-01-01", claims=[claim(0, "Uu", entity="Metro", voice="reported")],
                                entities=[entity("Metro", 1, 1.0)]),
                            doc("2020-01-01", claims=[claim(0, "Uu", entity="Metro", voice="reported"),
                                                      claim(1, "PR+", entity="Metro")])]}
    certainty, _ = target_series(report, "Metro")
    assert certainty.values == (0.0, 2.0)


# --- tracked targets -----------------------------------------------------------------------------------------------

def test_tracked_targets_need_claims_on_two_dates_in_a_longer_series():
    metro = [claim(0, entity="Metro")]
    docs = [doc("2019-01-01", claims=metro + [claim(1, key="np:fare")], entities=[entity("Metro", 1, 1.0)]),
            doc("2020-01-01", claims=metro + [claim(1, key="np:tram")]),
            doc("2021-01-01", claims=[claim(0, key="np:fare")])]
    report = {"documents": docs, "findings": [finding(["np:tram"]), finding(["np:fare"])],
              "comparison": {"steps": [{"findings": [finding(["np:deficit"], "medium")]}]}}
    # np:tram on one date only; np:deficit has no claim
    assert tracked_targets(report) == ["np:fare", "entity:Metro"]
    assert tracked_targets({**report, "documents": docs[:2]}) == ["np:tram", "np:fare", "entity:Metro"]
    assert tracked_targets(report, limit=1) == ["np:fare"]


def test_a_low_confidence_step_finding_is_not_tracked():
    docs = [doc("2019-01-01", claims=[claim(0, key="np:fare")]), doc("2020-01-01")]
    step = {"findings": [finding(["np:fare"], "low")]}
    assert tracked_targets({"documents": docs, "comparison": {"steps": [step]}}) == []
    step["findings"][0]["confidence"] = "medium"
    assert tracked_targets({"documents": docs, "comparison": {"steps": [step]}}) == ["np:fare"]


# --- figures -------------------------------------------------------------------------------------------------------

def test_a_timeline_needs_two_documents_and_something_to_draw():
    with pytest.raises(ValueError, match="needs at least two dated documents; this report has 1"):
        plot_timeline({"documents": [doc("2019-01-01")]})
    two = {"documents": [doc("2019-01-01"), doc("2020-01-01")]}
    with pytest.raises(ValueError, match="no target to draw"):
        plot_timeline(two)
    with pytest.raises(ValueError, match="no entity was found"):
        plot_timeline(two, measure="entities")


def test_a_target_timeline_over_three_dates():
    docs = [doc(f"{y}-01-01", claims=[claim(0, c, entity="Metro")] if c else [],
                entities=[entity("Metro", 1, 1.0)] if c else [])
            for y, c in ((2019, "PS+"), (2020, None), (2021, "CT+"))]
    figure = plot_timeline({"documents": docs}, target="Metro")
    lines = {line.get_gid(): line for line in figure.axes[0].get_lines()}
    certainty = lines["target-certainty-s0"]
    assert [v for v in certainty.get_ydata() if v == v] == [1.0, 3.0]  # NaN where not discussed
    assert len(lines["target-certainty-absent"].get_xdata()) == 1
    assert figure._suptitle.get_text() == "Metro"


def test_timeline_charts_are_annotated_svg():
    assert timeline_charts({"documents": [doc("2019-01-01")]}) == []
    docs = [doc("2019-01-01", claims=[claim(0, "PS+", entity="Metro")], entities=[entity("Metro", 1, 2.0)],
                hedge_rate=4.0),
            doc("2020-01-01", claims=[claim(0, "CT+", entity="Metro")], entities=[entity("Metro", 3, 5.0)],
                hedge_rate=2.0)]
    charts = timeline_charts({"documents": docs})
    assert [(c.id, c.kind, c.title) for c in charts] == [
        ("kn-chart-target1", "target", "Metro"), ("kn-chart-markers", "markers", "Stance markers per 1,000 words"),
        ("kn-chart-entities", "entities", "Salience of the main entities")]
    target = charts[0]
    assert target.description.startswith("Slope chart of Metro, 2019-01-01 to 2020-01-01: ")
    assert "in 2 of 2 documents" in target.description
    assert target.svg.startswith("<svg") and "<?xml" not in target.svg and "<metadata" not in target.svg
    assert 'aria-labelledby="kn-chart-target1-title kn-chart-target1-desc"' in target.svg
    assert target.svg.count('class="kn-point"') == 4  # certainty and evaluation on two dates
    assert "data-tip=\"2019-01-01: Metro, mean certainty +1.00 (about PS+) over 1 claim: PS+ \u00d71\"" in target.svg
    ids = re.findall(r'\bid="([^"]+)"', target.svg)
    assert ids and all(i.startswith("kn-chart-target1-") for i in ids)
    markers = charts[1]
    assert markers.description.startswith("Paired bars of the author's own stance markers per 1,000 words")
    assert markers.svg.count('class="kn-point"') == 10  # five categories on two dates
