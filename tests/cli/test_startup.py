"""What `xxgk` imports to start: only the modules of the command that runs (issue 13).

The times are `make bench`'s; these tests check the behaviour behind them, in fresh processes.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from xxgk.cli import load_commands
from xxgk.cli.app import _Listed, app, summary
from xxgk.cli.commands import COMMANDS

DEMO = Path(__file__).parents[2] / "src/xxgk/demo/changzhou-fao-2020.json"

# Libraries only some commands need, each a noticeable part of a second to import.
HEAVY = (
    "django",
    "weasyprint",
    "pdfplumber",
    "pypdfium2",
    "docx",
    "docxtpl",
    "openpyxl",
    "lxml",
    "opencc",
    "gunicorn",
    "pydantic",
    "rich.table",
    "rich.progress",
    "multiprocessing",
)

# Runs `xxgk ARGS…` as the console script does, then prints its exit status and every module
# it imported (on stderr, after the command's own output).
_PROBE = """
import json, sys
from xxgk.cli import main
sys.argv = ["xxgk", *sys.argv[1:]]
try:
    main()
    code = 0
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "modules": list(sys.modules)}), file=sys.stderr)
"""


def run(*args: str) -> tuple[int, str, set[str]]:
    """`xxgk ARGS…` in a fresh interpreter: exit status, stdout, the modules it imported."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    probe = json.loads(done.stderr.strip().splitlines()[-1])
    return probe["code"], done.stdout, set(probe["modules"])


def heavy_in(modules: set[str]) -> set[str]:
    return {h for h in HEAVY if h in modules}


def test_help_lists_every_command_and_imports_none_of_them():
    code, stdout, modules = run("--help")
    assert code == 0
    listing = "".join(stdout.split("Commands:")[1].split())  # as wrapped to the terminal
    for name, listed in COMMANDS.items():
        assert name + "".join(listed.summary.split()) in listing
    assert "check a report JSON against every consistency rule" in stdout
    assert not {m for m in modules if m.startswith("xxgk.cli.commands.")}
    assert not modules & {"xxgk.report", "jsonschema", "rich.console"}
    assert heavy_in(modules) == set()


def test_deadline_imports_only_the_calendar():
    code, stdout, modules = run("deadline", "2025-09-16")
    assert (code, stdout) == (0, "2025-10-20\n")  # 国庆中秋 1–8 October skipped
    assert {m for m in modules if m.startswith("xxgk.cli.commands.")} == {
        "xxgk.cli.commands.deadline"
    }
    assert not modules & {"xxgk.report", "jsonschema"}
    assert heavy_in(modules) == set()


def test_check_imports_neither_django_nor_a_reader():
    code, stdout, modules = run("check", str(DEMO))
    assert code == 0
    assert "勾稽关系全部成立" in stdout
    assert not {m for m in modules if m.startswith("xxgk.report.read")}
    assert not {m for m in modules if m.startswith("xxgk.report.render")}
    assert heavy_in(modules) == set()


def test_a_mistyped_command_is_still_told_the_nearest_one(xxgk):
    result = xxgk("chek", "x.json")
    assert result.exit_code == 2
    assert "No such command 'chek'. Did you mean 'check'" in result.stderr


@pytest.fixture(scope="module")
def every_command():
    load_commands()
    return typer.main.get_group(app).commands


def test_every_registered_command_is_listed(every_command):
    assert list(every_command) == list(COMMANDS)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_listed_line_is_the_first_paragraph_of_the_commands_help(every_command, name):
    assert not isinstance(every_command[name], _Listed)  # the command itself, not its listing
    assert COMMANDS[name].summary == summary(every_command[name])
