"""The one `xxgk` command. Each module of `xxgk.cli.commands` adds its subcommands to `app`."""

from __future__ import annotations

import importlib
import pkgutil

import typer

from xxgk.cli import commands
from xxgk.cli.app import app


def load_commands() -> typer.Typer:
    """Import every command module (each registers itself on `app`) and return the app."""
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        importlib.import_module(f"{commands.__name__}.{info.name}")
    return app


def main() -> None:
    load_commands()()
