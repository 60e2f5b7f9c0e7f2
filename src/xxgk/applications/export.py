"""The register as CSV: streamed row by row, every cell safe to open in a spreadsheet, the
applicant's personal data masked."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from xxgk.applications import choices
from xxgk.applications.models import Application
from xxgk.applications.personal_data import contact_masked
from xxgk.applications.selectors import is_open_on
from xxgk.report import editions

# A cell a spreadsheet would run as a formula (CSV injection, OWASP): = + - @ and the control
# characters some programs treat the same way.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text, with a leading apostrophe when a spreadsheet would read a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_rows(applications: QuerySet[Application], *, year: int | None) -> Iterator[str]:
    """CSV lines (a BOM first, so that Excel reads UTF-8): one per application.

    `carried_over` / `carried_forward` follow the report year's boundaries of `year` (open on
    1 January / on 31 December), or of each application's year of receipt when no year is
    given.
    """
    edition = editions.for_year(year or date.today().year)  # noqa: DTZ011 -- labels only
    yield "\ufeff"
    yield _line(
        [
            "机关",
            "编号",
            "申请人类型",
            "申请人",
            "证件号码",
            "联系电话",
            "电子邮箱",
            "通信地址",
            "申请方式",
            "收到申请之日",
            "状态",
            "答复期限",
            "办理结果",
            "办结日期",
            edition.application_row("carried_over").short,
            edition.application_row("carried_forward").short,
        ]
    )
    # Looked up once: get_FOO_display evaluates a callable `choices` again on every call.
    kinds = dict(choices.applicant_kinds())
    channels = dict(choices.Channel.choices)
    statuses = dict(choices.status_choices())
    outcomes = dict(choices.outcome_choices())
    # In a transaction PostgreSQL's server-side cursor is declared WITHOUT HOLD and sends the
    # first rows at once; outside one (WITH HOLD) it completes the whole query first.
    with transaction.atomic():
        for a in applications.iterator(chunk_size=2000):
            y = year or (a.received_on.year if a.received_on else None)
            carried_over = y is not None and is_open_on(a, date(y - 1, 12, 31))
            carried_forward = y is not None and is_open_on(a, date(y, 12, 31))
            yield _line(
                [
                    a.agency.name,
                    a.number,
                    kinds.get(a.applicant_kind, a.applicant_kind),
                    a.applicant_name,
                    *_masked_contact(a),
                    channels.get(a.channel, a.channel),
                    a.received_on or "",
                    statuses.get(a.status, a.status),
                    a.due_on or "",
                    outcomes.get(a.outcome, a.outcome),
                    a.closed_on or "",
                    "是" if carried_over else "",
                    "是" if carried_forward else "",
                ]
            )


def _masked_contact(application: Application) -> tuple[str, str, str, str]:
    """Masked for every role: a bulk export in full would bypass the per-case reason that
    查看完整信息 records. The credit code is public registration data and stays whole."""
    contact = contact_masked(application)
    return (
        contact.id_number or contact.credit_code,
        contact.phone,
        contact.email,
        contact.address,
    )


def _line(cells: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([safe_cell(c) for c in cells])
    return out.getvalue()
