"""Warnings about a corpus: one document, same dates, no words, probably not English."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kalinovsky_nlp.corpus import Document, load_corpus
from kalinovsky_nlp.corpuschecks import _WORD, _stop_words, corpus_warnings, looks_english

SHARED_FOMC = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "fomc_statements_2013_2015.jsonl"

SAMPLES = {
    "en": "The council wants a tram. I think the project is obviously too expensive. The mayor says it will pay for "
          "itself, but that is surely wishful thinking and we should wait.",
    "de": "Der Stadtrat will eine Straßenbahn. Ich glaube, das Projekt ist offensichtlich zu teuer. Der Bürgermeister "
          "sagt, sie werde sich selbst bezahlen, aber das ist sicher Wunschdenken und wir sollten warten.",
    "fr": "Le conseil municipal veut un tramway. Je pense que le projet est évidemment trop cher. Le maire dit qu'il "
          "se paiera tout seul, mais c'est sûrement un vœu pieux et nous devrions attendre.",
    "es": "El ayuntamiento quiere un tranvía. Creo que el proyecto es obviamente demasiado caro. El alcalde dice que "
          "se pagará solo, pero seguramente es una ilusión y deberíamos esperar un poco más.",
    "it": "Il consiglio comunale vuole un tram. Penso che il progetto sia ovviamente troppo costoso. Il sindaco dice "
          "che si ripagherà da solo, ma è sicuramente un pio desiderio e dovremmo aspettare.",
    "nl": "De gemeenteraad wil een tram. Ik denk dat het project duidelijk te duur is. De burgemeester zegt dat het "
          "zichzelf zal terugbetalen, maar dat is zeker wishful thinking en we moeten wachten.",
    "ru": "Городской совет хочет трамвай. Я думаю, что проект явно слишком дорогой. Мэр говорит, что он окупится, "
          "но это наверняка принятие желаемого за действительное.",
    "zh": "市议会想要建一条有轨电车线路。我认为这个项目显然太贵了。市长说它会自己收回成本，但这肯定是一厢情愿的想法，我们应该等一等。",
}


def stop_word_share(text: str) -> float:
    words = _WORD.findall(text)
    return sum(w.lower() in _stop_words() for w in words) / len(words)


def test_stop_word_shares_behind_the_threshold():
    assert 0.4 <= stop_word_share(SAMPLES["en"]) <= 0.6
    for language in ("de", "fr", "es", "it", "nl"):
        assert stop_word_share(SAMPLES[language]) < 0.1, language


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_looks_english(language):
    assert looks_english(SAMPLES[language]) is (language == "en")


def test_short_texts_are_not_judged():
    assert looks_english("Ja, natürlich.") is None
    assert looks_english("Yes, of course.") is None


def test_the_built_in_corpus_looks_english():
    assert all(looks_english(d.text) for d in load_corpus())


def test_fomc_statements_look_english():
    if not SHARED_FOMC.is_file():
        pytest.skip(f"shared data absent: {SHARED_FOMC} (the FOMC corpus lives in the project's shared/ folder)")
    texts = [json.loads(line)["text"] for line in SHARED_FOMC.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 24 and all(looks_english(t) for t in texts)


def doc(doc_id: str, date: str, text: str = SAMPLES["en"]) -> Document:
    return Document(id=doc_id, date=dt.date.fromisoformat(date), text=text)


def test_warnings_in_order():
    documents = [doc("b", "2020-01-01"), doc("a", "2020-01-01", SAMPLES["de"]), doc("c", "2021-01-01", "?! --")]
    assert corpus_warnings(documents) == [
        "2 documents dated 2020-01-01 (a, b): they are ordered by id, and the comparison steps between them say "
        "nothing about time; give each text its own date",
        "document a (2020-01-01) does not look like English: the English model's parses, markers and entities for "
        "it are not to be trusted",
        "document c (2021-01-01) has no words (only punctuation, numbers or symbols): its measures are empty or "
        "meaningless; check its text",
    ]
    assert corpus_warnings([doc("x", "2020-01-01")]) == [
        "nothing to compare: give two or more dated texts (one document, x (2020-01-01))"]
    assert corpus_warnings([doc("x", "2020-01-01"), doc("y", "2021-01-01")]) == []


@pytest.mark.parametrize("text,warned", [
    ("The board met. See [the statement](https://example.org/statement.html) for details.", True),
    ("The board met; see the ![chart](/img/chart.png) and [notes](#notes).", True),
    # brackets in prose, and a link read as Markdown already, are not Markdown links left in the text
    ("The board [of governors] met (twice) in May.", False),
    ("The board met. See the statement for details.", False),
])
def test_markdown_links_read_as_plain_text_are_warned_about(text, warned):
    documents = [doc("a", "2020-01-01", SAMPLES["en"] + " " + text), doc("b", "2021-01-01")]
    found = [w for w in corpus_warnings(documents) if "Markdown links" in w]
    assert found == ([
        '1 document (a) has Markdown links ([text](address)) read as plain text: the addresses are read as words and '
        'can end up in entity names; give the records "format": "markdown" (or name the files .md) to read the '
        'Markdown'] if warned else [])


def test_a_record_read_as_markdown_has_no_links_left():
    from kalinovsky_nlp.corpus import document_from_record

    record = {"date": "2020-01-01", "text": SAMPLES["en"] + " See [the plan](https://example.org/plan).",
              "format": "markdown"}
    document = document_from_record(record, "x.jsonl", default_id="a")
    assert document.text.endswith("See the plan.") and "format" not in document.metadata
    assert [w for w in corpus_warnings([document, doc("b", "2021-01-01")]) if "Markdown" in w] == []
