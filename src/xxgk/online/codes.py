"""The 受理编号 of a submission; its 查询码 is a lookup code (`xxgk.privacy.codes`).

The number names the submission and may be read out on the phone; the code proves that whoever
holds the number is the applicant: 80 bits, of which only a hash is stored, and guessing is
rate-limited (`views`).
"""

from __future__ import annotations

import secrets

from django.utils import timezone


def new_number() -> str:
    """A 受理编号: the day and six random digits (unique by the table's constraint; the caller
    draws again on the rare collision)."""
    return f"{timezone.localdate():%Y%m%d}{secrets.randbelow(10**6):06d}"
