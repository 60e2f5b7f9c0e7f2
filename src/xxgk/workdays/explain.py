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
    parts = [f"跳过 {'、'.join(reasons)} {range_text(a, b)}" for a, b, reasons in _runs(span)]
    weekends = sum(reason == WEEKEND for _, reason in span.skipped)
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


def _runs(span: Span) -> list[tuple[date, date, list[str]]]:
    """Stretches of skipped days that no counted day interrupts, weekends not starting one.

    So a holiday week reads as one range (国庆节、中秋 together), and a consultation over a
    weekend as one period; a pause and a holiday next to each other stay apart.
    """
    entries = sorted([*span.skipped, *((day, "") for day in span.counted)])
    runs: list[tuple[date, date, list[str]]] = []
    open_run = False
    for day, reason in entries:
        if not reason:
            open_run = False
        elif reason != WEEKEND:
            if open_run and (reason in span.pause_reasons) != (
                runs[-1][2][0] in span.pause_reasons
            ):
                open_run = False
            if open_run:
                first, _, reasons = runs[-1]
                runs[-1] = (first, day, reasons if reason in reasons else [*reasons, reason])
            else:
                runs.append((day, day, [reason]))
                open_run = True
    return runs
