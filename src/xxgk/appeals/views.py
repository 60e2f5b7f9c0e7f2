"""The appeals pages. Views parse input, call a selector or a service, and render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from xxgk.agencies.policy import Action, can, require, scope
from xxgk.appeals.choices import PENDING
from xxgk.appeals.deadlines import decision_term
from xxgk.appeals.forms import AnswerForm, AppealForm, DecisionForm, FilterForm
from xxgk.appeals.models import Appeal
from xxgk.appeals.selectors import (
    AppealFilters,
    appeal_deadline,
    appeal_decision_deadline,
    appeal_get,
    appeal_history,
    appeal_list,
    appeal_review_notice,
    appeals_table,
    reviews_linkable,
)
from xxgk.appeals.services import (
    AppealError,
    appeal_answer,
    appeal_correct,
    appeal_decide,
    appeal_decision_correct,
    appeal_register,
)
from xxgk.applications.clock import calendar_current, urgency
from xxgk.report import editions


class Request(HttpRequest):
    """Behind `login_required`, a real user."""

    user: User  # type: ignore[assignment]


def _filters(form: FilterForm) -> AppealFilters:
    if not form.is_valid():
        return AppealFilters()
    data = form.cleaned_data
    agency = data.get("agency")
    return AppealFilters(
        q=data["q"].strip(),
        kind=data["kind"],
        pending={"yes": True, "no": False}.get(data["pending"]),
        year=data["year"],
        agency_id=agency.pk if agency else None,
    )


def _add_error(form: forms.Form, exc: AppealError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc))


@login_required
@require_GET
def appeal_index(request: Request) -> HttpResponse:
    """Every appeal the user may read, filtered; with a year and one agency, its table 4."""
    require(request.user, Action.APPEAL_READ)
    readable = scope(request.user, Action.APPEAL_READ)
    form = FilterForm(request.GET or None, agencies=readable)
    filters = _filters(form)
    page = Paginator(appeal_list(user=request.user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    table = None
    agency = None
    if filters.year:
        agency = readable.filter(pk=filters.agency_id).first() if filters.agency_id else None
        if agency is None and len(readable) == 1:
            agency = readable[0]
        if agency is not None:
            table = _table_rows(appeals_table(agency=agency, year=filters.year), filters.year)
    return render(
        request,
        "appeals/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "table": table,
            "table_agency": agency,
            "year": filters.year,
            "can_register": can(request.user, Action.APPEAL_WRITE),
            "today": timezone.localdate(),
            "readable": readable,
        },
    )


def _table_rows(table: dict[str, dict[str, int]], year: int) -> dict[str, Any]:
    """Table 4 laid out for the page: the edition's labels and the counts in its order."""
    edition = editions.for_year(year)
    return {
        "columns": [c.label.text for c in edition.appeal_columns],
        "rows": [
            (g.label.text, [table[g.key][c.key] for c in edition.appeal_columns])
            for g in edition.appeal_groups
        ],
    }


@login_required
@require_http_methods(["GET", "POST"])
def register(request: Request) -> HttpResponse:
    require(request.user, Action.APPEAL_WRITE)
    agencies = scope(request.user, Action.APPEAL_WRITE)
    form = AppealForm(
        request.POST or None, agencies=agencies, reviews=reviews_linkable(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            appeal = appeal_register(
                user=request.user, agency=form.cleaned_data["agency"], data=form.appeal_data()
            )
        except AppealError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, f"已登记 {appeal}。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/register.html", {"form": form, "appeal": None})


@login_required
@require_GET
def detail(request: Request, pk: int) -> HttpResponse:
    appeal = appeal_get(user=request.user, pk=pk)
    calendar = calendar_current()
    today = timezone.localdate()
    deadline = appeal_deadline(appeal=appeal, calendar=calendar)
    waiting = appeal.is_pending and appeal.answered_on is None
    return render(
        request,
        "appeals/detail.html",
        {
            "appeal": appeal,
            "deadline": deadline,
            "urgency": urgency(
                deadline.due_on if waiting else None, calendar=calendar, today=today
            ),
            "late": appeal.answered_on is not None and appeal.answered_on > deadline.due_on,
            "decision_deadline": appeal_decision_deadline(appeal=appeal, calendar=calendar),
            "decision_term": decision_term(appeal.kind),
            "can_handle": can(request.user, Action.APPEAL_WRITE, appeal),
            "history": appeal_history(appeal=appeal),
            "lawsuits": appeal_list(user=request.user).filter(review=appeal),
            "counted_as": _counted_as(appeal, today),
            "review_notice": appeal_review_notice(appeal=appeal),
        },
    )


def _counted_as(appeal: Appeal, today: date) -> str:
    """Where table 4 counts the case: 行政复议·结果维持（2025 年）, and 尚未审结 in each year it
    was still open on 31 December."""
    first = appeal.copy_received_on.year
    if appeal.decided_on is None or appeal.column is None:
        label = editions.for_year(today.year).cell_label(f"appeals.{appeal.group}.{PENDING}")
        return f"{label}（{first} 年起每年 12 月 31 日仍未审结的，计入当年；审结后计入审结之年）"
    year = appeal.decided_on.year
    label = editions.for_year(year).cell_label(f"appeals.{appeal.group}.{appeal.column}")
    if first == year:
        return f"{label}（{year} 年）"
    open_years = f"{first} 年" if first == year - 1 else f"{first}–{year - 1} 年各年"
    return f"{label}（{year} 年）；{open_years}计入尚未审结"


def _handled(request: Request, pk: int) -> Appeal:
    """The appeal, if the user may read it (else 404) and act on it (else 403)."""
    appeal = appeal_get(user=request.user, pk=pk)
    require(request.user, Action.APPEAL_WRITE, appeal)
    return appeal


def _action_page(
    request: Request, appeal: Appeal, form: forms.Form, title: str, button: str
) -> HttpResponse:
    return render(
        request,
        "appeals/action.html",
        {"appeal": appeal, "form": form, "title": title, "button": button},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def correct(request: Request, pk: int) -> HttpResponse:
    """Correct what was registered, with a reason."""
    appeal = _handled(request, pk)
    form = AppealForm(
        request.POST or None,
        initial=AppealForm.initial_for(appeal),
        agencies=scope(request.user, Action.APPEAL_WRITE),
        reviews=reviews_linkable(user=request.user).filter(agency=appeal.agency).exclude(pk=pk),
        correcting=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            appeal_correct(
                user=request.user,
                appeal=appeal,
                data=form.appeal_data(),
                reason=form.cleaned_data["reason"],
            )
        except AppealError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, "已更正案件信息。")
            return redirect("appeals:detail", pk=pk)
    return render(
        request,
        "appeals/register.html",
        {"form": form, "appeal": appeal},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer(request: Request, pk: int) -> HttpResponse:
    appeal = _handled(request, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appeal_answer(
                user=request.user,
                appeal=appeal,
                answered_on=form.cleaned_data["answered_on"],
                reason=form.cleaned_data["reason"],
            )
        except AppealError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, "已记录提交答复（答辩状）之日。")
            return redirect("appeals:detail", pk=pk)
    return _action_page(request, appeal, form, "记录提交答复（答辩状）", "记录")


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: Request, pk: int) -> HttpResponse:
    appeal = _handled(request, pk)
    if not appeal.is_pending:
        messages.error(request, "本案已记录审理结果；如有错误，请更正审理结果并写明理由。")
        return redirect("appeals:detail", pk=pk)
    form = DecisionForm(request.POST or None, kind=appeal.kind)
    if request.method == "POST" and form.is_valid():
        try:
            appeal_decide(
                user=request.user,
                appeal=appeal,
                decision=form.cleaned_data["decision"],
                decided_on=form.cleaned_data["decided_on"],
            )
        except AppealError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, "已记录审理结果。")
            return redirect("appeals:detail", pk=pk)
    return _action_page(request, appeal, form, "记录审理结果", "记录")


@login_required
@require_http_methods(["GET", "POST"])
def decision_correct(request: Request, pk: int) -> HttpResponse:
    appeal = _handled(request, pk)
    if appeal.is_pending:
        messages.error(request, "本案尚未记录审理结果，无需更正。")
        return redirect("appeals:detail", pk=pk)
    form = DecisionForm(
        request.POST or None,
        kind=appeal.kind,
        correcting=True,
        initial={"decision": appeal.decision, "decided_on": appeal.decided_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            appeal_decision_correct(
                user=request.user,
                appeal=appeal,
                decision=form.cleaned_data["decision"],
                decided_on=form.cleaned_data["decided_on"],
                reason=form.cleaned_data["reason"],
            )
        except AppealError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, "已更正审理结果。")
            return redirect("appeals:detail", pk=pk)
    return _action_page(request, appeal, form, "更正审理结果", "更正")
