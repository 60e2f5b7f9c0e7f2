"""Which agencies a user may see or act for, by role: named shortcuts to `policy.scope`, which
holds the rules."""

from __future__ import annotations

from django.db.models import QuerySet

from xxgk.agencies.models import Agency, Membership, Role
from xxgk.agencies.policy import Action, Viewer, can, scope


def agencies_readable(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies whose applications the user may read: each officer's or head's agency, and each
    supervisor's agency with everything below it (`policy`: application.read)."""
    return scope(user, Action.APPLICATION_READ)


def agencies_handled(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies for which the user registers applications and records events (officer, head)."""
    return scope(user, Action.APPLICATION_RECORD_EVENT)


def agencies_headed(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies whose head the user is: who approves extensions and signs replies."""
    return scope(user, Action.APPLICATION_APPROVE_EXTENSION)


def agencies_administered(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies the user administers: each administrator membership and everything below (all of
    them for a superuser). Every administrator action reaches the same agencies."""
    return scope(user, Action.STAFF_EDIT)


def user_is_administrator(*, user: Viewer) -> bool:
    """May manage the calendar, letter templates and read the audit log."""
    return can(user, Action.CALENDAR_EDIT)


def agency_head(*, agency: Agency) -> Membership | None:
    """The head who signs the agency's replies (the first one, if there are several)."""
    return (
        Membership.objects.filter(agency=agency, role=Role.HEAD)
        .select_related("user")
        .order_by("id")
        .first()
    )


def user_roles(*, user: Viewer) -> list[Membership]:
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user).select_related("agency")
    return list(memberships.order_by("agency__path", "role"))
