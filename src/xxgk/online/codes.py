"""The 受理编号 and 查询码 of a submission.

The number names the submission and may be read out on the phone; the code proves that whoever
holds the number is the applicant. The code has 80 bits (16 characters of a 32-character
alphabet without look-alikes), far beyond the 60 the portal promises, and only its keyed digest is
stored: a leaked database gives no one the codes. Guessing is also rate-limited (`views`).
"""

from __future__ import annotations

import hmac
import secrets

from django.utils import timezone
from django.utils.crypto import salted_hmac

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32: no 0/O, 1/I
CODE_LENGTH = 16
CODE_BITS = CODE_LENGTH * 5  # log2(32) each


def new_number() -> str:
    """A 受理编号: the day and six random digits (unique by the table's constraint; the caller
    draws again on the rare collision)."""
    return f"{timezone.localdate():%Y%m%d}{secrets.randbelow(10**6):06d}"


def new_code() -> str:
    """A 查询码 as shown to the applicant, in groups of four: 7KQ4-…"""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise(code: str) -> str:
    """What the applicant typed, as the code: dashes and spaces dropped, upper case."""
    return "".join(c for c in code.upper() if c.isalnum())


def digest(code: str) -> str:
    return salted_hmac("xxgk.online.code", normalise(code), algorithm="sha256").hexdigest()


def matches(code: str, stored: str) -> bool:
    return hmac.compare_digest(digest(code), stored)
