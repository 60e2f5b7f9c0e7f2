"""Daily answer-deadline reminders for 咨询 and 建议, in the pattern of the applications' (see
`xxgk.applications.reminders`): each officer and head is e-mailed the open enquiries of their
agency whose deadline has passed or falls within 3 working days, each at most once a day (the
same `ReminderSent` rows, so running it twice sends nothing twice)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.agencies.policy import Action, holders
from xxgk.applications.clock import calendar_current, urgency
from xxgk.applications.models import ReminderSent
from xxgk.enquiries.models import Enquiry

URGENT = frozenset({"overdue", "soon"})


@dataclass(frozen=True)
class EnquiryDue:
    key: str  # unique for a day: "enquiry:<pk>:<due_on>"
    line: str


def enquiry_reminders_due(*, today: date) -> dict[User, list[EnquiryDue]]:
    """Who must be reminded of which open enquiries: those who may answer them (the policy's
    ENQUIRY_ANSWER: the agency's officers and heads) with an e-mail address."""
    calendar = calendar_current()
    by_agency: dict[int, list[EnquiryDue]] = defaultdict(list)
    agencies = {}
    for enquiry in Enquiry.objects.filter(answered_on__isnull=True).select_related("agency"):
        level = urgency(enquiry.due_on, calendar=calendar, today=today)
        if level.key in URGENT:
            agencies[enquiry.agency_id] = enquiry.agency
            by_agency[enquiry.agency_id].append(
                EnquiryDue(
                    key=f"enquiry:{enquiry.pk}:{enquiry.due_on.isoformat()}",
                    line=f"{enquiry.number}（{enquiry.agency.name}，{enquiry.get_kind_display()}："
                    f"{enquiry.subject}）：答复期限 {enquiry.due_on.isoformat()}，{level.label}",
                )
            )
    recipients: dict[User, list[EnquiryDue]] = defaultdict(list)
    for agency_id, items in by_agency.items():
        for membership in holders(Action.ENQUIRY_ANSWER, agencies[agency_id]):
            user = membership.user
            if user.email and user.is_active:
                recipients[user].extend(items)
    return dict(recipients)


def _not_yet_sent(user: User, items: list[EnquiryDue], today: date) -> list[EnquiryDue]:
    fresh = []
    for item in items:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, key=item.key, day=today)
        except IntegrityError:
            continue  # sent already today: by an earlier run, or another worker now
        fresh.append(item)
    return fresh


def enquiry_reminders_send(*, today: date | None = None) -> int:
    """E-mail today's reminders; returns how many e-mails were sent."""
    today = today or timezone.localdate()
    sent = 0
    for user, items in enquiry_reminders_due(today=today).items():
        fresh = _not_yet_sent(user, items, today)
        if not fresh:
            continue
        sent += send_mail(
            subject=f"咨询建议答复期限提醒（{today.isoformat()}，{len(fresh)} 件）",
            message="以下咨询、建议的答复期限（本机关规定）已届满或即将届满，请及时答复：\n\n"
            + "\n".join(d.line for d in fresh),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    return sent
