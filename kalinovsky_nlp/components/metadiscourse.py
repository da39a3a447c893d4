"""spaCy component that marks Hyland's interpersonal metadiscourse cues, checked in context, with voice.

Cues come from a curated lexicon (``lexicons/metadiscourse.tsv``); each match must pass its context rule
(:mod:`.rules`). Longer cues win over shorter ones (*no doubt* booster over *doubt* hedge). Pronoun cues
(self-mentions, reader pronouns) form their own layer, so *my* in *in my view* is both a hedge and a self-mention.
Results go to ``doc.spans[spans_key]``: span label = category; ``span._.kn_subcategory``, ``span._.kn_voice``,
``span._.kn_rule`` and ``span._.kn_epistemic`` (hedges only: True when the hedge withholds commitment to the truth of a
proposition, False for approximator-type hedges that soften precision or sourcing; None on every other category).
The extension names are the defaults of the config keys ``*_extension`` (:class:`.extensions.MarkerExtensions`).

The lexicon is read and checked when the component is built, so a wrong file fails at ``nlp.add_pipe``; its rows
are stored with a saved pipeline (``to_disk`` / ``to_bytes``), which therefore loads without the file
(:mod:`.storage`). :func:`marker_spans_score` scores the markers for ``nlp.evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from spacy.matcher import PhraseMatcher
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span

from .attribution import Attribution, attributed_token_mask, find_attributions, quotation_spans
from ..lexicons import read_table, read_table_file, read_word_list
from ..lexicons.tables import is_packaged, row_text
from .extensions import MarkerExtensions, owns_extension, register_extensions
from .rules import RULES, apply_rule, negated_before
from .storage import (StoredDataMissingError, read_data_bytes, read_data_dir, record_stored_source,
                      stored_with_pipeline, write_data_bytes, write_data_dir)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.training import Example

__all__ = ["CATEGORIES", "LEXICON_COLUMNS", "NON_EPISTEMIC_HEDGES", "PACKAGED_LEXICON", "LexiconEntry", "LexiconError",
           "MetadiscourseTagger", "is_epistemic", "lexicon_entries", "load_lexicon", "marker_spans_score",
           "read_lexicon_rows"]

CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement")
PRONOUN_LAYER = ("first_person", "first_person_plural", "reader_pronoun")
FLIPPABLE_BOOSTERS = ("certainty_adverb", "certainty_adjective", "epistemic_verb", "evidential", "probability_high")
NEGATIVE_BOOSTERS = read_word_list("negative_boosters.tsv")
#: Emphasis adverbs: negated, they lower degree, not certainty (*not really*, *don't actually like it* = not much).
EMPHASIS_BOOSTERS = read_word_list("emphasis_adverbs.tsv")

#: Hedge subcategories that do not touch the truth of a proposition: approximators of quantity, degree downtoners,
#: frequency and generality adverbs (and dynamic *can*: *it can lead to* = it sometimes leads to) soften precision;
#: weasel quantifiers (*some critics argue*) make the source vague, and what the source says is attributed content
#: (:mod:`kalinovsky_nlp.components.attribution`). Every other hedge subcategory is epistemic (docs/evaluation/uncertainty.md).
NON_EPISTEMIC_HEDGES = frozenset({"approximator", "downtoner", "generality", "dynamic_modal", "weasel_quantifier"})

#: The lexicon packaged with the library (the default of the config key ``lexicon``).
PACKAGED_LEXICON = "metadiscourse.tsv"
#: The columns a lexicon's header must name; a ``source`` column is optional.
LEXICON_COLUMNS = ("forms", "category", "subcategory", "rule")
#: The rule name that accepts every match.
NO_RULE = "-"


class LexiconError(ValueError):
    """A metadiscourse lexicon that cannot be used: the message names the lexicon, the row and the fix."""


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


def read_lexicon_rows(lexicon: str | Path) -> list[dict[str, str]]:
    """The rows of the lexicon a config names: a path to a user's TSV file, or the name of a packaged one (checked:
    the header must name :data:`LEXICON_COLUMNS`)."""
    if Path(lexicon).is_file():
        return read_table_file(lexicon, LEXICON_COLUMNS)
    if is_packaged(str(lexicon)):
        return list(read_table(str(lexicon), LEXICON_COLUMNS))
    raise LexiconError(
        f"metadiscourse lexicon {str(lexicon)!r} not found: it is neither a file nor a lexicon packaged with "
        f"kalinovsky_nlp ({PACKAGED_LEXICON}). Set the config key 'lexicon' to the path of an existing TSV file whose "
        f"header names the columns {', '.join(LEXICON_COLUMNS)} (and optionally source), or leave it at the default. "
        f"Loading a saved pipeline with Language.from_config? Pass meta=<the saved nlp.meta> too: it records that the "
        f"lexicon's rows are stored with the pipeline."
    )


def lexicon_entries(rows: Iterable[dict[str, str]], source: str) -> list[LexiconEntry]:
    """The entries of a lexicon's rows, one per form; every row is checked (columns filled, a known category and
    context rule, no empty form), so that a wrong row fails when the component is built, not at the first Doc."""
    entries = []
    for row in rows:
        where = f"metadiscourse lexicon {source}: the row {row_text(row)!r}"
        missing = [column for column in LEXICON_COLUMNS if not (row.get(column) or "").strip()]
        if missing:
            raise LexiconError(f"{where} has no {', '.join(missing)}; fill every one of "
                               f"{', '.join(LEXICON_COLUMNS)} ({NO_RULE} as the rule of a cue that needs none).")
        if row["category"] not in CATEGORIES:
            raise LexiconError(f"{where} has the unknown category {row['category']!r}; use one of "
                               f"{', '.join(CATEGORIES)}.")
        if row["rule"] != NO_RULE and row["rule"] not in RULES:
            raise LexiconError(f"{where} names the unknown context rule {row['rule']!r}; use {NO_RULE} for none or "
                               f"one of the rules of kalinovsky_nlp/components/rules.py: {', '.join(sorted(RULES))}.")
        forms = [form.strip() for form in row["forms"].split("|")]
        if not all(forms):
            raise LexiconError(f"{where} has an empty form in {row['forms']!r}; separate the alternative forms with "
                               f"single | characters, with none at either end.")
        entries += [LexiconEntry(form, row["category"], row["subcategory"], row["rule"], row.get("source") or "")
                    for form in forms]
    if not entries:
        raise LexiconError(f"metadiscourse lexicon {source} has a header but no rows; add one row per cue "
                           f"(tab-separated {', '.join(LEXICON_COLUMNS)}).")
    return entries


def load_lexicon(lexicon: str | Path = PACKAGED_LEXICON) -> list[LexiconEntry]:
    """Entries of a metadiscourse lexicon: a packaged file name or a path to a TSV of the same columns."""
    return lexicon_entries(read_lexicon_rows(lexicon), str(lexicon))


def marker_spans_score(examples: Iterable["Example"], *, spans_key: str = "kn_markers",
                       **kwargs: Any) -> dict[str, Any]:
    """Precision, recall and F-score of the markers in ``doc.spans[spans_key]`` against the reference Docs, overall
    and per category (``{spans_key}_p``, ``_r``, ``_f``, ``_per_type``); overlapping markers count (*in my view* and
    its *my*). Reference Docs without that spans key are skipped."""
    kwargs.setdefault("getter", lambda doc, key: doc.spans.get(key, []))
    kwargs.setdefault("has_annotation", lambda doc: spans_key in doc.spans)
    kwargs.setdefault("labeled", True)
    kwargs.setdefault("allow_overlap", True)
    return Scorer.score_spans(examples, spans_key, **kwargs)


#: A lexicon entry found in a Doc: token start, token end, the entry.
Candidate = tuple[int, int, LexiconEntry]
#: A marker before its extensions are written: the span (label = category), its subcategory and its rule.
Labelled = tuple[Span, str, str]


class MetadiscourseTagger:
    """Marks hedges, boosters, attitude markers, self-mentions and engagement markers in ``doc.spans``."""

    def __init__(
        self,
        nlp: "Language",
        name: str = "kalinovsky_metadiscourse",
        *,
        spans_key: str = "kn_markers",
        lexicon: str = PACKAGED_LEXICON,
        categories: Iterable[str] = CATEGORIES,
        questions: bool = True,
        scorer: Callable[..., dict[str, Any]] | None = marker_spans_score,
        subcategory_extension: str = "kn_subcategory",
        voice_extension: str = "kn_voice",
        rule_extension: str = "kn_rule",
        epistemic_extension: str = "kn_epistemic",
        attributions_extension: str = "kn_attributions",
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.categories = tuple(categories)
        unknown = [category for category in self.categories if category not in CATEGORIES]
        if unknown:
            raise ValueError(f"{name}: the config key 'categories' names unknown metadiscourse categories {unknown}; "
                             f"choose from {', '.join(CATEGORIES)}.")
        self.questions = questions
        self.scorer = scorer
        self.extensions = MarkerExtensions(subcategory_extension, voice_extension, rule_extension, epistemic_extension)
        register_extensions(Span, {"subcategory_extension": subcategory_extension, "voice_extension": voice_extension,
                                   "rule_extension": rule_extension, "epistemic_extension": epistemic_extension},
                            component="kalinovsky_metadiscourse")
        #: Read, not written: the attributions the attribution component left (computed here when there are none).
        self.attributions_extension = attributions_extension
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.lexicon_source = str(lexicon)
        self.lexicon_rows: list[dict[str, str]] = []
        self.entries: list[LexiconEntry] = []
        self._by_form: dict[str, list[LexiconEntry]] = {}
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        #: Why the lexicon is not there yet: set while a saved pipeline loads (its rows come from from_disk/bytes).
        self._awaiting_lexicon: str | None = None
        if not Path(lexicon).is_file() and not is_packaged(str(lexicon)) and \
                stored_with_pipeline(nlp, name, "lexicon", str(lexicon)):
            self._awaiting_lexicon = (f"{name}: the lexicon {str(lexicon)!r} is stored with the saved pipeline this "
                                      f"component was built from, and was not loaded; load the pipeline with "
                                      f"spacy.load(folder) or nlp.from_bytes(data), which restore it.")
            return
        self._use_lexicon(read_lexicon_rows(lexicon), str(lexicon))
        record_stored_source(nlp, name, "lexicon", str(lexicon))

    def _use_lexicon(self, rows: list[dict[str, str]], source: str) -> None:
        """Check the rows and build the matcher from them (at build, initialize and when a saved pipeline loads)."""
        entries = lexicon_entries(rows, source)
        self.lexicon_rows = [dict(row) for row in rows]
        self.entries = [entry for entry in entries if entry.category in self.categories]
        self._by_form = {}
        for entry in self.entries:
            self._by_form.setdefault(entry.form, []).append(entry)
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        for form in self._by_form:
            self.matcher.add(form, [self._make_doc(form)])
        self._awaiting_lexicon = None

    def __call__(self, doc: Doc) -> Doc:
        if self._awaiting_lexicon is not None:
            raise StoredDataMissingError(self._awaiting_lexicon)
        stored = doc._.get(self.attributions_extension) if owns_extension(Doc, self.attributions_extension) else None
        attributions = [Attribution.from_dict(a) for a in stored] if stored is not None else find_attributions(doc)
        mask = attributed_token_mask(doc, attributions)
        quoted = [False] * len(doc)
        for start, end in quotation_spans(doc):
            for i in range(start, end):
                quoted[i] = True
        matches = self._matches(doc)
        labelled = self._stance_layer(doc, matches) + self._pronoun_layer(doc, quoted, matches)
        if self.questions and "engagement" in self.categories:
            labelled += self._questions(doc, quoted)
        names = self.extensions
        for span, subcategory, rule in labelled:
            span._.set(names.subcategory, subcategory)
            span._.set(names.rule, rule)
            span._.set(names.voice, "attributed" if mask[span.start] else "author")
            span._.set(names.epistemic, is_epistemic(span.label_, subcategory))
        spans = sorted((span for span, _, _ in labelled), key=lambda s: (s.start, -s.end))
        doc.spans[self.spans_key] = spans
        return doc

    # ------------------------------------------------------------------------------------------ spaCy protocol

    def initialize(self, get_examples: Callable[[], Iterable["Example"]] | None = None, *,
                   nlp: "Language | None" = None, lexicon: str | None = None) -> None:
        """``nlp.initialize()``: replace the lexicon when ``[initialize.components.<name>] lexicon`` names one."""
        if lexicon is not None:
            self._use_lexicon(read_lexicon_rows(lexicon), str(lexicon))
            self.lexicon_source = str(lexicon)

    def score(self, examples: Iterable["Example"], **kwargs: Any) -> dict[str, Any]:
        """Scores for ``nlp.evaluate``: the configured scorer on this component's spans key."""
        return self.scorer(examples, spans_key=self.spans_key, **kwargs) if self.scorer is not None else {}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Store the lexicon's rows (not its path) in the component's folder of a saved pipeline."""
        write_data_dir(path, {"lexicon": self.lexicon_source}, self.lexicon_rows, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "MetadiscourseTagger":
        """Use the lexicon rows stored by :meth:`to_disk` (a folder without them, from an older save, changes
        nothing)."""
        stored = read_data_dir(path, exclude)
        if stored is not None:
            self._use_stored(*stored, where=str(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon's rows (not its path) as bytes, for ``nlp.to_bytes``."""
        return write_data_bytes({"lexicon": self.lexicon_source}, self.lexicon_rows, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "MetadiscourseTagger":
        """Use the lexicon rows stored by :meth:`to_bytes`."""
        self._use_stored(*read_data_bytes(data, exclude), where="the pipeline's bytes")
        return self

    def _use_stored(self, settings: dict[str, Any], rows: list[dict[str, str]] | None, where: str) -> None:
        if rows is None:
            return  # excluded from loading
        source = str(settings.get("lexicon", self.lexicon_source))
        self._use_lexicon(rows, f"{source} (as stored in {where})")
        self.lexicon_source = source

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

    def _stance_layer(self, doc: Doc, matches: list[Candidate]) -> list[Labelled]:
        candidates = sorted(self._candidates(matches, pronouns=False), key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = [False] * len(doc)
        accepted: list[Labelled] = []
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
            accepted.append((Span(doc, start, end, label=category), subcategory, entry.rule))
            for i in range(start, end):
                taken[i] = True
        return accepted

    def _pronoun_layer(self, doc: Doc, quoted: list[bool], matches: list[Candidate]) -> list[Labelled]:
        accepted: list[Labelled] = []
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
            accepted.append((Span(doc, start, end, label=category), decision.subcategory or entry.subcategory,
                             entry.rule))
            seen.add((start, end))
        return accepted

    def _questions(self, doc: Doc, quoted: list[bool]) -> list[Labelled]:
        """Questions addressed to the reader (Hyland's engagement): sentences ending in '?' outside quotations."""
        out: list[Labelled] = []
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
                out.append((Span(doc, first, last + 1, label="engagement"), "question", "question"))
        return out
