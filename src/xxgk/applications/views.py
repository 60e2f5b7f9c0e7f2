"""The officer's pages. Views parse input, call a selector or service, and render."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from xxgk.agencies.policy import Action, can, require, scope
from xxgk.appeals.selectors import appeals_open_deadlines
from xxgk.applications import choices
from xxgk.applications.calendar_years import calendar_year_save, parse_days, parse_named_days
from xxgk.applications.clock import (
    URGENCY_NONE,
    Urgency,
    calendar_current,
    deadlines_of,
    live_events,
    policy_for,
    state_of,
    urgency,
)
from xxgk.applications.export import export_rows
from xxgk.applications.fees import FeeInputError
from xxgk.applications.forms import (
    CalendarYearForm,
    EventForm,
    FilterForm,
    QueueForm,
    RegisterForm,
    RevealForm,
    VoidForm,
)
from xxgk.applications.identifiers import IdDocument
from xxgk.applications.letters.render import (
    LetterIncomplete,
    LetterUnavailable,
    letter_render,
    letters_available,
)
from xxgk.applications.models import Application, CalendarYear
from xxgk.applications.personal_data import RevealRefused, applicant_reveal, contact_masked
from xxgk.applications.selectors import (
    Filters,
    UrgencyBounds,
    application_actions,
    application_events,
    application_export,
    application_get,
    application_list,
    application_queue,
    attachment_get,
    queue_counts,
)
from xxgk.applications.services import (
    MAX_EXTENSION_DAYS,
    ApplicantData,
    ApplicationError,
    EventInput,
    application_event_record,
    application_event_void,
    application_register,
    fee_quote,
)
from xxgk.report import editions
from xxgk.site.downloads import attachment_header
from xxgk.workdays import Calendar
from xxgk.workdays.clock import EventKind


class Request(HttpRequest):
    """What the middleware adds: htmx details and, behind `login_required`, a real user."""

    htmx: HtmxDetails
    user: User  # type: ignore[assignment]


@dataclass(frozen=True)
class Row:
    """One application in a list, from its stored deadline columns, with how urgent it is."""

    application: Application
    next_label: str  # what the nearest deadline is
    urgency: Urgency


def _row(application: Application, calendar: Calendar, today: date) -> Row:
    if not application.is_open:
        return Row(application, "", URGENCY_NONE)
    return Row(
        application,
        application.get_next_due_kind_display(),
        urgency(application.next_due_on, calendar=calendar, today=today),
    )


def _calendar_warning(calendar: Calendar, today: date, provisional: bool) -> str:
    # Next year's arrangement is published around November: ask for it from then on.
    years = [today.year, today.year + 1] if today.month >= 11 else [today.year]
    missing = [y for y in years if not calendar.covers(y)]
    parts = []
    if missing:
        parts.append(f"{'、'.join(str(y) for y in missing)} 年的节假日安排尚未录入")
    if provisional:
        parts.append("部分申请的答复期限为暂定（涉及尚未录入节假日安排的年份）")
    return "；".join(parts)


@login_required
@require_GET
def queue(request: Request) -> HttpResponse:
    """The work queue: open applications, nearest deadline first, paginated and filterable;
    appeal answers due in the same agencies beside them."""
    today = timezone.localdate()
    calendar = calendar_current()
    bounds = UrgencyBounds.of(today, calendar)
    form = QueueForm(request.GET or None, agencies=scope(request.user, Action.APPLICATION_READ))
    filters = Filters(**form.filters()) if form.is_valid() else Filters()
    qs = application_queue(user=request.user, bounds=bounds, filters=filters)
    page = Paginator(qs.select_related("agency"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    counts = queue_counts(user=request.user, bounds=bounds)
    return render(
        request,
        "applications/queue.html",
        {
            "form": form,
            "page": page,
            "rows": [_row(a, calendar, today) for a in page.object_list],
            "query": query.urlencode(),
            "counts": counts,
            "bounds": bounds,
            "appeals": [
                (a, urgency(a.answer_due_on, calendar=calendar, today=today))
                for a in appeals_open_deadlines(user=request.user)[:20]
            ],
            "today": today,
            "warning": _calendar_warning(calendar, today, counts["provisional"] > 0),
            "can_register": can(request.user, Action.APPLICATION_REGISTER),
            "is_admin": can(request.user, Action.CALENDAR_EDIT),
        },
    )


def _filters(form: FilterForm) -> Filters:
    if not form.is_valid():
        return Filters()
    data = form.cleaned_data
    return Filters(
        q=data["q"].strip(),
        status=data["status"],
        outcome=data["outcome"],
        applicant_kind=data["applicant_kind"],
        channel=data["channel"],
        year=data["year"],
        with_carried_over=data["with_carried_over"],
    )


@login_required
@require_GET
def search(request: Request) -> HttpResponse:
    """Every application the user may read, filtered."""
    form = FilterForm(request.GET or None)
    qs = application_list(user=request.user, filters=_filters(form))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    today, calendar = timezone.localdate(), calendar_current()
    rows = [_row(a, calendar, today) for a in page.object_list]  # stored columns: no N+1
    query = request.GET.copy()
    query.pop("page", None)
    template = "applications/_results.html" if request.htmx else "applications/search.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


@login_required
@require_GET
def export_csv(request: Request) -> StreamingHttpResponse:
    """The filtered list as CSV (UTF-8 with BOM so that Excel reads the Chinese), streamed.

    With a year, `carried_over` and `carried_forward` are that year's (the report year's
    boundaries); without one, each application's own year of receipt.
    """
    form = FilterForm(request.GET or None)
    filters = _filters(form)
    qs = application_export(user=request.user, filters=filters)
    response = StreamingHttpResponse(
        export_rows(qs, year=filters.year), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="applications.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def register(request: Request) -> HttpResponse:
    require(request.user, Action.APPLICATION_REGISTER)
    agencies = scope(request.user, Action.APPLICATION_REGISTER)
    form = RegisterForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        applicant = ApplicantData(**{f: data[f] or "" for f in ApplicantData.__dataclass_fields__})
        if not applicant.id_document:  # an organisation's, or left at the first choice
            applicant = replace(applicant, id_document=IdDocument.RESIDENT_ID)
        try:
            application = application_register(
                user=request.user,
                agency=data["agency"],
                applicant=applicant,
                channel=data["channel"],
                delivery=data["delivery"],
                way=data["way"],
                request_text=data["request_text"],
                received_on=data["received_on"],
                note=data["note"],
                files=tuple(data["documents"]),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        except ApplicationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已登记申请 {application.number}。")
            return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/register.html", {"form": form})


def _detail_context(request: Request, application: Application) -> dict[str, Any]:
    events = live_events(application.events.all())
    calendar = calendar_current()
    today = timezone.localdate()
    policy = policy_for(application.agency)
    state = state_of(events, calendar=calendar, today=today, policy=policy)
    actions = application_actions(
        user=request.user,
        application=application,
        state=state_of(events, calendar=calendar, today=None, policy=policy),
    )
    parties = {e.pk: e.party for e in events if e.kind == EventKind.CONSULTATION_OPENED}
    return {
        "application": application,
        "contact": contact_masked(application),
        "can_reveal": can(request.user, Action.APPLICATION_REVEAL, application),
        "state": state,
        "timeline": application_events(application=application),
        "live_ids": {e.pk for e in events},
        "actions": actions,
        "can_handle": bool(actions) or _can_void(request, application),
        "urgency": urgency(state.due_on, calendar=calendar, today=today),
        "deadlines": deadlines_of(state),
        "consultations": [(parties.get(c.ref, ""), c) for c in state.consultations],
        "letters": letters_available(application),
        "void_form": VoidForm(),
        "outcome_label": _outcome_label(application),
        "receipt_rule": choices.CHANNEL_RECEIPT_RULE.get(choices.Channel(application.channel), ""),
    }


def _can_void(request: Request, application: Application) -> bool:
    return can(request.user, Action.APPLICATION_RECORD_EVENT, application)


def _outcome_label(application: Application) -> str:
    """The outcome as table 3 of the closing year heads it: （三）不予公开：1.属于国家秘密."""
    if not application.outcome or application.closed_on is None:
        return ""
    edition = editions.for_year(application.closed_on.year)
    row = edition.outcome_row(application.outcome)
    return edition.outcome_label(row) if row else ""


@login_required
@require_GET
def detail(request: Request, pk: int) -> HttpResponse:
    application = application_get(user=request.user, pk=pk)
    return render(request, "applications/detail.html", _detail_context(request, application))


@login_required
@require_http_methods(["GET", "POST"])
def reveal(request: Request, pk: int) -> HttpResponse:
    """查看完整信息: the reason form (GET, loaded into the page by htmx), then the applicant's
    data in full (POST), logged by the service; never cached."""
    application = application_get(user=request.user, pk=pk)
    require(request.user, Action.APPLICATION_REVEAL, application)
    form = RevealForm(request.POST or None)
    context: dict[str, Any] = {"application": application, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            contact = applicant_reveal(
                user=request.user, application=application, reason=form.cleaned_data["reason"]
            )
        except RevealRefused as exc:
            form.add_error("reason", str(exc))
        else:
            context = {"application": application, "contact": contact}
    refused = "form" in context and request.method == "POST"
    if request.htmx:
        # htmx swaps only 2xx answers: the form with its error comes back as 200.
        shown = "form" in context
        partial = "applications/_reveal_form.html" if shown else "applications/_contact.html"
        response = render(request, partial, context)
    else:
        response = render(
            request, "applications/reveal.html", context, status=400 if refused else 200
        )
    response["Cache-Control"] = "no-store"
    return response


def _event_kind(value: str) -> EventKind:
    try:
        return EventKind(value)
    except ValueError:
        raise Http404("没有这种办理事项。") from None


def _consultation_choices(application: Application) -> list[tuple[int, str]]:
    """The consultation letters still awaiting an answer, for an answer or a delivery."""
    events = live_events(application.events.all())
    answered = {e.ref_id for e in events if e.kind == EventKind.CONSULTATION_ANSWERED}
    return [
        (e.pk, f"{e.party}（{e.on:%Y-%m-%d} 发函）")
        for e in events
        if e.kind == EventKind.CONSULTATION_OPENED and e.pk not in answered
    ]


def _default_days(application: Application, kind: EventKind) -> int | None:
    return {
        EventKind.EXTENSION_APPROVED: MAX_EXTENSION_DAYS,
        EventKind.CORRECTION_REQUESTED: application.agency.correction_period_days,
        EventKind.REASONS_REQUESTED: application.agency.reasons_period_days,
    }.get(kind)


def _event_input(application: Application, data: dict[str, Any]) -> EventInput:
    ref = data.get("ref")
    return EventInput(
        days=data.get("days"),
        until=data.get("until"),
        ref=application.events.filter(pk=ref).first() if ref else None,
        party=data.get("party") or "",
        party_is_person=bool(data.get("party_is_person")),
        article=data.get("article") or None,
        detail=data.get("detail") or "",
        delivered_on=data.get("delivered_on"),
        outcome=data.get("outcome") or "",
        ground=data.get("ground") or "",
        fee_basis=data.get("fee_basis") or "",
        pages=data.get("pages"),
        amount=data.get("amount"),
        note=data.get("note") or "",
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_record(request: Request, pk: int, kind: str) -> HttpResponse:
    """The form for one action (GET, loaded into the page by htmx) and its submission."""
    application = application_get(user=request.user, pk=pk)
    event_kind = _event_kind(kind)
    require(request.user, Action.APPLICATION_RECORD_EVENT, application)
    if event_kind == EventKind.EXTENSION_APPROVED:
        require(request.user, Action.APPLICATION_APPROVE_EXTENSION, application)
    context = _detail_context(request, application)
    if event_kind not in context["actions"]:
        raise PermissionDenied("当前状态不允许这项操作。")
    year = timezone.localdate().year
    if request.method == "POST":
        on = request.POST.get("on", "")
        year = int(on[:4]) if on[:4].isdigit() else year
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        kind=event_kind,
        year=year,
        consultations=_consultation_choices(application),
        default_days=_default_days(application, event_kind),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application_event_record(
                user=request.user,
                application=application,
                kind=event_kind,
                on=data["on"],
                **asdict(_event_input(application, data)),
                files=tuple(data["documents"]),
            )
        except (ApplicationError, FeeInputError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已记录：{event_kind.label}。")
            return redirect("applications:detail", pk=application.pk)
    template = "applications/_event_form.html" if request.htmx else "applications/event.html"
    chosen = request.POST.get("outcome", "")
    return render(
        request,
        template,
        {
            **context,
            "form": form,
            "kind": event_kind,
            # Re-shown after an error: the grounds of the outcome already chosen.
            "grounds_row": editions.for_year(year).outcome_row(chosen),
            "fee": _fee_preview(application, request.POST),
        },
        status=400 if request.method == "POST" else 200,
    )


def _fee_preview(application: Application, data: Any) -> dict[str, Any]:
    """The fee 109号 gives for the basis and pages entered, or why none can be computed."""
    basis, pages = data.get("fee_basis", ""), data.get("pages", "")
    if not basis:
        return {}
    try:
        quote = fee_quote(
            application=application,
            basis=basis,
            pages=int(pages) if str(pages).isdigit() else None,
        )
    except (ApplicationError, FeeInputError) as exc:
        return {"error": str(exc)}
    return {"quote": quote, "label": choices.FeeBasis(quote.basis).label}


@login_required
@require_GET
def fee(request: Request, pk: int) -> HttpResponse:
    """htmx: the fee and its breakdown for the basis and pages entered on the fee notice."""
    application = application_get(user=request.user, pk=pk)
    return render(
        request, "applications/_fee.html", {"fee": _fee_preview(application, request.GET)}
    )


@login_required
@require_GET
def grounds(request: Request, pk: int) -> HttpResponse:
    """htmx: the legal grounds of the outcome just chosen."""
    application = application_get(user=request.user, pk=pk)
    on = request.GET.get("on", "")
    year = int(on[:4]) if on[:4].isdigit() else timezone.localdate().year
    edition = editions.for_year(year)
    row = edition.outcome_row(request.GET.get("outcome"))
    return render(request, "applications/_grounds.html", {"row": row, "application": application})


@login_required
@require_POST
def event_void(request: Request, pk: int) -> HttpResponse:
    application = application_get(user=request.user, pk=pk)
    require(request.user, Action.APPLICATION_RECORD_EVENT, application)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请写明更正的理由。")
        return redirect("applications:detail", pk=pk)
    event = application.events.filter(pk=form.cleaned_data["event"]).first()
    if event is None:
        raise Http404("没有这个办理事项。")
    try:
        application_event_void(
            user=request.user,
            application=application,
            event=event,
            reason=form.cleaned_data["reason"],
            received_on=form.cleaned_data["received_on"],
        )
    except ApplicationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已更正：作废“{event}”。")
    return redirect("applications:detail", pk=pk)


@login_required
@require_GET
def letter(request: Request, pk: int, key: str, event: int) -> HttpResponse:
    """Download a filled letter (DOCX)."""
    application = application_get(user=request.user, pk=pk)
    try:
        name, content = letter_render(application, key, event)
    except LetterUnavailable as exc:
        raise Http404(str(exc)) from None
    except LetterIncomplete as exc:
        return render(
            request,
            "applications/letter_error.html",
            {"application": application, "message": str(exc)},
            status=409,
        )
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = attachment_header(name, "letter.docx")
    return response


@login_required
@require_GET
def attachment(request: Request, pk: int) -> FileResponse:
    found = attachment_get(user=request.user, pk=pk)
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.name,
        content_type=found.content_type,
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_years(request: Request) -> HttpResponse:
    """An administrator enters a year's holidays and make-up working days."""
    require(request.user, Action.CALENDAR_EDIT)
    form = CalendarYearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            holidays = parse_named_days(data["holidays"])
            row, moved = calendar_year_save(
                user=request.user,
                year=data["year"],
                holidays=list(holidays),
                workdays=parse_days(data["workdays"]),
                notice=data["notice"],
                names=holidays,
            )
        except ApplicationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"已保存 {row.year} 年工作日历，重新计算了 {moved} 件在办申请的期限。"
            )
            return redirect("calendar")
    calendar = calendar_current()
    today = timezone.localdate()
    years = [(y, calendar.source(y)) for y in range(today.year - 1, today.year + 3)]
    return render(
        request,
        "applications/calendar.html",
        {"form": form, "entered": CalendarYear.objects.all(), "years": years},
    )
