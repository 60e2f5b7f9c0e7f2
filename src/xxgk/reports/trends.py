"""Year over year: applications by applicant kind and by outcome, and reviews and lawsuits, over
up to five reports of one agency — each chart with the table of its numbers beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xxgk.report.model import Report
from xxgk.reports.tallies import TOTAL, count, outcome_kind, procedures

YEARS = 5


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    years: list[int]
    series: list[tuple[str, list[int]]]  # name, one value per year

    @property
    def element_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def rows(self) -> list[tuple[int, list[int]]]:
        """The table beside the chart: each year with its values, in the series' order."""
        return [(year, [v[i] for _, v in self.series]) for i, year in enumerate(self.years)]

    def data(self) -> dict[str, object]:
        """What the page's script draws (json_script)."""
        return {
            "title": self.title,
            "years": [str(y) for y in self.years],
            "series": [{"name": n, "values": v} for n, v in self.series],
        }


def trend_charts(reports: Sequence[Report]) -> list[Chart]:
    """The charts of `reports` (any order; at most the last five years are drawn)."""
    chosen = sorted(reports, key=lambda r: r.year)[-YEARS:]
    if not chosen:
        return []
    years = [r.year for r in chosen]
    kinds = [c for c in chosen[-1].edition.columns if c.key != TOTAL]
    received = chosen[-1].edition.application_row("new_received")
    by_kind = [
        (c.label.text, [count(r[f"applications.new_received.{c.key}"]) for r in chosen])
        for c in kinds
    ]
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(chosen):
        for row in r.edition.outcome_rows:
            if row.key == TOTAL:
                continue
            values = groups.setdefault(outcome_kind(row)[0], [0] * len(chosen))
            values[i] += count(r[f"applications.{row.key}.{TOTAL}"])
    appeals: dict[str, list[int]] = {}
    for i, r in enumerate(chosen):
        for name, total in procedures(r):
            appeals.setdefault(name, [0] * len(chosen))[i] = total
    return [
        Chart("applicants", f"{received.short}申请（按申请人）", years, by_kind),
        Chart("outcomes", "办理结果", years, list(groups.items())),
        Chart("appeals", "、".join(appeals), years, list(appeals.items())),
    ]


def published_reports(reports_json: Sequence[dict[str, object]]) -> list[Report]:
    """Reports from published report JSON (the portal draws only what was published)."""
    from xxgk.report import jsonio

    return [jsonio.from_json(data) for data in reports_json]
