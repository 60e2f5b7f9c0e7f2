"""Sealing a value (SM4-GCM) and its blind index (HMAC-SM3).

A sealed value is text, ``<kid>:<base64 of nonce + ciphertext + tag>``, so that it fits a text
column on SQLite and PostgreSQL alike and names the key that sealed it. The associated data is
the column's name: a ciphertext copied into another column (an ID number into the phone
column) does not open there.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from xxgk.privacy.keys import DataKey, KeyRing

_NONCE = 12  # GCM's recommended nonce length
_TAG = 16


class SealError(ValueError):
    """A stored value that no key at hand opens (message in Chinese)."""


def kid_of(stored: str) -> str:
    """The id of the key that sealed (or indexed) a stored value; "" for a blank one."""
    return stored.partition(":")[0] if stored else ""


def seal(plain: str, *, key: DataKey, column: str) -> str:
    """`plain` sealed with `key` for `column`; a blank value stays blank."""
    if not plain:
        return plain
    nonce = os.urandom(_NONCE)
    encryptor = Cipher(algorithms.SM4(key.sm4), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(column.encode())
    body = encryptor.update(plain.encode()) + encryptor.finalize()
    return f"{key.kid}:{base64.b64encode(nonce + body + encryptor.tag).decode()}"


def unseal(stored: str, *, ring: KeyRing, column: str) -> str:
    """The plain text of a sealed value, by whichever key of `ring` sealed it."""
    if not stored:
        return stored
    kid, _, payload = stored.partition(":")
    key = ring.by_kid(kid)
    if key is None:
        raise SealError(
            f"{column} 由密钥 {kid} 加密，当前配置中没有该密钥"
            "（轮换期间请把旧密钥放在 XXGK_OLD_DATA_KEYS 中）。"
        )
    try:
        raw = base64.b64decode(payload, validate=True)
        nonce, body, tag = raw[:_NONCE], raw[_NONCE:-_TAG], raw[-_TAG:]
        decryptor = Cipher(algorithms.SM4(key.sm4), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(column.encode())
        return (decryptor.update(body) + decryptor.finalize()).decode()
    except (ValueError, InvalidTag):
        raise SealError(f"{column} 的密文已损坏或不属于该字段，无法解密。") from None


def blind_index(plain: str, *, key: DataKey) -> str:
    """``<kid>:<HMAC-SM3 hex>`` of a normalised value: equal values, equal indexes under one
    key, and nothing to learn from it without the key. A blank value has a blank index."""
    if not plain:
        return ""
    mac = hmac.HMAC(key.index, hashes.SM3())
    mac.update(plain.encode())
    return f"{key.kid}:{mac.finalize().hex()}"


def blind_indexes(plain: str, *, ring: KeyRing) -> list[str]:
    """The index of `plain` under every key of `ring`: what a lookup matches while rows sealed
    by the old key and the new one coexist."""
    return [blind_index(plain, key=k) for k in ring.all] if plain else []
