"""The project's spaCy components and their factories (the attribution finder is defined here, the others in their
modules).

Registered here with ``@Language.factory`` and exposed through the ``spacy_factories`` entry point, so that after
installation ``nlp.add_pipe("kalinovsky_metadiscourse")`` works in any English pipeline with a parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import find_attributions
from .entities import NAME_LABELS, CanonicalEntities
from .metadiscourse import CATEGORIES, MetadiscourseTagger

__all__ = [
    "AttributionFinder",
    "CanonicalEntities",
    "MetadiscourseTagger",
    "make_attribution",
    "make_canonical_entities",
    "make_metadiscourse",
]

if not Doc.has_extension("kn_attributions"):
    Doc.set_extension("kn_attributions", default=None)


class AttributionFinder:
    """Stores the Doc's attributions (who says or thinks what) as plain dicts in ``doc._.kn_attributions``."""

    def __init__(self, name: str = "kalinovsky_attribution") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kn_attributions = [a.to_dict() for a in find_attributions(doc)]
        return doc


@Language.factory(
    "kalinovsky_attribution",
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.kn_attributions"],
)
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(name)


@Language.factory(
    "kalinovsky_metadiscourse",
    default_config={"spans_key": "kn_markers", "lexicon": "metadiscourse.tsv", "categories": list(CATEGORIES),
                    "questions": True},
    requires=["token.dep", "token.tag", "token.pos", "token.lemma"],
    assigns=["doc.spans"],
)
def make_metadiscourse(
    nlp: Language, name: str, spans_key: str, lexicon: str, categories: list[str], questions: bool
) -> MetadiscourseTagger:
    return MetadiscourseTagger(nlp, name, spans_key=spans_key, lexicon=lexicon, categories=categories,
                               questions=questions)


@Language.factory(
    "kalinovsky_entities",
    default_config={"spans_key": "kn_entities", "aliases": None, "labels": list(NAME_LABELS), "known_entities": True},
    requires=["doc.ents", "token.dep"],
    assigns=["doc.spans", "doc._.kn_entity_mentions"],
)
def make_canonical_entities(
    nlp: Language, name: str, spans_key: str, aliases: str | None, labels: list[str], known_entities: bool
) -> CanonicalEntities:
    return CanonicalEntities(nlp, name, spans_key=spans_key, aliases=aliases, labels=labels,
                             known_entities=known_entities)
