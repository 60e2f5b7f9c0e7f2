"""The bridge between the stored timeline and the statutory clock (`xxgk.workdays.clock`).

Nothing here counts days: it turns rows into `Event`s, builds the `Calendar` with the years
administrators entered, and asks `compute`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.applications.choices import VOID, DeadlineKind
from xxgk.applications.models import ApplicationEvent, CalendarYear
from xxgk.report import editions
from xxgk.workdays import Calendar
from xxgk.workdays.clock import Event, EventKind, Policy, State, compute

# Events that end an application without a reply, and the table-3 row they are counted in.
CLOSING_OUTCOMES = {
    EventKind.CORRECTION_EXPIRED: "other_no_correction",
    EventKind.FEE_EXPIRED: "other_no_fee",
    EventKind.WITHDRAWN: "other_other",  # 撤回 is counted under （六）3.其他
}


def calendar_current() -> Calendar:
    """The official calendar with every year an administrator entered."""
    return Calendar({cy.year: cy.year_days() for cy in CalendarYear.objects.all()})


def live_events(events: Iterable[ApplicationEvent]) -> list[ApplicationEvent]:
    """The events that count: not corrections, and not voided by one; in recorded order."""
    rows = list(events)
    voided = {e.voids_id for e in rows if e.kind == VOID}
    return in_clock_order([e for e in rows if e.kind != VOID and e.pk not in voided])


def in_clock_order(events: Iterable[ApplicationEvent]) -> list[ApplicationEvent]:
    """The order the clock replays: by date, then as recorded (an unsaved event last).

    The receipt comes first whatever its date: a corrected receipt is recorded after the
    events it precedes, and the clock then says whether the timeline still holds.
    """
    return sorted(
        events,
        key=lambda e: (e.kind != EventKind.RECEIVED, e.on, e.pk if e.pk is not None else 1 << 62),
    )


def clock_event(row: ApplicationEvent) -> Event:
    return Event(EventKind(row.kind), row.on, row.days, ref=row.ref_id, id=row.pk, until=row.until)


def policy_for(agency: Agency) -> Policy:
    """The agency's choices where the Regulation leaves them open; the statute's numbers else."""
    return Policy(
        correction_period_days=agency.correction_period_days,
        reasons_period_days=agency.reasons_period_days,
        fee_pauses_clock=agency.fee_pauses_clock,
    )


class _Today:
    """Marker for "today in Asia/Shanghai", the default `today` of `state_of`."""


TODAY = _Today()


def state_of(
    events: Sequence[ApplicationEvent],
    *,
    calendar: Calendar | None = None,
    today: date | _Today | None = TODAY,
    policy: Policy | None = None,
) -> State:
    """The clock's state for these live events. Raises `InvalidEvent` (Chinese message).

    `policy`: the agency's (`policy_for`); the statute's defaults when not given.

    `today` projects a running consultation or fee wait up to that day; None gives the state
    as of the last event, with `allowed` not filtered by dates (for recording past events).
    """
    return compute(
        [clock_event(e) for e in events],
        calendar if calendar is not None else calendar_current(),
        policy or Policy(),
        today=timezone.localdate() if isinstance(today, _Today) else today,
    )


@dataclass(frozen=True)
class Closing:
    outcome: str
    closed_on: date | None


def closing_of(events: Sequence[ApplicationEvent]) -> Closing:
    """The outcome (a table-3 row key) and the day the application was closed, if it was."""
    for e in reversed(events):
        if e.kind == EventKind.REPLY_SENT:
            return Closing(e.outcome, e.on)
        if e.kind in CLOSING_OUTCOMES:
            key = CLOSING_OUTCOMES[EventKind(e.kind)]
            rows = {r.key for r in editions.for_year(e.on.year).outcome_rows}
            # The 2019 edition has a single （六）其他处理 row.
            return Closing(key if key in rows else "other", e.on)
    return Closing("", None)


@dataclass(frozen=True)
class Deadline:
    """One running deadline of an open application."""

    kind: str  # reply, correction_period, reasons, consultation, fee
    on: date
    label: str  # what is due, in Chinese


def _deadline(kind: DeadlineKind, on: date) -> Deadline:
    return Deadline(kind.value, on, kind.label)


def deadlines_of(state: State) -> list[Deadline]:
    """Every deadline still running, soonest first: the agency's and the other side's.

    The 7 working days for a correction notice are left out: most applications need none, so
    it is shown on the application, not chased.
    """
    if state.status.closed:
        return []
    found = []
    if state.due_on is not None:
        found.append(_deadline(DeadlineKind.REPLY, state.due_on))
    if state.correction_period_due is not None:
        found.append(_deadline(DeadlineKind.CORRECTION_PERIOD, state.correction_period_due))
    if state.reasons_due is not None:
        found.append(_deadline(DeadlineKind.REASONS, state.reasons_due))
    for c in state.consultations:
        if c.due_on is not None and c.answered_on is None and not c.lapsed:
            found.append(_deadline(DeadlineKind.CONSULTATION, c.due_on))
    if state.fee_due is not None:
        found.append(_deadline(DeadlineKind.FEE, state.fee_due))
    return sorted(found, key=lambda d: d.on)


@dataclass(frozen=True)
class Urgency:
    key: str  # overdue, soon, week, "" (CSS class and filter value)
    label: str


URGENCY_NONE = Urgency("", "")


def urgency(due: date | None, *, calendar: Calendar, today: date) -> Urgency:
    """Overdue; due within 3 working days; due this week (by Sunday) — the most pressing
    of them, though the queue's week chip also counts what is due within 3 working days."""
    if due is None:
        return URGENCY_NONE
    if due < today:
        return Urgency("overdue", "已逾期")
    if due <= calendar.add_workdays(today, 3).end:
        return Urgency("soon", "3 个工作日内到期")
    if due <= today + timedelta(days=6 - today.weekday()):
        return Urgency("week", "本周到期")
    return URGENCY_NONE
