"""Reading the audit log: an administrator sees the records of the agencies they administer."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from xxgk.agencies.selectors import agencies_administered
from xxgk.audit.models import AuditLog


def audit_log_list(*, user: User | AnonymousUser) -> QuerySet[AuditLog]:
    """The records a user may read: all of them for a superuser, else those of the agencies the
    user administers (and, for calendar years, which belong to no agency, any administrator)."""
    if not user.is_authenticated:
        return AuditLog.objects.none()
    if getattr(user, "is_superuser", False):
        return AuditLog.objects.select_related("actor", "agency")
    agencies = agencies_administered(user=user)
    if not agencies.exists():
        return AuditLog.objects.none()
    return AuditLog.objects.filter(Q(agency__in=agencies) | Q(agency__isnull=True)).select_related(
        "actor", "agency"
    )
