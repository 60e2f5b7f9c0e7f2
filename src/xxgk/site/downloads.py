"""A file the web application hands out under a Chinese name."""

from __future__ import annotations

from urllib.parse import quote


def attachment_header(name: str, fallback: str) -> str:
    """Content-Disposition of a download: the Chinese `name` (RFC 6266 ``filename*``), with an
    ASCII `fallback` for clients that read only ``filename``."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
