"""`xxgk demo`: load the demo agencies, staff and applications (once) and print the accounts."""

from __future__ import annotations

from rich.markup import escape

from xxgk.cli.app import app
from xxgk.cli.output import fail, out


@app.command("demo")
def demo() -> None:
    """载入演示数据，只载入一次 (load the demo data once).

    一个市及其政府办公室、三个部门、一个区和一个镇，2025–2026 年的申请；打印演示账号。
    """
    from xxgk.site.bootstrap import database_problem, django_setup

    django_setup()
    problem = database_problem()
    if problem:
        fail(problem)
    from xxgk.site.demo import DemoRefused, demo_accounts, demo_load

    try:
        loaded = demo_load()
    except DemoRefused as e:
        fail(str(e))
    out.print("已载入演示数据。" if loaded else "演示数据此前已载入，未重复载入。")
    print_accounts(demo_accounts())


def print_accounts(accounts: list[tuple[str, str, str]]) -> None:
    out.print("演示账号（用户名 / 密码）：")
    for username, password, what in accounts:
        out.print(f"  [bold]{escape(username)}[/] / {escape(password)}  {escape(what)}")
