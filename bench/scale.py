"""Throughput and peak memory at research-pipeline scale, from one run.

    python bench/scale.py [--words 200000] [--slice-documents 32]

Builds a corpus of at least 200,000 words from the built-in texts' sentences (shuffled, fixed seed, ~800-word
documents, dated one day apart) and measures eight configurations:

* bare spaCy (the model alone, nlp.pipe in a memory zone) at batch sizes 8, 16 and 32 (64 needs ~1.1 GB and ran
  within the noise of 16 and 32 in earlier runs; measure it with ``--bare-batches 8,16,32,64 --slice-documents 64``);
* the full analysis (``kalinovsky_nlp.analyze``: components, profiles, comparison, stance, report) at default
  settings;
* the full analysis with ``n_process=2``;
* the full analysis on Dask, on the LocalCluster of 2 single-threaded workers that ``--backend dask`` starts
  (``kalinovsky_nlp.distributed.local_cluster``);
* bare spaCy as the analysis loads it (``indexed:16``): the same model with its attribute ruler matched by lookup
  (``components/indexedruler.py``: the same annotations, found faster), without the project's components, at batch
  16. It has no target: full analysis / this is the cost of the analysis's own work on top of the parse it runs,
  while the target compares with the stock model;
* bare spaCy in a pool of 2 forked workers built like the full analysis's (``spacy-n2``: the same tasks,
  ``execution.worker_chunks``, at batch 16, one thread each). It has no target: its ratio to bare spaCy at batch 16 in
  one process is how far two processes go on this machine at that moment, a reference for the two parallel
  targets. Two busy cores run slower than one (the machine's clock and caches are shared), and by how much varies
  from run to run.

**Throughput, interleaved.** This machine is shared and its speed drifts by 20% and more from one minute to the
next, so configurations run one after another would each meet a different machine. Instead every configuration
gets its own long-lived process (model loaded, libraries imported, syllable dictionary read, cluster started and
warmed: start-up is outside the timing, for bare spaCy as for the full analysis; ``bench/report_cold.py`` measures
start-up on its own), the corpus is cut into consecutive slices of ``--slice-documents`` documents (32: ~26,000
words, one batch at the largest bare batch size and one 16-document task for each of 2 workers), and each slice is
processed by every configuration in turn, in an order that rotates (and reverses) from slice to slice. Short
slices keep the configurations close in time: with 64-document slices a round took ~90 s, and the ratios on even
and odd slices differed by 0.2 and more. The full analysis parses and profiles each slice (``iter_profiles`` on the
configuration's executor: this process, two forked processes, or the Dask cluster), keeping the profiles, and once
all slices are through, each configuration finishes its one analysis of the whole corpus (comparison, findings,
report: ``report_from_profiles`` on the same executor), timed as well. Words per second are the
corpus's words over the summed time of a configuration's slices and finish; the baseline is the bare batch size
with the highest throughput. The ratios are also given on the even and on the odd slices alone (without the
finish), as a check of their stability, and full analysis / bare spaCy once more on CPU time (both run in one
process; CPU time leaves out the time a process waits for a core).

**Waiting configurations stay quiet.** A configuration waiting for its turn must not take CPU time from the one
running: each engine reports the CPU time its processes took while it waited, and the script prints the sum. With
Dask's default settings an idle LocalCluster keeps a noticeable share of a core busy, taken from every other
configuration, most of all from the two-process ones; ``local_cluster()`` turns that work down.

**Peak memory at default settings, whole corpus.** The full analysis then runs once more over the whole corpus in a
fresh process, as ``kalinovsky-nlp report`` runs it (largest resident set; its throughput is printed for reference,
not used in the ratios). Peak memory of bare spaCy is that of its interleaved process.
``python bench/scale.py --whole-run --batch-size 16`` runs only that last measurement, at another batch size.

Targets: full analysis >= 0.8x bare spaCy at the same batch size; peak <= 700 MB at defaults; 2 processes >= 1.6x
one; Dask with 2 workers >= 1.5x one local process.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FULL_CONFIGS = ("full", "full-n2", "dask")
#: Bare spaCy in a pool of 2 forked workers like the full analysis's: how far 2 processes can go on this machine.
BARE_PARALLEL = "spacy-n2"
#: Bare spaCy with the attribute ruler the analysis loads (its parse alone, without the project's components).
BARE_INDEXED = "indexed:16"
RESULT = "RESULT "


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _documents(words: int):
    from _corpus import documents

    from kalinovsky_nlp.corpus import Document

    start = datetime.date(2000, 1, 1)
    return [Document(id=f"bench-{i:05d}", date=start + datetime.timedelta(days=i), text=t, author="bench")
            for i, t in enumerate(documents(words))]


def _slices(docs: list, size: int) -> list[list]:
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def _words(docs) -> int:
    return sum(len(d.text.split()) for d in docs)


#: The bare model in a worker forked by the "spacy-n2" configuration (set before the pool forks).
_BARE_NLP = None


def _bare_chunk(texts: list[str], batch: int) -> int:
    """A chunk of documents parsed by the bare model in a forked worker, as the full analysis's workers parse."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1), _BARE_NLP.memory_zone():
        for _ in _BARE_NLP.pipe(texts, batch_size=batch):
            pass
    return len(texts)


def _engine(config: str):
    """Start-up of one configuration. Returns (run: slice of documents -> None, finish: () -> None, peak: () -> MB,
    close). ``run`` parses and profiles a slice; ``finish`` builds the comparison, stance and report over all the
    slices seen (nothing for bare spaCy)."""
    if config == "spacy-n2":
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        import spacy

        from kalinovsky_nlp.execution import worker_chunks
        from kalinovsky_nlp.pipeline import resolve_model
        from kalinovsky_nlp.profile import DEFAULT_BATCH_SIZE

        global _BARE_NLP
        _BARE_NLP = spacy.load(resolve_model())
        _BARE_NLP("The first call allocates what later calls reuse, as prepare() does for the full analysis.")
        pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
        list(pool.map(_bare_chunk, [["Start the workers."]] * 4, [1] * 4))

        def run(docs) -> None:
            chunks = list(worker_chunks([d.text for d in docs], DEFAULT_BATCH_SIZE, 2))
            list(pool.map(_bare_chunk, chunks, [DEFAULT_BATCH_SIZE] * len(chunks)))

        return run, lambda: None, _peak_mb, pool.shutdown
    if config.startswith(("bare", "indexed")):
        import spacy

        from kalinovsky_nlp.components.factories import index_attribute_ruler
        from kalinovsky_nlp.pipeline import resolve_model

        batch = int(config.split(":")[1])
        nlp = spacy.load(resolve_model())
        if config.startswith("indexed") and not index_attribute_ruler(nlp):
            raise RuntimeError("the model has no spaCy AttributeRuler to index")
        nlp("The first call allocates what later calls reuse, as prepare() does for the full analysis.")

        def run(docs) -> None:
            with nlp.memory_zone():
                for _ in nlp.pipe((d.text for d in docs), batch_size=batch):
                    pass

        return run, lambda: None, _peak_mb, lambda: None
    if config in ("full", "full-n2"):
        import contextlib

        from kalinovsky_nlp.analysis import iter_profiles, prepare, report_from_profiles
        from kalinovsky_nlp.execution import InProcess, processes

        nlp = prepare()
        n_process = 2 if config == "full-n2" else 1
        stack = contextlib.ExitStack()
        executor = stack.enter_context(processes(nlp, n_process) if n_process > 1 else InProcess(nlp))
        profiles: list = []

        def run(docs) -> None:
            profiles.extend(iter_profiles(docs, executor=executor))

        def finish() -> None:
            report_from_profiles(profiles, executor=executor)

        return run, finish, _peak_mb, stack.close
    if config == "dask":
        from dask.distributed import Client

        from kalinovsky_nlp.analysis import iter_profiles, report_from_profiles
        from kalinovsky_nlp.distributed import DaskExecutor, local_cluster, warm_up
        from kalinovsky_nlp.pipeline import resolve_model

        cluster = local_cluster(2)
        client = Client(cluster)
        warm_up(client)
        dask_executor = DaskExecutor(client, resolve_model())
        dask_profiles: list = []

        def run(docs) -> None:
            dask_profiles.extend(iter_profiles(docs, model=resolve_model(), executor=dask_executor))

        def peak() -> float:
            workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            return max([_peak_mb(), *workers.values()])

        def close() -> None:
            client.close()
            cluster.close()

        return run, lambda: report_from_profiles(dask_profiles, executor=dask_executor), peak, close
    raise ValueError(config)


def _tree_cpu_seconds() -> float:
    """CPU time of this process and of its live descendants (worker processes, a Dask cluster's)."""
    import psutil

    total = 0.0
    for process in [psutil.Process(), *psutil.Process().children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a process may end while it is read
            times = process.cpu_times()
            total += times.user + times.system
    return total


def engine(config: str, words: int, slice_documents: int) -> None:
    """A long-lived process for one configuration: reads slice numbers (or ``finish``) on stdin, answers with the
    seconds taken, and with the CPU time its processes took while it waited (while the other configurations ran)."""
    parts = _slices(_documents(words), slice_documents)
    run, finish, peak, close = _engine(config)
    print(RESULT + json.dumps({"ready": config}), flush=True)
    waited_from = _tree_cpu_seconds()
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        docs = parts[int(command)] if command != "finish" else []
        idle_cpu = _tree_cpu_seconds() - waited_from
        start, start_cpu = time.perf_counter(), time.process_time()
        run(docs) if docs else finish()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        waited_from = _tree_cpu_seconds()
        print(RESULT + json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "words": _words(docs), "peak_mb": peak(),
                                   "idle_cpu_seconds": idle_cpu}), flush=True)
    close()


def whole_run(words: int, batch_size: int | None = None) -> dict:
    """The full analysis over the whole corpus in this (fresh) process, at the default batch size or another."""
    from kalinovsky_nlp.analysis import DEFAULT_BATCH_SIZE, analyze
    from kalinovsky_nlp.pipeline import load_pipeline

    docs = _documents(words)
    # as `kalinovsky-nlp report` runs it: the pipeline loaded, everything else (scikit-learn for the stance steps
    # among it) imported when first needed. prepare() would import scikit-learn before the parsing, and the peak
    # would count it on top of the parser's working memory.
    nlp = load_pipeline()
    start = time.perf_counter()
    analyze(docs, nlp=nlp, batch_size=batch_size or DEFAULT_BATCH_SIZE)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "words": _words(docs), "words_per_second": _words(docs) / elapsed,
            "peak_mb": _peak_mb(), "documents": len(docs), "batch_size": batch_size or DEFAULT_BATCH_SIZE}


def _read(process: subprocess.Popen) -> dict:
    for line in process.stdout:
        if line.startswith(RESULT):
            return json.loads(line[len(RESULT):])
    raise RuntimeError(f"engine ended early (exit code {process.wait()})")


def _ratio(results: dict, a: str, b: str, which: range | list[int]) -> float:
    speed = {c: sum(results[c]["words"][i] for i in which) / sum(results[c]["seconds"][i] for i in which)
             for c in (a, b)}
    return speed[a] / speed[b]


def _send(process: subprocess.Popen, command: str) -> dict:
    process.stdin.write(command + "\n")
    process.stdin.flush()
    return _read(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--slice-documents", type=int, default=32,
                        help="documents per interleaved slice (default 32: one batch at the largest bare batch size, "
                             "and one 16-document task for each of 2 workers)")
    parser.add_argument("--bare-batches", default="8,16,32", help="bare spaCy batch sizes to measure (default 8,16,32)")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--whole-run", action="store_true",
                        help="only the full analysis of the whole corpus in this process (peak memory, words/s)")
    parser.add_argument("--batch-size", type=int, help="with --whole-run: the batch size (default: the library's)")
    args = parser.parse_args()
    if args.engine:
        engine(args.engine, args.words, args.slice_documents)
        return
    if args.whole_run:
        print(RESULT + json.dumps(whole_run(args.words, args.batch_size)), flush=True)
        return

    configs = (tuple(f"bare:{int(b)}" for b in args.bare_batches.split(",")) + FULL_CONFIGS
               + (BARE_PARALLEL, BARE_INDEXED))
    slices = len(_slices(_documents(args.words), args.slice_documents))
    processes = {}
    for config in configs:  # started one at a time: start-up is not timed, and must not overlap the timing
        processes[config] = subprocess.Popen(
            [sys.executable, __file__, "--engine", config, "--words", str(args.words),
             "--slice-documents", str(args.slice_documents)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        _read(processes[config])
    results = {c: {"seconds": [], "cpu_seconds": [], "words": [], "idle_cpu_seconds": [], "peak_mb": 0.0}
               for c in configs}
    for index in [*range(slices), "finish"]:
        position = index if index != "finish" else slices
        order = configs[position % len(configs):] + configs[: position % len(configs)]
        if position % 2:
            order = order[::-1]
        for config in order:
            answer = _send(processes[config], str(index))
            for key in ("seconds", "cpu_seconds", "words", "idle_cpu_seconds"):
                results[config][key].append(answer[key])
            results[config]["peak_mb"] = answer["peak_mb"]
        label = f"slice {index + 1}/{slices}" if index != "finish" else "finish"
        print(f"{label:12} " + "  ".join(f"{c} {results[c]['seconds'][-1]:.1f}s" for c in configs), flush=True)
    for process in processes.values():
        process.stdin.write("quit\n")
        process.stdin.flush()
        process.wait()

    out = subprocess.run([sys.executable, __file__, "--whole-run", "--words", str(args.words)],
                         check=True, capture_output=True, text=True).stdout
    whole = json.loads(next(line for line in out.splitlines() if line.startswith(RESULT))[len(RESULT):])

    total_words = sum(results[configs[0]]["words"])
    speed = {c: total_words / sum(results[c]["seconds"]) for c in configs}
    print(f"\n{total_words:,} words in {whole['documents']} documents, {slices} interleaved slices")
    for config in configs:
        print(f"  {config:9} {speed[config]:7,.0f} words/s  {sum(results[config]['seconds']):6.1f} s "
              f"(finishing {results[config]['seconds'][-1]:4.1f} s)  peak {results[config]['peak_mb']:6.0f} MB")
    print(f"  whole corpus, full analysis at defaults, fresh process: {whole['words_per_second']:,.0f} words/s "
          f"({whole['seconds']:.1f} s), peak {whole['peak_mb']:.0f} MB")
    run_seconds = sum(sum(results[c]["seconds"]) for c in configs)
    idle = {c: sum(results[c]["idle_cpu_seconds"]) for c in configs}
    print(f"  CPU time taken by configurations waiting for their turn (taken from the one running): "
          f"{sum(idle.values()):.1f} s in {run_seconds:.0f} s of timed work ("
          + ", ".join(f"{c} {idle[c]:.1f} s" for c in configs) + ")")
    best = max((c for c in configs if c.startswith("bare")), key=speed.__getitem__)
    even, odd = list(range(0, slices, 2)), list(range(1, slices, 2))

    def verdict(met: bool) -> str:
        return "met" if met else "NOT met"

    def line(label: str, a: str, b: str, target: float | None, why: str = "") -> None:
        """A ratio to three decimals (two would print 0.847 as a passing 0.85), and whether it meets its target."""
        ratio = speed[a] / speed[b]
        check = (f" (even slices {_ratio(results, a, b, even):.2f}, odd {_ratio(results, a, b, odd):.2f})"
                 if odd else "")  # a corpus of one slice has no odd slices
        goal = f"target >= {target}: {verdict(ratio >= target)}" if target is not None else f"no target{why}"
        print(f"{label:40} {ratio:.3f}x{check} ({goal})")

    from kalinovsky_nlp.profile import DEFAULT_BATCH_SIZE

    reference = f"bare:{DEFAULT_BATCH_SIZE}" if f"bare:{DEFAULT_BATCH_SIZE}" in configs else best
    print(f"\nbest bare spaCy batch size: {best.split(':')[1]}")
    line(f"full analysis / bare spaCy at batch {reference.split(':')[1]}:", "full", reference, 0.8)
    cpu = {c: sum(results[c]["cpu_seconds"]) for c in ("full", reference, BARE_INDEXED)}
    print(f"{'  the same on CPU time:':40} {cpu[reference] / cpu['full']:.3f}x")
    line("  / bare spaCy with the indexed ruler:", "full", BARE_INDEXED, None,
         ": the analysis's own work on top of its parse")
    print(f"{'  the same on CPU time:':40} {cpu[BARE_INDEXED] / cpu['full']:.3f}x")
    line("bare spaCy, indexed ruler / stock:", BARE_INDEXED, reference, None, ": the parse's speed-up")
    if reference != best:
        line(f"  against the best bare batch ({best.split(':')[1]}):", "full", best, None,
             ": another batch size than the analysis's")
    print(f"{'peak memory of the full analysis:':40} {whole['peak_mb']:.0f} MB "
          f"(whole corpus; target <= 700: {verdict(whole['peak_mb'] <= 700)})")
    line("2 processes / 1 process:", "full-n2", "full", 1.6)
    line("Dask, 2 workers / 1 local process:", "dask", "full", 1.5)
    if reference in configs:
        line("  bare spaCy, 2 forked workers / 1:", BARE_PARALLEL, reference, None, ": the machine's own scaling")


if __name__ == "__main__":
    main()
