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
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return {
        **clean,
        "XXGK_VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": "cli-test",
        "XXGK_PROFILE": "development",
    }


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
    env["XXGK_PROFILE"] = "demo"  # as `make run` sets it
    assert xxgk("manage", "migrate", "-v0", env=env).returncode == 0
    first = xxgk("demo", env=env)
    assert first.returncode == 0, first.stderr
    assert "已载入演示数据" in first.stdout
    assert "officer / xxgk-demo" in first.stdout
    second = xxgk("demo", env=env)
    assert "未重复载入" in second.stdout


@pytest.mark.slow
def test_serve_answers_on_the_port_it_was_given(env) -> None:
    import socket
    import time
    import urllib.request

    assert xxgk("manage", "migrate", "-v0", env=env).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from xxgk.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "登录" in body
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/xxgk/htmx-2.0.11.min.js", timeout=5
        ) as r:
            assert r.status == 200
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out
