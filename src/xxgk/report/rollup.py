"""Roll-up (汇总): one report that sums many reports of one edition and year."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from xxgk.report.checks import check
from xxgk.report.model import Finding, Report, Value


class RollupError(ValueError):
    """The reports cannot be summed into one."""


def rollup(reports: Sequence[Report], *, agency: str) -> Report:
    """The cell-wise sum of the reports, checked, as `agency`'s report.

    Refuses an empty list, mixed editions or years, and one agency's report twice. A cell
    unreadable (null) in any source is unreadable in the sum. Each source is checked and its
    findings follow the roll-up's own, marked with the source's agency.
    """
    if not reports:
        raise RollupError("没有可汇总的报告")
    first = reports[0]
    for r in reports[1:]:
        if r.edition.key != first.edition.key:
            raise RollupError(
                f"不能汇总不同版本的报告：{first.agency}（{first.edition.key} 版）与 "
                f"{r.agency}（{r.edition.key} 版）"
            )
        if r.year != first.year:
            raise RollupError(
                f"不能汇总不同年度的报告：{first.agency}（{first.year} 年）与 "
                f"{r.agency}（{r.year} 年）"
            )
    named = [r.agency for r in reports if r.agency]
    twice = sorted({a for a in named if named.count(a) > 1})
    if twice:  # the same report given twice, or two versions of one: its numbers would double
        raise RollupError(f"同一机关的报告不能汇总两次：{'、'.join(twice)}")
    cells = {c: _sum(r.cells[c] for r in reports) for c in first.edition.cells}
    total = Report(first.edition, agency, first.year, cells)
    total.findings = check(total) + [f for r in reports for f in _findings_from(r)]
    return total


def _sum(values: Iterable[Value]) -> Value:
    total: Value = 0
    for v in values:
        if v is None:
            return None
        total = total + v  # type: ignore[operator]
    return total


def _findings_from(report: Report) -> list[Finding]:
    """The source's own findings, checked afresh (a file's stored findings may be stale or
    missing), each marked with the agency it came from."""
    return [replace(f, source=f.source or report.agency) for f in check(report)]
