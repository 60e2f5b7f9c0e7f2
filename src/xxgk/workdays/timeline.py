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
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CORRECTION_EXPIRED = "correction_expired"
    CONSULTATION_OPENED = "consultation_opened"
    CONSULTATION_ANSWERED = "consultation_answered"
    EXTENSION_APPROVED = "extension_approved"
    FEE_NOTICE_SENT = "fee_notice_sent"
    FEE_PAID = "fee_paid"
    FEE_EXPIRED = "fee_expired"
    REPLY_SENT = "reply_sent"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


_EVENT_LABELS = {
    EventKind.RECEIVED: "收到申请",
    EventKind.CORRECTION_REQUESTED: "告知补正",
    EventKind.CORRECTION_RECEIVED: "收到补正材料",
    EventKind.CORRECTION_EXPIRED: "逾期未补正",
    EventKind.CONSULTATION_OPENED: "征求意见",
    EventKind.CONSULTATION_ANSWERED: "收到意见",
    EventKind.EXTENSION_APPROVED: "延期答复",
    EventKind.FEE_NOTICE_SENT: "发出收费通知",
    EventKind.FEE_PAID: "缴纳信息处理费",
    EventKind.FEE_EXPIRED: "逾期未缴费",
    EventKind.REPLY_SENT: "答复",
    EventKind.WITHDRAWN: "撤回申请",
}


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
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
    kind: EventKind
    on: date
    days: int | None = None  # extension length in working days; None = Policy.extension_max


@dataclass(frozen=True)
class Policy:
    count_receipt_day: bool = False
    reply_days: int = 20
    extension_max: int = 20
    correction_notice_days: int = 7
    consultation_days: int = 15
    fee_payment_days: int = 20


class InvalidEvent(ValueError):
    """An event that cannot come now; the message (Chinese) says why."""


@dataclass(frozen=True)
class State:
    status: Status
    due_on: date | None  # reply due; None once closed
    provisional: bool  # some deadline relied on a year neither calendar source covers
    explanation: tuple[str, ...]
    allowed: frozenset[EventKind]
    correction_notice_due: date | None
    consultation_due: date | None
    fee_due: date | None
    extended: bool
    # Beyond the agreed API: what a closed case and the work queue need.
    last_due: date | None = None  # due_on, or for a closed case the due in force when it closed
    closed_on: date | None = None
    overdue: bool = False  # open past due_on on `today`, or replied after the due date
    span: Span | None = field(default=None, compare=False)  # the reply count behind last_due


# Which events each open status admits before the date-dependent checks.
