"""Checking the two identifiers an applicant gives: the citizen ID number (GB 11643-1999, check
digit by ISO 7064 MOD 11-2) and the unified social credit code (GB 32100-2015).

Each check returns None when the value is valid, else the reason in Chinese. `validate_email`
is Django's check of an e-mail address with a Chinese message (Django's own says "Email").
"""

from __future__ import annotations

import re
from datetime import date

from django.core.validators import EmailValidator
from django.db import models

EMAIL_INVALID = "请输入有效的电子邮件地址。"
validate_email = EmailValidator(message=EMAIL_INVALID)

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


# -- the identity documents of an applicant who is a person ---------------------------------
#
# 居民身份证 follows GB 11643-1999 (check character by ISO 7064 MOD 11-2). 港澳台居民居住证
# carries a 公民身份号码 built the same way, its address code 810000 (香港), 820000 (澳门) or
# 830000 (台湾). The 2023 外国人永久居留身份证 has 18 characters in the same form, its first digit
# 9 (国家移民管理局, 新版永居证机读信息规则); the 2017 card, still valid, three Latin letters and
# twelve digits.
# 港澳居民来往内地通行证: H (香港) or M (澳门) and eight digits (ten on older cards). A passport
# number is only checked for its characters: each country writes its own.
#
# Each check returns None when the number is valid, else the reason in Chinese.


class IdDocument(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    RESIDENCE_PERMIT = "residence_permit", "港澳台居民居住证"
    HK_MACAO_PERMIT = "hk_macao_permit", "港澳居民来往内地通行证"
    PASSPORT = "passport", "护照"
    FOREIGN_PERMANENT = "foreign_permanent", "外国人永久居留身份证"


_PERMIT_REGIONS = ("810000", "820000", "830000")
_HK_MACAO = re.compile(r"[HM]\d{8}(\d{2})?")
_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")
_PERMANENT_2017 = re.compile(r"[A-Z]{3}\d{12}")


def _mod11_problem(value: str, name: str) -> str | None:
    if len(value) != 18 or not value[:17].isdigit() or not re.fullmatch(r"[\dX]", value[17]):
        return f"{name}号码应为 18 位：17 位数字和 1 位校验码（数字或 X）。"
    if id_number_check_char(value[:17]) != value[17]:
        return f"{name}号码校验位不正确，请核对。"
    return None


def check_document(kind: str, number: str) -> str | None:
    """Whether `number` can be a number of the document `kind`."""
    value = number.strip().upper()
    if not value:
        return "请填写证件号码。"
    if kind == IdDocument.RESIDENT_ID:
        if value[:6] in _PERMIT_REGIONS:
            return "这是港澳台居民居住证的号码，请将证件类型选为“港澳台居民居住证”。"
        return check_id_number(value)
    if kind == IdDocument.RESIDENCE_PERMIT:
        if value[:6] not in _PERMIT_REGIONS:
            return "港澳台居民居住证号码以 810000（香港）、820000（澳门）或 830000（台湾）开头。"
        return check_id_number(value)
    if kind == IdDocument.HK_MACAO_PERMIT:
        if not _HK_MACAO.fullmatch(value):
            return "港澳居民来往内地通行证号码为 H 或 M 加 8 位数字（旧证 10 位）。"
        return None
    if kind == IdDocument.FOREIGN_PERMANENT:
        if _PERMANENT_2017.fullmatch(value):
            return None
        if not value.startswith("9"):
            return (
                "外国人永久居留身份证号码为 9 开头的 18 位（2023 年版）"
                "或 3 位字母加 12 位数字（2017 年版）。"
            )
        return _mod11_problem(value, "外国人永久居留身份证")
    if kind == IdDocument.PASSPORT:
        if not _PASSPORT.fullmatch(value):
            return "护照号码应为 5 至 17 位字母或数字。"
        return None
    return "请选择证件类型。"
