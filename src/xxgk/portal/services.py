"""The portal's writes: a new version of a guide or a 制度, and keeping the portal current.

`portal_refresh(disclosure=…)` is what the register's services call after a record is
published, changed, or withdrawn (in the same transaction or after it): it re-indexes the record
for search and forgets the cached pages and feeds.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from xxgk.agencies.models import Agency
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.disclosures.models import Disclosure
from xxgk.portal import cache, search
from xxgk.portal.models import GuideVersion, RulesVersion


def portal_refresh(*, disclosure: Disclosure) -> None:
    """Re-index one record and forget the portal's cached pages (after any change to it)."""
    search.index_refresh(disclosure=disclosure)
    transaction.on_commit(cache.changed)


def portal_rebuild() -> int:
    """Re-index every published record and forget the cache; the number indexed."""
    count = search.index_rebuild()
    cache.changed()
    return count


def guide_publish(
    *, agency: Agency, published_on: date, actor: User | None = None, **fields: Any
) -> GuideVersion:
    """Publish a new version of the agency's 政府信息公开指南; the old ones stay as they were.

    `fields` are GuideVersion's: office_name, address, hours, phone, fax, email, website,
    postcode, classification, obtaining, text.
    """
    with transaction.atomic():
        version = GuideVersion(agency=agency, published_on=published_on, created_by=actor, **fields)
        version.full_clean()
        version.save()
        audit_record(
            actor=actor,
            event_type=AuditEventType.GUIDE_PUBLISHED,
            obj=version,
            agency=agency,
            new={"published_on": published_on.isoformat(), **fields},
        )
        transaction.on_commit(cache.changed)
    return version


def rules_publish(
    *,
    agency: Agency,
    name: str,
    text: str,
    published_on: date,
    actor: User | None = None,
) -> RulesVersion:
    """Publish a new version of one of the agency's 政府信息公开制度 (a new 制度 if `name` is
    new)."""
    with transaction.atomic():
        version = RulesVersion(
            agency=agency, name=name, text=text, published_on=published_on, created_by=actor
        )
        version.full_clean()
        version.save()
        audit_record(
            actor=actor,
            event_type=AuditEventType.RULES_PUBLISHED,
            obj=version,
            agency=agency,
            new={"name": name, "published_on": published_on.isoformat(), "text": text},
        )
        transaction.on_commit(cache.changed)
    return version
