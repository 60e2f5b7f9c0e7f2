"""Masks for showing personal data without revealing it: what every page, export and preview
shows unless a permitted officer asks to see more (and says why).

Each mask keeps enough to tell applicants apart and to check a number read out on the phone,
never enough to use it.
"""

from __future__ import annotations

import re

STAR = "*"

# An address is masked after its administrative divisions (省、市、区、县…): the street and
# number go, the district stays.
_DIVISIONS = re.compile(r".*?(?:自治区|自治州|特别行政区|省|市|州|盟|区|县|旗)")


def mask_id_number(value: str) -> str:
    """An ID number: the first 6 (the issuing region) and the last 4 characters,
    ``110105********1239``; a short number keeps only its first and last character."""
    value = value.strip()
    if len(value) >= 11:
        return value[:6] + STAR * (len(value) - 10) + value[-4:]
    if len(value) >= 3:
        return value[0] + STAR * (len(value) - 2) + value[-1]
    return STAR * len(value)


def mask_phone(value: str) -> str:
    """A phone number: the first 3 and the last 4 characters, ``138****8000``."""
    value = value.strip()
    if len(value) >= 8:
        return value[:3] + STAR * (len(value) - 7) + value[-4:]
    if len(value) >= 3:
        return STAR * (len(value) - 2) + value[-2:]
    return STAR * len(value)


def mask_email(value: str) -> str:
    """An e-mail address: the first character of the mailbox and the whole domain,
    ``z***@example.com`` (the mailbox's length is not shown)."""
    value = value.strip()
    local, at, domain = value.rpartition("@")
    if not at:
        return mask_phone(value) if value else ""
    return (local[:1] + STAR * 3 if local else STAR * 3) + "@" + domain


def mask_address(value: str) -> str:
    """An address: its divisions up to the last 省/市/区/县 in the first 12 characters, then
    ``****``: ``江城市东湖区****``; without one, its first third."""
    value = value.strip()
    if not value:
        return ""
    head = value[:12]
    end = 0
    while match := _DIVISIONS.match(head, end):
        end = match.end()
    return (value[:end] if end else value[: len(value) // 3]) + STAR * 4
