"""Minimal pairs for every context rule of the metadiscourse tagger (CheckList-style: same frame, one change).

Each case: a sentence, the cue, and the expected category of the marker on that cue (None: no marker).
"""

from __future__ import annotations

import pytest

CASES = [
    # modal_tag: may / might as modals, not the month or the noun
    ("modal_tag", "They may be right.", "may", "hedge"),
    ("modal_tag", "The article appeared on May 08, 2019.", "May", None),
    ("modal_tag", "The rebels might attack the city.", "might", "hedge"),
    ("modal_tag", "He pushed with all his might.", "might", None),
    ("modal_tag", "Some visitors may find the climb hard.", "may", "hedge"),
    ("modal_tag", "Each guest may bring one pet.", "may", None),
    ("modal_tag", "If the tide may turn, the crew waits.", "may", None),  # inside a condition: the condition is the cue
    # modal_could: possibility vs past ability / backshift
    ("modal_could", "The policy could still backfire.", "could", "hedge"),
    ("modal_could", "As a child she could swim across the bay.", "could", None),
    ("modal_could", "The island could be a more tempting destination.", "could", "hedge"),
    ("modal_could", "He could not find the key.", "could", None),
    ("modal_could", "They hoped that they could leave behind a stable government.", "could", None),
    ("modal_could", "The engineers hoped that the dam could hold.", "could", None),
    ("modal_could", "The founders' hope was that the club could survive.", "could", None),
    ("modal_could", "Even if the players could be reconciled, the league would fold.", "could", None),
    # modal_can: general possibility with a non-agentive verb vs ability/permission
    ("modal_can", "Support for a belligerent can lead to a longer war.", "can", "hedge"),
    ("modal_can", "Swimmers can enter the lagoon only at low tide.", "can", None),
    ("modal_can", "The tripod can hold heavy cameras.", "can", None),
    ("modal_can", "Smoking can cause cancer.", "can", "hedge"),  # dynamic: a hedge, not epistemic
    ("modal_can", "It ca n't be true.", "ca", None),
    # modal_would: only on epistemic verbs
    ("modal_would", "This would seem to confirm the report.", "would", "hedge"),
    ("modal_would", "Targeting soldiers would be an unnecessary escalation.", "would", None),
    ("modal_would", "The mayor promised that the roadworks would soon end.", "would", None),
    ("modal_would", "You'd think the sequel is weaker.", "'d", "hedge"),
    ("modal_would", "Closing the bridge would add an hour to every commute.", "would", None),
    # modal_should: expectation vs obligation
    ("modal_should", "The battery should last a full day.", "should", "hedge"),
    ("modal_should", "Drivers should keep to the left.", "should", None),
    ("modal_should", "The club should be pushed out of the league.", "should", None),
    ("modal_should", "I should not be so dismissive.", "should", None),
    # modal_must: epistemic must (booster) vs deontic
    ("modal_must", "The letter must have been written before 1900.", "must", "booster"),
    ("modal_must", "We must act now.", "must", None),
    # adjective: adjective use only
    ("adjective", "There is plausible evidence that the firm hid its losses.", "plausible", "hedge"),
    ("adjective", "The veracity of this intelligence is questionable.", "questionable", "hedge"),
    ("adjective", "The alleged forger was released on bail.", "alleged", "hedge"),
    ("adjective", "Workers are striking for higher pay.", "striking", None),
    # noun: evaluative nouns, not verb homographs
    ("noun", "The launch of the app was a fiasco.", "fiasco", "attitude"),
    ("noun", "They mistake the copy for the original.", "mistake", None),
    # possible: likelihood vs enablement
    ("possible", "A peace deal is possible this year.", "possible", "hedge"),
    ("possible", "Their support made the agreement possible.", "possible", None),
    ("possible", "Reply as soon as possible.", "possible", None),
    ("possible", "The highest possible grade is an A.", "possible", None),
    ("possible", "It was not possible to book a table.", "possible", None),
    # ... the object's complement even when the parser hangs "possible" on the object's last noun
    ("possible", "Cheap loans made the purchase of a house possible for many families.", "possible", None),
    ("possible", "New sensors are making cheaper tests of the water possible in remote villages.", "possible", None),
    # ... and a "make" earlier in the sentence is no reason to reject a likelihood
    ("possible", "The committee made several changes, and a second vote is possible.", "possible", "hedge"),
    # epistemic_subject: first person or generic vs third person / think about
    ("epistemic_subject", "I think the claims are exaggerated.", "think", "hedge"),
    ("epistemic_subject", "I often think about the war.", "think", None),
    ("epistemic_subject", "Local officials think they are practising realism.", "think", None),
    ("epistemic_subject", "Many of us feel the policy has failed, and we feel it keenly.", "feel", None),
    ("epistemic_subject", "One feels that the policy has failed.", "feels", "hedge"),
    ("epistemic_subject", "U.S. politicians may feel betrayed.", "feel", None),
    ("epistemic_subject", "We believe that the figures are too low.", "believe", "hedge"),
    ("epistemic_subject", "Many villagers believe in ghosts.", "believe", None),
    ("epistemic_subject", "I expect the shop will close early.", "expect", "hedge"),
    # ... and a belief held by an indefinite crowd (attributed_belief), not by a group one can point to
    ("epistemic_subject", "Some historians believe the map is a forgery.", "believe", "hedge"),
    ("epistemic_subject", "Proponents believe the tax will pay for itself.", "believe", "hedge"),
    ("epistemic_subject", "The museum's curators believe the map is a forgery.", "believe", None),
    ("epistemic_subject", "I expect more from a hotel at this price.", "expect", None),
    # appear_raising: raising appear vs appear = show up
    ("appear_raising", "The officials appear to have decided against it.", "appear", "hedge"),
    ("appear_raising", "She appeared in three films.", "appeared", None),
    ("appear_raising", "It appears that the deal has collapsed.", "appears", "hedge"),
    ("appear_raising", "The singer appeared in a soap opera and released a single.", "appeared", None),
    ("appear_raising", "The actors appear wearing masks.", "appear", None),
    # evidential_clause: suggest / indicate with a clausal complement and non-human subject
    ("evidential_clause", "My research indicates that few fighters joined the group.", "indicates", "hedge"),
    ("evidential_clause", "The evidence suggests that the report is wrong.", "suggests", "hedge"),
    ("evidential_clause", "He suggested a walk along the river.", "suggested", None),
    ("evidential_clause", "The senator suggested that the company should be fined.", "suggested", None),
    ("evidential_clause", "The manager suggested that the players rest for a week.", "suggested", None),
    # doubt_noun: doubt hedge vs no doubt / without doubt booster
    ("doubt_noun", "There is some doubt about the figures.", "doubt", "hedge"),
    ("doubt_noun", "The engineers no doubt think they are right.", "no doubt", "booster"),
    ("doubt_noun", "This is without doubt the best account.", "without doubt", "booster"),
    ("doubt_noun", "The jury was convinced beyond reasonable doubt.", "doubt", None),
    # impersonal_frame: hearsay passives
    ("impersonal_frame", "The tower is believed to date from 1200.", "is believed", "hedge"),
    ("impersonal_frame", "The tower is believed by nobody.", "is believed", None),
    ("impersonal_frame", "The novel is considered by many to be his best.", "is considered", "hedge"),
    # ... without a limit on what follows the participle: the parse finds the complement
    ("impersonal_frame", "The species is now considered extinct.", "considered", "hedge"),
    ("impersonal_frame", "The applicant was considered for the role.", "considered", None),
    ("impersonal_frame", "The mayor was accused of taking bribes.", "accused", "hedge"),
    ("impersonal_frame", "The fossil was suggested to be a new species.", "suggested", "hedge"),
    ("impersonal_frame", "The name was suggested by a pupil.", "suggested", None),
    ("impersonal_frame", "The lake is seen as a symbol of the region.", "seen", "hedge"),
    ("impersonal_frame", "The comet was seen in the night sky.", "seen", None),
    ("impersonal_frame", "The castle is said to be haunted.", "is said", "hedge"),
    ("impersonal_frame", "The outage was reported in the local press.", "reported", None),
    ("impersonal_frame", "It cannot be claimed that the bridge is safe.", "claimed", None),
    ("impersonal_frame", "The makers have since claimed that the fault was rare.", "claimed", None),
    # condition: open conditions and embedded questions, not concessive, comparative or optative "if"
    ("condition", "If the bridge closes, traffic will divert through the valley.", "If", "hedge"),
    ("condition", "Even if the bridge closes, the ferry still runs.", "if", None),
    ("condition", "He talked as if he owned the company.", "if", None),
    ("condition", "If only the orchestra had rehearsed longer.", "If", None),
    ("condition", "If so, the vaccine will ship in May.", "If", "hedge"),
    ("condition", "Unless the rain stops, the match will be abandoned.", "Unless", "hedge"),
    ("condition", "Pack a sweater in case the evening turns cold.", "in case", "hedge"),
    ("condition", "She specialises in case law.", "in case", None),
    ("condition", "The committee will decide whether the museum reopens.", "whether", "hedge"),
    ("condition", "I cannot decide whether or not to answer the call.", "whether or not", "hedge"),
    ("condition", "Whether or not you like jazz, the album is worth a listen.", "Whether or not", None),
    ("condition", "The town has a lively, if small, market.", "if", None),
    ("condition", "Two triangles are congruent if and only if their sides are equal.", "if", None),
    # weasel_quantifier: vague sources
    ("weasel_quantifier", "Some commentators argue that the policy failed.", "Some", "hedge"),
    ("weasel_quantifier", "Some soldiers died in the attack.", "Some", None),
    ("weasel_quantifier", "Critics have argued that the film glorifies violence.", "Critics", "hedge"),
    ("weasel_quantifier", "The critics of the film met in Cannes.", "critics", None),
    # before_quantity: approximators before numbers only
    ("before_quantity", "About 200 fighters joined the group.", "About", "hedge"),
    ("before_quantity", "The report is about the harbour.", "about", None),
    ("before_quantity", "Around 3,000 people marched.", "Around", "hedge"),
    ("before_quantity", "They walked around the lake.", "around", None),
    ("before_quantity", "An estimated 3.4 million tourists visited the region.", "An estimated", "hedge"),
    # downtoner: quite / rather before adjectives
    ("downtoner", "Public support has been quite limited.", "quite", "hedge"),
    ("downtoner", "That is quite clear.", "quite", "booster"),
    ("downtoner", "He chose the train rather than the plane.", "rather", None),
    ("downtoner", "The results were rather disappointing.", "rather", "hedge"),
    ("downtoner", "Rather, the board is pursuing stability.", "Rather", None),
    # if_anything: corrective downtoner, not a condition on "anything"
    ("if_anything", "If anything, the sequel is better than the original.", "If anything", "hedge"),
    ("if_anything", "If anything goes wrong, the warranty covers it.", "If anything", None),
    ("condition", "If anything goes wrong, the warranty covers it.", "If", "hedge"),
    # kind_of: downtoner vs noun
    ("kind_of", "The ending was kind of boring.", "kind of", "hedge"),
    ("kind_of", "This kind of thinking says more about the critics.", "kind of", None),
    # a_bit: downtoner before adjective vs quantity noun phrase
    ("a_bit", "The autofocus is a bit slow in low light.", "a bit", "hedge"),
    ("a_bit", "She adopted a little girl.", "a little", None),
    # generality: generalising adverbs vs connectives
    ("generality", "The reforms were largely symbolic.", "largely", "hedge"),
    ("generality", "More broadly, the board fears instability.", "broadly", None),
    # certainty_adjective: predicative certainty vs certain = some
    ("certainty_adjective", "It is clear that the talks failed.", "It is clear that", "booster"),
    ("certainty_adjective", "I am certain of it.", "certain", "booster"),
    ("certainty_adjective", "Certain species survive the winter.", "Certain", None),
    # negation flips boosters into hedges
    ("negated_booster", "It is not clear whether the talks will resume.", "clear", "hedge"),
    ("negated_booster", "This is clearly not the outcome they hoped for.", "clearly", "booster"),
    # attitude_adverb: sentence adverbs vs degree use
    ("attitude_adverb", "Paradoxically, the aid made things worse.", "Paradoxically", "attitude"),
    ("attitude_adverb", "Prices were significantly higher.", "significantly", None),
    # first_person: pronoun vs numeral
    ("first_person", "I rejected the claims.", "I", "self_mention"),
    ("first_person", "He fought in World War I.", "I", None),
    # first_person_plural: exclusive (self-mention) vs inclusive (engagement)
    ("first_person_plural", "In this paper we examine the archive.", "we", "self_mention"),
    ("first_person_plural", "We must remember the cost of the war.", "We", "engagement"),
    ("first_person_plural", "The US economy grew.", "US", None),
    # reader_pronoun
    ("reader_pronoun", "You may wonder why the board cares.", "You", "engagement"),
    ("reader_pronoun", "The You Tube channel grew.", "You", None),
    # imperative directives
    ("imperative", "Consider the case of Iceland.", "Consider", "engagement"),
    ("imperative", "The officials consider the case closed.", "consider", None),
]


def _category(markers, cue: str):
    for category, _sub, text, _voice in markers:
        if text.lower() == cue.lower():
            return category
    return None


@pytest.mark.parametrize("rule,sentence,cue,expected", CASES, ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_minimal_pair(markers_of, rule, sentence, cue, expected):
    assert _category(markers_of(sentence), cue) == expected


def test_every_rule_has_an_accept_and_a_reject_case():
    """Every context rule (those the lexicon names and any other registered one) has at least one case where it keeps
    the marker and one where it does not, so that a rule which accepts or rejects everything fails here."""
    from kalinovsky_nlp.components.metadiscourse import load_lexicon
    from kalinovsky_nlp.components.rules import RULES

    used = {e.rule for e in load_lexicon() if e.rule != "-"}
    assert used <= set(RULES)
    accepted = {c[0] for c in CASES if c[3] is not None}
    rejected = {c[0] for c in CASES if c[3] is None}
    rules = set(RULES) | used
    assert not rules - accepted, f"rules without an accept case: {sorted(rules - accepted)}"
    assert not rules - rejected, f"rules without a reject case: {sorted(rules - rejected)}"


def test_unknown_rule_name_is_a_clear_error():
    from kalinovsky_nlp.components.rules import apply_rule

    with pytest.raises(ValueError, match="unknown context rule"):
        apply_rule("no_such_rule", None)
