"""Take the README's screenshots of the HTML report with headless Chromium (Debian's ``chromium`` package).

    python docs/screenshots.py

writes ``docs/report-builtin.png`` (the built-in corpus: the findings with their evidence side by side) and, where
``../shared/data`` is present, ``docs/report-fomc.png`` (the 24 FOMC statements: the timelines of the marker rates
and the entities, shown under the title).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOMC = HERE.parent.parent / "shared" / "data" / "corpora" / "fomc_statements_2013_2015.jsonl"
WIDTH = 1280


def screenshot(page: Path, out: Path, height: int) -> None:
    """A screenshot of the top of the page's window, reduced to 256 colours."""
    from PIL import Image

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("screenshots need headless Chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:
        raw = Path(profile) / "shot.png"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--hide-scrollbars",
                        f"--window-size={WIDTH},{height}", f"--screenshot={raw}", page.as_uri()],
                       check=True, capture_output=True, timeout=300)
        image = Image.open(raw).convert("RGB")
        image.quantize(colors=256).save(out, optimize=True)
    print(f"{out.relative_to(HERE.parent)}: {out.stat().st_size:,} bytes")


def main() -> None:
    import kalinovsky_nlp as kn

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(kn.render(kn.analyze(), "html"), encoding="utf-8")
        screenshot(page, HERE / "report-builtin.png", 1500)
        if FOMC.is_file():
            # the statements carry Markdown links: each record is read as Markdown (its "format" field)
            records = [dict(json.loads(line), format="markdown")
                       for line in FOMC.read_text(encoding="utf-8").splitlines() if line.strip()]
            html = kn.render(kn.analyze(records), "html")
            # the timelines under the title (a headless screenshot shows the top of the page only)
            hide = "<style>#kn-judgement, .kn-figure-target { display: none; }</style></head>"
            page.write_text(html.replace("</head>", hide, 1), encoding="utf-8")
            screenshot(page, HERE / "report-fomc.png", 1450)
        else:
            print(f"skipped report-fomc.png: {FOMC} is absent")


if __name__ == "__main__":
    main()
