"""The indexed attribute ruler finds the same matches as spaCy's AttributeRuler and sets the same attributes."""

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from kalinovsky_nlp.components.factories import INDEXED_RULER_FACTORY, index_attribute_ruler
from kalinovsky_nlp.components.indexedruler import IndexedAttributeRuler
from kalinovsky_nlp.pipeline import resolve_model

#: Prose of several kinds and subjects, with the tokens the model's rules single out (contractions, "'s", spaces,
#: quotes, numbers, symbols, URLs, emoji).
TEXTS = [
    "The council, which had promised lower fares, raised them again in March.",
    "I wasn't sure we'd make it; y'all can't imagine how cold it was!",
    "Rents rose 4.5% to a record ($2,100 a month), tenants' groups say.",
    "The enzyme's activity doubled at 37 °C, whereas the mutant's did not.",
    "\"Gonna be fine,\" she said -- and it was.\n\nThen  the  rain   came.",
    "Visit https://example.org/a?b=1 or mail info@example.org :-) 😀 #tbt",
    "It's the team's third loss; they'll regroup, won't they?",
    "Whom did the committee ask, and what'd they decide?",
    "",
    " ",
    "A",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(resolve_model())


@pytest.fixture(scope="module")
def indexed():
    nlp = spacy.load(resolve_model())
    assert index_attribute_ruler(nlp)
    return nlp


def _before_ruler(nlp, text):
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = pipe(doc)
    raise AssertionError("no attribute_ruler")


@pytest.mark.parametrize("text", TEXTS)
def test_the_models_rules_match_as_spacys(stock, indexed, text):
    doc = _before_ruler(stock, text)
    assert indexed.get_pipe("attribute_ruler").match(doc) == stock.get_pipe("attribute_ruler").match(doc)


def test_every_token_gets_the_same_attributes(stock, indexed):
    columns = [POS, TAG, MORPH, LEMMA, DEP]
    got = [doc.to_array(columns).tolist() for doc in indexed.pipe(TEXTS)]
    expected = [doc.to_array(columns).tolist() for doc in stock.pipe(TEXTS)]
    assert got == expected
    assert any(row for doc in got for row in doc)


def test_the_pipeline_keeps_its_names_and_order(stock, indexed):
    assert indexed.pipe_names == stock.pipe_names
    assert type(indexed.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert indexed.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns


def test_load_pipeline_indexes_the_ruler(nlp):
    assert type(nlp.get_pipe("attribute_ruler")) is IndexedAttributeRuler


def test_index_attribute_ruler_leaves_other_pipelines_alone(indexed):
    assert not index_attribute_ruler(spacy.blank("en"))  # no ruler
    assert not index_attribute_ruler(indexed)  # already indexed


#: Patterns of every shape the lookup models: several tokens with a negative index, sets, a regex, flags.
CUSTOM = [
    {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"LEMMA": "New York"}, "index": 0},
    {"patterns": [[{"ORTH": "Dr"}, {"ORTH": "."}]], "attrs": {"NORM": "doctor"}, "index": -2},
    {"patterns": [[{"LOWER": {"IN": ["cat", "cats"]}}]], "attrs": {"LEMMA": "cat"}},
    {"patterns": [[{"LOWER": {"REGEX": "^re"}, "IS_ALPHA": True}]], "attrs": {"NORM": "re-word"}},
    {"patterns": [[{"IS_PUNCT": True, "ORTH": {"NOT_IN": [".", ","]}}]], "attrs": {"LEMMA": "PUNCT"}},
    {"patterns": [[{"LIKE_NUM": True}, {"LOWER": "cats"}]], "attrs": {"LEMMA": "counted"}, "index": -1},
    {"patterns": [[{"TEXT": "cats"}]], "attrs": {"NORM": "felines"}},
]
CUSTOM_TEXTS = ["Dr . Rees saw 3 cats in New York; new york cats!", "Redo the cat's review? Yes: re-read it.", ""]


def _rulers(patterns):
    nlp = spacy.blank("en")
    stock_ruler = AttributeRuler(nlp.vocab)
    stock_ruler.add_patterns(patterns)
    indexed_ruler = IndexedAttributeRuler(nlp.vocab)
    indexed_ruler.add_patterns(patterns)
    return nlp, stock_ruler, indexed_ruler


def _attributes(doc):
    return [(t.lemma_, t.norm_) for t in doc]


@pytest.mark.parametrize("text", CUSTOM_TEXTS)
def test_custom_patterns_match_as_spacys(text):
    nlp, stock_ruler, indexed_ruler = _rulers(CUSTOM)
    assert indexed_ruler.match(nlp(text)) == stock_ruler.match(nlp(text))
    assert _attributes(indexed_ruler(nlp(text))) == _attributes(stock_ruler(nlp(text)))


def test_custom_patterns_change_the_tokens_they_name():
    nlp, _, indexed_ruler = _rulers(CUSTOM)
    doc = indexed_ruler(nlp("Dr . Rees saw 3 cats in New York!"))
    assert [(t.text, t.lemma_, t.norm_) for t in doc if t.lemma_ or t.norm_ != t.lower_] == [
        ("Dr", "", "doctor"), ("Rees", "", "re-word"), ("cats", "counted", "felines"), ("New", "New York", "new"),
        ("!", "PUNCT", "!")]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}],  # a quantifier
    [{"LENGTH": {">=": 4}}],  # an attribute and an operator the lookup does not model
    [{"LOWER": {"FUZZY": "gud"}}],
])
def test_patterns_the_lookup_does_not_model_fall_back_to_the_matcher(pattern):
    patterns = [{"patterns": [pattern], "attrs": {"LEMMA": "x"}}, *CUSTOM]
    nlp, stock_ruler, indexed_ruler = _rulers(patterns)
    for text in ("Very very good cats, very gud.", *CUSTOM_TEXTS):
        assert indexed_ruler.match(nlp(text)) == stock_ruler.match(nlp(text))
    assert indexed_ruler.match(nlp("Very very good"))  # the quantified or unmodelled pattern did match something


def test_patterns_added_later_are_used():
    nlp, _, indexed_ruler = _rulers(CUSTOM[:1])
    assert indexed_ruler.match(nlp("two cats")) == []
    indexed_ruler.add_patterns(CUSTOM[2:3])
    assert [(start, end) for _, _, start, end in indexed_ruler.match(nlp("two cats"))] == [(1, 2)]
    indexed_ruler.clear()
    with pytest.warns(UserWarning, match="W036"):  # no patterns: spaCy's Matcher says so, as for the original
        assert indexed_ruler.match(nlp("New York cats")) == []


def test_an_index_outside_the_match_raises_spacys_error():
    nlp, _, indexed_ruler = _rulers([{"patterns": [[{"LOWER": "cats"}]], "attrs": {"LEMMA": "x"}, "index": 2}])
    with pytest.raises(ValueError, match="E1001"):
        indexed_ruler(nlp("cats"))


def test_saved_and_loaded_with_its_patterns(tmp_path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(INDEXED_RULER_FACTORY, name="attribute_ruler")
    ruler.add_patterns(CUSTOM)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert type(loaded.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert loaded.get_pipe("attribute_ruler").patterns == ruler.patterns
    text = CUSTOM_TEXTS[0]
    assert _attributes(loaded(text)) == _attributes(nlp(text))
