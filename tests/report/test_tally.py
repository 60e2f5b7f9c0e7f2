"""Whom each finding blames, on reports read in the shapes agencies publish them."""

from __future__ import annotations

from tests.report.read import handmade as h
from xxgk.report.model import Report
from xxgk.report.read import text
from xxgk.report.read.recover import recover
from xxgk.report.tally import Verdict, tally


def read(source: str) -> Report:
    return recover(text.document(source, "report.txt"))


def single_other_row(r: Report) -> str:
    """A 2021 report printing （六）其他处理 as the one 2019 row (as real 2023 reports do)."""
    lines = h.as_bars(r).splitlines()
    start = lines.index(r.edition.row_group("other").label.text)
    end = lines.index(r.edition.application_row("total").label.text)
    return "\n".join(lines[:start] + [lines[start], "|"] + ["0", "|"] * 7 + lines[end:])


def test_a_glued_row_xxgk_cannot_split_is_not_the_agencys_error():
    # a scraped page glues 规范性文件 12/12/12 into "121212": no arithmetic settles it
    got = tally(read(h.as_flat(h.sample_report())))
    assert (got.rule_errors, got.verdict) == (0, Verdict.UNREADABLE_CELLS)
    assert got.unreadable_cells == 3
    assert got.first_error is not None
    assert got.first_error.rule == "read.unreadable.proactive.normative_documents.made"


def test_a_broken_rule_is_the_agencys_and_comes_before_unreadable_cells():
    r = h.sample_report()
    r["appeals.review.total"] = 3  # printed wrong: 0+1+1+0, one digit a cell
    got = tally(read(h.as_flat(r)))
    assert got.verdict is Verdict.RULE_ERRORS
    assert (got.rule_errors, got.unreadable_cells) == (1, 3)
    assert got.first_error is not None
    assert got.first_error.rule == "appeals.total.review"


def test_the_first_error_is_never_a_warning_printed_before_it():
    r = h.sample_report("2021", 2022)
    r["appeals.review.total"] = 3  # 0+1+1+0 printed as 3
    report = read(single_other_row(r))
    assert report.findings[0].rule == "read.single_other_row"  # the reader's warning first
    got = tally(report)
    assert (got.rule_errors, got.unreadable_cells, got.warnings) == (1, 0, 1)
    assert got.first_error is not None
    assert got.first_error.rule == "appeals.total.review"


def test_a_warning_alone_leaves_the_report_consistent():
    got = tally(read(single_other_row(h.sample_report("2021", 2022))))
    assert (got.verdict, got.warnings, got.first_error) == (Verdict.CONSISTENT, 1, None)


def test_tables_printed_without_a_number_are_blank_not_consistent():
    # an excerpt: the tables' labels, not one number under them
    r = h.sample_report()
    labels = [c for row in h.table_rows(r) for c in row if not c.replace("元", "").isdigit()]
    got = tally(read("\n".join([*h.opening(r), *labels, *h.closing(r)])))
    assert got.blank
    assert got.verdict is Verdict.BLANK
    assert got.to_json() == {
        "verdict": "blank",
        "rule_errors": 0,
        "unreadable_cells": 0,
        "warnings": 3,
    }


def test_a_report_that_prints_its_zeros_is_consistent_not_blank():
    got = tally(read(h.as_bars(Report.empty("2021", h.AGENCY, 2022))))
    assert not got.blank
    assert got.verdict is Verdict.CONSISTENT


def test_a_report_made_from_records_is_never_blank():
    assert tally(Report.empty("2019", h.AGENCY, 2020)).verdict is Verdict.CONSISTENT
