"""Writing enquiries: the public submits, officers answer and publish. Each change is written to
the audit log in the same transaction, naming the enquiry by its number: the asker's name and
contact never go into the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, deny_unless
from xxgk.applications.clock import calendar_current
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.enquiries.deadlines import answer_deadline
from xxgk.enquiries.models import ANSWER_MAX, Enquiry, EnquiryKind
from xxgk.privacy.codes import code_hash, code_new
from xxgk.workdays import Calendar


class EnquiryError(Exception):
    """A mistake the user can fix; the message is Chinese, `field` names the form field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Receipt:
    """What the asker is shown once: the enquiry's number and the code to look it up."""

    enquiry: Enquiry
    code: str


@dataclass(frozen=True)
class EnquiryData:
    kind: str
    name: str
    contact: str
    subject: str
    text: str
    consent: bool


def _next_number(agency: Agency, year: int) -> str:
    # The agency row is locked by the caller, so two submissions never take one number.
    taken = Enquiry.objects.filter(agency=agency, number__startswith=f"{year}-").count()
    return f"{year}-{taken + 1:04d}"


def _first_error(exc: ValidationError) -> EnquiryError:
    field, messages = next(iter(exc.message_dict.items()))
    return EnquiryError(messages[0], field=None if field == "__all__" else field)


@transaction.atomic
def enquiry_submit(
    *, agency: Agency, data: EnquiryData, received_on: date | None = None
) -> Receipt:
    """Receive a 咨询 or 建议 from the public (no login): numbered, dated today (or
    `received_on`, for the demo), its answer deadline set from the agency's setting on the
    working-day calendar."""
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    today = received_on or timezone.localdate()
    span = answer_deadline(
        received_on=today, days=agency.enquiry_answer_days, calendar=calendar_current()
    )
    code = code_new()
    enquiry = Enquiry(
        agency=agency,
        number=_next_number(agency, today.year),
        kind=data.kind,
        name=data.name.strip(),
        contact=data.contact.strip(),
        subject=data.subject.strip(),
        text=data.text.strip(),
        consent=data.consent,
        code_hash=code_hash(code),
        received_on=today,
        answer_days=agency.enquiry_answer_days,
        due_on=span.end,
        due_provisional=span.provisional,
    )
    if data.kind not in EnquiryKind.values:
        raise EnquiryError("请选择咨询或建议。", field="kind")
    try:
        enquiry.full_clean(exclude=["code_hash"])
    except ValidationError as exc:
        raise _first_error(exc) from None
    enquiry.save()
    audit_record(
        actor=None,
        event_type=AuditEventType.ENQUIRY_RECEIVED,
        obj=enquiry,
        agency=agency,
        object_repr=enquiry.number,
        new={"kind": enquiry.kind, "consent": enquiry.consent, "due_on": iso(enquiry.due_on)},
    )
    return Receipt(enquiry, code)


@transaction.atomic
def enquiry_answer(
    *, user: User, enquiry: Enquiry, answer: str, answered_on: date, publish: bool
) -> Enquiry:
    """Record the answer (sent to the asker by the officer, as the contact allows). `publish`
    puts it on the portal's Q&A page — refused when the asker did not agree."""
    deny_unless(user, Action.ENQUIRY_ANSWER, enquiry)
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if not enquiry.is_open:
        raise EnquiryError("这件咨询或建议已经答复。")
    answer = answer.strip()
    if not answer:
        raise EnquiryError("请填写答复内容。", field="answer")
    if len(answer) > ANSWER_MAX:
        raise EnquiryError(f"答复内容不能超过 {ANSWER_MAX} 字。", field="answer")
    if answered_on < enquiry.received_on:
        raise EnquiryError("答复日期不能早于收到日期。", field="answered_on")
    if answered_on > timezone.localdate():
        raise EnquiryError("答复日期不能晚于今天。", field="answered_on")
    if publish and not enquiry.consent:
        raise EnquiryError("提问人未同意公开，不能在专栏公开答复。", field="publish")
    enquiry.answer, enquiry.answered_on = answer, answered_on
    enquiry.answered_by, enquiry.published = user, publish
    enquiry.save(update_fields=["answer", "answered_on", "answered_by", "published"])
    audit_record(
        actor=user,
        event_type=AuditEventType.ENQUIRY_ANSWERED,
        obj=enquiry,
        agency=enquiry.agency,
        object_repr=enquiry.number,
        new={"answered_on": iso(answered_on), "published": publish, "late": enquiry.late},
    )
    return enquiry


@transaction.atomic
def enquiry_unpublish(*, user: User, enquiry: Enquiry, reason: str) -> Enquiry:
    """Take a published answer off the portal (it stays answered), with a reason."""
    deny_unless(user, Action.ENQUIRY_ANSWER, enquiry)
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if not enquiry.published:
        raise EnquiryError("这件答复没有公开。")
    reason = reason.strip()
    if not reason:
        raise EnquiryError("请填写撤回公开的理由。", field="reason")
    enquiry.published = False
    enquiry.save(update_fields=["published"])
    audit_record(
        actor=user,
        event_type=AuditEventType.ENQUIRY_UNPUBLISHED,
        obj=enquiry,
        agency=enquiry.agency,
        object_repr=enquiry.number,
        old={"published": True},
        new={"published": False, "reason": reason[:200]},
    )
    return enquiry


def enquiry_redate(*, enquiry: Enquiry, calendar: Calendar) -> bool:
    """Recompute the deadline on `calendar` with the period the enquiry arrived with; True if it
    moved (saved)."""
    span = answer_deadline(
        received_on=enquiry.received_on, days=enquiry.answer_days, calendar=calendar
    )
    if (span.end, span.provisional) == (enquiry.due_on, enquiry.due_provisional):
        return False
    enquiry.due_on, enquiry.due_provisional = span.end, span.provisional
    enquiry.save(update_fields=["due_on", "due_provisional"])
    return True


@transaction.atomic
def enquiries_redate(*, user: User | AnonymousUser | None) -> int:
    """Re-date every open enquiry, and any with a provisional deadline, on the current calendar
    (after a calendar year is entered); each one that moved is logged. Returns how many moved."""
    calendar = calendar_current()
    moved = 0
    affected = Enquiry.objects.filter(Q(answered_on__isnull=True) | Q(due_provisional=True))
    for enquiry in affected.select_related("agency").select_for_update():
        before = {"due_on": iso(enquiry.due_on), "due_provisional": enquiry.due_provisional}
        if enquiry_redate(enquiry=enquiry, calendar=calendar):
            moved += 1
            audit_record(
                actor=user,
                event_type=AuditEventType.ENQUIRY_REDATED,
                obj=enquiry,
                agency=enquiry.agency,
                object_repr=enquiry.number,
                old=before,
                new={"due_on": iso(enquiry.due_on), "due_provisional": enquiry.due_provisional},
            )
    return moved


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
