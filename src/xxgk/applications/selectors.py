"""Reading applications: every query is scoped to what the user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import F, Q, QuerySet
from django.http import Http404

from xxgk.agencies.selectors import agencies_handled, agencies_headed, agencies_readable
from xxgk.applications.clock import live_events, state_of
from xxgk.applications.models import Application, ApplicationEvent, Attachment
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


def application_list(*, user: Viewer, filters: Filters | None = None) -> QuerySet[Application]:
    """The applications of the agencies the user may read, due soonest first."""
    qs = Application.objects.filter(agency__in=agencies_readable(user=user)).select_related(
        "agency"
    )
    f = filters or Filters()
    if f.q:
        qs = qs.filter(
            Q(number__icontains=f.q)
            | Q(applicant_name__icontains=f.q)
            | Q(request_text__icontains=f.q)
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
    return qs.order_by(F("due_on").asc(nulls_last=True), "received_on", "id")


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
            pk=pk, application__agency__in=agencies_readable(user=user)
        )
    except Attachment.DoesNotExist:
        raise Http404("没有这个附件，或您无权查看。") from None


def user_can_handle(*, user: Viewer, application: Application) -> bool:
    """Officers and heads of the application's agency record its events."""
    return agencies_handled(user=user).filter(pk=application.agency_id).exists()


def user_is_head(*, user: Viewer, application: Application) -> bool:
    return agencies_headed(user=user).filter(pk=application.agency_id).exists()


def application_actions(*, user: Viewer, application: Application, state: State) -> list[EventKind]:
    """The events this user may record now: what the clock allows, cut down by role (an
    extension needs the head)."""
    if not user_can_handle(user=user, application=application):
        return []
    head = user_is_head(user=user, application=application)
    kinds = [k for k in EventKind if k in state.allowed and k not in _NOT_ACTIONS]
    return [k for k in kinds if k != EventKind.EXTENSION_APPROVED or head]
