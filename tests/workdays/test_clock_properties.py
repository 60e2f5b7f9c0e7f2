"""Properties of the clock over random timelines (hypothesis)."""

from datetime import date, timedelta

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from xxgk.workdays import Calendar, Event, EventKind, InvalidEvent, Policy, State, compute

E = EventKind
CALENDAR = Calendar()
POLICIES = st.sampled_from([Policy(), Policy(count_receipt_day=True)])
START = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 3, 31))
CONSULTATION = {E.CONSULTATION_OPENED, E.CONSULTATION_ANSWERED}
DEFAULT = Policy()


def next_event(draw, events: list[Event], kinds) -> Event:
    on = events[-1].on + timedelta(days=draw(st.integers(min_value=0, max_value=25)))
    return with_kind(draw, Event(E.RECEIVED, on), draw(st.sampled_from(sorted(kinds))))


def with_kind(draw, event: Event, kind: EventKind) -> Event:
    """`event` as a `kind`, with what that kind carries: an extension's days, the Art. 35
    deadline (far enough to be later than any reply due date)."""
    days = None
    if kind is E.EXTENSION_APPROVED and draw(st.booleans()):
        days = draw(st.integers(min_value=1, max_value=20))
    until = event.on + timedelta(days=400) if kind is E.LATER_DEADLINE_SET else None
    return Event(kind, event.on, days, until=until)


@st.composite
def timelines(draw, policy: Policy = DEFAULT) -> list[Event]:
    """A valid timeline: each next event is drawn from what the clock allows on its date."""
    events = [Event(E.RECEIVED, draw(START))]
    for _ in range(draw(st.integers(min_value=0, max_value=9))):
        candidate = next_event(draw, events, set(EventKind) - {E.RECEIVED})
        allowed = compute(events, CALENDAR, policy, today=candidate.on).allowed
        if not allowed:
            break
        if candidate.kind not in allowed:
            candidate = with_kind(draw, candidate, draw(st.sampled_from(sorted(allowed))))
        events.append(candidate)
    return events


def due(state: State) -> date | None:
    return state.last_due


def valid(events: list[Event], policy: Policy, today: date) -> State | None:
    try:
        return compute(events, CALENDAR, policy, today=today)
    except InvalidEvent:
        return None


@settings(max_examples=150, deadline=None)
@given(data=st.data(), policy=POLICIES)
def test_allowed_says_exactly_which_event_compute_accepts(data, policy):
    events = data.draw(timelines(policy))
    candidate = next_event(data.draw, events, set(EventKind))
    allowed = compute(events, CALENDAR, policy, today=candidate.on).allowed
    try:
        compute([*events, candidate], CALENDAR, policy)
        accepted = True
    except InvalidEvent:
        accepted = False
    assert accepted == (candidate.kind in allowed)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), policy=POLICIES)
def test_due_dates_never_move_backward(data, policy):
    """Not even the correction restart: the restart day is after the receipt it replaces."""
    events = data.draw(timelines(policy))
    previous: date | None = None
    for i in range(1, len(events) + 1):
        state = compute(events[:i], CALENDAR, policy)
        if not state.status.closed:
            assert state.due_on is not None
            assert state.due_on == state.last_due
        current = due(state)
        if current is None:  # closed while awaiting a correction: no reply period ran
            assert state.status.closed
            continue
        if previous is not None:
            assert current >= previous, (events[:i], previous, current)
        previous = current


@settings(max_examples=400, deadline=None)
@given(data=st.data(), policy=POLICIES)
def test_a_consultation_never_shortens_a_deadline(data, policy):
    events = data.draw(timelines(policy))
    today = events[-1].on
    with_it = compute(events, CALENDAR, policy, today=today)
    without = valid([e for e in events if e.kind not in CONSULTATION], policy, today)
    if without is None or due(without) is None:
        return  # e.g. an extension that was only still possible thanks to the consultation
    event(f"consultation compared: {any(e.kind in CONSULTATION for e in events)}")
    assert due(with_it) >= due(without)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), policy=POLICIES)
def test_an_extension_adds_exactly_its_working_days(data, policy):
    events = data.draw(timelines(policy))
    extension = next((e for e in events if e.kind is E.EXTENSION_APPROVED), None)
    if extension is None:
        return
    days = extension.days or policy.extension_max
    today = events[-1].on
    with_it = compute(events, CALENDAR, policy, today=today)
    without = valid([e for e in events if e is not extension], policy, today)
    if without is None or without.span is None or with_it.span is None:
        return
    event("extension compared")
    assert len(with_it.span.counted) == len(without.span.counted) + days
    assert with_it.span.counted[: len(without.span.counted)] == without.span.counted
    assert with_it.extended
    assert not without.extended


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_impossible_continuations_raise_invalid_event(data):
    events = data.draw(timelines())
    state = compute(events, CALENDAR)
    last = events[-1].on
    any_kind = st.sampled_from(sorted(EventKind))
    if state.status.closed:  # nothing may follow a closed case but the refund of a paid fee
        kind = data.draw(any_kind)
        later = [*events, Event(kind, last + timedelta(1))]
        if kind in state.allowed:
            assert kind is E.FEE_REFUNDED
            assert compute(later, CALENDAR).status is state.status
        else:
            with pytest.raises(InvalidEvent):
                compute(later, CALENDAR)
    # an event dated before the one recorded last
    if last > events[0].on:
        back = last - timedelta(days=data.draw(st.integers(1, (last - events[0].on).days)))
        with pytest.raises(InvalidEvent):
            compute([*events, Event(data.draw(any_kind), back)], CALENDAR)
    # a second extension, a second receipt
    if state.extended:
        with pytest.raises(InvalidEvent):
            compute([*events, Event(E.EXTENSION_APPROVED, last, 1)], CALENDAR)
    with pytest.raises(InvalidEvent):
        compute([*events, Event(E.RECEIVED, last)], CALENDAR)
    # an extension longer than the law allows, whatever the state
    with pytest.raises(InvalidEvent):
        compute([*events, Event(E.EXTENSION_APPROVED, last, 21)], CALENDAR)


@settings(max_examples=200, deadline=None)
@given(
    start=START,
    steps=st.lists(
        st.tuples(
            st.sampled_from(sorted(EventKind)),
            st.integers(min_value=-3, max_value=30),
            st.none() | st.integers(min_value=-5, max_value=30),
        ),
        max_size=8,
    ),
)
def test_any_sequence_gives_a_state_or_invalid_event_never_a_crash(start, steps):
    events = [Event(E.RECEIVED, start)]
    for kind, gap, days in steps:
        events.append(Event(kind, events[-1].on + timedelta(gap), days))
    try:
        state = compute(events, CALENDAR)
    except InvalidEvent as e:
        message = str(e)
    else:
        message = ""
        assert state.explanation
        assert (state.due_on is None) == state.status.closed
    if message:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message)  # a message in Chinese
