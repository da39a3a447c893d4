"""spaCy's attribute ruler, matched by looking each distinct token up once instead of running every pattern on it.

The English pipelines' ``attribute_ruler`` maps tags to parts of speech and morphology, and fixes the lemmas and tags
of a few words, with about 180 Matcher patterns. spaCy's :class:`~spacy.matcher.Matcher` tries every pattern at every
token, about an eighth of en_core_web_sm's time on English prose (``python bench/components.py`` times the stock
model and the model as the analysis loads it). Almost all of these patterns are one token long and test only the
token's own attributes (tag, lower-cased form, dependency label), so whether they match depends only on those
values. :class:`IndexedAttributeRuler` keeps spaCy's :class:`~spacy.pipeline.AttributeRuler` (patterns,
serialization, scoring, the order in which matches are applied) and replaces only how matches are found: it reads
the attributes the patterns test with ``Doc.to_array``, works out once per distinct combination of them which
patterns start there, and checks the later tokens of the few multi-token patterns. The matches, sorted as spaCy sorts
them, are the same.

A pattern with anything this lookup does not model (an ``OP`` quantifier, an attribute or operator outside
:data:`SUPPORTED_ATTRIBUTES` and :data:`SUPPORTED_OPERATORS`) makes the ruler match with spaCy's Matcher, as the
original does. ``tests/components/test_indexedruler.py`` checks that the matches and every token's attributes are
the same as the original's on texts of many kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Literal, cast

from spacy import attrs as spacy_attrs
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

__all__ = ["IndexedAttributeRuler", "SUPPORTED_ATTRIBUTES", "SUPPORTED_OPERATORS"]

#: Token attributes a pattern may test for the lookup to model it: each is an integer per token in
#: ``Doc.to_array``, compared with the pattern's value as the Matcher compares it (a string's hash, a flag's 0 or 1).
SUPPORTED_ATTRIBUTES: dict[str, int] = {
    "ORTH": spacy_attrs.ORTH, "TEXT": spacy_attrs.ORTH, "LOWER": spacy_attrs.LOWER, "NORM": spacy_attrs.NORM,
    "LEMMA": spacy_attrs.LEMMA, "TAG": spacy_attrs.TAG, "POS": spacy_attrs.POS, "DEP": spacy_attrs.DEP,
    "IS_SPACE": spacy_attrs.IS_SPACE, "IS_PUNCT": spacy_attrs.IS_PUNCT, "IS_ALPHA": spacy_attrs.IS_ALPHA,
    "IS_DIGIT": spacy_attrs.IS_DIGIT, "LIKE_NUM": spacy_attrs.LIKE_NUM,
}
_FLAGS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM"})

#: Operators of a pattern's value dictionary the lookup models (as the Matcher's set and regex predicates).
SUPPORTED_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})

Operator = Literal["==", "IN", "NOT_IN", "REGEX"]


@dataclass(frozen=True)
class _Test:
    """One condition of a token pattern on one attribute column: its value's id, a set of ids or a regex."""

    column: int
    operator: Operator
    value: Any

    def holds(self, row: tuple[int, ...], strings: Any) -> bool:
        found = row[self.column]
        if self.operator == "==":
            return bool(found == self.value)
        if self.operator == "IN":
            return found in self.value
        if self.operator == "NOT_IN":
            return found not in self.value
        return bool(self.value.search(strings[found]))


@dataclass(frozen=True)
class _Pattern:
    """One Matcher pattern of the ruler: the ordinal of its ``add`` call, the match id and a test list per token."""

    attr_id: int
    match_id: int
    tokens: tuple[tuple[_Test, ...], ...]


class _Unsupported(Exception):
    """A pattern the lookup does not model; the ruler then matches with spaCy's Matcher."""


def _holds(tests: tuple[_Test, ...], row: tuple[int, ...], strings: Any) -> bool:
    return all(test.holds(row, strings) for test in tests)


@dataclass(frozen=True)
class _Table:
    """The compiled patterns: the attribute columns they read and the patterns of one and of several tokens."""

    columns: tuple[int, ...]
    single: tuple[_Pattern, ...]
    multi: tuple[_Pattern, ...]


def _compile(ruler: AttributeRuler) -> _Table:
    """The ruler's patterns as tests on attribute columns; raises :class:`_Unsupported` for one the lookup cannot
    model."""
    strings = ruler.vocab.strings
    columns: list[int] = []
    patterns: list[_Pattern] = []

    def column(name: str) -> int:
        attr = SUPPORTED_ATTRIBUTES[name]
        if attr not in columns:
            columns.append(attr)
        return columns.index(attr)

    def value_id(name: str, value: Any) -> int:
        if name in _FLAGS:
            if not isinstance(value, bool):
                raise _Unsupported(f"{name} with {value!r}")
            return int(value)
        if not isinstance(value, str):
            raise _Unsupported(f"{name} with {value!r}")
        return int(strings.add(value)) if value else 0

    for attr_id in range(len(ruler.attrs)):
        key = str(attr_id)
        for pattern in ruler.matcher.get(key)[1]:
            token_tests = []
            for spec in pattern:
                tests: list[_Test] = []
                for name, value in spec.items():
                    if name not in SUPPORTED_ATTRIBUTES:
                        raise _Unsupported(name)
                    if not isinstance(value, dict):
                        tests.append(_Test(column(name), "==", value_id(name, value)))
                        continue
                    for operator, operand in value.items():
                        if operator not in SUPPORTED_OPERATORS:
                            raise _Unsupported(f"{name} {operator}")
                        if operator == "REGEX":
                            if name in _FLAGS or not isinstance(operand, str):
                                raise _Unsupported(f"{name} REGEX {operand!r}")
                            tests.append(_Test(column(name), "REGEX", re.compile(operand)))
                        else:
                            if not isinstance(operand, (list, tuple, set, frozenset)):
                                raise _Unsupported(f"{name} {operator} {operand!r}")
                            tests.append(_Test(column(name), operator,
                                               frozenset(value_id(name, item) for item in operand)))
                token_tests.append(tuple(tests))
            if not token_tests:
                raise _Unsupported("an empty pattern")
            patterns.append(_Pattern(attr_id, int(strings[key]), tuple(token_tests)))
    return _Table(tuple(columns), tuple(p for p in patterns if len(p.tokens) == 1),
                  tuple(p for p in patterns if len(p.tokens) > 1))


#: Distinct attribute combinations remembered per ruler; past this the memory starts again (a few MB at most).
LOOKUP_SIZE = 200_000


class IndexedAttributeRuler(AttributeRuler):
    """:class:`~spacy.pipeline.AttributeRuler` whose matches come from a lookup per distinct token (see the module
    docstring). Patterns are added, saved and loaded as for the original; the table is rebuilt after a change."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Callable[..., Any] | None = attribute_ruler_score) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._forget()

    def _forget(self) -> None:
        self._table: _Table | None = None
        self._supported: bool | None = None
        self._starts: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], tuple[_Pattern, ...]]] = {}

    def add(self, patterns: Iterable[Any], attrs: dict[str, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._forget()

    def clear(self) -> None:
        super().clear()
        self._forget()

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(attr_id, match_id, start, end)`` of every match, sorted so that later rules take precedence: the
        same list as ``AttributeRuler.match``."""
        if self._supported is None:
            try:
                self._table = _compile(self)
                self._supported = True
            except _Unsupported:
                self._supported = False
        table = self._table
        if not self._supported or table is None or not table.columns:  # (no columns: patterns that test nothing)
            return super().match(doc)  # type: ignore[no-any-return]
        strings = doc.vocab.strings  # a regex reads the token's own string
        array = doc.to_array(list(table.columns)).reshape(len(doc), len(table.columns))  # 1-D for one attribute
        rows = [tuple(row) for row in cast("list[list[int]]", array.tolist())]  # ids: unsigned 64-bit integers
        starts = self._starts
        if len(starts) > LOOKUP_SIZE:
            starts.clear()
        matches: list[tuple[int, int, int, int]] = []
        append = matches.append
        length = len(rows)
        for start, row in enumerate(rows):
            found = starts.get(row)
            if found is None:
                found = (tuple((p.attr_id, p.match_id) for p in table.single if _holds(p.tokens[0], row, strings)),
                         tuple(p for p in table.multi if _holds(p.tokens[0], row, strings)))
                starts[row] = found
            single, multi = found
            for attr_id, match_id in single:
                append((attr_id, match_id, start, start + 1))
            for pattern in multi:
                end = start + len(pattern.tokens)
                if end <= length and all(_holds(tests, rows[start + k], strings)
                                          for k, tests in enumerate(pattern.tokens) if k):
                    append((pattern.attr_id, pattern.match_id, start, end))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """Set each match's attributes on its token, as ``AttributeRuler.set_annotations`` does, without making a
        Span per match; an index outside its match raises spaCy's own error."""
        for attr_id, match_id, start, end in matches:
            index = self.indices[attr_id]
            position = (start if index >= 0 else end) + index
            if not start <= position < end:  # spaCy raises its E1001
                super().set_annotations(doc, [(attr_id, match_id, start, end)])  # type: ignore[no-untyped-call]
                continue
            set_token_attrs(doc[position], self.attrs[attr_id])

