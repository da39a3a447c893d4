"""The typed results that cross module boundaries: claims read from one document and judgement findings across dates.

Frozen dataclasses with ``Literal`` kinds, so that a type checker and a reader see every field and every allowed
value in one place. They hold plain data (no spaCy objects), so they can be pickled to worker processes and turned
into the JSON report by :mod:`kalinovsky_nlp.schema`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "Argument",
    "ArgumentRole",
    "CERTAINTY_SCORES",
    "Certainty",
    "Claim",
    "ClaimRole",
    "EntityMention",
    "Evaluation",
    "FINDING_KINDS",
    "Finding",
    "FindingKind",
    "FindingSide",
    "Level",
    "Mention",
    "MentionKind",
    "Polarity",
    "Position",
    "Revision",
    "Source",
    "StanceLink",
    "TimeFrame",
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
ArgumentRole = Literal["subject", "object", "oblique"]
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
    """A participant of a claim: a canonical entity (``key`` ``ent:<name>``) or a noun-phrase head (``np:<lemma>``)."""

    key: str
    text: str
    role: ArgumentRole
    entity: str | None = None


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
