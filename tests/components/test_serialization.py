"""Saving and loading pipelines with the project's components: the user's lexicon and alias rows travel inside the
saved pipeline (nlp.to_disk / spacy.load, nlp.to_bytes / from_bytes), so it loads after the files are gone."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import spacy
import srsly

from kalinovsky_nlp.components.storage import StoredDataMissingError
from kalinovsky_nlp.pipeline import resolve_model

CUSTOM_LEXICON = (
    "# a small lexicon of cues for product reviews\n"
    "forms\tcategory\tsubcategory\trule\tsource\n"
    "rumour has it|word is\thedge\thearsay\t-\ttest: hearsay the packaged lexicon lacks\n"
    "hands down\tbooster\tcertainty_phrase\t-\ttest: a booster the packaged lexicon lacks\n"
    "alas\tattitude\tattitude_adverb\t-\ttest\n"
)
CUSTOM_ALIASES = (
    "canonical\tlabel\taliases\tnote\n"
    "Vireo Kitchenware\tORG\tVireo|VK\ttest: a company the packaged table does not know\n"
)
TEXT = ("Rumour has it that Vireo recalled its kettles. VK makes hands down the best pans in Lyon, "
        "but alas the lids crack.")

EXPECTED_MARKERS = [
    ("Rumour has it", "hedge", "hearsay", "author", True),
    ("hands down", "booster", "certainty_phrase", "author", None),
    ("alas", "attitude", "attitude_adverb", "author", None),
]


def _markers(doc):
    return [(s.text, s.label_, s._.kn_subcategory, s._.kn_voice, s._.kn_epistemic) for s in doc.spans["kn_markers"]]


def _vireo_mentions(doc):
    return [(m["text"], m["canonical"], m["label"]) for m in doc._.kn_entity_mentions if "V" in m["text"]]


@pytest.fixture()
def custom_pipeline(tmp_path):
    """A pipeline whose entity and marker components read a user's files, and those files' paths."""
    lexicon = tmp_path / "reviews.tsv"
    lexicon.write_text(CUSTOM_LEXICON, encoding="utf-8")
    aliases = tmp_path / "companies.tsv"
    aliases.write_text(CUSTOM_ALIASES, encoding="utf-8")
    nlp = spacy.load(resolve_model())
    nlp.add_pipe("kalinovsky_entities", config={"aliases": str(aliases)})
    nlp.add_pipe("kalinovsky_attribution")
    nlp.add_pipe("kalinovsky_metadiscourse", config={"lexicon": str(lexicon)})
    return nlp, lexicon, aliases


def test_custom_files_are_used_before_saving(custom_pipeline):
    nlp, _, _ = custom_pipeline
    doc = nlp(TEXT)
    assert _markers(doc) == EXPECTED_MARKERS
    assert _vireo_mentions(doc) == [("Vireo", "Vireo Kitchenware", "ORG"), ("VK", "Vireo Kitchenware", "ORG")]


def test_to_disk_then_spacy_load_after_the_files_are_deleted(custom_pipeline, tmp_path):
    nlp, lexicon, aliases = custom_pipeline
    before = nlp(TEXT)
    saved = tmp_path / "review_pipeline"
    nlp.to_disk(saved)
    lexicon.unlink()
    aliases.unlink()

    loaded = spacy.load(saved)
    after = loaded(TEXT)
    assert loaded.pipe_names == nlp.pipe_names
    assert _markers(after) == _markers(before) == EXPECTED_MARKERS
    assert _vireo_mentions(after) == _vireo_mentions(before)
    assert after._.kn_entity_mentions == before._.kn_entity_mentions
    assert after._.kn_attributions == before._.kn_attributions


def test_the_saved_folder_holds_the_rows_not_only_the_path(custom_pipeline, tmp_path):
    nlp, lexicon, _ = custom_pipeline
    saved = tmp_path / "review_pipeline"
    nlp.to_disk(saved)
    rows = list(srsly.read_jsonl(saved / "kalinovsky_metadiscourse" / "rows.jsonl"))
    assert [row["forms"] for row in rows] == ["rumour has it|word is", "hands down", "alas"]
    assert srsly.read_json(saved / "kalinovsky_metadiscourse" / "cfg") == {"lexicon": str(lexicon)}
    alias_rows = list(srsly.read_jsonl(saved / "kalinovsky_entities" / "rows.jsonl"))
    assert alias_rows == [{"canonical": "Vireo Kitchenware", "label": "ORG", "aliases": "Vireo|VK",
                           "note": "test: a company the packaged table does not know"}]
    meta = srsly.read_json(saved / "meta.json")
    assert meta["kalinovsky_nlp"]["stored_data"]["kalinovsky_metadiscourse"] == {"lexicon": str(lexicon)}


def test_to_bytes_then_from_bytes_after_the_files_are_deleted(custom_pipeline):
    nlp, lexicon, aliases = custom_pipeline
    before = nlp(TEXT)
    config, meta, data = nlp.config, nlp.meta, nlp.to_bytes()
    lexicon.unlink()
    aliases.unlink()

    lang = spacy.util.get_lang_class(config["nlp"]["lang"])
    loaded = lang.from_config(config, meta=meta).from_bytes(data)
    after = loaded(TEXT)
    assert _markers(after) == _markers(before) == EXPECTED_MARKERS
    assert after._.kn_entity_mentions == before._.kn_entity_mentions


def test_component_bytes_carry_the_lexicon_into_a_default_component(custom_pipeline):
    """The recipe without a config: add the components with their defaults, then load the bytes."""
    nlp, lexicon, aliases = custom_pipeline
    data = nlp.get_pipe("kalinovsky_metadiscourse").to_bytes()
    alias_data = nlp.get_pipe("kalinovsky_entities").to_bytes()
    lexicon.unlink()
    aliases.unlink()

    other = spacy.load(resolve_model())
    tagger = other.add_pipe("kalinovsky_metadiscourse")
    entities = other.add_pipe("kalinovsky_entities", before="kalinovsky_metadiscourse")
    doc = other(TEXT)
    assert [s.text for s in doc.spans["kn_markers"]] == []  # the packaged lexicon knows none of these cues
    tagger.from_bytes(data)
    entities.from_bytes(alias_data)
    doc = other(TEXT)
    assert _markers(doc) == EXPECTED_MARKERS
    assert _vireo_mentions(doc) == [("Vireo", "Vireo Kitchenware", "ORG"), ("VK", "Vireo Kitchenware", "ORG")]


def test_a_saved_pipeline_loads_in_a_fresh_process_without_importing_the_library(custom_pipeline, tmp_path):
    nlp, lexicon, aliases = custom_pipeline
    saved = tmp_path / "review_pipeline"
    nlp.to_disk(saved)
    lexicon.unlink()
    aliases.unlink()
    code = f"""
        import json, sys
        import spacy
        nlp = spacy.load({str(saved)!r})
        assert "kalinovsky_nlp" in sys.modules  # imported by spaCy through the spacy_factories entry point
        doc = nlp({TEXT!r})
        print(json.dumps([[s.text, s.label_, s._.kn_subcategory] for s in doc.spans["kn_markers"]]))
    """
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [[m[0], m[1], m[2]] for m in EXPECTED_MARKERS]


def test_a_stored_lexicon_wins_over_an_edited_file(custom_pipeline, tmp_path):
    """Loading reproduces the saved annotations even when the file is still there but has changed since."""
    nlp, lexicon, _ = custom_pipeline
    saved = tmp_path / "review_pipeline"
    nlp.to_disk(saved)
    lexicon.write_text("forms\tcategory\tsubcategory\trule\nkettles\tattitude\tnoun\t-\n", encoding="utf-8")
    assert _markers(spacy.load(saved)(TEXT)) == EXPECTED_MARKERS


def test_the_packaged_lexicon_is_stored_too(nlp, tmp_path):
    """A default component saves the rows of the packaged lexicon: the saved pipeline is a snapshot."""
    tagger = nlp.get_pipe("kalinovsky_metadiscourse")
    tagger.to_disk(tmp_path / "tagger")
    rows = list(srsly.read_jsonl(tmp_path / "tagger" / "rows.jsonl"))
    assert rows == tagger.lexicon_rows
    assert {"forms": "perhaps|maybe|possibly|probably|presumably|conceivably|plausibly|potentially|arguably|"
                     "seemingly|ostensibly|likely", "category": "hedge", "subcategory": "probability", "rule": "-",
            "source": "hyland2018; pattern"} in rows


def test_a_folder_without_stored_rows_changes_nothing(tmp_path):
    """A pipeline saved before the components stored their data still loads: from_disk keeps the built lexicon."""
    nlp = spacy.load(resolve_model())
    tagger = nlp.add_pipe("kalinovsky_metadiscourse")
    (tmp_path / "empty").mkdir()
    tagger.from_disk(tmp_path / "empty")
    doc = nlp("The comet may return in 2061.")
    assert [s.text for s in doc.spans["kn_markers"]] == ["may"]


def test_built_from_a_saved_config_but_never_loaded_says_so(custom_pipeline):
    nlp, lexicon, aliases = custom_pipeline
    config, meta = nlp.config, nlp.meta
    lexicon.unlink()
    aliases.unlink()
    lang = spacy.util.get_lang_class(config["nlp"]["lang"])
    half_loaded = lang.from_config(config, meta=meta)  # from_disk / from_bytes never called
    doc = nlp("Word is the tide will turn.")
    with pytest.raises(StoredDataMissingError, match="reviews.tsv' is stored with the saved pipeline"):
        half_loaded.get_pipe("kalinovsky_metadiscourse")(doc)
    with pytest.raises(StoredDataMissingError, match="companies.tsv' is stored with the saved pipeline"):
        half_loaded.get_pipe("kalinovsky_entities")(doc)


def test_a_saved_config_without_its_meta_names_the_missing_file(custom_pipeline):
    nlp, lexicon, aliases = custom_pipeline
    config = nlp.config
    lexicon.unlink()
    aliases.unlink()
    lang = spacy.util.get_lang_class(config["nlp"]["lang"])
    with pytest.raises(ValueError, match=r"companies\.tsv' not found.*meta="):
        lang.from_config(config)


def test_custom_extension_names_survive_saving(tmp_path):
    from kalinovsky_nlp.components.extensions import MarkerExtensions
    from kalinovsky_nlp.profile import extract_markers

    nlp = spacy.load(resolve_model())
    nlp.add_pipe("kalinovsky_metadiscourse", config={"spans_key": "stance", "voice_extension": "stance_voice",
                                                     "subcategory_extension": "stance_subcategory"})
    nlp.to_disk(tmp_path / "stance_pipeline")
    loaded = spacy.load(tmp_path / "stance_pipeline")
    tagger = loaded.get_pipe("kalinovsky_metadiscourse")
    assert tagger.extensions == MarkerExtensions(subcategory="stance_subcategory", voice="stance_voice")
    doc = loaded("The senators reportedly said the bill would probably pass.")
    markers = extract_markers(doc, spans_key="stance", extensions=tagger.extensions)
    assert [(m.text, m.category, m.subcategory, m.voice) for m in markers] == [
        ("reportedly", "hedge", "evidential", "author"),
        ("probably", "hedge", "probability", "attributed"),
    ]


def test_excluding_the_rows_keeps_the_built_lexicon(custom_pipeline):
    nlp, _, _ = custom_pipeline
    data = nlp.get_pipe("kalinovsky_metadiscourse").to_bytes()
    other = spacy.load(resolve_model())
    tagger = other.add_pipe("kalinovsky_metadiscourse")
    tagger.from_bytes(data, exclude=["rows"])
    doc = other("The rent may rise; word is the landlord agrees.")
    assert [(s.text, s.label_) for s in doc.spans["kn_markers"]] == [("may", "hedge")]
    tagger.from_bytes(data)
    doc = other("The rent may rise; word is the landlord agrees.")
    assert [(s.text, s.label_) for s in doc.spans["kn_markers"]] == [("word is", "hedge")]


def test_initialize_replaces_the_lexicon_and_saving_stores_the_new_rows(tmp_path):
    """``[initialize.components.kalinovsky_metadiscourse] lexicon = ...`` reaches initialize(); the rows it reads are
    what a saved pipeline holds."""
    lexicon = tmp_path / "garden.tsv"
    lexicon.write_text("forms\tcategory\tsubcategory\trule\nfingers crossed\thedge\thope\t-\n", encoding="utf-8")
    nlp = spacy.load(resolve_model())
    tagger = nlp.add_pipe("kalinovsky_metadiscourse")
    tagger.initialize(lambda: [], nlp=nlp, lexicon=str(lexicon))
    nlp.to_disk(tmp_path / "garden_pipeline")
    lexicon.unlink()
    doc = spacy.load(tmp_path / "garden_pipeline")("The tulips may bloom early, fingers crossed.")
    assert [(s.text, s.label_, s._.kn_subcategory) for s in doc.spans["kn_markers"]] == [
        ("fingers crossed", "hedge", "hope")]
