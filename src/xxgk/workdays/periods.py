"""Periods counted in calendar days, as the procedural laws count them.

行政诉讼法 (Art. 101, referring to 民事诉讼法 Art. 85) and the longer periods of 行政复议法 count
calendar days: the day the period starts from is not counted, and a period whose last day is a
statutory rest day ends on the first working day after it. Rest days are those of the official
`Calendar`, so a period ending in a holiday week ends on the first day back at work (a make-up
working day included).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from xxgk.workdays.calendar import Calendar

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class CalendarPeriod:
    """The last day of a period of `days` calendar days counted from `start`."""

    start: date
    days: int
    nominal_end: date  # start + days, before moving off a rest day
    end: date
    moved_over: tuple[tuple[date, str], ...]  # the rest days the end was moved over, with why
    provisional: bool  # the end fell in a year neither calendar source covers

    def explain(self) -> str:
        """How the end was found, in one Chinese sentence."""
        first = (self.start + _ONE_DAY).isoformat()
        sentence = (
            f"自 {self.start.isoformat()} 起算 {self.days} 日（当日不计入，自 {first} 起算），"
            f"第 {self.days} 日为 {self.nominal_end.isoformat()}"
        )
        if self.moved_over:
            # in the order met, as describe_span names a holiday week ("国庆节、中秋")
            why = "、".join(dict.fromkeys(reason for _, reason in self.moved_over))
            sentence += (
                f"，适逢休息日（{why}），顺延至休息日后的第一个工作日 {self.end.isoformat()}"
            )
        sentence += "。"
        if self.provisional:
            sentence += "（暂定：涉及尚未录入节假日安排的年份）"
        return sentence


def add_calendar_days(calendar: Calendar, start: date, days: int) -> CalendarPeriod:
    """The end of a period of `days` calendar days from `start` (start not counted), moved to
    the next working day when it falls on a rest day."""
    if days < 1:
        raise ValueError("期间应至少为 1 日")
    nominal = start + timedelta(days=days)
    end = nominal
    moved: list[tuple[date, str]] = []
    provisional = False
    while True:
        info = calendar.day(end)
        provisional |= not info.known
        if info.workday:
            break
        moved.append((end, info.reason or "休息日"))
        end += _ONE_DAY
    return CalendarPeriod(
        start=start,
        days=days,
        nominal_end=nominal,
        end=end,
        moved_over=tuple(moved),
        provisional=provisional,
    )
