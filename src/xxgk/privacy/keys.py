"""Data keys: one master key (32 bytes, hex or base64) from which the SM4 key, the HMAC-SM3 key
and the key id are derived, so that encryption and hashing never share a key.

The key id is derived from the key, not configured: a ciphertext names the key that sealed it,
and old and new keys can be held side by side while rows are re-encrypted (`KeyRing`).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MASTER_BYTES = 32

# The development key: shipped in the source, so it protects nothing. Settings refuse it when
# DEBUG is off (`xxgk.site.settings.env.data_key`).
DEMO_KEY = "78786769b5a4c4b7d1c8e8bfaaf7a2b9c6e5d4c3b2a1f0e9d8c7b6a5948372e1"


class DataKeyError(ValueError):
    """A data key that cannot be used (message in Chinese)."""


def _derive(master: bytes, purpose: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SM3(), length=length, salt=None, info=purpose).derive(master)


@dataclass(frozen=True)
class DataKey:
    """The keys derived from one master key."""

    kid: str  # 8 hex digits naming the key in every ciphertext and blind index
    sm4: bytes  # 16 bytes: SM4-GCM
    index: bytes  # 32 bytes: HMAC-SM3 blind indexes

    @classmethod
    def from_text(cls, text: str) -> DataKey:
        """A key given as 64 hex digits or as base64 of 32 bytes."""
        master = parse_master(text)
        return cls(
            kid=_derive(master, b"xxgk key id", 4).hex(),
            sm4=_derive(master, b"xxgk sm4-gcm personal data", 16),
            index=_derive(master, b"xxgk hmac-sm3 blind index", 32),
        )


def parse_master(text: str) -> bytes:
    """The 32 bytes of a master key written as hex or base64; `DataKeyError` otherwise."""
    text = text.strip()
    try:
        raw = (
            bytes.fromhex(text)
            if len(text) == 2 * MASTER_BYTES
            else base64.b64decode(text, validate=True)
        )
    except (ValueError, binascii.Error):
        raw = b""
    if len(raw) != MASTER_BYTES:
        raise DataKeyError(
            "个人信息加密密钥应为 32 字节：64 位十六进制或 Base64 编码"
            '（可用 `python -c "import secrets; print(secrets.token_hex(32))"` 生成）。'
        )
    return raw


@dataclass(frozen=True)
class KeyRing:
    """The current key, which seals, and the old ones still accepted while rotating."""

    current: DataKey
    old: tuple[DataKey, ...] = ()

    @classmethod
    def from_text(cls, current: str, old: tuple[str, ...] = ()) -> KeyRing:
        return cls(DataKey.from_text(current), tuple(DataKey.from_text(k) for k in old))

    @property
    def all(self) -> tuple[DataKey, ...]:
        return (self.current, *self.old)

    def by_kid(self, kid: str) -> DataKey | None:
        return next((k for k in self.all if k.kid == kid), None)
