"""Reading applications: every query is scoped to what the user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, F, Q, QuerySet, Sum
from django.http import Http404

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, can, scope
from xxgk.applications.clock import live_events, state_of
from xxgk.applications.models import Application, ApplicationEvent, Attachment
from xxgk.workdays import Calendar
from xxgk.workdays.clock import EventKind, State

Viewer = User | AnonymousUser  # whoever is asking, logged in or not

# Events no one records from the application page: receipt is the registration itself.
_NOT_ACTIONS = frozenset({EventKind.RECEIVED})


@dataclass(frozen=True)
class Filters:
    """The work queue's search and filters; blank means "any"."""

    q: str = ""
    status: str = ""
    outcome: str = ""
    applicant_kind: str = ""
    channel: str = ""
    year: int | None = None
    with_carried_over: bool = False  # with `year`: also those carried over from earlier years
    open_only: bool = False
    agency: int | None = None
    urgency: str = ""  # overdue, soon, week: by the stored nearest deadline


def application_list(*, user: Viewer, filters: Filters | None = None) -> QuerySet[Application]:
    """The applications of the agencies the user may read (`policy`: application.read), due
    soonest first."""
    return _filtered(scope(user, Action.APPLICATION_READ), filters)


def application_export(*, user: Viewer, filters: Filters | None = None) -> QuerySet[Application]:
    """What the CSV export holds: `application_list`, on the agencies the user may export from
    (`policy`: application.export)."""
    return _filtered(scope(user, Action.APPLICATION_EXPORT), filters)


def _filtered(agencies: QuerySet[Agency], filters: Filters | None) -> QuerySet[Application]:
    qs = Application.objects.filter(agency__in=agencies).select_related("agency")
    f = filters or Filters()
    if f.q:
        # A word without letters (Chinese, an application number) matches the same rows with
        # LIKE as with UPPER(…) LIKE UPPER(…), and PostgreSQL then estimates its rows well.
        lookup = "contains" if f.q.lower() == f.q.upper() else "icontains"
        qs = qs.filter(
            Q(**{f"number__{lookup}": f.q})
            | Q(**{f"applicant_name__{lookup}": f.q})
            | Q(**{f"request_text__{lookup}": f.q})
        )
    if f.status:
        qs = qs.filter(status=f.status)
    if f.outcome:
        qs = qs.filter(outcome=f.outcome)
    if f.applicant_kind:
        qs = qs.filter(applicant_kind=f.applicant_kind)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.year:
        received = Q(received_on__year=f.year)
        if f.with_carried_over:
            # 上年结转: received before the year and still open when it began.
            received |= Q(received_on__year__lt=f.year) & (
                Q(closed_on__isnull=True) | Q(closed_on__year__gte=f.year)
            )
        qs = qs.filter(received)
    if f.open_only:
        qs = qs.filter(closed_on__isnull=True)
    if f.agency:
        qs = qs.filter(agency_id=f.agency)
    return qs.order_by(F("due_on").asc(nulls_last=True), "received_on", "id")


@dataclass(frozen=True)
class UrgencyBounds:
    """The last day of each urgency band as of `today`, on the official calendar.

    The bands `soon` and `week` overlap: what is due on Friday is, on Thursday, both within
    3 working days and due this week, and both chips count it. A row's tag names the more
    pressing band (`clock.urgency`).
    """

    today: date
    soon: date  # due within 3 working days
    week: date  # due by Sunday, overdue ones left out

    @classmethod
    def of(cls, today: date, calendar: Calendar) -> UrgencyBounds:
        return cls(
            today,
            calendar.add_workdays(today, 3).end,
            today + timedelta(days=6 - today.weekday()),
        )

    def q(self, key: str, field: str = "next_due_on") -> Q:
        """Open applications whose stored deadline falls in band `key`."""
        bands = {
            "overdue": Q(**{f"{field}__lt": self.today}),
            "soon": Q(**{f"{field}__gte": self.today, f"{field}__lte": self.soon}),
            "week": Q(**{f"{field}__gte": self.today, f"{field}__lte": self.week}),
        }
        return bands[key]


def application_queue(
    *, user: Viewer, bounds: UrgencyBounds, filters: Filters | None = None
) -> QuerySet[Application]:
    """The open applications the user may read, nearest deadline first — from the stored
    deadline columns, which the services keep fresh, so a page costs a few queries whatever
    the number of cases."""
    f = filters or Filters()
    qs = application_list(user=user, filters=Filters(**{**vars(f), "open_only": True}))
    if f.urgency in ("overdue", "soon", "week"):
        qs = qs.filter(bounds.q(f.urgency))
    return qs.order_by(F("next_due_on").asc(nulls_last=True), "received_on", "id")


def queue_counts(*, user: Viewer, bounds: UrgencyBounds) -> dict[str, int]:
    """How many open applications fall in each urgency band, and how many have a provisional
    deadline (one aggregate query)."""
    qs = application_list(user=user, filters=Filters(open_only=True)).order_by()
    return qs.aggregate(
        **{key: Count("pk", filter=bounds.q(key)) for key in ("overdue", "soon", "week")},
        provisional=Count("pk", filter=Q(due_provisional=True)),
    )


# -- the report year ------------------------------------------------------------------------
# One definition of table 3's boundaries, for the export, the computed report and its drill-down.


@dataclass(frozen=True)
class ReportYear:
    """Table 3's boundaries of one year: `carried_over` = open on 1 January; `new_received` =
    received in the year; outcome rows = closed in the year; `carried_forward` = open on
    31 December."""

    year: int

    @property
    def first(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last(self) -> date:
        return date(self.year, 12, 31)

    def carried_over(self) -> Q:
        return open_on(date(self.year - 1, 12, 31))

    def new_received(self) -> Q:
        return Q(received_on__gte=self.first, received_on__lte=self.last)

    def closed(self) -> Q:
        return Q(closed_on__gte=self.first, closed_on__lte=self.last)

    def carried_forward(self) -> Q:
        return open_on(self.last)


def open_on(day: date) -> Q:
    """Applications open at the end of `day`: received by then, not closed by then."""
    return Q(received_on__lte=day) & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def is_open_on(application: Application, day: date) -> bool:
    """`open_on` for one application in hand (the export's rows), the same rule."""
    received, closed = application.received_on, application.closed_on
    return received is not None and received <= day and (closed is None or closed > day)


def report_year_counts(
    *, applications: QuerySet[Application], year: int
) -> dict[str, dict[str, int]]:
    """Table 3 of `year` by row key and applicant kind, counted with aggregate queries:
    `new_received`, `carried_over`, each outcome row, `carried_forward`."""
    bounds = ReportYear(year)
    rows: dict[str, dict[str, int]] = {}
    for key, q in (
        ("new_received", bounds.new_received()),
        ("carried_over", bounds.carried_over()),
        ("carried_forward", bounds.carried_forward()),
    ):
        found = applications.filter(q).order_by().values("applicant_kind").annotate(n=Count("pk"))
        rows[key] = {r["applicant_kind"]: r["n"] for r in found}
    closed = (
        applications.filter(bounds.closed())
        .order_by()
        .values("outcome", "applicant_kind")
        .annotate(n=Count("pk"))
    )
    for r in closed:
        rows.setdefault(r["outcome"], {})[r["applicant_kind"]] = r["n"]
    return rows


def application_get(*, user: Viewer, pk: int) -> Application:
    """One application the user may read; 404 (not 403) so that others' numbers do not leak."""
    try:
        return application_list(user=user).get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("没有这件申请，或您无权查看。") from None


def application_events(*, application: Application) -> list[ApplicationEvent]:
    """The whole timeline, voided events and corrections included, oldest first."""
    return list(
        application.events.select_related("recorded_by", "voids")
        .prefetch_related("attachments")
        .order_by("recorded_at", "id")
    )


def application_state(*, application: Application, today: date | None = None) -> State:
    return state_of(live_events(application.events.all()), today=today)


def attachment_get(*, user: Viewer, pk: int) -> Attachment:
    try:
        return Attachment.objects.select_related("application").get(
            pk=pk, application__agency__in=scope(user, Action.APPLICATION_READ)
        )
    except Attachment.DoesNotExist:
        raise Http404("没有这个附件，或您无权查看。") from None


def user_can_handle(*, user: Viewer, application: Application) -> bool:
    """Whether the user records the application's events (`policy`: application.record_event)."""
    return can(user, Action.APPLICATION_RECORD_EVENT, application)


def user_is_head(*, user: Viewer, application: Application) -> bool:
    """Whether the user approves the application's extension (`policy`:
    application.approve_extension)."""
    return can(user, Action.APPLICATION_APPROVE_EXTENSION, application)


def application_actions(*, user: Viewer, application: Application, state: State) -> list[EventKind]:
    """The events this user may record now: what the clock allows, cut down by role (an
    extension needs the head)."""
    if not user_can_handle(user=user, application=application):
        return []
    head = user_is_head(user=user, application=application)
    kinds = [k for k in EventKind if k in state.allowed and k not in _NOT_ACTIONS]
    return [k for k in kinds if k != EventKind.EXTENSION_APPROVED or head]


@dataclass(frozen=True)
class FeeTotals:
    """One kind of fee event of a year: how many, and the amount in yuan."""

    count: int
    amount: Decimal


def fees_of_year(*, applications: QuerySet[Application], year: int) -> dict[str, FeeTotals]:
    """The processing fees of `year` for the annual report (第六部分 of the 2021 format asks
    for the fees collected): `collected` (paid), `waived` and `refunded`, counted by the day
    of the event, voided events left out; one aggregate query each."""
    totals = {}
    for key, kind in (
        ("collected", EventKind.FEE_PAID),
        ("waived", EventKind.FEE_WAIVED),
        ("refunded", EventKind.FEE_REFUNDED),
    ):
        found = ApplicationEvent.objects.filter(
            application__in=applications,
            kind=kind.value,
            on__year=year,
            voided_by__isnull=True,
        ).aggregate(n=Count("pk"), amount=Sum("amount"))
        totals[key] = FeeTotals(found["n"], found["amount"] or Decimal(0))
    return totals
