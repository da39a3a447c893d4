"""spaCy component that turns raw ``doc.ents`` into canonical entity mentions.

One canonical entity per real-world referent: aliases and abbreviations from a data table (*U.S.* = *United
States*), capital-for-government metonymy decided by the parse (*Moscow decided* = Russia, *talks in Moscow* =
the city), demonyms linked to their place but kept apart (*Russian* -> NORP, demonym of Russia), titles stripped
(*U.S. Rep. Adam Schiff*), short forms resolved inside the document (*Schiff* -> *Adam Schiff*), acronyms defined
in the text (*the Islamic State (IS)*), and one label per entity by the alias data or the majority of mentions.

Output: ``doc._.kn_entity_mentions`` (list of dicts with character offsets, also for names inside hyphenated
tokens like *U.S.-led*; the config key ``mentions_extension`` renames it): the component resolves typed
:class:`~kalinovsky_nlp.results.EntityMention` objects and stores their ``to_dict()``, the documented form, which
also keeps the Doc serialisable (``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=...)``); readers get the typed
mentions back with :func:`kalinovsky_nlp.profile.entity_mentions` and ``doc.spans[spans_key]`` (token spans,
label = consolidated label, kb_id = canonical).

A user's alias file (config key ``aliases``) is read and checked when the component is built; its rows are stored
with a saved pipeline (``to_disk`` / ``to_bytes``), which therefore loads without the file (:mod:`.storage`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from spacy.attrs import ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..lexicons import read_table, read_table_file, read_word_list
from ..lexicons.tables import row_text
from ..results import EntityMention, MentionKind
from .extensions import register_extension
from .storage import (StoredDataMissingError, read_data_bytes, read_data_dir, record_stored_source,
                      stored_with_pipeline, write_data_bytes, write_data_dir)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ALIAS_COLUMNS", "AliasFileError", "AliasTable", "CanonicalEntities", "NAME_LABELS", "build_alias_table",
           "check_alias_rows", "load_alias_table", "read_alias_rows"]

NAME_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "agent", "appos", "dative", "iobj"})
ACTING_PREPOSITIONS = read_word_list("acting_prepositions.tsv")
LOCATIVE_HEADS = read_word_list("locative_heads.tsv")
#: Words of the title list that qualify a title or say whose office it is, not that a name is a person's.
NATIONALITY_TITLES = read_word_list("title_qualifiers.tsv")
VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "VB", "VBG"})

#: The columns the header of an alias file (and of the packaged ``known_entities.tsv``) must name; ``note`` is optional.
ALIAS_COLUMNS = ("canonical", "label", "aliases")


@dataclass(frozen=True, slots=True)
class _FormResolution:
    """What a known surface form (alias, capital, demonym) stands for in its context."""

    canonical: str
    label: str
    kind: MentionKind
    metonymy: bool = False
    demonym_of: str | None = None


class AliasFileError(ValueError):
    """A user's alias file that cannot be used: the message names the file, the row and the fix."""


class AliasTable:
    """Known entities, capitals and demonyms (data files in ``lexicons/``), indexed by surface form."""

    def __init__(self, known: list[dict[str, str]], capitals: list[dict[str, str]], demonyms: list[dict[str, str]]):
        self.alias_to_entity: dict[str, tuple[str, str]] = {}
        for row in known:
            for alias in [row["canonical"], *row["aliases"].split("|")]:
                alias = alias.strip()
                if alias:
                    self.alias_to_entity.setdefault(alias, (row["canonical"], row["label"]))
                    if alias.lower().startswith("the "):
                        self.alias_to_entity.setdefault(alias[4:], (row["canonical"], row["label"]))
        self.labels = {canonical: label for canonical, label in self.alias_to_entity.values()}
        self.capital_to_state = {row["name"]: row["state"] for row in capitals}
        self.demonym_to_place = {row["demonym"]: row["place"] for row in demonyms}
        forms_by_place: dict[str, list[str]] = {}
        for demonym, place in self.demonym_to_place.items():
            forms_by_place.setdefault(place, []).append(demonym)
        self.demonym_canonical = {d: min(forms_by_place[p], key=len) for d, p in self.demonym_to_place.items()}

    def surface_forms(self) -> set[str]:
        return set(self.alias_to_entity) | set(self.capital_to_state) | set(self.demonym_to_place)


def read_alias_rows(path: str | Path) -> list[dict[str, str]]:
    """The rows of a user's known-entities TSV (the columns of the packaged ``known_entities.tsv``), checked."""
    if not Path(path).is_file():
        raise AliasFileError(f"alias file {str(path)!r} not found. Set the config key 'aliases' to the path of an "
                             f"existing TSV file whose header names the columns {', '.join(ALIAS_COLUMNS)} (and "
                             f"optionally note), or to null for the packaged aliases only. Loading a saved pipeline "
                             f"with Language.from_config? Pass meta=<the saved nlp.meta> too: it records that the "
                             f"file's rows are stored with the pipeline.")
    return check_alias_rows(read_table_file(path, ALIAS_COLUMNS), str(path))


def check_alias_rows(rows: Iterable[dict[str, str]], source: str) -> list[dict[str, str]]:
    """The rows, each with a canonical name and one of :data:`NAME_LABELS` (an error naming the row otherwise)."""
    rows = list(rows)
    for row in rows:
        where = f"alias file {source}: the row {row_text(row)!r}"
        if not (row.get("canonical") or "").strip():
            raise AliasFileError(f"{where} has no canonical name; put the entity's name in the column canonical.")
        if row.get("label") not in NAME_LABELS:
            found = f"the unknown label {row['label']!r}" if row.get("label") else "no label"
            raise AliasFileError(f"{where} has {found}; use one of {', '.join(NAME_LABELS)}.")
    if not rows:
        raise AliasFileError(f"alias file {source} has a header but no rows; add one row per entity "
                             f"(tab-separated {', '.join(ALIAS_COLUMNS)}).")
    return rows


def build_alias_table(extra: Iterable[dict[str, str]] = (), known_entities: bool = True) -> AliasTable:
    """The packaged alias data, with ``extra`` rows of known entities (same columns) taking precedence.

    ``known_entities=False`` keeps only capitals and demonyms: what in-document rules achieve without world knowledge."""
    known = list(read_table("known_entities.tsv", ALIAS_COLUMNS)) if known_entities else []
    return AliasTable(list(extra) + known, list(read_table("capitals.tsv")), list(read_table("demonyms.tsv")))


@functools.lru_cache(maxsize=8)
def load_alias_table(extra: str | None = None, known_entities: bool = True) -> AliasTable:
    """:func:`build_alias_table` with the rows of the TSV file ``extra`` (cached by path)."""
    return build_alias_table(read_alias_rows(extra) if extra else (), known_entities)


def person_titles() -> frozenset[str]:
    return read_word_list("person_titles.txt")


def _is_possessive(token: Token) -> bool:
    return token.lower_ in ("'s", "\u2019s", "'", "\u2019")


class CanonicalEntities:
    """Canonical, consolidated entity mentions for a Doc (see module docstring)."""

    def __init__(
        self,
        nlp: "Language",
        name: str = "kalinovsky_entities",
        *,
        spans_key: str = "kn_entities",
        aliases: str | None = None,
        labels: list[str] | tuple[str, ...] = NAME_LABELS,
        known_entities: bool = True,
        mentions_extension: str = "kn_entity_mentions",
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.labels = tuple(labels)
        self.known_entities = known_entities
        register_extension(Doc, mentions_extension, component="kalinovsky_entities", config_key="mentions_extension")
        self.mentions_extension = mentions_extension
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.aliases_path = aliases
        #: The rows of the user's alias file: what a saved pipeline stores instead of the file's path.
        self.alias_rows: list[dict[str, str]] = []
        #: Why the alias rows are not there yet: set while a saved pipeline loads (they come from from_disk/bytes).
        self._awaiting_aliases: str | None = None
        if aliases is not None and not Path(aliases).is_file() and \
                stored_with_pipeline(nlp, name, "aliases", str(aliases)):
            self._awaiting_aliases = (f"{name}: the alias file {str(aliases)!r} is stored with the saved pipeline "
                                      f"this component was built from, and was not loaded; load the pipeline with "
                                      f"spacy.load(folder) or nlp.from_bytes(data), which restore it.")
        elif aliases is not None:
            self.alias_rows = read_alias_rows(aliases)
            record_stored_source(nlp, name, "aliases", str(aliases))
        self._use_alias_rows(self.alias_rows)

    def _use_alias_rows(self, rows: list[dict[str, str]]) -> None:
        """Build the alias table and the matcher of its surface forms with ``rows`` as the user's aliases."""
        self.alias_rows = [dict(row) for row in rows]
        self.table = build_alias_table(self.alias_rows, self.known_entities)
        self.matcher = PhraseMatcher(self.vocab, attr="ORTH")
        for form in sorted(self.table.surface_forms()):
            self.matcher.add(form, [self._make_doc(form)])
        self._subtoken_forms = {f for f in self.table.surface_forms() if " " not in f}

    # ------------------------------------------------------------------------------------------ serialization

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Store the user's alias rows (not the file's path) in the component's folder of a saved pipeline."""
        write_data_dir(path, {"aliases": self.aliases_path}, self.alias_rows, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "CanonicalEntities":
        """Use the alias rows stored by :meth:`to_disk` (a folder without them, from an older save, changes nothing)."""
        stored = read_data_dir(path, exclude)
        if stored is not None:
            self._use_stored(*stored, where=str(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The user's alias rows (not the file's path) as bytes, for ``nlp.to_bytes``."""
        return write_data_bytes({"aliases": self.aliases_path}, self.alias_rows, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "CanonicalEntities":
        """Use the alias rows stored by :meth:`to_bytes`."""
        self._use_stored(*read_data_bytes(data, exclude), where="the pipeline's bytes")
        return self

    def _use_stored(self, settings: dict[str, Any], rows: list[dict[str, str]] | None, where: str) -> None:
        if rows is None:
            return  # excluded from loading
        source = settings.get("aliases", self.aliases_path)
        self._use_alias_rows(check_alias_rows(rows, f"{source} (as stored in {where})") if rows else [])
        self.aliases_path = source
        self._awaiting_aliases = None

    # ------------------------------------------------------------------------------------------ resolution

    def _resolve_form(self, span: Span, text: str) -> _FormResolution | None:
        """What an alias/capital/demonym surface form stands for, deciding metonymy from the parse."""
        table = self.table
        if text in table.demonym_to_place:
            return _FormResolution(table.demonym_canonical[text], "NORP", "demonym",
                                   demonym_of=table.demonym_to_place[text])
        if text in table.capital_to_state or (text.startswith("the ") and text[4:] in table.capital_to_state):
            key = text if text in table.capital_to_state else text[4:]
            state = table.capital_to_state[key]
            if key.lower().endswith(("kremlin", "white house", "downing street")) or self._acts(span):
                return _FormResolution(state, table.labels.get(state, "GPE"), "metonymy", metonymy=True)
            if key in table.alias_to_entity:
                canonical, label = table.alias_to_entity[key]
                return _FormResolution(canonical, label, "alias")
            return _FormResolution(key, "GPE", "name")
        if text in table.alias_to_entity:
            canonical, label = table.alias_to_entity[text]
            return _FormResolution(canonical, label, "name" if text == canonical else "alias")
        return None

    @staticmethod
    def _acts(span: Span) -> bool:
        """Whether a place name acts like an agent (subject, object, possessor), i.e. stands for its government."""
        root = span.root
        while root.dep_ == "conj":
            root = root.head
        if root.dep_ in ACTING_DEPS:
            return True
        if root.dep_ == "pobj":
            prep = root.head
            if prep.lower_ in ACTING_PREPOSITIONS:
                return True
            if prep.lower_ == "of":
                return prep.head.lower_ not in LOCATIVE_HEADS
        return False

    def _strip(self, span: Span) -> list[Span]:
        """Split an entity span at title words, drop determiners and possessive markers: name segments."""
        titles = person_titles()
        segments: list[Span] = []
        start = None
        for token in span:
            drop = (
                token.lower_ in titles and token.text not in self.table.alias_to_entity
                and token.text not in self.table.demonym_to_place
            ) or _is_possessive(token) or (token.i == span.start and token.lower_ == "the") or token.is_punct and token.text not in ("-", ".", "/")
            if drop:
                if start is not None:
                    segments.append(span.doc[start : token.i])
                    start = None
            elif start is None:
                start = token.i
        if start is not None:
            segments.append(span.doc[start : span.end])
        return [s for s in segments if len(s) and not all(t.is_punct for t in s)]

    def _has_person_title(self, ent: Span) -> bool:
        """A person title right before or at the start of the name (*Mayor Helena Varga*, *Gen. Nicholson*)."""
        titles = person_titles() - NATIONALITY_TITLES
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        return any(t.lower_ in titles for t in ent[:-1]) or (before is not None and before.lower_ in titles)

    def __call__(self, doc: Doc) -> Doc:
        if self._awaiting_aliases is not None:
            raise StoredDataMissingError(self._awaiting_aliases)
        mentions: list[EntityMention] = []
        taken = [False] * len(doc)
        # the words and the text of the Doc from its arrays, each distinct word looked up once: Doc.text and
        # iterating the Doc build a Token object per word, which cost more here than these look-ups
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
        strings = doc.vocab.strings
        word_of = {orth: strings[orth] for orth in set(orths)}
        text = "".join([word_of[orth] + " " if space else word_of[orth] for orth, space in zip(orths, spaces)])

        def add(span: Span, found: _FormResolution, *, ner_label: str | None = None, titled: bool = False,
                start_char: int | None = None, end_char: int | None = None) -> None:
            start_char = span.start_char if start_char is None else start_char
            end_char = span.end_char if end_char is None else end_char
            mentions.append(EntityMention(
                text=text[start_char:end_char], start=start_char, end=end_char, kind=found.kind,
                metonymy=found.metonymy, token_start=span.start, token_end=span.end, canonical=found.canonical,
                label=found.label, demonym_of=found.demonym_of, ner_label=ner_label, titled=titled,
            ))
            for i in range(span.start, span.end):
                taken[i] = True

        # 1. known surface forms (aliases, capitals, demonyms), longest first
        matches = sorted(self.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
        ner_label = {}
        ner_span = {}
        ents = doc.ents  # a tuple of new Spans on every access: read once
        for ent in ents:
            for i in range(ent.start, ent.end):
                ner_label[i] = ent.label_
                ner_span[i] = ent
        for match_id, start, end in matches:
            if any(taken[start:end]) or word_of[orths[start]].lower() == "the":
                continue  # "the United States": the mention is the name itself, matched without the article
            span = doc[start:end]
            # spaCy's phrasematcher.pyi leaves out the matcher's vocab, which the compiled class has
            info = self._resolve_form(span, self.matcher.vocab.strings[match_id])  # type: ignore[attr-defined]
            host = ner_span.get(start)
            if info is not None and info.kind == "demonym" and host is not None and len(host) > len(span) \
                    and host.label_ in ("GPE", "ORG", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"):
                continue  # part of a name: "Soviet Union", "Russian Orthodox Church"
            if info is not None:
                add(span, info, ner_label=ner_label.get(start))

        # 2. names inside hyphenated tokens: "U.S.-led", "post-Soviet", "Russian-American"
        hyphenated = {orth for orth, word in word_of.items() if "-" in word[1:]}
        for i, orth in enumerate(orths) if hyphenated else ():
            if orth not in hyphenated or taken[i]:
                continue
            token = doc[i]
            offset = 0
            for part in token.text.split("-"):
                if part in self._subtoken_forms:
                    info = self._resolve_form(doc[token.i : token.i + 1], part)
                    if info is not None and info.kind != "metonymy":
                        start_char = token.idx + offset
                        add(doc[token.i : token.i + 1], info, start_char=start_char, end_char=start_char + len(part))
                offset += len(part) + 1

        # 3. remaining model entities, title-stripped, split into name segments
        for ent in ents:
            if ent.label_ not in self.labels or all(taken[ent.start : ent.end]):
                continue  # wholly a known form already: every segment of it would be skipped below
            titled = self._has_person_title(ent)
            for segment in self._strip(ent):
                if any(taken[segment.start : segment.end]):
                    free = [i for i in range(segment.start, segment.end) if not taken[i]]
                    if not free or any(doc[i].tag_ in VERB_TAGS for i in free):
                        continue  # a headline artefact around a known name ("<Country> Gambles in ...")
                    segment = doc[free[0] : free[-1] + 1]
                    if any(taken[segment.start : segment.end]) or not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in segment):
                        continue
                name = segment.text
                label = "PERSON" if titled and segment.end == ent.end and len(segment) <= 4 else ent.label_
                add(segment, _FormResolution(name, label, "name"), ner_label=ent.label_,
                    titled=label == "PERSON" and titled)

        # 4. initialisms the model missed, of a longer name found in this document ("U.S." for "United States")
        initials: dict[str, tuple[str, str]] = {}
        for m in mentions:
            words = [w for w in m.canonical.split() if w[:1].isupper()]
            if len(words) >= 2 and m.kind != "demonym":
                initials.setdefault("".join(w[0] for w in words), (m.canonical, m.label))
        initialisms = {orth: letters for orth, word in word_of.items() if (letters := word.replace(".", "")) in initials
                       and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()} if initials else {}
        for i, orth in enumerate(orths) if initialisms else ():
            if orth in initialisms and not taken[i] and doc[i].pos_ in ("PROPN", "NOUN", "X"):
                canonical, label = initials[initialisms[orth]]
                add(doc[i : i + 1], _FormResolution(canonical, label, "alias"))

        mentions.sort(key=lambda m: m.start)
        self._define_acronyms(text, mentions)
        self._resolve_short_forms(mentions)
        self._consolidate_labels(mentions)
        doc._.set(self.mentions_extension, [m.to_dict() for m in mentions])  # the documented dicts: module docstring
        spans = []
        seen = set()
        for m in mentions:
            key = (m.token_start, m.token_end, m.canonical)
            if key in seen:
                continue
            seen.add(key)
            spans.append(Span(doc, m.token_start, m.token_end, label=m.label, kb_id=m.canonical))
        doc.spans[self.spans_key] = spans
        return doc

    # ------------------------------------------------------------------------------------------ consolidation

    @staticmethod
    def _define_acronyms(text: str, mentions: list[EntityMention]) -> None:
        """Acronyms defined in the document: "the Foo Bar Organization (FBO)", or the initials of a longer name
        mentioned in the same document ("U.S." and "United States"). Replaces the mentions it resolves."""
        defined: dict[str, str] = {}
        for m in mentions:
            after = text[m.end : m.end + 16]
            if not after.lstrip().startswith("("):
                continue  # most mentions: no parenthesis follows, and the pattern need not run
            found = re.match(r"\s*\(([A-Z][A-Z.\-]{1,9})\)", after)
            if found and len(m.text.split()) >= 2:
                defined[found.group(1)] = m.canonical
        # initialisms of a longer name in the same document: "U.S." / "United States", "IS" / "Islamic State"
        initials: dict[str, str] = {}
        for m in mentions:
            words = [w for w in m.canonical.split() if w[:1].isupper()]
            if len(words) >= 2 and m.kind != "demonym":
                initials.setdefault("".join(w[0] for w in words), m.canonical)
        for m in mentions:
            letters = m.text.replace(".", "")
            if m.text not in defined and 2 <= len(letters) <= 6 and letters.isupper() and letters in initials \
                    and m.canonical == m.text:
                defined[m.text] = initials[letters]
        if not defined:
            return
        label_of = {m.canonical: m.label for m in mentions}
        for index, m in enumerate(mentions):
            if m.text in defined and m.canonical != defined[m.text]:
                canonical = defined[m.text]
                mentions[index] = replace(m, canonical=canonical, label=label_of[canonical], kind="alias")

    @staticmethod
    def _resolve_short_forms(mentions: list[EntityMention]) -> None:
        """A one-word name equal to the last word of a longer person name in the same document is that person
        (whatever label the model gave the short form: *Schiff* tagged GPE is still Adam Schiff). Replaces the
        mentions it resolves."""
        full_names: dict[str, Counter[str]] = {}
        for m in mentions:
            words = m.canonical.split()
            if len(words) >= 2 and m.kind in ("name", "alias") and m.label == "PERSON" and words[-1][:1].isupper():
                full_names.setdefault(words[-1], Counter())[m.canonical] += 1
        for index, m in enumerate(mentions):
            words = m.canonical.split()
            if len(words) == 1 and m.canonical in full_names and m.kind == "name":
                candidates = full_names[m.canonical]
                if len(candidates) == 1:
                    mentions[index] = replace(m, canonical=next(iter(candidates)), kind="short_form")

    def _consolidate_labels(self, mentions: list[EntityMention]) -> None:
        """One label per canonical entity: the alias data's, else a person name's, else the majority label. Replaces
        the mentions whose label changes."""
        votes: dict[str, Counter[str]] = {}
        for m in mentions:
            votes.setdefault(m.canonical, Counter())[m.label] += 1
        person_surnames = {m.canonical for m in mentions if m.kind == "short_form"}
        titled = {m.canonical for m in mentions if m.titled}
        for index, m in enumerate(mentions):
            canonical = m.canonical
            if m.kind == "demonym":
                label = "NORP"
            elif canonical in self.table.labels:
                label = self.table.labels[canonical]
            elif canonical in titled or (canonical in person_surnames and "PERSON" in votes[canonical]):
                label = "PERSON"
            else:
                label = votes[canonical].most_common(1)[0][0]
            if label != m.label:
                mentions[index] = replace(m, label=label)
