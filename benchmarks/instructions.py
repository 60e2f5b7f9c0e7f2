"""`make bench-instructions`: the machine instructions one report takes through `xxgk audit
--json`'s pipeline (read, recover, check, the JSON line), form by form, counted by valgrind's
cachegrind.

A time on a shared machine moves with the machine: on the development VM the same code read
251 html reports per CPU-second in one run and 147 in the next. An instruction count does not
move with other work, so a change to the readers is measured by it: the figure before and the
figure after, in the same units, whenever either was taken.

Run: ``uv run python -m benchmarks.instructions [--files 20] [FORM …]`` (valgrind must be
installed: ``apt-get install valgrind``). For each form, `--files` reports are generated
(`benchmarks.inputs`, the first files of `make bench`'s set), then the pipeline is run twice
under cachegrind in a fresh process: once over three other files only (imports, lazy caches,
first-call costs), once over those three and the `--files` reports. The difference, divided by
`--files`, is the count per report; start-up is left out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.inputs import write_set

FORMS = ("txt", "md", "html", "docx", "pdf")
WARM = 3  # files read before the counted ones, in both runs
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _child(folder: Path, count: int) -> None:
    """What runs under valgrind: the warm-up files, then the first `count` files."""
    from xxgk.cli.commands.audit import audit_file, tune_gc

    paths = sorted(str(p) for p in folder.iterdir())
    for path in paths[-WARM:]:
        audit_file(path, with_json=True)
    tune_gc()  # as `xxgk audit` does before it reads
    for path in paths[:count]:
        audit_file(path, with_json=True)


def instructions(folder: Path, count: int) -> int:
    """Instructions of a fresh process that reads the warm-up files and then `count` files."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(  # noqa: S603 - valgrind on this interpreter and our own module
            [
                shutil.which("valgrind") or "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                f"--cachegrind-out-file={out}/cachegrind.out",
                sys.executable,
                "-m",
                "benchmarks.instructions",
                "--child",
                str(folder),
                str(count),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).parents[1],
        )
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_report(form: str, files: int, root: Path) -> float:
    """Instructions per report of `form`, over `files` generated reports."""
    folder = root / form
    # distinct: every file rendered (the warm-up ones too), none a copy of a counted one
    write_set(folder, form, files + WARM, distinct=files + WARM)
    return (instructions(folder, files) - instructions(folder, 0)) / files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("forms", nargs="*", help=f"of {', '.join(FORMS)}; default: txt md html")
    parser.add_argument("--files", type=int, default=20, help="reports counted per form")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), int(args.child[1]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    unknown = [f for f in args.forms if f not in FORMS]
    if unknown:
        raise SystemExit(f"unknown form: {', '.join(unknown)} (one of {', '.join(FORMS)})")
    if args.files < 1:
        raise SystemExit("--files must be at least 1")
    forms = args.forms or ["txt", "md", "html"]
    print(f"指令数 (instructions per report, cachegrind, {args.files} files per form)", flush=True)
    with tempfile.TemporaryDirectory(prefix="xxgk-instructions-") as root:
        for form in forms:
            count = per_report(form, args.files, Path(root))
            print(f"  {form:5} {count / 1e6:6.2f} M", flush=True)


if __name__ == "__main__":
    main()
