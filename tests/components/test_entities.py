"""Canonical entities: aliases, metonymy, demonyms, titles, short forms, acronyms, labels."""

from __future__ import annotations


def _mentions(nlp, text):
    return nlp(text)._.kn_entity_mentions


def _by_surface(mentions):
    return {m["text"]: m for m in mentions}


def test_aliases_share_one_canonical_entity(nlp):
    ms = _mentions(nlp, "The U.S. and the United States are one country; the USSR was the Soviet Union.")
    names = [m["canonical"] for m in ms]
    assert names.count("United States") == 2
    assert names.count("Soviet Union") == 2


def test_capital_metonymy_is_decided_by_the_parse(nlp):
    ms = _by_surface(_mentions(nlp, "Beijing decided to arm the group."))
    assert ms["Beijing"]["canonical"] == "China" and ms["Beijing"]["metonymy"]
    ms = _by_surface(_mentions(nlp, "China hosted peace talks in Beijing."))
    assert ms["Beijing"]["canonical"] == "Beijing" and not ms["Beijing"]["metonymy"]
    ms = _by_surface(_mentions(nlp, "Relations with Washington worsened."))
    assert ms["Washington"]["canonical"] == "United States"


def test_demonyms_are_linked_but_counted_apart(nlp):
    ms = _mentions(nlp, "French officials met American diplomats.")
    french = next(m for m in ms if m["text"] == "French")
    assert french["canonical"] == "French" and french["label"] == "NORP" and french["demonym_of"] == "France"


def test_names_inside_hyphenated_tokens(nlp):
    text = "The U.S.-led invasion and post-Soviet states."
    ms = _mentions(nlp, text)
    us = next(m for m in ms if m["canonical"] == "United States")
    assert text[us["start"] : us["end"]] == "U.S."
    assert any(m["canonical"] == "Soviet" for m in ms)


def test_titles_are_stripped_and_short_forms_resolved(nlp):
    ms = _mentions(nlp, "U.S. Rep. John Keller spoke first. Later, Keller repeated the charge.")
    people = [m["canonical"] for m in ms if m["label"] == "PERSON"]
    assert people == ["John Keller", "John Keller"]
    ms = _mentions(nlp, "Chinese President Xi invited the delegation.")
    assert any(m["canonical"] == "Xi Jinping" for m in ms)


def test_unknown_entities_get_canonical_forms_in_another_domain(nlp):
    text = ("Mayor Helena Varga opened the tram line in Szeged on Monday. Critics of Varga called the line "
            "a vanity project, but Varga said the city council had approved it.")
    ms = _mentions(nlp, text)
    vargas = [m for m in ms if "Varga" in m["text"]]
    assert len(vargas) == 3
    assert {m["canonical"] for m in vargas} == {"Helena Varga"}
    assert {m["label"] for m in vargas} == {"PERSON"}


def test_acronym_defined_in_the_text(nlp):
    text = "The Collective Security Treaty Organization (CSTO) met. The CSTO then issued a statement."
    ms = _mentions(nlp, text)
    assert {m["canonical"] for m in ms if "CSTO" in m["text"]} == {"Collective Security Treaty Organization"}
    text = "The Mekong River Commission (MRC) met in Vientiane. The MRC approved the plan."
    ms = _mentions(nlp, text)
    assert {m["canonical"] for m in ms if m["text"] == "MRC"} == {"Mekong River Commission"}


def test_acronym_definition_may_follow_after_white_space(nlp):
    # CLIF is not the initials of the name: only the parenthesis defines it
    defined = _mentions(nlp, "The Caspian Littoral Forum\n(CLIF) met in Baku. The CLIF then issued a statement.")
    assert {m["canonical"] for m in defined if m["text"] == "CLIF"} == {"Caspian Littoral Forum"}
    undefined = _mentions(nlp, "The Caspian Littoral Forum met in Baku. The CLIF then issued a statement.")
    assert {m["canonical"] for m in undefined if m["text"] == "CLIF"} == {"CLIF"}


def test_headline_artefact_does_not_become_a_person(nlp):
    ms = _mentions(nlp, "Iran Gambles in Iraq Again")
    assert all(m["label"] != "PERSON" for m in ms)
    assert any(m["canonical"] == "Iran" for m in ms)


def test_spans_carry_label_and_canonical_kb_id(nlp):
    doc = nlp("Gorbachev addressed the United Nations.")
    spans = {(s.text, s.label_, s.kb_id_) for s in doc.spans["kn_entities"]}
    assert ("Gorbachev", "PERSON", "Mikhail Gorbachev") in spans
    assert ("United Nations", "ORG", "United Nations") in spans


def test_initialism_the_model_misses_is_linked_to_the_longer_name(nlp):
    """The model tags no entity on "RWA" and the alias table does not know it; the initials of a longer name in the
    same document make it an alias. Other initials ("RWB") are not linked to it."""
    doc = nlp("The Regional Water Authority raised prices. Critics of RWA were loud.")
    assert "RWA" not in {e.text for e in doc.ents}
    found = _by_surface(doc._.kn_entity_mentions)
    assert found["RWA"]["canonical"] == "Regional Water Authority"
    assert found["RWA"]["kind"] == "alias"
    other = _by_surface(_mentions(nlp, "The Regional Water Authority raised prices. Critics of RWB were loud."))
    assert other.get("RWB", {}).get("canonical") != "Regional Water Authority"


def test_mention_texts_and_offsets_match_the_text_whatever_the_white_space(nlp):
    """The component rebuilds the Doc's text from its arrays; offsets must hold with runs of spaces, tabs, line
    breaks and names inside hyphenated words."""
    text = "  The NATO  envoys met\tFrench officials.\n\nIn  Beijing, the U.S.-led talks  stalled.  \n"
    doc = nlp(text)
    mentions = doc._.kn_entity_mentions
    assert {m["text"] for m in mentions} >= {"NATO", "French", "Beijing", "U.S."}
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]
