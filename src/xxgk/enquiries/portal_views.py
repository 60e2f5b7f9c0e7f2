"""The portal's 咨询建议 pages (public, no login): ask, the receipt, look up an answer, and the
published Q&A. The lookup is a POST, so that the code never sits in a URL or a server log."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from xxgk.agencies.models import Agency
from xxgk.enquiries import selectors
from xxgk.enquiries.forms import EnquiryForm, LookupForm
from xxgk.enquiries.services import EnquiryError, enquiry_submit
from xxgk.portal.limits import over_limit, posted

SECTION = "enquiries"
_RECEIPT = "enquiry_receipt"  # the session key of the receipt shown once after submitting


def _render(
    request: HttpRequest, template: str, agency: Agency, status: int = 200, **context: object
) -> HttpResponse:
    return render(
        request,
        f"enquiries/portal/{template}",
        {"agency": agency, "section": SECTION, **context},
        status=status,
    )


@require_GET
def answers(request: HttpRequest, agency_id: int) -> HttpResponse:
    """咨询建议: the published questions and answers, newest first."""
    agency = get_object_or_404(Agency, pk=agency_id)
    page = Paginator(selectors.enquiries_published(agency=agency), 20).get_page(
        request.GET.get("page")
    )
    return _render(request, "answers.html", agency, page=page)


@require_GET
def answer(request: HttpRequest, agency_id: int, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    enquiry = selectors.enquiry_published_get(agency=agency, pk=pk)
    if enquiry is None:
        raise Http404(_("没有这条公开的答复。"))
    return _render(request, "answer.html", agency, enquiry=enquiry)


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    form = EnquiryForm(request.POST or None)
    if request.method == "POST" and over_limit(request, "enquiries.ask", "XXGK_ENQUIRY_RATE"):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请稍后再试。"))
        return _render(request, "ask.html", agency, status=429, form=form)
    if request.method == "POST" and form.is_valid():
        try:
            receipt = enquiry_submit(agency=agency, data=form.data_for_service())
        except EnquiryError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            request.session[_RECEIPT] = {
                "agency": agency.pk,
                "number": receipt.enquiry.number,
                "code": receipt.code,
                "due_on": receipt.enquiry.due_on.isoformat(),
            }
            return redirect("enquiry_portal:receipt", agency_id=agency.pk)
    status = 400 if request.method == "POST" else 200
    return _render(request, "ask.html", agency, status=status, form=form)


@require_GET
def receipt(request: HttpRequest, agency_id: int) -> HttpResponse:
    """The number and lookup code, shown once: reloading the page shows the lookup form."""
    agency = get_object_or_404(Agency, pk=agency_id)
    shown = request.session.pop(_RECEIPT, None)
    if not shown or shown.get("agency") != agency.pk:
        return redirect("enquiry_portal:lookup", agency_id=agency.pk)
    return _render(request, "receipt.html", agency, receipt=shown)


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    form = LookupForm(request.POST or None)
    found = None
    if request.method == "POST" and (
        over_limit(request, "enquiries.lookup", "XXGK_LOOKUP_RATE")
        or over_limit(
            request, "enquiries.lookup.number", "XXGK_LOOKUP_NUMBER_RATE", posted("number")
        )
    ):
        form.is_valid()
        form.add_error(None, _("查询次数过多，请稍后再试。"))
        return _render(request, "lookup.html", agency, status=429, form=form, enquiry=None)
    if request.method == "POST" and form.is_valid():
        found = selectors.enquiry_lookup(
            agency=agency, number=form.cleaned_data["number"], code=form.cleaned_data["code"]
        )
        if found is None:
            form.add_error(None, _("编号或查询码不正确，请核对后重新输入。"))
    status = 400 if request.method == "POST" and found is None else 200
    return _render(request, "lookup.html", agency, status=status, form=form, enquiry=found)
