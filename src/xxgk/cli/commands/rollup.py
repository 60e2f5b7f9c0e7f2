"""`xxgk rollup`: sum the reports of several agencies into one (汇总)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from xxgk.cli import output
from xxgk.cli.app import app
from xxgk.report import ReportError, RollupError, dumps, load, rollup


@app.command("rollup")
def rollup_command(
    files: Annotated[list[Path], typer.Argument(help="各机关的报告 JSON (reports to sum)")],
    agency: Annotated[
        str, typer.Option("--agency", "-a", help="汇总报告的机关名称 (the roll-up's agency)")
    ],
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入此文件，默认打印 (output file)")
    ] = None,
) -> None:
    """汇总同一版本、同一年度的多份报告 (sum reports of one edition and year into one).

    打印或写入汇总后的报告 JSON，并列出问题；退出状态同 check (exit status as check).
    """
    try:
        reports = [load(f) for f in files]
        total = rollup(reports, agency=agency)
    except (ReportError, RollupError) as e:
        output.fail(str(e))
    text = dumps(total)
    if out is None:
        print(text)
    else:
        output.write(out, (text + "\n").encode("utf-8"), inputs=files)
        output.print_findings(total, str(out))
    sys.exit(output.status([total]))
