"""The project's spaCy components and their factories (the attribution finder is defined here, the others in their
modules), and the scorer of the metadiscourse component.

Registered here with ``@Language.factory`` / ``@registry.scorers`` and exposed through the ``spacy_factories`` and
``spacy_scorers`` entry points, so that after installation ``nlp.add_pipe("kalinovsky_metadiscourse")`` works in
any English pipeline with a parser, and a pipeline saved with ``nlp.to_disk`` loads with ``spacy.load``.

Every setting is checked when the component is built (``nlp.add_pipe``): a missing or malformed lexicon, an unknown
category, an extension name another library holds raise there, with what to change.
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.util import registry

from .attribution import find_attributions
from .entities import NAME_LABELS, CanonicalEntities
from .extensions import DEFAULT_MARKER_EXTENSIONS, register_extension
from .indexedruler import IndexedAttributeRuler
from .metadiscourse import CATEGORIES, PACKAGED_LEXICON, MetadiscourseTagger, marker_spans_score

__all__ = [
    "AttributionFinder",
    "CanonicalEntities",
    "INDEXED_RULER_FACTORY",
    "IndexedAttributeRuler",
    "MARKERS_SCORER",
    "MetadiscourseTagger",
    "index_attribute_ruler",
    "make_attribution",
    "make_canonical_entities",
    "make_indexed_attribute_ruler",
    "make_markers_scorer",
    "make_metadiscourse",
]

#: The registered name of the metadiscourse component's scorer (``[components.<name>.scorer]`` in a config).
MARKERS_SCORER = "kalinovsky_nlp.markers_scorer.v1"


class AttributionFinder:
    """Stores the Doc's attributions (who says or thinks what) as plain dicts in ``doc._.kn_attributions`` (or the
    extension its config key ``attributions_extension`` names): the documented form, serialisable with the Doc;
    ``Attribution.from_dict`` gives the typed attribution back."""

    def __init__(self, name: str = "kalinovsky_attribution", *, attributions_extension: str = "kn_attributions"
                 ) -> None:
        self.name = name
        register_extension(Doc, attributions_extension, component="kalinovsky_attribution",
                           config_key="attributions_extension")
        self.attributions_extension = attributions_extension

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(self.attributions_extension, [a.to_dict() for a in find_attributions(doc)])
        return doc


@Language.factory(
    "kalinovsky_attribution",
    default_config={"attributions_extension": "kn_attributions"},
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.kn_attributions"],
)
def make_attribution(nlp: Language, name: str, attributions_extension: str) -> AttributionFinder:
    return AttributionFinder(name, attributions_extension=attributions_extension)


def make_markers_scorer() -> Callable[..., dict[str, Any]]:
    """The scorer of the metadiscourse component: :func:`.metadiscourse.marker_spans_score` (P/R/F of the markers,
    overall and per category, under ``<spans_key>_p`` ...)."""
    return marker_spans_score


registry.scorers.register(MARKERS_SCORER, func=make_markers_scorer)


@Language.factory(
    "kalinovsky_metadiscourse",
    default_config={
        "spans_key": "kn_markers",
        "lexicon": PACKAGED_LEXICON,
        "categories": list(CATEGORIES),
        "questions": True,
        "scorer": {"@scorers": MARKERS_SCORER},
        "subcategory_extension": DEFAULT_MARKER_EXTENSIONS.subcategory,
        "voice_extension": DEFAULT_MARKER_EXTENSIONS.voice,
        "rule_extension": DEFAULT_MARKER_EXTENSIONS.rule,
        "epistemic_extension": DEFAULT_MARKER_EXTENSIONS.epistemic,
        "attributions_extension": "kn_attributions",
    },
    requires=["token.dep", "token.tag", "token.pos", "token.lemma"],
    assigns=["doc.spans"],
    default_score_weights={"kn_markers_f": 1.0, "kn_markers_p": 0.0, "kn_markers_r": 0.0,
                           "kn_markers_per_type": None},
)
def make_metadiscourse(
    nlp: Language,
    name: str,
    spans_key: str,
    lexicon: str,
    categories: list[str],
    questions: bool,
    scorer: Callable[..., dict[str, Any]] | None,
    subcategory_extension: str,
    voice_extension: str,
    rule_extension: str,
    epistemic_extension: str,
    attributions_extension: str,
) -> MetadiscourseTagger:
    return MetadiscourseTagger(
        nlp, name, spans_key=spans_key, lexicon=lexicon, categories=categories, questions=questions, scorer=scorer,
        subcategory_extension=subcategory_extension, voice_extension=voice_extension, rule_extension=rule_extension,
        epistemic_extension=epistemic_extension, attributions_extension=attributions_extension,
    )


@Language.factory(
    "kalinovsky_entities",
    default_config={"spans_key": "kn_entities", "aliases": None, "labels": list(NAME_LABELS), "known_entities": True,
                    "mentions_extension": "kn_entity_mentions"},
    requires=["doc.ents", "token.dep"],
    assigns=["doc.spans", "doc._.kn_entity_mentions"],
)
def make_canonical_entities(
    nlp: Language, name: str, spans_key: str, aliases: str | None, labels: list[str], known_entities: bool,
    mentions_extension: str,
) -> CanonicalEntities:
    return CanonicalEntities(nlp, name, spans_key=spans_key, aliases=aliases, labels=labels,
                             known_entities=known_entities, mentions_extension=mentions_extension)


#: The factory of :class:`~.indexedruler.IndexedAttributeRuler` (spaCy's attribute ruler, matched by lookup).
INDEXED_RULER_FACTORY = "kalinovsky_attribute_ruler"


@Language.factory(
    INDEXED_RULER_FACTORY,
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
                                 ) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's spaCy ``AttributeRuler`` called ``name`` by an :class:`IndexedAttributeRuler` with its
    patterns and settings, in place (``load_pipeline`` does). Returns False, changing nothing, when the pipeline has no
    such pipe or it is not spaCy's own class."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:  # a subclass may match differently
        return False
    patterns = ruler.patterns
    indexed = nlp.replace_pipe(name, INDEXED_RULER_FACTORY, config={"validate": ruler.validate})
    if not isinstance(indexed, IndexedAttributeRuler):  # another package registered the factory's name
        raise TypeError(f"the {INDEXED_RULER_FACTORY!r} factory made a {type(indexed).__name__}, not an "
                        f"IndexedAttributeRuler: uninstall the package that registers that name")
    indexed.scorer = ruler.scorer
    indexed.add_patterns(patterns)
    return True

