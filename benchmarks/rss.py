"""Peak memory of one `xxgk audit --json` run, in this fresh process.

``python -m benchmarks.rss JOBS FOLDER`` prints ``{"main": MiB, "worker": MiB}``: the peak
resident set (VmHWM) of the audit process and of its largest worker. VmHWM is read from /proc
(Linux), because ``ru_maxrss`` carries the parent's peak over ``fork``/``exec``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from pathlib import Path


def status_kib(pid: int | str, key: str = "VmHWM") -> int:
    """A memory figure of /proc/PID/status in KiB (VmHWM: the peak resident set), 0 when the
    process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(root: int) -> set[int]:
    """The pids of every process below `root`."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def main() -> None:
    jobs, folder = sys.argv[1], sys.argv[2]
    workers: dict[int, int] = {}
    done = threading.Event()

    def sample() -> None:  # workers' peaks, read while they live
        while not done.wait(0.05):
            for pid in descendants(os.getpid()):
                workers[pid] = max(workers.get(pid, 0), status_kib(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    from xxgk.cli import load_commands

    app = load_commands()
    # audit leaves with its exit status; the JSON lines go nowhere
    with (
        open(os.devnull, "w") as sink,
        contextlib.redirect_stdout(sink),
        contextlib.suppress(SystemExit),
    ):
        app(["audit", "--json", "--jobs", jobs, folder])
    done.set()
    sampler.join()
    main_mib = status_kib("self") / 1024
    worker_mib = max(workers.values(), default=0) / 1024
    print(json.dumps({"main": round(main_mib, 1), "worker": round(worker_mib, 1)}))


if __name__ == "__main__":
    main()
