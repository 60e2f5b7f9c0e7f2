"""The production profile, the default: what `xxgk serve`, `xxgk demo` and `check --deploy` do
with a production environment (subprocesses, as an operator runs them)."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

# What an operator's shell would not have: the test suite's own profile and key among them.
NOT_INHERITED = {
    "XXGK_PROFILE",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_COOKIES",
    "XXGK_DATA_KEY",
    "XXGK_OLD_DATA_KEYS",
}


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from xxgk.cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def bare(tmp_path) -> dict[str, str]:
    """A production environment with nothing set."""
    clean = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return {**clean, "XXGK_VAR_DIR": str(tmp_path / "var")}


@pytest.fixture
def production(bare) -> dict[str, str]:
    """A production environment set as the README says."""
    return {
        **bare,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "XXGK_DATA_KEY": secrets.token_hex(32),
    }


def test_serve_refuses_without_a_data_key(production) -> None:
    result = run("serve", env={**production, "XXGK_DATA_KEY": ""})
    assert result.returncode == 2
    assert "XXGK_DATA_KEY 未设置或为演示密钥" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_serve_refuses_without_a_secret_key(bare) -> None:
    result = run("serve", env=bare)
    assert result.returncode == 2
    assert "未设置 SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_serve_refuses_without_allowed_hosts(bare) -> None:
    result = run("serve", env={**bare, "SECRET_KEY": "k" * 60, "XXGK_DATA_KEY": "ab" * 32})
    assert result.returncode == 2
    assert "未设置 ALLOWED_HOSTS" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_unknown_profile_is_refused_plainly(production) -> None:
    result = run("serve", env={**production, "XXGK_PROFILE": "prod"})
    assert result.returncode == 2
    assert "XXGK_PROFILE=prod 无效" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_deploy_is_clean(production) -> None:
    result = run("manage", "check", "--deploy", "--fail-level", "WARNING", env=production)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_in_development(production) -> None:
    # The check is real: the development profile (DEBUG on) does not pass it.
    env = {**production, "XXGK_PROFILE": "development"}
    result = run("manage", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


@pytest.mark.slow
def test_the_demo_refuses_to_create_its_accounts_outside_the_demo_profile(production) -> None:
    assert run("manage", "migrate", "-v0", env=production).returncode == 0
    for profile in (None, "development"):
        env = {**production, **({"XXGK_PROFILE": profile} if profile else {})}
        result = run("demo", env=env)
        assert result.returncode == 2
        assert "XXGK_PROFILE=demo" in result.stderr
        assert "Traceback" not in result.stderr
    count = "from django.contrib.auth.models import User; print(User.objects.count())"
    assert run("manage", "shell", "-c", count, env=production).stdout.split()[-1] == "0"


def settings_of(env: dict[str, str]) -> dict[str, object]:
    code = (
        "import json; from xxgk.site.bootstrap import django_setup; django_setup();"
        "from django.conf import settings as s;"
        "names = ['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT',"
        " 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_PROXY_SSL_HEADER',"
        " 'AXES_FAILURE_LIMIT', 'SESSION_COOKIE_AGE', 'SESSION_SAVE_EVERY_REQUEST'];"
        "d = {n: getattr(s, n) for n in names};"
        "d['lockout_minutes'] = s.AXES_COOLOFF_TIME.total_seconds() / 60;"
        "print(json.dumps(d))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_production_defaults(production) -> None:
    got = settings_of(production)
    assert got["DEBUG"] is False
    assert got["SESSION_COOKIE_SECURE"] is True
    assert got["CSRF_COOKIE_SECURE"] is True
    assert got["SECURE_SSL_REDIRECT"] is True
    assert got["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert got["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert got["SECURE_PROXY_SSL_HEADER"] is None
    assert got["AXES_FAILURE_LIMIT"] == 5
    assert got["lockout_minutes"] == 15
    assert got["SESSION_COOKIE_AGE"] == 30 * 60
    assert got["SESSION_SAVE_EVERY_REQUEST"] is True


def test_what_the_environment_changes(production) -> None:
    got = settings_of(
        {
            **production,
            "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "600",
            "XXGK_LOGIN_FAILURE_LIMIT": "3",
            "XXGK_LOCKOUT_MINUTES": "60",
            "XXGK_SESSION_IDLE_MINUTES": "10",
        }
    )
    assert got["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert got["SECURE_SSL_REDIRECT"] is False
    assert got["SECURE_HSTS_SECONDS"] == 600
    assert got["AXES_FAILURE_LIMIT"] == 3
    assert got["lockout_minutes"] == 60
    assert got["SESSION_COOKIE_AGE"] == 10 * 60


def test_development_is_asked_for(production) -> None:
    got = settings_of({**production, "XXGK_PROFILE": "development"})
    assert got["DEBUG"] is True
    assert got["SECURE_SSL_REDIRECT"] is False  # Django's default: plain HTTP on localhost
    assert got["SECURE_HSTS_SECONDS"] == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


@pytest.mark.slow
def test_behind_a_proxy_that_terminates_tls(production) -> None:
    env = {**production, "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto"}
    assert run("manage", "migrate", "-v0", env=env).returncode == 0
    port = _free_port()
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
    opener = urllib.request.build_opener(_NoRedirect)
    url = f"http://127.0.0.1:{port}/login/"
    try:
        for _ in range(120):
            try:
                opener.open(url, timeout=2)
            except urllib.error.HTTPError as plain:
                answer = plain
                break
            except OSError:
                time.sleep(0.5)
        # Plain HTTP (no header from the proxy) is sent to HTTPS ...
        assert answer.code == 301
        assert answer.headers["Location"] == f"https://127.0.0.1:{port}/login/"
        # ... and what the proxy marks as HTTPS is served, with every security header.
        request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
        with opener.open(request, timeout=5) as response:
            assert response.status == 200
            headers = response.headers
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Secure" in headers["Set-Cookie"]  # the CSRF cookie of the login form


def test_make_run_asks_for_the_demo_profile() -> None:
    # The settings' default is production: `make run` (the quick start) must ask for the demo.
    from pathlib import Path

    makefile = (Path(__file__).parents[2] / "Makefile").read_text(encoding="utf-8")
    assert "run: export XXGK_PROFILE = demo" in makefile.splitlines()
    done = subprocess.run(
        ["make", "-n", "run"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert "xxgk demo" in done.stdout
