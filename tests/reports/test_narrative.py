"""The narrative sections drafted from the records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.appeals.conftest import lodge  # noqa: F401  (a fixture)
from xxgk.appeals.models import Appeal
from xxgk.appeals.services import appeal_decide
from xxgk.applications.models import Application, ApplicationEvent
from xxgk.reports.compute import report_compute
from xxgk.reports.narrative import OTHER_PROMPT, PROBLEMS_PROMPT

pytestmark = pytest.mark.django_db


def test_the_sections_state_the_years_facts(tree, people, register, lodge) -> None:  # noqa: F811
    first = register(date(2025, 3, 3))
    Application.objects.filter(pk=first.pk).update(
        status="replied", outcome="granted", closed_on=date(2025, 3, 20)
    )
    register(date(2025, 12, 29))
    ApplicationEvent.objects.create(
        application=first,
        kind="fee_paid",
        on=date(2025, 3, 18),
        amount=Decimal("100.00"),
        recorded_by=people.officer,
    )
    lodge(date(2025, 6, 1))
    sections = report_compute(agency=tree.bureau, year=2025).sections
    assert set(sections) == {
        "overview",
        "proactive",
        "applications",
        "appeals",
        "problems",
        "other",
    }
    assert "收到政府信息公开申请2件，办结1件" in sections["overview"]
    assert "本年度未收到网站咨询和建议" in sections["overview"]
    assert "新收政府信息公开申请2件（自然人2件，法人或其他组织0件）" in sections["applications"]
    assert "其中予以公开1件" in sections["applications"]
    assert "结转下年度继续办理1件" in sections["applications"]
    assert sections["appeals"] == (
        "本年度因政府信息公开工作新被申请行政复议1件、新被提起行政诉讼0件。"
        "本年度审结0件，截至年底尚未审结1件。"
    )
    assert "收取信息处理费1件，共100元" in sections["other"]
    assert sections["problems"] == PROBLEMS_PROMPT
    assert sections["other"].endswith(OTHER_PROMPT)


def test_a_quiet_year(tree) -> None:
    sections = report_compute(agency=tree.bureau, year=2024).sections
    assert "未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况" in sections["appeals"]
    assert sections["other"].startswith("本年度未收取信息处理费。")
    assert "主动公开政府信息0条。" in sections["proactive"]


def test_section_4_counts_new_cases_by_the_year_received_and_tells_carried_ones_apart(
    tree,
    people,
    lodge,  # noqa: F811
) -> None:
    """A case received in 2024 is not 本年度被申请 in 2025: it is carried over, and the section
    says what was decided and what is still pending, as table 4 counts them."""
    old_review = lodge(date(2024, 11, 4))
    lodge(date(2024, 12, 2), kind="litigation")  # still pending
    new_review = lodge(date(2025, 6, 2))
    lodge(date(2025, 9, 1), kind="litigation")  # still pending
    lodge(date(2023, 3, 1), note="decided in 2023: not a case of 2025")
    for case, day in ((old_review, date(2025, 2, 10)), (new_review, date(2025, 8, 1))):
        appeal_decide(user=people.officer, appeal=case, decision="review_upheld", decided_on=day)
    Appeal.objects.filter(copy_received_on=date(2023, 3, 1)).update(
        decision="review_upheld", decided_on=date(2023, 5, 1)
    )
    report = report_compute(agency=tree.bureau, year=2025)
    assert report.sections["appeals"] == (
        "本年度因政府信息公开工作新被申请行政复议1件、新被提起行政诉讼1件，"
        "以前年度结转行政复议1件、行政诉讼1件。"
        "本年度审结2件（其中以前年度结转的1件），截至年底尚未审结2件（其中以前年度结转的1件）。"
    )
    table_4 = sum(report[f"appeals.{g.key}.total"] for g in report.edition.appeal_groups)
    assert table_4 == 4  # 2 decided + 2 pending, as the section says
    assert "均已审结" not in report.sections["appeals"]
    # 2024: both cases were new then, and both pending at its end
    assert report_compute(agency=tree.bureau, year=2024).sections["appeals"] == (
        "本年度因政府信息公开工作新被申请行政复议1件、新被提起行政诉讼1件。"
        "本年度审结0件，截至年底尚未审结2件。"
    )


def test_section_4_says_all_decided_only_when_none_is_pending(tree, people, lodge) -> None:  # noqa: F811
    old_review = lodge(date(2024, 11, 4))
    appeal_decide(
        user=people.officer,
        appeal=old_review,
        decision="review_upheld",
        decided_on=date(2025, 1, 6),
    )
    assert report_compute(agency=tree.bureau, year=2025).sections["appeals"] == (
        "本年度因政府信息公开工作新被申请行政复议0件、新被提起行政诉讼0件，"
        "以前年度结转行政复议1件、行政诉讼0件。以上1件均已于本年度审结。"
    )
