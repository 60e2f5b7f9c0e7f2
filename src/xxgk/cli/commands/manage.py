"""`xxgk manage ARGS…`: Django's management commands (migrate, createsuperuser, …)."""

from __future__ import annotations

import typer

from xxgk.cli.app import app


@app.command(
    "manage",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """运行 Django 管理命令，如 `xxgk manage migrate`、`xxgk manage createsuperuser`。

    Run a Django management command with xxgk's settings.
    """
    from django.core.management import execute_from_command_line

    from xxgk.site.bootstrap import django_setup

    django_setup()
    execute_from_command_line(["xxgk manage", *ctx.args])
