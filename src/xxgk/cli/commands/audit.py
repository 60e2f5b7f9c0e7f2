"""`xxgk audit`: read published reports in any form, check them, many at once.

Files are read in worker processes (`--jobs`) and the results come back in input order through
a bounded window, so memory stays flat however many files there are: `--json` and `--csv`
stream one line per file. The terminal view prints each report's findings as they come, under a
progress bar, and a summary table of every file at the end.
"""

from __future__ import annotations

import csv
import gc
import itertools
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from xxgk.cli import output
from xxgk.cli.app import app
from xxgk.cli.summary import CSV_HEADER, Row, csv_row, print_summary
from xxgk.report import Finding, Severity, editions
from xxgk.report.model import Report
from xxgk.report.read import UnreadableFile, read_file
from xxgk.report.read.chain import chain_view, settle_across_years
from xxgk.report.tally import Tally, tally

# What a folder is searched for; a file named on the command line is read whatever its name.
REPORT_SUFFIXES = frozenset(
    {".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md", ".markdown", ".docx", ".pdf"}
)
SHOWN_SUFFIXES = " ".join(sorted(REPORT_SUFFIXES))  # for the help and the "none found" message
# Documentation that sits beside reports in a folder is not a report.
_NOT_REPORTS = ("readme", "license", "licence", "changelog")
_BATCH = 16  # files per task sent to a worker: small enough to keep order cheap
_WINDOW = 4  # batches in flight per worker: bounds memory, keeps every worker busy
_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a pipeline cut short
__all__ = ["CSV_HEADER", "Outcome", "audit_file", "audit_many", "report_sources", "tune_gc"]


@dataclass(frozen=True)
class Outcome:
    """One file's result as a worker sends it back (small: no tables unless asked for)."""

    source: str
    error: str | None = None
    agency: str = ""
    year: int | None = None
    edition: str = ""
    findings: tuple[Finding, ...] = ()
    tally: Tally = field(default_factory=Tally)  # counted in the worker, beside the report
    json_line: str | None = None
    chain: Report | None = None  # what the agency's other years need (`chain_view`)

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    def row(self) -> Row:
        """The file's line in the summary table and the CSV."""
        if self.error is not None:
            return Row(self.source, error=self.error)
        year = "" if self.year is None else str(self.year)
        return Row(self.source, self.agency, year, self.edition, self.tally)


def audit_file(source: str, *, with_json: bool = False) -> Outcome:
    """Read and check one file; an unreadable file is an `Outcome` with `error`, never raised."""
    try:
        report = read_file(source)
    except UnreadableFile as e:
        return Outcome(source, error=str(e) or "无法读取")
    except Exception as e:  # a reader's bug on one odd file must not stop a run of thousands
        return Outcome(source, error=f"读取时出错（{type(e).__name__}：{e}）")
    counted = tally(report)
    line = output.json_line(report, source, counted.to_json()) if with_json else None
    return Outcome(
        source,
        agency=report.agency,
        year=report.year,
        edition=report.edition.key,
        findings=tuple(report.findings),
        tally=counted,
        json_line=line,
        chain=chain_view(report),
    )


def settle_years(outcomes: Iterable[Outcome], *, with_json: bool = False) -> Iterator[Outcome]:
    """The outcomes in input order, glued table-2 rows settled by the same agency's other
    years (`xxgk.report.read.chain`). Until a file leaves such a row open, every outcome
    passes straight on; from that file on they are held, in order, to the end of the input,
    which may hold the years that settle it."""
    views: list[Report] = []
    held: list[Outcome] = []
    for o in outcomes:
        if o.chain is not None:
            views.append(o.chain)
        if held or (o.chain is not None and o.chain.alternatives):
            held.append(o)
        else:
            yield o
    settled = {id(r) for r in settle_across_years(views)}
    for o in held:
        r = o.chain
        if r is None or id(r) not in settled:
            yield o
            continue
        counted = tally(r)  # the settled cells are no longer unreadable
        line = output.json_line(r, o.source, counted.to_json()) if with_json else None
        yield replace(o, findings=tuple(r.findings), tally=counted, json_line=line)


def report_sources(
    paths: Iterable[Path], *, repeated: Callable[[str], None] | None = None
) -> Iterator[str]:
    """Every file to audit, in order: each path as given; a folder's report files recursively,
    sorted by name (hidden entries and README/LICENSE files left out; a folder reached twice
    through links is walked once). A file met again (named twice, or named and in a folder
    named too) is read once, where it was first met; `repeated` is told its path."""
    seen: set[tuple[int, int]] = set()
    files: set[tuple[int, int] | str] = set()
    for path in paths:
        found = _walk(path, seen) if path.is_dir() else iter((str(path),))
        for source in found:
            try:
                info = os.stat(source)
                identity: tuple[int, int] | str = (info.st_dev, info.st_ino)
            except OSError:
                identity = source  # a missing file is reported by the reader, in its place
            if identity in files:
                if repeated is not None:
                    repeated(source)
                continue
            files.add(identity)
            yield source


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[str]:
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield str(folder)  # the reader says why it cannot be read
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), seen)
            continue
        suffix = os.path.splitext(entry.name)[1].lower()
        if suffix in REPORT_SUFFIXES and not entry.name.lower().startswith(_NOT_REPORTS):
            yield entry.path


T = TypeVar("T")
Reader = Callable[..., Outcome]  # audit_file's shape: (source, *, with_json) -> Outcome


def _audit_batch(sources: list[str], with_json: bool, read: Reader) -> list[Outcome]:
    return [read(s, with_json=with_json) for s in sources]


# Imported once by the fork server, so that each worker starts with the readers loaded.
_PRELOAD = [
    __name__,
    "xxgk.report.read.recover",
    "xxgk.report.read.text",
    "xxgk.report.read.html",
    "xxgk.report.read.markdown",
    "xxgk.report.read.docx",
    "xxgk.report.read.pdf",
]


def tune_gc() -> None:
    """Garbage collection for a process that reads file after file (the audit, each worker).

    Each report makes and drops thousands of small objects, while the modules, editions and
    caches live as long as the process: freezing those keeps the collector from walking them
    again and again, and a larger first generation lets a report's objects go before they are
    ever collected. (About 5% of the time of a report, more in a process with a large heap.)"""
    gc.freeze()
    gc.set_threshold(_GC_YOUNG, *gc.get_threshold()[1:])


_GC_YOUNG = 5000  # Python's default is 700


def _pool_context() -> multiprocessing.context.BaseContext:
    # Not fork: the progress bar runs a thread, and forking a threaded process can deadlock.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def audit_many(
    sources: Iterable[str], *, jobs: int = 1, with_json: bool = False, read: Reader = audit_file
) -> Iterator[Outcome]:
    """Outcomes in the order of `sources`, read by `jobs` worker processes; at most a few
    batches per worker are in flight, so memory does not grow with the number of files.

    A file that kills its worker (a crash inside a native library) is an unreadable file: its
    batch is read again one file per process to find it, and the run goes on."""
    if jobs <= 1:
        for source in sources:
            yield read(source, with_json=with_json)
        return
    context = _pool_context()
    work = partial(_audit_batch, with_json=with_json, read=read)
    it = iter(sources)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=tune_gc)
    pending: deque[tuple[list[str], Future[list[Outcome]]]] = deque()
    try:
        while True:
            while len(pending) < jobs * _WINDOW and (batch := list(islice(it, _BATCH))):
                pending.append((batch, pool.submit(work, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # a worker died: this batch, or another one, killed it
                pool.shutdown(wait=True, cancel_futures=True)
                results = _isolated(batch, with_json, read, context)
                pool = ProcessPoolExecutor(
                    max_workers=jobs, mp_context=context, initializer=tune_gc
                )
                pending = deque((b, pool.submit(work, b)) for b, _ in pending)
            yield from results
    finally:  # stopped early (Ctrl-C, a closed pipe): drop the batches not yet started
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(
    batch: list[str], with_json: bool, read: Reader, context: multiprocessing.context.BaseContext
) -> list[Outcome]:
    """A batch read again in a process of its own; if that crashes too, each half the same
    way, down to the file that crashes: that file is an unreadable file."""
    try:
        return _solo(partial(_audit_batch, batch, with_json, read), context)
    except BrokenProcessPool:
        if len(batch) == 1:
            return [Outcome(batch[0], error="读取此文件时进程意外终止（文件可能已损坏或过于复杂）")]
    half = len(batch) // 2
    return _isolated(batch[:half], with_json, read, context) + _isolated(
        batch[half:], with_json, read, context
    )


def _solo(task: Callable[[], T], context: multiprocessing.context.BaseContext) -> T:
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as solo:
        return solo.submit(task).result()


@app.command("audit")
def audit_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help=f"报告文件或文件夹 (report files or folders: {SHOWN_SUFFIXES})",
            show_default=False,
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="每份报告输出一行 JSON (JSON Lines, input order)")
    ] = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="每份报告输出一行 CSV (one CSV row per report)")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", help="并行进程数，0 为 CPU 核数 (worker processes; 0 = one per core)"
        ),
    ] = 1,
) -> None:
    """审核已公开的年度报告 (audit published annual reports)：读取网页、文本、Markdown、
    Word、PDF，恢复表格，检查全部勾稽关系。

    文件格式按内容识别 (form told by content)。文件夹递归读取其中的报告文件，按文件名排序。
    无法读取的文件给出原因，其余照常审核。

    退出状态 (exit status)：0 全部读取且一致 (all read and consistent)；
    1 有报告存在错误：规则错误或无法读取的单元格 (a report has an error finding: a broken rule
    or a cell xxgk could not read)；2 有文件无法读取，或没有找到报告文件 (a file could not be
    read, or there was no report file to read)。
    """
    if as_json and as_csv:
        output.fail("--json 与 --csv 只能选一个 (choose one of --json, --csv)")
    if jobs < 0:
        output.fail("--jobs 应为 0 或正整数 (0 = 每个 CPU 核一个进程)")
    jobs = jobs or os.cpu_count() or 1
    sources = report_sources(paths, repeated=_say_repeated)
    first = next(sources, None)
    if first is None:  # a wrong folder: nothing was audited, which is not a success
        output.fail(f"没有找到报告文件（{SHOWN_SUFFIXES}）")
    sources = itertools.chain([first], sources)
    tune_gc()
    outcomes = settle_years(audit_many(sources, jobs=jobs, with_json=as_json), with_json=as_json)
    try:
        if as_json:
            status = _print_json(outcomes, progress_total=_total_for_bar(paths))
        elif as_csv:
            status = _print_csv(outcomes, progress_total=_total_for_bar(paths))
        else:
            show_bar = output.err.is_terminal
            status = _print_terminal(outcomes, _count(paths) if show_bar else None)
    except BrokenPipeError:  # `xxgk audit --json … | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = _BROKEN_PIPE
    sys.exit(status)


def _say_repeated(source: str) -> None:
    output.err.print(f"[yellow]提示[/]：{escape(source)} 前面已列出，只读一次")


def _count(paths: Iterable[Path]) -> int:
    return sum(1 for _ in report_sources(paths))


def _total_for_bar(paths: list[Path]) -> int | None:
    """A bar for machine output only when it goes to a file and a person watches stderr."""
    if output.err.is_terminal and not sys.stdout.isatty():
        return _count(paths)
    return None


def _progress(total: int | None) -> Progress | None:
    if total is None:
        return None
    return Progress(
        TextColumn("[bold]审核[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=output.err,
        transient=True,
    )


def _tracked(outcomes: Iterator[Outcome], total: int | None) -> Iterator[Outcome]:
    bar = _progress(total)
    if bar is None:
        yield from outcomes
        return
    with bar:
        task = bar.add_task("", total=total)
        for outcome in outcomes:
            bar.update(task, advance=1, description=escape(Path(outcome.source).name))
            yield outcome


def _exit_status(unreadable: int, with_errors: int) -> int:
    if unreadable:
        return output.UNREADABLE
    return output.FINDINGS if with_errors else output.OK


def _print_json(outcomes: Iterator[Outcome], progress_total: int | None) -> int:
    unreadable = with_errors = 0
    for o in _tracked(outcomes, progress_total):
        if o.error is not None:
            unreadable += 1
            line = json.dumps(
                {"source": o.source, "error": o.error}, ensure_ascii=False, separators=(",", ":")
            )
        else:
            with_errors += o.errors > 0
            line = o.json_line or ""
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    return _exit_status(unreadable, with_errors)


def _print_csv(outcomes: Iterator[Outcome], progress_total: int | None) -> int:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    unreadable = with_errors = 0
    for o in _tracked(outcomes, progress_total):
        unreadable += o.error is not None
        with_errors += o.errors > 0
        writer.writerow(csv_row(o.row()))
    sys.stdout.flush()
    return _exit_status(unreadable, with_errors)


def _print_terminal(outcomes: Iterator[Outcome], total: int | None) -> int:
    rows: list[Row] = []
    unreadable = with_errors = 0
    for o in _tracked(outcomes, total):
        if o.error is not None:
            output.out.print(f"[bold red]✗ 无法读取[/] {escape(o.source)}：{escape(o.error)}")
            unreadable += 1
        elif o.findings:
            output.print_findings(_as_report(o), o.source)
        with_errors += o.errors > 0
        rows.append(o.row())
    print_summary(rows)
    return _exit_status(unreadable, with_errors)


def _as_report(o: Outcome) -> Report:
    """Enough of a report for `print_findings`: who, when, which edition, what was found."""
    return Report(editions.get(o.edition), o.agency, o.year or 0, {}, findings=list(o.findings))
