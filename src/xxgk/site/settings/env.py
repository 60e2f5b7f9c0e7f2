"""Reading settings from the environment, with the warnings a developer needs to see."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# production: the default, safe with nothing set (DEBUG off, SECRET_KEY and ALLOWED_HOSTS
# required); development: DEBUG on, a generated key, local hosts; demo: development, plus the
# demo accounts (`xxgk demo` refuses to create them in any other profile).
PROFILES = ("production", "development", "demo")


def flag(name: str, default: bool = False) -> bool:
    """An on/off variable: 1/true/yes/on are on, anything else off."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def listing(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list without blanks."""
    return [p.strip() for p in os.environ.get(name, default).split(",") if p.strip()]


def profile() -> str:
    """`XXGK_PROFILE`, one of `PROFILES`; production when unset."""
    name = os.environ.get("XXGK_PROFILE", "production").strip().lower() or "production"
    if name not in PROFILES:
        raise ImproperlyConfigured(
            f"XXGK_PROFILE={name} 无效：应为 {'、'.join(PROFILES)} 之一（不设置即为 production）。"
        )
    return name


def whole(name: str, default: int, *, least: int = 0) -> int:
    """A whole-number variable (minutes, seconds, a count), refused plainly when it is not one."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = least - 1
    if value < least:
        raise ImproperlyConfigured(f"{name}={raw} 无效：应为不小于 {least} 的整数。")
    return value


def secret_key(debug: bool, var_dir: Path) -> str:
    """`SECRET_KEY`, required when DEBUG is off; in development a generated key kept in ./var.

    Keeping the generated key in a file means sessions survive a restart of `make run`.
    """
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if not debug:
        raise ImproperlyConfigured(
            "未设置 SECRET_KEY：生产环境（DEBUG 关闭）必须通过环境变量提供 SECRET_KEY，"
            "开发或演示请用 make run（XXGK_PROFILE=demo）。"
        )
    path = var_dir / "dev-secret-key"
    try:
        var_dir.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key = path.read_text(encoding="utf-8").strip()
    except OSError:
        key = secrets.token_urlsafe(50)
    print(
        "警告：未设置 SECRET_KEY，使用开发用的随机密钥（仅限开发环境）。",
        file=sys.stderr,
    )
    return key


def data_keys(debug: bool) -> tuple[str, tuple[str, ...]]:
    """`XXGK_DATA_KEY` and `XXGK_OLD_DATA_KEYS` (comma-separated), checked now so that a bad key
    stops the start instead of the first page that reads an applicant.

    Without a key, development uses the demo key shipped in the source (with a warning); with
    DEBUG off the demo key is refused, given or not: it protects nothing.
    """
    from xxgk.privacy.keys import DEMO_KEY, DataKeyError, parse_master

    key = os.environ.get("XXGK_DATA_KEY", "").strip()
    old = tuple(listing("XXGK_OLD_DATA_KEYS"))
    for name, value in (("XXGK_DATA_KEY", key), *(("XXGK_OLD_DATA_KEYS", k) for k in old)):
        try:
            if value:
                parse_master(value)
        except DataKeyError as exc:
            raise ImproperlyConfigured(f"{name}：{exc}") from None
    if not debug and (not key or parse_master(key) == parse_master(DEMO_KEY)):
        raise ImproperlyConfigured(
            "XXGK_DATA_KEY 未设置或为演示密钥：DEBUG 关闭时必须通过环境变量提供"
            "个人信息加密密钥（32 字节，十六进制或 Base64）。"
        )
    if not key:
        print(
            "警告：未设置 XXGK_DATA_KEY，个人信息使用演示密钥加密（仅限开发环境）。",
            file=sys.stderr,
        )
        key = DEMO_KEY
    return key, old
