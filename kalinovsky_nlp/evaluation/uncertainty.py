"""Sentence uncertainty against externally annotated corpora: the library's epistemic hedges, all its hedges and two
plain look-ups, scored on items of the form ``{"id", "text", "uncertain", "cues": [{"start", "end", "text", "type"}]}``
(the development halves of the Szeged Uncertainty Corpus and the SFU Review Corpus in ``../shared/data/uncertainty/``
use it; see docs/evaluation/uncertainty.md).

A sentence is uncertain for the library when it holds an *epistemic* hedge (``span._.kn_epistemic``); the report also
scores any hedge at all, a look-up of Hyland's hedge list and a look-up of the library's own hedge lexicon (each form
anywhere in the sentence, no context rules), recall per cue type and per cue word of the corpus, and the most
frequent misses and false alarms. ``kalinovsky-nlp evaluate uncertainty --data FILE`` prints it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence, cast

from ..components.extensions import DEFAULT_MARKER_EXTENSIONS, MarkerExtensions
from .metrics import PRF

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..components.metadiscourse import MetadiscourseTagger

__all__ = ["Cue", "UncertaintyItem", "SentenceResult", "load_items", "read_word_list_file", "default_hyland_list",
           "sentence_result", "score_uncertainty", "format_uncertainty", "run_uncertainty"]

#: Where Hyland's published hedge list lies beside the development data (``../shared/lexicons/`` from the checkout).
HYLAND_HEDGES = "hyland_metadiscourse_hedges.txt"


@dataclass(frozen=True)
class Cue:
    """One annotated uncertainty cue: character offsets into the sentence, its text and the corpus's cue type."""

    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True)
class UncertaintyItem:
    id: str
    text: str
    uncertain: bool
    cues: tuple[Cue, ...] = ()


@dataclass
class SentenceResult:
    """What the library finds in one sentence: any hedge, any epistemic hedge, and the hedge spans as
    ``(start, end, text, subcategory, epistemic)``."""

    any_hedge: bool
    epistemic: bool
    hedges: list[tuple[int, int, str, str, bool]] = field(default_factory=list)


def load_items(path: str | Path) -> list[UncertaintyItem]:
    """Items of a JSONL file of annotated sentences; errors name the file and line and say what is expected."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file. Pass --data with a JSONL file of annotated sentences, e.g. "
                                f"../shared/data/uncertainty/szeged_wiki.dev.jsonl from the repository root")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):  # not splitlines: U+0085 and U+2028 may sit inside a text
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}, line {number}: not valid JSON ({err.msg}, column {err.colno})") from None
        missing = [k for k in ("text", "uncertain") if k not in record] if isinstance(record, dict) else ["an object"]
        if missing:
            raise ValueError(f"{path}, line {number}: expected an object with 'text', 'uncertain' and 'cues'; "
                             f"missing {', '.join(missing)}")
        cues = tuple(Cue(int(c["start"]), int(c["end"]), str(c.get("text", record["text"][c["start"]:c["end"]])),
                         str(c.get("type", "cue")).strip()) for c in record.get("cues", []))
        items.append(UncertaintyItem(str(record.get("id", number)), record["text"], bool(record["uncertain"]), cues))
    if not items:
        raise ValueError(f"{path}: no annotated sentences in the file")
    return items


def read_word_list_file(path: str | Path) -> frozenset[str]:
    """A word list, one form a line, ``#`` comments and trailing ``#...`` notes dropped, lower-cased."""
    forms = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        form = line.split("#", 1)[0].strip().lower()
        if form:
            forms.add(" ".join(form.split()))
    return frozenset(forms)


def default_hyland_list(data: str | Path) -> Path | None:
    """Hyland's hedge list in the shared folder beside the data (``<shared>/data/uncertainty/x.jsonl`` ->
    ``<shared>/lexicons/``), or in ``../shared/lexicons`` of the checkout; None when neither exists."""
    data = Path(data).resolve()
    checkout = Path(__file__).resolve().parent.parent
    for candidate in (data.parent.parent.parent / "lexicons" / HYLAND_HEDGES,
                      checkout.parent / "shared" / "lexicons" / HYLAND_HEDGES):
        if candidate.is_file():
            return candidate
    return None


def sentence_result(doc: "Doc", spans_key: str = "kn_markers",
                    extensions: MarkerExtensions = DEFAULT_MARKER_EXTENSIONS) -> SentenceResult:
    """The hedges the metadiscourse component left on a processed Doc (its spans key and extension names)."""
    spans = doc.spans[spans_key] if spans_key in doc.spans else []
    hedges = [(s.start_char, s.end_char, s.text, s._.get(extensions.subcategory) or "",
               bool(s._.get(extensions.epistemic)))
              for s in spans if s.label_ == "hedge"]
    return SentenceResult(bool(hedges), any(h[4] for h in hedges), hedges)


def _phrase_matcher(nlp: "Language", forms: Iterable[str]) -> Any:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for form in sorted(forms):
        matcher.add(form, [nlp.make_doc(form)])
    return matcher


def _cue_key(text: str) -> str:
    return " ".join(text.lower().split())


def score_uncertainty(
    items: Sequence[UncertaintyItem],
    results: Sequence[SentenceResult],
    lookups: Mapping[str, Sequence[bool]] | None = None,
    *,
    top: int = 15,
) -> dict[str, Any]:
    """Sentence P/R/F1 of the library (epistemic hedges, all hedges) and of each look-up; recall per cue type and
    per cue word (sentence flagged, and cue overlapped by an epistemic hedge); the most frequent misses (cue words
    of uncertain sentences left unflagged) and false alarms (epistemic hedges in certain sentences)."""
    if len(items) != len(results):
        raise ValueError(f"{len(items)} items but {len(results)} results: score the same sentences")
    systems: dict[str, PRF] = {"epistemic hedges (this library)": PRF(), "all hedges (this library)": PRF()}
    flags = {"epistemic hedges (this library)": [r.epistemic for r in results],
             "all hedges (this library)": [r.any_hedge for r in results]}
    for name, values in (lookups or {}).items():
        systems[name] = PRF()
        flags[name] = list(values)
    for name, values in flags.items():
        prf = systems[name]
        for item, predicted in zip(items, values):
            if predicted and item.uncertain:
                prf.tp += 1
            elif predicted:
                prf.fp += 1
            elif item.uncertain:
                prf.fn += 1
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # sentences, flagged, cues, cues overlapped
    by_word: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    for item, result in zip(items, results):
        epistemic_spans = [(h[0], h[1]) for h in result.hedges if h[4]]
        for cue_type in sorted({c.type for c in item.cues}):
            by_type[cue_type][0] += 1
            by_type[cue_type][1] += result.epistemic
        for cue in item.cues:
            found = any(start < cue.end and cue.start < end for start, end in epistemic_spans)
            by_type[cue.type][2] += 1
            by_type[cue.type][3] += found
            by_word[_cue_key(cue.text)][0] += 1
            by_word[_cue_key(cue.text)][1] += found
        if item.uncertain and not result.epistemic:
            misses.update({_cue_key(c.text) for c in item.cues})
        if result.epistemic and not item.uncertain:
            false_alarms.update({f"{_cue_key(h[2])} ({h[3]})" for h in result.hedges if h[4]})
    return {
        "sentences": len(items),
        "uncertain": sum(i.uncertain for i in items),
        "systems": {name: prf.to_dict() for name, prf in systems.items()},
        "by_cue_type": {t: {"sentences": v[0], "sentence_recall": round(v[1] / v[0], 3) if v[0] else 0.0,
                            "cues": v[2], "cue_recall": round(v[3] / v[2], 3) if v[2] else 0.0}
                        for t, v in sorted(by_type.items())},
        "by_cue_word": {w: {"cues": v[0], "cue_recall": round(v[1] / v[0], 3)}
                        for w, v in sorted(by_word.items(), key=lambda x: (-x[1][0], x[0]))[:top]},
        "misses": misses.most_common(top),
        "false_alarms": false_alarms.most_common(top),
    }


def format_uncertainty(result: dict[str, Any], title: str) -> str:
    """The printed report of :func:`score_uncertainty`."""
    out = [f"Sentence uncertainty, {title} ({result['sentences']:,} sentences, {result['uncertain']:,} uncertain)",
           "a sentence is uncertain for the library when it holds an epistemic hedge (kn_epistemic); the look-ups "
           "flag any form of their list, no context rules",
           f"{'':44} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for name, s in result["systems"].items():
        out.append(f"{name:44} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5d} {s['fp']:5d} "
                   f"{s['fn']:5d}")
    out.append("recall per cue type of the corpus (epistemic hedges): sentences with the type that are flagged; cues "
               "overlapped by an epistemic hedge")
    for cue_type, r in result["by_cue_type"].items():
        out.append(f"  {cue_type:40} sentences {r['sentences']:5d} recall {r['sentence_recall']:.3f}   "
                   f"cues {r['cues']:5d} recall {r['cue_recall']:.3f}")
    out.append("recall per cue word (the most frequent cue words of the corpus; cue overlapped by an epistemic hedge)")
    out.append("  " + ", ".join(f"{w} {r['cue_recall']:.2f} ({r['cues']})" for w, r in result["by_cue_word"].items()))
    out.append("most frequent misses (cue words of uncertain sentences without an epistemic hedge, sentences):")
    out.append("  " + ", ".join(f"{w} {n}" for w, n in result["misses"]))
    out.append("most frequent false alarms (epistemic hedges in sentences the corpus marks certain, sentences):")
    out.append("  " + ", ".join(f"{w} {n}" for w, n in result["false_alarms"]))
    return "\n".join(out)


def run_uncertainty(
    data: str | Path,
    nlp: "Language",
    *,
    hyland: str | Path | None = None,
    batch_size: int = 64,
    top: int = 15,
    verbose: bool = False,
) -> str:
    """Parse the annotated sentences of ``data``, score the library and the look-ups, and return the printed report.

    ``hyland``: Hyland's hedge list (default: found beside the data by :func:`default_hyland_list`; the look-up is
    left out, with a note, when there is none). ``verbose`` lists every sentence the library gets wrong."""
    items = load_items(data)
    tagger = cast("MetadiscourseTagger", nlp.get_pipe("kalinovsky_metadiscourse"))
    lexicon_forms = {e.form for e in tagger.entries if e.category == "hedge"}
    matchers = {"look-up: the library's hedge lexicon": _phrase_matcher(nlp, lexicon_forms)}
    hyland_path = Path(hyland) if hyland else default_hyland_list(data)
    if hyland_path is not None:
        if not hyland_path.is_file():
            raise FileNotFoundError(f"{hyland_path}: Hyland's hedge list not found; pass --hyland FILE (one form a line)")
        matchers = {"look-up: Hyland's hedge list": _phrase_matcher(nlp, read_word_list_file(hyland_path)), **matchers}
    results: list[SentenceResult] = []
    lookups: dict[str, list[bool]] = {name: [] for name in matchers}
    for doc in nlp.pipe((i.text for i in items), batch_size=batch_size):
        results.append(sentence_result(doc))
        for name, matcher in matchers.items():
            lookups[name].append(bool(matcher(doc)))
    result = score_uncertainty(items, results, lookups, top=top)
    out = [format_uncertainty(result, Path(data).name)]
    if hyland_path is None:
        out.append("(no Hyland hedge list found beside the data: pass --hyland FILE for that look-up)")
    if verbose:
        out.append("sentences the library gets wrong (FN: uncertain, no epistemic hedge; FP: certain, epistemic hedge):")
        for item, r in zip(items, results):
            if item.uncertain != r.epistemic:
                cues = [c.text for c in item.cues] if item.uncertain else [f"{h[2]} ({h[3]})" for h in r.hedges if h[4]]
                out.append(f"  {'FN' if item.uncertain else 'FP'} {item.id}: {cues} {item.text}")
    return "\n".join(out) + "\n"
