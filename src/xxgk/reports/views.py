"""The computed report in the back office: every number of tables 3 and 4 links to the records
it counts (the drill-down), for the people who may read those records."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, require, scope
from xxgk.report.render.html import css
from xxgk.report.render.html import render as render_html
from xxgk.reports.cells import cell_drill
from xxgk.reports.compute import report_compute

FIRST_YEAR = 2019


class Request(HttpRequest):
    user: User  # type: ignore[assignment]  # behind login_required


def _years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def _agency(request: Request, agency_id: int, year: int) -> Agency:
    agency = get_object_or_404(Agency, pk=agency_id)
    require(request.user, Action.APPLICATION_READ, agency)
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
    require(request.user, Action.APPLICATION_READ)
    agencies = scope(request.user, Action.APPLICATION_READ).order_by("path")
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
    """The report of `year` computed from the agency's records now, with its findings."""
    agency = _agency(request, agency_id, year)
    report = report_compute(agency=agency, year=year)

    def link(cell: str) -> str | None:
        if cell.startswith(("applications.", "appeals.")):
            return reverse("reports:cell", args=[agency.pk, year, cell])
        return None

    html = render_html(report, findings=report.findings, fragment=True, link=link)
    return render(
        request,
        "reports/detail.html",
        {
            "agency": agency,
            "year": year,
            "report": report,
            "article": mark_safe(html),  # noqa: S308 - the renderer escapes every text
        },
    )


@login_required
@require_GET
def cell(request: Request, agency_id: int, year: int, cell: str) -> HttpResponse:
    """The records one number counts, and why each is counted there."""
    agency = _agency(request, agency_id, year)
    report = report_compute(agency=agency, year=year)
    drill = cell_drill(agency=agency, edition=report.edition, year=year, cell=cell)
    if drill is None:
        raise Http404("这个单元格不由申请或复议诉讼记录计算。")
    return render(
        request,
        "reports/cell.html",
        {"agency": agency, "year": year, "drill": drill, "value": report[cell]},
    )
