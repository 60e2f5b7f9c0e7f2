"""`xxgk serve`: the production web server (gunicorn), static files by WhiteNoise."""

from __future__ import annotations

from typing import Any

import typer

from xxgk.cli.app import app
from xxgk.cli.output import err, fail, out


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址 (address to bind)"),
    port: int = typer.Option(8000, "--port", "-p", help="端口 (port)"),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="工作进程数 (gunicorn workers)"),
) -> None:
    """以生产方式启动网站（gunicorn + WhiteNoise），启动前检查数据库与迁移。

    Serve the web application with gunicorn; checks the database and migrations first.
    """
    from django.core.management import call_command

    from xxgk.site.bootstrap import database_problem, django_setup, serving_problem

    django_setup()
    problem = serving_problem() or database_problem()
    if problem:
        fail(problem)
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.conf import settings

    if settings.DEBUG:
        err.print(
            "[yellow]警告[/]：DEBUG 已开启（开发或演示配置），仅适用于本机开发和演示；"
            "生产环境不要设置 XXGK_PROFILE 和 DEBUG，并设置 SECRET_KEY 和 ALLOWED_HOSTS。"
        )
    out.print(f"xxgk 已启动：http://{host}:{port}/  （按 Ctrl+C 停止）")
    _gunicorn({"bind": f"{host}:{port}", "workers": workers, "accesslog": "-"}).run()


def _gunicorn(options: dict[str, object]) -> Any:
    """gunicorn run in-process with xxgk's WSGI application."""
    from gunicorn.app.base import BaseApplication  # imported here: 0.15 s of start-up

    class Gunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from xxgk.site.wsgi import application

            return application

    return Gunicorn()
