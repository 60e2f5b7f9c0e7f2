"""Choices that come from the pure layers, so that no label is typed twice.

Applicant kinds are table 3's applicant columns; outcomes are table 3's outcome rows (of any
edition: which rows a reply may use is decided by the edition in force for its year); statuses
are the statutory clock's. The kinds of deadline the queue names are defined here.
"""

from __future__ import annotations

from django.db import models

from xxgk.report import editions
from xxgk.workdays.clock import EventKind, Status

# The edition whose applicant columns the register records (they are the same in 2019 and 2021).
APPLICANT_EDITION = "2021"


def applicant_kinds() -> list[tuple[str, str]]:
    columns = editions.get(APPLICANT_EDITION).columns
    return [(c.key, c.label.text) for c in columns if c.key != "total"]


def outcome_choices() -> list[tuple[str, str]]:
    """Every outcome row of every edition, newest edition's wording first."""
    seen: dict[str, str] = {}
    for edition in reversed(list(editions.all_editions().values())):
        for row in edition.outcome_rows:
            seen.setdefault(row.key, row.short)
    return list(seen.items())


def status_choices() -> list[tuple[str, str]]:
    return [(s.value, s.label) for s in Status]


class DeadlineKind(models.TextChoices):
    """Which running deadline is the nearest (`Application.next_due_kind`): the agency's reply
    or what the other side owes. The values are `clock.Deadline.kind`'s."""

    REPLY = "reply", "答复期限"
    CORRECTION_PERIOD = "correction_period", "申请人补正期限"
    REASONS = "reasons", "申请人说明理由期限"
    CONSULTATION = "consultation", "征求意见答复期限"
    FEE = "fee", "申请人缴费期限"


def deadline_kinds() -> list[tuple[str, str]]:
    """`DeadlineKind`'s choices, as a callable so that no label is copied into a migration."""
    return DeadlineKind.choices


VOID = "voided"


def event_kind_choices() -> list[tuple[str, str]]:
    return [*((k.value, k.label) for k in EventKind), (VOID, "更正（作废此前事项）")]


NATURAL_PERSON = "natural_person"


class Channel(models.TextChoices):
    """How the application arrived (Art. 31 sets the receipt date by channel)."""

    ONLINE = "online", "网络平台"
    LETTER = "letter", "信函"
    IN_PERSON = "in_person", "当面提交"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"


CHANNEL_RECEIPT_RULE = {
    Channel.ONLINE: "以双方确认之日为收到申请之日（第三十一条第（三）项）",
    Channel.LETTER: (
        "以签收之日为收到申请之日；无需签收的平常信函，以与申请人确认之日为准"
        "（第三十一条第（二）项）"
    ),
    Channel.IN_PERSON: "以提交之日为收到申请之日（第三十一条第（一）项）",
    Channel.FAX: "以双方确认之日为收到申请之日（第三十一条第（三）项）",
    Channel.EMAIL: "以双方确认之日为收到申请之日（第三十一条第（三）项）",
}


class Delivery(models.TextChoices):
    """信息的载体形式: the medium the applicant asks for (Art. 29 (3))."""

    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文本"


class Way(models.TextChoices):
    """获取信息的方式、途径 (Art. 29 (3)): how the applicant asks to receive it."""

    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    ONLINE = "online", "网上查询下载"


class FeeBasis(models.TextChoices):
    """国办函〔2020〕109号 第三条: each application is charged one way, never both."""

    COUNT = "count", "按件计收"
    PAGES = "pages", "按量计收"


CONSULTATION_ARTICLES = [
    (32, "第三十二条：征求第三方意见"),
    (34, "第三十四条：征求共同制作机关意见"),
]


# Outcomes that come from their own events (逾期不补正, 逾期未缴费), never chosen in a reply.
NOT_BY_REPLY = frozenset({"other_no_correction", "other_no_fee"})
