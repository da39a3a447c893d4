"""The component factories: their default configuration, and each setting reaching the component it makes.

Components are made directly from the factory functions and run on a parsed Doc, so the session pipeline is left
as it is (tests/test_pipeline.py checks the entry points and ``add_pipe`` by name in a fresh process)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kalinovsky_nlp.components.factories import (
    AttributionFinder,
    make_attribution,
    make_canonical_entities,
    make_metadiscourse,
)

TEXT = ("Officials said that the council may perhaps raise bus fares. Is that fair? The U.S. Treasury and the Federal "
        "Reserve disagree.")


def defaults(factory: str, **settings):
    """The factory's default settings (the scorer left out) with ``settings`` over them."""
    config = {k: v for k, v in Language.get_factory_meta(factory).default_config.items() if k != "scorer"}
    config.update(settings)
    if factory == "kalinovsky_metadiscourse":
        config["scorer"] = None
    return config


@pytest.fixture
def doc(nlp):
    return nlp(TEXT)  # a fresh Doc per test: the components under test write to it


def test_default_configurations():
    meta = Language.get_factory_meta("kalinovsky_metadiscourse")
    assert {k: v for k, v in meta.default_config.items() if not k.endswith("_extension")} == {
        "spans_key": "kn_markers", "lexicon": "metadiscourse.tsv",
        "categories": ["hedge", "booster", "attitude", "self_mention", "engagement"], "questions": True,
        "scorer": {"@scorers": "kalinovsky_nlp.markers_scorer.v1"}}
    assert meta.default_config["voice_extension"] == "kn_voice"
    assert meta.assigns == ["doc.spans"]
    entities = Language.get_factory_meta("kalinovsky_entities")
    assert entities.default_config["spans_key"] == "kn_entities"
    assert entities.default_config["aliases"] is None and entities.default_config["known_entities"] is True
    assert "doc._.kn_entity_mentions" in entities.assigns
    assert Language.get_factory_meta("kalinovsky_attribution").assigns == ["doc._.kn_attributions"]


def test_metadiscourse_settings_reach_the_tagger(nlp, doc):
    assert ("Is that fair?", "engagement") in [(s.text, s.label_) for s in doc.spans["kn_markers"]]
    tagger = make_metadiscourse(nlp, "hedges_only", **defaults("kalinovsky_metadiscourse", spans_key="hedges_only",
                                                                         categories=["hedge"], questions=False))
    tagger(doc)
    assert [(s.text, s.label_) for s in doc.spans["hedges_only"]] == [("Officials", "hedge"), ("may", "hedge"),
                                                                      ("perhaps", "hedge")]
    with_questions = make_metadiscourse(nlp, "q", **defaults("kalinovsky_metadiscourse", spans_key="questions",
                                                                        categories=["engagement"], questions=True))
    with_questions(doc)
    assert ("Is that fair?", "engagement") in [(s.text, s.label_) for s in doc.spans["questions"]]
    without = make_metadiscourse(nlp, "nq", **defaults("kalinovsky_metadiscourse", spans_key="no_questions",
                                                                  categories=["engagement"], questions=False))
    without(doc)
    assert "Is that fair?" not in [s.text for s in doc.spans["no_questions"]]


def test_an_unknown_category_is_refused(nlp):
    with pytest.raises(ValueError, match=r"unknown metadiscourse categories \['evidential'\]"):
        make_metadiscourse(nlp, "x", **defaults("kalinovsky_metadiscourse", spans_key="x",
                                                categories=["hedge", "evidential"]))


def test_the_attribution_finder_stores_plain_dicts(nlp, doc):
    finder = make_attribution(nlp, "who_says", **defaults("kalinovsky_attribution"))
    assert isinstance(finder, AttributionFinder) and finder.name == "who_says"
    doc._.kn_attributions = None
    finder(doc)
    (said,) = doc._.kn_attributions
    assert isinstance(said, dict)
    assert (said["cue"], said["holder"], said["kind"]) == ("said", "Officials", "reporting_verb")
    assert doc[said["content_start"] : said["content_end"]].text == "that the council may perhaps raise bus fares"


def test_entity_settings_reach_the_component(nlp, doc):
    known = make_canonical_entities(nlp, "e1", **defaults("kalinovsky_entities", spans_key="known",
                                                                   labels=["ORG", "GPE"], known_entities=True))
    known(doc)
    assert [(s.text, s.label_) for s in doc.spans["known"]] == [("U.S.", "GPE"), ("Treasury", "ORG"),
                                                                ("Federal Reserve", "ORG")]
    assert doc._.kn_entity_mentions[0]["canonical"] == "United States"
    orgs = make_canonical_entities(nlp, "e2", **defaults("kalinovsky_entities", spans_key="orgs", labels=["ORG"],
                                                                  known_entities=False))
    orgs(doc)
    assert [s.text for s in doc.spans["orgs"]] == ["Treasury", "Federal Reserve"]
    assert "United States" not in [m["canonical"] for m in doc._.kn_entity_mentions]
