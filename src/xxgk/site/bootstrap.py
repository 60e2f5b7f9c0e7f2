"""Starting Django from the `xxgk` command, and telling the user plainly when the database is
not there or not migrated."""

from __future__ import annotations

import os


class SetupError(Exception):
    """The settings cannot be used as they are; the message (Chinese) says what to set."""


def django_setup() -> None:
    """Configure Django with xxgk's settings (unless DJANGO_SETTINGS_MODULE says otherwise).

    Raises SetupError when the environment is incomplete (e.g. no SECRET_KEY in production).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise SetupError(str(exc)) from exc


def serving_problem() -> str | None:
    """None when the settings can serve requests, else what to set (Chinese).

    Without DEBUG, Django answers 400 to every host not in ALLOWED_HOSTS: a server started
    without any would look up and refuse everyone.
    """
    from django.conf import settings

    if not settings.DEBUG and not settings.ALLOWED_HOSTS:
        return (
            "未设置 ALLOWED_HOSTS：生产环境必须列出网站的域名，如 ALLOWED_HOSTS=xxgk.example.gov.cn"
            "（本机开发或演示请用 make run）。"
        )
    return None


def database_problem() -> str | None:
    """None when the database answers and every migration is applied, else what to do (Chinese)."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import Error as DatabaseError

    connection = connections[DEFAULT_DB_ALIAS]
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        where = _describe(connection.settings_dict)
        return f"无法连接数据库（{where}）：{exc}".strip() + "。请检查 DATABASE_URL。"
    if pending:
        return f"数据库有 {len(pending)} 个迁移尚未执行，请先运行：xxgk manage migrate"
    return None


def _describe(settings: dict[str, object]) -> str:
    engine = str(settings.get("ENGINE", "")).rsplit(".", 1)[-1]
    if engine == "sqlite3":
        return f"SQLite {settings.get('NAME')}"
    host = settings.get("HOST") or "localhost"
    return f"{engine} {host}:{settings.get('PORT') or ''}/{settings.get('NAME')}"
