"""The production settings the benchmarks run under: DEBUG off, a key of their own, plain HTTP on
127.0.0.1 (no TLS proxy in front), and a data key of their own for the sealed personal data (the
benchmark's process and the gunicorn it starts must share it)."""

from __future__ import annotations

import os

SECRET = "bench-only-not-a-secret-" + "x" * 30
DATA_KEY = "be" * 32  # 32 bytes, hex: the benchmarks' made-up applicants only


def environment(url: str) -> dict[str, str]:
    return {
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", SECRET),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "XXGK_DATA_KEY": os.environ.get("XXGK_DATA_KEY", DATA_KEY),
    }


def setup_django(url: str) -> None:
    """Settings for this process (generating, the test client), then django.setup()."""
    os.environ.update(environment(url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")
    import django

    django.setup()
