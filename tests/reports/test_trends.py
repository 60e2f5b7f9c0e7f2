"""Year over year: the charts' numbers are the reports' numbers."""

from __future__ import annotations

from xxgk.report.model import Report
from xxgk.reports.trends import trend_charts


def _report(year: int, **cells: int) -> Report:
    edition = "2019" if year < 2021 else "2021"
    report = Report.empty(edition, "甲市自然资源局", year)
    for cell, value in cells.items():
        report[cell.replace("__", ".")] = value
    return report


def test_the_charts_take_the_last_five_years_in_order() -> None:
    reports = [
        _report(y, applications__new_received__natural_person=y - 2000) for y in range(2019, 2026)
    ]
    applicants, _, appeals = trend_charts(list(reversed(reports)))
    assert applicants.years == [2021, 2022, 2023, 2024, 2025]
    assert dict(applicants.series)["自然人"] == [21, 22, 23, 24, 25]
    assert applicants.rows[0][0] == 2021
    assert applicants.element_id == "chart-applicants"
    assert appeals.title == "行政复议、行政诉讼"


def test_outcomes_are_grouped_and_lawsuits_added_up() -> None:
    r = _report(
        2025,
        applications__granted__total=3,
        applications__denied_state_secret__total=2,
        applications__denied_law_forbidden__total=1,
        appeals__review__total=2,
        appeals__litigation_direct__total=1,
        appeals__litigation_after_review__total=1,
    )
    _, outcomes, appeals = trend_charts([r])
    grouped = dict(outcomes.series)
    assert grouped["予以公开"] == [3]
    assert grouped["不予公开"] == [3]
    assert dict(appeals.series) == {"行政复议": [2], "行政诉讼": [2]}
    assert outcomes.data()["years"] == ["2025"]
