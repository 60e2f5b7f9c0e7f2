"""`xxgk serve`, `xxgk demo` and `xxgk manage` as a user runs them (subprocesses on a
throw-away SQLite database)."""

import os
import subprocess
import sys

import pytest


def xxgk(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from xxgk.cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def env(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    return {**clean, "XXGK_VAR_DIR": str(tmp_path / "var"), "SECRET_KEY": "cli-test"}


def test_serve_refuses_an_unreachable_database_clearly(env) -> None:
    env["DATABASE_URL"] = "postgres://nobody:x@127.0.0.1:9/none"
    result = xxgk("serve", "--port", "8999", env=env)
    assert result.returncode == 2
    assert "无法连接数据库" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_serve_asks_for_migrations_first(env) -> None:
    result = xxgk("serve", env=env)
    assert result.returncode == 2
    assert "xxgk manage migrate" in result.stderr


@pytest.mark.slow
def test_manage_migrate_then_demo_twice(env) -> None:
    assert xxgk("manage", "migrate", "-v0", env=env).returncode == 0
    first = xxgk("demo", env=env)
    assert first.returncode == 0, first.stderr
    assert "已载入演示数据" in first.stdout
    assert "officer / xxgk-demo" in first.stdout
    second = xxgk("demo", env=env)
    assert "未重复载入" in second.stdout
