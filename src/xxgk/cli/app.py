"""The Typer application every command registers with, and the group that imports a command's
module only when that command runs.

Start-up is most of the time of a short command (`xxgk --help`, `xxgk deadline`, `xxgk check`):
importing every command module would import Django, WeasyPrint, python-docx, jsonschema … on
each run. Help is plain (`rich_markup_mode=None`): Typer's rich help alone imports for 0.2 s.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import typer
import typer.main
from typer._click import Command, Context, HelpFormatter  # Typer's own click, as TyperGroup's
from typer._click.exceptions import ClickException
from typer.core import TyperCommand, TyperGroup

from xxgk.cli.commands import COMMANDS, Listing


class _Listed(TyperCommand):
    """A command whose module is not imported yet: its name and one line of help, enough for
    `xxgk --help`; `LazyGroup.get_command` replaces it with the real command."""

    def __init__(self, name: str, listing: Listing) -> None:
        super().__init__(name, help=listing.summary)
        self.listing = listing


def summary(command: Command) -> str:
    """The line `xxgk --help` lists for a command: the first paragraph of its help."""
    return (command.help or "").split("\n\n")[0].strip()


class LazyGroup(TyperGroup):
    """The `xxgk` group: every command of `COMMANDS` is listed, and its module imported when
    the command is looked up to run (or for its own `--help`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        built = dict(self.commands)  # the commands of the modules imported so far
        self.commands = {
            name: built.pop(name) if name in built else _Listed(name, listing)
            for name, listing in COMMANDS.items()
        }
        self.commands.update(built)  # a command missing from COMMANDS still works (a test fails)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Listed):
            importlib.import_module(f"{__package__}.commands.{command.listing.module}")
            command = self.commands[cmd_name] = typer.main.get_group(app).commands[cmd_name]
        return command

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        extra["windows_expand_args"] = windows_expand_args
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        # click's own standalone mode would print a usage error in English only: it is let
        # through here and said in Chinese too (`usage.show`), with click's exit status
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as e:
            from xxgk.cli import usage

            usage.show(e)
            sys.exit(e.exit_code)
        except typer.Abort:
            print("已中止 (Aborted)", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        # the listing imports no command module; each line is whole (click would cut it short)
        rows = [
            (name, summary(command).replace("\n", " "))
            for name, command in self.commands.items()
            if not command.hidden
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="xxgk",
    cls=LazyGroup,
    help=(
        "xxgk 政府信息公开：年度报告的生成、检查与审核，依申请公开的办理。\n\n"
        "xxgk (government information disclosure): build, check and audit annual reports; "
        "handle disclosure applications."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root() -> None:
    # a callback keeps `xxgk` a group of commands before any command module is imported
    # (Typer makes an app of one registered command that command, and of none an error)
    pass
