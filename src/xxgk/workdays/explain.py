"""Chinese sentences that say how a span of working days was counted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from xxgk.workdays.calendar import WEEKDAY_NAMES, WEEKEND, Span


def iso(day: date) -> str:
    return day.isoformat()


def with_weekday(day: date) -> str:
    """2024-10-12（周六）"""
    return f"{iso(day)}（{WEEKDAY_NAMES[day.weekday()]}）"


def date_ranges(days: Iterable[date]) -> list[tuple[date, date]]:
    """Group sorted days into runs of consecutive calendar days."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def range_text(first: date, last: date) -> str:
    return iso(first) if first == last else f"{iso(first)} 至 {iso(last)}"


def describe_span(span: Span) -> str:
    """What was skipped and which make-up days were counted, e.g.

    "跳过 国庆节 2024-10-01 至 2024-10-07；跳过周末 6 天；计入调休上班日 2024-10-12（周六）".
    """
    parts: list[str] = []
    by_reason: dict[str, list[date]] = {}
    for day, reason in span.skipped:
        by_reason.setdefault(reason, []).append(day)
    for reason, days in by_reason.items():
        if reason == WEEKEND:
            continue
        ranges = "、".join(range_text(a, b) for a, b in date_ranges(days))
        parts.append(f"跳过 {reason} {ranges}")
    weekends = len(by_reason.get(WEEKEND, ()))
    if weekends:
        parts.append(f"跳过周末 {weekends} 天")
    if span.made_up:
        parts.append("计入调休上班日 " + "、".join(with_weekday(d) for d in span.made_up))
    if span.unknown_years:
        years = "、".join(str(y) for y in span.unknown_years)
        parts.append(
            f"{years} 年的节假日安排尚未录入，其中日期暂按周一至周五为工作日计算，结果为暂定"
        )
    return "；".join(parts) if parts else "其间无节假日或周末"
