"""Configuration errors fail when the component is built (nlp.add_pipe), saying what is wrong and what to do: unknown
categories, missing files, lexicons without their header, malformed rows and forms, extension names that another
library holds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest
import spacy
from spacy.tokens import Doc, Span

from kalinovsky_nlp.components.entities import AliasFileError
from kalinovsky_nlp.components.extensions import ExtensionClashError
from kalinovsky_nlp.components.metadiscourse import LexiconError
from kalinovsky_nlp.lexicons import TableFormatError, read_table, read_table_file
from kalinovsky_nlp.pipeline import resolve_model

HEADER = "forms\tcategory\tsubcategory\trule\tsource\n"


@pytest.fixture(scope="module")
def bare_nlp():
    """The model without the project's components; each test adds (and removes) its own."""
    return spacy.load(resolve_model())


def _add_fails(nlp, factory: str, config: dict, error: type[Exception], match: str) -> None:
    """Adding the component raises ``error`` matching ``match``, and leaves no component behind."""
    before = list(nlp.pipe_names)
    with pytest.raises(error, match=match):
        nlp.add_pipe(factory, config=config)
    assert nlp.pipe_names == before


def _lexicon(tmp_path, text: str, name: str = "lexicon.tsv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# ------------------------------------------------------------------------------------------------ lexicon files


def test_unknown_category_in_the_config(bare_nlp):
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"categories": ["hedge", "hedges"]}, ValueError,
               r"config key 'categories' names unknown metadiscourse categories \['hedges'\]; choose from hedge, "
               r"booster")


def test_missing_lexicon_file(bare_nlp, tmp_path):
    missing = tmp_path / "gone" / "cues.tsv"
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": str(missing)}, LexiconError,
               rf"lexicon '{re.escape(str(missing))}' not found.*config key 'lexicon'.*forms, category, subcategory, "
               rf"rule")


def test_lexicon_without_header_is_an_error_not_an_empty_lexicon(bare_nlp, tmp_path):
    """One data row and no header used to become the header of an empty lexicon."""
    path = _lexicon(tmp_path, "surely not\thedge\tcustom\t-\ttest\n", "headerless.tsv")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, TableFormatError,
               rf"{re.escape(path)}, line 1: expected the header line naming the tab-separated columns forms, "
               rf"category, subcategory, rule, found 'surely not\\thedge.*Add the header line")


def test_lexicon_with_a_commented_out_header(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, "# " + HEADER + "maybe\thedge\tprobability\t-\ttest\nsurely\tbooster\tx\t-\ttest\n")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, TableFormatError,
               r"line 2: expected the header line .* \(no column forms, category, subcategory, rule\)")


def test_lexicon_with_a_header_and_no_rows(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, "# cues for later\n" + HEADER)
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, LexiconError,
               "has a header but no rows; add one row per cue")


def test_lexicon_row_with_an_unknown_rule(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, HEADER + "seldom\thedge\tfrequency\tmodal_seldom\ttest\n")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, LexiconError,
               r"the row 'seldom\\thedge.*' names the unknown context rule 'modal_seldom'; use - for none or one "
               r"of the rules of kalinovsky_nlp/components/rules.py: .*modal_could")


def test_lexicon_row_with_an_unknown_category(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, HEADER + "tasty\tflavour\tadjective\t-\ttest\n")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, LexiconError,
               "has the unknown category 'flavour'; use one of hedge, booster, attitude, self_mention, engagement")


def test_lexicon_row_with_an_empty_form(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, HEADER + "roughly||approximately\thedge\tapproximator\t-\ttest\n")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, LexiconError,
               r"has an empty form in 'roughly\|\|approximately'; separate the alternative forms with single \|")


def test_lexicon_row_without_a_rule(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, HEADER + "evidently\tbooster\tevidential\t\ttest\n")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, LexiconError,
               r"has no rule; fill every one of forms, category, subcategory, rule \(- as the rule")


def test_lexicon_row_with_a_missing_tab(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, HEADER + "apparently\thedge\tevidential\t-\tok\nobviously booster\tx\t-\ttest\n")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": path}, TableFormatError,
               r"line 3: 4 tab-separated fields where the header names 5 \(forms, category, subcategory, rule, "
               r"source\)")


def test_a_good_lexicon_still_works_after_a_bad_one(bare_nlp, tmp_path):
    """A failed build leaves nothing half-registered: the next add_pipe of the same component works."""
    bad = _lexicon(tmp_path, HEADER + "tasty\tflavour\tadjective\t-\ttest\n", "bad.tsv")
    good = _lexicon(tmp_path, HEADER + "tasty\tattitude\tevaluative_adjective\t-\ttest\n", "good.tsv")
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"lexicon": bad}, LexiconError, "flavour")
    bare_nlp.add_pipe("kalinovsky_metadiscourse", config={"lexicon": good})
    try:
        doc = bare_nlp("The soup was tasty.")
        assert [(s.text, s.label_, s._.kn_subcategory) for s in doc.spans["kn_markers"]] == [
            ("tasty", "attitude", "evaluative_adjective")]
    finally:
        bare_nlp.remove_pipe("kalinovsky_metadiscourse")


# ------------------------------------------------------------------------------------------------ alias files


def test_missing_alias_file(bare_nlp, tmp_path):
    missing = tmp_path / "teams.tsv"
    _add_fails(bare_nlp, "kalinovsky_entities", {"aliases": str(missing)}, AliasFileError,
               rf"alias file '{re.escape(str(missing))}' not found. Set the config key 'aliases'")


def test_alias_file_without_header(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, "Real Madrid\tORG\tLos Blancos|Real\n", "teams.tsv")
    _add_fails(bare_nlp, "kalinovsky_entities", {"aliases": path}, TableFormatError,
               rf"{re.escape(path)}, line 1: expected the header line naming the tab-separated columns canonical, "
               rf"label, aliases")


def test_alias_row_with_an_unknown_label(bare_nlp, tmp_path):
    path = _lexicon(tmp_path, "canonical\tlabel\taliases\nReal Madrid\tTEAM\tLos Blancos\n", "teams.tsv")
    _add_fails(bare_nlp, "kalinovsky_entities", {"aliases": path}, AliasFileError,
               r"the row 'Real Madrid\\tTEAM\\tLos Blancos' has the unknown label 'TEAM'; use one of PERSON, NORP, "
               r"ORG")


# ------------------------------------------------------------------------------------------------ table readers


def test_read_table_file_names_the_file_and_the_expected_columns(tmp_path):
    path = tmp_path / "capitals.tsv"
    path.write_text("Kyiv\tUkraine\nRiga\tLatvia\n", encoding="utf-8")
    with pytest.raises(TableFormatError, match=rf"{re.escape(str(path))}, line 1: expected the header line naming the "
                                               rf"tab-separated columns name, state, found 'Kyiv\\tUkraine'"):
        read_table_file(path, ("name", "state"))
    assert read_table_file(path) == [{"Kyiv": "Riga", "Ukraine": "Latvia"}]  # no columns asked: read as it is


def test_read_table_names_the_packaged_file_and_the_expected_columns():
    with pytest.raises(TableFormatError, match=r"packaged table capitals.tsv, line \d+: expected the header line "
                                               r"naming the tab-separated columns forms, category, found "
                                               r"'name\\tstate' \(no column forms, category\)"):
        read_table("capitals.tsv", ("forms", "category"))
    assert {"name": "Kabul", "state": "Afghanistan"} in read_table("capitals.tsv", ("name", "state"))


def test_read_table_file_of_an_empty_file(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.raises(TableFormatError, match="empty.tsv: the table is empty; it needs a header line naming the "
                                               "tab-separated columns forms, category"):
        read_table_file(path, ("forms", "category"))


# ------------------------------------------------------------------------------------------------ extension names


def test_an_extension_another_library_registered_is_an_error_naming_the_config_key(bare_nlp):
    Span.set_extension("tone_voice", default="neutral")  # another library's attribute
    try:
        _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"voice_extension": "tone_voice"}, ExtensionClashError,
                   r"Span extension 'tone_voice' is already registered by another library or the user's code.*"
                   r"config key 'voice_extension'")
    finally:
        Span.remove_extension("tone_voice")


def test_a_doc_extension_with_the_same_default_is_still_someone_elses(bare_nlp):
    Doc.set_extension("quotes_found", default=None)
    try:
        _add_fails(bare_nlp, "kalinovsky_attribution", {"attributions_extension": "quotes_found"},
                   ExtensionClashError, r"Doc extension 'quotes_found' .* config key 'attributions_extension'")
        _add_fails(bare_nlp, "kalinovsky_entities", {"mentions_extension": "quotes_found"},
                   ExtensionClashError, r"config key 'mentions_extension'")
    finally:
        Doc.remove_extension("quotes_found")


def test_an_extension_of_ours_replaced_by_someone_else_is_an_error(bare_nlp):
    bare_nlp.add_pipe("kalinovsky_attribution", config={"attributions_extension": "who_said_what"})
    bare_nlp.remove_pipe("kalinovsky_attribution")
    Doc.set_extension("who_said_what", getter=lambda doc: [], force=True)
    try:
        _add_fails(bare_nlp, "kalinovsky_attribution", {"attributions_extension": "who_said_what"},
                   ExtensionClashError, r"'who_said_what' is already registered by this library, then replaced")
    finally:
        Doc.remove_extension("who_said_what")


def test_an_extension_name_must_be_an_identifier(bare_nlp):
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"rule_extension": "kn rule"}, ValueError,
               r"config key 'rule_extension' must name a Python identifier .* got 'kn rule'")


def test_two_config_keys_cannot_name_one_extension(bare_nlp):
    _add_fails(bare_nlp, "kalinovsky_metadiscourse", {"voice_extension": "kn_rule"}, ValueError,
               r"the config keys 'voice_extension', 'rule_extension' all name the extension 'kn_rule'")


def test_our_own_extensions_are_reused_when_the_component_is_added_again():
    docs = []
    for _ in range(2):
        nlp = spacy.load(resolve_model())
        nlp.add_pipe("kalinovsky_metadiscourse", config={"spans_key": "weather", "epistemic_extension": "sure_not"})
        docs.append(nlp("The storm might reach the coast by Friday."))
    for doc in docs:
        assert [(s.text, s._.sure_not, s._.kn_voice) for s in doc.spans["weather"]] == [("might", True, "author")]


def test_default_extension_names_taken_by_another_library_in_a_fresh_process():
    """The defaults are kn_*: a library that registered kn_voice first gets a clear error, and a renamed extension
    makes the component work beside it."""
    code = f"""
        import json
        import spacy
        from spacy.tokens import Span
        Span.set_extension("kn_voice", default="active")  # another library's meaning of "voice"
        nlp = spacy.load({resolve_model()!r})
        try:
            nlp.add_pipe("kalinovsky_metadiscourse")
        except ValueError as err:
            message = str(err)
        nlp.add_pipe("kalinovsky_metadiscourse", config={{"voice_extension": "stance_voice"}})
        doc = nlp("Analysts say the harvest will probably improve.")
        print(json.dumps({{"error": message, "markers": [[s.text, s._.stance_voice, s._.kn_voice]
                                                         for s in doc.spans["kn_markers"]]}}))
    """
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["error"].startswith("Span extension 'kn_voice' is already registered by another library")
    assert "config key 'voice_extension'" in data["error"]
    assert data["markers"] == [["Analysts", "author", "active"], ["probably", "attributed", "active"]]
