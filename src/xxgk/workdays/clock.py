"""The statutory clock of one disclosure application (Arts. 30–35 of the 2019 Regulation).

An application's timeline is a list of events; `compute` replays them and derives the status,
the reply due date, the other running deadlines, the events that may come next, and a step-by-step
explanation in Chinese. Nothing here is stored: the web app keeps the events, this computes.

Counting conventions (all days are working days on the official `Calendar`):
- reply: `Policy.reply_days` counted from the day after receipt (`count_receipt_day` counts the
  receipt day itself when it is a working day);
- correction (补正, Art. 30): the notice is due within 7 working days of receipt, once; a later
  notice is recorded as it happened and marked late. It sets the applicant's period (counted from
  the day after the notice), and only after that period may the case close as not corrected.
  While the applicant corrects, the clock stands still; on receipt of the corrected application
  the full period starts again from that day, by the same convention as the first receipt;
- consultation (Arts. 32/34, 33¶3): several letters may be out at once. Each gives the other
  party 15 working days from the day it received the letter. The days from the day a letter goes
  out up to the day before its answer arrives are not counted, at most up to the party's last day;
  overlapping consultations pause the clock once;
- extension (Art. 33): once, at most 20 working days, decided while the period still runs;
- Art. 35: the agency may ask the applicant to state reasons; the clock runs on. Once reasons
  are in, the agency may refuse to process (（五）4) or set a later reasonable deadline, which then
  replaces the reply due date;
- processing fee (Art. 42, 国办函〔2020〕109号): the applicant pays within 20 working days from the
  day after receiving the notice. Art. 33 ¶3 excludes only consultation time, and the articles of
  109号 we could verify (1–5, the scales) say nothing of the reply period, so whether the wait for
  payment counts is the agency's policy (`Policy.fee_pauses_clock`): by default it does not count
  (from the notice up to the day before payment or waiver, at most to the applicant's last day),
  so that the reply period cannot run out before the applicant's own time to pay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from xxgk.workdays.calendar import Calendar, Pause, Span
from xxgk.workdays.explain import describe_span, iso
from xxgk.workdays.timeline import (
    Consultation,
    Event,
    EventKind,
    InvalidEvent,
    Policy,
    State,
    Status,
)

__all__ = [
    "Consultation",
    "Event",
    "EventKind",
    "InvalidEvent",
    "Policy",
    "State",
    "Status",
    "compute",
]

_CONSULTATION = "征求意见期间"
_FEE = "等待缴费期间"
_ONE_DAY = timedelta(days=1)
_MAX_PERIOD = 60  # working days: a longer correction or reasons period is a typing error

# Events that need the reply period still running on their day.
_BEFORE_DUE = frozenset(
    {
        EventKind.CONSULTATION_OPENED,
        EventKind.EXTENSION_APPROVED,
        EventKind.FEE_NOTICE_SENT,
        EventKind.LATER_DEADLINE_SET,
    }
)
# Events that carry a number of working days.
_WITH_DAYS = frozenset(
    {EventKind.EXTENSION_APPROVED, EventKind.CORRECTION_REQUESTED, EventKind.REASONS_REQUESTED}
)


@dataclass
class _Wait:
    """A consultation letter or a fee notice: the clock stands still from `on` until the other
    side answers (or pays), at most until the other side's last day, once that is known."""

    on: date
    reason: str
    delivered: date | None = None
    limit: date | None = None  # the other side's last day, from the day after delivery
    closed: date | None = None  # answered, paid or waived (or the case closed)
    answered: date | None = None

    def pause(self, as_of: date) -> Pause:
        end = self.closed if self.closed is not None else max(as_of, self.on)
        if self.limit is not None:
            end = min(end, self.limit)
        return Pause(self.on, end, self.reason)

    def is_open(self) -> bool:
        return self.closed is None


class _Clock:
    """Replays events one by one, checking each against the state so far."""

    def __init__(self, calendar: Calendar, policy: Policy, first: Event) -> None:
        self.calendar = calendar
        self.policy = policy
        self.received_on = first.on
        self.start = first.on  # the day the reply period counts from
        self.last_on = first.on
        self.notes: list[str] = [self._start_sentence("收到申请日", first.on)]
        self.warnings: list[str] = []
        self.provisional = False
        self.acknowledged = False
        self.correction_requested: date | None = None
        self.correction_period_due: date | None = None
        self.correction_late = False
        self.awaiting_correction = False
        self.reasons_requested: date | None = None
        self.reasons_due: date | None = None
        self.reasons_received: date | None = None
        self.later_deadline: date | None = None
        self.clock_touched = False  # a consultation, extension or fee: too late for a correction
        self.consultations: dict[int, _Wait] = {}
        self.fee: _Wait | None = None
        self.fee_paid = False
        self.fee_refunded = False
        self.extension: int = 0
        self.closed_status: Status | None = None
        self.closed_on: date | None = None
        self.span_at_close: Span | None = None
        self.correction_notice_due = self._span(first.on, policy.correction_notice_days).end
        self.handlers: dict[EventKind, Callable[[Event, int], None]] = {
            EventKind.ACKNOWLEDGED: self._on_acknowledged,
            EventKind.CORRECTION_REQUESTED: self._on_correction_requested,
            EventKind.CORRECTION_RECEIVED: self._on_correction_received,
            EventKind.CORRECTION_EXPIRED: self._on_correction_expired,
            EventKind.REASONS_REQUESTED: self._on_reasons_requested,
            EventKind.REASONS_RECEIVED: self._on_reasons_received,
            EventKind.LATER_DEADLINE_SET: self._on_later_deadline_set,
            EventKind.CONSULTATION_OPENED: self._on_consultation_opened,
            EventKind.CONSULTATION_DELIVERED: self._on_consultation_delivered,
            EventKind.CONSULTATION_ANSWERED: self._on_consultation_answered,
            EventKind.THIRD_PARTY_NOTIFIED: self._on_third_party_notified,
            EventKind.EXTENSION_APPROVED: self._on_extension_approved,
            EventKind.FEE_NOTICE_SENT: self._on_fee_notice_sent,
            EventKind.FEE_NOTICE_DELIVERED: self._on_fee_notice_delivered,
            EventKind.FEE_PAID: self._on_fee_paid,
            EventKind.FEE_WAIVED: self._on_fee_waived,
            EventKind.FEE_EXPIRED: self._on_fee_expired,
            EventKind.FEE_REFUNDED: self._on_fee_refunded,
            EventKind.REPLY_SENT: self._on_reply_sent,
            EventKind.WITHDRAWN: self._on_withdrawn,
        }

    # -- counting ---------------------------------------------------------------------------

    def _span(self, start: date, n: int, pauses: Sequence[Pause] = ()) -> Span:
        span = self.calendar.add_workdays(start, n, pauses=pauses)
        self.provisional |= span.provisional
        return span

    def _start_sentence(self, what: str, on: date) -> str:
        n = self.policy.reply_days
        if self.policy.count_receipt_day:
            return f"{what} {iso(on)}（计入，当日为工作日即为第 1 日），起算 {n} 个工作日。"
        return f"{what} {iso(on)}（不计入），自次日起算 {n} 个工作日。"

    def reply_span(self, as_of: date) -> Span:
        """The reply count as it stands on `as_of` (open pauses treated as ending that day)."""
        if self.awaiting_correction:
            # The clock restarts on receipt of the correction: project as if it came `as_of`.
            restart = max(as_of, self.correction_requested or as_of)
            return self._reply_count(restart, ())
        waits = list(self.consultations.values())
        if self.fee is not None and self.policy.fee_pauses_clock:
            waits.append(self.fee)
        return self._reply_count(self.start, [w.pause(as_of) for w in waits])

    def _reply_count(self, start: date, pauses: Sequence[Pause]) -> Span:
        total = self.policy.reply_days + self.extension
        span = self.calendar.add_workdays(
            start, total, count_start=self.policy.count_receipt_day, pauses=pauses
        )
        self.provisional |= span.provisional
        return span

    def reply_due(self, as_of: date) -> date:
        """The reply due date in force: the Art. 35 deadline once one is set."""
        return self.later_deadline or self.reply_span(as_of).end

    # -- status -----------------------------------------------------------------------------

    @property
    def status(self) -> Status:
        if self.closed_status is not None:
            return self.closed_status
        if self.fee is not None and self.fee.is_open():
            return Status.AWAITING_FEE
        if self.awaiting_correction:
            return Status.AWAITING_CORRECTION
        if self._open_consultations():
            return Status.IN_CONSULTATION
        if self.reasons_requested is not None and self.reasons_received is None:
            return Status.AWAITING_REASONS
        return Status.IN_PROGRESS

    def _open_consultations(self) -> list[tuple[int, _Wait]]:
        return [(ref, w) for ref, w in self.consultations.items() if w.is_open()]

    # -- events -----------------------------------------------------------------------------

    def allowed(self, today: date | None) -> frozenset[EventKind]:
        if today is not None and today < self.last_on:
            return frozenset()
        if self.closed_status is not None:
            refund = self.fee_paid and not self.fee_refunded
            return frozenset({EventKind.FEE_REFUNDED} if refund else ())
        kinds = {k for k in EventKind if self._why_not(k) is None}
        if today is not None:
            kinds = {k for k in kinds if self._date_problem(Event(k, today)) is None}
        return frozenset(kinds)

    def _why_not(self, kind: EventKind) -> str | None:
        """Why `kind` cannot come in the present state (dates aside), or None."""
        status = self.status
        fee_open = self.fee is not None and self.fee.is_open()
        if kind is EventKind.RECEIVED:
            return "一件申请只能有一个收到申请事件"
        if self.closed_status is not None and kind is not EventKind.FEE_REFUNDED:
            return (
                f"本申请{status.label}（{iso(self.closed_on or self.last_on)}），不能再{kind.label}"
            )
        rule = _RULES.get(kind)
        if rule is not None:
            return rule(self, status, fee_open)
        return None

    def apply(self, event: Event, position: int) -> None:
        label = event.kind.label
        if event.on < self.last_on:
            raise InvalidEvent(
                f"{label}的日期 {iso(event.on)} 早于上一事件（{iso(self.last_on)}）："
                "事件须按发生顺序记录"
            )
        if event.days is not None and event.kind not in _WITH_DAYS:
            raise InvalidEvent(f"{label}不需要填写工作日数")
        if event.until is not None and event.kind is not EventKind.LATER_DEADLINE_SET:
            raise InvalidEvent(f"{label}不需要填写延迟答复期限")
        problem = self._why_not(event.kind) or self._date_problem(event)
        if problem is not None:
            raise InvalidEvent(problem)
        self.handlers[event.kind](event, position)
        self.last_on = event.on

    def _date_problem(self, event: Event) -> str | None:
        """Why `event` cannot happen on its date (deadlines already past), or None."""
        kind, on = event.kind, event.on
        if kind in _BEFORE_DUE:
            due = self.reply_due(on)
            if on > due:
                return f"答复期限 {iso(due)} 已届满，{iso(on)} 不能再{kind.label}"
        if kind is EventKind.EXTENSION_APPROVED:
            days = self.policy.extension_max if event.days is None else event.days
            if not 1 <= days <= self.policy.extension_max:
                return (
                    f"延期应为 1 至 {self.policy.extension_max} 个工作日（条例第三十三条：延长期限"
                    f"最长不超过 {self.policy.extension_max} 个工作日），所填为 {days} 个工作日"
                )
        periods = (EventKind.CORRECTION_REQUESTED, EventKind.REASONS_REQUESTED)
        if kind in periods and event.days is not None and not 1 <= event.days <= _MAX_PERIOD:
            return f"{kind.label}的期限应为 1 至 {_MAX_PERIOD} 个工作日，所填为 {event.days}"
        period_due = self.correction_period_due
        if kind is EventKind.CORRECTION_EXPIRED and period_due is not None and on <= period_due:
            return (
                f"补正期限至 {iso(period_due)}，{iso(on)} 尚未届满，"
                "不能认定逾期未补正（条例第三十条）"
            )
        if kind is EventKind.LATER_DEADLINE_SET and event.until is not None:
            due = self.reply_span(on).end
            if event.until <= due:
                return (
                    f"第三十五条的延迟答复期限应晚于法定答复期限 {iso(due)}，"
                    f"所填为 {iso(event.until)}"
                )
        fee = self.fee
        if fee is not None and fee.delivered is not None and fee.limit is not None:
            if kind is EventKind.FEE_PAID and on > fee.limit:
                return f"缴费期限至 {iso(fee.limit)}，{iso(on)} 已逾期，应记录逾期未缴费"
            if kind is EventKind.FEE_EXPIRED and on <= fee.limit:
                return f"缴费期限至 {iso(fee.limit)}，{iso(on)} 尚未届满"
        if kind is EventKind.FEE_EXPIRED and fee is not None and fee.delivered is None:
            return "申请人收到收费通知之日尚未记录，无法认定逾期未缴费"
        return None

    def _consultation(self, event: Event, *, undelivered: bool = False) -> tuple[int, _Wait]:
        """The consultation an answer or a delivery concerns: the one named, else the earliest."""
        candidates = [
            (ref, w)
            for ref, w in self._open_consultations()
            if not undelivered or w.delivered is None
        ]
        if event.ref is not None:
            found = self.consultations.get(event.ref)
            if found is None or (event.ref, found) not in candidates:
                raise InvalidEvent(f"{event.kind.label}所指的征求意见不存在或已结束")
            return event.ref, found
        if not candidates:
            raise InvalidEvent(f"{event.kind.label}所指的征求意见不存在或已结束")
        return candidates[0]

    # -- handlers (one per event kind, in `handlers`) ---------------------------------------

    def _on_acknowledged(self, e: Event, _: int) -> None:
        self.acknowledged = True
        self.notes.append(f"{iso(e.on)} 出具受理回执。")

    def _on_correction_requested(self, e: Event, _: int) -> None:
        days = e.days or self.policy.correction_period_days
        self.correction_requested = e.on
        self.correction_period_due = self._span(e.on, days).end
        self.awaiting_correction = True
        late = e.on > self.correction_notice_due
        self.correction_late = late
        self.notes.append(
            f"{iso(e.on)} 一次性告知补正，补正期限 {days} 个工作日"
            f"（至 {iso(self.correction_period_due)}）；等待补正期间答复期限不计算。"
        )
        if late:
            warning = (
                f"补正告知晚于收到申请后 {self.policy.correction_notice_days} 个工作日"
                f"（应于 {iso(self.correction_notice_due)} 前告知，条例第三十条），已如实记录。"
            )
            self.notes.append(warning)
            self.warnings.append(warning)

    def _on_correction_received(self, e: Event, _: int) -> None:
        self.start = e.on
        self.awaiting_correction = False
        self.notes.append(
            self._start_sentence("收到补正后的申请", e.on).replace("自次日", "重新自次日")
        )

    def _on_correction_expired(self, e: Event, _: int) -> None:
        self._close(
            e, Status.CLOSED_NO_CORRECTION, "申请人无正当理由逾期未补正，视为放弃申请，终止办理。"
        )

    def _on_reasons_requested(self, e: Event, _: int) -> None:
        days = e.days or self.policy.reasons_period_days
        self.reasons_requested = e.on
        self.reasons_due = self._span(e.on, days).end
        self.notes.append(
            f"{iso(e.on)} 申请公开的数量、频次明显超过合理范围，要求申请人说明理由"
            f"（条例第三十五条），说明期限 {days} 个工作日（至 {iso(self.reasons_due)}）；"
            "答复期限照常计算。"
        )

    def _on_reasons_received(self, e: Event, _: int) -> None:
        self.reasons_received = e.on
        self.notes.append(f"{iso(e.on)} 收到申请人的说明。")

    def _on_later_deadline_set(self, e: Event, _: int) -> None:
        if e.until is None:
            raise InvalidEvent("请填写第三十五条的延迟答复期限")
        statutory = self.reply_span(e.on).end
        self.later_deadline = e.until
        self.clock_touched = True
        self.notes.append(
            f"{iso(e.on)} 申请理由合理但无法在法定期限（{iso(statutory)}）内答复，依条例第三十五条"
            f"确定延迟答复的合理期限至 {iso(e.until)} 并告知申请人；答复期限以此为准。"
        )

    def _on_consultation_opened(self, e: Event, position: int) -> None:
        ref = e.id if e.id is not None else position
        # Until the receipt is recorded, the pause is capped as if the letter arrived the day it
        # went out: never longer than the law allows.
        estimate = self._span(e.on, self.policy.consultation_days).end
        self.consultations[ref] = _Wait(e.on, _CONSULTATION, limit=estimate)
        self.clock_touched = True
        self.notes.append(
            f"{iso(e.on)} 发出征求意见函（第 {len(self.consultations)} 件）；对方自收到之日起 "
            f"{self.policy.consultation_days} 个工作日内提出意见（条例第三十二条）；自发函当日起"
            "至收到意见前一日，工作日不计入答复期限。"
        )

    def _on_consultation_delivered(self, e: Event, _: int) -> None:
        ref, wait = self._consultation(e, undelivered=True)
        number = list(self.consultations).index(ref) + 1
        wait.delivered = e.on
        wait.limit = self._span(e.on, self.policy.consultation_days).end
        self.notes.append(
            f"{iso(e.on)} 对方收到第 {number} 件征求意见函，应于 {iso(wait.limit)} 前提出意见"
            f"（{self.policy.consultation_days} 个工作日）。"
        )

    def _on_consultation_answered(self, e: Event, _: int) -> None:
        ref, wait = self._consultation(e)
        self._end_consultation(ref, wait, e.on, "收到意见")

    def _end_consultation(self, ref: int, wait: _Wait, on: date, what: str) -> None:
        wait.closed = on
        wait.answered = on if what == "收到意见" else None
        paused = self._paused_workdays(wait.pause(on))
        late = (
            ""
            if wait.limit is None or on <= wait.limit
            else f"（晚于期限 {iso(wait.limit)}，超出部分照常计入）"
        )
        number = list(self.consultations).index(ref) + 1
        self.notes.append(
            f"{iso(on)} 第 {number} 件征求意见{what}{late}：其间 {paused} 个工作日不计入答复期限。"
        )

    def _paused_workdays(self, pause: Pause) -> int:
        n = 0
        for ordinal in range(pause.start.toordinal(), pause.end.toordinal()):
            info = self.calendar.day(date.fromordinal(ordinal))
            self.provisional |= not info.known
            n += info.workday
        return n

    def _on_third_party_notified(self, e: Event, _: int) -> None:
        self.notes.append(
            f"{iso(e.on)} 决定予以公开，将公开的内容和理由书面告知第三方（条例第三十二条）。"
        )

    def _on_extension_approved(self, e: Event, _: int) -> None:
        self.extension = self.policy.extension_max if e.days is None else e.days
        self.clock_touched = True
        self.notes.append(
            f"{iso(e.on)} 经政府信息公开工作机构负责人同意，延期答复 {self.extension} 个工作日"
            "（条例第三十三条）。"
        )

    def _on_fee_notice_sent(self, e: Event, _: int) -> None:
        estimate = self._span(e.on, self.policy.fee_payment_days).end  # as for a consultation
        self.fee = _Wait(e.on, _FEE, limit=estimate)
        self.clock_touched = True
        pause = (
            "按本机关规定，自发出通知之日起至申请人缴费（或减免）前一日，工作日不计入答复期限"
            "（条例第三十三条第三款仅规定征求意见时间不计入，109号已核实的条文未规定缴费期间）。"
            if self.policy.fee_pauses_clock
            else "缴费期间答复期限照常计算。"
        )
        self.notes.append(
            f"{iso(e.on)} 发出收费通知（条例第四十二条、国办函〔2020〕109号）；{pause}"
        )

    def _on_fee_notice_delivered(self, e: Event, _: int) -> None:
        assert self.fee is not None  # _RULES guarantees an open notice
        self.fee.delivered = e.on
        self.fee.limit = self._span(e.on, self.policy.fee_payment_days).end
        self.notes.append(
            f"{iso(e.on)} 申请人收到收费通知，应自次日起 {self.policy.fee_payment_days} 个工作日内"
            f"（至 {iso(self.fee.limit)}）缴费，逾期未缴视为放弃申请。"
        )

    def _on_fee_paid(self, e: Event, _: int) -> None:
        self._end_fee(e.on, "申请人缴费")
        self.fee_paid = True

    def _on_fee_waived(self, e: Event, _: int) -> None:
        self._end_fee(e.on, "决定减免信息处理费")

    def _end_fee(self, on: date, what: str) -> None:
        assert self.fee is not None  # _RULES guarantees an open notice
        self.fee.closed = on
        if not self.policy.fee_pauses_clock:
            self.notes.append(f"{iso(on)} {what}。")
            return
        paused = self._paused_workdays(self.fee.pause(on))
        self.notes.append(f"{iso(on)} {what}：等待缴费期间 {paused} 个工作日不计入答复期限。")

    def _on_fee_expired(self, e: Event, _: int) -> None:
        self._close(e, Status.CLOSED_NO_FEE, "申请人逾期未缴纳信息处理费，视为放弃申请，终止办理。")

    def _on_fee_refunded(self, e: Event, _: int) -> None:
        self.fee_refunded = True
        self.notes.append(f"{iso(e.on)} 退还信息处理费。")

    def _on_reply_sent(self, e: Event, _: int) -> None:
        for ref, wait in self._open_consultations():
            if wait.delivered is None or e.on <= wait.limit:  # type: ignore[operator]
                until = f"期限至 {iso(wait.limit)}" if wait.delivered else "对方签收日尚未记录"  # type: ignore[arg-type]
                self.warnings.append(
                    f"{iso(e.on)} 答复时第 {list(self.consultations).index(ref) + 1} 件征求意见"
                    f"尚未收到意见（{until}）：条例第三十二条要求等待第三方意见或期限届满。"
                )
            self._end_consultation(ref, wait, e.on, "答复时仍未收到意见，征求意见结束")
        self._close(e, Status.REPLIED, "已答复。")

    def _on_withdrawn(self, e: Event, _: int) -> None:
        self._close(e, Status.WITHDRAWN, "申请人撤回申请。")

    def _close(self, e: Event, status: Status, sentence: str) -> None:
        if not self.awaiting_correction:
            self.span_at_close = self.reply_span(e.on)
        for wait in [*self.consultations.values(), *([self.fee] if self.fee else [])]:
            if wait.closed is None:
                wait.closed = e.on
        self.closed_status = status
        self.closed_on = e.on
        self.notes.append(f"{iso(e.on)} {sentence}")

    # -- result -----------------------------------------------------------------------------

    def _consultation_states(self, as_of: date) -> tuple[Consultation, ...]:
        return tuple(
            Consultation(
                ref=ref,
                sent_on=w.on,
                delivered_on=w.delivered,
                due_on=w.limit if w.delivered is not None else None,
                answered_on=w.answered,
                lapsed=w.answered is None and w.delivered is not None and as_of > w.limit,  # type: ignore[operator]
            )
            for ref, w in self.consultations.items()
        )

    def state(self, today: date | None) -> State:
        as_of = max(today, self.last_on) if today is not None else self.last_on
        span = self.reply_span(as_of) if self.closed_status is None else None
        common = {
            "provisional": self.provisional,
            "extended": bool(self.extension),
            "correction_late": self.correction_late,
            "later_deadline": self.later_deadline,
            "warnings": tuple(self.warnings),
        }
        if self.closed_status is not None:
            due_at_close = self.later_deadline or (
                self.span_at_close.end if self.span_at_close else None
            )
            overdue = (
                due_at_close is not None
                and self.closed_on is not None
                and self.closed_on > due_at_close
            )
            notes = list(self.notes)
            if self.closed_status is Status.REPLIED and due_at_close is not None:
                notes.append(
                    f"答复期限为 {iso(due_at_close)}，"
                    + ("逾期答复。" if overdue else "在期限内答复。")
                )
            return State(
                status=self.closed_status,
                due_on=None,
                explanation=tuple(notes),
                allowed=self.allowed(today),
                correction_notice_due=None,
                consultation_due=None,
                fee_due=None,
                last_due=due_at_close,
                closed_on=self.closed_on,
                overdue=overdue,
                span=self.span_at_close,
                consultations=self._consultation_states(self.closed_on or as_of),
                **common,  # type: ignore[arg-type]
            )
        assert span is not None  # computed above for an open case
        due = self.later_deadline or span.end
        notes = [*self.notes, *self._pending_notes(as_of), self._due_sentence(span)]
        open_limits = [w.limit for _, w in self._open_consultations() if w.delivered and w.limit]
        correction_pending = self.correction_requested is None and not self.clock_touched
        return State(
            status=self.status,
            due_on=due,
            explanation=tuple(notes),
            allowed=self.allowed(today),
            correction_notice_due=self.correction_notice_due if correction_pending else None,
            consultation_due=min(open_limits) if open_limits else None,
            fee_due=self._fee_due(),
            last_due=due,
            overdue=today is not None and today > due,
            span=span,
            correction_period_due=self.correction_period_due if self.awaiting_correction else None,
            reasons_due=self.reasons_due if self.status is Status.AWAITING_REASONS else None,
            consultations=self._consultation_states(as_of),
            **common,  # type: ignore[arg-type]
        )

    def _fee_due(self) -> date | None:
        fee = self.fee
        return fee.limit if fee is not None and fee.is_open() and fee.delivered else None

    def _pending_notes(self, as_of: date) -> list[str]:
        if self.awaiting_correction:
            return [
                f"尚待补正：收到补正材料后重新起算 {self.policy.reply_days} 个工作日；"
                f"下列期限按 {iso(as_of)} 收到补正推算，实际随补正日顺延。"
            ]
        notes = []
        for _, w in self._open_consultations():
            limit = (
                f"（最迟至 {iso(w.limit)}）"
                if w.delivered and w.limit
                else f"（对方签收日尚未记录，暂按发函日计，最迟至 {iso(w.limit)}）"  # type: ignore[arg-type]
            )
            notes.append(
                f"意见尚未收到：暂按截至 {iso(max(as_of, w.on))} 计算，实际期限随之顺延{limit}。"
            )
        if self.fee is not None and self.fee.is_open():
            limit = (
                f"（最迟至 {iso(self.fee.limit)}）" if self.fee.delivered and self.fee.limit else ""
            )
            notes.append(
                f"申请人尚未缴费：暂按截至 {iso(max(as_of, self.fee.on))} 计算，"
                f"实际期限随之顺延{limit}。"
            )
        return notes

    def _due_sentence(self, span: Span) -> str:
        total = self.policy.reply_days + self.extension
        parts = f"{self.policy.reply_days} + 延期 {self.extension}" if self.extension else ""
        count = f"共 {total} 个工作日" + (f"（{parts}）" if parts else "")
        sentence = f"{count}：{describe_span(span)}；法定答复期限 {iso(span.end)}。"
        if self.later_deadline is not None:
            sentence += f"依条例第三十五条确定的答复期限为 {iso(self.later_deadline)}。"
        if span.provisional:
            sentence += "（暂定：涉及尚未录入节假日安排的年份）"
        return sentence


# -- which events the present state admits (dates aside) -----------------------------------
# Each rule returns why not, or None. Kinds without a rule are always admitted while open.

_Rule = Callable[[_Clock, Status, bool], str | None]


def _correction_requested(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if c.correction_requested is not None:
        return "补正只能一次性告知（条例第三十条），本申请已告知过补正"
    if c.clock_touched or c.reasons_requested is not None or status is not Status.IN_PROGRESS:
        return (
            "已征求意见、延期、要求说明理由或发出收费通知后不能再告知补正："
            "补正应在收到申请后及早一次性告知"
        )
    return None


def _while_correcting(c: _Clock, status: Status, fee_open: bool) -> str | None:
    return None if c.awaiting_correction else "本申请没有等待中的补正"


def _not_correcting(kind: EventKind) -> _Rule:
    def rule(c: _Clock, status: Status, fee_open: bool) -> str | None:
        if c.awaiting_correction:
            return f"等待补正期间不能{kind.label}：请先记录收到补正材料或逾期未补正"
        if fee_open:
            return f"等待缴费期间不能{kind.label}"
        return None

    return rule


def _reasons_requested(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if c.reasons_requested is not None:
        return "本申请已要求说明理由"
    return _not_correcting(EventKind.REASONS_REQUESTED)(c, status, fee_open)


def _reasons_received(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if c.reasons_requested is None or c.reasons_received is not None:
        return "本申请没有等待中的说明理由"
    return None


def _later_deadline(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if c.reasons_received is None:
        return "依条例第三十五条确定延迟答复期限，须先要求并收到申请人的说明"
    if c.later_deadline is not None:
        return "本申请已确定延迟答复期限"
    if c.extension:
        return "本申请已延期答复，不能再确定第三十五条的延迟答复期限"
    return _not_correcting(EventKind.LATER_DEADLINE_SET)(c, status, fee_open)


def _consultation_followup(undelivered: bool) -> _Rule:
    def rule(c: _Clock, status: Status, fee_open: bool) -> str | None:
        waits = [w for _, w in c._open_consultations() if not undelivered or w.delivered is None]
        return None if waits else "本申请没有在办的征求意见"

    return rule


def _third_party_notified(c: _Clock, status: Status, fee_open: bool) -> str | None:
    return None if c.consultations else "书面告知第三方须以征求过第三方意见为前提（条例第三十二条）"


def _extension(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if c.extension:
        return "答复期限只能延长一次（条例第三十三条），本申请已延期"
    if c.later_deadline is not None:
        return "已依条例第三十五条确定延迟答复期限，不再延期"
    return _not_correcting(EventKind.EXTENSION_APPROVED)(c, status, fee_open)


def _fee_notice(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if c.fee is not None:
        return "本申请已发出过收费通知"
    if status is not Status.IN_PROGRESS:
        return f"当前状态为“{status.label}”，不能发出收费通知"
    return None


def _fee_open(c: _Clock, status: Status, fee_open: bool) -> str | None:
    return None if fee_open else "本申请没有等待缴费的收费通知"


def _fee_delivered(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if not fee_open or c.fee is None or c.fee.delivered is not None:
        return "本申请没有待送达的收费通知"
    return None


def _fee_refunded(c: _Clock, status: Status, fee_open: bool) -> str | None:
    if not c.fee_paid:
        return "申请人未缴费，无需退费"
    return "信息处理费已退还" if c.fee_refunded else None


_RULES: dict[EventKind, _Rule] = {
    EventKind.ACKNOWLEDGED: lambda c, s, f: "已出具受理回执" if c.acknowledged else None,
    EventKind.CORRECTION_REQUESTED: _correction_requested,
    EventKind.CORRECTION_RECEIVED: _while_correcting,
    EventKind.CORRECTION_EXPIRED: _while_correcting,
    EventKind.REASONS_REQUESTED: _reasons_requested,
    EventKind.REASONS_RECEIVED: _reasons_received,
    EventKind.LATER_DEADLINE_SET: _later_deadline,
    EventKind.CONSULTATION_OPENED: _not_correcting(EventKind.CONSULTATION_OPENED),
    EventKind.CONSULTATION_DELIVERED: _consultation_followup(undelivered=True),
    EventKind.CONSULTATION_ANSWERED: _consultation_followup(undelivered=False),
    EventKind.THIRD_PARTY_NOTIFIED: _third_party_notified,
    EventKind.EXTENSION_APPROVED: _extension,
    EventKind.FEE_NOTICE_SENT: _fee_notice,
    EventKind.FEE_NOTICE_DELIVERED: _fee_delivered,
    EventKind.FEE_PAID: _fee_open,
    EventKind.FEE_WAIVED: _fee_open,
    EventKind.FEE_EXPIRED: _fee_open,
    EventKind.FEE_REFUNDED: _fee_refunded,
    EventKind.REPLY_SENT: _not_correcting(EventKind.REPLY_SENT),
}


def compute(
    events: Sequence[Event],
    calendar: Calendar,
    policy: Policy = Policy(),  # noqa: B008 - frozen, so one shared default is safe
    today: date | None = None,
) -> State:
    """Replay a timeline (in date order; the first event must be RECEIVED) into a State.

    `today` projects open pauses (a consultation or fee wait is treated as ending that day),
    decides `overdue`, and filters `allowed` by the deadlines already past. Raises InvalidEvent
    for an impossible sequence.
    """
    if not events:
        raise InvalidEvent("时间线为空：第一个事件必须是收到申请")
    first = events[0]
    if first.kind is not EventKind.RECEIVED:
        raise InvalidEvent(f"第一个事件必须是收到申请，而不是{first.kind.label}")
    if first.days is not None:
        raise InvalidEvent("收到申请不需要填写工作日数")
    clock = _Clock(calendar, policy, first)
    for position, event in enumerate(events[1:], start=1):
        clock.apply(event, position)
    return clock.state(today)
