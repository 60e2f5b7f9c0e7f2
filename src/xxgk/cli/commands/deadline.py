"""`xxgk deadline`: the reply due date of an application received on a given day."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

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
from xxgk.workdays.explain import iso, with_weekday

PROVISIONAL = 1  # the date is printed but rests on a year the calendar does not cover
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
        typer.Argument(help="收到申请之日，如 2024-09-27 (the day the application was received)"),
    ],
    extended: Annotated[
        bool,
        typer.Option("--extended", help="加上一次延期（20 个工作日）(add the one extension)"),
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

    退出状态 (exit status): 0 期限确定 (certain);
    1 暂定 (provisional: an uncovered year counted Mon–Fri; warning on stderr);
    2 输入有误 (bad input).
    """
    day = parse_day(received_on)
    if day is None:
        output.fail(f"无法识别的日期“{received_on}”：请写成 YYYY-MM-DD，例如 2024-09-27")
        return
    policy = Policy(count_receipt_day=count_receipt_day)
    base = policy.reply_days if days is None else days
    if not 1 <= base <= 366:
        output.fail(f"工作日数应在 1 至 366 之间，所填为 {base}")
        return
    total = base + (policy.extension_max if extended else 0)
    overrides = _read_notices(notices or [])
    if overrides is None:
        return
    calendar = Calendar(overrides)
    try:
        span = calendar.add_workdays(day, total, count_start=count_receipt_day)
    except OverflowError:
        output.fail(f"{iso(day)} 之后 {total} 个工作日超出了可表示的日期范围")
    output.out.print(iso(span.end))
    if explain:
        for line in _explanation(day, base, total, extended, count_receipt_day, span):
            output.out.print(line, markup=False)
    if span.provisional:
        years = "、".join(str(y) for y in span.unknown_years)
        output.err.print(
            f"[bold yellow]警告[/]：{years} 年的节假日安排尚未录入（已安装的 chinesecalendar "
            f"覆盖 {calendar.package_years.start}–{calendar.package_years.stop - 1} 年），"
            f"{iso(span.end)} 是按周一至周五推算的暂定期限；"
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
