"""Settle glued table-2 rows by the chain between one agency's years.

A scraper may glue a table-2 row into one run of digits that several splits fit
(``行政规范性文件88556980``). Read alone, such a row stays unread (its splits are kept in
`Report.alternatives`). Read beside the same agency's other years, the edition's cross-year
rules tie its cells to theirs — 2021 edition: 现行有效件数 = last year's + 本年制发 − 本年废止;
2019 edition: 对外公开总数量 = last year's + 本年新公开数量 — and a split is taken only when
exactly one fits every such rule that can be judged (its other cells read). The cells are
marked inferred, and a warning names the years that settled them. Never a guess: no rule to
judge by, or two splits that fit, leave the row unread.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from xxgk.report import checks
from xxgk.report.edition import EqualityRule, Severity
from xxgk.report.model import Finding, Provenance, Report, Value

RULE = "read.settled_by_years"


def settle_across_years(reports: Iterable[Report]) -> list[Report]:
    """Settle what each report's other years can settle; the reports changed, in input order.

    Reports are matched by agency (a report without one is left alone); a settled row may in
    turn settle another year's, so the chain is followed until nothing more settles."""
    reports = list(reports)
    by_agency: dict[str, dict[int, Report]] = defaultdict(dict)
    for r in reports:
        if r.agency:
            by_agency[r.agency].setdefault(r.year, r)
    changed: dict[int, Report] = {}
    progress = True
    while progress:
        progress = False
        for years in by_agency.values():
            for year, r in sorted(years.items()):
                for cells in list(r.alternatives):
                    used = _settle_row(r, cells, years.get(year - 1), years.get(year + 1))
                    if used:
                        _mark(r, cells, used)
                        changed[id(r)] = r
                        progress = True
    for r in changed.values():
        r.findings = checks.check(r)
    return [r for r in reports if id(r) in changed]


def chain_view(report: Report) -> Report:
    """What other years need of a report: itself when it has rows left open, else a light copy
    with only the cells the cross-year rules name (a batch audit keeps one per file)."""
    if report.alternatives:
        return report
    named = {t.cell for rule in report.edition.cross_year_rules for t in rule.terms}
    cells = {c: v for c, v in report.cells.items() if c in named}
    return Report(report.edition, report.agency, report.year, cells)


def _settle_row(
    r: Report, cells: tuple[str, ...], before: Report | None, after: Report | None
) -> list[int]:
    """Put the one split of the row that the neighbouring years allow; the years used, or []
    when none or several fit (or no rule can judge)."""
    judged: list[tuple[EqualityRule, Report, Report]] = []  # (rule, this year, last year)
    if before is not None:
        judged += [(rule, r, before) for rule in _rules(r, before, cells, previous=False)]
    if after is not None:
        judged += [(rule, after, r) for rule in _rules(after, r, cells, previous=True)]
    if not judged:
        return []
    fitting = []
    for split in r.alternatives[cells]:
        values = dict(zip(cells, (v for v, _ in split), strict=True))
        if all(_holds(rule, this, last, values, r) for rule, this, last in judged):
            fitting.append(split)
    if len(fitting) != 1:
        return []
    for cell, (value, _) in zip(cells, fitting[0], strict=True):
        r.cells[cell] = value
    r.alternatives[cells] = fitting
    return sorted({this.year for _, this, _ in judged} | {last.year for _, _, last in judged})


def _rules(
    this: Report, last: Report, cells: Sequence[str], *, previous: bool
) -> list[EqualityRule]:
    """This year's cross-year rules that name the open cells (in `last` when `previous`) and
    whose other cells are all read."""
    found = []
    for rule in this.edition.cross_year_rules:
        if any(t.previous and t.cell not in last.cells for t in rule.terms):
            continue  # last year's report is of another edition
        names_open = any((t.previous == previous) and t.cell in cells for t in rule.terms)
        others_read = all(
            (last if t.previous else this).cells.get(t.cell) is not None
            for t in rule.terms
            if not ((t.previous == previous) and t.cell in cells)
        )
        if names_open and others_read:
            found.append(rule)
    return found


def _holds(
    rule: EqualityRule, this: Report, last: Report, split: dict[str, Value], open_in: Report
) -> bool:
    def value(cell: str, source: Report) -> Value:
        return split[cell] if source is open_in and cell in split else source.cells[cell]

    sides: list[int | Decimal] = []
    for terms in (rule.left, rule.right):
        total: int | Decimal = 0
        for t in terms:
            v = value(t.cell, last if t.previous else this)
            total += t.sign * v  # type: ignore[operator]  # the rule's cells are read
        sides.append(total)
    return sides[0] == sides[1]


def _mark(r: Report, cells: tuple[str, ...], years: list[int]) -> None:
    """The settled cells inferred, where they were printed; a warning says by which years."""
    (split,) = r.alternatives.pop(cells)
    run = (r.provenance.get(cells[0]) or Provenance("txt")).text or ""  # as printed, unsplit
    for cell, (_, text) in zip(cells, split, strict=True):
        printed = r.provenance.get(cell) or Provenance("txt")
        r.provenance[cell] = Provenance(
            printed.form, printed.file, printed.page, printed.line, text, inferred=True
        )
    row = r.edition.cell_label(cells[0]).split("·")[0]
    named = "、".join(f"{y}年" for y in years)
    r.findings.append(
        Finding(
            RULE,
            Severity.WARNING,
            f"{row}：粘连的数字“{run}”按{named}报告的跨年度关系拆分为 "
            + "、".join(text for _, text in split),
            cells,
            tuple(r.provenance[c].where() for c in cells),
        )
    )
