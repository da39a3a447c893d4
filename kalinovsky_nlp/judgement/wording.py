"""The English of judgement findings: a proposition's name, and one plain sentence for what changed."""

from __future__ import annotations

from typing import Sequence

from ..results import Claim, Finding, FindingSide, Revision

__all__ = ["CERTAINTY_LEGEND", "CERTAINTY_WORDS", "certainty_phrase", "finding_statement", "narrative",
           "proposition_label"]

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


def finding_statement(label: str, kinds: Sequence[str], earlier: FindingSide, later: FindingSide,
                      revisions: Sequence[Revision] = ()) -> str:
    """One sentence: the proposition, what changed (for a restated sentence, its edits), and the positions of both
    dates."""
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
    if "position_revised" in kinds and revisions:
        parts.append("revised: " + "; ".join(_edit_phrase(r) for r in revisions))
    elif "position_revised" in kinds:
        quote_a = f" \u201c{earlier.quotes[0]}\u201d" if earlier.quotes else ""
        quote_b = f" \u201c{later.quotes[0]}\u201d" if later.quotes else ""
        parts.append(f"revised from{quote_a} to{quote_b}")
    a, b = earlier.position, later.position
    if "evaluation_more_favourable" in kinds and a is not None and b is not None:
        parts.append(f"judged more favourably (evaluation {a.evaluation:+.1f} -> {b.evaluation:+.1f})")
    if "evaluation_less_favourable" in kinds and a is not None and b is not None:
        parts.append(f"judged less favourably (evaluation {a.evaluation:+.1f} -> {b.evaluation:+.1f})")
    if not parts:
        parts.append("changed")
    change = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (f"{label}: {change}: {earlier.date} {_side_phrase(earlier)}; "
            f"{later.date} {_side_phrase(later)}.")


def _edit_phrase(revision: Revision) -> str:
    if not revision.before:
        return f"added \u201c{_short(revision.after, 60)}\u201d"
    if not revision.after:
        return f"dropped \u201c{_short(revision.before, 60)}\u201d"
    return f"\u201c{_short(revision.before, 60)}\u201d \u2192 \u201c{_short(revision.after, 60)}\u201d"


#: The one-line legend printed wherever certainty tags appear.
CERTAINTY_LEGEND = ("Certainty tags (FactBank, from the author's perspective): CT certain, PR probable, PS possible, "
                    "Uu uncommitted; + the proposition holds, - it does not.")


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _lower_first(text: str, evidence: Sequence[str]) -> str:
    """A gist inside a sentence: its first word lower-cased unless it is a name, that is, unless the evidence
    writes it capitalised somewhere other than at the start of a sentence (*Russia*, but *targeting*)."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or first == "I":
        return text
    bare = _bare_word(first)
    for sentence in evidence:
        words = sentence.split()
        if any(_bare_word(w) == bare for w in words[1:]):
            return text
    return text[:1].lower() + text[1:]


def _bare_word(word: str) -> str:
    """A word of running text without surrounding quotation marks, brackets, punctuation and possessive *'s*."""
    word = word.strip("\"'“”‘’()[],.;:!?")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def _narrative_sentence(finding: Finding) -> str:
    kinds = set(finding.kinds)
    a, b = finding.earlier, finding.later
    gist = _lower_first(finding.proposition, finding.earlier.evidence + finding.later.evidence)
    quote_b = f" (\u201c{_short(b.quotes[0])}\u201d)" if b.quotes else ""
    quote_a = f" (\u201c{_short(a.quotes[0])}\u201d)" if a.quotes else ""
    if "new_judgement" in kinds and b.position is not None:
        return (f"New in {b.date}: that {gist}, which the author holds "
                f"{CERTAINTY_WORDS.get(b.position.certainty or 'Uu', '')}{quote_b}.")
    if "dropped_judgement" in kinds and a.position is not None:
        return (f"On {a.date} the author judged that {gist}: {CERTAINTY_WORDS.get(a.position.certainty or 'Uu', '')}"
                f"{quote_a}; by {b.date} the author no longer discusses it.")
    if kinds == {"position_revised"} and a.quotes and b.quotes:
        # the same commitment, a different content: say what became what, not "from certain to certain"
        return (f"On whether {gist}, the author revised the position: “{_short(a.quotes[0])}” on {a.date} "
                f"became “{_short(b.quotes[0])}” on {b.date}.")
    start = _side_words(a)
    end = _side_words(b)
    return f"On whether {gist}, the author moved from {start}{quote_a} on {a.date} to {end}{quote_b} on {b.date}."


def _side_words(side: FindingSide) -> str:
    position = side.position
    if position is None:
        return "silence"
    certainty = CERTAINTY_WORDS.get(position.certainty or "Uu", "")
    if position.voice == "reported":
        holders = " and ".join(side.holders[:1])
        text = f"reporting it{' from ' + holders if holders else ''}"
        if position.certainty not in (None, "Uu"):
            text += f" and judging it {certainty}"
        if position.initial_certainty:
            text += f" (after first judging it {CERTAINTY_WORDS.get(position.initial_certainty, '')})"
        return text
    return f"holding it {certainty}"


def narrative(findings: Sequence[Finding], earlier_date: str, later_date: str, limit: int = 5) -> list[str]:
    """The story of the report in three to six plain sentences: an opening, then one sentence per leading finding
    with the claims' own words."""
    if not findings:
        return [f"Between {earlier_date} and {later_date} no change in the author's judgement was found with enough "
                "support to report (see the low-confidence findings in the JSON report)."]
    opening = (f"Between {earlier_date} and {later_date} the author's judgement moved on "
               f"{len(findings)} proposition{'s' if len(findings) != 1 else ''} found in both texts or new to one.")
    return [opening] + [_narrative_sentence(f) for f in findings[:limit]]
