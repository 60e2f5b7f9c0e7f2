"""`xxgk deadline`: the reply due date of an application received on a given day, or the end of
a period counted in calendar days (`--calendar-days`)."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from xxgk.cli import output
from xxgk.cli.app import app
from xxgk.workdays import (
    Calendar,
    InvalidYearDays,
    Policy,
    Span,
    YearDays,
    describe_span,
    parse_notice,
)
from xxgk.workdays.dates import before_regulation_problem
from xxgk.workdays.explain import iso, with_weekday
from xxgk.workdays.periods import CalendarPeriod, add_calendar_days

PROVISIONAL = 1  # the date is printed but rests on a year the calendar does not cover
MAX_DAYS = 366
_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_day(text: str) -> date | None:
    """2024-09-27, 2024/9/27, 2024年9月27日 or 20240927; None if it is not a real date."""
    match = _DATE.match(text) or _COMPACT.match(text)
    if match is None:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@app.command("deadline")
def deadline_command(
    received_on: Annotated[
        str,
        typer.Argument(
            help=(
                "收到申请之日，如 2024-09-27；用 --calendar-days 时为期间的起算日 "
                "(the day the application was received, or the day a period starts from)"
            )
        ),
    ],
    extended: Annotated[
        bool,
        typer.Option(
            "--extended",
            help=f"加上一次延期（{Policy().extension_max} 个工作日）(add the one extension)",
        ),
    ] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="列出计入的工作日和跳过的节假日 (show how it was counted)"),
    ] = False,
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            "-n",
            help="计算的工作日数，默认 20 (working days to count; default the reply period)",
        ),
    ] = None,
    count_receipt_day: Annotated[
        bool,
        typer.Option(
            "--count-receipt-day",
            help="收到申请当日计入（默认不计入）(count the receipt day itself)",
        ),
    ] = False,
    calendar_days: Annotated[
        int | None,
        typer.Option(
            "--calendar-days",
            help=(
                "按自然日计算 N 日的期间，末日为休息日的顺延（不能与 --days、--extended、"
                "--count-receipt-day 同用）(count N calendar days, as the procedural laws do)"
            ),
        ),
    ] = None,
    notices: Annotated[
        list[Path] | None,
        typer.Option(
            "--notice",
            help=(
                "国务院办公厅节假日安排通知的文本文件，用于 chinesecalendar 尚未覆盖的年份，"
                "可多次指定 "
                "(a State Council holiday notice as text, for a year the package does not cover)"
            ),
        ),
    ] = None,
) -> None:
    """答复期限：收到申请之日起 20 个工作日，按国家法定节假日和调休上班日计算。

    Prints the due date as YYYY-MM-DD (the receipt day not counted).

    --calendar-days N：自然日期间，起算日不计入，末日为法定休假日或周末的，顺延至其后第一个工作日
    （民事诉讼法第八十五条，行政诉讼法第一百零一条）(the end of N calendar days, moved off a rest
    day to the next working day).

    退出状态 (exit status): 0 期限确定 (certain);
    1 暂定 (provisional: an uncovered year counted Mon–Fri; warning on stderr);
    2 输入有误 (bad input).
    """
    _refuse_mixed_options(calendar_days, days=days, extended=extended, receipt=count_receipt_day)
    day = parse_day(received_on)
    if day is None and (_DATE.match(received_on) or _COMPACT.match(received_on)):
        output.fail(f"没有这一天：“{received_on}”，请检查月份和日期")  # 2024-02-30
    if day is None:
        output.fail(f"无法识别的日期“{received_on}”：请写成 YYYY-MM-DD，例如 2024-09-27")
    too_early = before_regulation_problem(
        day, what="收到申请之日" if calendar_days is None else "起算日"
    )
    if too_early is not None:
        output.fail(too_early)
    if calendar_days is not None and not 1 <= calendar_days <= MAX_DAYS:
        output.fail(f"自然日数应在 1 至 {MAX_DAYS} 之间，所填为 {calendar_days}")
    policy = Policy(count_receipt_day=count_receipt_day)
    base = policy.reply_days if days is None else days
    if not 1 <= base <= MAX_DAYS:
        output.fail(f"工作日数应在 1 至 {MAX_DAYS} 之间，所填为 {base}")
    overrides = _read_notices(notices or [])
    if overrides is None:
        return
    calendar = Calendar(overrides)
    if calendar_days is not None:
        _print_period(calendar, day, calendar_days, explain)
        return
    total = base + (policy.extension_max if extended else 0)
    try:
        span = calendar.add_workdays(day, total, count_start=count_receipt_day)
    except OverflowError:
        output.fail(f"{iso(day)} 之后 {total} 个工作日超出了可表示的日期范围")
    output.out.print(iso(span.end))
    if explain:
        for line in _explanation(day, base, total, extended, count_receipt_day, span):
            output.out.print(line, markup=False)
    if span.provisional:
        _warn_provisional(calendar, span.unknown_years, span.end)


def _refuse_mixed_options(
    calendar_days: int | None, *, days: int | None, extended: bool, receipt: bool
) -> None:
    """--calendar-days counts another kind of period: the working-day options make no sense."""
    if calendar_days is None:
        return
    given = [
        name
        for name, used in (
            ("--days", days is not None),
            ("--extended", extended),
            ("--count-receipt-day", receipt),
        )
        if used
    ]
    if given:
        output.fail(
            f"--calendar-days 不能与 {'、'.join(given)} 同时使用 "
            f"(--calendar-days counts calendar days, not working days: drop {', '.join(given)})"
        )


def _print_period(calendar: Calendar, start: date, days: int, explain: bool) -> None:
    try:
        period = add_calendar_days(calendar, start, days)
    except OverflowError:
        output.fail(f"{iso(start)} 之后 {days} 日超出了可表示的日期范围")
    output.out.print(iso(period.end))
    if explain:
        for line in _period_explanation(calendar, period):
            output.out.print(line, markup=False)
    if period.provisional:
        checked = {period.nominal_end.year, period.end.year}
        _warn_provisional(
            calendar, tuple(y for y in sorted(checked) if not calendar.covers(y)), period.end
        )


def _period_explanation(calendar: Calendar, period: CalendarPeriod) -> list[str]:
    lines = [period.explain()]
    nominal = calendar.day(period.nominal_end)
    if nominal.made_up:
        lines.append(
            f"第 {period.days} 日 {with_weekday(period.nominal_end)}为调休上班日，不顺延。"
        )
    lines.append(f"期间届满：{with_weekday(period.end)}")
    return lines


def _warn_provisional(calendar: Calendar, years: tuple[int, ...], end: date) -> NoReturn:
    """The date printed rests on years the calendar does not cover: say so and exit 1."""
    output.err.print(
        f"[bold yellow]警告[/]：{'、'.join(str(y) for y in years)} 年的节假日安排尚未录入"
        f"（已安装的 chinesecalendar 覆盖 {calendar.package_years.start}–"
        f"{calendar.package_years.stop - 1} 年），"
        f"{iso(end)} 是按周一至周五推算的暂定期限；"
        "国务院办公厅公布该年放假安排后请重新计算。"
    )
    sys.exit(PROVISIONAL)


def _read_notices(paths: list[Path]) -> dict[int, YearDays] | None:
    """Each notice file's year; None (after printing why) if one cannot be used."""
    years: dict[int, YearDays] = {}
    for path in paths:
        try:
            days = parse_notice(path.read_text(encoding="utf-8")).days
        except FileNotFoundError:
            output.fail(f"通知文件 {path} 不存在")
            return None
        except OSError as e:
            output.fail(f"无法读取通知文件 {path}：{e.strerror or e}")
            return None
        except UnicodeDecodeError:
            output.fail(f"通知文件 {path} 不是 UTF-8 文本")
            return None
        except InvalidYearDays as e:
            output.fail(f"通知文件 {path}：{e}")
            return None
        years[days.year] = days
    return years


def _explanation(
    day: date, base: int, total: int, extended: bool, count_receipt_day: bool, span: Span
) -> list[str]:
    receipt = "计入" if count_receipt_day else "不计入"
    plus = f"，延期 {total - base} 个工作日，共 {total} 个工作日" if extended else ""
    weekday = with_weekday(day).removeprefix(iso(day)).strip("（）")
    lines = [f"收到申请日 {iso(day)}（{weekday}，{receipt}），起算 {base} 个工作日{plus}。"]
    lines.append(f"计入的工作日（{len(span.counted)} 天）：")
    for i, counted in enumerate(span.counted, 1):
        made_up = "  调休上班" if counted in span.made_up else ""
        lines.append(f"  第 {i:>2} 日  {with_weekday(counted)}{made_up}")
    lines.append(describe_span(span) + "。")
    lines.append(f"答复期限：{with_weekday(span.end)}")
    return lines
