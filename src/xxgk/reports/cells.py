"""Which records each cell of tables 3 and 4 counts: one condition per cell, used both to count
(one aggregate query per table) and to list the records behind a number (the drill-down), so
that the number and its list cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from xxgk.agencies.models import Agency
from xxgk.appeals.models import Appeal
from xxgk.appeals.selectors import appeal_cell_q
from xxgk.applications.models import Application
from xxgk.applications.selectors import ReportYear
from xxgk.report.edition import Edition

TOTAL = "total"
FOLD_INTO = "other"  # the 2019 edition's （六）其他处理 holds the rows it does not have

# Why a record is counted in a row of table 3 (the drill-down says it beside each list).
_WHY = {
    "new_received": "收到申请之日在本年度内",
    "carried_over": "上年度收到、本年 1 月 1 日仍在办理",
    "carried_forward": "本年 12 月 31 日仍在办理",
    TOTAL: "本年度办结",
}


def application_cell_q(edition: Edition, year: int, row: str, kind: str) -> Q:
    """The applications table 3's cell (`row`, `kind`) of `year` counts."""
    bounds = ReportYear(year)
    if row == "new_received":
        q = bounds.new_received()
    elif row == "carried_over":
        q = bounds.carried_over()
    elif row == "carried_forward":
        q = bounds.carried_forward()
    elif row == TOTAL:
        q = bounds.closed()
    else:
        q = bounds.closed() & Q(outcome=row)
        if row == FOLD_INTO:  # an outcome of a later edition's row
            known = [r.key for r in edition.outcome_rows]
            q = bounds.closed() & (Q(outcome=row) | ~Q(outcome__in=known))
    return q if kind == TOTAL else q & Q(applicant_kind=kind)


def application_why(edition: Edition, row: str) -> str:
    if row in _WHY:
        return _WHY[row]
    label = edition.application_row(row).label.text
    return f"本年度办结，办理结果为“{label}”"


def applications_table(*, agency: Agency, edition: Edition, year: int) -> dict[str, int]:
    """Every table-3 cell of `year` (``applications.<row>.<column>``), one aggregate query."""
    cells = {
        f"applications.{r.key}.{c.key}": application_cell_q(edition, year, r.key, c.key)
        for r in edition.application_rows
        for c in edition.columns
    }
    names = {cell: f"c{i}" for i, cell in enumerate(cells)}
    counted = Application.objects.filter(agency=agency).aggregate(
        **{names[cell]: Count("pk", filter=q) for cell, q in cells.items()}
    )
    return {cell: counted[name] or 0 for cell, name in names.items()}


@dataclass(frozen=True)
class Drill:
    """The records behind one number of a computed report."""

    cell: str
    label: str  # the cell as a finding names it
    why: str
    applications: QuerySet[Application] | None = None
    appeals: QuerySet[Appeal] | None = None


def cell_drill(*, agency: Agency, edition: Edition, year: int, cell: str) -> Drill | None:
    """The records a cell of table 3 or 4 counts, with why; None for a cell that counts no
    records here (table 2 comes from the register and the figures entered)."""
    if cell not in edition.cells:
        return None
    table, row, column = cell.split(".")
    label = edition.cell_label(cell)
    if table == "applications":
        q = application_cell_q(edition, year, row, column)
        found = Application.objects.filter(agency=agency).filter(q).order_by("received_on", "pk")
        return Drill(cell, label, application_why(edition, row), applications=found)
    if table == "appeals":
        appeals = Appeal.objects.filter(agency=agency).filter(appeal_cell_q(row, column, year))
        why = "本年 12 月 31 日尚未审结" if column == "pending" else "本年度审结"
        return Drill(cell, label, why, appeals=appeals.order_by("copy_received_on", "pk"))
    return None
