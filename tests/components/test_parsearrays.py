"""The parse as plain lists agrees with spaCy's Token API, word for word."""

import pytest

from kalinovsky_nlp.components.parsearrays import parse_arrays

TEXTS = [
    "The council, which had promised lower fares, raised them again in March.",
    "I was skeptical of these claims at first. But today, perhaps, I should not be so dismissive.",
    "Rents rose to a record; tenants' groups say the city's re-zoning plan won't help.",
    "Hello!",
]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_arrays_equal_the_token_api(nlp, text):
    doc = nlp(text)
    parse = parse_arrays(doc)
    assert parse.dep == [t.dep_ for t in doc]
    assert parse.pos == [t.pos_ for t in doc]
    assert parse.lemma == [t.lemma_.lower() for t in doc]
    assert parse.lower == [t.lower_ for t in doc]
    assert parse.head == [t.head.i for t in doc]
    assert parse.children == [[c.i for c in t.children] for t in doc]
    for token in doc:
        assert parse.children_with(token.i, ("nsubj", "dobj")) == \
            [c.i for c in token.children if c.dep_ in ("nsubj", "dobj")]


def test_parse_arrays_of_an_empty_doc(nlp):
    parse = parse_arrays(nlp(""))
    assert (parse.dep, parse.pos, parse.lower, parse.lemma, parse.head, parse.children) == ([], [], [], [], [], [])
