"""Markdown bodies through markdown-it-py, and front matter through PyYAML's C loader with the same errors."""

from __future__ import annotations

import pytest

from kalinovsky_nlp import corpus
from kalinovsky_nlp.corpus import CorpusError, load_corpus
from kalinovsky_nlp.markup import markdown_to_text


@pytest.mark.parametrize("source, text", [
    ("> I think the tram\n> may be late.\n\nSaid the mayor.", "I think the tram\nmay be late.\n\nSaid the mayor."),
    ("> outer\n>> nested quote", "outer\n\nnested quote"),
    ("Costs:\n\n- first item\n- second *item*\n\n1. one\n2) two", "Costs:\n\nfirst item\n\nsecond item\n\none\n\ntwo"),
    ("* star\n+ plus", "star\n\nplus"),
    ("See [the report][r] and [this][].\n\n[r]: https://example.org/r \"Title\"\n[this]: /x",
     "See the report and this."),
    ("Inline [link](https://example.org) and ![a chart](c.png) and <https://example.org/auto>.",
     "Inline link and a chart and https://example.org/auto."),
    ("It is <em>very</em> <span class=\"x\">likely</span>.", "It is very likely."),
    ("<div>\nA block of <b>HTML</b>.\n</div>\n\nAfter.", "A block of HTML.\n\nAfter."),
    ("Run `make all` now.", "Run make all now."),
    ("Code:\n\n```python\nprint(1)\n```\n\n    indented code", "Code:\n\nprint(1)\n\nindented code"),
    ("# Heading\n\nText with **strong**, _em_ and ~~gone~~ words.", "Heading\n\nText with strong, em and gone words."),
    ("Setext heading\n===\n\nBody.", "Setext heading\n\nBody."),
    ("Escaped \\*stars\\* and &amp; entities &copy;.", "Escaped *stars* and & entities \u00a9."),
    ("A line\nwith a break", "A line\nwith a break"),
    ("***\n\nAfter a rule.", "After a rule."),
])
def test_markdown_to_text(source, text):
    assert markdown_to_text(source) == text


def test_md_bodies_lose_quotes_lists_links_and_html(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ndate: 2020-01-01\n---\n> Perhaps the [council][c] is <em>right</em>.\n\n- It may rain.\n- `x` holds.\n\n"
        "[c]: https://example.org\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ndate: 2021-01-01\n---\n> kept as written in a .txt\n", encoding="utf-8")
    a, b = load_corpus(tmp_path)
    assert a.text == "Perhaps the council is right.\n\nIt may rain.\n\nx holds."
    assert b.text == "> kept as written in a .txt"


def test_the_c_loader_is_used_where_built():
    import yaml

    loader = corpus._front_matter_loader()
    if yaml.__with_libyaml__:
        assert issubclass(loader, yaml.CSafeLoader)
    else:  # pragma: no cover - PyYAML built without libyaml
        assert issubclass(loader, yaml.SafeLoader)


BAD_FRONT_MATTER = [
    "date: [2020",
    "date: 2020-01-01\ntitle: 'unclosed",
    "date: 2020-01-01\n  bad: indent",
    "- a list",
    "date: 2020-13-45",
    "date: 2020-01-01\nblob: !!binary aGk=",
    "date: 2020-01-01\nx: !!python/object:os.system ls",
    "date: 2020-01-01\nx: *undefined",
]


@pytest.fixture
def pure_python_loader(monkeypatch):
    import yaml

    corpus._front_matter_loader.cache_clear()
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    yield
    monkeypatch.undo()
    corpus._front_matter_loader.cache_clear()


def _error(tmp_path, front):
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\nSome text.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    return str(info.value)


@pytest.mark.parametrize("front", BAD_FRONT_MATTER)
def test_the_same_errors_with_either_loader(tmp_path, front, request):
    with_c = _error(tmp_path, front)
    request.getfixturevalue("pure_python_loader")
    assert not issubclass(corpus._front_matter_loader(), getattr(__import__("yaml"), "CSafeLoader", ()))
    assert _error(tmp_path, front) == with_c
