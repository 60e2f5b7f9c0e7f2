"""Checking the two identifiers an applicant gives: the citizen ID number (GB 11643-1999, check
digit by ISO 7064 MOD 11-2) and the unified social credit code (GB 32100-2015).

Each check returns None when the value is valid, else the reason in Chinese.
"""

from __future__ import annotations

from datetime import date

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"  # check character for (sum mod 11) = 0, 1, 2, …

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_number_check_char(first17: str) -> str:
    """The 18th character of a citizen ID number whose first 17 digits are given."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_id_number(value: str) -> str | None:
    value = value.strip().upper()
    if len(value) != 18:
        return "身份证号码应为 18 位。"
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return "身份证号码前 17 位应为数字，最后一位为数字或 X。"
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号码中的出生日期无效。"
    if id_number_check_char(value[:17]) != value[17]:
        return "身份证号码校验位不正确，请核对。"
    return None


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code whose first 17 are given."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def check_credit_code(value: str) -> str | None:
    value = value.strip().upper()
    if len(value) != 18:
        return "统一社会信用代码应为 18 位。"
    if any(c not in _USCC_CHARS for c in value):
        return "统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）。"
    if not value[8:17].isalnum() or credit_code_check_char(value[:17]) != value[17]:
        return "统一社会信用代码校验位不正确，请核对。"
    return None
