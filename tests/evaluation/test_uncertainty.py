"""Sentence uncertainty against annotated corpora: loading, scoring, the printed report and the CLI task."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from kalinovsky_nlp.evaluation.uncertainty import (
    Cue,
    SentenceResult,
    UncertaintyItem,
    load_items,
    read_word_list_file,
    run_uncertainty,
    score_uncertainty,
)

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "uncertainty"
HYLAND = Path(__file__).resolve().parents[3] / "shared" / "lexicons" / "hyland_metadiscourse_hedges.txt"


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_items_reads_cues_and_says_what_is_wrong(tmp_path):
    good = _write_jsonl(tmp_path / "good.jsonl", [
        {"id": "a", "text": "It may rain.", "uncertain": True,
         "cues": [{"start": 3, "end": 6, "text": "may", "type": "epistemic "}]},
        {"id": "b", "text": "It rains.", "uncertain": False, "cues": []},
    ])
    items = load_items(good)
    assert items[0].cues == (Cue(3, 6, "may", "epistemic"),) and not items[1].uncertain
    with pytest.raises(FileNotFoundError, match="Pass --data"):
        load_items(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "uncertain": false}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: not valid JSON"):
        load_items(bad)
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="missing uncertain"):
        load_items(bad)


def test_word_list_drops_comments_and_notes(tmp_path):
    listing = tmp_path / "hedges.txt"
    listing.write_text("# a header\nabout\nuncertianly  #typo? (uncertainly)\n\nIn My View\n", encoding="utf-8")
    assert read_word_list_file(listing) == {"about", "uncertianly", "in my view"}


def test_scores_sentences_cue_types_misses_and_false_alarms():
    items = [
        UncertaintyItem("1", "It may rain.", True, (Cue(3, 6, "may", "epistemic"),)),
        UncertaintyItem("2", "If it rains, we stay.", True, (Cue(0, 2, "If", "condition"),)),
        UncertaintyItem("3", "It rains.", False),
        UncertaintyItem("4", "About 40 came, perhaps.", False),
    ]
    results = [
        SentenceResult(True, True, [(3, 6, "may", "epistemic_modal", True)]),
        SentenceResult(False, False, []),
        SentenceResult(False, False, []),
        SentenceResult(True, True, [(0, 5, "About", "approximator", False), (15, 22, "perhaps", "probability", True)]),
    ]
    result = score_uncertainty(items, results, {"look-up": [True, True, True, True]})
    assert result["systems"]["epistemic hedges (this library)"] == {
        "tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert result["systems"]["look-up"]["recall"] == 1.0 and result["systems"]["look-up"]["precision"] == 0.5
    assert result["by_cue_type"]["epistemic"] == {"sentences": 1, "sentence_recall": 1.0, "cues": 1, "cue_recall": 1.0}
    assert result["by_cue_type"]["condition"]["cue_recall"] == 0.0
    assert result["misses"] == [("if", 1)]
    assert result["false_alarms"] == [("perhaps (probability)", 1)]  # the approximator is no false alarm
    with pytest.raises(ValueError, match="same sentences"):
        score_uncertainty(items, results[:2])


def test_report_scores_the_library_and_both_look_ups(tmp_path, nlp):
    data = _write_jsonl(tmp_path / "mini.jsonl", [
        {"id": "1", "text": "The tower is believed to date from 1200.", "uncertain": True,
         "cues": [{"start": 13, "end": 21, "text": "believed", "type": "doxastic"}]},
        {"id": "2", "text": "About 200 people came to the opening.", "uncertain": False, "cues": []},
        {"id": "3", "text": "If the bridge closes, traffic will divert.", "uncertain": True,
         "cues": [{"start": 0, "end": 2, "text": "If", "type": "condition"}]},
    ])
    hyland = tmp_path / "hyland.txt"
    hyland.write_text("about\nbelieve\n", encoding="utf-8")
    report = run_uncertainty(data, nlp, hyland=hyland, verbose=True)
    lines = {line.split("  ")[0]: line for line in report.splitlines()}
    assert lines["epistemic hedges (this library)"].split()[4:7] == ["1.000", "1.000", "1.000"]
    assert lines["all hedges (this library)"].split()[4:7] == ["0.667", "1.000", "0.800"]
    assert lines["look-up: Hyland's hedge list"].split()[4:7] == ["0.000", "0.000", "0.000"]
    assert "look-up: the library's hedge lexicon" in report
    assert "doxastic" in report and "condition" in report


def test_cli_task_needs_data(capsys):
    from kalinovsky_nlp.cli import main

    assert main(["evaluate", "uncertainty"]) == 2
    assert "needs --data FILE" in capsys.readouterr().err


def _dev_slice(name: str, tmp_path: Path, size: int = 400) -> Path:
    source = SHARED_DATA / f"{name}.dev.jsonl"
    if not source.is_file():
        pytest.skip(f"{source}: ../shared/data/uncertainty not found (development data of the Szeged and SFU corpora)")
    target = tmp_path / f"{name}.slice.jsonl"
    with source.open(encoding="utf-8") as handle:
        target.write_text("".join(itertools.islice(handle, size)), encoding="utf-8")
    return target


@pytest.mark.parametrize("name", ["szeged_wiki", "sfu_review"])
def test_epistemic_hedges_beat_the_plain_look_ups_on_development_data(name, tmp_path, nlp):
    """On a slice of each development half, the library's epistemic hedges score above both look-ups."""
    data = _dev_slice(name, tmp_path)
    items = load_items(data)
    from kalinovsky_nlp.evaluation.uncertainty import _phrase_matcher, sentence_result

    tagger = nlp.get_pipe("kalinovsky_metadiscourse")
    lexicon = _phrase_matcher(nlp, {e.form for e in tagger.entries if e.category == "hedge"})
    hyland = _phrase_matcher(nlp, read_word_list_file(HYLAND)) if HYLAND.is_file() else None
    results, lookups = [], {"lexicon": [], "hyland": []}
    for doc in nlp.pipe([i.text for i in items], batch_size=64):
        results.append(sentence_result(doc))
        lookups["lexicon"].append(bool(lexicon(doc)))
        lookups["hyland"].append(bool(hyland(doc)) if hyland else False)
    systems = score_uncertainty(items, results, lookups)["systems"]
    library = systems["epistemic hedges (this library)"]["f1"]
    assert library > systems["lexicon"]["f1"]
    assert library > systems["hyland"]["f1"]
    assert library > systems["all hedges (this library)"]["f1"]


def test_annotate_gives_each_sentence_its_uncertain_flag_and_cues(tmp_path):
    """`annotate --sentences`: the sentence-level output that standard uncertainty corpora can be compared with."""
    from kalinovsky_nlp.cli import main

    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": "r1", "text": "About 40 people came. The hall may close."}])
    target = tmp_path / "out.jsonl"
    assert main(["annotate", str(source), "-o", str(target), "--sentences", "--quiet"]) == 0
    [record] = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    first, second = record["sentences"]
    assert (first["uncertain"], first["cues"]) == (False, [])  # an approximator is no uncertainty
    assert second["uncertain"] is True
    assert second["cues"] == [{"text": "may", "start": 31, "end": 34, "subcategory": "epistemic_modal"}]
    assert record["text"][first["start"]:first["end"]] == "About 40 people came."
    assert main(["annotate", str(source), "-o", str(target), "--quiet"]) == 0
    assert "sentences" not in json.loads(target.read_text(encoding="utf-8"))
