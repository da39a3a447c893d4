"""The typed results that cross module boundaries: entity mentions, claims and judgement findings first, then (one
section each) the JSON key metadata, a document's markers, sentences, entities and measures, text statistics,
distinctive vocabulary, attributions, the comparison of two documents, and a step's judgement.

Frozen dataclasses with ``Literal`` kinds, so that a type checker and a reader see every field and every allowed
value in one place (the containers that gather them, ``DocumentProfile``, ``Step``, ``Comparison`` and ``Report``,
live with the code that fills them). They hold plain data (no spaCy objects), so they can be pickled to worker processes and turned
into the JSON report by :mod:`kalinovsky_nlp.schema`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "AS_FROM",
    "AS_TO",
    "Argument",
    "ArgumentRole",
    "Attribution",
    "AttributionKind",
    "CERTAINTY_SCORES",
    "CategoryChange",
    "CategoryMeasures",
    "Certainty",
    "Change",
    "Claim",
    "ClaimRole",
    "CueKind",
    "Entity",
    "EntityBrief",
    "EntityChanges",
    "EntityMention",
    "EntityPair",
    "EntityStance",
    "EntityStancePair",
    "Evaluation",
    "FINDING_KINDS",
    "Finding",
    "FindingKind",
    "FindingSide",
    "JSON_KEY",
    "KeyTerm",
    "Keyness",
    "LEVEL_RANK",
    "Level",
    "MARKER_CATEGORIES",
    "Marker",
    "MarkerChanges",
    "MarkerMeasures",
    "Mention",
    "MentionKind",
    "Polarity",
    "Position",
    "Prominence",
    "Revision",
    "SalienceChange",
    "Sentence",
    "Source",
    "StanceLink",
    "StepJudgement",
    "TextStats",
    "TimeFrame",
    "VerbClass",
    "Voice",
    "certainty_label",
    "certainty_parts",
]

#: FactBank factuality values (Sauri & Pustejovsky 2009) from a source's perspective: certain, probable, possible,
#: uncommitted, each with a polarity (``Uu`` has none).
Certainty = Literal["CT+", "PR+", "PS+", "Uu", "PS-", "PR-", "CT-"]
#: The degree of a certainty value without its polarity.
Level = Literal["CT", "PR", "PS", "Uu"]
Polarity = Literal["positive", "negative"]
#: When a claim holds: a past narration, a present state or assessment, a prediction, a hypothetical (the consequent
#: of a condition, a *would*), or a generic statement (*as often happens*, habitual present of a kind).
TimeFrame = Literal["past", "present", "future", "hypothetical", "generic"]
#: ``author``: the author's own assertion; ``reported``: content the author attributes to someone else.
Voice = Literal["author", "reported"]
#: How the claim appears: asserted in a clause of its own, reported from a source, presupposed inside a noun phrase
#: or a relative or adverbial clause (*Moscow's decision to supply arms*), or the author's stance on another claim.
ClaimRole = Literal["assertion", "report", "presupposition", "stance"]
ArgumentRole = Literal["subject", "object", "oblique", "goal"]
#: How a mention names its entity: its name, an alias, the short form of a person's name, a capital standing for its
#: government (*Moscow decided*) or a demonym (*Russian*).
MentionKind = Literal["name", "alias", "short_form", "metonymy", "demonym"]

CERTAINTY_SCORES: dict[str, int] = {"CT+": 3, "PR+": 2, "PS+": 1, "Uu": 0, "PS-": -1, "PR-": -2, "CT-": -3}
LEVEL_RANK: dict[str, int] = {"Uu": 0, "PS": 1, "PR": 2, "CT": 3}


def certainty_label(level: str, negative: bool) -> Certainty:
    """The FactBank value of a level and a polarity (``Uu`` has no polarity)."""
    if level == "Uu":
        return "Uu"
    return f"{level}{'-' if negative else '+'}"  # type: ignore[return-value]


def certainty_parts(value: str) -> tuple[str, bool]:
    """(level, negative) of a FactBank value: ``"PR-"`` -> ``("PR", True)``."""
    if value == "Uu":
        return "Uu", False
    return value[:2], value.endswith("-")


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in the document text."""

    text: str
    start: int
    end: int
    kind: MentionKind = "name"
    metonymy: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class EntityMention(Mention):
    """A mention as the canonical-entities component resolved it (character offsets ``start``/``end``, token
    offsets ``token_start``/``token_end``, end exclusive): what the profile groups into entities and the claim reader
    reads arguments from.

    The component stores these on the Doc as plain dicts (:meth:`to_dict`): that is the documented extension, and
    Docs with dicts in their user data still serialise (``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=...)``)."""

    token_start: int
    token_end: int
    canonical: str
    label: str
    #: For a demonym (*Russian*): the place it belongs to (*Russia*).
    demonym_of: str | None = None
    #: The statistical NER label of the span the mention came from, if any.
    ner_label: str | None = None
    #: Whether a person title came with the name (*Mayor Helena Varga*).
    titled: bool = False

    def report_mention(self) -> Mention:
        """The mention as the report lists it under its entity."""
        return Mention(self.text, self.start, self.end, self.kind, self.metonymy)

    def to_dict(self) -> dict[str, Any]:
        """The dict of ``doc._.kn_entity_mentions`` (keys in the order the component has always written them)."""
        return {"text": self.text, "start": self.start, "end": self.end, "token_start": self.token_start,
                "token_end": self.token_end, "canonical": self.canonical, "label": self.label, "kind": self.kind,
                "metonymy": self.metonymy, "demonym_of": self.demonym_of, "ner_label": self.ner_label,
                "titled": self.titled}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EntityMention":
        """The mention of one dict of ``doc._.kn_entity_mentions``."""
        return cls(text=data["text"], start=data["start"], end=data["end"], kind=data["kind"],
                   metonymy=bool(data["metonymy"]), token_start=data["token_start"], token_end=data["token_end"],
                   canonical=data["canonical"], label=data["label"], demonym_of=data.get("demonym_of"),
                   ner_label=data.get("ner_label"), titled=bool(data.get("titled", False)))


@dataclass(frozen=True)
class Argument:
    """A participant of a claim: a canonical entity (``key`` ``ent:<name>``) or a noun-phrase head (``np:<lemma>``).

    ``qualifiers`` are the words that say which thing of its kind a noun phrase names: its noun modifiers and
    hyphenated classifiers (*unemployment* rate, *federal funds* rate, *market-based* measures), lower-cased lemmas.
    Two noun phrases with the same head whose qualifiers are disjoint name different things."""

    key: str
    text: str
    role: ArgumentRole
    entity: str | None = None
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One level of FactBank's nested sources: who holds the claim (``holder`` None: the author) and how firmly.

    In *officials accused Russia of arming the Taliban* the officials hold it as certain (``CT+``) and the author is
    uncommitted (``Uu``)."""

    holder: str | None
    certainty: Certainty
    cue: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """The author's evaluation of one argument of a claim, from attitude words tied to it in the parse."""

    target: str
    score: float
    cues: tuple[str, ...]


@dataclass(frozen=True)
class StanceLink:
    """The author's stance on another claim of the same document, expressed through a shell noun (*these claims*,
    *this intelligence*) or a stance predicate without an object (*I should not be so dismissive*)."""

    target: int
    certainty: Certainty
    cue: str
    via: str
    time_frame: TimeFrame


@dataclass(frozen=True)
class Claim:
    """A proposition read from one clause or event noun phrase: who holds it, what it predicates of whom, when it
    holds, and how firmly the author commits to it. Offsets are character offsets into the document text.

    ``gist`` names the proposition in plain words, positive and in the present (*Russia supplies the Taliban with
    arms*); ``anchor_year`` is the earliest year named in the clause; ``head`` the token index of its head."""

    index: int
    sentence: int
    paragraph: int
    start: int
    end: int
    text: str
    predicate: str
    predicate_keys: tuple[str, ...]
    arguments: tuple[Argument, ...]
    polarity: Polarity
    time_frame: TimeFrame
    certainty: Certainty
    voice: Voice
    role: ClaimRole
    holder: str | None = None
    sources: tuple[Source, ...] = ()
    cues: tuple[str, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    stance: StanceLink | None = None
    anchor_year: int | None = None
    head: int = -1
    gist: str = ""

    @property
    def score(self) -> int:
        """The signed FactBank score of the author's certainty: CT+ 3 ... Uu 0 ... CT- -3."""
        return CERTAINTY_SCORES[self.certainty]

    @property
    def source_kind(self) -> Literal["author", "attributed"]:
        """Whose claim it is, coarsely: the author's own, or attributed to others."""
        return "author" if self.voice == "author" else "attributed"

    @property
    def commitment(self) -> int:
        """How firmly the author commits, whatever the polarity: CT 3, PR 2, PS 1, Uu 0."""
        return abs(CERTAINTY_SCORES[self.certainty])

    @property
    def entities(self) -> tuple[str, ...]:
        """The canonical entities among the arguments, in order of appearance, without repeats."""
        return tuple(dict.fromkeys(a.entity for a in self.arguments if a.entity))

    @property
    def evaluation_score(self) -> float:
        """The sum of the author's evaluations of the claim's arguments, within -3 to +3 (one attitude word can
        evaluate two arguments, *it is a remarkable success*, and a reader compares positions on one scale)."""
        return round(max(-3.0, min(3.0, sum(e.score for e in self.evaluations))), 2)


#: The one vocabulary of judgement-change kinds (``docs/annotation/judgement-changes.md`` defines each).
FindingKind = Literal[
    "certainty_up",
    "certainty_down",
    "polarity_reversed",
    "reported_to_asserted",
    "asserted_to_reported",
    "evaluation_more_favourable",
    "evaluation_less_favourable",
    "new_judgement",
    "dropped_judgement",
    "position_revised",
]
FINDING_KINDS: tuple[str, ...] = (
    "certainty_up", "certainty_down", "polarity_reversed", "reported_to_asserted", "asserted_to_reported",
    "evaluation_more_favourable", "evaluation_less_favourable", "new_judgement", "dropped_judgement",
    "position_revised",
)


@dataclass(frozen=True)
class Position:
    """The author's position on one proposition in one document, summarised from the claims that express it."""

    certainty: Certainty | None
    voice: Literal["author", "reported", "both"] | None
    evaluation: float
    claims: int
    author_claims: int
    initial_certainty: Certainty | None = None


@dataclass(frozen=True)
class FindingSide:
    """One date of a finding: the document, the author's position and the evidence quoted verbatim from its text
    (``evidence``: whole sentences; ``quotes``: the clauses that decide the position, for a summary)."""

    document: str
    date: str
    position: Position | None
    evidence: tuple[str, ...]
    claims: tuple[int, ...]
    cues: tuple[str, ...]
    holders: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Revision:
    """One edit of a sentence the author restated: the words removed and the words put in their place (either may
    be empty)."""

    before: str
    after: str


@dataclass(frozen=True)
class Finding:
    """A change in the author's judgement of one proposition between two dates, with the evidence of both."""

    proposition: str
    kinds: tuple[FindingKind, ...]
    statement: str
    confidence: Literal["high", "medium", "low"]
    confidence_reason: str
    strength: float
    shared_arguments: tuple[str, ...]
    shared_predicates: tuple[str, ...]
    earlier: FindingSide
    later: FindingSide
    targets: tuple[str, ...] = field(default=())
    revisions: tuple[Revision, ...] = field(default=())


# ---------------------------------------- JSON keys


#: Field metadata key: the JSON key of a dataclass field whose name cannot be the key (``from`` is a keyword).
JSON_KEY = "json_key"


#: Metadata of a field written under the key ``from`` (the earlier document's side) and ``to`` (the later one's).
AS_FROM: dict[str, str] = {JSON_KEY: "from"}


AS_TO: dict[str, str] = {JSON_KEY: "to"}


# ---------------------------------------- one document's profile


#: The metadiscourse categories (Hyland 2005) every profile counts, found or not.
MARKER_CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement")


@dataclass(frozen=True)
class Marker:
    """One metadiscourse cue; ``start``/``end`` are character offsets into the document text."""

    category: str
    subcategory: str
    text: str
    start: int
    end: int
    voice: str
    sentence: int
    #: Hedges: True when the hedge withholds commitment to the truth of a proposition, False for approximator-type
    #: hedges (quantity, degree, frequency, generality, vague sources); None for the other categories.
    epistemic: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Entity:
    """A canonical entity of one document with all its mentions."""

    name: str
    label: str
    count: int
    rate_per_1000_words: float
    first_position: int
    first_position_relative: float
    mentions: list[Mention]
    demonym_of: str | None = None
    metonymy_count: int = 0
    sentences: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mentions"] = [m.to_dict() for m in self.mentions]
        return data


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    hedges: int
    boosters: int
    uncertain: bool
    content: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["content"] = list(self.content)
        return data


@dataclass(frozen=True)
class CategoryMeasures:
    """Markers of one category in a document: all voices and the author's own, counts and rates per 1,000 words."""

    count: int
    rate: float
    author_count: int
    author_rate: float


@dataclass(frozen=True)
class MarkerMeasures:
    """Counts and rates per 1,000 words of a document's markers: by category (every category of
    :data:`MARKER_CATEGORIES`, found or not, then any other found) and subcategory, the author's hedge/booster ratio,
    the share of sentences with a hedge, and the same for the epistemic hedges alone."""

    words: int
    by_category: dict[str, CategoryMeasures]
    by_subcategory: dict[str, dict[str, int]]
    hedge_booster_ratio: float | None
    sentences_with_hedge: int
    share_sentences_with_hedge: float
    epistemic_hedge: CategoryMeasures
    sentences_with_epistemic_hedge: int
    share_sentences_with_epistemic_hedge: float


# ---------------------------------------- text statistics


@dataclass(frozen=True)
class TextStats:
    """Size and lexical diversity of one document (None where the document has no sentences or no words)."""

    words: int
    sentences: int
    mean_sentence_length: float | None
    type_token_ratio: float | None
    mtld: float | None


# ---------------------------------------- distinctive vocabulary


@dataclass(frozen=True)
class KeyTerm:
    """One term, its counts in the two texts and how much it distinguishes them (rounded to 3 decimals)."""

    term: str
    count_from: int
    count_to: int
    delta: float
    z: float
    g2: float
    log_ratio: float


@dataclass(frozen=True)
class Keyness:
    """The terms typical of the earlier and of the later text, with how many were tested and what that allows.

    When either text has no terms, nothing is tested and the JSON leaves out ``critical_z`` and the token counts
    (:func:`kalinovsky_nlp.schema.keyness_to_dict`)."""

    earlier: tuple[KeyTerm, ...]
    later: tuple[KeyTerm, ...]
    tests: int
    critical_z: float | None
    significant_after_correction: int
    note: str
    tokens_from: int
    tokens_to: int

    @property
    def empty_text(self) -> bool:
        """Whether either text has no terms (nothing could be compared)."""
        return not self.tokens_from or not self.tokens_to


# ---------------------------------------- attribution


#: How the content is attributed; ``noun_report`` (*intelligence about X*, *their hope was that X*) is found by the
#: claim reader, the others by :func:`find_attributions`.
AttributionKind = Literal["reporting_verb", "quotation", "according_to", "for_source", "noun_complement",
                          "impersonal", "noun_report"]


#: How far the cue endorses the content (the ``class`` column of the reporting verb and noun lexicons).
VerbClass = Literal["factive", "neutral", "distancing"]


#: What the cue reports (the ``kind`` column of the reporting verb and noun lexicons).
CueKind = Literal["speech", "thought", "evidence"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Content attributed to a source; offsets are token indices into the Doc (end exclusive).

    The attribution component stores these on the Doc as plain dicts (:meth:`to_dict`, ``doc._.kn_attributions``):
    that is the documented extension, and Docs with dicts in their user data still serialise (``Doc.to_bytes``,
    ``DocBin``, ``nlp.pipe(n_process=...)``). The profile reads them back with :meth:`from_dict` for the claim
    reader."""

    kind: AttributionKind
    cue: str
    cue_start: int
    cue_end: int
    verb_class: VerbClass
    content_start: int
    content_end: int
    holder: str | None = None
    holder_start: int | None = None
    holder_end: int | None = None
    cue_kind: CueKind = "speech"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Attribution":
        """The attribution of one dict of ``doc._.kn_attributions``."""
        return cls(data["kind"], data["cue"], data["cue_start"], data["cue_end"], data["verb_class"],
                   data["content_start"], data["content_end"], data.get("holder"), data.get("holder_start"),
                   data.get("holder_end"), data.get("cue_kind", "speech"))


# ---------------------------------------- comparison across dates


#: Whether an entity became more or less prominent from the earlier to the later document (:func:`prominence`).
Prominence = Literal["more", "less"]


@dataclass(frozen=True)
class Change:
    """A measure in the earlier and in the later document, and how much it moved (None where either has none)."""

    earlier: float | None = field(metadata=AS_FROM)
    later: float | None = field(metadata=AS_TO)
    change: float | None


@dataclass(frozen=True)
class CategoryChange:
    """Markers of one category in the two documents: the author's own (counts, rates per 1,000 words and the
    change of rate), and the count of every voice."""

    from_count: int
    to_count: int
    from_rate: float
    to_rate: float
    change: float
    from_count_all_voices: int
    to_count_all_voices: int


@dataclass(frozen=True)
class MarkerChanges:
    """Metadiscourse markers of the two documents: each category of :data:`MARKER_CATEGORIES`, and two
    document-level measures."""

    hedge: CategoryChange
    booster: CategoryChange
    attitude: CategoryChange
    self_mention: CategoryChange
    engagement: CategoryChange
    hedge_booster_ratio: Change
    share_sentences_with_hedge: Change

    def category(self, name: str) -> CategoryChange:
        """The change of one marker category, by its name in :data:`MARKER_CATEGORIES`."""
        if name not in MARKER_CATEGORIES:
            raise KeyError(name)
        change: CategoryChange = getattr(self, name)
        return change


@dataclass(frozen=True)
class EntityBrief:
    """An entity's mentions in one document: its count and rate per 1,000 words."""

    name: str
    label: str
    count: int
    rate: float


@dataclass(frozen=True)
class EntityPair:
    """An entity both documents mention, with its mentions in each."""

    name: str
    earlier: EntityBrief = field(metadata=AS_FROM)
    later: EntityBrief = field(metadata=AS_TO)


@dataclass(frozen=True)
class SalienceChange:
    """How prominent an entity of either document is in the two (0 mentions where it is absent)."""

    name: str
    label: str
    from_count: int
    to_count: int
    from_rate: float
    to_rate: float
    change: float
    prominence: Prominence | None


@dataclass(frozen=True)
class EntityStance:
    """The author's own hedges and boosters in the sentences of one document that mention an entity."""

    sentences: int
    hedges: int
    boosters: int
    hedges_per_sentence: float | None
    boosters_per_sentence: float | None
    cues: tuple[str, ...]


@dataclass(frozen=True)
class EntityStancePair:
    """The author's stance markers around one salient entity in the two documents."""

    name: str
    earlier: EntityStance = field(metadata=AS_FROM)
    later: EntityStance = field(metadata=AS_TO)


@dataclass(frozen=True)
class EntityChanges:
    """Which entities the two documents mention, how much, and the author's stance around the salient ones."""

    in_both: tuple[EntityPair, ...]
    only_earlier: tuple[EntityBrief, ...]
    only_later: tuple[EntityBrief, ...]
    salience_changes: tuple[SalienceChange, ...]
    author_stance_by_entity: tuple[EntityStancePair, ...]


# ---------------------------------------- judgement of a comparison step


@dataclass(frozen=True)
class StepJudgement:
    """What the judgement analysis adds to one comparison step: its findings (strongest first, with their targets)
    and the keyness of its two texts. Plain data, so that it comes back from worker processes."""

    findings: tuple[Finding, ...]
    keyness: Keyness
