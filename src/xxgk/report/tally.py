"""Whom a report's findings blame: the agency (a rule its printed numbers break), xxgk (a cell
it could not read), or nobody (a warning) — and whether the report printed any number at all.

An audit of many reports sums these up; mixing the reader's gaps with the agency's arithmetic
would blame agencies for what xxgk could not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from xxgk.report.edition import Severity
from xxgk.report.model import Finding, Report

# The one error a reader makes rather than the report (checks.cell_rules, "readable").
UNREADABLE_PREFIX = "read.unreadable."
BLANK_TABLE_PREFIX = "read.blank_table."  # labels printed, no number under them (read.reading)


class Verdict(StrEnum):
    """One word per report; a report with several kinds of finding gets the first that fits,
    in this order."""

    RULE_ERRORS = "rule_errors"  # 规则错误: the report breaks a rule
    BLANK = "blank"  # 表格为空: no number printed in any table
    UNREADABLE_CELLS = "unreadable_cells"  # 无法读取: xxgk could not read some cells
    CONSISTENT = "consistent"  # ✓ 一致 (warnings allowed)


@dataclass(frozen=True)
class Tally:
    """A report's findings counted by whom they blame."""

    rule_errors: int = 0
    unreadable_cells: int = 0
    warnings: int = 0
    blank: bool = False
    first_error: Finding | None = None  # the first rule error, else the first unreadable cell

    @property
    def verdict(self) -> Verdict:
        if self.rule_errors:
            return Verdict.RULE_ERRORS
        if self.blank:
            return Verdict.BLANK
        if self.unreadable_cells:
            return Verdict.UNREADABLE_CELLS
        return Verdict.CONSISTENT

    def to_json(self) -> dict[str, Any]:
        """The ``audit`` object of an `xxgk audit --json` line (README: "What each key means")."""
        return {
            "verdict": str(self.verdict),
            "rule_errors": self.rule_errors,
            "unreadable_cells": self.unreadable_cells,
            "warnings": self.warnings,
        }


def is_unreadable(finding: Finding) -> bool:
    return finding.rule.startswith(UNREADABLE_PREFIX)


def tally(report: Report) -> Tally:
    """The report's findings counted: rule errors, unreadable cells, warnings."""
    rule_errors = [
        f for f in report.findings if f.severity is Severity.ERROR and not is_unreadable(f)
    ]
    unreadable = [f for f in report.findings if f.severity is Severity.ERROR and is_unreadable(f)]
    warnings = len(report.findings) - len(rule_errors) - len(unreadable)
    first = next(iter(rule_errors or unreadable), None)
    return Tally(len(rule_errors), len(unreadable), warnings, tables_blank(report), first)


def tables_blank(report: Report) -> bool:
    """True when the reader found a table printed with no number in it (``read.blank_table``)
    and no other cell holds a number but 0: an excerpt or an unfilled template, which says
    nothing (a report of real zeros prints them, and is consistent)."""
    if not any(f.rule.startswith(BLANK_TABLE_PREFIX) for f in report.findings):
        return False
    return all(not value for value in report.cells.values())
