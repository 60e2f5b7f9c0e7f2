"""The supervising office's page: who has published, who has not, and the roll-up."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.reports.sections import write_sections
from xxgk.disclosures.figures import figure_cells, figures_enter
from xxgk.reports.services import report_approve, report_open, report_publish, report_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(tree, people, register, media):
    figures_enter(
        user=people.officer,
        agency=tree.bureau,
        year=2025,
        values={c.cell: "0" for c in figure_cells(2025)},
    )
    register(date(2025, 3, 3))
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    report_submit(user=people.officer, annual=annual)
    report_approve(user=people.head, annual=annual)
    report_publish(user=people.officer, annual=annual)
    return annual


def test_who_has_published_and_the_rollup(client, tree, people, published, today) -> None:
    today.set(date(2026, 1, 20))
    client.force_login(people.supervisor)
    html = client.get(reverse("reports:supervise"), {"year": 2025}).content.decode()
    assert "共 4 个机关，已发布 1 个，未发布 3 个" in html
    assert "已发布（第 1 版" in html
    assert "2026-03-31，还剩 70 天" in html  # the district government's, not yet published
    assert "✓ 一致" in html
    assert "全部机关中已发布报告的1个机关汇总" in html  # the roll-up's title
    xlsx = client.get(reverse("reports:rollup_xlsx"), {"year": 2025})
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"
    own = client.get(
        reverse("reports:supervise"), {"year": 2025, "root": tree.city.pk, "scope": "own"}
    ).content.decode()
    assert f">{tree.township.name}</a></td>" not in own  # 本级及所属: not two levels down
    assert f">{tree.bureau.name}</a></td>" in own


def test_the_command_line_status(tree, published) -> None:
    import json

    from typer.testing import CliRunner

    from xxgk.cli import load_commands

    result = CliRunner().invoke(load_commands(), ["report", "status", "--year", "2025", "--json"])
    assert result.exit_code == 0, result.stderr
    rows = {r["agency"]: r for r in json.loads(result.stdout)}
    assert rows[tree.bureau.name]["published"] is True
    assert rows[tree.bureau.name]["version"] == 1
    assert rows[tree.district.name]["published"] is False
    assert rows[tree.district.name]["deadline"] == "2026-03-31"


def _published_on(annual, day: date) -> None:
    from datetime import datetime, time

    from django.utils import timezone

    annual.published_at = timezone.make_aware(datetime.combine(day, time(10)))
    annual.save(update_fields=["published_at"])


def test_a_report_published_after_its_deadline_is_marked(
    client, tree, people, published, today
) -> None:
    """条例第四十九条: a department's report by 31 January; published on 3 December, late."""
    from typer.testing import CliRunner

    from xxgk.cli import load_commands

    today.set(date(2026, 12, 3))
    _published_on(published, date(2026, 12, 3))
    client.force_login(people.supervisor)
    html = client.get(reverse("reports:supervise"), {"year": 2025}).content.decode()
    assert '2026-01-31，<strong class="overdue">逾期发布</strong>' in html
    status = CliRunner().invoke(load_commands(), ["report", "status", "--year", "2025"])
    assert f"{tree.bureau.name}：已发布（第 1 版，2026-12-03）；期限 2026-01-31，逾期发布" in (
        status.stdout
    )
    assert f"{tree.district.name}：未发布：尚未编制；期限 2026-03-31，已逾期" in status.stdout
    _published_on(published, date(2026, 1, 30))
    html = client.get(reverse("reports:supervise"), {"year": 2025}).content.decode()
    assert "逾期发布" not in html


def test_the_rollup_says_which_agencies_it_sums_and_which_it_leaves_out(
    client, tree, people, published, today
) -> None:
    """Only published reports are summed: the workbook says so on every table and lists the
    agencies; the page's sections 一, 五 and 六 say what they are instead of printing empty."""
    import io

    from openpyxl import load_workbook

    today.set(date(2026, 1, 20))
    client.force_login(people.supervisor)
    others = [tree.city.name, tree.district.name, tree.township.name]
    scope = (
        f"本汇总仅为已发布2025年度报告的1个机关的报告逐格相加：{tree.bureau.name}。"
        f"尚未发布年度报告的3个机关未计入："
    )
    xlsx = client.get(reverse("reports:rollup_xlsx"), {"year": 2025})
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[0] == "汇总范围"
    listing = list(book["汇总范围"].iter_rows(values_only=True))
    assert listing[0][0] == "全部机关中已发布报告的1个机关汇总2025年政府信息公开工作年度报告"
    assert listing[1][0].startswith(scope)
    assert all(name in listing[1][0] for name in others)
    assert (tree.bureau.name, "已发布（第1版），计入汇总") in listing
    assert (tree.district.name, "未发布，未计入汇总") in listing
    tables = [s for s in book.worksheets if s.title not in ("汇总范围", "勾稽关系检查结果")]
    assert len(tables) == 3
    for sheet in tables:
        assert sheet["A1"].value == listing[0][0]
        assert sheet["A2"].value.startswith(scope)
    html = client.get(reverse("reports:supervise"), {"year": 2025}).content.decode()
    assert scope in html  # section 一 of the roll-up
    assert html.count("各机关报告的文字部分不汇总") == 2  # sections 五 and 六
