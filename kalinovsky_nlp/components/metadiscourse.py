"""spaCy component that marks Hyland's interpersonal metadiscourse cues, checked in context, with voice.

Cues come from a curated lexicon (``lexicons/metadiscourse.tsv``); each match must pass its context rule
(:mod:`.rules`). Longer cues win over shorter ones (*no doubt* booster over *doubt* hedge). Pronoun cues
(self-mentions, reader pronouns) form their own layer, so *my* in *in my view* is both a hedge and a self-mention.
Results go to ``doc.spans[spans_key]``: span label = category; ``span._.kn_subcategory``, ``span._.kn_voice``,
``span._.kn_rule`` and ``span._.kn_epistemic`` (hedges only: True when the hedge withholds commitment to the truth of a
proposition, False for approximator-type hedges that soften precision or sourcing; None on every other category).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .attribution import Attribution, attributed_token_mask, find_attributions, quotation_spans
from ..lexicons import read_table, read_table_file, read_word_list
from .rules import apply_rule, negated_before

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CATEGORIES", "NON_EPISTEMIC_HEDGES", "LexiconEntry", "MetadiscourseTagger", "is_epistemic", "load_lexicon"]

CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement")
PRONOUN_LAYER = ("first_person", "first_person_plural", "reader_pronoun")
FLIPPABLE_BOOSTERS = ("certainty_adverb", "certainty_adjective", "epistemic_verb", "evidential", "probability_high")
NEGATIVE_BOOSTERS = read_word_list("negative_boosters.tsv")
#: Emphasis adverbs: negated, they lower degree, not certainty (*not really*, *don't actually like it* = not much).
EMPHASIS_BOOSTERS = read_word_list("emphasis_adverbs.tsv")

#: Hedge subcategories that do not touch the truth of a proposition: approximators of quantity, degree downtoners,
#: frequency and generality adverbs (and dynamic *can*: *it can lead to* = it sometimes leads to) soften precision;
#: weasel quantifiers (*some critics argue*) make the source vague, and what the source says is attributed content
#: (:mod:`kalinovsky_nlp.attribution`). Every other hedge subcategory is epistemic (docs/evaluation/uncertainty.md).
NON_EPISTEMIC_HEDGES = frozenset({"approximator", "downtoner", "generality", "dynamic_modal", "weasel_quantifier"})

for _name in ("kn_subcategory", "kn_voice", "kn_rule", "kn_epistemic"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def is_epistemic(category: str, subcategory: str) -> bool | None:
    """True for a hedge that withholds commitment to a proposition's truth, False for an approximator-type hedge,
    None for markers of other categories (boosters, attitude, self-mention and engagement are not hedges)."""
    if category != "hedge":
        return None
    return subcategory not in NON_EPISTEMIC_HEDGES


@dataclass(frozen=True)
class LexiconEntry:
    form: str
    category: str
    subcategory: str
    rule: str
    source: str


def load_lexicon(lexicon: str | Path = "metadiscourse.tsv") -> list[LexiconEntry]:
    """Entries of a metadiscourse lexicon: a packaged file name or a path to a TSV of the same columns."""
    rows = read_table_file(lexicon) if Path(lexicon).exists() else read_table(str(lexicon))
    entries = []
    for row in rows:
        missing = [k for k in ("forms", "category", "subcategory", "rule") if not row.get(k)]
        if missing:
            raise ValueError(f"metadiscourse lexicon {lexicon}: row {row} lacks {', '.join(missing)}")
        if row["category"] not in CATEGORIES:
            raise ValueError(f"metadiscourse lexicon {lexicon}: unknown category {row['category']!r}; use one of {CATEGORIES}")
        for form in row["forms"].split("|"):
            entries.append(LexiconEntry(form.strip(), row["category"], row["subcategory"], row["rule"], row.get("source", "")))
    return entries


#: A lexicon entry found in a Doc: token start, token end, the entry.
Candidate = tuple[int, int, LexiconEntry]


class MetadiscourseTagger:
    """Marks hedges, boosters, attitude markers, self-mentions and engagement markers in ``doc.spans``."""

    def __init__(
        self,
        nlp: "Language",
        name: str = "kalinovsky_metadiscourse",
        *,
        spans_key: str = "kn_markers",
        lexicon: str = "metadiscourse.tsv",
        categories: Iterable[str] = CATEGORIES,
        questions: bool = True,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.categories = tuple(categories)
        unknown = set(self.categories) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown metadiscourse categories {sorted(unknown)}; choose from {CATEGORIES}")
        self.questions = questions
        self.entries = [e for e in load_lexicon(lexicon) if e.category in self.categories]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._by_form: dict[str, list[LexiconEntry]] = {}
        for entry in self.entries:
            self._by_form.setdefault(entry.form, []).append(entry)
        for form in self._by_form:
            self.matcher.add(form, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        attributions = doc._.kn_attributions if Doc.has_extension("kn_attributions") and doc._.kn_attributions is not None else None
        if attributions is None:
            attributions = [a.to_dict() for a in find_attributions(doc)]
        mask = attributed_token_mask(doc, [Attribution(**a) for a in attributions])
        quoted = [False] * len(doc)
        for start, end in quotation_spans(doc):
            for i in range(start, end):
                quoted[i] = True
        matches = self._matches(doc)
        spans = self._stance_layer(doc, matches) + self._pronoun_layer(doc, quoted, matches)
        if self.questions and "engagement" in self.categories:
            spans += self._questions(doc, quoted)
        for span in spans:
            span._.kn_voice = "attributed" if mask[span.start] else "author"
            span._.kn_epistemic = is_epistemic(span.label_, span._.kn_subcategory)
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[self.spans_key] = spans
        return doc

    # ------------------------------------------------------------------------------------------ layers

    def _matches(self, doc: Doc) -> list[Candidate]:
        """Every lexicon entry whose form occurs in the Doc, with its token span (the matcher runs once for both
        layers)."""
        found = []
        for match_id, start, end in self.matcher(doc):
            # the matcher's own strings: robust to docs of another vocab (spaCy's phrasematcher.pyi leaves the
            # attribute out, the compiled class has it)
            form = self.matcher.vocab.strings[match_id]  # type: ignore[attr-defined]
            found += [(start, end, entry) for entry in self._by_form[form]]
        return found

    @staticmethod
    def _candidates(matches: list[Candidate], pronouns: bool) -> list[Candidate]:
        return [m for m in matches if (m[2].rule in PRONOUN_LAYER) == pronouns]

    def _stance_layer(self, doc: Doc, matches: list[Candidate]) -> list[Span]:
        candidates = sorted(self._candidates(matches, pronouns=False), key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = [False] * len(doc)
        accepted: list[Span] = []
        for start, end, entry in candidates:
            if any(taken[start:end]):
                continue
            span = doc[start:end]
            decision = apply_rule(entry.rule, span)
            if not decision.keep:
                continue
            category = decision.category or entry.category
            subcategory = decision.subcategory or entry.subcategory
            if (
                category == "booster"
                and subcategory in FLIPPABLE_BOOSTERS
                and span.text.lower() not in NEGATIVE_BOOSTERS
                and negated_before(span[0])
            ):
                category, subcategory = "hedge", "negated_booster"  # "not clear", "not necessarily"
                if span.text.lower() in EMPHASIS_BOOSTERS:
                    subcategory = "downtoner"  # "not really": degree, not truth
            if category not in self.categories:
                continue
            out = Span(doc, start, end, label=category)
            out._.kn_subcategory = subcategory
            out._.kn_rule = entry.rule
            accepted.append(out)
            for i in range(start, end):
                taken[i] = True
        return accepted

    def _pronoun_layer(self, doc: Doc, quoted: list[bool], matches: list[Candidate]) -> list[Span]:
        accepted = []
        seen: set[tuple[int, int]] = set()
        for start, end, entry in sorted(self._candidates(matches, pronouns=True), key=lambda c: c[0]):
            if (start, end) in seen or quoted[start]:
                continue  # "I" inside a direct quotation is the quoted speaker, not the writer
            decision = apply_rule(entry.rule, doc[start:end])
            if not decision.keep:
                continue
            category = decision.category or entry.category
            if category not in self.categories:
                continue
            out = Span(doc, start, end, label=category)
            out._.kn_subcategory = decision.subcategory or entry.subcategory
            out._.kn_rule = entry.rule
            accepted.append(out)
            seen.add((start, end))
        return accepted

    def _questions(self, doc: Doc, quoted: list[bool]) -> list[Span]:
        """Questions addressed to the reader (Hyland's engagement): sentences ending in '?' outside quotations."""
        out = []
        for sent in doc.sents:
            last = sent.end - 1  # the last token that is not white space (scanned from the end: most are not "?")
            while last >= sent.start and doc[last].is_space:
                last -= 1
            if last < sent.start or doc[last].text != "?":
                continue
            first = sent.start
            while doc[first].is_space:
                first += 1
            if not quoted[last] and not quoted[first]:
                span = Span(doc, first, last + 1, label="engagement")
                span._.kn_subcategory = "question"
                span._.kn_rule = "question"
                out.append(span)
        return out
