"""Deadline reminders: once a day, each officer and head is told of every deadline of their
agency that has passed or falls within 3 working days — an application's reply, the
applicant's correction or payment period, a consultation's answer, Art. 35 reasons, and the
written answer of a review or lawsuit. A reminder sent today is not sent again today, so the
command is safe to run twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, holders
from xxgk.appeals.models import Appeal
from xxgk.applications.clock import (
    calendar_current,
    deadlines_of,
    live_events,
    policy_for,
    state_of,
    urgency,
)
from xxgk.applications.models import Application, ReminderSent
from xxgk.applications.selectors import UrgencyBounds
from xxgk.applications.services import application_refresh
from xxgk.workdays import Calendar

URGENT = frozenset({"overdue", "soon"})
# What the officer can do when the other side's period has run out.
AFTER = {
    "correction_period": "可记录逾期未补正",
    "fee": "可记录逾期未缴费",
    "consultation": "对方逾期未提出意见的，可依条例作出决定",
    "reasons": "可依条例第三十五条作出决定",
}
# Open statuses whose stored due date moves as the days pass (a wait that has not ended).
RUNNING = ("in_consultation", "awaiting_fee", "awaiting_correction")


@dataclass(frozen=True)
class Due:
    key: str  # what makes the reminder unique for a day
    agency_id: int
    what: str  # the case: number, agency, party
    label: str  # the deadline: 答复期限, 申请人缴费期限, …
    due_on: date
    urgency: str  # 已逾期 / 3 个工作日内到期
    hint: str = ""

    def line(self) -> str:
        hint = f"；{self.hint}" if self.hint and self.urgency == "已逾期" else ""
        return f"{self.what}：{self.label} {self.due_on.isoformat()}，{self.urgency}{hint}"


def applications_refresh_running(*, today: date, calendar: Calendar) -> int:
    """Re-date the open applications whose due date moves with the days (a consultation or a
    fee still awaited): the stored columns the queue reads stay true. Returns how many moved."""
    moved = 0
    for application in Application.objects.filter(status__in=RUNNING).select_related("agency"):
        moved += application_refresh(application=application, calendar=calendar, today=today)
    return moved


def _application_dues(today: date, calendar: Calendar, bounds: UrgencyBounds) -> list[Due]:
    found = []
    near = Application.objects.filter(
        closed_on__isnull=True, next_due_on__lte=bounds.soon
    ).select_related("agency")
    for application in near.prefetch_related("events"):
        state = state_of(
            live_events(application.events.all()),
            calendar=calendar,
            today=today,
            policy=policy_for(application.agency),
        )
        for deadline in deadlines_of(state):
            level = urgency(deadline.on, calendar=calendar, today=today)
            if level.key in URGENT:
                found.append(
                    Due(
                        key=f"application:{application.pk}:{deadline.kind}:{deadline.on}",
                        agency_id=application.agency_id,
                        what=f"{application.number}（{application.agency.name}，"
                        f"{application.applicant_name}）",
                        label=deadline.label,
                        due_on=deadline.on,
                        urgency=level.label,
                        hint=AFTER.get(deadline.kind, ""),
                    )
                )
    return found


def _appeal_dues(today: date, calendar: Calendar, bounds: UrgencyBounds) -> list[Due]:
    found = []
    pending = Appeal.objects.filter(
        decided_on__isnull=True, answered_on__isnull=True, answer_due_on__lte=bounds.soon
    ).select_related("agency")
    for appeal in pending:
        level = urgency(appeal.answer_due_on, calendar=calendar, today=today)
        found.append(
            Due(
                key=f"appeal:{appeal.pk}:answer:{appeal.answer_due_on}",
                agency_id=appeal.agency_id,
                what=f"{appeal.case_number}（{appeal.agency.name}，{appeal.get_kind_display()}）",
                label="答复（答辩状）期限",
                due_on=appeal.answer_due_on,
                urgency=level.label,
            )
        )
    return found


def reminders_due(*, today: date) -> dict[User, list[Due]]:
    """Who must be reminded of what: the officers and heads (with an e-mail address) of each
    agency with deadlines passed or within 3 working days."""
    calendar = calendar_current()
    bounds = UrgencyBounds.of(today, calendar)
    urgent: dict[int, list[Due]] = defaultdict(list)
    for due in [
        *_application_dues(today, calendar, bounds),
        *_appeal_dues(today, calendar, bounds),
    ]:
        urgent[due.agency_id].append(due)
    recipients: dict[User, list[Due]] = defaultdict(list)
    for agency in Agency.objects.filter(pk__in=list(urgent)):
        # Those who may act on the agency's cases (the policy): its officers and heads.
        for membership in holders(Action.APPLICATION_RECORD_EVENT, agency):
            user = membership.user
            if user.email and user.is_active and urgent[agency.pk][0] not in recipients[user]:
                recipients[user].extend(urgent[agency.pk])
    return {user: sorted(items, key=lambda d: d.due_on) for user, items in recipients.items()}


def _not_yet_sent(user: User, items: list[Due], today: date) -> list[Due]:
    """The items not yet sent to `user` today, marked sent now (one row each, unique)."""
    fresh = []
    for item in items:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, key=item.key, day=today)
        except IntegrityError:
            continue  # sent already today: by an earlier run, or another worker now
        fresh.append(item)
    return fresh


def reminders_send(*, today: date | None = None) -> int:
    """Re-date the running cases, then send today's reminders by e-mail, each item at most once
    a day to each person; returns how many e-mails were sent."""
    today = today or timezone.localdate()
    applications_refresh_running(today=today, calendar=calendar_current())
    sent = 0
    for user, items in reminders_due(today=today).items():
        fresh = _not_yet_sent(user, items, today)
        if not fresh:
            continue
        sent += send_mail(
            subject=f"政府信息公开期限提醒（{today.isoformat()}，{len(fresh)} 项）",
            message="以下期限已届满或即将届满，请及时办理：\n\n"
            + "\n".join(d.line() for d in fresh),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    return sent
