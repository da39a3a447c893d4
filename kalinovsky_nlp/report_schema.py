"""The JSON Schema (draft 2020-12) of the report, generated from the typed results' dataclasses and the
serialisers of :mod:`kalinovsky_nlp.schema`, with every field described.

``scripts/report_schema.py`` writes :func:`report_json_schema` to ``docs/report-schema.json`` and, readable, to
``docs/report-schema.md``; a test fails when they are out of date.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union

from .results import Claim, Finding
from .schema import SCHEMA_VERSION, json_key

__all__ = ["JSON_SCHEMA_DIALECT", "report_json_schema"]

# ------------------------------------------------------------------------------------------------ JSON Schema

#: The JSON Schema dialect of :func:`report_json_schema`.
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}
_NUMBER: dict[str, Any] = {"type": "number"}
_STRING: dict[str, Any] = {"type": "string"}
_DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_OFFSET: dict[str, Any] = {"type": "integer", "minimum": 0}

_FACTBANK_VALUE = "FactBank value (CT certain, PR probable, PS possible, Uu uncommitted; + holds, - does not)"

#: What each field of a serialised dataclass means, by class and field name. The schema refuses a dataclass field
#: without a description here, so that a field added to a result is documented in the same change.
FIELD_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Argument": {
        "key": "The participant's key for aligning claims: `ent:<canonical entity>` or `np:<lemma of the noun-phrase "
               "head>`.",
        "text": "The argument's words as they appear in the clause.",
        "role": "The argument's role in the clause: its subject, its object, an oblique (another participant, such "
                "as the object of a preposition), or the goal of a verb of motion or change along a scale, or the "
                "point such a verb or a verb of position places its subject against (*to its objective* in *will "
                "move back to its objective*, *below the target* in *continued to run below the target*; "
                "`lexicons/motion_verbs.txt`, `lexicons/position_verbs.txt`). `goal` added in 2.2.",
        "entity": "The canonical entity the argument names (an entity's `name`), or null for a plain noun phrase.",
        "qualifiers": "For a noun phrase: the lower-cased lemmas of its noun modifiers and hyphenated classifiers, "
                      "which say which thing of its kind it names (*unemployment* rate, *market-based* measures); "
                      "two noun phrases with the same head and disjoint qualifiers are different participants. "
                      "Added in 2.1.",
    },
    "Source": {
        "holder": "Who holds the claim at this level: words of the text naming the holder, or null for the author.",
        "certainty": f"{_FACTBANK_VALUE} of the claim from this holder's perspective.",
        "cue": "The word that attributes the claim to this holder (*accused*, *according to*, *intelligence*), or "
               "null at the author's level.",
    },
    "Evaluation": {
        "target": "The `key` of the evaluated argument of the claim.",
        "score": "The author's evaluation of the argument: the signed sum of the valences of the attitude words tied "
                 "to it in the parse, rounded to 2 decimals; above 0 favourable, below 0 unfavourable (never 0).",
        "cues": "The attitude words the score comes from, as they appear in the text.",
    },
    "StanceLink": {
        "target": "The `index` of the claim of the same document that the stance is about.",
        "certainty": f"{_FACTBANK_VALUE} of the author's commitment to the target claim, set by this stance.",
        "cue": "The stance word as it appears in the text (*skeptical*, *questionable*, *dismissive*).",
        "via": "The words that stand for the target claim (*these claims*, *this particular intelligence*), or the "
               "holder whose view is judged; empty when the stance has no object (*I should not be so dismissive*).",
        "time_frame": "When the stance holds: the time frame of the claim that expresses it (a past stance can be "
                      "followed by a current one).",
    },
    "Claim": {
        "index": "Position of the claim in the document's `claims`, from 0: stance targets, `claim_links` and the "
                 "`claims` of finding sides refer to claims by it.",
        "sentence": "Index of the sentence the claim is read from (the document's `sentences`, from 0).",
        "paragraph": "Index of the paragraph the claim is in, from 0 (paragraphs are separated by blank lines in the "
                     "document text).",
        "start": "Character offset into the document text where the claim's words start.",
        "end": "Character offset into the document text where the claim's words end (exclusive).",
        "text": "The claim's words: the document text from `start` to `end`.",
        "predicate": "Lower-cased lemma of the predicate's content word (the complement of a copula, the noun of a "
                     "light verb).",
        "predicate_keys": "Concept keys of the predicate for aligning claims across dates: its lemma, absorbed verbs "
                          "and object nouns, reduced to a verbal base (*supplier*, *supplies*: *supply*).",
        "arguments": "The claim's participants, in order of appearance.",
        "polarity": "Whether the proposition is said to hold (positive) or not to hold (negative).",
        "time_frame": "When the claim holds: a past narration, a present state or assessment, a prediction, a "
                      "hypothetical (the consequent of a condition, a *would*) or a generic statement.",
        "certainty": f"{_FACTBANK_VALUE} of the claim from the author's perspective: `Uu` for content the author "
                     "only reports, unless the reporting cue is factive.",
        "voice": "`author`: the author's own assertion; `reported`: content the author attributes to someone else.",
        "role": "How the claim appears: asserted in a clause of its own, reported from a source, presupposed inside a "
                "noun phrase or a relative or adverbial clause, or the author's stance on another claim.",
        "holder": "Who the claim is attributed to (words of the text), or null for the author's own claim.",
        "sources": "FactBank's nested sources, outermost first: the author (`holder` null), then each holder the "
                   "claim is attributed to, with the certainty from that holder's perspective.",
        "cues": "The words that set the claim's certainty, lower-cased where they are epistemic cues (*probably*, "
                "*seems*, *not*) and as in the text for attribution cues (*accused*), without repeats.",
        "evaluations": "The author's evaluations of the claim's arguments.",
        "stance": "The author's stance on another claim when this claim expresses one (`role` `stance`), else null.",
        "anchor_year": "The earliest year named in the clause, or null.",
        "head": "Token index of the claim's head in the parsed document (spaCy tokens of the whole text, from 0).",
        "gist": "The proposition in plain words, positive and in the present (*Russia supplies the Taliban with "
                "arms*); empty when none could be built.",
    },
    "Position": {
        "certainty": f"{_FACTBANK_VALUE} of the author's position, from the author's perspective: the author's "
                     "latest current stance on the proposition, else the most committed of the author's own claims, "
                     "else `Uu` (only reported).",
        "voice": "`author`: only the author's own claims; `reported`: only content attributed to others (the author "
                 "at most comments on it); `both`: others assert it and the author commits to it too.",
        "evaluation": "Mean evaluation score of the author's own claims that evaluate an argument (each claim's sum "
                      "of evaluations, within -3 to +3); 0.0 when none does.",
        "claims": "Claims that express the proposition in this document, the author's stance claims on it included.",
        "author_claims": "Of those, the author's own claims and stance claims.",
        "initial_certainty": f"{_FACTBANK_VALUE} of an earlier stance in the past tense (*I was skeptical*) that "
                             "differs from the current one, else null.",
    },
    "FindingSide": {
        "document": "The `id` of the document.",
        "date": "The document's date, `YYYY-MM-DD`.",
        "position": "The author's position on the proposition in this document, or null when the document does not "
                    "express it (the other side of a new or dropped judgement).",
        "evidence": "Up to 3 whole sentences of the document that express the proposition, verbatim, in text order.",
        "claims": "The `index`es of the document's claims that express the proposition, and of the author's stance "
                  "claims on it.",
        "cues": "The cue words of the evidence's claims: epistemic and attribution cues, evaluative words and stance "
                "words, without repeats.",
        "holders": "Who the reported claims among them are attributed to, without repeats.",
        "quotes": "Up to 2 clauses that decide the position, verbatim (for a summary).",
    },
    "Finding": {
        "proposition": "The proposition's name: the gist of the claim that best expresses it.",
        "kinds": "What changed (one or more; `docs/annotation/judgement-changes.md` defines each kind).",
        "statement": "The finding in one plain-language sentence.",
        "confidence": "How well the evidence supports the finding: the alignment's strength, the number of claims on "
                      "each side and whether the author's stance is explicit.",
        "confidence_reason": "Why the finding has its confidence, in words.",
        "strength": "Size of the change (the certainty or evaluation moved, weighted by the claims behind it), "
                    "rounded to 3 decimals; findings are ranked by it, weighed by confidence (high 1, medium 0.8, low 0.5).",
        "shared_arguments": "Argument keys (`ent:...`, `np:...`) that the aligned claims of the two dates share.",
        "shared_predicates": "Predicate keys that the aligned claims of the two dates share.",
        "earlier": "The earlier document's side: its position and evidence.",
        "later": "The later document's side: its position and evidence.",
        "targets": "What the finding is about: `entity:<name>` for each shared entity, then the ids of the user's "
                   "targets (a targets file) whose patterns match its evidence.",
        "revisions": "For a position revised in a sentence the author restated: its edits, in text order (empty "
                     "otherwise).",
    },
    "Revision": {
        "before": "The words the earlier version had (empty for an insertion).",
        "after": "The words the later version has in their place (empty for a deletion).",
    },
    "Boilerplate": {
        "kind": "What the text is (*title*, *subtitle*, *photo_caption*, *credit*, *bio*, ...; `other` when the "
                "source did not say).",
        "text": "The text set aside, verbatim.",
        "line": "Its line in the source file, from 1, or null when unknown.",
    },
    "Marker": {
        "category": "Hyland's interpersonal metadiscourse category.",
        "subcategory": "The lexicon's subcategory (*epistemic_modal*, *approximator*, *certainty_adverb*, ...: "
                       "`lexicons/metadiscourse.tsv` or the user's lexicon).",
        "text": "The cue as it appears in the text.",
        "start": "Character offset into the document text where the cue starts.",
        "end": "Character offset into the document text where the cue ends (exclusive).",
        "voice": "`author`: the author's own; `attributed`: inside content the author attributes to someone else.",
        "sentence": "Index of the sentence the cue is in (the document's `sentences`, from 0).",
        "epistemic": "Hedges only: true when the hedge withholds commitment to the truth of a proposition (*may*, "
                     "*perhaps*, *it is believed*, *if*), false for approximator-type hedges (*about*, *somewhat*, "
                     "*often*, *some say*); null for the other categories.",
    },
    "Mention": {
        "text": "The mention as it appears in the text.",
        "start": "Character offset into the document text where the mention starts.",
        "end": "Character offset into the document text where the mention ends (exclusive).",
        "kind": "How the mention names the entity: its name, an alias, the short form of a person's name, a "
                "metonymy (*Moscow* for Russia) or a demonym (*Russian*).",
        "metonymy": "Whether the mention is a place standing for its government or people.",
    },
    "Entity": {
        "name": "The canonical name: every mention of the entity is counted under it.",
        "label": "The most frequent spaCy NER label of its mentions (*PERSON*, *ORG*, *GPE*, *NORP*, ...).",
        "count": "Number of mentions.",
        "rate_per_1000_words": "Mentions per 1,000 words of the document, rounded to 2 decimals.",
        "first_position": "Character offset into the document text of the first mention.",
        "first_position_relative": "`first_position` divided by the length of the text, 0 to 1, rounded to 3 "
                                   "decimals.",
        "mentions": "Every mention, in text order.",
        "demonym_of": "For a demonym (*Russian*), the place it belongs to (*Russia*); else null.",
        "metonymy_count": "Number of mentions that are metonymies.",
        "sentences": "Indexes of the sentences that mention the entity, ascending, without repeats.",
    },
    "Sentence": {
        "index": "Position of the sentence in the document's `sentences`, from 0.",
        "start": "Character offset into the document text where the sentence starts.",
        "end": "Character offset into the document text where the sentence ends (exclusive).",
        "text": "The sentence's text.",
        "hedges": "Hedge markers in the sentence, of every voice.",
        "boosters": "Booster markers in the sentence, of every voice.",
        "uncertain": "Whether the sentence has at least one hedge marker (of any voice).",
        "content": "The sentence's content words (lower-cased lemmas of nouns, verbs, adjectives, adverbs, names and "
                   "numbers), sorted, once each.",
    },
}

#: What a serialised dataclass without a docstring of its own stands for (the others: their docstring's first
#: paragraph).
CLASS_DESCRIPTIONS: dict[str, str] = {
    "Mention": "One mention of an entity in the document text.",
    "Sentence": "One sentence of the document, with its hedge and booster counts and its content words.",
}

#: What the code fixes beyond a field's type hint (values of a plain ``str``, a date, bounds), merged into the schema
#: generated from the hint.
FIELD_REFINEMENTS: dict[str, dict[str, dict[str, Any]]] = {
    "Marker": {"category": {"enum": ["hedge", "booster", "attitude", "self_mention", "engagement"]},
               "voice": {"enum": ["author", "attributed"]}},
    "Mention": {"kind": {"type": "string"}},  # the enum: its Literal hint (results.MentionKind)
    "FindingSide": {"date": _DATE},
    "Claim": {"score": {"minimum": -3, "maximum": 3}, "commitment": {"minimum": 0, "maximum": 3}},
    "Entity": {"first_position_relative": {"minimum": 0, "maximum": 1}},
}

_JSON_TYPES: dict[Any, str] = {int: "integer", float: "number", str: "string", bool: "boolean", type(None): "null"}


class _SchemaBuilder:
    """Turns type hints into JSON Schema, collecting the dataclasses it meets as ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        """A reference to a definition (made or to be made)."""
        return {"$ref": f"#/$defs/{name}"}

    def define(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """Record a hand-written definition; returns a reference to it."""
        if name in self.defs and self.defs[name] != schema:
            raise ValueError(f"two different definitions named {name!r}")
        self.defs[name] = schema
        return self.ref(name)

    def type_schema(self, hint: Any) -> dict[str, Any]:
        """The schema of one type hint: JSON types, ``X | None``, ``Literal`` as an enum, tuples and lists as arrays,
        ``dict[str, X]`` as an object of X, dataclasses as references to their definition."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if hint in _JSON_TYPES:
            return {"type": _JSON_TYPES[hint]}
        if origin is Literal:
            return {"enum": list(args)}
        if origin in (Union, types.UnionType):
            return _union([self.type_schema(arg) for arg in args])
        if origin in (tuple, list):
            if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
                return {"type": "array", "prefixItems": [self.type_schema(a) for a in args], "items": False,
                        "minItems": len(args)}
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is dict and args[0] is str:
            return {"type": "object", "additionalProperties": self.type_schema(args[1])}
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.dataclass_ref(hint)
        raise TypeError(f"no JSON Schema for the type hint {hint!r}")

    def dataclass_ref(self, cls: type, *, renamed: dict[str, str] | None = None,
                      computed: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
        """A reference to the definition of a dataclass as :func:`plain` serialises it: every field required, no
        other key. ``renamed``: fields written under another key; ``computed``: keys added after the fields."""
        name = cls.__name__
        if name in self.defs:
            return self.ref(name)
        self.defs[name] = {}  # reserved first: a dataclass may refer to itself through its fields
        described = FIELD_DESCRIPTIONS.get(name, {})
        refinements = FIELD_REFINEMENTS.get(name, {})
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in described:
                raise KeyError(f"{name}.{f.name} has no description in FIELD_DESCRIPTIONS")
            schema = _type_first({**self.type_schema(hints[f.name]), **refinements.get(f.name, {})})
            properties[(renamed or {}).get(f.name, json_key(f))] = _described(schema, described[f.name])
        for key, schema in (computed or {}).items():
            properties[key] = {**schema, **refinements.get(key, {})}
        self.defs[name] = {"type": "object", "description": _class_description(cls), "properties": properties,
                           "required": list(properties), "additionalProperties": False}
        return self.ref(name)

    def property_schema(self, cls: type, name: str) -> dict[str, Any]:
        """A computed property of a dataclass, typed by its return hint and described by its docstring."""
        getter = getattr(cls, name).fget
        return _described(self.type_schema(typing.get_type_hints(getter)["return"]),
                          _first_paragraph(getter.__doc__ or name))


def _union(members: list[dict[str, Any]]) -> dict[str, Any]:
    """One schema for a union: enums and plain types merged where they can be (``str | None`` is one ``type``
    list, ``Literal[...] | None`` one enum with null), else ``anyOf``."""
    if all(set(m) == {"type"} for m in members):
        return {"type": [t for m in members for t in ([m["type"]] if isinstance(m["type"], str) else m["type"])]}
    if all(set(m) == {"enum"} or m == {"type": "null"} for m in members):
        return {"enum": [v for m in members for v in m.get("enum", [None])]}
    return {"anyOf": members}


def _type_first(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with its ``type`` key first, where a refinement adds a type to a ``Literal``'s enum."""
    return {"type": schema["type"], **schema} if "type" in schema else schema


def _described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description}


def _first_paragraph(docstring: str) -> str:
    """A docstring's first paragraph on one line, its reST double-backtick literals as Markdown's single ones."""
    return " ".join(docstring.strip().split("\n\n")[0].split()).replace("``", "`")


def _class_description(cls: type) -> str:
    """A dataclass's description: :data:`CLASS_DESCRIPTIONS`, else its docstring (not the one ``dataclass`` writes)."""
    if cls.__name__ in CLASS_DESCRIPTIONS:
        return CLASS_DESCRIPTIONS[cls.__name__]
    docstring = cls.__doc__ or ""
    if not docstring or docstring.startswith(f"{cls.__name__}("):
        raise KeyError(f"{cls.__name__} has neither a docstring nor a description in CLASS_DESCRIPTIONS")
    return _first_paragraph(docstring)


# ------------------------------------------------------------------------------- the dict-shaped parts, by hand

def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or null."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _object(description: str, properties: dict[str, tuple[dict[str, Any], str]], *,
            optional: tuple[str, ...] = (), closed: bool = True) -> dict[str, Any]:
    """An object of named properties, each given as (schema, description); all required but ``optional``; no other
    key when ``closed``."""
    unknown = set(optional) - set(properties)
    if unknown:
        raise KeyError(f"optional properties that do not exist: {sorted(unknown)}")
    return {
        "type": "object",
        "description": description,
        "properties": {name: _described(schema, text) for name, (schema, text) in properties.items()},
        "required": [name for name in properties if name not in optional],
        "additionalProperties": not closed,
    }


#: The document ``stats`` (:func:`kalinovsky_nlp.textstats.text_statistics`).
TEXT_STATS: dict[str, tuple[dict[str, Any], str]] = {
    "words": (_COUNT, "Word tokens: everything but punctuation, symbols and white space."),
    "sentences": (_COUNT, "Sentences with at least one word."),
    "mean_sentence_length": (_nullable(_NUMBER), "Words per sentence, rounded to 2 decimals; null without "
                                                 "sentences."),
    "type_token_ratio": (_nullable(_NUMBER), "Distinct lower-cased words over words, rounded to 4 decimals; null "
                                             "without words (it falls as a text grows: compare texts by `mtld`)."),
    "mtld": (_nullable(_NUMBER), "Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), rounded to 2 "
                                 "decimals; null without words."),
}

#: The readability measures (:data:`kalinovsky_nlp.textstats.READABILITY_MEASURES`), in words.
READABILITY_DESCRIPTIONS: dict[str, str] = {
    "flesch_reading_ease": "Flesch Reading Ease: higher is easier (60 to 70 is plain English).",
    "flesch_kincaid_grade": "Flesch-Kincaid grade level: the US school grade the text asks for.",
    "gunning_fog": "Gunning fog index: years of schooling the text asks for.",
    "coleman_liau_index": "Coleman-Liau index: US grade level from letters per word and words per sentence.",
    "automated_readability_index": "Automated Readability Index: US grade level from characters per word and words "
                                   "per sentence.",
}

_ATTRIBUTION_KINDS = ("reporting_verb", "impersonal", "quotation", "according_to", "for_source", "noun_complement")


def _document_parts(build: _SchemaBuilder, categories: tuple[str, ...],
                    readability: tuple[str, ...]) -> None:
    """Definitions of the dict-shaped parts of a document profile."""
    missing = [name for name in readability if name not in READABILITY_DESCRIPTIONS]
    if missing:
        raise KeyError(f"readability measures without a description: {missing}")
    build.define("TextStats", _object("Size and lexical diversity of the document.", TEXT_STATS))
    build.define("Readability", _object(
        "Classic readability formulas from textstat 0.7.8 (syllables from the CMU dictionary), rounded to 2 "
        "decimals; every value is null for a document without words.",
        {name: (_nullable(_NUMBER), READABILITY_DESCRIPTIONS[name]) for name in readability}))
    category_measures = build.define("CategoryMeasures", _object(
        "Markers of one category in the document: all voices and the author's own.", {
            "count": (_COUNT, "Markers of the category, of every voice."),
            "rate": (_NUMBER, "`count` per 1,000 words, rounded to 2 decimals."),
            "author_count": (_COUNT, "The author's own markers of the category (voice `author`)."),
            "author_rate": (_NUMBER, "`author_count` per 1,000 words, rounded to 2 decimals."),
        }))
    by_category = build.define("MarkersByCategory", _object(
        "Marker counts and rates of each category (every category, found or not).",
        {category: (category_measures, f"The {category.replace('_', ' ')} markers.") for category in categories}))
    build.define("MarkerMeasures", _object("Counts and rates per 1,000 words of the document's markers.", {
        "words": (_COUNT, "The document's words: the denominator of the rates."),
        "by_category": (by_category, "Counts and rates by category."),
        "by_subcategory": ({"type": "object", "propertyNames": {"enum": list(categories)},
                            "additionalProperties": {"type": "object", "additionalProperties": _COUNT}},
                           "Markers of every voice by category, then by subcategory: only the categories and "
                           "subcategories found, sorted by name."),
        "hedge_booster_ratio": (_nullable(_NUMBER), "The author's hedges over the author's boosters, rounded to 2 "
                                                    "decimals; null when the author uses no booster."),
        "sentences_with_hedge": (_COUNT, "Sentences with at least one hedge marker, of any voice."),
        "share_sentences_with_hedge": ({**_NUMBER, "minimum": 0, "maximum": 1},
                                       "`sentences_with_hedge` over all sentences, rounded to 3 decimals; 0.0 "
                                       "without sentences."),
        "epistemic_hedge": (category_measures, "The hedges that withhold commitment to truth (`Marker.epistemic`), "
                                               "apart from approximator-type hedges."),
        "sentences_with_epistemic_hedge": (_COUNT, "Sentences with at least one epistemic hedge, of any voice."),
        "share_sentences_with_epistemic_hedge": ({**_NUMBER, "minimum": 0, "maximum": 1},
                                                 "`sentences_with_epistemic_hedge` over all sentences, rounded to 3 "
                                                 "decimals; 0.0 without sentences."),
    }))
    build.define("Attribution", _object("Content the text attributes to a source, found by the attribution "
                                        "component.", {
        "kind": ({"enum": list(_ATTRIBUTION_KINDS)},
                 "How the content is attributed: a reporting verb or belief adjective with a holder (*officials "
                 "accused*, *the unions are confident that*), a reporting verb without one "
                 "(impersonal), a quotation, *according to*, a sentence-initial *For X,* or a noun with a "
                 "complement clause (*the claim that*)."),
        "cue": (_STRING, "The attributing words as in the text (*accused*, *according to*, *evidence*; `“”` for a "
                         "quotation)."),
        "verb_class": ({"enum": ["factive", "neutral", "distancing"]},
                       "How far the writer endorses the content: presented as true (factive), no commitment "
                       "(neutral), doubt cast on it (distancing: *claim*, *allege*)."),
        "cue_kind": ({"enum": ["speech", "thought", "evidence"]}, "What the source does: says, thinks or shows."),
        "holder": (_nullable(_STRING), "Who the content is attributed to (words of the text), or null when the "
                                       "text does not say."),
        "content": (_STRING, "The attributed content: the document text from `start` to `end`."),
        "start": (_OFFSET, "Character offset into the document text where the content starts."),
        "end": (_OFFSET, "Character offset into the document text where the content ends (exclusive)."),
        "sentence": (_COUNT, "Index of the sentence the content starts in (the document's `sentences`)."),
    }))


def _comparison_parts(build: _SchemaBuilder, categories: tuple[str, ...], readability: tuple[str, ...],
                      finding: dict[str, Any]) -> None:
    """Definitions of a comparison and its steps' change tables."""
    change = build.define("Change", _object("A measure in the earlier and in the later document.", {
        "from": (_nullable(_NUMBER), "The value in the earlier document (null where the document has none)."),
        "to": (_nullable(_NUMBER), "The value in the later document (null where the document has none)."),
        "change": (_nullable(_NUMBER), "`to` minus `from`, rounded to 2 decimals; null when either is null."),
    }))
    stats = build.define("StatsChanges", _object("The document `stats` of the two documents.", {
        name: (change, description) for name, (_, description) in TEXT_STATS.items()}))
    readability_changes = build.define("ReadabilityChanges", _object(
        "The readability of the two documents.", {name: (change, READABILITY_DESCRIPTIONS[name])
                                                  for name in readability}))
    category_change = build.define("CategoryChange", _object(
        "Markers of one category in the two documents: the author's own, and the count of every voice.", {
            "from_count": (_COUNT, "The author's own markers of the category in the earlier document."),
            "to_count": (_COUNT, "The author's own markers of the category in the later document."),
            "from_rate": (_NUMBER, "The author's own markers per 1,000 words in the earlier document."),
            "to_rate": (_NUMBER, "The author's own markers per 1,000 words in the later document."),
            "change": (_NUMBER, "`to_rate` minus `from_rate`, rounded to 2 decimals."),
            "from_count_all_voices": (_COUNT, "Markers of the category of every voice in the earlier document."),
            "to_count_all_voices": (_COUNT, "Markers of the category of every voice in the later document."),
        }))
    markers = build.define("MarkerChanges", _object("Metadiscourse markers of the two documents.", {
        **{category: (category_change, f"The {category.replace('_', ' ')} markers.") for category in categories},
        "hedge_booster_ratio": (change, "The author's hedges over the author's boosters (`marker_measures`)."),
        "share_sentences_with_hedge": (change, "Share of sentences with a hedge of any voice (`marker_measures`)."),
    }))
    brief = build.define("EntityBrief", _object("An entity's mentions in one document.", {
        "name": (_STRING, "The entity's canonical name."),
        "label": (_STRING, "Its spaCy NER label."),
        "count": (_COUNT, "Its mentions in the document."),
        "rate": (_NUMBER, "Its mentions per 1,000 words of the document."),
    }))
    pair = build.define("EntityPair", _object("An entity both documents mention.", {
        "name": (_STRING, "The entity's canonical name."),
        "from": (brief, "Its mentions in the earlier document."),
        "to": (brief, "Its mentions in the later document."),
    }))
    salience = build.define("SalienceChange", _object("How prominent an entity is in the two documents.", {
        "name": (_STRING, "The entity's canonical name."),
        "label": (_STRING, "Its spaCy NER label (in the later document if it is there, else in the earlier)."),
        "from_count": (_COUNT, "Mentions in the earlier document (0 when absent)."),
        "to_count": (_COUNT, "Mentions in the later document (0 when absent)."),
        "from_rate": (_NUMBER, "Mentions per 1,000 words in the earlier document."),
        "to_rate": (_NUMBER, "Mentions per 1,000 words in the later document."),
        "change": (_NUMBER, "`to_rate` minus `from_rate`, rounded to 2 decimals."),
        "prominence": ({"enum": ["more", "less", None]},
                       "`more` or `less` when the mentions and their rate moved the same way and the entity is "
                       "mentioned at least twice in one of the texts; else null."),
    }))
    entity_stance = build.define("EntityStance", _object(
        "The author's own hedges and boosters in the sentences of one document that mention an entity.", {
            "sentences": (_COUNT, "Sentences that mention the entity."),
            "hedges": (_COUNT, "The author's own hedges in them."),
            "boosters": (_COUNT, "The author's own boosters in them."),
            "hedges_per_sentence": (_nullable(_NUMBER), "`hedges` over `sentences`, rounded to 2 decimals; null "
                                                        "when no sentence mentions the entity."),
            "boosters_per_sentence": (_nullable(_NUMBER), "`boosters` over `sentences`, rounded to 2 decimals; "
                                                          "null when no sentence mentions the entity."),
            "cues": (_array(_STRING), "`category:cue` of each of those hedges and boosters, lower-cased "
                                      "(`hedge:probably`), hedges first."),
        }))
    stance_pair = build.define("EntityStancePair", _object("The author's stance markers around one entity.", {
        "name": (_STRING, "The entity's canonical name."),
        "from": (entity_stance, "In the earlier document."),
        "to": (entity_stance, "In the later document."),
    }))
    entities = build.define("EntityChanges", _object("Which entities the two documents mention, and how much.", {
        "in_both": (_array(pair), "Entities both documents mention, the most mentioned in the two together first."),
        "only_earlier": (_array(brief), "Entities only the earlier document mentions, the most mentioned first."),
        "only_later": (_array(brief), "Entities only the later document mentions, the most mentioned first."),
        "salience_changes": (_array(salience), "Every entity of either document, the largest change in mentions "
                                               "per 1,000 words first."),
        "author_stance_by_entity": (_array(stance_pair),
                                    "Salient entities (the 8 most mentioned of each document that the other "
                                    "mentions too, demonyms left out) with the author's stance markers around "
                                    "them."),
    }))
    key_term = build.define("KeyTerm", _object("One term and how much it distinguishes the two texts.", {
        "term": (_STRING, "A lower-cased content-word lemma or an entity's canonical name (the documents' `terms`)."),
        "count_from": (_COUNT, "Its count in the earlier document."),
        "count_to": (_COUNT, "Its count in the later document."),
        "delta": (_NUMBER, "Log-odds ratio of the later against the earlier text with an informative Dirichlet "
                           "prior (Monroe, Colaresi & Quinn 2008), rounded to 3 decimals."),
        "z": (_NUMBER, "`delta` over its standard error, rounded to 3 decimals: above 0 typical of the later text, "
                       "below 0 of the earlier."),
        "g2": (_NUMBER, "Dunning's (1993) log-likelihood G2, rounded to 3 decimals."),
        "log_ratio": (_NUMBER, "Hardie's (2014) Log Ratio: the binary log of the ratio of relative frequencies, later "
                               "against earlier (0.5 for a zero count), rounded to 3 decimals."),
    }))
    keyness = build.define("Keyness", _object(
        "Words that distinguish the later text from the earlier one, over the documents' `terms`. When either "
        "document has no terms, only `earlier`, `later`, `tests`, `significant_after_correction` and `note` are "
        "present.", {
            "earlier": (_array(key_term), "Up to 15 terms typical of the earlier text, the lowest `z` first."),
            "later": (_array(key_term), "Up to 15 terms typical of the later text, the highest `z` first."),
            "tests": (_COUNT, "Terms tested: those occurring at least twice in the two texts together."),
            "critical_z": (_nullable(_NUMBER), "The |z| a term needs to be significant with a Bonferroni correction "
                                               "at alpha 0.05 over `tests`, rounded to 3 decimals; null when nothing "
                                               "was tested."),
            "significant_after_correction": (_COUNT, "Terms whose |z| reaches `critical_z`."),
            "note": (_STRING, "What the numbers allow, in words."),
            "tokens_from": (_COUNT, "Terms (tokens) of the earlier document."),
            "tokens_to": (_COUNT, "Terms (tokens) of the later document."),
        }, optional=("critical_z", "tokens_from", "tokens_to")))
    reference = build.define("DocumentRef", _object("A document of a comparison.", {
        "id": (_STRING, "The document's `id`."),
        "date": (_DATE, "The document's date, `YYYY-MM-DD`."),
    }))
    step = build.define("Step", _object("One comparison of an earlier and a later document.", {
        "from": (reference, "The earlier document."),
        "to": (reference, "The later document."),
        "stats": (stats, "Size and lexical diversity of the two documents."),
        "readability": (readability_changes, "Readability of the two documents."),
        "markers": (markers, "Metadiscourse markers of the two documents, per 1,000 words."),
        "entities": (entities, "Entities of the two documents."),
        "findings": (_array(finding), "Every judgement finding of the step, low confidence included: by strength "
                                      "weighed by confidence (high 1, medium 0.8, low 0.5), then confidence, then "
                                      "proposition."),
        "keyness": (_nullable(keyness), "Words that distinguish the two texts; null only in a comparison made "
                                        "without the judgement analysis (`compare_profiles` alone)."),
    }))
    build.define("Comparison", _object("How the documents change from date to date.", {
        "steps": (_array(step), "Each document against the one before it, in date order: one step fewer than "
                                "there are documents."),
        "first_to_last": (_nullable(step), "The first document against the last when there are more than two "
                                           "documents; else null (with two, the one step spans the whole period)."),
    }))


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report as ``Report.to_dict()`` gives it: the typed results'
    definitions generated from their dataclasses' type hints, the dict-shaped parts written here; definitions in the
    order a reader meets them."""
    from .corpus import Boilerplate
    from .results import MARKER_CATEGORIES, Entity, Marker, Sentence
    from .textstats import READABILITY_MEASURES

    build = _SchemaBuilder()
    categories, readability = tuple(MARKER_CATEGORIES), tuple(READABILITY_MEASURES)
    claim = build.dataclass_ref(Claim, computed={
        "score": build.property_schema(Claim, "score"),
        "commitment": build.property_schema(Claim, "commitment"),
        "entities": build.property_schema(Claim, "entities"),
        "source": _described({"enum": ["author", "attributed"]},
                             "`author` for the author's own claim (`voice` `author`), else `attributed`."),
    })
    finding = build.dataclass_ref(Finding, renamed={"earlier": "from", "later": "to"})
    _document_parts(build, categories, readability)
    _comparison_parts(build, categories, readability, finding)
    document = build.define("Document", _object("One analysed document: its metadata, text and profile.", {
        "id": (_STRING, "The document's id, unique in the corpus."),
        "date": (_DATE, "The document's date, `YYYY-MM-DD`."),
        "title": (_nullable(_STRING), "The title, or null."),
        "subtitle": (_nullable(_STRING), "The subtitle, or null."),
        "author": (_nullable(_STRING), "The author's name, or null; it and the metadata's `author_aliases` mark the "
                                       "author's own claims (*the Committee expects*)."),
        "venue": (_nullable(_STRING), "Where the text was published, or null."),
        "url": (_nullable(_STRING), "The text's address, or null."),
        "source": (_nullable(_STRING), "Where the document was read from (a file, `record N`, a DataFrame row, or "
                                       "the record's own `source`), or null."),
        "metadata": ({"type": "object"}, "Every other field of the record or front matter, as plain JSON data: "
                                         "open, any keys."),
        "text": (_STRING, "The analysed body: every character offset of this document refers to it."),
        "boilerplate": (_array(build.dataclass_ref(Boilerplate)),
                        "Text of the source set aside from the body (title, captions, credits, bios, ...)."),
        "stats": (build.ref("TextStats"), "Size and lexical diversity."),
        "readability": (build.ref("Readability"), "Readability formulas."),
        "markers": (_array(build.dataclass_ref(Marker)), "Every metadiscourse cue found in the text."),
        "marker_measures": (build.ref("MarkerMeasures"), "Counts and rates of the markers."),
        "entities": (_array(build.dataclass_ref(Entity)), "Canonical entities, the most mentioned first (ties: the "
                                                          "first mentioned first)."),
        "sentences": (_array(build.dataclass_ref(Sentence)), "Every sentence, in text order."),
        "attributions": (_array(build.ref("Attribution")), "Content the text attributes to a source."),
        "claims": (_array(claim), "The claims read from the text, in order of `index`."),
        "terms": ({"type": "object", "additionalProperties": {**_COUNT, "minimum": 1}},
                  "The vocabulary for keyness: the count of each lower-cased content-word lemma outside entity "
                  "mentions, and of each entity mention under its canonical name."),
        "claim_links": (_array({"type": "array", "prefixItems": [_COUNT, _COUNT, _NUMBER], "items": False,
                                "minItems": 3}),
                        "Pairs of claims of the document that express the same proposition: [lower `index`, higher "
                        "`index`, alignment score (higher: more participants and predicate words shared)], "
                        "ascending."),
    }))
    generator = build.define("Generator", _object("The program that wrote the report.", {
        "name": ({"const": "kalinovsky-nlp"}, "Its name."),
        "version": (_STRING, "Its version."),
    }))
    model = build.define("Model", _object(
        "The spaCy pipeline that made the report. `analyze()` fills every field; a report built by "
        "`report_from_profiles()` has the `model_info` given to it (empty when none is): no key is required.", {
            "name": (_STRING, "The pipeline's `<lang>_<name>` (`en_core_web_sm`)."),
            "version": (_nullable(_STRING), "The pipeline package's version."),
            "spacy_version": (_nullable(_STRING), "The spaCy versions the pipeline declares (a requirement such as "
                                                  "`>=3.7.5,<3.9.0`)."),
            "pipeline": (_array(_STRING), "The pipeline's components in order, the project's own last."),
            "backend": ({"enum": ["local", "dask"]}, "Where the analysis ran: `local` (this process or forked "
                                                     "workers) or `dask`."),
        }, optional=("name", "version", "spacy_version", "pipeline", "backend"), closed=False))
    root = _object(
        "The report of how an author's judgement changed across dated texts (`Report.to_dict()`).", {
            "schema_version": ({"const": SCHEMA_VERSION}, "Version of this contract, `major.minor`."),
            "generator": (generator, "The program that wrote the report."),
            "model": (model, "The spaCy pipeline that made the report."),
            "documents": (_array(document), "Every analysed document, ordered by date, then id."),
            "comparison": (build.ref("Comparison"), "Measures, markers, entities, keyness and findings of each "
                                                    "comparison step."),
            "narrative": (_array(_STRING), "The leading findings told in plain sentences: an opening, then one "
                                           "sentence per finding; empty with fewer than two documents."),
            "certainty_legend": (_STRING, "What the FactBank certainty tags of the findings mean, in one sentence."),
            "findings": (_array(finding), "The findings the report leads with: the high- and medium-confidence "
                                          "findings of the comparison that spans the whole period (`first_to_last`, "
                                          "or the one step), at most 6, in the step's order (strength weighed by "
                                          "confidence)."),
            "summary": (_array(_STRING), "Plain sentences on the measures, markers and entities across the whole "
                                         "period (one sentence for a single document)."),
            "warnings": (_array(_STRING), "What the reader must know before trusting the report: skipped files, one "
                                          "document, documents on the same date, no words, probably not English."),
        })
    return {"$schema": JSON_SCHEMA_DIALECT, "title": f"kalinovsky-nlp report, schema {SCHEMA_VERSION}", **root,
            "$defs": _in_reading_order(root, build.defs)}


def _references(schema: Any) -> list[str]:
    """Names of the definitions a schema refers to, in order, with repeats."""
    if isinstance(schema, dict):
        own = [schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema else []
        return own + [name for value in schema.values() for name in _references(value)]
    if isinstance(schema, list):
        return [name for value in schema for name in _references(value)]
    return []


def _in_reading_order(root: dict[str, Any], defs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The definitions depth first from the root, each where a reader first meets it; an unreachable one is an
    error."""
    ordered: dict[str, dict[str, Any]] = {}

    def visit(schema: dict[str, Any]) -> None:
        for name in _references(schema):
            if name not in ordered:
                ordered[name] = defs[name]
                visit(defs[name])

    visit(root)
    unused = set(defs) - set(ordered)
    if unused:
        raise ValueError(f"definitions nothing refers to: {sorted(unused)}")
    return ordered
