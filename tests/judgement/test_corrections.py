"""Self-corrections on hand-made claims: the author as subject of a misjudgement predicate, positive, asserted."""

from __future__ import annotations

from kalinovsky_nlp.judgement.corrections import corrected_participants
from kalinovsky_nlp.results import Argument, Claim


def claim(predicate, args, *, voice="author", polarity="positive", role="assertion"):
    arguments = tuple(Argument(key=key, text=key.split(":")[-1], role=r) for key, r in args)
    return Claim(index=0, sentence=0, paragraph=0, start=0, end=1, text="x", predicate=predicate,
                 predicate_keys=(predicate,), arguments=arguments, polarity=polarity, time_frame="past",
                 certainty="CT+" if polarity == "positive" else "CT-", voice=voice, role=role)


def test_the_author_wrong_about_something_corrects_it():
    assert corrected_participants(claim("wrong", [("author", "subject"), ("np:ferry", "oblique")])) == {"np:ferry"}
    assert corrected_participants(claim("underestimate", [("author", "subject"), ("np:cost", "object")])) == {"np:cost"}
    assert corrected_participants(claim("change", [("author", "subject"), ("np:mind", "object"),
                                                   ("np:ferry", "oblique")])) == {"np:ferry"}


def test_others_wrong_a_denial_a_report_or_another_change_correct_nothing():
    assert corrected_participants(claim("wrong", [("np:mayor", "subject"), ("np:ferry", "oblique")])) == set()
    assert corrected_participants(claim("wrong", [("author", "subject"), ("np:ferry", "oblique")],
                                        polarity="negative")) == set()
    assert corrected_participants(claim("wrong", [("author", "subject"), ("np:ferry", "oblique")],
                                        voice="reported")) == set()
    assert corrected_participants(claim("change", [("author", "subject"), ("np:tyre", "object")])) == set()
