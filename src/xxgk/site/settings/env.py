"""Reading settings from the environment, with the warnings a developer needs to see."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path


def flag(name: str, default: bool = False) -> bool:
    """An on/off variable: 1/true/yes/on are on, anything else off."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def listing(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list without blanks."""
    return [p.strip() for p in os.environ.get(name, default).split(",") if p.strip()]


def secret_key(debug: bool, var_dir: Path) -> str:
    """`SECRET_KEY`, required when DEBUG is off; in development a generated key kept in ./var.

    Keeping the generated key in a file means sessions survive a restart of `make run`.
    """
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if not debug:
        raise RuntimeError("未设置 SECRET_KEY：DEBUG 关闭时必须通过环境变量提供 SECRET_KEY。")
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
