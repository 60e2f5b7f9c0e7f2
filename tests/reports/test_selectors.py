"""Last year's reports still to publish, and the 条例第四十九条 deadline of each level."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from xxgk.reports.selectors import deadline_of, reports_due

pytestmark = pytest.mark.django_db


def test_the_deadline_by_level(tree) -> None:
    assert deadline_of(tree.bureau, 2025) == date(2026, 1, 31)  # a department
    assert deadline_of(tree.city, 2025) == date(2026, 3, 31)  # a government
    assert deadline_of(tree.township, 2025) is None  # the 条例 sets none


def test_the_officers_queue_shows_the_days_left(client, tree, people, today) -> None:
    today.set(date(2026, 1, 10))
    (due,) = reports_due(user=people.officer, today=date(2026, 1, 10))
    assert (due.agency, due.year, due.days_left, due.status) == (tree.bureau, 2025, 21, "")
    client.force_login(people.officer)
    html = client.get(reverse("applications:queue")).content.decode()
    assert "甲市自然资源局 2025 年度报告" in html
    assert "须于 2026-01-31 前公布，还剩 21 天" in html
    late = reports_due(user=people.officer, today=date(2026, 2, 3))[0]
    assert late.overdue == 3
    assert reports_due(user=people.supervisor, today=date(2026, 1, 10)) == []  # reads only


def test_a_published_report_is_no_longer_due(tree, people) -> None:
    from xxgk.reports.models import AnnualReport, ReportStatus

    AnnualReport.objects.create(
        agency=tree.bureau, year=2025, created_by=people.officer, status=ReportStatus.PUBLISHED
    )
    assert reports_due(user=people.officer, today=date(2026, 1, 10)) == []
