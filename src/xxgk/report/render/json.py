"""The report as report JSON (spec/report-json.md), as `xxgk.report.jsonio` writes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from xxgk.report import jsonio
from xxgk.report.model import Finding, Report


def render(report: Report, *, findings: Sequence[Finding] | None = None) -> str:
    """Report JSON text. `findings`: written in place of the findings the report carries."""
    if findings is not None:
        report = replace(report, findings=list(findings))
    return jsonio.dumps(report) + "\n"
