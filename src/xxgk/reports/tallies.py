"""Small reads of a computed report that the drafted text and the charts share, every name taken
from the edition (`xxgk.report.editions`), none written here."""

from __future__ import annotations

from xxgk.report.edition import ApplicationRow
from xxgk.report.model import Report

TOTAL = "total"


def count(value: object) -> int:
    """A cell as a count: an unknown (None) or a money cell counts as 0 here."""
    return value if isinstance(value, int) else 0


def outcome_kind(row: ApplicationRow) -> tuple[str, str]:
    """An outcome row's kind and detail, from its short name: 不予公开-过程性信息 →
    (不予公开, 过程性信息); a row with no detail gives its name and ""."""
    kind, _, detail = row.short.partition("-")
    return kind, detail


def procedures(report: Report) -> list[tuple[str, int]]:
    """Each procedure of table 4 with its year's total: the top header row names them
    (行政复议 over the review group, 行政诉讼 over both lawsuit groups) and spans their columns."""
    edition = report.edition
    width = len(edition.appeal_columns)
    groups = iter(edition.appeal_groups)
    found = []
    for cell in edition.appeal_header[0]:
        spanned = [next(groups) for _ in range(cell.colspan // width)]
        found.append((cell.text, sum(count(report[f"appeals.{g.key}.{TOTAL}"]) for g in spanned)))
    return found
