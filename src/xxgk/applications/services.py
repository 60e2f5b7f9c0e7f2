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

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.selectors import agencies_handled
from xxgk.applications.choices import NOT_BY_REPLY, VOID
from xxgk.applications.clock import (
    TODAY,
    closing_of,
    in_clock_order,
    live_events,
    state_of,
)
from xxgk.applications.models import Application, ApplicationEvent, Attachment
from xxgk.applications.selectors import application_actions
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.report import editions
from xxgk.workdays import Calendar
from xxgk.workdays.clock import EventKind, InvalidEvent, Policy

MAX_EXTENSION_DAYS = Policy().extension_max  # Art. 33


class ApplicationError(Exception):
    """Something the user asked for cannot be done; the message (Chinese) says why."""


@dataclass(frozen=True)
class ApplicantData:
    applicant_kind: str
    applicant_name: str
    id_number: str = ""
    credit_code: str = ""
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""


def _next_number(agency: Agency, year: int) -> str:
    prefix = f"{year}-"
    taken = Application.objects.filter(agency=agency, number__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def _snapshot(application: Application) -> dict[str, object]:
    return {
        "status": application.status,
        "due_on": application.due_on.isoformat() if application.due_on else None,
        "due_provisional": application.due_provisional,
        "outcome": application.outcome,
        "closed_on": application.closed_on.isoformat() if application.closed_on else None,
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
    state = state_of(events, calendar=calendar, today=today if today is not None else TODAY)
    closing = closing_of(events)
    before = _snapshot(application)
    received = next((e.on for e in events if e.kind == EventKind.RECEIVED), None)
    application.received_on = received
    application.status = state.status.value
    application.due_on = state.due_on
    application.due_provisional = bool(state.provisional)
    application.outcome = closing.outcome
    application.closed_on = closing.closed_on
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
            ]
        )
    return changed


def _require_handler(user: User, agency: Agency) -> None:
    if not agencies_handled(user=user).filter(pk=agency.pk).exists():
        raise PermissionDenied("只有本机关的经办人或负责人可以办理。")


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
    note: str = "",
    files: tuple[UploadedFile, ...] = (),
) -> Application:
    """Register an application received on `received_on` (the Art. 31 receipt date)."""
    _require_handler(user, agency)
    if received_on > timezone.localdate():
        raise ApplicationError("收到申请之日不能晚于今天。")
    application = Application(
        agency=agency,
        number=_next_number(agency, received_on.year),
        channel=channel,
        delivery=delivery,
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


def _check_reply(kind: EventKind, on: date, outcome: str, ground: str) -> None:
    if kind != EventKind.REPLY_SENT:
        if outcome:
            raise ApplicationError("只有答复才填写办理结果。")
        return
    edition = editions.for_year(on.year)
    row = next((r for r in edition.outcome_rows if r.key == outcome), None)
    if row is None:
        raise ApplicationError(f"请选择办理结果（{edition.title}表三中的一项）。")
    if row.key in NOT_BY_REPLY:
        raise ApplicationError(f"“{row.short}”由记录相应事项得出，不通过答复选择。")
    if row.grounds and ground not in row.grounds:
        raise ApplicationError("请选择该办理结果的法定依据。")
    if not row.grounds and not ground.strip():
        raise ApplicationError("请写明该办理结果的依据。")


@transaction.atomic
def application_event_record(
    *,
    user: User,
    application: Application,
    kind: EventKind | str,
    on: date,
    days: int | None = None,
    outcome: str = "",
    ground: str = "",
    amount: Decimal | None = None,
    note: str = "",
    files: tuple[UploadedFile, ...] = (),
) -> ApplicationEvent:
    """Record one event of the timeline, if the clock and the user's role allow it now."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_handler(user, application.agency)
    kind = EventKind(kind)
    if on > timezone.localdate():
        raise ApplicationError("事项日期不能晚于今天。")
    events = live_events(application.events.all())
    # As of the last event, not today: an event may be recorded after the fact; its own date
    # is checked when the clock replays the new timeline below.
    state = state_of(events, today=None)
    if kind not in application_actions(user=user, application=application, state=state):
        if kind == EventKind.EXTENSION_APPROVED and kind in state.allowed:
            raise PermissionDenied("延期答复须经负责人批准：请由负责人登录后记录。")
        raise ApplicationError(f"当前状态（{state.status.label}）下不能记录“{kind.label}”。")
    if kind == EventKind.EXTENSION_APPROVED and not (days and 1 <= days <= MAX_EXTENSION_DAYS):
        raise ApplicationError(f"延长期限为 1 至 {MAX_EXTENSION_DAYS} 个工作日。")
    if kind != EventKind.EXTENSION_APPROVED:
        days = None
    _check_reply(kind, on, outcome, ground)
    event = ApplicationEvent(
        application=application,
        kind=kind.value,
        on=on,
        days=days,
        outcome=outcome,
        ground=ground.strip(),
        amount=amount,
        note=note.strip(),
        recorded_by=user,
    )
    _check_timeline([*events, event])
    event.save()
    for f in files:
        attachment_add(user=user, application=application, upload=f, event=event)
    before = _snapshot(application)
    application_refresh(application=application)
    audit_record(
        actor=user,
        event_type=AuditEventType.APPLICATION_EVENT_RECORDED,
        obj=application,
        agency=application.agency,
        old=before,
        new={"event": _event_snapshot(event), **_snapshot(application)},
    )
    return event


def _check_timeline(events: list[ApplicationEvent]) -> None:
    """Ask the clock whether this sequence of events is possible; its refusal is the message."""
    try:
        state_of(in_clock_order(events))
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
    _require_handler(user, application.agency)
    if event.application_id != application.pk or event.kind == VOID:
        raise ApplicationError("只能更正本申请中已记录的办理事项。")
    if hasattr(event, "voided_by"):
        raise ApplicationError("该事项已经更正过。")
    if event.kind == EventKind.EXTENSION_APPROVED:
        from xxgk.applications.selectors import user_is_head

        if not user_is_head(user=user, application=application):
            raise PermissionDenied("延期答复的批准只能由负责人更正。")
    if not reason.strip():
        raise ApplicationError("请写明更正的理由。")
    remaining = [e for e in live_events(application.events.all()) if e.pk != event.pk]
    replacement = _replacement_receipt(user, application, event, received_on)
    _check_timeline([*remaining, *([replacement] if replacement else [])])
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
    if received_on > timezone.localdate():
        raise ApplicationError("收到申请之日不能晚于今天。")
    return ApplicationEvent(
        application=application,
        kind=EventKind.RECEIVED.value,
        on=received_on,
        note=f"更正收到申请之日（原记录为 {event.on.isoformat()}）",
        recorded_by=user,
    )


def _check_upload(upload: UploadedFile) -> str:
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


@transaction.atomic
def attachment_add(
    *,
    user: User,
    application: Application,
    upload: UploadedFile,
    event: ApplicationEvent | None = None,
) -> Attachment:
    """File a document with an application (size and type limited by settings)."""
    _require_handler(user, application.agency)
    content_type = _check_upload(upload)
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
    audit_record(
        actor=user,
        event_type=AuditEventType.ATTACHMENT_ADDED,
        obj=application,
        agency=application.agency,
        new={"attachment": attachment.pk, "name": attachment.name, "size": attachment.size},
    )
    return attachment
