"""`make bench`: how fast `xxgk audit` reads each form on one core, how it scales with
`--jobs`, and whether its memory stays flat as the number of files grows.

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
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from benchmarks.inputs import READ_FORMS, write_set
from xxgk.cli.commands.audit import audit_many, tune_gc

console = Console(highlight=False)

# Files per form at scale 1, and how many of them are rendered rather than copied.
SIZES = {"txt": 600, "md": 600, "html": 600, "docx": 200, "pdf": 50}
DISTINCT = {"txt": 600, "md": 600, "html": 600, "docx": 6, "pdf": 4}
TARGETS = {"txt": 300, "md": 300, "html": 300, "docx": 50, "pdf": 5}  # reports/s, one core


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
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-bench-"))
    console.print(f"[bold]机器 (machine)[/]：{machine()}")

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
    for form in READ_FORMS:
        rate = throughput(sets[form], repeat=args.repeat, batch=BATCH)
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
