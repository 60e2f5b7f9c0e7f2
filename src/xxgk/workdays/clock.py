"""The statutory clock of one disclosure application (Arts. 30–33 of the 2019 Regulation).

An application's timeline is a list of events; `compute` replays them and derives the status,
the reply due date, the other running deadlines, the events that may come next, and a step-by-step
explanation in Chinese. Nothing here is stored: the web app keeps the events, this computes.

Counting conventions (all days are working days on the official `Calendar`):
- reply: `Policy.reply_days` counted from the day after receipt (`count_receipt_day` counts the
  receipt day itself when it is a working day);
- correction (补正, Art. 30): the notice is due within 7 working days of receipt, once; while the
  applicant corrects, the clock stands still; on receipt of the corrected application the full
  period starts again from that day, by the same convention as the first receipt;
- consultation (Arts. 32/34, 33¶3): the days from the day the letter goes out up to the day
  before the answer arrives are not counted, at most the other party's 15 working days; so the
  due date moves later by exactly the working days the consultation lasted;
- extension (Art. 33): once, at most 20 working days, decided while the period still runs;
- processing fee: the applicant pays within 20 working days of the day after the notice; the
  clock stands still from the notice day up to the day before payment (same rule as a
  consultation), because a running clock could expire before the applicant's own time to pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from xxgk.workdays.calendar import Calendar, Pause, Span
from xxgk.workdays.explain import describe_span, iso
from xxgk.workdays.timeline import (
    Event,
    EventKind,
    InvalidEvent,
    Policy,
    State,
    Status,
)

__all__ = ["Event", "EventKind", "InvalidEvent", "Policy", "State", "Status", "compute"]

_NEXT = {
    Status.IN_PROGRESS: frozenset(
        {
            EventKind.CORRECTION_REQUESTED,
            EventKind.CONSULTATION_OPENED,
            EventKind.EXTENSION_APPROVED,
            EventKind.FEE_NOTICE_SENT,
            EventKind.REPLY_SENT,
            EventKind.WITHDRAWN,
        }
    ),
    Status.AWAITING_CORRECTION: frozenset(
        {EventKind.CORRECTION_RECEIVED, EventKind.CORRECTION_EXPIRED, EventKind.WITHDRAWN}
    ),
    # A third party's silence lets the agency decide (Art. 32), so a reply may end a consultation.
    Status.IN_CONSULTATION: frozenset(
        {
            EventKind.CONSULTATION_ANSWERED,
            EventKind.EXTENSION_APPROVED,
            EventKind.REPLY_SENT,
            EventKind.WITHDRAWN,
        }
    ),
    Status.AWAITING_FEE: frozenset(
        {EventKind.FEE_PAID, EventKind.FEE_EXPIRED, EventKind.WITHDRAWN}
    ),
}

_CONSULTATION = "征求意见期间"
_FEE = "等待缴费期间"


@dataclass
class _Opened:
    """A consultation or fee wait: the clock stands still from `on` until it closes."""

    on: date
    limit: date  # the other side's last day; the pause never runs past it
    reason: str
    closed: date | None = None

    def pause(self, as_of: date) -> Pause:
        end = self.closed if self.closed is not None else max(as_of, self.on)
        return Pause(self.on, min(end, self.limit), self.reason)


class _Clock:
    """Replays events one by one, checking each against the state so far."""

    def __init__(self, calendar: Calendar, policy: Policy, first: Event) -> None:
        self.calendar = calendar
        self.policy = policy
        self.status = Status.IN_PROGRESS
        self.received_on = first.on
        self.start = first.on  # the day the reply period counts from
        self.last_on = first.on
        self.notes: list[str] = [self._start_sentence("收到申请日", first.on)]
        self.provisional = False
        self.correction_requested: date | None = None
        self.clock_touched = False  # a consultation, extension or fee: too late for a correction
        self.opened: list[_Opened] = []
        self.extension: int = 0
        self.closed_on: date | None = None
        self.span_at_close: Span | None = None
        self.correction_notice_due = self._span(first.on, policy.correction_notice_days).end

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
        if self.status is Status.AWAITING_CORRECTION:
            # The clock restarts on receipt of the correction: project as if it came `as_of`.
            restart = max(as_of, self.correction_requested or as_of)
            return self._reply_count(restart, ())
        pauses = [o.pause(as_of) for o in self.opened]
        return self._reply_count(self.start, pauses)

    def _reply_count(self, start: date, pauses: Sequence[Pause]) -> Span:
        total = self.policy.reply_days + self.extension
        span = self.calendar.add_workdays(
            start, total, count_start=self.policy.count_receipt_day, pauses=pauses
        )
        self.provisional |= span.provisional
        return span

    def _open(self, kind: str) -> _Opened | None:
        return next((o for o in self.opened if o.reason == kind and o.closed is None), None)

    # -- events -----------------------------------------------------------------------------

    def allowed(self, today: date | None) -> frozenset[EventKind]:
        if self.status.closed or (today is not None and today < self.last_on):
            return frozenset()
        kinds = set(_NEXT[self.status])
        if self.correction_requested is not None or self.clock_touched:
            kinds.discard(EventKind.CORRECTION_REQUESTED)
        if self.extension:
            kinds.discard(EventKind.EXTENSION_APPROVED)
        if any(o.reason == _FEE for o in self.opened):
            kinds.discard(EventKind.FEE_NOTICE_SENT)
        if today is not None:
            kinds = {k for k in kinds if self._date_problem(Event(k, today)) is None}
        return frozenset(kinds)

    def apply(self, event: Event) -> None:
        label = event.kind.label
        if event.on < self.last_on:
            raise InvalidEvent(
                f"{label}的日期 {iso(event.on)} 早于上一事件（{iso(self.last_on)}）："
                "事件须按发生顺序记录"
            )
        if event.kind is EventKind.RECEIVED:
            raise InvalidEvent("一件申请只能有一个收到申请事件")
        if event.days is not None and event.kind is not EventKind.EXTENSION_APPROVED:
            raise InvalidEvent(f"只有延期答复需要填写工作日数，{label}不需要")
        if self.status.closed:
            raise InvalidEvent(
                f"本申请{self.status.label}（{iso(self.closed_on or self.last_on)}），不能再{label}"
            )
        if event.kind not in self.allowed(None):
            raise InvalidEvent(self._why_not(event.kind))
        problem = self._date_problem(event)
        if problem is not None:
            raise InvalidEvent(problem)
        getattr(self, f"_on_{event.kind.value}")(event)
        self.last_on = event.on

    def _why_not(self, kind: EventKind) -> str:
        if kind is EventKind.CORRECTION_REQUESTED and self.correction_requested is not None:
            return "补正只能一次性告知（条例第三十条），本申请已告知过补正"
        if kind is EventKind.CORRECTION_REQUESTED:
            return (
                "已征求意见、延期或发出收费通知后不能再告知补正：补正应在收到申请后及早一次性告知"
            )
        if kind is EventKind.EXTENSION_APPROVED and self.extension:
            return "答复期限只能延长一次（条例第三十三条），本申请已延期"
        if kind is EventKind.FEE_NOTICE_SENT:
            return "本申请已发出过收费通知"
        return f"当前状态为“{self.status.label}”，不能{kind.label}"

    def _date_problem(self, event: Event) -> str | None:
        """Why `event` cannot happen on its date (deadlines already past), or None."""
        kind, on = event.kind, event.on
        if kind is EventKind.CORRECTION_REQUESTED and on > self.correction_notice_due:
            return (
                f"补正应在收到申请后 {self.policy.correction_notice_days} 个工作日内一次性告知"
                f"（至 {iso(self.correction_notice_due)}），{iso(on)} 已超过该期限"
            )
        if kind in (
            EventKind.CONSULTATION_OPENED,
            EventKind.EXTENSION_APPROVED,
            EventKind.FEE_NOTICE_SENT,
        ):
            due = self.reply_span(on).end
            if on > due:
                return f"答复期限 {iso(due)} 已届满，{iso(on)} 不能再{kind.label}"
        if kind is EventKind.EXTENSION_APPROVED:
            days = self.policy.extension_max if event.days is None else event.days
            if not 1 <= days <= self.policy.extension_max:
                return (
                    f"延期应为 1 至 {self.policy.extension_max} 个工作日（条例第三十三条：延长期限"
                    f"最长不超过 {self.policy.extension_max} 个工作日），所填为 {days} 个工作日"
                )
        fee = self._open(_FEE)
        if kind is EventKind.FEE_PAID and fee is not None and on > fee.limit:
            return f"缴费期限至 {iso(fee.limit)}，{iso(on)} 已逾期，应记录逾期未缴费"
        if kind is EventKind.FEE_EXPIRED and fee is not None and on <= fee.limit:
            return f"缴费期限至 {iso(fee.limit)}，{iso(on)} 尚未届满"
        return None

    def _on_correction_requested(self, e: Event) -> None:
        self.correction_requested = e.on
        self.status = Status.AWAITING_CORRECTION
        self.notes.append(
            f"{iso(e.on)} 一次性告知补正（期限 {iso(self.correction_notice_due)} 内）；"
            "等待补正期间答复期限不计算。"
        )

    def _on_correction_received(self, e: Event) -> None:
        self.start = e.on
        self.status = Status.IN_PROGRESS
        self.notes.append(
            self._start_sentence("收到补正后的申请", e.on).replace("自次日", "重新自次日")
        )

    def _on_correction_expired(self, e: Event) -> None:
        self._close(
            e, Status.CLOSED_NO_CORRECTION, "申请人无正当理由逾期未补正，视为放弃申请，终止办理。"
        )

    def _on_consultation_opened(self, e: Event) -> None:
        limit = self._span(e.on, self.policy.consultation_days).end
        self.opened.append(_Opened(e.on, limit, _CONSULTATION))
        self.clock_touched = True
        self.status = Status.IN_CONSULTATION
        self.notes.append(
            f"{iso(e.on)} 征求第三方或其他机关意见，对方答复期限至 {iso(limit)}"
            f"（{self.policy.consultation_days} 个工作日）；自发函当日起至收到意见前一日，"
            "工作日不计入答复期限。"
        )

    def _on_consultation_answered(self, e: Event) -> None:
        self._end_consultation(e.on, "收到意见")
        self.status = Status.IN_PROGRESS

    def _end_consultation(self, on: date, what: str) -> None:
        opened = self._open(_CONSULTATION)
        if opened is None:
            return
        opened.closed = on
        pause = opened.pause(on)
        paused = self._paused_workdays(pause)
        late = "" if on <= opened.limit else f"（晚于 {iso(opened.limit)}，超出部分照常计入）"
        self.notes.append(f"{iso(on)} {what}{late}：征求意见期间 {paused} 个工作日不计入答复期限。")

    def _paused_workdays(self, pause: Pause) -> int:
        n = 0
        for ordinal in range(pause.start.toordinal(), pause.end.toordinal()):
            info = self.calendar.day(date.fromordinal(ordinal))
            self.provisional |= not info.known
            n += info.workday
        return n

    def _on_extension_approved(self, e: Event) -> None:
        self.extension = self.policy.extension_max if e.days is None else e.days
        self.clock_touched = True
        self.notes.append(
            f"{iso(e.on)} 经政府信息公开工作机构负责人同意，延期答复 {self.extension} 个工作日"
            "（条例第三十三条）。"
        )

    def _on_fee_notice_sent(self, e: Event) -> None:
        limit = self._span(e.on, self.policy.fee_payment_days).end
        self.opened.append(_Opened(e.on, limit, _FEE))
        self.clock_touched = True
        self.status = Status.AWAITING_FEE
        self.notes.append(
            f"{iso(e.on)} 发出收费通知，申请人应自次日起 {self.policy.fee_payment_days} 个"
            f"工作日内（至 {iso(limit)}）缴费；等待缴费期间答复期限暂停计算"
            "（法规未明确，本系统按暂停处理，以免答复期限先于申请人的缴费期届满）。"
        )

    def _on_fee_paid(self, e: Event) -> None:
        opened = self._open(_FEE)
        assert opened is not None  # status AWAITING_FEE guarantees it
        opened.closed = e.on
        paused = self._paused_workdays(opened.pause(e.on))
        self.status = Status.IN_PROGRESS
        self.notes.append(f"{iso(e.on)} 申请人缴费：等待缴费期间 {paused} 个工作日不计入答复期限。")

    def _on_fee_expired(self, e: Event) -> None:
        self._close(e, Status.CLOSED_NO_FEE, "申请人逾期未缴纳信息处理费，视为放弃申请，终止办理。")

    def _on_reply_sent(self, e: Event) -> None:
        self._end_consultation(e.on, "答复时仍未收到意见，征求意见结束")
        self._close(e, Status.REPLIED, "已答复。")

    def _on_withdrawn(self, e: Event) -> None:
        self._close(e, Status.WITHDRAWN, "申请人撤回申请。")

    def _close(self, e: Event, status: Status, sentence: str) -> None:
        if self.status is not Status.AWAITING_CORRECTION:
            self.span_at_close = self.reply_span(e.on)
        for o in self.opened:
            if o.closed is None:
                o.closed = e.on
        self.status = status
        self.closed_on = e.on
        self.notes.append(f"{iso(e.on)} {sentence}")

    # -- result -----------------------------------------------------------------------------

    def state(self, today: date | None) -> State:
        as_of = max(today, self.last_on) if today is not None else self.last_on
        if self.status.closed:
            due_at_close = self.span_at_close.end if self.span_at_close else None
            overdue = (
                due_at_close is not None
                and self.closed_on is not None
                and self.closed_on > due_at_close
            )
            notes = list(self.notes)
            if self.status is Status.REPLIED and due_at_close is not None:
                notes.append(
                    f"答复期限为 {iso(due_at_close)}，"
                    + ("逾期答复。" if overdue else "在期限内答复。")
                )
            return State(
                status=self.status,
                due_on=None,
                provisional=self.provisional,
                explanation=tuple(notes),
                allowed=frozenset(),
                correction_notice_due=None,
                consultation_due=None,
                fee_due=None,
                extended=bool(self.extension),
                last_due=due_at_close,
                closed_on=self.closed_on,
                overdue=overdue,
                span=self.span_at_close,
            )
        span = self.reply_span(as_of)
        notes = [*self.notes, *self._pending_notes(as_of), self._due_sentence(span)]
        consultation, fee = self._open(_CONSULTATION), self._open(_FEE)
        correction_pending = self.correction_requested is None and not self.clock_touched
        return State(
            status=self.status,
            due_on=span.end,
            provisional=self.provisional,
            explanation=tuple(notes),
            allowed=self.allowed(today),
            correction_notice_due=self.correction_notice_due if correction_pending else None,
            consultation_due=consultation.limit if consultation else None,
            fee_due=fee.limit if fee else None,
            extended=bool(self.extension),
            last_due=span.end,
            overdue=today is not None and today > span.end,
            span=span,
        )

    def _pending_notes(self, as_of: date) -> list[str]:
        if self.status is Status.AWAITING_CORRECTION:
            return [
                f"尚待补正：收到补正材料后重新起算 {self.policy.reply_days} 个工作日；"
                f"下列期限按 {iso(as_of)} 收到补正推算，实际随补正日顺延。"
            ]
        notes = []
        for o in self.opened:
            if o.closed is None:
                what = "意见尚未收到" if o.reason == _CONSULTATION else "申请人尚未缴费"
                notes.append(
                    f"{what}：暂按截至 {iso(max(as_of, o.on))} 计算，实际期限随之顺延"
                    f"（最迟至 {iso(o.limit)}）。"
                )
        return notes

    def _due_sentence(self, span: Span) -> str:
        total = self.policy.reply_days + self.extension
        parts = f"{self.policy.reply_days} + 延期 {self.extension}" if self.extension else ""
        count = f"共 {total} 个工作日" + (f"（{parts}）" if parts else "")
        sentence = f"{count}：{describe_span(span)}；答复期限 {iso(span.end)}。"
        if span.provisional:
            sentence += "（暂定：涉及尚未录入节假日安排的年份）"
        return sentence


def compute(
    events: Sequence[Event],
    calendar: Calendar,
    policy: Policy = Policy(),  # noqa: B008 - frozen, so one shared default is safe
    today: date | None = None,
) -> State:
    """Replay a timeline (in recorded order; the first event must be RECEIVED) into a State.

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
    for event in events[1:]:
        clock.apply(event)
    return clock.state(today)
