"""Checks on values read from users' files: plain JSON data, bounded depth and size, valid Unicode."""

from __future__ import annotations

import json

import pytest

from kalinovsky_nlp.inputcheck import (
    MAX_DEPTH,
    MAX_VALUES,
    JSONValueError,
    check_json_value,
    first_lone_surrogate,
    loads_strict,
    nesting_depth,
)


def nested(depth: int, leaf=1):
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


# --- first_lone_surrogate -----------------------------------------------------------------------------------------

def test_first_lone_surrogate():
    assert first_lone_surrogate("plain text") is None
    assert first_lone_surrogate("emoji \U0001F68C is a character") is None
    assert first_lone_surrogate("bad \udc80 byte \ud800") == 4
    undecodable = b"fare \xff".decode("utf-8", errors="surrogateescape")
    assert first_lone_surrogate(undecodable) == 5


# --- nesting_depth ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, depth", [
    (1, 0), ("text", 0), (None, 0), ([], 1), ({}, 1), ([1, [2, [3]]], 3), ({"a": [1], "b": {"c": {"d": []}}}, 4),
])
def test_nesting_depth(value, depth):
    assert nesting_depth(value) == depth


def test_nesting_depth_of_a_very_deep_value_without_recursion():
    deep = nested(5000)
    assert nesting_depth(deep) > MAX_DEPTH  # it stops looking past the limit
    assert nesting_depth(nested(MAX_DEPTH)) == MAX_DEPTH


# --- loads_strict ------------------------------------------------------------------------------------------------------

def test_loads_strict_reads_plain_json():
    assert loads_strict('{"city": "Lyon", "budget": 1.5e9, "lines": [1, 2], "open": true, "note": null}') == {
        "city": "Lyon", "budget": 1.5e9, "lines": [1, 2], "open": True, "note": None}


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_loads_strict_rejects_non_finite_constants(constant):
    with pytest.raises(JSONValueError, match=f"{constant} is not valid JSON"):
        loads_strict(f'{{"rate": {constant}}}')


def test_loads_strict_names_the_column_of_a_syntax_error():
    with pytest.raises(JSONValueError, match=r"not valid JSON \(Expecting value, column 10\)"):
        loads_strict('{"rate": }')


def test_loads_strict_limits_nesting():
    at_limit = json.dumps(nested(MAX_DEPTH))
    assert nesting_depth(loads_strict(at_limit)) == MAX_DEPTH
    with pytest.raises(JSONValueError, match="nested too deeply"):
        loads_strict(json.dumps(nested(MAX_DEPTH + 1)))
    with pytest.raises(JSONValueError, match="nested too deeply"):
        loads_strict("[" * 100_000 + "]" * 100_000)  # past the parser's recursion limit


def test_loads_strict_refuses_a_number_that_overflows_to_infinity():
    with pytest.raises(JSONValueError):
        loads_strict('{"budget": 1e400}')


def test_loads_strict_refuses_an_integer_beyond_the_digit_limit_as_a_json_value_error():
    with pytest.raises(JSONValueError):
        loads_strict('{"count": ' + "1" * 5000 + "}")


# --- check_json_value --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, True, 0, -3, 2.5, "Lisbon", [], {}, {"lines": ["M1", "M2"], "km": 42.0},
                                   nested(MAX_DEPTH)])
def test_plain_json_data_passes(value):
    check_json_value(value, "meta")


@pytest.mark.parametrize("value, message", [
    (float("nan"), "field 'meta' holds nan, which JSON cannot represent"),
    ([1.0, float("inf")], "field 'meta' holds inf"),
    ({"when": __import__("datetime").date(2020, 1, 1)}, "field 'meta' holds a date, which is not text"),
    ((1, 2), "holds a tuple"),
    ({1: "one"}, "field 'meta' has a key 1 that is not text"),
    ({"\udc80": "x"}, "has a key '\\\\udc80' that is not text"),
    (["ok", "bad \ud800"], r"lone surrogate \(U\+D800\)"),
    (nested(MAX_DEPTH + 1), f"nested more than {MAX_DEPTH} levels deep"),
    (list(range(MAX_VALUES)), f"holds more than {MAX_VALUES:,} values"),  # the list itself is one more
])
def test_values_that_are_not_plain_json_data_are_refused(value, message):
    with pytest.raises(JSONValueError, match=message):
        check_json_value(value, "meta")


def test_the_value_count_includes_the_containers():
    check_json_value(list(range(MAX_VALUES - 1)), "meta")
    with pytest.raises(JSONValueError, match="more than"):
        check_json_value([[0]] * (MAX_VALUES // 2), "meta")  # 1 + 5,000 lists + 5,000 numbers


def test_the_error_is_a_value_error():
    assert issubclass(JSONValueError, ValueError)
