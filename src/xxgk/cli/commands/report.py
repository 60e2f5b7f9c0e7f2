"""`xxgk report compute`: an agency's annual report computed from the records in the database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from xxgk.cli import output
from xxgk.cli.app import app

if TYPE_CHECKING:
    from xxgk.agencies.models import Agency

report_app = typer.Typer(
    help="政府信息公开工作年度报告 (annual reports computed from the records).",
    no_args_is_help=True,
)
app.add_typer(report_app, name="report")

FIRST_YEAR = 2019  # the 2019 Regulation's first report year


def _setup() -> None:
    from xxgk.site.bootstrap import database_problem, django_setup

    django_setup()
    problem = database_problem()
    if problem:
        output.fail(problem)


def agency_named(name_or_code: str) -> Agency:
    """The agency with this full name or 统一社会信用代码, or a message and exit 2."""
    from django.db.models import Q

    from xxgk.agencies.models import Agency

    key = name_or_code.strip()
    found = list(
        Agency.objects.filter(
            Q(name=key) | Q(organisation_code=key.upper()) if key else Q(pk=None)
        )[:2]
    )
    if len(found) != 1:
        output.fail(
            f"找不到机关“{key}”。"
            if not found
            else f"有多个机关名为“{key}”，请用统一社会信用代码。"
        )
    return found[0]


@report_app.command("compute")
def compute_command(
    agency: Annotated[
        str, typer.Option("--agency", help="机关全称或统一社会信用代码 (name or credit code)")
    ],
    year: Annotated[int, typer.Option("--year", help="报告年度 (the report year)")],
    as_json: Annotated[
        bool, typer.Option("--json", help="输出报告 JSON (print the report JSON)")
    ] = False,
    to: Annotated[
        str | None,
        typer.Option("--to", "-t", help="输出为 html、docx、xlsx、pdf、md、txt 或 json (render)"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件 (output file, with --to)")
    ] = None,
) -> None:
    """从本系统的记录计算年度报告 (compute an agency's annual report from its records).

    退出状态 (exit status): 0 勾稽关系全部成立 (consistent), 1 有错误，如统计数尚未录入
    (error findings, e.g. figures not entered), 2 无法计算 (unknown agency or year, no database).
    """
    from datetime import datetime
    from zoneinfo import ZoneInfo

    this_year = datetime.now(ZoneInfo("Asia/Shanghai")).year
    if not FIRST_YEAR <= year <= this_year:
        output.fail(f"报告年度应在 {FIRST_YEAR} 至 {this_year} 年之间：{year}")
    if to is not None and out is None:
        output.fail("--to 需要同时用 -o 指定输出文件")
    _setup()
    from xxgk.report.render import FORMS, RenderError, render
    from xxgk.reports.compute import report_compute

    found = agency_named(agency)
    report = report_compute(agency=found, year=year)
    source = "由记录计算"
    if out is not None:
        form = (to or out.suffix.lstrip(".") or "html").lower()
        if form not in FORMS:
            output.fail(f"不支持的输出格式“{form}”（可用：{'、'.join(FORMS)}）")
        try:
            data = render(report, form)
        except RenderError as e:
            output.fail(str(e))
        output.write(out, data)
        output.err.print(f"已输出 {out}")
    elif as_json:
        print(output.json_line(report, source))
    else:
        output.print_findings(report, source)
    sys.exit(output.status([report]))


@report_app.command("status")
def status_command(
    year: Annotated[int, typer.Option("--year", help="报告年度 (the report year)")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON (print JSON)")] = False,
) -> None:
    """各机关年度报告的发布情况 (who has published the year's report, who has not).

    退出状态 (exit status): 0 已输出 (printed), 2 无法读取数据库 (no database).
    """
    import json

    _setup()
    from django.utils import timezone

    from xxgk.agencies.models import Agency
    from xxgk.reports.selectors import tree_status

    rows = [
        {
            "agency": s.agency.name,
            "published": s.published is not None,
            "version": s.published.version if s.published else None,
            "published_on": timezone.localtime(s.published.published_at).date().isoformat()
            if s.published and s.published.published_at
            else None,
            "working": s.working,
            "deadline": s.deadline.isoformat() if s.deadline else None,
            "overdue": s.overdue,
            "published_late": s.published_late,
            "errors": s.errors,
            "warnings": s.warnings,
        }
        for s in tree_status(agencies=Agency.objects.all(), year=year, today=timezone.localdate())
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    for r in rows:
        state = (
            f"已发布（第 {r['version']} 版，{r['published_on']}）"
            if r["published"]
            else (f"未发布：{r['working'] or '尚未编制'}")
        )
        late = "，已逾期" if r["overdue"] else "，逾期发布" if r["published_late"] else ""
        deadline = f"；期限 {r['deadline']}{late}" if r["deadline"] else ""
        findings = f"；{r['errors']} 个错误" if r["errors"] else ""
        output.out.print(f"{r['agency']}：{state}{deadline}{findings}")


@report_app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="已公布的报告文件 (published report files)")],
    agency: Annotated[
        str, typer.Option("--agency", help="机关全称或统一社会信用代码 (name or credit code)")
    ],
    year: Annotated[int, typer.Option("--year", help="报告年度 (the report year)")],
) -> None:
    """导入未在本系统编制的机关已公布的年度报告 (import an agency's published report).

    读取文件（网页、文本、Word、PDF）中的表格，保留检查结果，标明来源，计入汇总。
    退出状态 (exit status): 0 已导入 (imported), 1 已导入但有错误 (imported, with error
    findings), 2 未导入 (not imported: unreadable file, unknown agency, another year, the same
    file as the version already imported).
    """
    _setup()
    from xxgk.report.checks import check
    from xxgk.report.read import UnreadableFile, read_file
    from xxgk.reports.services import AnnualReportError, report_import

    found = agency_named(agency)
    imported = []
    for path in files:
        try:
            report = read_file(path)
        except UnreadableFile as e:
            output.fail(f"{path}：{e}")
        report.findings = check(report)
        printed = report.agency
        if printed and printed not in found.name and found.name not in printed:
            # a short name (市科委) is fine; another agency's name is the user's to confirm
            output.err.print(
                f"[yellow]提示[/]：{path.name} 印的机关是“{printed}”，"
                f"将作为“{found.name}”的报告导入，请确认文件无误。"
            )
        try:
            form = path.suffix.lower().lstrip(".") or "txt"
            annual = report_import(
                agency=found,
                year=year,
                report=report,
                source=path.name,
                files={form: path.read_bytes()},
            )
        except AnnualReportError as e:
            output.fail(f"{path}：{e}")
        imported.append(report)
        output.out.print(
            f"已导入 {path.name}：{found.name} {year} 年度报告（第 {annual.version} 版），"
            f"{sum(f.severity == 'error' for f in report.findings)} 个错误"
        )
    sys.exit(output.status(imported))
