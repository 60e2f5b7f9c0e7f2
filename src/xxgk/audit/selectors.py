"""Reading the audit log: an administrator sees the records of the agencies they administer
(`policy`: audit_log.read)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, Viewer, can, scope
from xxgk.audit.models import AuditLog


@dataclass(frozen=True)
class AuditFilters:
    """The log page's filters; blank means "any"."""

    event_type: int | None = None
    agency: Agency | None = None  # one of `audit_log_agencies`
    with_descendants: bool = False  # with `agency`: also the agencies below it


def audit_log_agencies(*, user: Viewer) -> QuerySet[Agency]:
    """The agencies whose records the user may read: what the log filters by."""
    return scope(user, Action.AUDIT_LOG_READ)


def audit_log_list(*, user: Viewer, filters: AuditFilters | None = None) -> QuerySet[AuditLog]:
    """The records a user may read, newest first: those of the agencies the user administers
    and, since calendar years and letter templates belong to no agency, those of no agency for
    any administrator (a superuser administers every agency)."""
    if not can(user, Action.AUDIT_LOG_READ):
        return AuditLog.objects.none()
    readable = Q(agency__in=audit_log_agencies(user=user)) | Q(agency__isnull=True)
    qs = AuditLog.objects.filter(readable).select_related("actor", "agency")
    f = filters or AuditFilters()
    if f.event_type is not None:
        qs = qs.filter(event_type=f.event_type)
    if f.agency is not None:
        if f.with_descendants:
            qs = qs.filter(agency__path__startswith=f.agency.path)
        else:
            qs = qs.filter(agency=f.agency)
    return qs.order_by("-event_time", "-id")
