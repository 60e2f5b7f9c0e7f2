"""The computed report in the back office: every number of tables 3 and 4 links to the records
it counts (the drill-down), for the people who may read those records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, can, require, scope
from xxgk.report import jsonio
from xxgk.report.edition import Severity
from xxgk.report.model import Finding, Report
from xxgk.report.render.html import css
from xxgk.report.render.html import render as render_html
from xxgk.reports.cells import cell_drill
from xxgk.reports.compute import MISSING, report_compute, report_tables
from xxgk.reports.models import ReportStatus
from xxgk.reports.rollups import published_rollup, rollup_workbook
from xxgk.reports.selectors import report_returned, report_versions, subtree, tree_status
from xxgk.reports.services import (
    SECTIONS,
    AnnualReportError,
    published_report,
    report_and_draft,
    report_approve,
    report_changes,
    report_correct,
    report_open,
    report_publish,
    report_return,
    report_sections_save,
    report_submit,
    sections_redrafted,
    stale_sections,
)
from xxgk.reports.trends import trend_charts
from xxgk.site.downloads import attachment_header

FIRST_YEAR = 2019


class Request(HttpRequest):
    user: User  # type: ignore[assignment]  # behind login_required


def _years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def _agency(request: Request, agency_id: int, year: int) -> Agency:
    agency = get_object_or_404(Agency, pk=agency_id)
    require(request.user, Action.REPORT_READ, agency)
    if year not in _years():
        raise Http404("没有这一年度的报告。")
    return agency


@require_GET
@cache_control(max_age=3600, public=True)
def stylesheet(request: HttpRequest) -> HttpResponse:
    """The report renderer's own stylesheet (one source for the page, the print and the web)."""
    return HttpResponse(css(), content_type="text/css; charset=utf-8")


@login_required
@require_GET
def index(request: Request) -> HttpResponse:
    """年度报告: pick an agency the user reads and a year."""
    require(request.user, Action.REPORT_READ)
    agencies = scope(request.user, Action.REPORT_READ).order_by("path")
    try:
        chosen = int(request.GET.get("agency", ""))
        year = int(request.GET.get("year", ""))
    except ValueError:
        chosen = year = 0
    if chosen and year and agencies.filter(pk=chosen).exists():
        return redirect("reports:detail", agency_id=chosen, year=year)
    return render(
        request,
        "reports/index.html",
        {"agencies": agencies, "years": _years(), "year": timezone.localdate().year - 1},
    )


@login_required
@require_GET
def detail(request: Request, agency_id: int, year: int) -> HttpResponse:
    """The report of `year`: the version being prepared (its sections as saved), else the latest
    published one as the public reads it, else the one computed from the records now; with its
    findings, its workflow and its published versions."""
    agency = _agency(request, agency_id, year)
    versions = list(report_versions(agency=agency, year=year))
    working = next((v for v in versions if v.status != ReportStatus.PUBLISHED), None)
    published = [v for v in versions if v.status == ReportStatus.PUBLISHED]
    if working:
        report, drafted = report_and_draft(working)
    elif published and published[0].report_json:
        report, drafted = jsonio.from_json(published[0].report_json), {}
    else:
        report, drafted = report_compute(agency=agency, year=year), {}
    # the records' count now, for 发布后记录有变动: the report shown, unless it is the published one
    now = None if published and not working else report

    def link(cell: str) -> str | None:
        return reverse("reports:cell", args=[agency.pk, year, cell])

    html = render_html(
        report, findings=_shown(report.findings), fragment=True, link=link, inline_widths=False
    )
    charts = trend_charts(
        [report, *(_year_report(agency, y) for y in range(max(FIRST_YEAR, year - 4), year))]
    )
    explained = working.explanations if working else {}
    warnings = [
        (f.rule, f.message, explained.get(f.rule, ""))
        for f in report.findings
        if f.severity is Severity.WARNING
    ]
    return render(
        request,
        "reports/detail.html",
        {
            "agency": agency,
            "year": year,
            "report": report,
            "article": mark_safe(html),  # noqa: S308 - the renderer escapes every text
            "working": working,
            "published": published,
            "changes": report_changes(published[0], now=now) if published else [],
            "sections": [
                (x.key, x.heading, report.sections.get(x.key, "")) for x in report.edition.sections
            ],
            "warnings": warnings,
            "may_write": can(request.user, Action.REPORT_WRITE, agency),
            "charts": charts,
            "stale": stale_sections(working, drafted) if working else [],
            "may_approve": can(request.user, Action.REPORT_APPROVE, agency),
            "returned": report_returned(annual=working) if working else None,
            "missing": next((f.message for f in report.findings if f.rule == MISSING), ""),
            "redrafted": sections_redrafted(working, published[0]) if working and published else [],
        },
    )


def _shown(findings: Sequence[Finding]) -> list[Finding]:
    """The findings as the page lists them: the figures not entered named in Chinese, not by
    the rule id that the JSON and the command line give."""
    return [replace(f, rule="统计数未录入") if f.rule == MISSING else f for f in findings]


def _year_report(agency: Agency, year: int) -> Report:
    """An earlier year for the charts: as published, else as the records count it now."""
    published = published_report(agency=agency, year=year)
    if published is not None and published.report_json:
        return jsonio.from_json(published.report_json)
    return report_tables(agency=agency, year=year)


@login_required
@require_POST
def step(request: Request, agency_id: int, year: int) -> HttpResponse:
    """One step of the workflow: open, save, submit, return, approve, publish, correct."""
    agency = _agency(request, agency_id, year)
    user, post = request.user, request.POST
    working = (
        report_versions(agency=agency, year=year).exclude(status=ReportStatus.PUBLISHED).first()
    )
    action = post.get("step", "")
    try:
        if action == "open":
            report_open(user=user, agency=agency, year=year)
            messages.success(request, "已开始编制，正文已按记录起草，请修改。")
        elif action == "correct":
            latest = published_report(agency=agency, year=year)
            if latest is None:
                raise AnnualReportError("本年度报告尚未发布，无需更正。")
            report_correct(user=user, published=latest, note=post.get("note", ""))
            messages.success(request, "已创建更正版本。")
        elif working is None:
            raise AnnualReportError("本年度没有正在编制的报告。")
        elif action in ("save", "submit"):
            texts = {k: post[f"section-{k}"] for k in SECTIONS if f"section-{k}" in post}
            report_sections_save(user=user, annual=working, sections=texts)
            if action == "submit":
                prefix = "explain-"
                given = {k[len(prefix) :]: post.get(k, "") for k in post if k.startswith(prefix)}
                report_submit(user=user, annual=working, explanations=given)
                messages.success(request, "已送审。")
            else:
                messages.success(request, "已保存。")
        elif action == "return":
            report_return(user=user, annual=working, reason=post.get("reason", ""))
            messages.success(request, "已退回修改。")
        elif action == "approve":
            report_approve(user=user, annual=working)
            messages.success(request, "已批准。")
        elif action == "publish":
            report_publish(user=user, annual=working)
            messages.success(request, "已发布，公众可在政府信息公开专栏下载。")
        else:
            raise AnnualReportError("未知的操作。")
    except AnnualReportError as exc:
        messages.error(request, str(exc))
    return redirect("reports:detail", agency_id=agency.pk, year=year)


@login_required
@require_GET
def cell(request: Request, agency_id: int, year: int, cell: str) -> HttpResponse:
    """The records one number counts, and why each is counted there."""
    agency = _agency(request, agency_id, year)
    report = report_tables(agency=agency, year=year)
    drill = cell_drill(agency=agency, edition=report.edition, year=year, cell=cell)
    if drill is None:
        raise Http404("这个单元格不由申请或复议诉讼记录计算。")
    return render(
        request,
        "reports/cell.html",
        {"agency": agency, "year": year, "drill": drill, "value": report[cell]},
    )


def _tree(request: Request) -> tuple[int, Agency | None, bool, list[Any]]:
    """The year, root and 本级+所属 choice of a supervising page, and the agencies' statuses."""
    require(request.user, Action.REPORT_READ)
    readable = scope(request.user, Action.REPORT_READ)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year - 1
    if year not in _years():
        year = timezone.localdate().year - 1
    chosen = request.GET.get("root", "")
    root = readable.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    below_only = request.GET.get("scope") == "own"
    agencies = subtree(readable, root, below_only=below_only)
    return (
        year,
        root,
        below_only,
        tree_status(agencies=agencies, year=year, today=timezone.localdate()),
    )


def _rollup_name(root: Agency | None, below_only: bool) -> str:
    if root is None:
        return "全部机关中"
    return f"{root.name}（{'本级及所属' if below_only else '本级及以下全部'}）"


@login_required
@require_GET
def supervise(request: Request) -> HttpResponse:
    """政务公开办's page: who has published the year's report, who has not, whose report has
    findings, and the roll-up of what is published."""
    year, root, below_only, statuses = _tree(request)
    total = published_rollup(statuses, name=_rollup_name(root, below_only), year=year)
    return render(
        request,
        "reports/supervise.html",
        {
            "year": year,
            "years": _years(),
            "root": root,
            "below_only": below_only,
            "roots": scope(request.user, Action.REPORT_READ).order_by("path"),
            "statuses": statuses,
            "published": sum(1 for s in statuses if s.published),
            "unpublished": sum(1 for s in statuses if not s.published),
            "total": total,
            "rollup": mark_safe(render_html(total, fragment=True, inline_widths=False))  # noqa: S308
            if total
            else "",
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def rollup_xlsx(request: Request) -> HttpResponse:
    """The roll-up of the published reports as an Excel workbook in the national layout."""
    year, root, below_only, statuses = _tree(request)
    total = published_rollup(statuses, name=_rollup_name(root, below_only), year=year)
    if total is None:
        raise Http404("所选范围内还没有已发布的年度报告。")
    response = HttpResponse(
        rollup_workbook(total, statuses, year=year),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"{total.agency}{year}年政府信息公开工作年度报告.xlsx"
    response["Content-Disposition"] = attachment_header(name, "rollup.xlsx")
    return response
