"""Writing appeals: registration, corrections, the agency's answer, the decision, re-dating.

Each function asks the policy whether the user may write the agency's appeals, validates, writes
the row, recomputes the answer deadline when its inputs change, and writes the audit log — in one
transaction. A recorded decision is never edited in place: `appeal_decision_correct` changes it
with a reason, and the audit log keeps both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, deny_unless
from xxgk.appeals import decisions
from xxgk.appeals.choices import AppealKind
from xxgk.appeals.deadlines import answer_deadline
from xxgk.appeals.models import Appeal
from xxgk.applications.clock import calendar_current
from xxgk.applications.letters.texts import chinese_date
from xxgk.applications.models import Application
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.workdays import Calendar


class AppealError(Exception):
    """Something the user asked for cannot be done; the message (Chinese) says why, and `field`
    names the form field it concerns, if one does."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class AppealData:
    """What is registered of a case, from the copy of the review application or the complaint."""

    kind: str
    body: str  # the review body or the court
    case_number: str
    copy_received_on: date
    applicant_name: str = ""  # blank: the applicant of `application_number`
    after_review: bool = False
    review: Appeal | None = None  # for a lawsuit after review: the review, if registered here
    simplified: bool = False
    accepted_on: date | None = None
    application_number: str = ""  # the number of the agency's application it concerns
    note: str = ""


def _require_handler(user: User, obj: Agency | Appeal) -> None:
    deny_unless(user, Action.APPEAL_WRITE, obj)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _snapshot(appeal: Appeal) -> dict[str, object]:
    return {
        "kind": appeal.kind,
        "after_review": appeal.after_review,
        "review": appeal.review_id,
        "simplified": appeal.simplified,
        "body": appeal.body,
        "case_number": appeal.case_number,
        "applicant_name": appeal.applicant_name,
        "application": appeal.application_id,
        "accepted_on": _iso(appeal.accepted_on),
        "copy_received_on": _iso(appeal.copy_received_on),
        "answer_due_on": _iso(appeal.answer_due_on),
        "answer_due_provisional": appeal.answer_due_provisional,
        "answered_on": _iso(appeal.answered_on),
        "decision": appeal.decision,
        "decided_on": _iso(appeal.decided_on),
        "note": appeal.note,
    }


def _not_future(day: date | None, what: str, field: str) -> None:
    if day is not None and day > timezone.localdate():
        raise AppealError(f"{what}不能晚于今天。", field=field)


def _application(agency: Agency, number: str) -> Application | None:
    number = number.strip()
    if not number:
        return None
    found = Application.objects.filter(agency=agency, number=number).first()
    if found is None:
        raise AppealError(
            f"{agency.name}没有编号为“{number}”的政府信息公开申请。", field="application_number"
        )
    return found


def _apply(appeal: Appeal, data: AppealData) -> None:
    """Check the registered facts and put them on the row (unsaved)."""
    review = data.kind == AppealKind.REVIEW
    if data.kind not in AppealKind.values:
        raise AppealError("请选择行政复议或行政诉讼。", field="kind")
    if data.after_review and review:
        raise AppealError("行政复议案件不填写“复议后起诉”。", field="after_review")
    if data.simplified and not review:
        raise AppealError("简易程序的五日答复期限只适用于行政复议。", field="simplified")
    if data.review is not None and not data.after_review:
        raise AppealError("只有复议后起诉的案件才关联此前的行政复议。", field="review")
    if data.review is not None and data.review.pk == appeal.pk:
        raise AppealError("案件不能关联其自身。", field="review")
    if appeal.pk and not review and appeal.kind == AppealKind.REVIEW and appeal.lawsuits.exists():
        raise AppealError("已有复议后起诉的案件关联本行政复议，不能改为行政诉讼。", field="kind")
    _not_future(data.copy_received_on, "收到副本之日", "copy_received_on")
    _not_future(data.accepted_on, "受理（立案）之日", "accepted_on")
    for later, what in (
        (appeal.answered_on, "提交答复（答辩状）之日"),
        (appeal.decided_on, "结案日期"),
    ):
        if later is not None and data.copy_received_on > later:
            raise AppealError(f"收到副本之日不能晚于{what}。", field="copy_received_on")
    application = _application(appeal.agency, data.application_number)
    if application is not None:
        _not_before_application(application, data)
    appeal.kind = data.kind
    appeal.after_review = data.after_review
    appeal.review = data.review
    appeal.simplified = data.simplified
    appeal.body = data.body.strip()
    appeal.case_number = data.case_number.strip()
    appeal.applicant_name = data.applicant_name.strip() or (
        application.applicant_name if application else ""
    )
    appeal.application = application
    appeal.accepted_on = data.accepted_on
    appeal.copy_received_on = data.copy_received_on
    appeal.note = data.note.strip()
    _full_clean(appeal)


def _not_before_application(application: Application, data: AppealData) -> None:
    """A review or lawsuit is brought against the handling of an application: its copy cannot
    arrive, nor the case be accepted, before the application was received."""
    received = application.received_on
    if received is None:
        return
    for day, what, field in (
        (data.copy_received_on, "收到副本之日", "copy_received_on"),
        (data.accepted_on, "受理（立案）之日", "accepted_on"),
    ):
        if day is not None and day < received:
            raise AppealError(
                f"{what}（{chinese_date(day)}）早于所涉申请 {application.number} 的收到申请之日"
                f"（{chinese_date(received)}）：申请收到之前，不会有针对其办理的行政复议或行政诉讼。"
                "请核对日期或申请编号。",
                field=field,
            )


def _full_clean(appeal: Appeal) -> None:
    """The model's own checks, as one `AppealError` naming the field. Uniqueness of the case
    number within the agency is checked here so that its message is ours."""
    try:
        appeal.clean_fields(exclude=["answer_due_on", "created_by"])
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise AppealError(f"{_field_label(field)}：{''.join(messages)}", field=field) from None
    try:
        appeal.clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise AppealError("".join(messages), field=field) from None
    taken = Appeal.objects.filter(agency=appeal.agency, case_number=appeal.case_number)
    if taken.exclude(pk=appeal.pk).exists():
        raise AppealError(_CASE_TAKEN.format(appeal.case_number), field="case_number")


_CASE_TAKEN = "本机关已登记案号为“{}”的案件。"


def _field_label(name: str) -> str:
    try:
        field = Appeal._meta.get_field(name)
    except FieldDoesNotExist:
        return ""
    return str(getattr(field, "verbose_name", name))


def appeal_redate(*, appeal: Appeal, calendar: Calendar | None = None, save: bool = True) -> bool:
    """Recompute the answer deadline from the case's facts on the (current) calendar.

    The only writer of `answer_due_on` / `answer_due_provisional`. Returns whether they changed.
    """
    deadline = answer_deadline(
        kind=appeal.kind,
        copy_received_on=appeal.copy_received_on,
        calendar=calendar if calendar is not None else calendar_current(),
        simplified=appeal.simplified,
    )
    changed = (appeal.answer_due_on, appeal.answer_due_provisional) != (
        deadline.due_on,
        deadline.provisional,
    )
    appeal.answer_due_on = deadline.due_on
    appeal.answer_due_provisional = deadline.provisional
    if changed and save and appeal.pk is not None:
        appeal.save(update_fields=["answer_due_on", "answer_due_provisional"])
    return changed


@transaction.atomic
def appeal_register(*, user: User, agency: Agency, data: AppealData) -> Appeal:
    """Register a review or lawsuit from the copy the agency received on `copy_received_on`."""
    _require_handler(user, agency)
    appeal = Appeal(agency=agency, created_by=user)
    _apply(appeal, data)
    appeal_redate(appeal=appeal, save=False)
    try:
        with transaction.atomic():
            appeal.save()
    except IntegrityError:
        raise AppealError(_CASE_TAKEN.format(appeal.case_number), field="case_number") from None
    audit_record(
        actor=user,
        event_type=AuditEventType.APPEAL_REGISTERED,
        obj=appeal,
        agency=agency,
        new=_snapshot(appeal),
    )
    return appeal


def _locked(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update().select_related("agency").get(pk=appeal.pk)


def _reason(reason: str) -> str:
    if not reason.strip():
        raise AppealError("请写明更正的理由。", field="reason")
    return reason.strip()


@transaction.atomic
def appeal_correct(*, user: User, appeal: Appeal, data: AppealData, reason: str) -> Appeal:
    """Correct what was registered (a wrong date, case number, court...), saying why; the
    answer deadline is recomputed. The decision is corrected by `appeal_decision_correct`."""
    appeal = _locked(appeal)
    _require_handler(user, appeal)
    why = _reason(reason)
    before = _snapshot(appeal)
    _apply(appeal, data)
    appeal_redate(appeal=appeal, save=False)
    after = _snapshot(appeal)
    if after == before:
        raise AppealError("没有需要更正的内容。")
    appeal.save()
    audit_record(
        actor=user,
        event_type=AuditEventType.APPEAL_CORRECTED,
        obj=appeal,
        agency=appeal.agency,
        old={k: v for k, v in before.items() if after[k] != v},
        new={"reason": why, **{k: v for k, v in after.items() if before[k] != v}},
    )
    return appeal


@transaction.atomic
def appeal_answer(*, user: User, appeal: Appeal, answered_on: date, reason: str = "") -> Appeal:
    """Record the day the agency submitted its written answer (书面答复) or 答辩状 with the
    evidence. A date already recorded is changed only with a reason."""
    appeal = _locked(appeal)
    _require_handler(user, appeal)
    _not_future(answered_on, "提交答复（答辩状）之日", "answered_on")
    if answered_on < appeal.copy_received_on:
        raise AppealError("提交答复（答辩状）之日不能早于收到副本之日。", field="answered_on")
    old = appeal.answered_on
    if old is not None:
        why = _reason(reason)
        if old == answered_on:
            raise AppealError("没有需要更正的内容。")
    appeal.answered_on = answered_on
    appeal.save(update_fields=["answered_on"])
    audit_record(
        actor=user,
        event_type=AuditEventType.APPEAL_ANSWERED,
        obj=appeal,
        agency=appeal.agency,
        old={"answered_on": _iso(old)} if old else None,
        new={
            "answered_on": _iso(answered_on),
            "answer_due_on": _iso(appeal.answer_due_on),
            "late": answered_on > appeal.answer_due_on,
            **({"reason": why} if old else {}),
        },
    )
    return appeal


def _check_decision(appeal: Appeal, decision: str, decided_on: date) -> decisions.Decision:
    entry = decisions.decision_get(decision)
    if entry is None or entry.law != appeal.kind:
        raise AppealError(f"请选择{appeal.get_kind_display()}的审理结果。", field="decision")
    _not_future(decided_on, "结案日期", "decided_on")
    if decided_on < appeal.copy_received_on:
        raise AppealError(
            f"结案日期不能早于收到副本之日（{appeal.copy_received_on.isoformat()}）。",
            field="decided_on",
        )
    return entry


def _decision_snapshot(appeal: Appeal) -> dict[str, object]:
    return {"decision": appeal.decision, "decided_on": _iso(appeal.decided_on)}


@transaction.atomic
def appeal_decide(*, user: User, appeal: Appeal, decision: str, decided_on: date) -> Appeal:
    """Record the decision that ends the case (a decision of the appeal's own law) and its date.

    Once recorded it is changed only by `appeal_decision_correct`.
    """
    appeal = _locked(appeal)
    _require_handler(user, appeal)
    if not appeal.is_pending:
        raise AppealError("本案已记录审理结果；如有错误，请更正审理结果并写明理由。")
    entry = _check_decision(appeal, decision, decided_on)
    appeal.decision = entry.key
    appeal.decided_on = decided_on
    appeal.save(update_fields=["decision", "decided_on"])
    audit_record(
        actor=user,
        event_type=AuditEventType.APPEAL_DECIDED,
        obj=appeal,
        agency=appeal.agency,
        old=None,
        new={**_decision_snapshot(appeal), "column": entry.column},
    )
    return appeal


@transaction.atomic
def appeal_decision_correct(
    *,
    user: User,
    appeal: Appeal,
    decision: str,
    decided_on: date | None,
    reason: str,
) -> Appeal:
    """Correct a recorded decision, saying why. A blank `decision` (and no date) withdraws a
    decision recorded by mistake: the case is pending again."""
    appeal = _locked(appeal)
    _require_handler(user, appeal)
    if appeal.is_pending:
        raise AppealError("本案尚未记录审理结果，无需更正。")
    why = _reason(reason)
    before = _decision_snapshot(appeal)
    if decision:
        if decided_on is None:
            raise AppealError("请填写结案日期。", field="decided_on")
        appeal.decision = _check_decision(appeal, decision, decided_on).key
        appeal.decided_on = decided_on
    else:
        if decided_on is not None:
            raise AppealError("撤销误录的审理结果时不填写结案日期。", field="decided_on")
        appeal.decision, appeal.decided_on = "", None
    if _decision_snapshot(appeal) == before:
        raise AppealError("没有需要更正的内容。")
    appeal.save(update_fields=["decision", "decided_on"])
    audit_record(
        actor=user,
        event_type=AuditEventType.APPEAL_DECISION_CORRECTED,
        obj=appeal,
        agency=appeal.agency,
        old=before,
        new={**_decision_snapshot(appeal), "reason": why},
    )
    return appeal


@transaction.atomic
def appeals_redate(*, user: User | None, calendar: Calendar | None = None) -> int:
    """Recompute the answer deadline of every pending appeal, and of any whose deadline was
    provisional, on the current calendar (run after a calendar year is entered or corrected).
    Each one that moved gets an audit record; returns how many moved."""
    calendar = calendar if calendar is not None else calendar_current()
    moved = 0
    affected = Appeal.objects.filter(Q(decided_on__isnull=True) | Q(answer_due_provisional=True))
    for appeal in affected.select_related("agency").select_for_update():
        before = {
            "answer_due_on": _iso(appeal.answer_due_on),
            "answer_due_provisional": appeal.answer_due_provisional,
        }
        if appeal_redate(appeal=appeal, calendar=calendar):
            moved += 1
            audit_record(
                actor=user,
                event_type=AuditEventType.APPEAL_REDATED,
                obj=appeal,
                agency=appeal.agency,
                old=before,
                new={
                    "answer_due_on": _iso(appeal.answer_due_on),
                    "answer_due_provisional": appeal.answer_due_provisional,
                },
            )
    return moved


__all__ = [
    "AppealData",
    "AppealError",
    "appeal_answer",
    "appeal_correct",
    "appeal_decide",
    "appeal_decision_correct",
    "appeal_redate",
    "appeal_register",
    "appeals_redate",
]
