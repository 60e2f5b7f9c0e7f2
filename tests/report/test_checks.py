"""Checks: consistent reports pass; each single-cell change breaks exactly the rules it should."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.report.strategies import consistent_reports
from xxgk.report import Report, Severity, check, editions
from xxgk.report.edition import Kind
from xxgk.report.model import Provenance

EDITIONS = list(editions.all_editions().values())
BALANCE_ROWS = {"new_received", "carried_over", "total", "carried_forward"}


def expected_rules(report: Report, cell: str, new_value) -> set[str]:
    """The rule ids a change of `cell` must break — written from the rules' meaning in
    report-json.md, not read from the edition's rule data."""
    ed = report.edition
    table, row, col = cell.split(".")
    broken: set[str] = set()
    if table == "applications":
        outcome_keys = {r.key for r in ed.outcome_rows}
        if row in BALANCE_ROWS:
            broken.add(f"applications.balance.{col}")
        if row in outcome_keys or row == "total":
            broken.add(f"applications.outcomes.{col}")
        broken.add(f"applications.row_total.{row}")
    if table == "appeals":
        broken.add(f"appeals.total.{row}")
    if new_value < 0 and ed.kinds[cell] is not Kind.SIGNED:
        broken.add(f"values.negative.{cell}")
    return broken


@given(consistent_reports())
def test_a_consistent_report_has_no_finding(report):
    assert check(report) == []


@given(st.data())
def test_changing_one_cell_breaks_exactly_the_rules_that_name_it(data):
    ed = data.draw(st.sampled_from(EDITIONS))
    report = data.draw(consistent_reports(ed))
    cell = data.draw(st.sampled_from(ed.cells))
    old = report[cell]
    delta = data.draw(st.integers(min_value=-50, max_value=50).filter(bool))
    new = old + (Decimal(delta) if ed.kinds[cell] is Kind.MONEY else delta)
    report[cell] = new
    found = {f.rule for f in check(report)}
    assert found == expected_rules(report, cell, new)


@given(st.data())
def test_an_unreadable_cell_is_its_own_finding_and_silences_its_sums(data):
    ed = data.draw(st.sampled_from(EDITIONS))
    report = data.draw(consistent_reports(ed))
    cell = data.draw(st.sampled_from(ed.cells))
    report[cell] = None
    found = check(report)
    assert [f.rule for f in found] == [f"read.unreadable.{cell}"]
    assert found[0].cells == (cell,)


def test_the_balance_message_shows_the_numbers():
    report = Report.empty("2021", "某某市生态环境局", 2024)
    report["applications.new_received.natural_person"] = 5
    report["applications.new_received.total"] = 5
    report["applications.granted.natural_person"] = 4
    report["applications.granted.total"] = 4
    report["applications.total.natural_person"] = 4
    report["applications.total.total"] = 4
    found = {f.rule: f for f in check(report)}
    assert set(found) == {"applications.balance.natural_person", "applications.balance.total"}
    f = found["applications.balance.natural_person"]
    assert f.message == "自然人列：本年新收(5)+上年结转(0) ≠ 办理结果总计(4)+结转下年度(0)"
    assert f.severity is Severity.ERROR
    assert f.cells == (
        "applications.new_received.natural_person",
        "applications.carried_over.natural_person",
        "applications.total.natural_person",
        "applications.carried_forward.natural_person",
    )


def test_a_negative_count_is_an_error_but_a_negative_change_is_not():
    report = Report.empty("2019", "某某市生态环境局", 2020)
    report["proactive.licensing.change"] = -8
    report["proactive.licensing.decisions"] = -1
    found = check(report)
    assert [f.rule for f in found] == ["values.negative.proactive.licensing.decisions"]
    assert found[0].message == "行政许可·处理决定数量：不应为负数(-1)"


def test_findings_show_where_a_read_cell_was_printed():
    report = Report.empty("2019", "某某市生态环境局", 2020)
    report["appeals.review.upheld"] = 2
    report.provenance["appeals.review.upheld"] = Provenance("txt", "a.txt", line=12, text="2")
    (finding,) = check(report)
    assert finding.rule == "appeals.total.review"
    assert finding.message == "行政复议：总计(0) ≠ 结果维持(2)+结果纠正(0)+其他结果(0)+尚未审结(0)"
    assert finding.where == ("行政复议·结果维持：a.txt 第12行 “2”",)


def test_read_time_findings_are_kept_and_unreadable_ones_recomputed():
    from xxgk.report.model import Finding

    report = Report.empty("2021", "某某市生态环境局", 2022)
    report.findings = [
        Finding("read.single_other_row", Severity.WARNING, "（六）其他处理只印了一行"),
        Finding("read.unreadable.applications.granted.research", Severity.ERROR, "旧的"),
    ]
    assert [f.rule for f in check(report)] == ["read.single_other_row"]


@given(st.data())
def test_cross_year_carried_over_must_equal_last_years_carried_forward(data):
    ed = editions.get("2021")
    last = data.draw(consistent_reports(ed))
    this = data.draw(consistent_reports(ed))
    found = {f.rule for f in check(this, last) if f.rule.startswith("years.")}
    expected = {
        f"years.carried_over.{c.key}"
        for c in ed.columns
        if this[f"applications.carried_over.{c.key}"]
        != last[f"applications.carried_forward.{c.key}"]
    } | {
        f"years.in_force.{row}"
        for row in ("regulations", "normative_documents")
        if this[f"proactive.{row}.in_force"]
        != last[f"proactive.{row}.in_force"]
        + this[f"proactive.{row}.issued"]
        - this[f"proactive.{row}.repealed"]
    }
    assert found == expected
    assert all(
        f.severity is Severity.WARNING for f in check(this, last) if f.rule.startswith("years.")
    )


def test_in_force_is_not_checked_after_a_2019_report():
    last = Report.empty("2019", "某某市生态环境局", 2020)
    this = Report.empty("2021", "某某市生态环境局", 2021)
    this["proactive.regulations.in_force"] = 3
    last["applications.carried_forward.natural_person"] = 2
    assert [f.rule for f in check(this, last)] == ["years.carried_over.natural_person"]
    (f,) = check(this, last)
    assert f.message == "自然人列：本年报告上年结转(0) ≠ 上年报告结转下年度(2)"


def test_in_force_message():
    last = Report.empty("2021", "某某市生态环境局", 2021)
    this = Report.empty("2021", "某某市生态环境局", 2022)
    last["proactive.regulations.in_force"] = 10
    this["proactive.regulations.issued"] = 2
    this["proactive.regulations.repealed"] = 1
    this["proactive.regulations.in_force"] = 12
    (f,) = check(this, last)
    assert f.rule == "years.in_force.regulations"
    assert (
        f.message
        == "规章：本年现行有效件数(12) ≠ 上年现行有效件数(10)+本年制发件数(2)−本年废止件数(1)"
    )
    assert f.cells == (
        "proactive.regulations.in_force",
        "proactive.regulations.issued",
        "proactive.regulations.repealed",
    )


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_the_empty_report_is_consistent(edition):
    assert check(Report.empty(edition, "x", 2021)) == []


def test_2019_total_published_follows_last_years_plus_this_years_published():
    last = Report.empty("2019", "某某市生态环境局", 2019)
    this = Report.empty("2019", "某某市生态环境局", 2020)
    last["proactive.normative_documents.total_published"] = 272
    this["proactive.normative_documents.published"] = 18
    this["proactive.normative_documents.total_published"] = 290
    assert check(this, last) == []
    this["proactive.normative_documents.total_published"] = 291
    (f,) = check(this, last)
    assert f.rule == "years.total_published.normative_documents"
    assert f.severity is Severity.WARNING
