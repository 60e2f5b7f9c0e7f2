"""An applicant's personal data: masked wherever it is shown, unmasked only on a permitted
officer's stated reason (logged), and re-sealed when the data key changes.

The ID number, phone, e-mail and address are sealed in the database (`models.sealed`); the
credit code is an organisation's public registration number and is shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import models, transaction
from django.db.models.functions import Cast

from xxgk.agencies.policy import Action, deny_unless
from xxgk.applications.models import Application
from xxgk.applications.models.application import SEALED_FIELDS
from xxgk.applications.models.sealed import keyring
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.privacy.masks import mask_address, mask_email, mask_id_number, mask_phone
from xxgk.privacy.sealing import kid_of

REASON_MAX = 200


class RevealRefused(ValueError):
    """The request to see the data in full cannot be granted (message in Chinese)."""


@dataclass(frozen=True)
class Contact:
    """What a page shows of the applicant's identifiers and contact details."""

    id_number: str
    credit_code: str
    phone: str
    email: str
    address: str
    postcode: str
    masked: bool


def contact_masked(application: Application) -> Contact:
    """The applicant's data as every page, export and preview shows it."""
    return Contact(
        id_number=mask_id_number(application.id_number),
        credit_code=application.credit_code,
        phone=mask_phone(application.phone),
        email=mask_email(application.email),
        address=mask_address(application.address),
        postcode=application.postcode,
        masked=True,
    )


def applicant_reveal(*, user: User, application: Application, reason: str) -> Contact:
    """The applicant's data in full, for an officer of the handling agency (`policy`:
    application.reveal) who says why; the audit log records who, when, which application and
    the reason — never the data itself."""
    deny_unless(user, Action.APPLICATION_REVEAL, application)
    reason = reason.strip()
    if not reason:
        raise RevealRefused("请写明查看申请人完整信息的理由。")
    if len(reason) > REASON_MAX:
        raise RevealRefused(f"理由请不超过 {REASON_MAX} 字。")
    with transaction.atomic():
        audit_record(
            actor=user,
            event_type=AuditEventType.APPLICANT_DATA_REVEALED,
            obj=application,
            object_repr=application.number,
            agency=application.agency,
            new={"reason": reason},
        )
    return Contact(
        id_number=application.id_number,
        credit_code=application.credit_code,
        phone=application.phone,
        email=application.email,
        address=application.address,
        postcode=application.postcode,
        masked=False,
    )


def data_key_rotate(*, chunk: int = 500) -> int:
    """Re-seal every application not yet sealed (nor indexed) by the current key, in one
    transaction; returns how many were re-sealed. Idempotent: a second run finds none.

    The old keys must still be configured (`XXGK_OLD_DATA_KEYS`) for their rows to be read."""
    return rows_reseal(Application, SEALED_FIELDS, chunk=chunk)


def rows_reseal(model: type[models.Model], fields: tuple[str, ...], *, chunk: int = 500) -> int:
    """Re-seal the rows of `model` whose sealed `fields` (or ID number index) another key
    sealed; returns how many. Each model with sealed fields has an `id_number_index` kept by
    its `save()`."""
    current = keyring().current.kid
    # The stored text itself, not the field's decryption of it: which key sealed each row.
    raw = {f"raw_{name}": Cast(name, models.TextField()) for name in fields}
    with transaction.atomic():
        rows = model._default_manager.select_for_update().annotate(**raw)
        stale = [
            pk
            for pk, *stored in rows.values_list("pk", *raw, "id_number_index")
            if any(value and kid_of(value) != current for value in stored)
        ]
        for start in range(0, len(stale), chunk):
            for row in model._default_manager.filter(pk__in=stale[start : start + chunk]):
                row.save(update_fields=fields)
    return len(stale)
