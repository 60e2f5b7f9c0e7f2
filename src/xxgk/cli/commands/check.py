"""`xxgk check`: check a report JSON against every consistency rule of its edition."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from xxgk.cli import output
from xxgk.cli.app import app
from xxgk.report import ReportError, check, load


@app.command("check")
def check_command(
    file: Annotated[Path, typer.Argument(help="报告 JSON 文件 (a report JSON file)")],
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            "-p",
            help="同一机关上一年度的报告 JSON (last year's report, for cross-year checks)",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="输出带检查结果的报告 JSON (print report JSON)")
    ] = False,
) -> None:
    """检查报告的勾稽关系 (check a report JSON against every consistency rule).

    退出状态 (exit status): 0 全部成立 (consistent), 1 有错误 (error findings),
    2 文件无法读取 (a file could not be read).
    """
    try:
        report = load(file)
        last = load(previous) if previous is not None else None
    except ReportError as e:
        output.fail(str(e))
    if last is not None and (last.agency != report.agency or last.year != report.year - 1):
        # the cross-year rules hold between two years of one agency (report-json.md): run on
        # another agency's or another year's report, each "broken" rule would be false
        output.err.print(
            f"[yellow]提示[/]：--previous 的报告是 {escape(last.agency)} {last.year} 年，"
            f"本报告是 {escape(report.agency)} {report.year} 年，不是同一机关的上一年度报告，"
            "不做跨年度检查（如确为同一机关、名称有变化，请先把两份报告的机关名称改为一致）"
        )
        last = None
    report.findings = check(report, last)
    if as_json:
        print(output.json_line(report, str(file)))
    else:
        output.print_findings(report, str(file))
    sys.exit(output.status([report]))
