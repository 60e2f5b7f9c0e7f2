"""The sections an officer writes over a draft's prompts before sending the report on."""

from __future__ import annotations

from typing import Any

from xxgk.reports.narrative import OTHER_PROMPT
from xxgk.reports.services import report_sections_save

PROBLEMS = "人员力量不足。下一步将加强培训。"
OTHER = "本年度无其他需要报告的事项。"


def written(annual: Any) -> dict[str, str]:
    return {"problems": PROBLEMS, "other": annual.sections["other"].replace(OTHER_PROMPT, OTHER)}


def write_sections(user: Any, annual: Any) -> None:
    report_sections_save(user=user, annual=annual, sections=written(annual))
