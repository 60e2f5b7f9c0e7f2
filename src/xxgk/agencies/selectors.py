"""Which agencies a user may see or act for. Every other app scopes its queries with these."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from xxgk.agencies.models import Agency, Membership, Role

Viewer = User | AnonymousUser  # whoever is asking, logged in or not


def _memberships(user: Viewer, roles: Iterable[Role]) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, role__in=list(roles)).select_related("agency")


def _with_descendants(agencies: Iterable[Agency]) -> QuerySet[Agency]:
    paths = {a.path for a in agencies}
    if not paths:
        return Agency.objects.none()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return Agency.objects.filter(query)


def agencies_readable(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies whose applications the user may read: the agency of each officer, head or
    administrator membership, and each supervisor's agency with everything below it."""
    own = _memberships(user, (Role.OFFICER, Role.HEAD, Role.ADMINISTRATOR))
    supervised = [m.agency for m in _memberships(user, (Role.SUPERVISOR,))]
    ids = {m.agency_id for m in own} | set(
        _with_descendants(supervised).values_list("id", flat=True)
    )
    return Agency.objects.filter(id__in=ids)


def agencies_handled(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies for which the user registers applications and records events (officer, head)."""
    ids = _memberships(user, (Role.OFFICER, Role.HEAD)).values_list("agency_id", flat=True)
    return Agency.objects.filter(id__in=list(ids))


def agencies_headed(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies whose head the user is: who approves extensions and signs replies."""
    ids = _memberships(user, (Role.HEAD,)).values_list("agency_id", flat=True)
    return Agency.objects.filter(id__in=list(ids))


def agencies_administered(*, user: Viewer) -> QuerySet[Agency]:
    """Agencies the user administers: each administrator membership and everything below."""
    if user.is_authenticated and getattr(user, "is_superuser", False):
        return Agency.objects.all()
    return _with_descendants([m.agency for m in _memberships(user, (Role.ADMINISTRATOR,))])


def user_is_administrator(*, user: Viewer) -> bool:
    """May manage the calendar, letter templates and read the audit log."""
    return agencies_administered(user=user).exists()


def agency_head(*, agency: Agency) -> Membership | None:
    """The head who signs the agency's replies (the first one, if there are several)."""
    return (
        Membership.objects.filter(agency=agency, role=Role.HEAD)
        .select_related("user")
        .order_by("id")
        .first()
    )


def user_roles(*, user: Viewer) -> list[Membership]:
    return list(_memberships(user, list(Role)).order_by("agency__path", "role"))
