"""The one `xxgk` command. Each module of `xxgk.cli.commands` adds its subcommands to `app`."""

from __future__ import annotations

import importlib
import pkgutil

from xxgk.cli import commands
from xxgk.cli.app import app


def main() -> None:
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        importlib.import_module(f"{commands.__name__}.{info.name}")
    app()
