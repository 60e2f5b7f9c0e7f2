"""Changing the agency tree and its staff; each change is written to the audit log."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from xxgk.agencies.models import Agency, Level, Membership, Role
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record

Actor = User | AnonymousUser | None


def _snapshot(agency: Agency) -> dict[str, object]:
    return {
        "name": agency.name,
        "level": agency.level,
        "parent": agency.parent_id,
        "address": agency.address,
        "phone": agency.phone,
        "short_name": agency.short_name,
        "document_number_pattern": agency.document_number_pattern,
        "review_body": agency.review_body,
        "court": agency.court,
        "contact_person": agency.contact_person,
        "fee_payment": agency.fee_payment,
        "correction_period_days": agency.correction_period_days,
        "reasons_period_days": agency.reasons_period_days,
        "fee_pauses_clock": agency.fee_pauses_clock,
        "enquiry_answer_days": agency.enquiry_answer_days,
    }


def _set_path(agency: Agency) -> None:
    agency.path = f"{agency.parent.path if agency.parent else '/'}{agency.pk}/"
    agency.save(update_fields=["path"])


@transaction.atomic
def agency_create(
    *,
    actor: Actor,
    name: str,
    level: Level | str,
    parent: Agency | None = None,
    address: str = "",
    phone: str = "",
    **settings: object,
) -> Agency:
    """Add an agency to the tree (validated: a township sits under a district, …).

    `settings` are the agency's letter and procedure fields (`short_name`, `review_body`, …).
    """
    agency = Agency(name=name, level=level, parent=parent, address=address, phone=phone, **settings)
    agency.full_clean(exclude=["path"])
    agency.save()
    _set_path(agency)
    audit_record(
        actor=actor,
        event_type=AuditEventType.AGENCY_CREATED,
        obj=agency,
        agency=agency,
        new=_snapshot(agency),
    )
    return agency


@transaction.atomic
def agency_update(*, actor: Actor, agency: Agency, **changes: object) -> Agency:
    """Change an agency's fields; moving it re-paths everything below it."""
    before = _snapshot(Agency.objects.get(pk=agency.pk))
    for name, value in changes.items():
        setattr(agency, name, value)
    agency.full_clean(exclude=["path"])
    agency.save()
    old_path = agency.path
    _set_path(agency)
    if old_path != agency.path:
        for below in Agency.objects.filter(path__startswith=old_path).exclude(pk=agency.pk):
            below.path = agency.path + below.path[len(old_path) :]
            below.save(update_fields=["path"])
    after = _snapshot(agency)
    if after != before:
        audit_record(
            actor=actor,
            event_type=AuditEventType.AGENCY_CHANGED,
            obj=agency,
            agency=agency,
            old=before,
            new=after,
        )
    return agency


@transaction.atomic
def membership_add(
    *, actor: Actor, user: User, agency: Agency, role: Role | str, title: str = ""
) -> Membership:
    """Give a user a role in an agency (idempotent)."""
    membership, created = Membership.objects.get_or_create(
        user=user, agency=agency, role=role, defaults={"title": title}
    )
    if created:
        audit_record(
            actor=actor,
            event_type=AuditEventType.MEMBERSHIP_ADDED,
            obj=membership,
            agency=agency,
            new={"user": user.get_username(), "role": str(role), "title": title},
        )
    return membership


@transaction.atomic
def membership_remove(*, actor: Actor, membership: Membership) -> None:
    """Take a role away; the audit record keeps who had it."""
    audit_record(
        actor=actor,
        event_type=AuditEventType.MEMBERSHIP_REMOVED,
        obj=membership,
        agency=membership.agency,
        old={
            "user": membership.user.get_username(),
            "role": membership.role,
            "title": membership.title,
        },
    )
    membership.delete()
