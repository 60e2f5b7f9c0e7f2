"""Lookup codes: what lets an applicant or an asker, and no one else, open their online
application (受理编号 + 查询码) or read the answer to their enquiry.

16 characters of Crockford's base 32 (80 bits from `secrets`), shown in groups of four; typed
back in any case, with or without the dashes, O read as 0 and I or L as 1. Only a hash is
stored, so the database alone does not open anyone's enquiry.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 16  # 16 × 5 = 80 bits
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def code_new() -> str:
    """A fresh code, grouped for reading: 7QK2-M9XD-4HTB-0RWE."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def code_normal(typed: str) -> str:
    """What the asker typed, as the code it means (case, spaces and dashes do not matter)."""
    kept = "".join(c for c in typed.upper() if c not in " -\t")
    return kept.translate(_READ_AS)


def code_hash(code: str) -> str:
    return hashlib.sha256(code_normal(code).encode()).hexdigest()


def code_matches(typed: str, stored_hash: str) -> bool:
    """Whether `typed` is the code whose hash was stored (compared in constant time)."""
    return hmac.compare_digest(code_hash(typed), stored_hash)
