"""Evaluate an edition's consistency rules (勾稽关系) on a report.

The rules are the edition's data; this module only knows how to evaluate each kind of rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from xxgk.report.edition import CellRule, EqualityRule, Term
from xxgk.report.model import Finding, Report, Value

# Findings a reader makes that the tables alone cannot reproduce (e.g. read.single_other_row).
READ_PREFIX = "read."


def check(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every broken rule of the report's edition, and, given last year's report, every broken
    cross-year rule. Kept in front: read-time findings already on the report (other than
    unreadable cells, which are recomputed), and in a roll-up the findings of its sources (they
    carry `source`; the sources themselves are not at hand to check again)."""
    kept = [
        f
        for f in report.findings
        if f.source is not None
        or (f.rule.startswith(READ_PREFIX) and not f.rule.startswith("read.unreadable."))
    ]
    found = list(_within(report))
    if previous is not None:
        found += cross_year(report, previous)
    return kept + found


def _within(report: Report) -> Iterable[Finding]:
    for rule in report.edition.rules:
        if isinstance(rule, CellRule):
            yield from _cell_rule(rule, report)
        else:
            finding = _equality(rule, report, None)
            if finding:
                yield finding


def cross_year(report: Report, previous: Report) -> list[Finding]:
    """Cross-year rules between this year's report and the same agency's previous one.

    A rule that names a cell the previous report's edition does not have is skipped (a 2021
    report after a 2019 one has no previous 现行有效件数).
    """
    out = []
    for rule in report.edition.cross_year_rules:
        if any(t.previous and t.cell not in previous.cells for t in rule.terms):
            continue
        finding = _equality(rule, report, previous)
        if finding:
            out.append(finding)
    return out


def _cell_rule(rule: CellRule, report: Report) -> Iterable[Finding]:
    ed = report.edition
    values = report.cells
    if rule.test == "readable":
        for cell in rule.cells:
            if values[cell] is None:
                yield Finding(
                    f"{rule.prefix}.{cell}",
                    rule.severity,
                    f"{ed.cell_label(cell)}：无法读取",
                    (cell,),
                    _where(report, (cell,)),
                )
    elif rule.test == "non_negative":
        for cell in rule.cells:
            value = values[cell]
            if value is not None and value < 0:
                yield Finding(
                    f"{rule.prefix}.{cell}",
                    rule.severity,
                    f"{ed.cell_label(cell)}：不应为负数({value})",
                    (cell,),
                    _where(report, (cell,)),
                )


def _equality(rule: EqualityRule, report: Report, previous: Report | None) -> Finding | None:
    def value(t: Term) -> Value:
        source = previous if t.previous else report
        assert source is not None
        return source.cells[t.cell]

    # the sums first, without building anything: most rules hold
    cells = report.cells
    before = previous.cells if previous is not None else None
    left: int | Decimal = 0
    right: int | Decimal = 0
    n_left = len(rule.left)
    for i, t in enumerate(rule.terms):
        if t.previous:
            assert before is not None
            v = before[t.cell]
        else:
            v = cells[t.cell]
        if v is None:
            return None  # an unreadable cell is its own finding; the sum cannot be judged
        if i < n_left:
            left += t.sign * v
        else:
            right += t.sign * v
    if left == right:
        return None
    message = f"{rule.scope}：{_side(rule.left, value)} ≠ {_side(rule.right, value)}"
    # A cross-year finding names this year's cells: last year's are in the other file.
    cells_named = tuple(t.cell for t in rule.terms if not t.previous)
    return Finding(rule.id, rule.severity, message, cells_named, _where(report, cells_named))


def _side(terms: Sequence[Term], value: Callable[[Term], Value]) -> str:
    out = ""
    for i, t in enumerate(terms):
        sign = "−" if t.sign < 0 else ("+" if i else "")
        out += f"{sign}{t.label}({value(t)})"
    return out


def _where(report: Report, cells: Sequence[str]) -> tuple[str, ...]:
    """Where each of the cells was printed, for the cells a reader recorded."""
    ed = report.edition
    return tuple(
        f"{ed.cell_label(c)}：{report.provenance[c].where()}"
        for c in cells
        if c in report.provenance
    )
