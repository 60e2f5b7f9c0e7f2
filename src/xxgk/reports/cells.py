"""Which records each cell of tables 3 and 4 counts: one condition per row (and column), used
both to count (grouped aggregate queries) and to list the records behind a number (the
drill-down), so that the number and its list cannot disagree — the property test in
tests/reports checks it for every cell of random records."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from xxgk.agencies.models import Agency
from xxgk.appeals.models import Appeal
from xxgk.appeals.selectors import appeal_cell_q
from xxgk.applications.models import Application
from xxgk.applications.selectors import ReportYear
from xxgk.disclosures.models import Disclosure, Figure
from xxgk.disclosures.selectors import register_records, register_rows
from xxgk.report.edition import Edition
from xxgk.reports.tallies import TOTAL

FOLD_INTO = "other"  # the 2019 edition's （六）其他处理 holds the rows it does not have

# Why a record is counted in a row of table 3 (the drill-down says it beside each list).
_WHY = {
    "new_received": "收到申请之日在本年度内",
    "carried_over": "上年度收到、本年 1 月 1 日仍在办理",
    "carried_forward": "本年 12 月 31 日仍在办理",
    TOTAL: "本年度办结",
}


def application_row_q(edition: Edition, year: int, row: str) -> Q:
    """The applications table 3's row `row` of `year` counts, whatever their kind."""
    bounds = ReportYear(year)
    if row == "new_received":
        return bounds.new_received()
    if row == "carried_over":
        return bounds.carried_over()
    if row == "carried_forward":
        return bounds.carried_forward()
    if row == TOTAL:
        return bounds.closed()
    if row == FOLD_INTO:  # also the outcomes of a later edition's rows
        known = [r.key for r in edition.outcome_rows]
        return bounds.closed() & (Q(outcome=row) | ~Q(outcome__in=known))
    return bounds.closed() & Q(outcome=row)


def application_cell_q(edition: Edition, year: int, row: str, kind: str) -> Q:
    """The applications table 3's cell (`row`, `kind`) of `year` counts."""
    q = application_row_q(edition, year, row)
    return q if kind == TOTAL else q & Q(applicant_kind=kind)


def application_why(edition: Edition, row: str) -> str:
    if row in _WHY:
        return _WHY[row]
    label = edition.application_row(row).label.text
    return f"本年度办结，办理结果为“{label}”"


def applications_table(*, agency: Agency, edition: Edition, year: int) -> dict[str, int]:
    """Every table-3 cell of `year` (``applications.<row>.<column>``): four grouped queries over
    the rows' conditions (`application_row_q`, by applicant kind), not one pass per cell — at a
    million applications the difference is seconds."""
    kinds = [c.key for c in edition.columns if c.key != TOTAL]
    outcomes = {r.key for r in edition.outcome_rows}
    table = {f"applications.{r.key}.{k}": 0 for r in edition.application_rows for k in kinds}
    mine = Application.objects.filter(agency=agency).order_by()
    for row in ("new_received", "carried_over", "carried_forward"):
        found = mine.filter(application_row_q(edition, year, row))
        for r in found.values("applicant_kind").annotate(n=Count("pk")):
            table[f"applications.{row}.{r['applicant_kind']}"] += r["n"]
    closed = mine.filter(application_row_q(edition, year, TOTAL))
    for r in closed.values("outcome", "applicant_kind").annotate(n=Count("pk")):
        row = r["outcome"] if r["outcome"] in outcomes else FOLD_INTO
        cell = f"applications.{row}.{r['applicant_kind']}"
        if cell not in table:  # a stored outcome no row of the year can hold: the data is wrong
            raise ValueError(f"{edition.key} 版报告没有“{r['outcome']}”这一办理结果行")
        table[cell] += r["n"]
        table[f"applications.{TOTAL}.{r['applicant_kind']}"] += r["n"]
    for each in edition.application_rows:
        table[f"applications.{each.key}.{TOTAL}"] = sum(
            table[f"applications.{each.key}.{k}"] for k in kinds
        )
    return table


@dataclass(frozen=True)
class Drill:
    """The records behind one number of a computed report."""

    cell: str
    label: str  # the cell as a finding names it
    why: str
    applications: QuerySet[Application] | None = None
    appeals: QuerySet[Appeal] | None = None
    disclosures: QuerySet[Disclosure] | None = None  # table 2's register rows
    figures: QuerySet[Figure] | None = None  # table 2's entered cells: every entry, latest first


def cell_drill(*, agency: Agency, edition: Edition, year: int, cell: str) -> Drill | None:
    """The records a cell counts, with why: applications (table 3), reviews and lawsuits (table
    4), the register's 规章 and 规范性文件, or the figures entered (table 2); None for a cell the
    edition does not have."""
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
    if table == "proactive":
        if row in register_rows():
            records = register_records(agency=agency, edition=edition.key, year=year, cell=cell)
            why = _REGISTER_WHY[column]
            return Drill(cell, label, why, disclosures=records.order_by("made_on", "pk"))
        entries = Figure.objects.filter(agency=agency, year=year, cell=cell).order_by(
            "-entered_at", "-id"
        )
        return Drill(cell, label, "录入的统计数，以最后录入的为准", figures=entries)
    return None


_REGISTER_WHY = {
    "issued": "本年制发（成文日期在本年度内）且已公开",
    "repealed": "本年废止（废止日期在本年度内）",
    "in_force": "本年 12 月 31 日现行有效（已公开，至年底未废止）",
    "made": "本年新制作（成文日期在本年度内）",
    "published": "本年新公开（发布日期在本年度内）",
    "total_published": "截至本年底已对外公开",
}
