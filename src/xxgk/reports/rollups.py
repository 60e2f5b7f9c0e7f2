"""汇总 of published reports over a part of the agency tree (`xxgk.report.rollup`: the cell-wise
sum, checked, each source's findings kept with its name)."""

from __future__ import annotations

from collections.abc import Sequence

from xxgk.report import jsonio
from xxgk.report.model import Report
from xxgk.report.rollup import rollup
from xxgk.reports.selectors import AgencyStatus


def published_rollup(statuses: Sequence[AgencyStatus], *, name: str) -> Report | None:
    """The sum of the published reports among `statuses` as `name`'s report; None if none is
    published. The agencies not yet published are not in it (the page says which)."""
    reports = [
        jsonio.from_json(s.published.report_json)
        for s in statuses
        if s.published is not None and s.published.report_json
    ]
    return rollup(reports, agency=name) if reports else None
