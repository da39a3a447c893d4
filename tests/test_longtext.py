"""Long texts: split below the model's limit, parsed in pieces, joined; the same results as a whole-text parse."""

from __future__ import annotations

import contextlib
import datetime

import pytest

from kalinovsky_nlp.corpus import Document
from kalinovsky_nlp.longtext import TextTooLongError, check_length, parse_long_text, pipe_texts, split_text
from kalinovsky_nlp.profile import profile_document

PARAGRAPHS = [
    "I think Moscow may be wrong about the Taliban. Perhaps the Kremlin simply hopes for the best.",
    "Officials in Washington said that the talks would clearly fail. The State Department disagreed.",
    "It is obviously a gamble. In my view, Russia cannot afford it, and Afghanistan will probably suffer.",
    "Critics argue that the deal might collapse. \u201cWe will certainly see,\u201d the envoy told reporters.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3)


@contextlib.contextmanager
def model_limit(nlp, limit: int):
    """The shared pipeline with a small ``max_length`` for the block (restored afterwards)."""
    saved = nlp.max_length
    nlp.max_length = limit
    try:
        yield nlp
    finally:
        nlp.max_length = saved


def markers(doc) -> list[tuple[str, int]]:
    return [(span.text, span.start_char) for span in doc.spans["kn_markers"]]


def test_split_joins_back_and_respects_the_limit():
    for limit in (50, 120, 200, 1000):
        pieces = split_text(TEXT, limit)
        assert "".join(pieces) == TEXT
        assert all(0 < len(p) <= limit for p in pieces)
    assert split_text("short", 10) == ["short"]


def test_split_prefers_paragraphs_then_sentences_then_spaces():
    text = "One two. Three four.\n\nFive six. Seven eight."
    assert split_text(text, 30) == ["One two. Three four.\n\n", "Five six. Seven eight."]
    assert split_text("One two. Three four. Five six.", 22) == ["One two. Three four. ", "Five six."]
    assert split_text("aaaa bbbb cccc", 10) == ["aaaa bbbb ", "cccc"]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_split_rejects_a_zero_limit():
    with pytest.raises(ValueError):
        split_text("text", 0)


def test_pieces_give_the_same_analysis_as_the_whole_text(nlp):
    whole = nlp(TEXT)
    pieced = parse_long_text(nlp, TEXT, piece_length=len(PARAGRAPHS[0]) + 40)
    assert pieced.text == TEXT
    assert len(pieced) == len(whole)
    assert [t.tag_ for t in pieced] == [t.tag_ for t in whole]
    assert [(e.text, e.label_, e.start_char) for e in pieced.ents] == [(e.text, e.label_, e.start_char)
                                                                       for e in whole.ents]
    document = Document(id="d", date=datetime.date(2020, 1, 1), text=TEXT)
    a, b = profile_document(document, whole).to_dict(), profile_document(document, pieced).to_dict()
    assert a["markers"] and a["entities"] and a["claims"]
    for key in ("markers", "entities", "sentences", "claims", "stats", "readability", "marker_measures"):
        assert b[key] == a[key], key


def test_pipe_texts_parses_texts_over_the_model_limit_in_order(nlp):
    texts = ["It may rain.", TEXT, "Surely not.", TEXT[:300]]
    expected = [markers(nlp(t)) for t in texts]
    with model_limit(nlp, 250):
        with pytest.raises(ValueError, match="E088"):
            nlp(TEXT)
        docs = list(pipe_texts(nlp, texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert [markers(d) for d in docs] == expected


def test_analyze_reads_documents_over_the_model_limit(nlp):
    from kalinovsky_nlp.analysis import analyze

    documents = [Document(id=f"d{i}", date=datetime.date(2020 + i, 1, 1), text=TEXT) for i in range(2)]
    expected = analyze(documents, nlp=nlp).to_dict()
    with model_limit(nlp, 300):
        report = analyze(documents, nlp=nlp).to_dict()
    assert report["documents"] == expected["documents"]
    assert report["summary"] == expected["summary"]


def test_the_user_cap():
    check_length("x" * 10, 10)
    check_length("x" * 10, None)
    with pytest.raises(TextTooLongError, match="longer than --max-length 9"):
        check_length("x" * 10, 9)


def test_dask_profiles_long_texts_like_a_local_run(nlp):
    pytest.importorskip("dask.bag")
    import dask

    from kalinovsky_nlp.analysis import iter_profiles
    from kalinovsky_nlp.distributed import profile_with_dask

    documents = [Document(id=f"d{i}", date=datetime.date(2020 + i, 1, 1), text=TEXT) for i in range(2)]
    expected = [p.to_dict() for p in iter_profiles(documents, nlp=nlp)]
    with model_limit(nlp, 300), dask.config.set(scheduler="synchronous"):  # in this process: the small limit holds
        profiles = profile_with_dask(documents)
    assert [p.to_dict() for p in profiles] == expected
