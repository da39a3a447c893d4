"""Claims read from a parsed Doc: certainty, holder, time frame, arguments, stance links. Minimal pairs for every
rule, on sentences about many subjects."""

from __future__ import annotations

import datetime

import pytest

from kalinovsky_nlp.components.claims import derivational_base
from kalinovsky_nlp.corpus import Document
from kalinovsky_nlp.profile import profile_document


def claims(nlp, text, author=None, aliases=None):
    metadata = {"author_aliases": aliases} if aliases else {}
    document = Document(id="t", date=datetime.date(2020, 1, 1), text=text, author=author, metadata=metadata)
    return profile_document(document, nlp(text)).claims


def claim_with(found, word):
    """The claim whose text contains a word."""
    return next(c for c in found if word in c.text)


CERTAINTY = [
    # plain assertion, modal possibility, probability, certainty cue
    ("The company closes the plant.", "closes", "CT+", "author"),
    ("The company may close the plant.", "close", "PS+", "author"),
    ("Perhaps the company closes the plant.", "closes", "PS+", "author"),
    ("The company probably closes the plant.", "closes", "PR+", "author"),
    ("The company seems to close the plant.", "close", "PR+", "author"),
    ("It seems that the company closes the plant.", "closes", "PR+", "author"),
    ("It is clear that the company closes the plant.", "closes", "CT+", "author"),
    ("The company clearly closes the plant.", "closes", "CT+", "author"),
    ("The company almost certainly closes the plant.", "closes", "PR+", "author"),
    # negation and negative cues; two negatives cancel
    ("The company does not close the plant.", "close", "CT-", "author"),
    ("The company may not close the plant.", "close", "PS-", "author"),
    ("It is unlikely that the company closes the plant.", "closes", "PR-", "author"),
    ("The team hardly needs encouragement.", "needs", "CT-", "author"),
    ("Hardly a day passes without a new scandal.", "passes", "CT+", "author"),
    ("No one has offered any proof.", "offered", "CT-", "author"),
    ("The city failed to repair the bridge.", "repair", "CT-", "author"),
    ("The city managed to repair the bridge.", "repair", "CT+", "author"),
    # a belief adjective frames its clause: the author's own commitment, or someone else's view reported
    ("I am sure that the bridge will open in May.", "open", "CT+", "author"),
    ("I am confident that the bridge will open in May.", "open", "PR+", "author"),
    ("I am not sure that the bridge will open in May.", "open", "Uu", "author"),
    ("I am sure that the bridge will not open in May.", "open", "CT-", "author"),
    ("We are doubtful that the bridge will open in May.", "open", "PS-", "author"),
    ("The engineers are confident that the bridge will open in May.", "open", "Uu", "reported"),
    ("The engineers are proud that the bridge will open in May.", "open", "CT+", "author"),
    # "should have done": an obligation not met, so it did not happen; an epistemic "should have" is a hedge
    ("The city should have built the bridge decades ago.", "built", "CT-", "author"),
    ("The city built the bridge decades ago.", "built", "CT+", "author"),
    ("The parcel should have arrived by now.", "arrived", "PR+", "author"),
    # "nor" and "neither" negate the clause they introduce; "if anything" is no condition
    ("Nor is the ferry a success.", "ferry", "CT-", "author"),
    ("And the ferry is a success.", "ferry", "CT+", "author"),
    ("The council neither approved nor rejected the plan.", "rejected", "CT-", "author"),
    ("The council approved and rejected the plan.", "rejected", "CT+", "author"),
    ("Neither the mayor nor the council approved the plan.", "approved", "CT-", "author"),
    ("If anything, the ferry is a success.", "success", "CT+", "author"),
    ("If the weather holds, the ferry is a success.", "ferry is", "PS+", "author"),
    # a hedge adjective modifying a participant hedges that noun, not the clause; on the predicate noun it hedges
    ("The council will weigh the likely costs of the tram line.", "weigh", "CT+", "author"),
    ("The council approved a possible extension of the tram line.", "approved", "CT+", "author"),
    ("The tram line is a likely success.", "success", "PR+", "author"),
    ("There is plausible evidence that the council diverted the funds.", "diverted", "PR+", "author"),
    ("The tram line will possibly open in May.", "open", "PS+", "author"),
    # approximators do not lower certainty
    ("About 200 workers joined the union.", "joined", "CT+", "author"),
    # conditions and questions
    ("If the rain continues, the river will flood the town.", "flood", "PS+", "author"),
    ("Will the river flood the town?", "flood", "Uu", "author"),
    # a case singled out, or conceded, leaves the main clause unconditional; "only if" limits it
    ("Rents will rise, particularly if the harvest fails.", "rise", "CT+", "author"),
    ("Rents will rise even if the harvest is good.", "rise", "CT+", "author"),
    ("Rents will rise only if the harvest fails.", "rise", "PS+", "author"),
    # conditional participles open a condition like "if"; "given that" presupposes and leaves the clause as it is
    ("Rents will rise, provided that the harvest fails.", "rise", "PS+", "author"),
    ("Rents will rise, assuming that the harvest fails.", "rise", "PS+", "author"),
    ("Given that the harvest failed, rents will rise.", "rise", "CT+", "author"),
    # epistemic frames lend their cues to the clause they frame
    ("There is plausible evidence that the drug reduces pain.", "reduces", "PR+", "author"),
    ("It is hard to imagine that the reform will pass.", "pass", "PR-", "author"),
    ("It is easy to see that the reform will pass.", "pass", "PR+", "author"),
    ("My research indicates that the tax raised prices.", "raised", "PR+", "author"),
    # a time clause of a future main clause is supposed, not asserted; of a past one, asserted
    ("The city will reopen the bridge once the repairs are finished.", "finished", "Uu", "author"),
    ("The city reopened the bridge once the repairs were finished.", "finished", "CT+", "author"),
    ("The board will raise fares when ridership has recovered.", "recovered", "Uu", "author"),
    ("The plant will reopen now that the strike ended last week.", "ended", "CT+", "author"),
    ("The plant will reopen soon after the strike ended last week.", "ended", "CT+", "author"),
    # evidence sought or awaited is not evidence had: its content is not asserted
    ("Investigators found evidence that the mayor took bribes.", "took", "PR+", "author"),
    ("Investigators are seeking evidence that the mayor took bribes.", "took", "Uu", "author"),
    ("The agency is watching prices for signs that inflation is rising.", "rising", "Uu", "author"),
    ("I think that the tax raised prices.", "raised", "PR+", "author"),
    # the author's view is a belief (as "in my view"); judging is a judgement
    ("I reaffirmed my view that the tax will raise prices.", "raise", "PR+", "author"),
    ("I judge that the tax will raise prices.", "raise", "CT+", "author"),
    # attribution: neutral and distancing reports leave the author uncommitted, factive ones commit him
    ("Officials claim that the dam is leaking.", "leaking", "Uu", "reported"),
    ("Officials say that the dam is leaking.", "leaking", "Uu", "reported"),
    ("Engineers think that the dam is leaking.", "leaking", "Uu", "reported"),
    ("Officials acknowledged that the dam is leaking.", "leaking", "CT+", "reported"),
    # a factive report vouches for its content as stated: a modal in it stays
    ("Officials acknowledged that the dam might be leaking.", "leaking", "PS+", "reported"),
    ("Officials acknowledged that the dam is probably leaking.", "leaking", "PR+", "reported"),
    # an agentless expectation is the writer's own hedged prediction; an agentless report is others' words
    ("Inflation is expected to rise next year.", "rise", "PR+", "author"),
    ("Ticket prices are projected to fall in the spring.", "fall", "PR+", "author"),
    ("The minister is said to favour the plan.", "favour", "Uu", "reported"),
    ("The bridge is alleged to be unsafe.", "unsafe", "Uu", "reported"),
    # a hedge in a relative clause does not scope over the main claim
    ("The museum, which may reopen soon, owns the painting.", "owns", "CT+", "author"),
]


@pytest.mark.parametrize("text,word,certainty,voice", CERTAINTY, ids=[c[0][:50] for c in CERTAINTY])
def test_certainty_minimal_pairs(nlp, text, word, certainty, voice):
    claim = claim_with(claims(nlp, text), word)
    assert (claim.certainty, claim.voice) == (certainty, voice)


@pytest.mark.parametrize("text,holder_certainty", [
    # the holder commits to the content as stated: a hedge in the reported clause is the holder's
    ("Officials say that the dam could be leaking.", "PS+"),
    ("Officials said the dam is probably leaking.", "PR+"),
    ("Officials say that the dam is leaking.", "CT+"),
    ("Officials deny that the dam could be leaking.", "PS-"),
])
def test_the_holder_of_reported_content_commits_to_it_as_stated(nlp, text, holder_certainty):
    claim = claim_with(claims(nlp, text), "leaking")
    assert [(s.holder, s.certainty) for s in claim.sources] == [(None, "Uu"), ("Officials", holder_certainty)]


def test_reported_content_keeps_the_holder_and_nested_sources(nlp):
    claim = claim_with(claims(nlp, "Senior officials accused the mayor of taking bribes."), "taking")
    assert claim.voice == "reported" and claim.holder == "Senior officials"
    assert [(s.holder, s.certainty) for s in claim.sources] == [(None, "Uu"), ("Senior officials", "CT+")]
    denied = claim_with(claims(nlp, "The ministry has always denied the payments to the contractor."), "payments")
    assert denied.voice == "reported" and denied.sources[-1].certainty.endswith("-")


@pytest.mark.parametrize(
    "author,aliases,voice,certainty",
    [
        ("Federal Reserve Board", None, "author", "PR+"),  # "the Board" is the author's head noun
        ("Acme Holdings Ltd", ["the Board"], "author", "PR+"),  # an alias given by the user
        ("City Council", None, "reported", "Uu"),  # someone else's board
    ],
)
def test_an_institution_speaking_of_itself_is_the_author(nlp, author, aliases, voice, certainty):
    found = claims(nlp, "The Board expects that inflation will fall next year.", author=author, aliases=aliases)
    claim = claim_with(found, "fall")
    assert (claim.voice, claim.certainty) == (voice, certainty)


@pytest.mark.parametrize("text,certainty", [
    # the author's own frame keeps the cues of what it frames: the content is the author's, as stated
    ("The Board recognizes that higher rents could slow hiring.", "PS+"),
    ("The Board recognizes that higher rents are slowing hiring.", "CT+"),
    ("The Board expects that higher rents will probably slow hiring.", "PR+"),
])
def test_the_authors_own_frame_keeps_the_cues_of_its_content(nlp, text, certainty):
    claim = claim_with(claims(nlp, text, author="Federal Reserve Board"), "slow")
    assert (claim.voice, claim.certainty) == ("author", certainty)


def test_the_authors_own_decisions_are_present_commitments(nlp):
    found = claims(nlp, "The Board decided today to raise the interest rate.", author="Federal Reserve Board")
    claim = claim_with(found, "raise")
    assert (claim.voice, claim.certainty, claim.time_frame) == ("author", "CT+", "present")
    assert any(a.key == "author" and a.role == "subject" for a in claim.arguments)


@pytest.mark.parametrize(
    "text,word,frame",
    [
        ("The factory produces steel.", "produces", "present"),
        ("The factory produced steel in 1978.", "produced", "past"),
        ("The factory will produce steel.", "produce", "future"),
        ("The factory would produce steel.", "produce", "hypothetical"),
        ("As often happens with new plants, the factory produces little steel.", "produces", "generic"),
        # an infinitive after a verb of expectation speaks of a later time; a that-clause keeps its tense
        ("The council expects rents to fall.", "fall", "future"),
        ("Ticket sales are projected to slow.", "slow", "future"),
        ("The council expects that rents fell.", "fell", "past"),
        ("The council wants rents to fall.", "fall", "present"),
        ("The ferry seems to run late.", "run", "present"),
        # an adverbial participle speaks of the time of the clause it hangs on
        ("Rents will rise, pushing families out of the centre.", "pushing", "future"),
        ("Rents rose, pushing families out of the centre.", "pushing", "past"),
        ("Rents are rising, pushing families out of the centre.", "pushing", "present"),
        ("Sales will grow, with exports continuing to expand.", "expand", "future"),
        ("Sales grew last year, with exports falling.", "falling", "past"),
        # a participle that modifies a noun keeps its own reading
        ("The council will study the families leaving the centre.", "leaving", "present"),
    ],
)
def test_time_frames(nlp, text, word, frame):
    assert claim_with(claims(nlp, text), word).time_frame == frame


def test_historical_anchor_is_the_earliest_year_of_the_clause(nlp):
    claim = claim_with(claims(nlp, "During the 1990s, the army fought the rebels."), "fought")
    assert claim.time_frame == "past" and claim.anchor_year == 1990


def test_demonyms_agent_nouns_and_definite_descriptions_resolve_to_entities(nlp):
    found = claims(nlp, "Hezbollah met in Beirut. The Iranian government sent arms to the group.")
    claim = claim_with(found, "sent")
    assert {a.entity for a in claim.arguments if a.entity} == {"Iran", "Hezbollah"}
    assert claim.gist == "Iran sends arms to Hezbollah"


def test_possessors_of_non_event_nouns_are_not_participants(nlp):
    """*Hezbollah's enemies* are not Hezbollah; *Turkish support* is Turkey's support."""
    enemies = claim_with(claims(nlp, "Ankara supported Hezbollah's enemies."), "supported")
    assert "Hezbollah" not in {a.entity for a in enemies.arguments}
    support = claim_with(claims(nlp, "Turkish support to Hezbollah has been limited."), "limited")
    assert {a.entity for a in support.arguments} >= {"Turkey", "Hezbollah"}


@pytest.mark.parametrize(
    "noun,verb",
    [("supplier", "supply"), ("supplies", "supply"), ("decision", "decide"), ("engagement", "engage"),
     ("cooperation", "cooperate"), ("withdrawal", "withdraw"), ("arm", "arm"), ("table", "table")],
)
def test_derivational_base(noun, verb):
    assert derivational_base(noun) == verb


def test_shell_noun_and_stance_predicate_set_the_authors_commitment(nlp):
    text = ("Critics claimed that the mayor took bribes. My first reaction was to be skeptical of these claims. "
            "But today, perhaps, I should not be so dismissive.")
    found = claims(nlp, text)
    bribes = claim_with(found, "took bribes")
    skeptical = claim_with(found, "skeptical")
    dismissive = claim_with(found, "dismissive")
    assert skeptical.stance is not None and skeptical.stance.target == bribes.index
    assert (skeptical.stance.certainty, skeptical.stance.time_frame) == ("PS-", "past")
    assert dismissive.stance is not None and dismissive.stance.target == bribes.index
    assert dismissive.stance.certainty == "PS+"  # a negated rejection, hedged: possibly true


def test_no_stance_link_without_a_shell_noun_or_stance_predicate(nlp):
    found = claims(nlp, "Critics claimed that the mayor took bribes. The weather was cold in the spring.")
    assert all(c.stance is None for c in found)


def test_a_stance_of_someone_else_is_not_the_authors(nlp):
    found = claims(nlp, "Critics claimed that the mayor took bribes. The lawyers were skeptical of these claims.")
    assert all(c.stance is None for c in found)


def test_truth_nouns_and_comparatives(nlp):
    text = ("The newspaper reported rumours about a secret deal between the two parties. The veracity of this "
            "report is questionable. The more recent rumour, concerning a secret deal, seems less credible.")
    found = claims(nlp, text)
    links = [c.stance for c in found if c.stance is not None]
    assert [link.certainty for link in links] == ["PS-", "PS-"]
    deal = found[links[0].target]
    assert "deal" in deal.text


def test_holder_stance(nlp):
    found = claims(nlp, "Engineers think the bridge is safe. They may be right.")
    right = claim_with(found, "right")
    assert right.stance is not None and found[right.stance.target].text.startswith("the bridge")
    assert right.stance.certainty == "PS+"


GERUND_SUBJECTS = [
    # after "in", "by", "after": the gerund's implicit subject is the subject of the verb it modifies
    ("In deciding how long to keep the school open, the council will consult the parents.", "keep", "np:council"),
    ("By cutting the budget, the mayor angered the unions.", "cutting", "np:mayor"),
    # after "of", "from", "for": the object of that verb
    ("The union accused the mayor of cutting the budget.", "cutting", "np:mayor"),
    ("The court kept the company from selling the land.", "selling", "np:company"),
]


@pytest.mark.parametrize("text,word,subject", GERUND_SUBJECTS, ids=[g[0][:50] for g in GERUND_SUBJECTS])
def test_implicit_subject_of_a_gerund_after_a_preposition(nlp, text, word, subject):
    claim = claim_with(claims(nlp, text), word)
    assert next(a.key for a in claim.arguments if a.role == "subject") == subject


PRONOUN_SUBJECTS = [
    # a referring "it" stands for its antecedent; an "it" that anticipates a clause does not
    ("The ferry was late again. It is a disgrace.", "disgrace", "np:ferry"),
    ("I was wrong about the ferry: it is a success.", "success", "np:ferry"),
    ("It is likely that the ferry will be late.", "late", "np:ferry"),
    ("It seems that the ferry is late.", "late", "np:ferry"),
]


@pytest.mark.parametrize("text,word,subject", PRONOUN_SUBJECTS, ids=[p[0][:50] for p in PRONOUN_SUBJECTS])
def test_referring_and_anticipatory_it(nlp, text, word, subject):
    claim = claim_with(claims(nlp, text), word)
    assert next(a.key for a in claim.arguments if a.role == "subject") == subject


def test_what_evaluates_a_pronoun_is_read_in_its_own_clause(nlp):
    found = claims(nlp, "The plan is bold. It will fail.")
    fails = claim_with(found, "fail")
    assert [a.key for a in fails.arguments] == ["np:plan"]
    assert fails.evaluations == ()  # "bold" evaluates the plan in the first sentence, not in this claim


def test_a_hyphenated_subject_split_by_the_parser_is_one_participant(nlp):
    claim = claim_with(claims(nlp, "Berlin's re-entry into the league surprised the fans."), "surprised")
    assert claim.gist.startswith("Berlin's re-entry")
    assert {a.key for a in claim.arguments if a.role == "subject"} >= {"np:entry"}
#: The claim reader's context rules, each on a word of a sentence: (rule, sentence, word, whether the rule applies).
#: Every rule has a case where it applies and one where it does not, as the metadiscourse context rules do
#: (tests/components/test_rules.py).
CLAIM_RULE_CASES = [
    # an "it" subject that anticipates a clause, or one that refers
    ("extraposing", "It is likely that the ferry will be late.", "is", True),
    ("extraposing", "It is a small ferry.", "is", False),
    # raising, implicative and negative verbs are transparent: the complement carries the claim
    ("transparent_complement", "The ferry seems to leak.", "seems", True),
    ("transparent_complement", "The crew failed to repair the ferry.", "failed", True),
    ("transparent_complement", "The crew wants to repair the ferry.", "wants", False),
    # an intention keeps its complement inside its own claim; a purpose clause too
    ("absorbed", "The crew seeks to repair the ferry.", "repair", True),
    ("absorbed", "The crew seems to repair the ferry.", "repair", False),
    # an open condition
    ("condition", "If the storm passes, the ferry will sail.", "passes", True),
    ("condition", "When the storm passed, the ferry sailed.", "passed", False),
    # "as often happens": a generic aside
    ("generic_aside", "As often happens, the ferry was late.", "happens", True),
    ("generic_aside", "As the storm grew, the ferry was late.", "grew", False),
    # "hard to imagine that X": the adjective frames the clause
    ("framing_adjective", "It is hard to imagine that the ferry will sail.", "imagine", True),
    ("framing_adjective", "It is fun to imagine that the ferry will sail.", "imagine", False),
    # "a form of insurance": the noun after a light noun
    ("light_noun", "The deal is a form of insurance.", "form", True),
    ("light_noun", "The deal is a source.", "source", False),
    # an infinitive a wh-phrase introduces is a question weighed, not a claim
    ("infinitival_question", "The board has not decided whether to close the library.", "close", True),
    ("infinitival_question", "In judging when to lift the ban, the league will consult clubs.", "lift", True),
    ("infinitival_question", "The mayor explained how long to boil the water.", "boil", True),
    ("infinitival_question", "The board decided to close the library.", "close", False),
    ("infinitival_question", "Residents asked the board to close the library.", "close", False),
]


def _claim_rule(name, token):
    from kalinovsky_nlp.components import claims as module

    if name == "extraposing":
        return module._extraposing(token)
    if name == "transparent_complement":
        return module._transparent_complement(token) is not None
    if name == "absorbed":
        return module._absorbed(token)
    if name == "condition":
        return module._is_condition(token)
    if name == "generic_aside":
        return module._generic_aside(token)
    if name == "framing_adjective":
        return module._framing_adjective(token) is not None
    if name == "light_noun":
        return module._through_light_nouns(token).i != token.i
    if name == "infinitival_question":
        return module._infinitival_question(token)
    raise KeyError(name)


@pytest.mark.parametrize("rule,sentence,word,applies", CLAIM_RULE_CASES,
                         ids=[f"{c[0]}:{c[1][:40]}" for c in CLAIM_RULE_CASES])
def test_claim_rule_minimal_pair(nlp, rule, sentence, word, applies):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert _claim_rule(rule, token) is applies


def test_every_claim_rule_has_a_case_where_it_applies_and_one_where_it_does_not():
    rules = {c[0] for c in CLAIM_RULE_CASES}
    applies = {c[0] for c in CLAIM_RULE_CASES if c[3]}
    does_not = {c[0] for c in CLAIM_RULE_CASES if not c[3]}
    assert rules == applies == does_not


@pytest.mark.parametrize(
    "text,author,predicate,subject",
    [
        # the subject of a coordinated clause continues the first clause's subject
        ("The board approved the plan that the mayor proposed, and it will fund the work.", None, "fund", "np:board"),
        # an institution that speaks of itself as "it"
        ("The Board expects that inflation will fall, and it will keep rates low.", "Federal Reserve Board", "keep",
         "author"),
        ("The Board expects that inflation will fall, and it will keep rates low.", None, "keep", "ent:Board"),
    ],
)
def test_a_subject_pronoun_of_a_coordinated_clause(nlp, text, author, predicate, subject):
    claim = next(c for c in claims(nlp, text, author=author) if c.predicate == predicate)
    assert [a.key for a in claim.arguments if a.role == "subject"] == [subject]


def test_it_does_not_stand_for_a_person(nlp):
    found = claims(nlp, "Maria Lopez praised the new library. It reopened in May.")
    assert not any(c.predicate == "reopen" and any("lopez" in a.key.lower() for a in c.arguments) for c in found)


@pytest.mark.parametrize("text", [
    "Fares will stay low, provided that ridership continues to grow.",
    "Fares will stay low if ridership continues to grow.",
    "Fares will stay low, assuming that ridership grows.",
])
def test_what_a_condition_supposes_is_not_claimed(nlp, text):
    found = claims(nlp, text)
    assert [(c.predicate, c.certainty) for c in found] == [("low", "PS+")]  # only the main clause, conditional



@pytest.mark.parametrize("text,predicate,subject", [
    # "see / regard / view X as having done": what is seen is X's doing, not the seer's
    ("The union sees the risks to the harvest as having diminished.", "diminish", "np:risk"),
    ("The critics regard the reform as having failed.", "fail", "np:reform"),
    # an ordinary prepositional gerund keeps the main clause's subject
    ("The union described the risks after having studied the harvest.", "study", "np:union"),
])
def test_the_object_of_a_complex_transitive_frame_is_the_subject_of_its_as_clause(nlp, text, predicate, subject):
    claim = next(c for c in claims(nlp, text) if c.predicate == predicate)
    assert [a.key for a in claim.arguments if a.role == "subject"] == [subject]


@pytest.mark.parametrize("text,predicate,subject,gist", [
    ("The union sees the plan as dangerous.", "dangerous", "np:plan", "Plan is dangerous"),
    ("Critics regard the reform as a failure.", "failure", "np:reform", "Reform is failure"),
])
def test_an_as_complement_is_a_claim_about_the_object_held_by_the_subject(nlp, text, predicate, subject, gist):
    claim = next(c for c in claims(nlp, text) if c.predicate == predicate)
    assert [a.key for a in claim.arguments if a.role == "subject"] == [subject]
    assert claim.gist == gist and claim.voice == "reported" and claim.certainty == "Uu"
    assert claim.evaluations and claim.evaluations[0].target == subject and claim.evaluations[0].score < 0


def test_without_an_as_complement_there_is_no_such_claim(nlp):
    assert not [c for c in claims(nlp, "The union sees the plan.") if c.predicate in ("dangerous", "plan")]


@pytest.mark.parametrize("text,author,certainty", [
    # the institution's "it" frames the content as the author's own expectation
    ("The Board recognizes that rents could rise, but it anticipates that rents will fall.", "Federal Reserve Board",
     "PR+"),
    ("The Board anticipates that rents will fall.", "Federal Reserve Board", "PR+"),
])
def test_a_pronoun_standing_for_the_author_frames_its_content(nlp, text, author, certainty):
    found = claims(nlp, text, author=author)
    fall = next(c for c in found if c.predicate == "fall")
    assert (fall.certainty, fall.voice) == (certainty, "author")
    assert not [c for c in found if c.predicate == "anticipate"]  # the frame is not a claim of its own


@pytest.mark.parametrize("text,predicate,certainty,gist", [
    # the infinitive under a raising adjective carries the claim, which the adjective hedges
    ("Rents are likely to rise next year.", "rise", "PR+", "Rents rise"),
    ("The reform is unlikely to pass.", "pass", "PR-", "Reform passes"),
    # an adjective of intention keeps its infinitive inside its own claim
    ("The minister is eager to pass the reform.", "eager", "CT+", "Minister is eager"),
])
def test_a_raising_adjective_hedges_its_complement(nlp, text, predicate, certainty, gist):
    claim = next(c for c in claims(nlp, text) if c.predicate == predicate)
    assert (claim.certainty, claim.gist) == (certainty, gist)


@pytest.mark.parametrize("text,predicate,subject", [
    # an object of the pronoun's own sentence is more salient than a subject of the sentence before
    ("The new line opened in April. I was wrong about the extension: it is a success.", "success", "np:extension"),
    # a subject of the pronoun's own sentence is more salient still
    ("The new line opened in April. The extension won an award because it is a success.", "success", "np:extension"),
    # with nothing in its own sentence, the subject of the sentence before
    ("The extension opened in April. It is a success.", "success", "np:extension"),
])
def test_a_pronoun_stands_for_the_most_salient_earlier_phrase(nlp, text, predicate, subject):
    claim = next(c for c in claims(nlp, text) if c.predicate == predicate)
    assert [a.key for a in claim.arguments if a.role == "subject"] == [subject]


def test_a_content_clause_of_a_noun_is_not_said_of_the_noun(nlp):
    content = next(c for c in claims(nlp, "There is solid evidence that the new line has cut journey times.")
                   if c.predicate == "cut")
    assert "np:evidence" not in [a.key for a in content.arguments]
    paid = next(c for c in claims(nlp, "Investigators traced the bounties paid by the agency.") if c.predicate == "pay")
    assert ("np:bounty", "object") in [(a.key, a.role) for a in paid.arguments]  # a bare participle: said of the noun


@pytest.mark.parametrize("text,absent,present", [
    # what is weighed is not claimed; the deciding, or the weighing, is
    ("The board has not decided whether to close the library.", "close", ("decide", "CT-")),
    ("In deciding how long to keep the library open, the council will consult residents.", "keep",
     ("consult", "CT+")),
    # without the wh-phrase the decision is the claim: the library closes
    ("The board decided to close the library.", None, ("close", "CT+")),
])
def test_an_infinitival_question_is_not_claimed(nlp, text, absent, present):
    found = claims(nlp, text)
    assert absent is None or not [c for c in found if c.predicate == absent]
    assert (present[0], present[1]) in [(c.predicate, c.certainty) for c in found]


@pytest.mark.parametrize("text,predicate,gist,arguments", [
    # an existential clause says something exists: no frame's subject is its subject
    ("A range of surveys suggests that there remains significant demand for housing.", "demand",
     "There remains significant demand for housing", ["np:demand", "np:house"]),
    ("The inspectors say there are too few lifeboats.", "lifeboat", "There are too few lifeboats", ["np:lifeboat"]),
    # an ordinary clause under the same frame keeps its own subject
    ("A range of surveys suggests that demand for housing remains significant.", "significant",
     "Demand remains", ["np:demand"]),
])
def test_an_existential_clause_has_no_subject(nlp, text, predicate, gist, arguments):
    claim = next(c for c in claims(nlp, text) if c.predicate == predicate)
    assert claim.gist == gist
    assert sorted(a.key for a in claim.arguments) == sorted(arguments)


@pytest.mark.parametrize("text,predicate,subject", [
    # a sentential relative speaks of the clause above it, named by that clause's subject
    ("The council raised rents again, which angered tenants.", "anger", "np:council"),
    ("The new timetable should help to make the service more reliable, which in turn should attract riders.",
     "attract", "np:timetable"),
    ("The museum closed its doors early, which surprised visitors.", "surprise", "np:museum"),
    # a relative clause of a noun speaks of the noun
    ("The council approved a budget which angered tenants.", "anger", "np:budget"),
])
def test_the_subject_of_a_sentential_relative(nlp, text, predicate, subject):
    claim = next(c for c in claims(nlp, text) if c.predicate == predicate)
    assert [a.key for a in claim.arguments if a.role == "subject"] == [subject]


@pytest.mark.parametrize("text,author,certainty,voice", [
    # "continues to expect / believe": the aspectual verb passes its subject to the frame below it
    ("The Board continues to expect that rents will fall.", "Federal Reserve Board", "PR+", "author"),
    ("I continue to believe that the bridge will open in May.", None, "PR+", "author"),
    ("The Board expects that rents will fall.", "Federal Reserve Board", "PR+", "author"),
])
def test_a_frame_under_a_verb_of_continuation_keeps_its_subject(nlp, text, author, certainty, voice):
    claim = next(c for c in claims(nlp, text, author=author) if c.predicate in ("fall", "open"))
    assert (claim.certainty, claim.voice) == (certainty, voice)
    assert claim.text.split()[0] in ("The", "I")  # the frame's words are the claim's


@pytest.mark.parametrize("text,noun,qualifiers", [
    ("The unemployment rate fell.", "rate", ("unemployment",)),
    ("The federal funds rate rose.", "rate", ("federal", "fund")),
    ("Market-based measures of inflation fell.", "measure", ("market-base",)),
    # a gradable adjective describes the thing, it does not pick it out
    ("Strong job gains continued.", "gain", ("job",)),
    ("The low rate held.", "rate", ()),
])
def test_the_qualifiers_of_a_noun_phrase_argument(nlp, text, noun, qualifiers):
    argument = next(a for c in claims(nlp, text) for a in c.arguments if a.key == "np:" + noun)
    assert argument.qualifiers == qualifiers


def test_a_measure_of_something_is_about_what_it_measures(nlp):
    claim = next(c for c in claims(nlp, "Survey-based measures of household confidence remained stable.")
                 if c.predicate == "stable")
    assert {"np:measure", "np:confidence"} <= {a.key for a in claim.arguments}


def test_an_object_pronoun_does_not_stand_for_its_own_clauses_subject(nlp):
    # "the mayor rejected it": it is not the mayor (binding: a pronoun is free in its clause)
    claim = next(c for c in claims(nlp, "The council drafted the plan, and the mayor rejected it.")
                 if c.predicate == "reject")
    assert "np:mayor" not in [a.key for a in claim.arguments if a.role == "object"]
    assert [a.key for a in claim.arguments if a.role == "subject"] == ["np:mayor"]


def test_a_belief_adjective_is_a_frame_not_a_claim_of_its_own(nlp):
    found = claims(nlp, "I am not convinced that the tram will reduce traffic.")
    assert [(c.predicate, c.certainty, c.polarity) for c in found] == [("reduce", "Uu", "positive")]
    assert found[0].cues == ("not convinced",)
    reported = claims(nlp, "The mayor is convinced that the tram will reduce traffic.")
    assert [(c.predicate, c.holder) for c in reported] == [("reduce", "The mayor")]


@pytest.mark.parametrize("text,word,gist", [
    # a copula with a prepositional complement names it once, with its modifiers
    ("Asset purchases are not on a preset course.", "course", "Asset purchases are on preset course"),
    ("The dispute is about money.", "money", "Dispute is about money"),
    # a verb's prepositional participants are still named
    ("Iran sends arms to Hezbollah.", "sends", "Iran sends arms to Hezbollah"),
    # an adverb of direction completes the verb, with its goal; other adverbs do not
    ("Political ties almost certainly go back further.", "go", "Political ties go back further"),
    ("Ticket sales will move back toward their old level.", "move", "Ticket sales move back toward their old level"),
    ("The mayor went home early.", "went", "Mayor goes"),
    # a level the subject is placed at
    ("The river rose above the flood mark.", "rose", "River rises above flood mark"),
    # a small clause is what the verb makes so
    ("The long dispute makes a settlement improbable.", "makes", "Long dispute makes settlement improbable"),
])
def test_a_proposition_is_named_by_its_complements(nlp, text, word, gist):
    assert claim_with(claims(nlp, text), word).gist == gist


@pytest.mark.parametrize("text,word,present,absent", [
    # a relational adjective names a participant as its noun would: the growth of the economy
    ("Economic growth has moderated.", "moderated", {"np:grow", "np:economy"}, set()),
    ("Industrial output fell in May.", "fell", {"np:output", "np:industry"}, set()),
    # a qualitative adjective does not
    ("Strong growth has moderated.", "moderated", {"np:grow"}, {"np:strong"}),
])
def test_a_relational_adjective_names_a_participant(nlp, text, word, present, absent):
    keys = {a.key for a in claim_with(claims(nlp, text), word).arguments}
    assert present <= keys and not keys & absent


@pytest.mark.parametrize("first,second,aligned", [
    # the economy's growth and the economy's expansion: one proposition in two wordings
    ("Economic activity has been expanding at a solid pace.", "Economic growth has moderated somewhat.", True),
    ("Industrial output has been expanding.", "Industrial growth has slowed.", True),
    # the same relational adjective and no related predicate: two propositions
    ("Economic conditions have improved.", "The economic outlook is uncertain.", False),
    # growth of another thing
    ("Economic activity has been expanding at a solid pace.", "Political activity has been expanding.", False),
])
def test_claims_about_the_thing_a_relational_adjective_names_align(nlp, first, second, aligned):
    from kalinovsky_nlp.judgement.align import align

    a = max(claims(nlp, first), key=lambda c: len(c.arguments))
    b = max(claims(nlp, second), key=lambda c: len(c.arguments))
    assert (align(a, b, 2020) is not None) is aligned


@pytest.mark.parametrize("text,predicate,subject,holder", [
    # the parser joins the second clause's subject to the phrase before it, as a conjunct ...
    ("The mayor says that the tram will run at a loss and buses will stay free.", "free", "np:bus", "The mayor"),
    # ... or as the head of one phrase with the first conjunct as its modifier
    ("The agency expects that exports will grow at a moderate pace and factory orders will continue to strengthen.",
     "strengthen", "np:order", "The agency"),
])
def test_a_subject_the_parser_joined_to_the_phrase_before_is_the_clauses_subject(nlp, text, predicate, subject,
                                                                                 holder):
    found = claims(nlp, text)
    second = next(c for c in found if c.predicate == predicate)
    assert [a.key for a in second.arguments if a.role == "subject"] == [subject]
    assert (second.voice, second.holder) == ("reported", holder)  # reported by the same cue as the first clause
    first = found[0]
    assert subject not in {a.key for a in first.arguments}  # no longer a participant of the first clause


def test_a_verb_coordinated_with_another_keeps_the_shared_subject(nlp):
    found = claims(nlp, "The chef bought apples and pears and will bake them.")
    assert not [c for c in found if any(a.key == "np:pear" and a.role == "subject" for a in c.arguments)]


def test_the_parse_is_mended_on_a_copy_and_the_doc_is_left_as_parsed(nlp):
    from kalinovsky_nlp.components.claims import coordination_repaired

    doc = nlp("The mayor says that the tram will run at a loss and buses will stay free.")
    repaired = coordination_repaired(doc)
    assert repaired is not doc and [t.text for t in repaired] == [t.text for t in doc]
    buses = [t for t in doc if t.text == "buses"][0]
    assert buses.dep_ == "conj" and repaired[buses.i].dep_ == "nsubj" and repaired[buses.i].head.text == "stay"
    plain = nlp("The mayor says that the tram will run at a loss.")
    assert coordination_repaired(plain) is plain


@pytest.mark.parametrize("text,participants", [
    # the goal of a motion is a participant when the parser hangs its phrase on an adverb of direction
    ("The ferry will sail back to the harbour.", ["np:ferry", "np:harbour"]),
    ("Rents will fall back toward their earlier peak.", ["np:rent", "np:peak"]),
    # without a goal phrase, the adverb adds nothing
    ("The ferry will sail back.", ["np:ferry"]),
])
def test_the_goal_after_an_adverb_of_direction_is_a_participant(nlp, text, participants):
    assert [a.key for a in claims(nlp, text)[0].arguments] == participants


@pytest.mark.parametrize("text,roles", [
    # the "to" phrase of a verb of motion or change along a scale is its goal (lexicons/motion_verbs.txt)
    ("Rents rose to a record this year.", [("np:rent", "subject"), ("np:record", "goal")]),
    ("The ferry will sail back to the harbour.", [("np:ferry", "subject"), ("np:harbour", "oblique")]),
    ("The birds will return to their old nest.", [("np:bird", "subject"), ("np:nest", "goal")]),
    ("Exports will move closer to their target.", [("np:export", "subject"), ("np:target", "goal")]),
    # the point a verb of motion or of position places its subject against (lexicons/position_verbs.txt)
    ("Rents remained above their earlier peak.", [("np:rent", "subject"), ("np:peak", "goal")]),
    ("Rents fell below their earlier peak.", [("np:rent", "subject"), ("np:peak", "goal")]),
    ("The council met near the station.", [("np:council", "subject"), ("np:station", "oblique")]),
    # an addressee or a recipient is not a goal
    ("The mayor talked to the council.", [("np:mayor", "subject"), ("np:council", "oblique")]),
    ("The city sent buses to the suburbs.", [("np:city", "subject"), ("np:bus", "object"), ("np:suburb", "oblique")]),
])
def test_the_goal_of_a_verb_of_motion_has_its_own_role(nlp, text, roles):
    assert [(a.key, a.role) for a in claims(nlp, text)[0].arguments] == roles


@pytest.mark.parametrize("text,participants", [
    # an adjective the tagger puts in a noun's place, after a preposition and a determiner or possessive, is a noun
    ("Inflation will move back to its 2 percent objective.", ["np:inflate", "np:objective"]),
    # a comparative or superlative after "the" is not (*for the better*, *at the latest*)
    ("The town changed for the better.", ["np:town"]),
])
def test_an_adjective_in_a_nouns_place_is_a_participant(nlp, text, participants):
    assert [a.key for a in claims(nlp, text)[0].arguments] == participants
