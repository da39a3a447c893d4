"""The report's JSON Schema (``kalinovsky_nlp.report_schema.report_json_schema``): the built-in report and a report of several
documents validate against it, broken reports do not, and the committed ``docs/report-schema.json`` and
``docs/report-schema.md`` are what ``scripts/report_schema.py`` writes now."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kalinovsky_nlp.renderers import render_json
from kalinovsky_nlp.report_schema import report_json_schema
from kalinovsky_nlp.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent

#: One author on varied subjects over four years, with a thread (a tram line) that runs through all four texts.
DATED_TEXTS = {
    "2019-03-01": (
        "The city council said that the new tram line would probably open in 2021. Critics claim that the budget is "
        "unrealistic. I think the tram line is a sensible investment, but the costs may rise. According to the mayor, "
        "Berlin will pay half of the bill. \"We are certain of the schedule,\" said Anna Weber."
    ),
    "2020-06-15": (
        "Officials in Germany insist that the vaccine is safe. The evidence that it prevents severe illness is "
        "strong. Perhaps the tram line will never open. I am skeptical of these claims about the schedule. For many "
        "doctors, the campaign came too late. The German government clearly underestimated the virus."
    ),
    "2021-09-10": (
        "The European Central Bank raised interest rates for the first time in a decade. It is possible that "
        "inflation will fall next year, but economists disagree. The tram line opened in 2021 after all, and it is "
        "certainly a success. Christine Lagarde said that the bank would act decisively."
    ),
    "2023-01-20": (
        "Bayern Munich won the league again, which surprised nobody. Climate scientists warn that summers in Berlin "
        "will become hotter. I was wrong about the tram line: it is a remarkable success. Perhaps the city should "
        "build another one."
    ),
}


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("report_schema_script", ROOT / "scripts" / "report_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return report_json_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)  # no format checker: "format" stays an annotation


@pytest.fixture(scope="module")
def multi_report_dict(nlp) -> dict[str, Any]:
    from kalinovsky_nlp import analyze

    return analyze(list(DATED_TEXTS.values()), dates=list(DATED_TEXTS), nlp=nlp).to_dict()


def _errors(validator: Draft202012Validator, report: dict[str, Any]) -> list[str]:
    return sorted(f"/{'/'.join(map(str, error.absolute_path))}: {error.message}"
                  for error in validator.iter_errors(report))


def _descriptions_missing(schema: Any, where: str = "") -> list[str]:
    """Paths of the properties and definitions of a schema that have no description."""
    missing = []
    if isinstance(schema, dict):
        for name, spec in schema.get("properties", {}).items():
            if not spec.get("description"):
                missing.append(f"{where}/{name}")
        for name, definition in schema.get("$defs", {}).items():
            if not definition.get("description"):
                missing.append(f"$defs/{name}")
        for key, value in schema.items():
            missing += _descriptions_missing(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for value in schema:
            missing += _descriptions_missing(value, where)
    return missing


def test_schema_is_a_valid_draft_2020_12_schema_with_every_field_described(schema):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION,
                                                      "description": "Version of this contract, `major.minor`."}
    assert _descriptions_missing(schema) == []


def test_schema_is_generated_from_the_typed_results(schema):
    from kalinovsky_nlp.results import FINDING_KINDS

    defs = schema["$defs"]
    assert defs["Finding"]["properties"]["kinds"]["items"] == {"enum": list(FINDING_KINDS)}
    assert defs["Claim"]["properties"]["certainty"]["enum"] == ["CT+", "PR+", "PS+", "Uu", "PS-", "PR-", "CT-"]
    assert defs["Claim"]["properties"]["stance"]["anyOf"] == [{"$ref": "#/$defs/StanceLink"}, {"type": "null"}]
    assert defs["Claim"]["properties"]["score"]["type"] == "integer"
    assert (defs["Claim"]["properties"]["score"]["minimum"], defs["Claim"]["properties"]["score"]["maximum"]) == (-3, 3)
    assert list(defs["Claim"]["properties"])[-4:] == ["score", "commitment", "entities", "source"]
    assert defs["Position"]["properties"]["voice"]["enum"] == ["author", "reported", "both", None]
    assert defs["FindingSide"]["properties"]["holders"]["items"] == {"type": "string"}
    assert defs["Marker"]["properties"]["voice"]["enum"] == ["author", "attributed"]  # a plain str, refined
    # finding_to_dict writes the two sides under "from" and "to"
    assert {"from", "to"} <= set(defs["Finding"]["required"]) and "earlier" not in defs["Finding"]["properties"]
    assert defs["Document"]["properties"]["metadata"].get("additionalProperties", True) is True
    assert defs["Claim"]["additionalProperties"] is False and defs["Step"]["additionalProperties"] is False


def test_hand_written_definitions_list_the_typed_results_keys_in_order(schema):
    """The profile's and the comparison's tables are written by hand in the schema: their keys are those the
    dataclasses serialise to."""
    import dataclasses

    from kalinovsky_nlp import compare
    from kalinovsky_nlp.keyness import KeyTerm, Keyness
    from kalinovsky_nlp.profile import MARKER_CATEGORIES, CategoryMeasures, MarkerMeasures
    from kalinovsky_nlp.schema import json_key
    from kalinovsky_nlp.textstats import TextStats

    typed = {"Change": compare.Change, "CategoryChange": compare.CategoryChange,
             "MarkerChanges": compare.MarkerChanges, "EntityBrief": compare.EntityBrief,
             "EntityPair": compare.EntityPair, "SalienceChange": compare.SalienceChange,
             "EntityStance": compare.EntityStance, "EntityStancePair": compare.EntityStancePair,
             "EntityChanges": compare.EntityChanges, "KeyTerm": KeyTerm, "Keyness": Keyness,
             "TextStats": TextStats, "CategoryMeasures": CategoryMeasures, "MarkerMeasures": MarkerMeasures}
    for name, cls in typed.items():
        assert list(schema["$defs"][name]["properties"]) == [json_key(f) for f in dataclasses.fields(cls)], name
    assert [f.name for f in dataclasses.fields(compare.MarkerChanges)][: len(MARKER_CATEGORIES)] == list(
        MARKER_CATEGORIES)

def test_builtin_report_validates(validator, builtin_report_dict):
    assert _errors(validator, builtin_report_dict) == []
    # the parts a passing validation rests on are there to be checked
    assert builtin_report_dict["findings"] and builtin_report_dict["documents"][0]["claims"]
    assert builtin_report_dict["comparison"]["steps"][0]["keyness"]["later"]


def test_multi_document_report_validates(validator, multi_report_dict):
    report = multi_report_dict
    assert [d["date"] for d in report["documents"]] == list(DATED_TEXTS)
    assert len(report["comparison"]["steps"]) == 3
    assert report["comparison"]["first_to_last"]["from"]["date"] == "2019-03-01"
    assert report["comparison"]["first_to_last"]["to"]["date"] == "2023-01-20"
    assert any(step["findings"] for step in report["comparison"]["steps"])
    assert any(d["attributions"] for d in report["documents"])
    assert _errors(validator, report) == []
    assert _errors(validator, json.loads(render_json(report))) == []  # the saved JSON too


def test_report_with_a_text_without_terms_validates(validator, nlp):
    """Keyness of a text without content words has its shorter shape, which the schema allows."""
    from kalinovsky_nlp import analyze

    report = analyze(["The tram line will probably open in 2021, the council said.", "It is what it is."],
                     dates=["2020-01-01", "2021-01-01"], nlp=nlp).to_dict()
    keyness = report["comparison"]["steps"][0]["keyness"]
    assert keyness["note"] == "empty text"
    assert _errors(validator, report) == []


def _first_claim(report: dict[str, Any]) -> dict[str, Any]:
    return next(d["claims"][0] for d in report["documents"] if d["claims"])


def test_unknown_finding_kind_fails(validator, builtin_report_dict):
    broken = copy.deepcopy(builtin_report_dict)
    broken["findings"][0]["kinds"] = ["certainty_sideways"]
    errors = _errors(validator, broken)
    assert len(errors) == 1 and errors[0].startswith("/findings/0/kinds/0: 'certainty_sideways' is not one of")


def test_missing_required_field_fails(validator, builtin_report_dict):
    broken = copy.deepcopy(builtin_report_dict)
    del _first_claim(broken)["certainty"]
    assert _errors(validator, broken) == ["/documents/0/claims/0: 'certainty' is a required property"]


def test_wrong_certainty_value_fails(validator, builtin_report_dict):
    broken = copy.deepcopy(builtin_report_dict)
    _first_claim(broken)["certainty"] = "CT"
    errors = _errors(validator, broken)
    assert len(errors) == 1 and errors[0].startswith("/documents/0/claims/0/certainty: 'CT' is not one of")


def test_unknown_key_wrong_type_and_open_metadata(validator, builtin_report_dict):
    broken = copy.deepcopy(builtin_report_dict)
    broken["documents"][0]["stats"]["syllables"] = 1200
    broken["documents"][0]["markers"][0]["start"] = "12"
    broken["comparison"]["steps"][0]["markers"]["hedge"]["change"] = None
    assert _errors(validator, broken) == [
        "/comparison/steps/0/markers/hedge/change: None is not of type 'number'",
        "/documents/0/markers/0/start: '12' is not of type 'integer'",
        "/documents/0/stats: Additional properties are not allowed ('syllables' was unexpected)",
    ]
    open_metadata = copy.deepcopy(builtin_report_dict)
    open_metadata["documents"][0]["metadata"]["anything"] = {"nested": [1, "two", None]}
    assert _errors(validator, open_metadata) == []


def test_committed_schema_files_are_up_to_date():
    script = _load_script()
    for path, text in script.generated_files().items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is out of date: run python scripts/report_schema.py"
    assert script.main(["--check"]) == 0


def test_markdown_reference_has_a_section_per_object(schema):
    markdown = _load_script().render_markdown(schema)
    assert markdown.startswith(f"# The JSON report (schema {SCHEMA_VERSION})\n")
    assert "major part is bumped when a field is\nrenamed or removed, its minor part when a field or a value of a field " \
        "is added" in markdown
    assert "| `role` | one of `subject`, `object`, `oblique`, `goal` |" in markdown
    for name in ["Report", *schema["$defs"]]:
        assert f"\n## {name}\n" in markdown
    assert ("| `certainty` | one of `CT+`, `PR+`, `PS+`, `Uu`, `PS-`, `PR-`, `CT-` | FactBank value" in markdown)
    assert "| `stance` | [StanceLink](#stancelink) or null |" in markdown


def test_check_fails_on_missing_or_stale_files(tmp_path):
    script = _load_script()
    assert script.main(["--check", "--docs", str(tmp_path)]) == 1
    assert script.main(["--docs", str(tmp_path)]) == 0
    assert script.main(["--check", "--docs", str(tmp_path)]) == 0
    stale = tmp_path / "report-schema.md"
    stale.write_text(stale.read_text(encoding="utf-8") + "\nA line written by hand.\n", encoding="utf-8")
    assert script.main(["--check", "--docs", str(tmp_path)]) == 1
    assert json.loads((tmp_path / "report-schema.json").read_text(encoding="utf-8")) == report_json_schema()
