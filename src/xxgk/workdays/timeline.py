"""The vocabulary of an application's statutory clock: events, statuses, policy and state.

Plain values shared by the clock (`xxgk.workdays.clock`) and its callers; no counting here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from xxgk.workdays.calendar import Span


class EventKind(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CORRECTION_EXPIRED = "correction_expired"
    REASONS_REQUESTED = "reasons_requested"
    REASONS_RECEIVED = "reasons_received"
    LATER_DEADLINE_SET = "later_deadline_set"
    CONSULTATION_OPENED = "consultation_opened"
    CONSULTATION_DELIVERED = "consultation_delivered"
    CONSULTATION_ANSWERED = "consultation_answered"
    THIRD_PARTY_NOTIFIED = "third_party_notified"
    EXTENSION_APPROVED = "extension_approved"
    FEE_NOTICE_SENT = "fee_notice_sent"
    FEE_NOTICE_DELIVERED = "fee_notice_delivered"
    FEE_PAID = "fee_paid"
    FEE_WAIVED = "fee_waived"
    FEE_EXPIRED = "fee_expired"
    FEE_REFUNDED = "fee_refunded"
    REPLY_SENT = "reply_sent"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


_EVENT_LABELS = {
    EventKind.RECEIVED: "收到申请",
    EventKind.ACKNOWLEDGED: "出具受理回执",
    EventKind.CORRECTION_REQUESTED: "告知补正",
    EventKind.CORRECTION_RECEIVED: "收到补正材料",
    EventKind.CORRECTION_EXPIRED: "逾期未补正",
    EventKind.REASONS_REQUESTED: "要求说明理由",
    EventKind.REASONS_RECEIVED: "收到申请人说明",
    EventKind.LATER_DEADLINE_SET: "确定延迟答复期限",
    EventKind.CONSULTATION_OPENED: "征求意见",
    EventKind.CONSULTATION_DELIVERED: "对方收到征求意见函",
    EventKind.CONSULTATION_ANSWERED: "收到意见",
    EventKind.THIRD_PARTY_NOTIFIED: "书面告知第三方",
    EventKind.EXTENSION_APPROVED: "延期答复",
    EventKind.FEE_NOTICE_SENT: "发出收费通知",
    EventKind.FEE_NOTICE_DELIVERED: "申请人收到收费通知",
    EventKind.FEE_PAID: "缴纳信息处理费",
    EventKind.FEE_WAIVED: "减免信息处理费",
    EventKind.FEE_EXPIRED: "逾期未缴费",
    EventKind.FEE_REFUNDED: "退还信息处理费",
    EventKind.REPLY_SENT: "答复",
    EventKind.WITHDRAWN: "撤回申请",
}


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
    AWAITING_REASONS = "awaiting_reasons"
    IN_CONSULTATION = "in_consultation"
    AWAITING_FEE = "awaiting_fee"
    REPLIED = "replied"
    WITHDRAWN = "withdrawn"
    CLOSED_NO_CORRECTION = "closed_no_correction"
    CLOSED_NO_FEE = "closed_no_fee"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def closed(self) -> bool:
        return self in _CLOSED


_STATUS_LABELS = {
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_CORRECTION: "待补正",
    Status.AWAITING_REASONS: "待说明理由",
    Status.IN_CONSULTATION: "征求意见中",
    Status.AWAITING_FEE: "待缴费",
    Status.REPLIED: "已答复",
    Status.WITHDRAWN: "已撤回",
    Status.CLOSED_NO_CORRECTION: "逾期未补正终止",
    Status.CLOSED_NO_FEE: "逾期未缴费终止",
}
_CLOSED = frozenset(
    {Status.REPLIED, Status.WITHDRAWN, Status.CLOSED_NO_CORRECTION, Status.CLOSED_NO_FEE}
)


@dataclass(frozen=True)
class Event:
    """One event of the timeline.

    `days`: an extension's length, or the correction period the notice sets (None: the policy's).
    `id`: the event's own identity, which a later event names in `ref` (an answer names its
    consultation letter); None gives it its position in the timeline.
    `until`: the later reply deadline an agency sets under Art. 35.
    """

    kind: EventKind
    on: date
    days: int | None = None
    ref: int | None = None
    id: int | None = None
    until: date | None = None


@dataclass(frozen=True)
class Policy:
    """The agency's counting choices; the statutory numbers are the defaults."""

    count_receipt_day: bool = False
    reply_days: int = 20  # Art. 33 ¶1
    extension_max: int = 20  # Art. 33 ¶2
    correction_notice_days: int = 7  # Art. 30: the notice within 7 working days of receipt
    correction_period_days: int = 15  # Art. 30: "合理的补正期限", set by the agency
    reasons_period_days: int = 10  # Art. 35: the time the applicant is given to state reasons
    consultation_days: int = 15  # Art. 32: from the day the other party receives the letter
    fee_payment_days: int = 20  # from the day after the applicant receives the notice
    fee_pauses_clock: bool = True  # the agency's choice: no verified text decides it (clock.py)


class InvalidEvent(ValueError):
    """An event that cannot come now; the message (Chinese) says why."""


@dataclass(frozen=True)
class Consultation:
    """One consultation letter (Arts. 32, 34) as it stands."""

    ref: int  # the id of the letter's event
    sent_on: date
    delivered_on: date | None  # the day the other party received the letter
    due_on: date | None  # the other party's last day; None until delivery is known
    answered_on: date | None
    lapsed: bool  # its period ran out with no answer


@dataclass(frozen=True)
class State:
    status: Status
    due_on: date | None  # reply due; None once closed
    provisional: bool  # some deadline relied on a year neither calendar source covers
    explanation: tuple[str, ...]
    allowed: frozenset[EventKind]
    correction_notice_due: date | None
    consultation_due: date | None  # the earliest open consultation's last day
    fee_due: date | None  # the applicant's last day to pay, once the notice was received
    extended: bool
    # Beyond the agreed API: what a closed case and the work queue need.
    last_due: date | None = None  # due_on, or for a closed case the due in force when it closed
    closed_on: date | None = None
    overdue: bool = False  # open past due_on on `today`, or replied after the due date
    span: Span | None = field(default=None, compare=False)  # the reply count behind last_due
    correction_period_due: date | None = None  # the applicant's last day to correct
    correction_late: bool = False  # the notice went out after the 7 working days of Art. 30
    reasons_due: date | None = None  # Art. 35: the applicant's last day to state reasons
    later_deadline: date | None = None  # Art. 35: the later deadline the agency set
    consultations: tuple[Consultation, ...] = ()
    warnings: tuple[str, ...] = ()  # lawful but to be looked at: late notices, early replies
