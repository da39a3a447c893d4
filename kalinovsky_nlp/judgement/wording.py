"""The English of judgement findings: a proposition's name, and one plain sentence for what changed."""

from __future__ import annotations

from typing import Sequence

from ..results import Claim, FindingSide

__all__ = ["CERTAINTY_WORDS", "certainty_phrase", "finding_statement", "proposition_label"]

#: FactBank values in words, from the author's perspective.
CERTAINTY_WORDS = {
    "CT+": "certain", "PR+": "probable", "PS+": "possible", "Uu": "uncommitted",
    "PS-": "possibly not so", "PR-": "probably not so", "CT-": "certainly not so",
}


def proposition_label(claim: Claim | None) -> str:
    """A proposition's name: the gist of the claim that best expresses it."""
    if claim is None:
        return "(unnamed proposition)"
    return claim.gist or claim.text


def certainty_phrase(value: str | None) -> str:
    """*probable (PR+)*."""
    if value is None:
        return "absent"
    return f"{CERTAINTY_WORDS.get(value, value)} ({value})"


def _voice_phrase(side: FindingSide) -> str:
    position = side.position
    if position is None:
        return ""
    if position.voice == "reported":
        holders = ", ".join(side.holders[:2])
        return f"only reported{' from ' + holders if holders else ''}"
    if position.voice == "both":
        holders = ", ".join(side.holders[:2])
        return f"reported{' from ' + holders if holders else ''} and judged by the author"
    return "the author's own claim"


def _side_phrase(side: FindingSide) -> str:
    position = side.position
    if position is None:
        return "absent"
    text = f"{certainty_phrase(position.certainty)}, {_voice_phrase(side)}"
    if position.initial_certainty:
        text += f", after an initial {certainty_phrase(position.initial_certainty)}"
    return text


def finding_statement(label: str, kinds: Sequence[str], earlier: FindingSide, later: FindingSide) -> str:
    """One sentence: the proposition, what changed, and the positions of both dates."""
    parts = []
    kinds = list(kinds)
    if "new_judgement" in kinds:
        return f"{label}: a new judgement in {later.date}: {_side_phrase(later)}; not discussed in {earlier.date}."
    if "dropped_judgement" in kinds:
        return f"{label}: judged in {earlier.date} ({_side_phrase(earlier)}); no longer discussed in {later.date}."
    if "polarity_reversed" in kinds:
        parts.append("the author now holds the opposite")
    if "certainty_up" in kinds:
        parts.append("held with more certainty")
    if "certainty_down" in kinds:
        parts.append("held with less certainty")
    if "reported_to_asserted" in kinds:
        parts.append("moved from others' words into the author's own voice")
    if "asserted_to_reported" in kinds:
        parts.append("moved from the author's own voice into others' words")
    a, b = earlier.position, later.position
    if "evaluation_more_favourable" in kinds and a is not None and b is not None:
        parts.append(f"judged more favourably (evaluation {a.evaluation:+.1f} -> {b.evaluation:+.1f})")
    if "evaluation_less_favourable" in kinds and a is not None and b is not None:
        parts.append(f"judged less favourably (evaluation {a.evaluation:+.1f} -> {b.evaluation:+.1f})")
    change = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (f"{label}: {change}: {earlier.date} {_side_phrase(earlier)}; "
            f"{later.date} {_side_phrase(later)}.")
