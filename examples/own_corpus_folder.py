"""Your own corpus from a folder: dated Markdown or text files with YAML front matter -> a report.

    python examples/own_corpus_folder.py               # writes a small demo corpus to a temporary folder
    python examples/own_corpus_folder.py my_columns/   # your folder of .md / .txt files

Each file starts with front matter holding at least a date (``2021-05-20``, or a Hugo/Jekyll datetime):

    ---
    date: 2021-05-20
    title: Second thoughts on the tram
    author: Dana Columnist
    ---
    Perhaps the tram is not such a bad idea. ...
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import kalinovsky_nlp as kn

DEMO = {
    "2019-tram.md": ("2019-02-11", "A tram we cannot afford",
                     "The city council wants a tram. I think the project is **obviously** too expensive.\n\n"
                     "The mayor says it will pay for itself, but that is surely wishful thinking."),
    "2021-tram.md": ("2021-05-20T09:30:00+02:00", "Second thoughts on the tram",
                     "Perhaps the tram is not such a bad idea. The costs may be lower than I feared,\n"
                     "and the council might have a point about traffic."),
    "2023-tram.md": ("2023-09-01", "The tram, finally",
                     "The tram opened last week. It is clearly a success, and I was wrong to doubt it.\n\n"
                     "> Riders certainly agree: the line is full every morning."),
}


def write_demo(folder: Path) -> Path:
    """A three-column demo corpus of one (invented) columnist."""
    for name, (date, title, body) in DEMO.items():
        (folder / name).write_text(f"---\ndate: {date}\ntitle: {title}\nauthor: Dana Columnist\n---\n{body}\n",
                                   encoding="utf-8")
    return folder


def main(folder: Path) -> None:
    report = kn.analyze(folder)
    for warning in report.warnings:
        print("warning:", warning)
    data = report.to_dict()
    print(f"{len(data['documents'])} documents:", ", ".join(f"{d['date']} {d['title']}" for d in data["documents"]))
    for document in data["documents"]:
        hedges = document["marker_measures"]["by_category"]["hedge"]["author_rate"]
        print(f"  {document['date']}: {hedges:.1f} of the author's own hedges per 1,000 words")
    print("Summary:")
    for line in data["summary"][:5]:
        print("  -", line)
    output = folder / "report.md"
    output.write_text(kn.render(report, "markdown"), encoding="utf-8")
    print(f"Markdown report: {output}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as temporary:
            main(write_demo(Path(temporary)))
