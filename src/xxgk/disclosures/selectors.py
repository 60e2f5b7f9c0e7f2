"""Reading the disclosure register: the officer's list and queue (scoped by the policy), one
record, the public catalogue, and table 2 of the annual report.

How table 2's 第二十条第（一）项 rows are counted from the register (`proactive_table`):

- only originals count (a language version is the same document), and never a withdrawn record
  (withdrawal means it should not have been public);
- 2021 edition — 本年制发件数: made (成文日期) in the year and published; 本年废止件数: repealed
  (已废止) in the year; 现行有效件数: made by 31 December, published, not repealed by then
  (已修改 stays in force, as amended). So 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y) holds
  exactly for records kept here (the edition's cross-year rule);
- 2019 edition — 本年新制作数量: made in the year (whatever its workflow state);
  本年新公开数量: published in the year; 对外公开总数量: published by 31 December (repealed
  ones included: they stay public, marked 已废止).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, require, scope
from xxgk.disclosures.choices import Kind, Status, Validity
from xxgk.disclosures.figures import REGISTER_ROWS, figure_cells
from xxgk.disclosures.models import Disclosure, DisclosureAttachment, Figure
from xxgk.report import editions

Viewer = User | AnonymousUser

_MISSING = "没有这条主动公开信息，或您无权查看。"
OPEN = (Status.DRAFT, Status.IN_REVIEW)  # not yet published: what the queue holds

# Table-2 row key → the register's kind (the same keys in both editions).
ROW_KINDS = {"regulations": Kind.REGULATION, "normative_documents": Kind.NORMATIVE}


@dataclass(frozen=True)
class Filters:
    """The list's search and filters; blank means "any"."""

    q: str = ""
    status: str = ""
    kind: str = ""
    year: int | None = None  # 成文日期's year
    agency: int | None = None
    overdue: bool = False  # unpublished past the Art. 26 due date (needs `today`)
    theme: int | None = None


def disclosure_list(
    *, user: Viewer, filters: Filters | None = None, today: date | None = None
) -> QuerySet[Disclosure]:
    """The records of the agencies the user may read (policy: disclosure.read), newest first."""
    qs = Disclosure.objects.filter(agency__in=scope(user, Action.DISCLOSURE_READ)).select_related(
        "agency"
    )
    f = filters or Filters()
    if f.q:
        qs = qs.filter(
            Q(title__icontains=f.q)
            | Q(index_number__icontains=f.q)
            | Q(document_number__icontains=f.q)
        )
    if f.status:
        qs = qs.filter(status=f.status)
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.year:
        qs = qs.filter(made_on__year=f.year)
    if f.agency:
        qs = qs.filter(agency_id=f.agency)
    if f.theme:
        qs = qs.filter(themes=f.theme)
    if f.overdue and today is not None:
        qs = qs.filter(overdue_q(today))
    return qs.order_by("-made_on", "-id")


def overdue_q(today: date) -> Q:
    """Not yet published and past the Art. 26 due date."""
    return Q(status__in=OPEN, publish_due_on__lt=today)


def disclosure_queue(*, user: Viewer, today: date) -> QuerySet[Disclosure]:
    """The officer's queue: drafts and records in 保密审查, the earliest Art. 26 due date
    first (so overdue ones lead)."""
    return (
        disclosure_list(user=user)
        .filter(status__in=OPEN)
        .order_by("publish_due_on", "made_on", "id")
    )


def queue_counts(*, user: Viewer, today: date) -> dict[str, int]:
    """Drafts, records in review and overdue records (one aggregate query)."""
    qs = disclosure_list(user=user).filter(status__in=OPEN).order_by()
    return qs.aggregate(
        draft=Count("pk", filter=Q(status=Status.DRAFT)),
        in_review=Count("pk", filter=Q(status=Status.IN_REVIEW)),
        overdue=Count("pk", filter=overdue_q(today)),
    )


def disclosure_get(*, user: Viewer, pk: int) -> Disclosure:
    """One record, or Http404 when there is none the user may read."""
    d = (
        Disclosure.objects.select_related(
            "agency", "translation_of", "related_to", "superseded_by", "created_by"
        )
        .filter(pk=pk)
        .first()
    )
    if d is None:
        raise Http404(_MISSING)
    require(user, Action.DISCLOSURE_READ, d)
    return d


def attachment_get(*, user: Viewer, pk: int) -> DisclosureAttachment:
    a = DisclosureAttachment.objects.select_related("disclosure").filter(pk=pk).first()
    if a is None:
        raise Http404(_MISSING)
    require(user, Action.DISCLOSURE_READ, a.disclosure)
    return a


# -- the public catalogue (the portal) ---------------------------------------------------------


# -- table 2 -----------------------------------------------------------------------------------


def _counted(agency: Agency) -> QuerySet[Disclosure]:
    return Disclosure.objects.filter(agency=agency, translation_of__isnull=True).exclude(
        status=Status.WITHDRAWN
    )


def register_cell_q(edition: str, year: int, row: str, field: str) -> Q:
    """The records (among `_counted`) a register cell of table 2 counts: 2021's 本年制发 /
    本年废止 / 现行有效, or 2019's 本年新制作 / 本年新公开 / 对外公开总数, of 规章 or 规范性文件.
    One condition per cell, for the count and for the report's list of the records behind it."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    k = Q(kind=ROW_KINDS[row])
    if edition == "2021":
        published = Q(published_on__isnull=False)
        if field == "issued":
            return k & published & Q(made_on__gte=first, made_on__lte=last)
        if field == "repealed":
            return (
                k
                & published
                & Q(validity=Validity.REPEALED, validity_changed_on__gte=first)
                & Q(validity_changed_on__lte=last)
            )
        if field == "in_force":
            repealed_by_end = Q(validity=Validity.REPEALED, validity_changed_on__lte=last)
            return k & published & Q(made_on__lte=last) & ~repealed_by_end
    else:
        if field == "made":
            return k & Q(made_on__gte=first, made_on__lte=last)
        if field == "published":
            return k & Q(published_on__gte=first, published_on__lte=last)
        if field == "total_published":
            return k & Q(published_on__lte=last)
    raise KeyError(f"表二没有“{row}.{field}”这一由目录计算的单元格（{edition} 版）")


_FIELDS = {
    "2021": ("issued", "repealed", "in_force"),
    "2019": ("made", "published", "total_published"),
}


def _lifecycle(edition: str, agency: Agency, year: int) -> dict[str, int]:
    aggregates = {
        f"{row}.{field}": Count("pk", filter=register_cell_q(edition, year, row, field))
        for row in ROW_KINDS
        for field in _FIELDS[edition]
    }
    found = _counted(agency).order_by().aggregate(**aggregates)
    return {f"proactive.{key}": value for key, value in found.items()}


def register_records(*, agency: Agency, edition: str, year: int, cell: str) -> QuerySet[Disclosure]:
    """The records a register cell of table 2 (``proactive.<row>.<field>``) counts."""
    _, row, field = cell.split(".")
    return _counted(agency).filter(register_cell_q(edition, year, row, field))


def figures_in_force(*, agency: Agency, year: int) -> dict[str, Decimal]:
    """The latest figure of each entered cell of the year (one query)."""
    rows = (
        Figure.objects.filter(agency=agency, year=year)
        .order_by("cell", "-entered_at", "-id")
        .values_list("cell", "value")
    )
    latest: dict[str, Decimal] = {}
    for cell, value in rows:
        latest.setdefault(cell, value)
    return latest


def proactive_table(*, agency: Agency, year: int) -> dict[str, int | Decimal | None]:
    """Table 2 of `year` in the edition in force for it, every cell by name
    (``proactive.<row>.<field>``): the 第二十条第（一）项 rows counted from the register (see the
    module docstring), each other cell the latest figure entered — an int for a count, a Decimal
    for money — or None when none has been entered. No permission check: the caller (the report
    compute, a page) has asked the policy about `agency`."""
    edition = editions.for_year(year)
    table: dict[str, int | Decimal | None] = dict.fromkeys(
        f"proactive.{r.key}.{f.key}" for b, r in edition.proactive_rows for f in b.fields
    )
    counted = _lifecycle(edition.key, agency, year)
    table.update({cell: value for cell, value in counted.items() if cell in table})
    entered = figures_in_force(agency=agency, year=year)
    for cell in figure_cells(year):
        value = entered.get(cell.cell)
        if value is not None:
            table[cell.cell] = value if cell.kind.value == "money" else int(value)
    return table


def register_rows() -> frozenset[str]:
    """The table-2 rows `proactive_table` counts from the register."""
    return REGISTER_ROWS
