"""Writing applications: registration, each event of the timeline, corrections, attachments.

Each function checks who may do it, asks the statutory clock whether the event may happen now,
writes the rows, refreshes the derived columns and the audit log — in one transaction.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, deny_unless
from xxgk.applications import fees
from xxgk.applications.choices import NOT_BY_REPLY, VOID, FeeBasis
from xxgk.applications.clock import (
    TODAY,
    closing_of,
    deadlines_of,
    in_clock_order,
    live_events,
    policy_for,
    state_of,
)
from xxgk.applications.letters.render import reply_problem
from xxgk.applications.models import Application, ApplicationEvent, Attachment
from xxgk.applications.models.application import id_number_indexes
from xxgk.applications.selectors import application_actions
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.report import editions
from xxgk.workdays import Calendar
from xxgk.workdays.clock import EventKind, InvalidEvent, Policy
from xxgk.workdays.dates import receipt_date_problem

MAX_EXTENSION_DAYS = Policy().extension_max  # Art. 33

# Events that send a letter, and so take the agency's next 发文字号.
NUMBERED = frozenset(
    {
        EventKind.ACKNOWLEDGED,
        EventKind.CORRECTION_REQUESTED,
        EventKind.REASONS_REQUESTED,
        EventKind.LATER_DEADLINE_SET,
        EventKind.CONSULTATION_OPENED,
        EventKind.THIRD_PARTY_NOTIFIED,
        EventKind.EXTENSION_APPROVED,
        EventKind.FEE_NOTICE_SENT,
        EventKind.REPLY_SENT,
        EventKind.CORRECTION_EXPIRED,
        EventKind.FEE_EXPIRED,
        EventKind.WITHDRAWN,  # 终止办理告知书
    }
)


class ApplicationError(Exception):
    """Something the user asked for cannot be done; the message (Chinese) says why."""


@dataclass(frozen=True)
class ApplicantData:
    applicant_kind: str
    applicant_name: str
    id_document: str = "resident_id"  # IdDocument
    id_number: str = ""
    credit_code: str = ""
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""


def _lock_agency(agency: Agency) -> Agency:
    """Serialise numbering within one agency: two officers registering at once on PostgreSQL
    wait for each other here instead of taking the same number."""
    return Agency.objects.select_for_update().get(pk=agency.pk)


def _next_number(agency: Agency, year: int) -> str:
    """The agency's next application number of `year` (call with the agency locked)."""
    prefix = f"{year}-"
    numbers = Application.objects.filter(agency=agency, number__startswith=prefix).values_list(
        "number", flat=True
    )
    taken = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
    return f"{prefix}{taken + 1:04d}"


def _next_document_number(agency: Agency, year: int) -> str:
    """The agency's next 发文字号 of `year` for a letter (call with the agency locked)."""
    issued = ApplicationEvent.objects.filter(
        application__agency=agency, on__year=year, document_number__gt=""
    ).count()
    return agency.document_number(year=year, seq=issued + 1)


def _snapshot(application: Application) -> dict[str, object]:
    return {
        "status": application.status,
        "due_on": application.due_on.isoformat() if application.due_on else None,
        "due_provisional": application.due_provisional,
        "outcome": application.outcome,
        "closed_on": application.closed_on.isoformat() if application.closed_on else None,
        "next_due_on": application.next_due_on.isoformat() if application.next_due_on else None,
        "next_due_kind": application.next_due_kind,
    }


def _event_snapshot(event: ApplicationEvent) -> dict[str, object]:
    return {
        "id": event.pk,
        "kind": event.kind,
        "on": event.on.isoformat(),
        "days": event.days,
        "outcome": event.outcome,
        "ground": event.ground,
        "amount": str(event.amount) if event.amount is not None else None,
        "fee_basis": event.fee_basis,
        "quantity": event.quantity,
        "until": event.until.isoformat() if event.until else None,
        "ref": event.ref_id,
        "party": event.party,
        "detail": event.detail,
        "document_number": event.document_number,
        "note": event.note,
        "voids": event.voids_id,
    }


def application_refresh(
    *, application: Application, calendar: Calendar | None = None, today: date | None = None
) -> bool:
    """Recompute the derived columns (status, due date, outcome) from the timeline.

    The only writer of those columns. Returns whether anything changed.
    """
    events = live_events(application.events.all())
    state = state_of(
        events,
        calendar=calendar,
        today=today if today is not None else TODAY,
        policy=policy_for(application.agency),
    )
    closing = closing_of(events)
    before = _snapshot(application)
    received = next((e.on for e in events if e.kind == EventKind.RECEIVED), None)
    application.received_on = received
    application.status = state.status.value
    application.due_on = state.due_on
    application.due_provisional = bool(state.provisional)
    application.outcome = closing.outcome
    application.closed_on = closing.closed_on
    upcoming = deadlines_of(state)
    application.next_due_on = upcoming[0].on if upcoming else None
    application.next_due_kind = upcoming[0].kind if upcoming else ""
    application.has_warnings = bool(state.warnings)
    changed = _snapshot(application) != before
    if changed:
        application.save(
            update_fields=[
                "received_on",
                "status",
                "due_on",
                "due_provisional",
                "outcome",
                "closed_on",
                "next_due_on",
                "next_due_kind",
                "has_warnings",
            ]
        )
    return changed


@transaction.atomic
def application_register(
    *,
    user: User,
    agency: Agency,
    applicant: ApplicantData,
    channel: str,
    request_text: str,
    received_on: date,
    delivery: str = "",
    way: str = "",
    note: str = "",
    files: tuple[UploadedFile, ...] = (),
) -> Application:
    """Register an application received on `received_on` (the Art. 31 receipt date)."""
    deny_unless(user, Action.APPLICATION_REGISTER, agency)
    problem = receipt_date_problem(received_on, today=timezone.localdate())
    if problem is not None:
        raise ApplicationError(problem)
    agency = _lock_agency(agency)
    application = Application(
        agency=agency,
        number=_next_number(agency, received_on.year),
        channel=channel,
        delivery=delivery,
        way=way,
        request_text=request_text.strip(),
        created_by=user,
        **{k: v.strip() if isinstance(v, str) else v for k, v in vars(applicant).items()},
    )
    application.id_number = application.id_number.upper()
    application.credit_code = application.credit_code.upper()
    application.full_clean(exclude=["number", "status"])
    application.save()
    event = ApplicationEvent.objects.create(
        application=application,
        kind=EventKind.RECEIVED.value,
        on=received_on,
        note=note,
        recorded_by=user,
    )
    application_refresh(application=application)
    for f in files:
        attachment_add(user=user, application=application, upload=f, event=event)
    audit_record(
        actor=user,
        event_type=AuditEventType.APPLICATION_REGISTERED,
        obj=application,
        object_repr=application.number,
        agency=agency,
        new={
            "number": application.number,
            "applicant_kind": application.applicant_kind,
            "channel": channel,
            "received_on": received_on.isoformat(),
            **_snapshot(application),
        },
    )
    return application


def _check_reply(
    kind: EventKind, on: date, given: EventInput, events: list[ApplicationEvent]
) -> None:
    outcome, ground, note, detail = given.outcome, given.ground, given.note, given.detail
    if kind != EventKind.REPLY_SENT:
        if outcome:
            raise ApplicationError("只有答复才填写办理结果。")
        return
    edition = editions.for_year(on.year)
    row = edition.outcome_row(outcome)
    if row is None:
        raise ApplicationError(f"请选择办理结果（{edition.title}表三中的一项）。")
    if row.key in NOT_BY_REPLY:
        raise ApplicationError(f"“{row.short}”由记录相应事项得出，不通过答复选择。")
    if row.grounds and ground not in row.grounds:
        raise ApplicationError("请选择该办理结果的法定依据。")
    if not row.grounds and not ground.strip():
        raise ApplicationError("请写明该办理结果的依据。")
    problem = reply_problem(outcome=outcome, ground=ground, reasons=note, detail=detail)
    if problem is not None:
        raise ApplicationError(f"答复书缺少必要内容：{problem}")
    if row.key == "not_processed_massive" and not any(
        e.kind == EventKind.REASONS_REQUESTED for e in events
    ):
        raise ApplicationError(
            "依条例第三十五条告知不予处理，须先要求申请人说明理由（记录“要求说明理由”）。"
        )


@dataclass(frozen=True)
class EventInput:
    """What an officer enters for one event, beyond its kind and date; each kind reads its own
    fields (the form shows only those)."""

    days: int | None = None  # extension; correction or Art. 35 reasons period
    until: date | None = None  # Art. 35 later deadline
    ref: ApplicationEvent | None = None  # the consultation a delivery or an answer concerns
    party: str = ""  # who is consulted or told (Arts. 32, 34)
    party_is_person: bool = False
    article: int | None = None  # a consultation's: 32 (a third party) or 34 (an agency)
    detail: str = ""  # what the letter says beside the note (see ApplicationEvent.detail)
    delivered_on: date | None = None  # a consultation letter handed over the day it was sent
    outcome: str = ""
    ground: str = ""
    fee_basis: str = ""  # FeeBasis
    pages: int | None = None  # 按量: the pages of this application
    amount: Decimal | None = None  # a refund's amount
    note: str = ""


def fee_quote(*, application: Application, basis: str, pages: int | None) -> fees.FeeQuote:
    """The fee 109号 allows for this application: 按量 by its pages, or 按件 as the n-th
    application of the same applicant (by ID number or credit code) received by the agency in
    the same calendar month."""
    if basis == FeeBasis.PAGES:
        if not pages:
            raise ApplicationError("按量计收须填写页数。")
        return fees.fee_by_pages(pages)
    if basis != FeeBasis.COUNT:
        raise ApplicationError("请选择计费方式：按件或按量（不得同时适用，109号第三条）。")
    return fees.fee_for_nth(applicant_month_position(application=application))


def applicant_month_position(*, application: Application) -> int:
    """Which application of its applicant in its calendar month this one is (1 = the first)."""
    received = application.received_on
    if received is None:
        return 1
    # The ID number is sealed: the same person is found by its blind index, under every key
    # in use (a rotation may be half done).
    same = (
        Q(id_number_index__in=id_number_indexes(application.id_number))
        if application.id_number
        else Q(credit_code=application.credit_code)
    )
    earlier = Q(received_on__lt=received) | Q(received_on=received, pk__lt=application.pk)
    return (
        1
        + Application.objects.filter(
            same,
            earlier,
            agency=application.agency,
            received_on__year=received.year,
            received_on__month=received.month,
        ).count()
    )


def _event_row(
    application: Application,
    kind: EventKind,
    on: date,
    given: EventInput,
    events: list[ApplicationEvent],
    user: User | None,
) -> ApplicationEvent:
    """The unsaved event row, its fields checked and completed for its kind (`user` None: the
    applicant's own, on the portal)."""
    event = ApplicationEvent(
        application=application,
        kind=kind.value,
        on=on,
        outcome=given.outcome,
        ground=given.ground.strip(),
        note=given.note.strip(),
        detail=given.detail.strip(),
        recorded_by=user,
    )
    agency = application.agency
    if kind == EventKind.EXTENSION_APPROVED:
        if not (given.days and 1 <= given.days <= MAX_EXTENSION_DAYS):
            raise ApplicationError(f"延长期限为 1 至 {MAX_EXTENSION_DAYS} 个工作日。")
        event.days = given.days
    elif kind == EventKind.CORRECTION_REQUESTED:
        if not event.note:
            raise ApplicationError("请写明需要补正的事项（条例第三十条：一次性告知）。")
        event.days = given.days or agency.correction_period_days
    elif kind == EventKind.REASONS_REQUESTED:
        event.days = given.days or agency.reasons_period_days
    elif kind == EventKind.LATER_DEADLINE_SET:
        if given.until is None:
            raise ApplicationError("请填写确定的延迟答复期限（条例第三十五条）。")
        event.until = given.until
    elif kind in (EventKind.CONSULTATION_OPENED, EventKind.THIRD_PARTY_NOTIFIED):
        consulted = _consulted(events)
        event.party = given.party.strip() or (consulted.party if consulted else "")
        if not event.party:
            raise ApplicationError("请填写征求意见的第三方或其他机关的名称。")
        event.party_is_person = given.party_is_person or bool(
            not given.party.strip() and consulted and consulted.party_is_person
        )
        if kind == EventKind.CONSULTATION_OPENED:
            event.article = given.article or 32
            if event.article == 34 and event.party_is_person:
                raise ApplicationError("依条例第三十四条征求意见的对象应为行政机关。")
    elif kind in (EventKind.CONSULTATION_DELIVERED, EventKind.CONSULTATION_ANSWERED):
        event.ref = _consultation_of(given.ref, events)
        event.party = event.ref.party if event.ref else ""
    elif kind == EventKind.FEE_NOTICE_SENT:
        quote = fee_quote(application=application, basis=given.fee_basis, pages=given.pages)
        if quote.total <= 0:
            raise ApplicationError(
                f"按{FeeBasis(given.fee_basis).label}计算应收 0 元，不需要发出收费通知。"
            )
        event.fee_basis, event.amount = given.fee_basis, quote.total
        event.quantity = (
            given.pages
            if given.fee_basis == FeeBasis.PAGES
            else applicant_month_position(application=application)
        )
    elif kind in (EventKind.FEE_PAID, EventKind.FEE_WAIVED):
        if kind == EventKind.FEE_WAIVED and not event.note:
            raise ApplicationError("请写明减免信息处理费的理由。")
        event.amount = _fee_notice(events).amount
    elif kind == EventKind.FEE_REFUNDED:
        paid = next((e for e in events if e.kind == EventKind.FEE_PAID), None)
        if paid is None or paid.amount is None:
            raise ApplicationError("申请人未缴费，无需退费。")
        if given.amount is None or not 0 < given.amount <= paid.amount:
            raise ApplicationError(f"退费金额应大于 0 且不超过已缴的 {paid.amount} 元。")
        if not event.note:
            raise ApplicationError("请写明退费的理由。")
        event.amount = given.amount
    return event


def _consulted(events: list[ApplicationEvent]) -> ApplicationEvent | None:
    opened = [e for e in events if e.kind == EventKind.CONSULTATION_OPENED]
    return opened[-1] if opened else None


def _consultation_of(
    chosen: ApplicationEvent | None, events: list[ApplicationEvent]
) -> ApplicationEvent | None:
    opened = [e for e in events if e.kind == EventKind.CONSULTATION_OPENED]
    if chosen is not None:
        if chosen not in opened:
            raise ApplicationError("所选的征求意见不属于本申请。")
        return chosen
    answered = {e.ref_id for e in events if e.kind == EventKind.CONSULTATION_ANSWERED}
    open_now = [e for e in opened if e.pk not in answered]
    if len(open_now) > 1:
        raise ApplicationError("有多件征求意见在办，请选择所指的一件。")
    return open_now[0] if open_now else None


def _fee_notice(events: list[ApplicationEvent]) -> ApplicationEvent:
    notice = next((e for e in events if e.kind == EventKind.FEE_NOTICE_SENT), None)
    if notice is None:
        raise ApplicationError("本申请没有发出过收费通知。")
    return notice


@transaction.atomic
def application_event_record(
    *,
    user: User,
    application: Application,
    kind: EventKind | str,
    on: date,
    files: tuple[UploadedFile, ...] = (),
    **fields: Any,
) -> ApplicationEvent:
    """Record one event of the timeline, if the clock and the user's role allow it now.

    `fields` are those of `EventInput` that the kind reads (`days`, `note`, `outcome`, …).
    A letter-bearing event takes the agency's next 发文字号; a consultation letter handed over
    the day it went out (`delivered_on`) records its delivery too.
    """
    try:
        given = EventInput(**fields)
    except TypeError as exc:  # a programming error, not a user's: say which field
        raise TypeError(f"application_event_record: {exc}") from None
    application = Application.objects.select_for_update().get(pk=application.pk)
    deny_unless(user, Action.APPLICATION_RECORD_EVENT, application)
    kind = EventKind(kind)
    if on > timezone.localdate():
        raise ApplicationError("事项日期不能晚于今天。")
    events = live_events(application.events.all())
    policy = policy_for(application.agency)
    # As of the last event, not today: an event may be recorded after the fact; its own date
    # is checked when the clock replays the new timeline below.
    state = state_of(events, today=None, policy=policy)
    if kind == EventKind.EXTENSION_APPROVED and kind in state.allowed:
        deny_unless(
            user,
            Action.APPLICATION_APPROVE_EXTENSION,
            application,
            "延期答复须经负责人批准：请由负责人登录后记录。",
        )
    if kind not in application_actions(user=user, application=application, state=state):
        raise ApplicationError(f"当前状态（{state.status.label}）下不能记录“{kind.label}”。")
    _check_reply(kind, on, given, events)
    event = _event_row(application, kind, on, given, events, user)
    delivery = _same_day_delivery(event, given.delivered_on, user)
    _check_timeline([*events, event, *([delivery] if delivery else [])], policy)
    if kind in NUMBERED:
        agency = _lock_agency(application.agency)
        event.document_number = _next_document_number(agency, on.year)
    event.save()
    if delivery is not None:
        delivery.ref = event
        delivery.save()
    for f in files:
        attachment_add(user=user, application=application, upload=f, event=event)
    before = _snapshot(application)
    application_refresh(application=application)
    audit_record(
        actor=user,
        event_type=AuditEventType.APPLICATION_EVENT_RECORDED,
        obj=application,
        object_repr=application.number,
        agency=application.agency,
        old=before,
        new={"event": _event_snapshot(event), **_snapshot(application)},
    )
    return event


# What an applicant may record on the portal, and nothing else: the answer to a correction
# notice (条例第三十条: the material arrives, the period starts again) and a withdrawal.
APPLICANT_EVENTS = frozenset({EventKind.CORRECTION_RECEIVED, EventKind.WITHDRAWN})


@transaction.atomic
def application_event_from_applicant(
    *,
    application: Application,
    kind: EventKind | str,
    note: str = "",
    files: tuple[UploadedFile, ...] = (),
) -> ApplicationEvent:
    """Record today what the applicant did on the portal (who proved it with the case's
    受理编号 and 查询码 there): the event has no officer (`recorded_by` is None), the clock
    checks it as any other, and the audit log names no actor."""
    kind = EventKind(kind)
    if kind not in APPLICANT_EVENTS:
        raise ValueError(f"an applicant does not record {kind}")
    application = Application.objects.select_for_update().get(pk=application.pk)
    events = live_events(application.events.all())
    policy = policy_for(application.agency)
    state = state_of(events, today=None, policy=policy)
    if kind not in state.allowed:
        raise ApplicationError(f"这件申请目前（{state.status.label}）不能在网上{kind.label}。")
    for upload in files:
        check_upload(upload)
    event = _event_row(
        application, kind, timezone.localdate(), EventInput(note=note), events, user=None
    )
    _check_timeline([*events, event], policy)
    event.save()
    for upload in files:
        _attachment_save(application=application, upload=upload, event=event, user=None)
    before = _snapshot(application)
    application_refresh(application=application)
    audit_record(
        actor=None,
        event_type=AuditEventType.APPLICATION_EVENT_RECORDED,
        obj=application,
        object_repr=application.number,
        agency=application.agency,
        old=before,
        new={"event": _event_snapshot(event), "by": "applicant", **_snapshot(application)},
    )
    return event


def _same_day_delivery(
    event: ApplicationEvent, delivered_on: date | None, user: User
) -> ApplicationEvent | None:
    if delivered_on is None or event.kind != EventKind.CONSULTATION_OPENED:
        return None
    if delivered_on < event.on:
        raise ApplicationError("对方收到征求意见函的日期不能早于发函日期。")
    if delivered_on > timezone.localdate():
        raise ApplicationError("对方收到日期不能晚于今天。")
    return ApplicationEvent(
        application=event.application,
        kind=EventKind.CONSULTATION_DELIVERED.value,
        on=delivered_on,
        party=event.party,
        recorded_by=user,
    )


def _check_timeline(events: list[ApplicationEvent], policy: Policy) -> None:
    """Ask the clock whether this sequence of events is possible; its refusal is the message."""
    try:
        state_of(in_clock_order(events), policy=policy)
    except InvalidEvent as exc:
        raise ApplicationError(str(exc)) from None


@transaction.atomic
def application_event_void(
    *,
    user: User,
    application: Application,
    event: ApplicationEvent,
    reason: str,
    received_on: date | None = None,
) -> ApplicationEvent:
    """Correct a mistake: a new row voids `event`, saying why; nothing is edited or deleted.

    A wrong receipt date is corrected the same way, with the right date in `received_on`: the
    old receipt is voided and a new one recorded, and the clock replays from it.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    deny_unless(user, Action.APPLICATION_RECORD_EVENT, application)
    if event.application_id != application.pk or event.kind == VOID:
        raise ApplicationError("只能更正本申请中已记录的办理事项。")
    if hasattr(event, "voided_by"):
        raise ApplicationError("该事项已经更正过。")
    if event.kind == EventKind.EXTENSION_APPROVED:
        deny_unless(
            user,
            Action.APPLICATION_APPROVE_EXTENSION,
            application,
            "延期答复的批准只能由负责人更正。",
        )
    if not reason.strip():
        raise ApplicationError("请写明更正的理由。")
    remaining = [e for e in live_events(application.events.all()) if e.pk != event.pk]
    replacement = _replacement_receipt(user, application, event, received_on)
    _check_timeline(
        [*remaining, *([replacement] if replacement else [])], policy_for(application.agency)
    )
    void = ApplicationEvent.objects.create(
        application=application,
        kind=VOID,
        on=timezone.localdate(),
        voids=event,
        note=reason.strip(),
        recorded_by=user,
    )
    if replacement is not None:
        replacement.save()
    before = _snapshot(application)
    application_refresh(application=application)
    audit_record(
        actor=user,
        event_type=AuditEventType.APPLICATION_EVENT_VOIDED,
        obj=application,
        object_repr=application.number,
        agency=application.agency,
        old={"event": _event_snapshot(event), **before},
        new={
            "event": _event_snapshot(void),
            "replacement": _event_snapshot(replacement) if replacement else None,
            **_snapshot(application),
        },
    )
    return void


def _replacement_receipt(
    user: User, application: Application, event: ApplicationEvent, received_on: date | None
) -> ApplicationEvent | None:
    """The new receipt event when the receipt itself is corrected (unsaved), else None."""
    if event.kind != EventKind.RECEIVED:
        if received_on is not None:
            raise ApplicationError("只有更正收到申请之日时才填写新的日期。")
        return None
    if received_on is None:
        raise ApplicationError("更正收到申请的记录时，请填写正确的收到申请之日。")
    problem = receipt_date_problem(received_on, today=timezone.localdate())
    if problem is not None:
        raise ApplicationError(problem)
    return ApplicationEvent(
        application=application,
        kind=EventKind.RECEIVED.value,
        on=received_on,
        note=f"更正收到申请之日（原记录为 {event.on.isoformat()}）",
        recorded_by=user,
    )


def check_upload(upload: UploadedFile) -> str:
    """The content type to store, or an `ApplicationError` saying what is wrong."""
    name = upload.name or ""
    suffix = PurePath(name).suffix.lower()
    allowed: dict[str, str] = settings.XXGK_ATTACHMENT_TYPES
    if suffix not in allowed:
        kinds = "、".join(s.lstrip(".") for s in allowed)
        raise ApplicationError(f"不支持的附件类型“{suffix or name}”：只接受 {kinds}。")
    limit = settings.XXGK_ATTACHMENT_MAX_BYTES
    if (upload.size or 0) > limit:
        raise ApplicationError(f"附件“{name}”超过 {limit // (1024 * 1024)} MB 的上限。")
    if not upload.size:
        raise ApplicationError(f"附件“{name}”是空文件。")
    return allowed[suffix] or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _attachment_save(
    *,
    application: Application,
    upload: UploadedFile,
    event: ApplicationEvent | None,
    user: User | None,
) -> Attachment:
    content_type = check_upload(upload)
    attachment = Attachment(
        application=application,
        event=event,
        name=PurePath(upload.name or "附件").name[:200],
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=user,
    )
    suffix = PurePath(upload.name or "").suffix.lower()
    attachment.file.save(f"{application.pk}{suffix}", upload, save=False)
    try:
        attachment.full_clean()
    except ValidationError as exc:
        raise ApplicationError("；".join(exc.messages)) from None
    attachment.save()
    return attachment


@transaction.atomic
def attachment_add(
    *,
    user: User,
    application: Application,
    upload: UploadedFile,
    event: ApplicationEvent | None = None,
) -> Attachment:
    """File a document with an application (size and type limited by settings)."""
    deny_unless(user, Action.APPLICATION_RECORD_EVENT, application)
    attachment = _attachment_save(application=application, upload=upload, event=event, user=user)
    audit_record(
        actor=user,
        event_type=AuditEventType.ATTACHMENT_ADDED,
        obj=application,
        object_repr=application.number,
        agency=application.agency,
        new={"attachment": attachment.pk, "name": attachment.name, "size": attachment.size},
    )
    return attachment
