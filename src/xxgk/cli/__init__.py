"""The one `xxgk` command. Each module of `xxgk.cli.commands` adds its subcommands to `app`,
imported only when one of its commands runs (`xxgk.cli.app.LazyGroup`)."""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import NoReturn

import typer

from xxgk.cli.app import app
from xxgk.cli.commands import COMMANDS
from xxgk.site.bootstrap import SetupError


def load_commands() -> typer.Typer:
    """Import every command module now (each registers itself on `app`) and return the app;
    `xxgk` itself imports a module only when one of its commands runs."""
    for module in dict.fromkeys(listing.module for listing in COMMANDS.values()):
        importlib.import_module(f"{__name__}.commands.{module}")
    return app


# A crash is neither "consistent" (0), "errors found" (1) nor "unreadable input" (2).
INTERNAL_ERROR = 3


def main() -> None:
    try:
        app(standalone_mode=True)
    except SetupError as e:  # the environment is the user's to fix: a message, not a traceback
        from xxgk.cli.output import fail  # imported here: rich's console costs start-up

        fail(str(e))
    except OSError as e:
        # Output that cannot be written (a full disk) is the user's to fix; any other OSError
        # escaping a command is a bug, and must not be shown as a full disk.
        if e.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EIO):
            _internal_error(e)
        from xxgk.cli.output import fail, reason

        fail(f"无法写出结果：{reason(e)}")
    except Exception as e:  # the last resort: a bug in xxgk must not look like a result
        _internal_error(e)


def _internal_error(e: Exception) -> NoReturn:
    if os.environ.get("XXGK_DEBUG"):
        raise e
    print(
        f"xxgk 内部错误（internal error）：{type(e).__name__}: {e}\n"
        "请设置环境变量 XXGK_DEBUG=1 重新运行以查看详细信息，并报告此问题。",
        file=sys.stderr,
    )
    sys.exit(INTERNAL_ERROR)
