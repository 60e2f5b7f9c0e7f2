"""Dates that cannot be right: a receipt before the Regulation existed, or after today."""

from __future__ import annotations

from datetime import date

# 《中华人民共和国政府信息公开条例》(国务院令第492号), in force 2008-05-01: before it there was no
# application to receive.
REGULATION_IN_FORCE = date(2008, 5, 1)
# The revised Regulation (国务院令第711号), in force 2019-05-15: the rules applications are
# handled under today.
REVISED_REGULATION_IN_FORCE = date(2019, 5, 15)

_REGULATION = "《中华人民共和国政府信息公开条例》"


def before_regulation_problem(day: date, *, what: str = "收到申请之日") -> str | None:
    """A Chinese message if `day` (named `what` in it) is before the Regulation took effect."""
    if day < REGULATION_IN_FORCE:
        return (
            f"{what} {day.isoformat()} 早于{_REGULATION}施行之日"
            f"（{REGULATION_IN_FORCE.year}年{REGULATION_IN_FORCE.month}月"
            f"{REGULATION_IN_FORCE.day}日）"
        )
    return None


def receipt_date_problem(day: date, *, today: date) -> str | None:
    """Why `day` cannot be the day an application was received, in Chinese; None if it can.

    Refused: a day before the Regulation took effect (2008-05-01), or a day after `today`.
    `today` is the caller's (the local date in Asia/Shanghai), so the function stays pure.
    """
    early = before_regulation_problem(day)
    if early is not None:
        return early
    if day > today:
        return f"收到申请之日 {day.isoformat()} 晚于今天（{today.isoformat()}）"
    return None
