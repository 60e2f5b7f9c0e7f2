"""The demo's 2025 annual reports: the 自然资源和规划局's published, the 生态环境局's in 送审, and
the 住房和城乡建设局's held in draft by a finding (its table-2 figures were never entered)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User

from xxgk.agencies.models import Agency
from xxgk.reports.models import AnnualReport
from xxgk.reports.narrative import OTHER_PROMPT
from xxgk.reports.services import (
    report_approve,
    report_open,
    report_publish,
    report_sections_save,
    report_submit,
)

YEAR = 2025
PROBLEMS = (
    "一是部分科室对政府信息公开工作重视不够，信息发布不够及时；二是政策解读形式较为单一。"
    "下一步，我局将加强业务培训，完善信息发布审核机制，丰富图解、视频等解读形式。"
)


OTHER = "本年度按时办结人大代表建议2件、政协提案3件，办理结果均已公开。"


def _written(annual: AnnualReport) -> dict[str, str]:
    """The sections the officer writes in place of the draft's prompts."""
    other = annual.sections.get("other", "").replace(OTHER_PROMPT, OTHER)
    return {"problems": PROBLEMS, "other": other}


def reports_demo_load(agencies: dict[str, Agency], users: dict[str, User], today: date) -> None:
    if today < date(YEAR + 1, 1, 5):  # the year's figures are entered from then (the demo's)
        return
    published = report_open(
        user=users["officer"], agency=agencies["江城市自然资源和规划局"], year=YEAR
    )
    report_sections_save(user=users["officer"], annual=published, sections=_written(published))
    report_submit(user=users["officer"], annual=published)
    report_approve(user=users["head"], annual=published)
    report_publish(user=users["officer"], annual=published)
    submitted = report_open(user=users["eco"], agency=agencies["江城市生态环境局"], year=YEAR)
    report_sections_save(user=users["eco"], annual=submitted, sections=_written(submitted))
    report_submit(user=users["eco"], annual=submitted)
    report_open(user=users["housing"], agency=agencies["江城市住房和城乡建设局"], year=YEAR)
