"""`make bench`: how fast `xxgk` starts, how fast `xxgk audit` reads each form on one core
beside the floor of that work, how it scales with `--jobs`, and whether its memory stays flat
as the number of files grows.

Run: ``uv run python -m benchmarks.bench [--scale 1.0] [--keep DIR] [--repeat 3]``. Inputs are
generated first (`benchmarks.inputs`) and never timed; the figures are printed with the machine
they came from and its load average. Each run times the whole pipeline as `xxgk audit --json`
runs it, in this process: read the file, recover the tables, check every rule, build the JSON
line. The one-core figure is per second of the process's CPU time — the work of one core,
without the waits of a disk whose cache the machine may drop — and the wall-clock rate is shown
beside it; it is timed in batches of 50 files, each batch's fastest of `--repeat` runs counted
(as `timeit` does: other work on a shared machine only slows a run down, and on a shared
machine the core's speed varies from second to second). `--jobs` runs are wall-clock, the
fastest of `--repeat` runs of all the files. A `--jobs` run also pays for starting its workers
once: that is measured apart and the rate without it shown too.

Start-up is the wall-clock time of a fresh `xxgk` process (`--help`, `deadline`, `check`), the
median of `--runs` runs after one unmeasured run, with the bytecode that run cached (as every
run after the first finds it); also shown with no bytecode at all, every module compiled.
The floor is what no reader can beat on the same files: reading their bytes, OpenCC t2s of their
text, and an lxml HTML parse of their bytes, in files per CPU-second beside xxgk's reports per
CPU-second of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import opencc
from lxml import etree
from rich.console import Console
from rich.table import Table

from benchmarks.inputs import READ_FORMS, write_set
from xxgk.cli.commands.audit import audit_many, tune_gc

console = Console(highlight=False)
T = TypeVar("T")

# Files per form at scale 1, and how many of them are rendered rather than copied.
SIZES = {"txt": 600, "md": 600, "html": 600, "docx": 200, "pdf": 50}
DISTINCT = {"txt": 600, "md": 600, "html": 600, "docx": 6, "pdf": 4}
TARGETS = {"txt": 300, "md": 300, "html": 300, "docx": 50, "pdf": 5}  # reports/s, one core

DEMO = Path(__file__).parents[1] / "src/xxgk/demo/changzhou-fao-2020.json"
# Start-up targets (ms, wall clock, median of fresh processes): issue 13.
START_UP = {
    ("--help",): 200,
    ("deadline", "2025-09-16"): 300,
    ("check", str(DEMO)): 300,
}
FLOOR_FORMS = ("txt", "md", "html")  # the text forms: their floor is reading and converting text


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    load = ""
    if hasattr(os, "getloadavg"):  # other work on the machine slows every figure below
        load = f"; 负载 (load average) {os.getloadavg()[0]:.1f}"
    return (
        f"{model}, {cores} 核 (cores), {usable} 可用 (usable); Python "
        f"{platform.python_version()}; {platform.system()} {platform.release()}{load}"
    )


@dataclass(frozen=True)
class Rate:
    """Reports per second through the audit pipeline: per second of the process's CPU time
    (what one core does: a run in one process) and per second of the wall clock (what a
    `--jobs` run gives); `clean` is the share read with no finding."""

    cpu: float
    wall: float
    clean: float


# A one-process run is timed in batches of this many files, each batch's fastest run counted:
# on a shared machine the speed of the core itself varies from second to second.
BATCH = 50


def throughput(
    paths: list[Path], jobs: int = 1, *, repeat: int = 1, batch: int | None = None
) -> Rate:
    """The audit pipeline's rate over `paths`: each `batch` of files (default: all of them)
    run `repeat` times and its fastest run counted, as `timeit` does — other work on the
    machine only ever slows a run down."""
    sources = [str(p) for p in paths]
    for _ in audit_many(sources[:3], jobs=1):  # warm the imports and caches once
        pass
    size = batch or len(sources)
    wall = cpu = 0.0
    clean = 0
    for at in range(0, len(sources), size):
        files = sources[at : at + size]
        best_wall = best_cpu = float("inf")
        for _ in range(max(1, repeat)):
            for path in paths[at : at + size]:  # in the page cache: time reading, not the disk
                path.read_bytes()
            start, start_cpu = time.perf_counter(), time.process_time()
            outcomes = list(audit_many(files, jobs=jobs, with_json=True))
            best_wall = min(best_wall, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - start_cpu)
        clean += sum(o.error is None and not o.findings for o in outcomes)
        wall += best_wall
        cpu += best_cpu
    return Rate(len(sources) / cpu, len(sources) / wall, clean / len(sources))


def start_up_seconds(path: Path, jobs: int) -> float:
    """How long `audit_many` takes to start its worker processes and read one file: the part
    of a `--jobs` run that does not grow with the number of files."""
    start = time.perf_counter()
    for _ in audit_many([str(path)] * jobs, jobs=jobs, with_json=True):
        pass
    return time.perf_counter() - start


@dataclass(frozen=True)
class StartUp:
    """Median milliseconds of a fresh `xxgk` process: wall clock and the process's CPU time with
    its bytecode cached, and the wall clock with no bytecode at all (every module compiled)."""

    wall: float
    cpu: float
    uncached: float


def _xxgk() -> str:
    """The `xxgk` console script of this environment."""
    script = Path(sys.executable).with_name("xxgk")
    return str(script) if script.exists() else shutil.which("xxgk") or "xxgk"


def _timed_runs(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of `runs` fresh processes."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own command
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def start_up_ms(args: tuple[str, ...], runs: int = 7, *, command: str | None = None) -> StartUp:
    """`xxgk ARGS…` (or `command ARGS…`) started `runs` times as fresh processes: first with the
    bytecode an unmeasured run has cached, as every run after the first finds it; then with no
    bytecode written or found (each module compiled on every start)."""
    argv = [command or _xxgk(), *args]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cached, tempfile.TemporaryDirectory() as empty:
        # a cache of its own: the measured bytecode is this run's, and the checkout stays clean
        warm = {**env, "PYTHONPYCACHEPREFIX": cached}
        _timed_runs(argv, 1, warm)  # writes the bytecode the measured runs read
        wall, cpu = _timed_runs(argv, runs, warm)
        cold = {**env, "PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        uncached, _ = _timed_runs(argv, runs, cold)
    return StartUp(wall, cpu, uncached)


def _best_cpu(items: Sequence[T], work: Callable[[T], object], repeat: int) -> float:
    """CPU seconds for `work` over `items`, each batch at its fastest of `repeat` runs."""
    total = 0.0
    for at in range(0, len(items), BATCH):
        batch = items[at : at + BATCH]
        best = float("inf")
        for _ in range(max(1, repeat)):
            start = time.process_time()
            for item in batch:
                work(item)
            best = min(best, time.process_time() - start)
        total += best
    return max(total, 1e-9)


def floor_rates(paths: list[Path], *, repeat: int = 1) -> dict[str, float]:
    """Files per CPU-second for the work under every reader of `paths`: ``read`` their bytes,
    ``t2s`` (OpenCC, traditional to simplified) over their text, ``lxml`` (an HTML parse of
    their bytes) — each timed alone, on inputs already in memory (the files already in the
    page cache for ``read``)."""
    blobs = [p.read_bytes() for p in paths]
    texts = [b.decode("utf-8") for b in blobs]
    converter = opencc.OpenCC("t2s")
    parser = etree.HTMLParser(encoding="utf-8")
    return {
        "read": len(paths) / _best_cpu(paths, Path.read_bytes, repeat),
        "t2s": len(paths) / _best_cpu(texts, converter.convert, repeat),
        "lxml": len(paths) / _best_cpu(blobs, lambda b: etree.fromstring(b, parser), repeat),
    }


def print_start_up(runs: int) -> None:
    table = Table(title=f"启动时间 (start-up: fresh process, median of {runs}, ms)")
    for name in (
        "xxgk 命令 command",
        "墙钟 wall",
        "目标 target",
        "CPU",
        "无字节码 no bytecode",
    ):
        table.add_column(name, justify="right")
    for args, target in START_UP.items():
        timing = start_up_ms(args, runs)
        mark = "[green]✓[/]" if timing.wall < target else "[red]✗[/]"
        shown = " ".join("FILE.json" if a == str(DEMO) else a for a in args)
        table.add_row(
            shown,
            f"{timing.wall:.0f}",
            f"< {target} {mark}",
            f"{timing.cpu:.0f}",
            f"{timing.uncached:.0f}",
        )
    console.print(table)


def peak_rss_mib(folder: Path, jobs: int) -> dict[str, float]:
    """Peak resident memory (MiB) of `xxgk audit --json --jobs N FOLDER` in a fresh process:
    ``main`` (the audit process) and ``worker`` (its largest worker)."""
    done = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [sys.executable, "-m", "benchmarks.rss", str(jobs), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="input sizes × this")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each batch of files; the fastest counts"
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="fresh processes per start-up figure; the median counts"
    )
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-bench-"))
    console.print(f"[bold]机器 (machine)[/]：{machine()}")
    print_start_up(args.runs)

    def size(form: str) -> int:
        return max(4, round(SIZES[form] * args.scale))

    console.print(f"生成输入 (generating inputs) in {root} …")
    sets: dict[str, list[Path]] = {}
    for form in READ_FORMS:
        start = time.perf_counter()
        sets[form] = write_set(root / form, form, size(form), distinct=DISTINCT[form])
        seconds = time.perf_counter() - start
        console.print(f"  {form}: {len(sets[form])} 个文件 ({seconds:.1f} s)")

    tune_gc()  # as `xxgk audit` does before it reads (this process also made the inputs)
    table = Table(title="单核读取速度 (one core: read + recover + check + JSON)")
    for name in (
        "格式 form",
        "文件 files",
        "份/CPU秒 reports/CPU-s",
        "目标 target",
        "份/秒 (墙钟) wall",
        "无问题 clean",
    ):
        table.add_column(name, justify="right")
    one_core: dict[str, float] = {}
    for form in READ_FORMS:
        rate = throughput(sets[form], repeat=args.repeat, batch=BATCH)
        one_core[form] = rate.cpu
        mark = "[green]✓[/]" if rate.cpu >= TARGETS[form] else "[red]✗[/]"
        table.add_row(
            form,
            str(len(sets[form])),
            f"{rate.cpu:,.0f}",
            f"≥ {TARGETS[form]} {mark}",
            f"{rate.wall:,.0f}",
            f"{rate.clean:.0%}",
        )
    console.print(table)

    floor = Table(title="下限 (floor: the same files, files per CPU-second)")
    for name in (
        "格式 form",
        "读字节 read bytes",
        "OpenCC t2s",
        "lxml 解析 parse",
        "xxgk 份/CPU秒 reports/CPU-s",
    ):
        floor.add_column(name, justify="right")
    for form in FLOOR_FORMS:
        rates = floor_rates(sets[form], repeat=args.repeat)
        floor.add_row(
            form,
            f"{rates['read']:,.0f}",
            f"{rates['t2s']:,.0f}",
            f"{rates['lxml']:,.0f}",
            f"{one_core[form]:,.0f}",
        )
    console.print(floor)

    mixed = [p for form in ("txt", "html", "docx") for p in sets[form]]
    scaling = Table(title=f"--jobs 扩展 (scaling, {len(mixed)} 个 txt/html/docx 文件)")
    for name in (
        "--jobs",
        "份/秒 reports/s",
        "加速比 speed-up",
        "启动 start-up s",
        "不计启动 excl. start-up",
    ):
        scaling.add_column(name, justify="right")
    base = None
    for jobs in sorted({1, 2, max(1, (os.cpu_count() or 1))}):
        rate = throughput(mixed, jobs=jobs, repeat=args.repeat).wall
        # worker start-up is paid once per run: shown apart, so a short run does not hide
        # how the reading itself scales
        start_up = min(start_up_seconds(mixed[0], jobs) for _ in range(2)) if jobs > 1 else 0.0
        steady = len(mixed) / max(len(mixed) / rate - start_up, 1e-9)
        base = base or rate
        scaling.add_row(
            str(jobs),
            f"{rate:,.0f}",
            f"{rate / base:.2f}×",
            f"{start_up:.2f}",
            f"{steady:,.0f} ({steady / base:.2f}×)",
        )
    console.print(scaling)
    console.print(f"[dim]{machine()}[/]")

    memory = Table(title="内存峰值 (peak RSS, xxgk audit --json, MiB)")
    for name in ("文件 files", "--jobs 1", "--jobs 2 主进程 main", "--jobs 2 进程 worker"):
        memory.add_column(name, justify="right")
    txt = sets["txt"]
    for count in (100, 1000):
        folder = root / f"rss-{count}"
        folder.mkdir(exist_ok=True)
        for i in range(count):  # hard links: the same bytes under many names
            link = folder / f"{i:05d}.txt"
            if not link.exists():
                os.link(txt[i % len(txt)], link)
        one, two = peak_rss_mib(folder, 1), peak_rss_mib(folder, 2)
        memory.add_row(
            str(count), f"{one['main']:.0f}", f"{two['main']:.0f}", f"{two['worker']:.0f}"
        )
    console.print(memory)
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
