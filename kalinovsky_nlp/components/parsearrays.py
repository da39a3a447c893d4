"""A Doc's dependency parse as plain Python lists, for walks of the parse that pass over most tokens.

spaCy makes a new :class:`~spacy.tokens.Token` object at every ``doc[i]``, ``token.head`` or ``token.children``; a
claim reader that walks the parse clause by clause makes hundreds of them per claim, and most are only asked for
their label. These lists are read once per Doc from its arrays (``Doc.to_array``), as textacy and spaCy's own
``Doc.to_array`` users do, and a Token is made only for the words a rule goes on to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ParseArrays", "parse_arrays"]


@dataclass(frozen=True)
class ParseArrays:
    """Per token of one Doc: dependency label, coarse part of speech, lower-cased form and lemma, head index (its own
    for a root) and children's indices in text order (as ``token.children`` gives them)."""

    dep: list[str]
    pos: list[str]
    lower: list[str]
    lemma: list[str]
    head: list[int]
    children: list[list[int]]

    def children_with(self, index: int, deps: Iterable[str]) -> list[int]:
        """The indices of the children of token ``index`` with one of the ``deps``, in text order."""
        dep = self.dep
        return [i for i in self.children[index] if dep[i] in deps]


def parse_arrays(doc: "Doc") -> ParseArrays:
    """The parse of ``doc`` as :class:`ParseArrays`."""
    from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
    from spacy.parts_of_speech import NAMES

    if not len(doc):
        return ParseArrays([], [], [], [], [], [])
    strings = doc.vocab.strings
    codes = doc.to_array(DEP).tolist()
    labels = {code: strings[code] for code in set(codes)}
    lemma_codes = doc.to_array(LEMMA).tolist()
    lemmas = {code: strings[code].lower() for code in set(lemma_codes)}
    lower_codes = doc.to_array(LOWER).tolist()
    lowers = {code: strings[code] for code in set(lower_codes)}
    array = doc.to_array([POS, HEAD]).astype("int64")  # HEAD: the head's offset, negative to the left
    heads = [i + offset for i, offset in enumerate(array[:, 1].tolist())]
    children: list[list[int]] = [[] for _ in range(len(doc))]
    for i, head in enumerate(heads):
        if head != i:
            children[head].append(i)
    return ParseArrays(dep=[labels[code] for code in codes], pos=[NAMES[code] for code in array[:, 0].tolist()],
                       lower=[lowers[code] for code in lower_codes], lemma=[lemmas[code] for code in lemma_codes],
                       head=heads, children=children)
