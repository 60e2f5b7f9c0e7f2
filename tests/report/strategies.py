"""Hypothesis strategies for reports of every edition: consistent ones, and any ones."""

from __future__ import annotations

from hypothesis import strategies as st

from xxgk.report import Report, editions
from xxgk.report.edition import Edition, Kind

AGENCIES = (
    "常州市人民政府外事办公室",
    "淮安市洪泽区人民政府",
    "上海市科学技术委员会",
    "平潭综合实验区管委会办公室",
    "某某市生态环境局",
    "某某县某某镇人民政府",
)

counts = st.integers(min_value=0, max_value=400)
money = st.decimals(
    min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False
).map(lambda d: d.normalize() if d == d.to_integral() else d)


def years_of(edition: Edition) -> st.SearchStrategy[int]:
    """Report years printed in this edition: up to the next edition's first year."""
    later = [
        e.first_year for e in editions.all_editions().values() if e.first_year > edition.first_year
    ]
    last = (min(later) - 1) if later else edition.first_year + 6
    return st.integers(min_value=edition.first_year, max_value=last)


@st.composite
def consistent_reports(draw: st.DrawFn, edition: Edition | None = None) -> Report:
    """A report of `edition` (any when None) that breaks no rule."""
    ed = edition or draw(st.sampled_from(list(editions.all_editions().values())))
    report = Report.empty(ed, draw(st.sampled_from(AGENCIES)), draw(years_of(ed)))
    for b, r in ed.proactive_rows:
        for f in b.fields:
            cell = f"proactive.{r.key}.{f.key}"
            if f.kind is Kind.MONEY:
                report[cell] = draw(money)
            elif f.kind is Kind.SIGNED:
                report[cell] = draw(st.integers(min_value=-200, max_value=200))
            else:
                report[cell] = draw(counts)
    applicants = [c.key for c in ed.columns if c.key != "total"]
    for col in applicants:
        total = 0
        for row in ed.outcome_rows:
            value = draw(st.integers(min_value=0, max_value=60))
            report[f"applications.{row.key}.{col}"] = value
            total += value
        forward = draw(st.integers(min_value=0, max_value=30))
        over = draw(st.integers(min_value=0, max_value=total + forward))
        report[f"applications.total.{col}"] = total
        report[f"applications.carried_forward.{col}"] = forward
        report[f"applications.carried_over.{col}"] = over
        report[f"applications.new_received.{col}"] = total + forward - over
    for row in ed.application_rows:
        report[f"applications.{row.key}.total"] = sum(
            report[f"applications.{row.key}.{c}"]
            for c in applicants  # type: ignore[misc]
        )
    for g in ed.appeal_groups:
        parts = [c.key for c in ed.appeal_columns if c.key != "total"]
        values = {c: draw(st.integers(min_value=0, max_value=40)) for c in parts}
        for c, v in values.items():
            report[f"appeals.{g.key}.{c}"] = v
        report[f"appeals.{g.key}.total"] = sum(values.values())
    return report


def any_value(kind: Kind) -> st.SearchStrategy:
    """Any value a cell of this kind may hold in a loadable report, including null."""
    if kind is Kind.MONEY:
        return st.one_of(st.none(), money)
    return st.one_of(st.none(), st.integers(min_value=-1000, max_value=100_000))
