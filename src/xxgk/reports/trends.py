"""Year over year: applications by applicant kind and by outcome, and reviews and lawsuits, over
up to five reports of one agency — each chart with the table of its numbers beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xxgk.report.model import Report

TOTAL = "total"
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


def _n(value: object) -> int:
    return value if isinstance(value, int) else 0


def _outcome_group(short: str) -> str:
    """An outcome row's group: 不予公开-过程性信息 → 不予公开."""
    return short.partition("-")[0]


def trend_charts(reports: Sequence[Report]) -> list[Chart]:
    """The charts of `reports` (any order; at most the last five years are drawn)."""
    chosen = sorted(reports, key=lambda r: r.year)[-YEARS:]
    if not chosen:
        return []
    years = [r.year for r in chosen]
    kinds = [c for c in chosen[-1].edition.columns if c.key != TOTAL]
    by_kind = [
        (c.label.text, [_n(r[f"applications.new_received.{c.key}"]) for r in chosen]) for c in kinds
    ]
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(chosen):
        for row in r.edition.outcome_rows:
            if row.key == TOTAL:
                continue
            values = groups.setdefault(_outcome_group(row.short), [0] * len(chosen))
            values[i] += _n(r[f"applications.{row.key}.{TOTAL}"])
    appeals = [
        ("行政复议", [_n(r["appeals.review.total"]) for r in chosen]),
        (
            "行政诉讼",
            [
                _n(r["appeals.litigation_direct.total"])
                + _n(r["appeals.litigation_after_review.total"])
                for r in chosen
            ],
        ),
    ]
    return [
        Chart("applicants", "本年新收申请（按申请人）", years, by_kind),
        Chart("outcomes", "办理结果", years, list(groups.items())),
        Chart("appeals", "行政复议、行政诉讼", years, appeals),
    ]


def published_reports(reports_json: Sequence[dict[str, object]]) -> list[Report]:
    """Reports from published report JSON (the portal draws only what was published)."""
    from xxgk.report import jsonio

    return [jsonio.from_json(data) for data in reports_json]
