"""Findings: how the author's position on each proposition changed between two documents.

For every proposition of a step (:mod:`.propositions`) the positions of both dates are compared:

* ``certainty_up`` / ``certainty_down``: the author's commitment rose or fell on the FactBank scale (CT > PR > PS >
  Uu), polarity kept; ``polarity_reversed``: the author now commits to the opposite;
* ``reported_to_asserted`` / ``asserted_to_reported``: the proposition moved from others' words into the author's
  own voice (with a commitment of at least PS), or back;
* ``evaluation_more_favourable`` / ``evaluation_less_favourable``: the author's evaluation of its participants,
  from attitude words tied to them, moved by at least :data:`EVALUATION_STEP`;
* ``new_judgement`` / ``dropped_judgement``: a proposition only one date has, on which the author takes a stance
  there (a stance predicate, an epistemic cue, a rejection or an evaluation); a topic that merely appears is not a
  judgement and is left to the report's section on what the author writes about.

Each finding quotes the evidence of both dates (sentences verbatim from the texts), says how many claims stand
behind each side and what the aligned claims share, and gets a confidence from the alignment's strength, the
support on both sides and whether the author's stance is explicit. A condition the author set for its own action
(*will continue its purchases until the outlook has improved substantially*) that the later text asserts (*judges
that there has been a substantial improvement*) is an explicit change of the author's position.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from typing import Container, Literal, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..components.attribution import reporting_verbs
from ..components.claims import TEMPORAL_SUBORDINATORS, derivational_base
from ..profile import DocumentProfile
from ..results import CERTAINTY_SCORES, LEVEL_RANK, Claim, Finding, FindingSide, Position, Revision, certainty_parts
from .align import (Alignment, ClaimFeatures, align_features, attention_verbs, features, light_verbs,
                    noun_qualifiers, participants, same_referent, shared_participants)
from .corrections import self_corrections
from .edits import (ClauseCorrespondence, claim_edited, document_words, restated_form, sentence_edits, substantive,
                    without_opening_subject, without_shared_subject)
from .propositions import Proposition, find_propositions, position_of, representative, restatements, stances_on
from .wording import finding_statement, proposition_label

__all__ = ["CONFIDENCE_WEIGHT", "EVALUATION_STEP", "SHOWN_CONFIDENCE", "claim_features", "evidential_frame",
           "judged_members", "judgement_kinds", "participant_name", "ranked", "shown_findings", "step_findings"]

EVALUATION_STEP = 0.5
#: Confidence levels a report shows; the JSON report keeps every finding with its confidence.
SHOWN_CONFIDENCE = ("high", "medium")
#: Evidence sentences quoted per side.
MAX_EVIDENCE = 3


def judgement_kinds(earlier: Position, later: Position) -> list[str]:
    """The kinds of change between two positions on one proposition (possibly none)."""
    kinds: list[str] = []
    level_a, negative_a = certainty_parts(earlier.certainty or "Uu")
    level_b, negative_b = certainty_parts(later.certainty or "Uu")
    if level_a != "Uu" and level_b != "Uu" and negative_a != negative_b:
        kinds.append("polarity_reversed")
    elif LEVEL_RANK[level_b] > LEVEL_RANK[level_a]:
        kinds.append("certainty_up")
    elif LEVEL_RANK[level_b] < LEVEL_RANK[level_a]:
        kinds.append("certainty_down")
    if earlier.voice == "reported" and later.voice in ("author", "both") and LEVEL_RANK[level_b] >= LEVEL_RANK["PS"]:
        kinds.append("reported_to_asserted")
    elif later.voice == "reported" and earlier.voice in ("author", "both") and LEVEL_RANK[level_a] >= LEVEL_RANK["PS"]:
        kinds.append("asserted_to_reported")
    if abs(later.evaluation - earlier.evaluation) >= EVALUATION_STEP:
        kinds.append("evaluation_more_favourable" if later.evaluation > earlier.evaluation
                     else "evaluation_less_favourable")
    return kinds


_WORDS = re.compile(r"\w+(?:[-'\u2019./]\w+)*")
QUANTITY = re.compile(r"\$?\d+(?:[.,/-]\d+)*(?:\s*(?:percent|billion|million|thousand|%))?")


def _quantities(text: str) -> frozenset[str]:
    return frozenset(m.group(0).replace(" ", "") for m in QUANTITY.finditer(text))


def revised_pair(earlier: Sequence[Claim], later: Sequence[Claim], proposition: Proposition,
                 earlier_year: int, unchanged: tuple[set[str], set[str]] | None = None,
                 restated: dict[tuple[int, int], float] | None = None,
                 edited: Container[tuple[int, int]] | None = None,
                 clauses: ClauseCorrespondence | None = None,
                 subjects: tuple[SubjectIndex, SubjectIndex] | None = None,
                 features_of: tuple[Sequence[ClaimFeatures], Sequence[ClaimFeatures]] | None = None
                 ) -> tuple[Claim, Claim] | None:
    """A pair of aligned claims in which the author restates a position of its own with a different content: a
    different action on the same thing (*continue purchasing* / *reduce the pace of purchases*; *keep the target
    range* / *raise the target range*), or different quantities (*$40 billion* / *$35 billion*). Only the
    author's own actions and the claims that state quantities can be revised this way, and the author's own claims
    in a sentence restated with its content words edited (``edited``: pairs of restated sentences, see
    :func:`kalinovsky_nlp.judgement.edits.substantive`); a change of wording between claims about others is not a
    revision. Given each text's subjects (:func:`subject_index`), a subject conjunct that one claim has and the other
    text tells of in a claim of its own is moved there, not revised (:func:`_conjunct_moved`). ``features_of``: the
    two documents' alignment features by claim index, when already computed (:func:`claim_features`)."""
    same_clause = clauses if clauses is not None else ClauseCorrespondence()
    kept_earlier, kept_later = unchanged if unchanged is not None else (
        {restated_form(c.text) for c in earlier}, {restated_form(c.text) for c in later})
    twins = _Twins(earlier, later, proposition)
    later_features: dict[int, ClaimFeatures] = {}

    def aligned(a_features: ClaimFeatures, j: int) -> Alignment | None:
        if j not in later_features:
            later_features[j] = features_of[1][j] if features_of is not None else features(later[j])
        return align_features(a_features, later_features[j], earlier_year)

    for a in (earlier[i] for i in proposition.earlier):
        if restated_form(a.text) in kept_later:
            continue  # restated unchanged in the later text: not what was revised
        if a.voice != "author" or a.role == "stance" or evidential_frame(a):
            continue  # *information suggests [that ...]*: what is revised is the content, a claim of its own
        a_features = features_of[0][a.index] if features_of is not None else features(a)
        alignments = {j: aligned(a_features, j) for j in proposition.later}
        # the claims aligned with it first: a clause beside it only when none is revised
        for j in sorted(proposition.later, key=lambda j: alignments[j] is None):
            b = later[j]
            if restated_form(b.text) in kept_earlier:
                continue
            if b.voice != "author" or b.role == "stance" or evidential_frame(b):
                continue
            if twins.said_elsewhere(a, b):
                continue  # either claim is said the same way by another claim of the other text: restated there
            restated_pair = restated is not None and (a.sentence, b.sentence) in restated
            if alignments[j] is None and not (
                    restated_pair and (shared_participants(a, b) - {"author"} or same_clause(a, b))):
                continue  # two claims of restated sentences about the author alone: unrelated acts unless one clause
            quantities_a, quantities_b = _quantities(a.text), _quantities(b.text)
            if quantities_a and quantities_b and quantities_a != quantities_b:
                return a, b
            author_acts = any(x.key == "author" and x.role == "subject" for x in a.arguments) and \
                any(x.key == "author" and x.role == "subject" for x in b.arguments)
            base_a, base_b = derivational_base(a.predicate), derivational_base(b.predicate)
            if base_a == base_b and _decided(b) and _subjects(a) and _subjects(a) == _subjects(b):
                if author_acts and _contemplated(a):
                    return a, b  # an action the author considered is now its decision (*may raise* / *decided to*)
                if not _contemplated(a):
                    continue  # the plan announced, now decided or done (*will purchase* / *decided to purchase*)
            if restated_pair and edited is not None and (a.sentence, b.sentence) not in edited:
                continue  # restated with the calendar moved on or a linking word added: the same claim
            if restated_pair and edited is not None and same_clause(a, b) and \
                    not claim_edited(content_text(a), content_text(b), subject=_shared_subject_words(a, b)):
                continue  # the same clause restated, the sentence edited beside it: another claim was revised
            if restated_pair and subjects is not None and _conjunct_moved(a, b, subjects):
                continue  # *rents and fares will rise* / *rents will rise*, fares told of in a claim of their own
            if restated_pair and edited is not None and \
                    (_author_judgement(a) or _author_judgement(b)) and not (_background(a) or _background(b)):
                return a, b  # the author's own judgement restated with its content edited
            if author_acts and base_a != base_b and not {base_a, base_b} & light_verbs() and \
                    not {base_a, base_b} <= attention_verbs():
                return a, b
    return None


_COORDINATORS = ("and", "or")


def _conjunct_moved(a: Claim, b: Claim, subjects: tuple[SubjectIndex, SubjectIndex]) -> bool:
    """Whether two restated claims differ only by a subject conjunct one of them has (*rents and fares will rise* /
    *rents will rise*) which the other text tells of as the subject of a claim of its own, in a time frame told alike
    (*fares are expected to rise*): the conjunct moved there, the claim was not revised."""
    subjects_a = {x.key: x for x in a.arguments if x.role == "subject"}
    subjects_b = {x.key: x for x in b.arguments if x.role == "subject"}
    dropped, added = subjects_a.keys() - subjects_b.keys(), subjects_b.keys() - subjects_a.keys()
    if not (subjects_a.keys() & subjects_b.keys()) or bool(dropped) == bool(added):
        return False  # another subject altogether, or one swapped for another
    fuller, other, moved = (a, subjects[1], dropped) if dropped else (b, subjects[0], added)
    told = _told_alike(fuller.time_frame)
    qualifiers = noun_qualifiers(fuller)
    for key in moved:
        mentions = [words for frame in told for words in other.get((frame, key), ())]
        if not any(same_referent(qualifiers.get(key), words) for words in mentions):
            return False
    text = content_text(fuller)
    for key in moved:
        conjunct = re.escape((subjects_a.get(key) or subjects_b[key]).text)
        text = re.sub(rf"\s*(?:,\s*)?\b(?:{'|'.join(_COORDINATORS)})\s+{conjunct}\b|\b{conjunct}\s*,?\s+"
                      rf"(?:{'|'.join(_COORDINATORS)})\b\s*", " ", text, count=1, flags=re.IGNORECASE).strip()
    before, after = (text, content_text(b)) if dropped else (content_text(a), text)
    return not claim_edited(before, after, subject=_shared_subject_words(a, b))


def content_text(claim: Claim) -> str:
    """A claim's text without the frame that introduces it (*On balance, a range of indicators suggests that X*: X).
    The frame's words set the claim's certainty and are compared as certainty; an edit of them alone (*On balance*
    dropped) does not revise what is claimed."""
    for cue in claim.cues:
        found = re.search(r"\b" + re.escape(cue) + r"\s+that\b\W*", claim.text, flags=re.IGNORECASE)
        if found is not None and found.end() < len(claim.text):
            return claim.text[found.end():]
    return claim.text


def _shared_subject_words(a: Claim, b: Claim) -> frozenset[str]:
    """The words naming a subject two claims share (the same participant key)."""
    keys = {x.key for x in a.arguments if x.role == "subject"} & {x.key for x in b.arguments if x.role == "subject"}
    return frozenset(w for x in a.arguments + b.arguments if x.role == "subject" and x.key in keys
                     for w in _WORDS.findall(x.text))


class _Twins:
    """Which members of a proposition say the same as another claim of the other text (:func:`_said`), worked out
    when first asked."""

    def __init__(self, earlier: Sequence[Claim], later: Sequence[Claim], proposition: Proposition) -> None:
        self.sides = ((earlier, proposition.earlier), (later, proposition.later))
        self.said: tuple[dict[tuple[object, ...], set[int]], dict[tuple[object, ...], set[int]]] | None = None

    def said_elsewhere(self, a: Claim, b: Claim) -> bool:
        """Whether ``a`` (earlier) is said by a later claim other than ``b``, or ``b`` by an earlier one other than
        ``a``."""
        if self.said is None:
            found: list[dict[tuple[object, ...], set[int]]] = []
            for claims, members in self.sides:
                said: dict[tuple[object, ...], set[int]] = defaultdict(set)
                for i in members:
                    said[_said(claims[i])].add(i)
                found.append(said)
            self.said = (found[0], found[1])
        return bool(self.said[1].get(_said(a), set()) - {b.index} or self.said[0].get(_said(b), set()) - {a.index})


def _said(claim: Claim) -> tuple[object, ...]:
    """What a claim says, whatever sentence carries it: its proposition, participants (with their qualifiers),
    predicate words, time frame, polarity, certainty and the content words of its text after the subject it opens
    with (a clause that shares its subject with the one before it names none). A claim the other text says the same
    way, in a sentence of another shape (*the Committee will continue its purchases* as a clause of a longer
    sentence), was restated there, not revised."""
    arguments = frozenset((a.key, a.role, frozenset(a.qualifiers)) for a in claim.arguments)
    subject = [w for a in claim.arguments if a.role == "subject" for w in _WORDS.findall(a.text)]
    words = frozenset(w.lower() for w in _WORDS.findall(without_opening_subject(claim.text, subject))
                      if w.lower() not in STOP_WORDS)
    return (claim.gist, arguments, claim.predicate_keys, claim.time_frame, claim.polarity, claim.certainty, words)


def evidential_frame(claim: Claim) -> bool:
    """A claim that only introduces other content as evidence or speech of someone other than the author
    (*information received since June suggests [that ...]*, *the data show [that ...]*): a reporting verb
    (``lexicons/reporting_verbs.tsv``) whose only participant is its subject; the content is read as claims of
    its own."""
    return claim.predicate in reporting_verbs() and \
        all(x.role == "subject" and x.key != "author" for x in claim.arguments)


def _subjects(claim: Claim) -> frozenset[str]:
    return frozenset(x.key for x in claim.arguments if x.role == "subject")


def _contemplated(claim: Claim) -> bool:
    """The author's own action still to be decided: hypothetical or less than certain (*may raise*, *is likely to
    raise*). An unhedged *will* is the author's commitment already, so *will purchase* / *decided to purchase* is
    the same plan."""
    return claim.time_frame == "hypothetical" or certainty_parts(claim.certainty)[0] != "CT"


def _decided(claim: Claim) -> bool:
    """The author's own action as done or decided: certain, affirmed, in the present or the past."""
    level, negative = certainty_parts(claim.certainty)
    return level == "CT" and not negative and claim.time_frame in ("present", "past")


def _author_judgement(claim: Claim) -> bool:
    """A claim that states what the author does, expects or judges (not the author's description of the present
    or the past): the author as its subject, a prediction, or a hedged claim of the author's."""
    if claim.time_frame == "past":
        return False
    if any(x.key == "author" and x.role == "subject" for x in claim.arguments):
        return True
    return claim.time_frame in ("future", "hypothetical") or certainty_parts(claim.certainty)[0] not in ("CT", "Uu")


def _background(claim: Claim) -> bool:
    """A past event the claim's sentence presupposes (*since it began its purchase program*, *which the city built in
    2019*): the background of a judgement, not a judgement that can be revised."""
    return claim.role == "presupposition" and claim.time_frame == "past"


def revision_is_edit(earlier: Claim, later: Claim) -> bool:
    """Whether a revised pair differs only by the edits of a restated sentence: neither its quantities nor the
    author's action changed."""
    quantities_a, quantities_b = _quantities(earlier.text), _quantities(later.text)
    if quantities_a and quantities_b and quantities_a != quantities_b:
        return False
    acts = all(any(x.key == "author" and x.role == "subject" for x in c.arguments) for c in (earlier, later))
    base_a, base_b = derivational_base(earlier.predicate), derivational_base(later.predicate)
    if acts and base_a == base_b and _contemplated(earlier) and _decided(later):
        return False
    return not (acts and base_a != base_b and not {base_a, base_b} & light_verbs()
                and not {base_a, base_b} <= attention_verbs())


def judged_members(claims: Sequence[Claim], members: Sequence[int]) -> list[int]:
    """The members of a proposition on which the author takes a stance in this document (what new and dropped
    judgements rest on): claims the author's current stance is about, the author's claims hedged or boosted by an
    epistemic cue, explicit rejections of a reading (*X is not about punishing the U.S.*), and assertions that
    evaluate a participant."""
    wanted = set(members)
    judged = {c.stance.target for c in claims
              if c.stance is not None and c.stance.target in wanted and c.stance.time_frame != "past"}
    for i in members:
        claim = claims[i]
        if claim.voice != "author" or claim.time_frame == "past":
            continue
        level, negative = certainty_parts(claim.certainty)
        if level in ("PR", "PS"):
            judged.add(i)
        elif negative and claim.role == "assertion" and claim.predicate in ("be",) and "not" in claim.cues:
            judged.add(i)
        elif claim.evaluations and claim.role == "assertion":
            judged.add(i)
    return sorted(judged)


def _evidence(profile: DocumentProfile, members: Sequence[int], position: Position | None,
              first: Sequence[int] = ()) -> FindingSide:
    """One side of a finding: the sentences of the claims that decide the author's position first (the author's
    stances, then the most committed own claims), then the others, verbatim from the text."""
    claims = profile.claims
    wanted = set(members)
    stances = stances_on(claims, members)
    own = sorted((claims[i] for i in members),
                 key=lambda c: (c.voice != "author", c.role != "assertion", not c.cues, -c.commitment, c.index))
    reported = [c for c in own if c.voice == "reported"]
    author = [c for c in own if c.voice == "author"]
    if stances:
        ordered = reported[:1] + stances + author + reported[1:]
    else:
        ordered = author[:1] + reported[:1] + author[1:] + reported[1:]
    leading = [claims[i] for i in first]
    ordered = leading + [c for c in ordered if c not in leading]
    sentences: list[int] = []
    for claim in ordered:
        if claim.sentence not in sentences:
            sentences.append(claim.sentence)
    chosen = sentences[:MAX_EVIDENCE]
    cues: list[str] = []
    for claim in ordered:
        if claim.sentence in chosen:
            cues += [c for c in claim.cues if c not in ("“”",)]
            cues += [cue for e in claim.evaluations for cue in e.cues]
            if claim.stance is not None:
                cues.append(claim.stance.cue.lower())
    holders = tuple(dict.fromkeys(c.holder for c in own if c.holder))
    quotes = tuple(dict.fromkeys(c.text for c in ordered if c.sentence in chosen))[:2]
    return FindingSide(
        document=profile.id,
        date=profile.date.isoformat(),
        position=position,
        evidence=tuple(_clean_sentence(profile.sentences[i].text) for i in sorted(chosen)),
        claims=tuple(sorted({c.index for c in own} | {c.index for c in stances})),
        cues=tuple(dict.fromkeys(cues)),
        holders=holders,
        quotes=quotes,
    )


def _clean_sentence(text: str) -> str:
    """A sentence as quoted: without surrounding white space, or a closing quotation mark the parser left at its
    start (the end of the previous paragraph's quotation)."""
    text = text.strip()
    if text[:1] in ('"', "\u201d") and text[1:2].isspace():
        text = text[1:].strip()
    return text


def _empty_side(profile: DocumentProfile) -> FindingSide:
    return FindingSide(document=profile.id, date=profile.date.isoformat(), position=None, evidence=(), claims=(),
                       cues=())


def _magnitude(kinds: Sequence[str], earlier: Position | None, later: Position | None) -> float:
    if not kinds:
        return 0.0
    values = []
    if earlier is not None and later is not None:
        level_a = LEVEL_RANK[certainty_parts(earlier.certainty or "Uu")[0]]
        level_b = LEVEL_RANK[certainty_parts(later.certainty or "Uu")[0]]
        if "polarity_reversed" in kinds:
            values.append(1.0)
        if "certainty_up" in kinds or "certainty_down" in kinds:
            values.append(abs(level_b - level_a) / 3)
        if "reported_to_asserted" in kinds or "asserted_to_reported" in kinds:
            values.append(0.67)
        if any(k.startswith("evaluation") for k in kinds):
            values.append(min(1.0, abs(later.evaluation - earlier.evaluation) / 3))
        if "position_revised" in kinds:
            values.append(0.6)
    if "new_judgement" in kinds or "dropped_judgement" in kinds:
        values.append(0.6)
    return max(values) if values else 0.0


def _confidence(proposition: Proposition, earlier: FindingSide, later: FindingSide, explicit: bool,
                marked: bool, heads: dict[str, str] | None = None) -> tuple[str, str]:
    """high, medium or low, with the reason in words. ``explicit``: the author's stance on the proposition is
    stated (a stance predicate on a claim); ``marked``: the change is carried by words that say it (different
    epistemic cues, evaluative words or quantities, or the author's own action restated differently), not only by
    which claims happened to be grouped."""
    claims_a, claims_b = len(earlier.claims), len(later.claims)
    entities = [k for k in proposition.shared_participants if k.startswith("ent:")]
    if proposition.aligned:
        strong = proposition.score >= 4
        supported = min(claims_a, claims_b) >= 2
        if (explicit or marked) and strong:
            level = "high"
        elif explicit or (marked and supported) or (strong and supported and marked):
            level = "medium"
        else:
            level = "low"
        reason = (f"{claims_a} claim{'s' if claims_a != 1 else ''} in {earlier.date} and {claims_b} in {later.date} "
                  f"share {_names(proposition.shared_participants, heads)}"
                  + (f" and {_quoted(proposition.shared_predicates)}" if proposition.shared_predicates else "")
                  + ("; the author's stance is explicit" if explicit else "")
                  + ("; the words that changed say so" if marked and not explicit else ""))
        return level, reason
    side = later if later.claims else earlier
    count = len(side.claims)
    level = "high" if explicit and count >= 2 else "medium" if explicit or count >= 2 else "low"
    reason = (f"{count} claim{'s' if count != 1 else ''} in {side.date}, none aligned in the other text"
              + ("; the author's stance is explicit" if explicit else ""))
    return level, reason


_LOWER = {"high": "medium", "medium": "low", "low": "low"}


#: The noun-phrase subjects of a document's own claims, by time frame and key: the qualifiers of each mention.
SubjectIndex = dict[tuple[str, str], list[frozenset[str]]]


def subject_index(claims: Sequence[Claim]) -> SubjectIndex:
    """The noun-phrase subjects of the author's own claims, by (time frame, key), for :func:`_spoken_of`."""
    index: SubjectIndex = defaultdict(list)
    for claim in claims:
        if claim.voice != "author":
            continue
        qualifiers = noun_qualifiers(claim)
        for argument in claim.arguments:
            if argument.role == "subject" and argument.key.startswith("np:"):
                index[(claim.time_frame, argument.key)].append(qualifiers[argument.key])
    return index


def _spoken_of(other: SubjectIndex, members: Sequence[Claim]) -> tuple[str, ...]:
    """The noun phrases a one-sided judgement is about (its subjects and the participants it evaluates: *conditions
    improved, with strong job gains*) that the other text's own claims have as their subject, in a time frame that
    tells the same topic (:func:`_told_alike`; ``other``: :func:`subject_index`; an entity such as a country is the
    subject of many different claims; a noun phrase such as *job gains* names a topic): the topic is still spoken of
    there, in words that did not align (*job gains were strong* / *the pace of job gains moderated*), so that *no
    longer discussed* may not hold."""
    found: set[str] = set()
    for claim in members:
        qualifiers = noun_qualifiers(claim)
        evaluated = {e.target for e in claim.evaluations}
        for argument in claim.arguments:
            if not argument.key.startswith("np:") or not (argument.role == "subject" or argument.key in evaluated):
                continue  # what the claim is about: its subject, or a participant it evaluates (*with strong gains*)
            mentions = [words for frame in _told_alike(claim.time_frame)
                        for words in other.get((frame, argument.key), ())]
            if any(same_referent(qualifiers[argument.key], words) for words in mentions):
                found.add(argument.key)
    return tuple(sorted(found))


def _told_alike(frame: str) -> tuple[str, ...]:
    """The time frames in which a topic told in ``frame`` is still the same topic: the present, a recent past and the
    generic together (*job gains have been strong* / *job gains moderated*); a prediction or a hypothetical apart."""
    return ("present", "past", "generic") if frame in ("present", "past", "generic") else ("future", "hypothetical")


def _marked(kinds: Sequence[str], earlier: FindingSide, later: FindingSide, revised: bool) -> bool:
    """Whether the words of the decisive claims carry the change: the author's own position restated differently,
    different certainty cues on the two sides for a certainty change, or evaluative cues for an evaluation change."""
    if revised:
        return True
    if any(k.startswith("certainty") or k == "polarity_reversed" for k in kinds):
        return set(earlier.cues) != set(later.cues)
    if any(k.startswith("evaluation") for k in kinds):
        return bool(earlier.cues or later.cues)
    return any(k in ("reported_to_asserted", "asserted_to_reported") for k in kinds)


def participant_name(key: str) -> str:
    """A participant key as a reader names it: the entity (``ent:Russia``), the noun (``np:rate``), or *the
    author*."""
    if key == "author":
        return "the author"
    for prefix in ("ent:", "np:"):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _names(keys: Sequence[str], heads: dict[str, str] | None = None) -> str:
    """Participants as a reader names them: a noun phrase by its head noun as the texts write it (``heads``,
    :func:`_head_nouns`: *information*, not the concept key *inform*), else by :func:`participant_name`."""
    names = [(heads or {}).get(k) or participant_name(k) for k in keys]
    if not names:
        return "no participant"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _head_nouns(claims: Sequence[Claim]) -> dict[str, str]:
    """The head noun of each noun-phrase participant of some claims, as the first of them writes it."""
    heads: dict[str, str] = {}
    for claim in claims:
        for argument in claim.arguments:
            words = re.findall(r"[^\W\d_][\w'\u2019-]*", argument.text)
            if argument.key.startswith("np:") and argument.key not in heads and words:
                heads[argument.key] = words[-1].lower()
    return heads


def _quoted(words: Sequence[str]) -> str:
    if not words:
        return "no predicate"
    return "/".join(f"'{w}'" for w in words)


def condition_met(earlier: Sequence[Claim], later: Sequence[Claim]) -> tuple[Claim, Claim] | None:
    """A condition the author set and later asserts, as (supposed claim, asserting claim), or None: an earlier claim
    of the author's supposed in a time clause of a future action (*will raise the rate when it has seen further
    improvement*, *will continue until the outlook has improved*: FactBank Uu, with *when*, *until*, *once* ... among
    its cues), and a later one in which the author asserts it as a present or past fact or as probable (*judges that
    there has been considerable improvement*)."""
    supposed = next((c for c in earlier if c.voice == "author" and c.certainty == "Uu" and
                     TEMPORAL_SUBORDINATORS.intersection(c.cues)), None)
    if supposed is None:
        return None
    asserting = next((c for c in later if c.voice == "author" and c.role == "assertion" and
                      c.certainty in ("CT+", "PR+") and c.time_frame in ("present", "past")), None)
    return (supposed, asserting) if asserting is not None else None


def _explicit(profile: DocumentProfile, members: Sequence[int]) -> bool:
    """The author states a stance on the proposition: a stance predicate on one of its claims, or an evaluation of a
    participant in one of the author's own assertions."""
    if stances_on(profile.claims, members):
        return True
    return any(profile.claims[i].voice == "author" and profile.claims[i].role == "assertion"
               and abs(profile.claims[i].evaluation_score) >= 1.0 for i in members)


class _EditedPairs:
    """Which restated sentence pairs were edited in content (:func:`kalinovsky_nlp.judgement.edits.substantive`, and
    an edit left once moved text is set aside), worked out for a pair only when a finding asks about it."""

    def __init__(self, earlier: DocumentProfile, later: DocumentProfile) -> None:
        self.earlier, self.later = earlier, later
        self.known: dict[tuple[int, int], bool] = {}
        self.words: tuple[str, str] | None = None

    def _documents(self) -> tuple[str, str]:
        if self.words is None:
            self.words = (document_words(tuple(s.text for s in self.earlier.sentences)),
                          document_words(tuple(s.text for s in self.later.sentences)))
        return self.words

    def edits(self, i: int, j: int, limit: int = 4) -> tuple[Revision, ...]:
        """The edits from sentence ``i`` of the earlier document to sentence ``j`` of the later one."""
        earlier_words, later_words = self._documents()
        return sentence_edits(self.earlier.sentences[i].text, self.later.sentences[j].text, limit,
                              earlier_document=earlier_words, later_document=later_words)

    def claim_edits(self, earlier: Claim, later: Claim, limit: int = 4) -> tuple[Revision, ...]:
        """The edits within two restated claims' own words (a clause of a longer sentence: what was revised in it,
        not in the clauses beside it)."""
        earlier_words, later_words = self._documents()
        before, after = without_shared_subject(content_text(earlier), content_text(later),
                                               _shared_subject_words(earlier, later))
        return sentence_edits(before, after, limit, earlier_document=earlier_words, later_document=later_words)

    def __contains__(self, pair: object) -> bool:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            return False
        i, j = pair
        if pair not in self.known:
            self.known[pair] = substantive(self.earlier.sentences[i].content, self.later.sentences[j].content) \
                and bool(self.edits(i, j))
        return self.known[pair]


def step_findings(earlier: DocumentProfile, later: DocumentProfile,
                  features_of: tuple[Sequence[ClaimFeatures], Sequence[ClaimFeatures]] | None = None
                  ) -> list[Finding]:
    """Every finding between two documents, strongest first, strength weighed by confidence
    (:data:`CONFIDENCE_WEIGHT`; the report shows the confident ones). ``features_of``: each document's alignment
    features, claim by claim (:func:`claim_features`), when a caller comparing a run of documents computed them."""
    findings = []
    if features_of is None:
        features_of = (claim_features(earlier), claim_features(later))
    restated = restatements([s.content for s in earlier.sentences], [s.content for s in later.sentences])
    links = (earlier.claim_links, later.claim_links)
    unchanged = ({restated_form(c.text) for c in earlier.claims}, {restated_form(c.text) for c in later.claims})
    edited = _EditedPairs(earlier, later)
    parts: list[Proposition] = []
    one_sided: list[Proposition] = []
    clauses = ClauseCorrespondence(earlier.sentences, later.sentences)
    subjects = (subject_index(earlier.claims), subject_index(later.claims))
    for proposition in find_propositions(earlier.claims, later.claims, earlier.date.year, restated, links, clauses,
                                         features_of):
        if proposition.aligned:
            parts.append(proposition)
        else:
            side = later if proposition.later else earlier
            if not judged_members(side.claims, proposition.later or proposition.earlier):
                continue  # a topic without a judgement: not a finding
            one_sided += _one_sided_judgements(proposition, earlier, later)
    parts += _merge_by_sentence(one_sided, earlier, later)
    for part in parts:
        finding = _finding(part, earlier, later, unchanged, restated, edited, clauses, subjects, features_of)
        if finding is not None:
            findings.append(finding)
    corrections = _correction_findings(earlier, later)
    if corrections:
        used_a = {i for f in corrections for i in f.earlier.claims}
        used_b = {i for f in corrections for i in f.later.claims}
        findings = [f for f in findings if not (set(f.earlier.claims) <= used_a and set(f.later.claims) <= used_b)]
        findings += corrections
    return _without_repeats(ranked(findings))


def claim_features(profile: DocumentProfile) -> list[ClaimFeatures]:
    """The alignment features of a document's claims, by claim index, for :func:`step_findings`."""
    return [features(c) for c in profile.claims]


def ranked(findings: Sequence[Finding]) -> list[Finding]:
    """Findings strongest first, strength weighed by confidence (:data:`CONFIDENCE_WEIGHT`), then by confidence and
    proposition."""
    return sorted(findings, key=lambda f: (-f.strength * CONFIDENCE_WEIGHT[f.confidence],
                                           -_CONFIDENCE_RANK[f.confidence], f.proposition))


def _without_repeats(findings: Sequence[Finding]) -> list[Finding]:
    """The findings without those that repeat a stronger one: a change in the same direction (a kind in common)
    whose evidence on each side is quoted by the stronger finding already (two clauses of the sentences that state
    one change, *has seen considerable improvement* and *is reasonably confident*, make one finding)."""
    kept: list[Finding] = []
    for finding in findings:
        if not any(set(finding.kinds) & set(other.kinds)
                   and set(finding.earlier.evidence) <= set(other.earlier.evidence)
                   and set(finding.later.evidence) <= set(other.later.evidence) for other in kept):
            kept.append(finding)
    return kept


def _direction(certainty: str | None, evaluation: float) -> int:
    """+1 for a favourable or affirmed view, -1 for an unfavourable, denied or doubted one (possible at most)."""
    if evaluation <= -EVALUATION_STEP:
        return -1
    level, negative = certainty_parts(certainty or "Uu")
    if negative or level in ("PS", "Uu"):
        return -1
    return 1


def _correction_findings(earlier: DocumentProfile, later: DocumentProfile) -> list[Finding]:
    """Findings from the later document's self-corrections (*I was wrong about X*): the author's earlier judgements
    of X, revised by the author's own word, with the author's later claims about X (:mod:`.corrections`)."""
    out = []
    for correction, topics in self_corrections(later.claims):
        def about(claim: Claim) -> bool:
            return claim.voice == "author" and claim.time_frame != "past" and claim.stance is None and \
                bool(participants(claim) & topics)

        candidates = [c.index for c in earlier.claims if about(c)]
        members_b = [c.index for c in later.claims if c.index != correction.index and
                     (about(c) or (c.voice == "author" and c.time_frame == "past" and participants(c) & topics))]
        position_b = position_of(later.claims, members_b) if members_b else None
        if position_b is not None:
            # what the author now says was wrong: an earlier view the other way round, or a prediction
            now = _direction(position_b.certainty, position_b.evaluation)
            candidates = [i for i in candidates if earlier.claims[i].time_frame in ("future", "hypothetical")
                          or _direction(earlier.claims[i].certainty, earlier.claims[i].evaluation_score) != now]
        members_a = judged_members(earlier.claims, candidates) or candidates
        if not members_a:
            continue  # what is corrected is not in the earlier text
        position_a = position_of(earlier.claims, members_a)
        kinds = ["position_revised"] + ([k for k in judgement_kinds(position_a, position_b)
                                         if k != "polarity_reversed"] if position_a and position_b else [])
        side_a = _evidence(earlier, members_a, position_a)
        side_b = _evidence(later, [correction.index, *members_b], position_b, (correction.index,))
        label = proposition_label(representative(earlier.claims, members_a))
        out.append(Finding(
            proposition=label,
            kinds=tuple(kinds),  # type: ignore[arg-type]
            statement=finding_statement(label, kinds, side_a, side_b),
            confidence="high",
            confidence_reason=f"the author says so in {later.date}: \u201c{correction.text}\u201d",
            strength=round(max(0.8, _magnitude(kinds, position_a, position_b)), 3),
            shared_arguments=tuple(sorted(topics)),
            shared_predicates=(),
            earlier=side_a,
            later=side_b,
        ))
    return out


_CONFIDENCE_RANK = {"high": 2, "medium": 1, "low": 0}
#: Findings are ranked by their strength weighed by their confidence: a large change read with medium confidence
#: comes before a small one read with high confidence (a single evaluative word gone), a small one after it.
CONFIDENCE_WEIGHT = {"high": 1.0, "medium": 0.8, "low": 0.5}


#: Within one document, claims joined by a link at least this strong make one judgement.
JUDGEMENT_LINK = 4.0


def _one_sided_judgements(proposition: Proposition, earlier: DocumentProfile,
                          later: DocumentProfile) -> list[Proposition]:
    """A proposition of one document only, split into the separate judgements it holds: judged claims joined by a
    strong link in the document (or by being the target of the same stance) stay together, others stand alone, so
    that two different judgements that share a participant are two findings, each with its own evidence."""
    side: Literal["earlier", "later"] = "later" if proposition.later else "earlier"
    profile = later if side == "later" else earlier
    judged = judged_members(profile.claims, getattr(proposition, side))
    if not judged:
        return [proposition]
    group = {i: i for i in judged}

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for first, second, score in profile.claim_links:
        if score >= JUDGEMENT_LINK and first in group and second in group:
            group[find(second)] = find(first)
    parts: dict[int, list[int]] = {}
    for i in judged:
        parts.setdefault(find(i), []).append(i)
    return [dataclasses.replace(proposition, later=tuple(sorted(members))) if side == "later" else
            dataclasses.replace(proposition, earlier=tuple(sorted(members))) for members in parts.values()]


def _merge_by_sentence(parts: Sequence[Proposition], earlier: DocumentProfile,
                       later: DocumentProfile) -> list[Proposition]:
    """One-sided judgements of the same side whose judged claims share a sentence, merged into one: a sentence
    such as *the Committee expects that conditions will evolve in a manner that will warrant only gradual increases*
    holds one new judgement, not one per clause."""
    merged: list[Proposition] = []
    sentences: list[set[int]] = []
    sides: list[str] = []
    for part in parts:
        side = "later" if part.later else "earlier"
        profile = later if side == "later" else earlier
        members = getattr(part, side)
        own = {profile.claims[i].sentence for i in judged_members(profile.claims, members) or members}
        for k, other in enumerate(merged):
            if sides[k] == side and sentences[k] & own:
                union = tuple(sorted(set(getattr(other, side)) | set(members)))
                merged[k] = (dataclasses.replace(other, later=union) if side == "later"
                             else dataclasses.replace(other, earlier=union))
                sentences[k] |= own
                break
        else:
            merged.append(part)
            sentences.append(own)
            sides.append(side)
    return merged


def _judged_only(proposition: Proposition, claims: Sequence[Claim], side: Literal["earlier", "later"]) -> Proposition:
    """A one-sided proposition narrowed to the members the judgement rests on, so that its position and evidence
    are those of the judgement, not of narration that shares its words."""
    members = judged_members(claims, getattr(proposition, side))
    if side == "later":
        return dataclasses.replace(proposition, later=tuple(members))
    return dataclasses.replace(proposition, earlier=tuple(members))


def _restated_unchanged(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile) -> bool:
    """Whether the author restates one of the proposition's claims word for word in the later text, with no stance
    taken on it in either: the position on it is the same, and claims that differ beside it (*the labor market
    continued to improve, with solid job gains* beside *as the labor market improves further*, kept) were added or
    dropped, which is not a change of certainty or evaluation."""
    texts_a = {restated_form(earlier.claims[i].text) for i in proposition.earlier}
    if not texts_a & {restated_form(later.claims[j].text) for j in proposition.later}:
        return False
    return not (stances_on(earlier.claims, proposition.earlier) or stances_on(later.claims, proposition.later))


def _anchored_positions(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile,
                        position_a: Position, position_b: Position) -> tuple[Position, Position]:
    """The two positions with their evaluation and certainty read from the claims aligned across the documents only:
    a claim joined through another claim of its own document (*real incomes rose strongly, partly reflecting lower
    energy prices* joined to *inflation ran below the objective, partly reflecting lower energy prices*) is about
    something else, and its words do not set the position. An explicit stance on a member keeps its certainty."""
    if not (proposition.anchored_earlier and proposition.anchored_later):
        return position_a, position_b
    if proposition.anchored_earlier == proposition.earlier and proposition.anchored_later == proposition.later:
        return position_a, position_b  # every member aligned across: the positions are already theirs
    return _read_from(earlier, later, proposition.anchored_earlier, proposition.anchored_later, position_a, position_b,
                      keep_certainty=_stated(proposition, earlier, later))


def _frame(claim: Claim) -> str:
    return "present" if claim.time_frame == "generic" else claim.time_frame


def _same_time_positions(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile,
                         position_a: Position, position_b: Position, frame: str | None) -> tuple[Position, Position]:
    """The two positions with their certainty and evaluation read from the claims of the time frames both documents
    speak in: when both predict (*activity will expand*), the later text's account of the present (*activity has
    been expanding*) does not make the prediction firmer. A plan and what became of it (*will raise* / *decided to
    raise*) share no frame and are compared as they are. An explicit stance on a member keeps its certainty. Given
    the frame whose certainty changed (:func:`_telling_frame`), certainty is read from that frame's claims."""
    members_a = proposition.anchored_earlier or proposition.earlier
    members_b = proposition.anchored_later or proposition.later
    shared = {_frame(earlier.claims[i]) for i in members_a} & {_frame(later.claims[j]) for j in members_b}
    if not shared or _stated(proposition, earlier, later):
        return position_a, position_b
    timed_a = tuple(i for i in members_a if _frame(earlier.claims[i]) in shared)
    timed_b = tuple(j for j in members_b if _frame(later.claims[j]) in shared)
    if frame is not None:
        read_a, read_b = _read_from(earlier, later, timed_a, timed_b, position_a, position_b, keep_certainty=False)
        certain_a = position_of(earlier.claims, [i for i in members_a if _frame(earlier.claims[i]) == frame])
        certain_b = position_of(later.claims, [j for j in members_b if _frame(later.claims[j]) == frame])
        assert certain_a is not None and certain_b is not None
        return (dataclasses.replace(read_a, certainty=certain_a.certainty),
                dataclasses.replace(read_b, certainty=certain_b.certainty))
    if timed_a == members_a and timed_b == members_b:
        return position_a, position_b
    return _read_from(earlier, later, timed_a, timed_b, position_a, position_b, keep_certainty=False)


def _telling_frame(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile) -> str | None:
    """When both documents speak of a proposition in more than one time frame, the frame whose certainty changed
    most (None when none changed, or when they share one frame only). Certainty is compared frame by frame: a firmer
    prediction is not hidden by a present state held as certain on both dates (*inflation has been running below
    the objective* beside *evidence that inflation will move back toward it*)."""
    members_a = proposition.anchored_earlier or proposition.earlier
    members_b = proposition.anchored_later or proposition.later
    shared = {_frame(earlier.claims[i]) for i in members_a} & {_frame(later.claims[j]) for j in members_b}
    if len(shared) < 2 or _stated(proposition, earlier, later):
        return None
    changes = {f: _certainty_change(earlier, later, members_a, members_b, f) for f in sorted(shared)}
    frame = max(changes, key=lambda f: changes[f])
    return frame if changes[frame] else None


def _certainty_change(earlier: DocumentProfile, later: DocumentProfile, members_a: Sequence[int],
                      members_b: Sequence[int], frame: str) -> int:
    """How far the author's certainty moved between the members of one time frame (0 when unchanged)."""
    read_a = position_of(earlier.claims, [i for i in members_a if _frame(earlier.claims[i]) == frame])
    read_b = position_of(later.claims, [j for j in members_b if _frame(later.claims[j]) == frame])
    if read_a is None or read_b is None:
        return 0
    return abs(CERTAINTY_SCORES[read_b.certainty or "Uu"] - CERTAINTY_SCORES[read_a.certainty or "Uu"])


def _stated(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile) -> bool:
    """Whether the author states a stance on a member of the proposition (its certainty is then the stance's)."""
    return bool(stances_on(earlier.claims, proposition.earlier) or stances_on(later.claims, proposition.later))


def _read_from(earlier: DocumentProfile, later: DocumentProfile, members_a: Sequence[int], members_b: Sequence[int],
               position_a: Position, position_b: Position, *, keep_certainty: bool) -> tuple[Position, Position]:
    """The two positions with their evaluation, and unless ``keep_certainty`` their certainty, read from some of the
    proposition's members only."""
    read_a, read_b = position_of(earlier.claims, members_a), position_of(later.claims, members_b)
    assert read_a is not None and read_b is not None
    return (dataclasses.replace(position_a, evaluation=read_a.evaluation,
                                certainty=position_a.certainty if keep_certainty else read_a.certainty),
            dataclasses.replace(position_b, evaluation=read_b.evaluation,
                                certainty=position_b.certainty if keep_certainty else read_b.certainty))


def _naming_claim(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile,
                  frame: str | None) -> Claim | None:
    """The claim that names a finding's proposition (:func:`.propositions.representative`): one of the time frame
    whose certainty changed, when one did and such a claim is about what the aligned claims share, else one of all
    the members."""
    shared = proposition.shared_participants
    if frame is not None:
        for claims, members in ((later.claims, proposition.later), (earlier.claims, proposition.earlier)):
            named = representative(claims, [i for i in members if _frame(claims[i]) == frame], shared)
            if named is not None and {a.key for a in named.arguments if a.role == "subject"} <= set(shared):
                return named
    return representative(later.claims, proposition.later, shared) or \
        representative(earlier.claims, proposition.earlier, shared)


def _finding(proposition: Proposition, earlier: DocumentProfile, later: DocumentProfile,
             unchanged: tuple[set[str], set[str]], restated: dict[tuple[int, int], float],
             edited: "_EditedPairs", clauses: ClauseCorrespondence,
             subjects: tuple[SubjectIndex, SubjectIndex],
             features_of: tuple[Sequence[ClaimFeatures], Sequence[ClaimFeatures]]) -> Finding | None:
    position_a = position_of(earlier.claims, proposition.earlier)
    position_b = position_of(later.claims, proposition.later)
    revised = None
    frame = None
    if position_a is not None and position_b is not None:
        position_a, position_b = _anchored_positions(proposition, earlier, later, position_a, position_b)
        frame = _telling_frame(proposition, earlier, later)
        position_a, position_b = _same_time_positions(proposition, earlier, later, position_a, position_b, frame)
        kinds = [] if _restated_unchanged(proposition, earlier, later) else judgement_kinds(position_a, position_b)
        revised = revised_pair(earlier.claims, later.claims, proposition, earlier.date.year, unchanged, restated,
                               edited, clauses, subjects, features_of)
        if revised is not None:
            kinds.append("position_revised")
    elif position_b is not None and judged_members(later.claims, proposition.later):
        kinds = ["new_judgement"]
        proposition = _judged_only(proposition, later.claims, "later")
        position_b = position_of(later.claims, proposition.later)
    elif position_a is not None and judged_members(earlier.claims, proposition.earlier):
        kinds = ["dropped_judgement"]
        proposition = _judged_only(proposition, earlier.claims, "earlier")
        position_a = position_of(earlier.claims, proposition.earlier)
    else:
        return None
    if not kinds:
        return None
    first = (revised[0].index,) if revised else ()
    second = (revised[1].index,) if revised else ()
    side_a = _evidence(earlier, proposition.earlier, position_a, first) if proposition.earlier else _empty_side(earlier)
    side_b = _evidence(later, proposition.later, position_b, second) if proposition.later else _empty_side(later)
    explicit = _explicit(earlier, proposition.earlier) or _explicit(later, proposition.later)
    met = None
    if "certainty_up" in kinds:
        met = condition_met([earlier.claims[i] for i in proposition.earlier],
                            [later.claims[j] for j in proposition.later])
    marked = _marked(kinds, side_a, side_b, revised is not None)
    members = [earlier.claims[i] for i in proposition.earlier] + [later.claims[i] for i in proposition.later]
    heads = _head_nouns(members)
    confidence, reason = _confidence(proposition, side_a, side_b, explicit or met is not None, marked, heads)
    if met is not None and not explicit:
        reason = reason.replace("the author's stance is explicit",
                                f"{earlier.date} sets it as a condition (\u201c{met[0].text}\u201d) that {later.date} "
                                "asserts")
    edit_only = revised is not None and kinds == ["position_revised"] and revision_is_edit(*revised)
    if edit_only and confidence == "high":
        confidence = "medium"  # a restated sentence edited: worth reading, weaker than a changed action or amount
    if kinds in (["new_judgement"], ["dropped_judgement"]):
        spoken = _spoken_of(subjects[1] if kinds == ["dropped_judgement"] else subjects[0], members)
        if spoken:
            confidence = _LOWER[confidence]
            reason += f"; the other text speaks of {_names(spoken, heads)} in other words"
    support = min(1.0, (len(side_a.claims) + len(side_b.claims)) / 4)
    strength = _magnitude(kinds, position_a, position_b) * (0.5 + 0.5 * support) * (0.75 if edit_only else 1.0)
    if "new_judgement" in kinds or "dropped_judgement" in kinds:
        judged = position_b if "new_judgement" in kinds else position_a
        # an explicit stance, a firm rejection or a strong evaluation weighs more than a hedge in passing
        strength += 0.1 * explicit + 0.1 * min(1.0, abs(judged.evaluation) / 3) if judged else 0.0
        if judged is not None and (judged.certainty or "").endswith("-"):
            strength += 0.05
    strength = round(strength, 3)
    named_by = revised[1] if revised is not None else _naming_claim(proposition, earlier, later, frame)
    label = proposition_label(named_by)
    revisions: tuple[Revision, ...] = ()
    if revised is not None and (revised[0].sentence, revised[1].sentence) in restated:
        revisions = (edited.claim_edits(*revised) if clauses(*revised) else ()) \
            or edited.edits(revised[0].sentence, revised[1].sentence)
    return Finding(
        proposition=label,
        kinds=tuple(kinds),  # type: ignore[arg-type]
        statement=finding_statement(label, kinds, side_a, side_b, revisions),
        confidence=confidence,  # type: ignore[arg-type]
        confidence_reason=reason,
        strength=strength,
        shared_arguments=proposition.shared_participants,
        shared_predicates=proposition.shared_predicates,
        earlier=side_a,
        later=side_b,
        revisions=revisions,
    )


def shown_findings(findings: Sequence[Finding], limit: int) -> list[Finding]:
    """The findings a report shows: the confident ones (:data:`SHOWN_CONFIDENCE`), strongest first, at most
    ``limit``."""
    return [f for f in findings if f.confidence in SHOWN_CONFIDENCE][:limit]
