"""Writing the audit log. Call `audit_record` inside the service's own transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from xxgk.audit.models import AuditEventType, AuditLog

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from xxgk.agencies.models import Agency


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    event_type: AuditEventType,
    obj: models.Model,
    agency: Agency | None,
    old: Any = None,
    new: Any = None,
    object_repr: str | None = None,
) -> AuditLog:
    """Record one change. Must run inside the caller's transaction so both commit or neither.

    The record names the object by `object_repr`, else by `str(obj)`. Pass it when the object's
    `str` holds personal data (an application's names its applicant: pass its number), so that
    the log never stores it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    return AuditLog.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        event_type=event_type,
        agency=agency,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        object_repr=(str(obj) if object_repr is None else object_repr)[:200],
        old_value=old,
        new_value=new,
    )
