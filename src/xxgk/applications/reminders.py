"""Deadline reminders: each officer and head is told, once a day, of their agency's open
applications that are overdue or due within 3 working days."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.utils import timezone

from xxgk.agencies.models import Membership, Role
from xxgk.applications.clock import calendar_current, live_events, state_of, urgency
from xxgk.applications.models import Application

URGENT = frozenset({"overdue", "soon"})


@dataclass(frozen=True)
class Due:
    application: Application
    due_on: date
    label: str  # 已逾期 / 3 个工作日内到期


def reminders_due(*, today: date) -> dict[User, list[Due]]:
    """Who must be reminded of what: the officers and heads (with an e-mail address) of each
    agency with urgent open applications."""
    calendar = calendar_current()
    urgent: dict[int, list[Due]] = defaultdict(list)
    open_apps = Application.objects.filter(closed_on__isnull=True).prefetch_related("events")
    for application in open_apps.select_related("agency"):
        state = state_of(live_events(application.events.all()), calendar=calendar, today=today)
        level = urgency(state.due_on, calendar=calendar, today=today)
        if state.due_on is not None and level.key in URGENT:
            urgent[application.agency_id].append(Due(application, state.due_on, level.label))
    recipients: dict[User, list[Due]] = defaultdict(list)
    staff = Membership.objects.filter(
        agency_id__in=list(urgent), role__in=[Role.OFFICER, Role.HEAD]
    ).select_related("user")
    for membership in staff:
        if membership.user.email and membership.user.is_active:
            recipients[membership.user].extend(urgent[membership.agency_id])
    return {user: sorted(items, key=lambda d: d.due_on) for user, items in recipients.items()}


def reminders_send(*, today: date | None = None) -> int:
    """Send today's reminders by e-mail; returns how many were sent."""
    today = today or timezone.localdate()
    sent = 0
    for user, items in reminders_due(today=today).items():
        lines = [
            f"{d.application.number}（{d.application.agency.name}，{d.application.applicant_name}）"
            f"：答复期限 {d.due_on.isoformat()}，{d.label}"
            for d in items
        ]
        sent += send_mail(
            subject=f"政府信息公开申请期限提醒（{today.isoformat()}，{len(items)} 件）",
            message="以下申请已逾期或即将到期，请及时办理：\n\n" + "\n".join(lines),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    return sent
