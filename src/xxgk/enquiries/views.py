"""The back office's 咨询建议 pages: the queue with its yearly counts, one enquiry, and the two
actions on it. Views parse input, call a selector or a service, and render."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from xxgk.agencies.policy import Action, can, require, scope
from xxgk.applications.clock import calendar_current, urgency
from xxgk.enquiries.forms import AnswerForm, FilterForm, UnpublishForm
from xxgk.enquiries.models import Enquiry
from xxgk.enquiries.selectors import EnquiryFilters, enquiry_counts, enquiry_get, enquiry_list
from xxgk.enquiries.services import EnquiryError, enquiry_answer, enquiry_unpublish


class Request(HttpRequest):
    """Behind `login_required`, a real user."""

    user: User  # type: ignore[assignment]


def _filters(form: FilterForm) -> EnquiryFilters:
    if not form.is_valid():
        return EnquiryFilters()
    data = form.cleaned_data
    return EnquiryFilters(
        status=data["status"],
        agency_id=data["agency"].pk if data["agency"] else None,
        q=data["q"].strip(),
    )


@login_required
@require_GET
def enquiry_index(request: Request) -> HttpResponse:
    """The queue of the user's agencies, with an agency's yearly counts."""
    require(request.user, Action.ENQUIRY_READ)
    readable = scope(request.user, Action.ENQUIRY_READ)
    form = FilterForm(request.GET or None, agencies=readable)
    filters = _filters(form)
    today = timezone.localdate()
    rows = enquiry_list(user=request.user, filters=filters, today=today)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    calendar = calendar_current()
    for enquiry in page.object_list:
        enquiry.urgency = urgency(  # type: ignore[attr-defined]
            enquiry.due_on if enquiry.is_open else None, calendar=calendar, today=today
        )
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or today.year
    agency = readable.filter(pk=filters.agency_id).first() if filters.agency_id else None
    if agency is None and len(readable) == 1:
        agency = readable[0]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "enquiries/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "counts": enquiry_counts(agency=agency, year=year) if agency else None,
            "counts_agency": agency,
        },
    )


@login_required
@require_GET
def detail(request: Request, pk: int) -> HttpResponse:
    enquiry = enquiry_get(user=request.user, pk=pk)
    return _detail_page(request, enquiry)


def _detail_page(
    request: Request,
    enquiry: Enquiry,
    answer_form: AnswerForm | None = None,
    unpublish_form: UnpublishForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_answer = can(request.user, Action.ENQUIRY_ANSWER, enquiry)
    today = timezone.localdate()
    return render(
        request,
        "enquiries/detail.html",
        {
            "enquiry": enquiry,
            "can_answer": can_answer,
            "urgency": urgency(
                enquiry.due_on if enquiry.is_open else None,
                calendar=calendar_current(),
                today=today,
            ),
            "answer_form": answer_form or AnswerForm(consent=enquiry.consent),
            "unpublish_form": unpublish_form or UnpublishForm(),
        },
        status=status,
    )


def _add_error(form: forms.Form, exc: EnquiryError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc))


@login_required
@require_POST
def answer(request: Request, pk: int) -> HttpResponse:
    enquiry = enquiry_get(user=request.user, pk=pk)
    require(request.user, Action.ENQUIRY_ANSWER, enquiry)
    form = AnswerForm(request.POST, consent=enquiry.consent)
    if form.is_valid():
        try:
            enquiry_answer(
                user=request.user,
                enquiry=enquiry,
                answer=form.cleaned_data["answer"],
                answered_on=form.cleaned_data["answered_on"],
                publish=bool(form.cleaned_data.get("publish")),
            )
        except EnquiryError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, f"已答复 {enquiry.number}。")
            return redirect("enquiries:detail", pk=pk)
    return _detail_page(request, enquiry, answer_form=form, status=400)


@login_required
@require_POST
def unpublish(request: Request, pk: int) -> HttpResponse:
    enquiry = enquiry_get(user=request.user, pk=pk)
    require(request.user, Action.ENQUIRY_ANSWER, enquiry)
    form = UnpublishForm(request.POST)
    if form.is_valid():
        try:
            enquiry_unpublish(
                user=request.user, enquiry=enquiry, reason=form.cleaned_data["reason"]
            )
        except EnquiryError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, f"已撤回 {enquiry.number} 的公开答复。")
            return redirect("enquiries:detail", pk=pk)
    return _detail_page(request, enquiry, unpublish_form=form, status=400)
