"""An agency's 政府信息公开工作年度报告 computed from its records, in the edition of the year.

- Table 2: the register's 规章 and 规范性文件 and the figures entered for the other rows
  (`disclosures.selectors.proactive_table`). A figure not entered stays unknown (null), and the
  report says which: 0 is a figure too, and must be entered as one.
- Table 3: the applications by applicant column within the report year's bounds
  (`applications.selectors.ReportYear`: 上年结转 open on 1 January, 本年新收 received in the year,
  outcomes closed in the year, 结转下年度 open on 31 December), one condition per cell
  (`reports.cells`, which the drill-down lists the records with). An outcome the year's
  edition has no row for (a 2021 row in a 2019–2020 report) is counted in （六）其他处理, as the
  2019 edition has it.
- Table 4: reviews and lawsuits (`appeals.selectors.appeals_table`): decided in the year by
  column, 尚未审结 open on 31 December.

The narrative sections are drafted from the same records (`reports.narrative`). Every count is
an aggregate query in the database; the edition's rules hold by construction
(the property test in tests/reports shows it over random records), and are checked anyway.
"""

from __future__ import annotations

from xxgk.agencies.models import Agency
from xxgk.appeals.selectors import appeals_table
from xxgk.disclosures.selectors import proactive_table
from xxgk.report import editions
from xxgk.report.checks import check
from xxgk.report.edition import Edition, Severity
from xxgk.report.model import Finding, Report
from xxgk.reports.cells import applications_table
from xxgk.reports.narrative import draft_sections

MISSING = "compute.figure_missing"


def report_compute(*, agency: Agency, year: int, previous: Report | None = None) -> Report:
    """The report of `agency` for `year`, its sections drafted and its findings checked (and,
    given last year's report, the cross-year rules)."""
    report, missing = _tables(agency, year)
    edition = report.edition
    report.sections = draft_sections(agency=agency, year=year, report=report)
    found = [
        f
        for f in check(report, previous)
        if not (f.rule.startswith("read.unreadable.") and set(f.cells) <= set(missing))
    ]
    if missing:
        labels = "、".join(edition.cell_label(c) for c in missing)
        found.insert(
            0,
            Finding(
                MISSING,
                Severity.ERROR,
                f"以下统计数尚未录入（没有的请录入 0）：{labels}",
                tuple(missing),
            ),
        )
    report.findings = found
    return report


def report_tables(*, agency: Agency, year: int) -> Report:
    """The report's tables only, as the records count them: no sections, no findings — for
    what reads the figures alone (the charts' earlier years, a cell's records, the changes
    since publication), where drafting and checking would be work thrown away."""
    return _tables(agency, year)[0]


def _tables(agency: Agency, year: int) -> tuple[Report, list[str]]:
    """The tables filled from the records, and the table-2 cells with no figure entered."""
    edition = editions.for_year(year)
    report = Report.empty(edition, agency.name, year)
    missing = _proactive(report, agency, year)
    _applications(report, edition, agency, year)
    _appeals(report, edition, agency, year)
    return report, missing


def _proactive(report: Report, agency: Agency, year: int) -> list[str]:
    """Fill table 2; the cells with no figure entered."""
    missing = []
    for cell, value in proactive_table(agency=agency, year=year).items():
        report[cell] = value
        if value is None:
            missing.append(cell)
    return missing


def _applications(report: Report, edition: Edition, agency: Agency, year: int) -> None:
    for cell, n in applications_table(agency=agency, edition=edition, year=year).items():
        report[cell] = n


def _appeals(report: Report, edition: Edition, agency: Agency, year: int) -> None:
    for group, columns in appeals_table(agency=agency, year=year).items():
        for column, n in columns.items():
            report[f"appeals.{group}.{column}"] = n
