"""The Markdown renderer on hand-made reports: block syntax, aligned tables, user text escaped."""

from __future__ import annotations

from markdown_it import MarkdownIt

from kalinovsky_nlp.renderers.markdown import render_markdown

from .reports import document, finding, report, side, two_documents

PARSER = MarkdownIt("commonmark").enable("table")


def test_headings_paragraphs_bullets_and_one_final_newline():
    text = render_markdown(two_documents(summary=["Fares rose.", "Trams ran late."], narrative=["Little moved."]))
    lines = text.split("\n")
    assert lines[0] == "# How the author's judgement changed: Ana Silva"
    assert lines[1] == ""
    assert lines[2] == "2 documents, 2019-03-01 to 2020-03-01."  # a date is not a list marker: not escaped
    assert "## Summary\n\n- Fares rose.\n- Trams ran late.\n\n" in text
    assert "## How the author's judgement changed\n\nLittle moved.\n\n" in text
    assert text.endswith(".\n") and not text.endswith("\n\n")


def test_tables_are_aligned_right_where_the_column_holds_numbers():
    text = render_markdown(two_documents())
    lines = text.split("\n")
    header = lines.index("| Date | Title | Author | Venue | Words |")
    assert lines[header + 1] == "|---:|---|---|---|---:|"  # dates and word counts
    assert lines[header + 2] == "| 2019-03-01 | Fares and trams | Ana Silva | City Gazette | 500 |"
    assert lines[header + 4] == ""


def test_every_row_of_a_table_has_as_many_cells_as_its_header():
    tokens = PARSER.parse(render_markdown(two_documents()))
    widths: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            widths.append([])
        elif token.type == "tr_open":
            widths[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1][-1] += 1
    assert len(widths) == 5  # documents, markers, entities, measures, labels
    assert all(len(set(table)) == 1 for table in widths), widths
    assert [table[0] for table in widths] == [5, 3, 5, 11, 3]


def test_user_text_renders_as_itself():
    hostile = "# Fares | *up* <script>x</script> [link](http://x.test)\n- list"
    docs = [document("2019-03-01", title=hostile, venue="A|B"), document("2020-03-01")]
    text = render_markdown(report(docs, summary=[hostile]))
    assert "| 2019-03-01 | \\# Fares \\| \\*up\\* \\<script>x\\</script> \\[link\\](http://x.test) - list | " \
           "Ana Silva | A\\|B | 500 |" in text
    assert "- \\# Fares \\| \\*up\\*" in text
    html = PARSER.render(text)
    assert "<script>" not in html and "<h1>#" not in html and 'href="http://x.test"' not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_evidence_bullets_in_a_finding():
    earlier = side("2019-03-01", "PS+", evidence=["Fares *may* rise."], cues=["may"])
    data = two_documents(findings=[finding("Fares rise: held with more certainty", earlier, side("2020-03-01"))])
    text = render_markdown(data)
    assert "1\\. Fares rise: held with more certainty\n" in text
    assert "- 2019-03-01: \u201cFares \\*may\\* rise.\u201d \\[author PS+, author; cues: may\\]\n" in text
