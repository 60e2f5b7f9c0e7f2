"""The computed report in the back office, and its drill-down."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.appeals.conftest import lodge  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def test_each_number_links_to_the_records_it_counts(client, tree, people, register) -> None:
    first = register(date(2025, 3, 3))
    register(
        date(2025, 4, 1),
        applicant_kind="commercial",
        credit_code="91350100M000100Y43",
        id_number="",
        contact_person="李四",
    )
    client.force_login(people.officer)
    page = client.get(reverse("reports:detail", args=[tree.bureau.pk, 2025]))
    assert page.status_code == 200
    html = page.content.decode()
    cell = reverse("reports:cell", args=[tree.bureau.pk, 2025, "applications.new_received.total"])
    assert f'<a href="{cell}">2</a>' in html
    assert "以下统计数尚未录入" in html  # no table-2 figure entered in the test
    # Table 2 links too: the register's records, or the figures entered.
    figure = reverse("reports:cell", args=[tree.bureau.pk, 2025, "proactive.licensing.decisions"])
    assert f'href="{figure}"' in html
    assert "尚未录入" in client.get(figure).content.decode()
    drill = client.get(cell).content.decode()
    assert "收到申请之日在本年度内" in drill
    assert first.number in drill
    kind = reverse(
        "reports:cell", args=[tree.bureau.pk, 2025, "applications.new_received.commercial"]
    )
    only = client.get(kind).content.decode()
    assert first.number not in only
    assert "商业企业" in only


def test_the_index_chooses_an_agency_and_year(client, tree, people) -> None:
    client.force_login(people.officer)
    page = client.get(reverse("reports:index"))
    assert tree.bureau.name in page.content.decode()
    assert tree.other_city.name not in page.content.decode()
    chosen = client.get(reverse("reports:index"), {"agency": tree.bureau.pk, "year": 2025})
    assert chosen["Location"] == reverse("reports:detail", args=[tree.bureau.pk, 2025])


@pytest.mark.parametrize(
    ("year", "cell"),
    [
        (2018, "applications.new_received.total"),
        (2025, "proactive.licensing.nothing"),
        (2025, "applications.nothing.total"),
    ],
)
def test_what_is_not_counted_here_is_not_found(client, tree, people, year, cell) -> None:
    client.force_login(people.officer)
    assert client.get(reverse("reports:cell", args=[tree.bureau.pk, year, cell])).status_code == 404


@pytest.mark.parametrize("name", ["reports:detail", "reports:cell"])
def test_another_agencys_report_is_not_found_in_the_reports_words(
    client, tree, people, name
) -> None:
    client.force_login(people.outsider)
    args = [tree.bureau.pk, 2025] + (["applications.new_received.total"] if "cell" in name else [])
    page = client.get(reverse(name, args=args))
    assert page.status_code == 404
    assert "没有这份年度报告，或您无权查看。" in page.content.decode()


def test_the_stylesheet_is_the_renderers(client) -> None:
    from xxgk.report.render.html import css

    response = client.get(reverse("reports:css"))
    assert response["Content-Type"].startswith("text/css")
    assert response.content.decode() == css()


def test_the_workflow_through_the_pages_and_the_portal(
    client, tree, people, register, media
) -> None:
    from django.test import Client

    from xxgk.applications.models import Application
    from xxgk.disclosures.figures import figure_cells, figures_enter

    figures_enter(
        user=people.officer,
        agency=tree.bureau,
        year=2025,
        values={c.cell: "0" for c in figure_cells(2025)},
    )
    register(date(2025, 3, 3))
    page = reverse("reports:detail", args=[tree.bureau.pk, 2025])
    step = reverse("reports:step", args=[tree.bureau.pk, 2025])
    officer, head = Client(), Client()
    officer.force_login(people.officer)
    head.force_login(people.head)
    assert "开始编制" in officer.get(page).content.decode()
    officer.post(step, {"step": "open"})
    html = officer.get(page).content.decode()
    assert "草稿" in html
    assert "收到政府信息公开申请1件" in html  # the drafted 总体情况
    from xxgk.reports.models import AnnualReport
    from xxgk.reports.narrative import OTHER_PROMPT

    other = AnnualReport.objects.get().sections["other"].replace(OTHER_PROMPT, "无。")
    officer.post(
        step, {"step": "submit", "section-problems": "人员力量不足。", "section-other": other}
    )
    html = officer.get(page).content.decode()
    assert "送审" in html
    assert "人员力量不足。" in html  # the edited section is in the report
    assert "批准</button>" not in html  # the officer does not approve
    head.post(step, {"step": "approve"})
    officer.post(step, {"step": "publish"})
    html = officer.get(page).content.decode()
    assert "已发布的版本" in html
    # the page shows the report as published, the officer's text, not a new draft's prompts
    assert "人员力量不足。" in html
    assert "第 1 版，按发布时的内容显示" in html
    assert "请写明本年度政府信息公开工作存在的主要问题" not in html
    portal = client.get(reverse("portal:reports", args=[tree.bureau.pk])).content.decode()
    assert "2025年度报告" in portal
    pdf = re.search(r'href="(/gk/reports/\d+/pdf/)"', portal).group(1)
    download = client.get(pdf)
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:4] == b"%PDF"
    # The web page keeps its inline stylesheet (borders, merged cells, A4) and runs no script.
    page_html = client.get(pdf.replace("/pdf/", "/html/"))
    policy = page_html["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'none'" in policy
    assert b"<style" in b"".join(page_html.streaming_content)
    assert (
        "'unsafe-inline'"
        not in client.get(reverse("portal:reports", args=[tree.bureau.pk]))[
            "Content-Security-Policy"
        ]
    )
    # A record changes after publication: the page says which cells.
    Application.objects.update(applicant_kind="research", credit_code="12350100M000100Y4X")
    html = officer.get(page).content.decode()
    assert "发布后记录有变动" in html
    # The charts of the years, each with its table, on the report page and the portal.
    assert 'id="chart-applicants" type="application/json"' in html
    assert "reports/echarts-6.1.0.min.js" in html
    assert (
        'id="chart-outcomes"'
        in client.get(reverse("portal:reports", args=[tree.bureau.pk])).content.decode()
    )
    officer.post(step, {"step": "correct", "note": "更正申请人类型。"})
    assert "第 2 版" in officer.get(page).content.decode()


def test_table_2_lists_the_register_records_behind_a_number(client, tree, people) -> None:
    from xxgk.disclosures.choices import Kind, Status

    rule = tree.bureau.disclosures.create(
        index_number="t/2025-1",
        title="甲市国有土地上房屋征收补偿办法",
        publisher="局",
        kind=Kind.NORMATIVE,
        made_on=date(2025, 4, 1),
        published_on=date(2025, 4, 8),
        status=Status.PUBLISHED,
        created_by=people.officer,
    )
    client.force_login(people.officer)
    cell = reverse(
        "reports:cell", args=[tree.bureau.pk, 2025, "proactive.normative_documents.issued"]
    )
    html = client.get(cell).content.decode()
    assert rule.title in html
    assert "本年制发（成文日期在本年度内）且已公开" in html


def test_a_figure_names_who_entered_it_as_the_rest_of_the_pages_do(client, tree, people) -> None:
    from django.db import transaction

    from xxgk.disclosures.figures import figure_enter

    people.officer.first_name = "李明"  # as the demo and the user admin keep a name
    people.officer.save()
    cell = "proactive.licensing.decisions"
    with transaction.atomic():
        figure_enter(user=people.officer, agency=tree.bureau, year=2025, cell=cell, value=3)
    client.force_login(people.officer)
    page = client.get(reverse("reports:cell", args=[tree.bureau.pk, 2025, cell])).content.decode()
    assert "<td>李明</td>" in page
    assert "<td>officer</td>" not in page


def test_the_heads_reason_for_returning_reaches_the_officer(client, tree, people, register) -> None:
    """退回修改: the draft's page tells the agency's officers who returned it, when and why; the
    notice goes once the report is sent on again."""
    from tests.reports.sections import write_sections
    from xxgk.disclosures.figures import figure_cells, figures_enter
    from xxgk.reports.services import report_open, report_return, report_submit

    values = {c.cell: "0" for c in figure_cells(2025)}
    figures_enter(user=people.officer, agency=tree.bureau, year=2025, values=values)
    register(date(2025, 3, 3))
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    report_submit(user=people.officer, annual=annual)
    report_return(user=people.head, annual=annual, reason="第五部分请写明改进措施。")
    client.force_login(people.officer)
    page = reverse("reports:detail", args=[tree.bureau.pk, 2025])
    html = client.get(page).content.decode()
    assert "负责人已退回修改" in html
    assert "理由：第五部分请写明改进措施。" in html
    assert re.search(r"head 于 \d{4}-\d\d-\d\d \d\d:\d\d 退回", html)
    report_submit(user=people.officer, annual=annual)
    assert "负责人已退回修改" not in client.get(page).content.decode()


def test_a_figure_not_entered_is_named_in_chinese_with_where_to_enter_it(
    client, tree, people
) -> None:
    client.force_login(people.officer)
    html = client.get(reverse("reports:detail", args=[tree.bureau.pk, 2025])).content.decode()
    assert "以下统计数尚未录入" in html
    assert "compute.figure_missing" not in html
    assert "<code>统计数未录入</code>" in html
    figures = reverse("disclosures:figures") + f"?agency={tree.bureau.pk}&amp;year=2025"
    assert f'<a href="{figures}">到“年度统计数”录入</a>' in html


def test_a_pending_case_in_a_drill_down_is_not_given_an_empty_date(
    client,
    tree,
    people,
    lodge,  # noqa: F811
) -> None:
    lodge(date(2025, 6, 2), kind="litigation")
    client.force_login(people.officer)
    cell = "appeals.litigation_direct.pending"
    html = client.get(reverse("reports:cell", args=[tree.bureau.pk, 2025, cell])).content.decode()
    assert "<td>尚未审结</td>" in html
    assert "尚未审结（—）" not in html
