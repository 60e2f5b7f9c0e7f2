"""`xxgk fee`: the information processing fee (信息处理费) by 国办函〔2020〕109号."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.cells import cell_len

from xxgk.applications.fees import FeeInputError, FeeQuote, fee_by_count, fee_by_pages
from xxgk.cli import output
from xxgk.cli.app import app

_SOURCE = "国办函〔2020〕109号"


@app.command("fee")
def fee_command(
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            help=(
                "按件计收：同一申请人本自然月内累计的申请件数 "
                "(by count: the applicant's applications this calendar month)"
            ),
        ),
    ] = None,
    pages: Annotated[
        int | None,
        typer.Option(
            "--pages",
            help="按量计收：一件申请的页数 (by quantity: the pages of one application)",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="输出 JSON：basis、total、lines (print JSON)"),
    ] = False,
) -> None:
    """信息处理费：按件 (--count) 或按量 (--pages) 超额累进计算，二者只能选一
    (the processing fee, by count or by pages, never both).

    Plain output: each band with its quantity and amount, then the total in 元.

    退出状态 (exit status): 0 已计算 (computed); 2 输入有误 (bad input).
    """
    chosen = [(by, n) for by, n in ((fee_by_count, count), (fee_by_pages, pages)) if n is not None]
    if len(chosen) != 1:
        output.fail(
            "--count 与 --pages 必须且只能指定一个：同一申请按件或按量计收，不能同时适用 "
            "(give exactly one of --count, --pages)"
        )
    compute, quantity = chosen[0]
    try:
        quote = compute(quantity)
    except FeeInputError as e:
        output.fail(str(e))
    if as_json:
        print(json.dumps(quote.to_json(), ensure_ascii=False, separators=(",", ":")))
        return
    for line in _plain(quote, quantity):
        output.out.print(line, markup=False)


def _plain(quote: FeeQuote, quantity: int) -> list[str]:
    if quote.basis == "count":
        head = f"按件计收（{_SOURCE} 第四条）：同一申请人本自然月累计 {quantity} 件"
        unit = "件"
    else:
        head = f"按量计收（{_SOURCE} 第五条）：一件申请 {quantity} 页"
        unit = "页"
    width = max(cell_len(line.description) for line in quote.lines)
    lines = [head]
    for line in quote.lines:
        pad = " " * (width - cell_len(line.description))
        lines.append(
            f"  {line.description}{pad}  {line.quantity:>6} {unit}  {line.amount:>12,.2f} 元"
        )
    free = "（不收费）" if not quote.total else ""
    lines.append(f"合计：{quote.total:,.2f} 元{free}")
    return lines
