"""Checks on values read from users' files: plain JSON data only, bounded in depth and size, valid Unicode.

Metadata travels into the JSON report, the tables and the worker processes, so it must be what JSON can hold:
``None``, booleans, integers, finite floats, strings, lists and string-keyed mappings, nested at most
:data:`MAX_DEPTH` deep and at most :data:`MAX_VALUES` values in one field (which also bounds what a YAML alias can
expand to). JSON lines are parsed strictly: ``NaN`` and ``Infinity`` are not JSON.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_VALUES", "JSONValueError", "check_json_value", "first_lone_surrogate",
           "loads_strict", "nesting_depth"]

#: Deepest nesting of lists and mappings accepted in a record or a metadata field.
MAX_DEPTH = 32
#: Most values (scalars, lists, mappings) in one metadata field, counted after YAML aliases are expanded.
MAX_VALUES = 10_000
#: Most YAML aliases (``*name``) in one front matter.
MAX_ALIASES = 16

_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONValueError(ValueError):
    """A value that is not plain JSON data, or nested or sized beyond the limits; the message says which and why."""


def first_lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate (U+D800-U+DFFF, not a character; also how undecodable bytes come back from
    ``errors="surrogateescape"``), or None."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def _reject_constant(name: str) -> Any:
    raise JSONValueError(f"{name} is not valid JSON: write null or a number")


def _finite_float(text: str) -> float:
    """A JSON number as a float, refused when it overflows to infinity (*1e400*)."""
    value = float(text)
    if not math.isfinite(value):
        raise JSONValueError(f"the number {text[:40]} is too large for a float: write it as a string")
    return value


def nesting_depth(value: Any) -> int:
    """How deeply lists and mappings nest in ``value`` (0 for a scalar), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            depth += 1
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend((child, depth) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def loads_strict(line: str) -> Any:
    """``json.loads`` without NaN / Infinity and with nesting at most :data:`MAX_DEPTH` deep."""
    try:
        value = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as err:
        raise JSONValueError(f"not valid JSON ({err.msg}, column {err.colno}): fix the line") from None
    except JSONValueError:
        raise
    except ValueError as err:  # an integer beyond Python's digit limit (sys.get_int_max_str_digits)
        raise JSONValueError(f"a number JSON data cannot hold here ({err}): write it as a string") from None
    except RecursionError:
        raise JSONValueError(f"nested too deeply (more than {MAX_DEPTH} levels of arrays or objects)") from None
    if nesting_depth(value) > MAX_DEPTH:
        raise JSONValueError(f"nested too deeply (more than {MAX_DEPTH} levels of arrays or objects)")
    return value


def check_json_value(value: Any, name: str) -> None:
    """Raise :class:`JSONValueError` naming the field ``name`` unless ``value`` is plain, finite JSON data within
    :data:`MAX_DEPTH` and :data:`MAX_VALUES`."""
    count, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise JSONValueError(f"field {name!r} holds more than {MAX_VALUES:,} values (YAML aliases expand to "
                                 "copies): shorten it")
        if isinstance(item, str):
            surrogate = first_lone_surrogate(item)
            if surrogate is not None:
                raise JSONValueError(f"field {name!r} holds a lone surrogate (U+{ord(item[surrogate]):04X}), which is "
                                     "not a character: fix the encoding of the source")
            continue
        if item is None or isinstance(item, (bool, int)):
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                raise JSONValueError(f"field {name!r} holds {item}, which JSON cannot represent: use null or a number")
            continue
        if isinstance(item, (list, dict)):
            if depth + 1 > MAX_DEPTH:
                raise JSONValueError(f"field {name!r} is nested more than {MAX_DEPTH} levels deep: flatten it")
            if isinstance(item, dict):
                keys = [k for k in item if not isinstance(k, str) or first_lone_surrogate(k) is not None]
                if keys:
                    raise JSONValueError(f"field {name!r} has a key {keys[0]!r} that is not text: quote the key")
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)
            continue
        raise JSONValueError(f"field {name!r} holds a {type(item).__name__}, which is not text, a number, true/false, "
                             "null, a list or a mapping: give it as plain text")
