"""The annual report (政府信息公开工作年度报告): editions, model, checks, roll-up, JSON.

Pure Python; nothing here imports Django.
"""

from xxgk.report.checks import check, cross_year
from xxgk.report.edition import Edition, Kind, Severity
from xxgk.report.editions import all_editions, for_year, get
from xxgk.report.jsonio import ReportError, dumps, load, loads, save, to_json
from xxgk.report.model import Finding, Provenance, Report
from xxgk.report.rollup import RollupError, rollup

__all__ = [
    "Edition",
    "Finding",
    "Kind",
    "Provenance",
    "Report",
    "ReportError",
    "RollupError",
    "Severity",
    "all_editions",
    "check",
    "cross_year",
    "dumps",
    "for_year",
    "get",
    "load",
    "loads",
    "rollup",
    "save",
    "to_json",
]
