"""The portal's pages, as an anonymous visitor sees them."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.portal.factories import record
from xxgk.disclosures.choices import Status
from xxgk.portal import views
from xxgk.portal.services import guide_publish

pytestmark = pytest.mark.django_db


def page(client, name: str, *args, query: str = "") -> str:
    response = client.get(reverse(f"portal:{name}", args=args) + query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(html: str) -> list[str]:
    return re.findall(r'<a href="/gk/xxgk/[^"]+">([^<]+)</a>', html)


def test_home_shows_the_agency_tree(client, portal, tree) -> None:
    html = page(client, "home")
    for agency in (tree.city, tree.bureau, tree.district, tree.township, tree.other_city):
        assert agency.name in html
    assert f'class="depth-1"><a href="/gk/{tree.bureau.pk}/"' in html
    assert "5 条公开信息" in html  # the bureau's published records only


def test_the_guide_shows_the_current_version_and_its_date(client, portal) -> None:
    html = page(client, "guide", portal.agency.pk)
    assert "甲市自然资源局办公室" in html
    assert "2025-02-01" in html
    assert "0599-1234568" in html  # 传真
    assert "xxgk@example.gov.cn" in html
    assert "旧办公室" not in html  # the older version is not shown as current…
    assert "2024-01-10 发布的版本" in html  # …but listed


def test_a_new_guide_version_never_overwrites(portal) -> None:
    from xxgk.portal.models import GuideVersion

    current = GuideVersion.objects.filter(agency=portal.agency).first()
    assert current is not None
    current.phone = "改过的"
    with pytest.raises(ValueError, match="不能修改"):
        current.save()


def test_no_guide_yet(client, tree) -> None:
    assert "尚未发布政府信息公开指南" in page(client, "guide", tree.city.pk)
    assert "尚未发布政府信息公开指南" in page(client, "apply", tree.city.pk)


def test_rules(client, portal) -> None:
    html = page(client, "rules", portal.agency.pk)
    assert "政府信息公开保密审查制度" in html
    assert "2024-05-01" in html


def test_statutory_items_count_published_records(client, portal) -> None:
    html = page(client, "statutory", portal.agency.pk)
    assert re.search(
        r'\?item=9">（九）政府集中采购项目的目录、标准及实施情况</a></th>\s*<td class="num">1<',
        html,
    )
    assert re.search(
        r'\?item=1">（一）行政法规、规章和规范性文件</a></th>\s*<td class="num">2<', html
    )
    assert re.search(r"（十五）[^<]*</th>\s*<td class=\"num\">0<", html)


def test_the_catalogue_shows_only_published_records(client, portal) -> None:
    html = page(client, "catalogue", portal.agency.pk)
    assert titles(html) == [
        portal.budget_en.title,
        portal.budget.title,
        portal.procurement.title,
        portal.interpretation.title,
        portal.rule.title,
    ]
    assert portal.draft.title not in html
    assert portal.withdrawn.title not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?item=9", ["procurement"]),
        ("?item=1", ["interpretation", "rule"]),
        ("?year=2024", ["procurement"]),
        ("?validity=repealed", ["rule"]),
        ("?document_number=规", ["rule"]),
        ("?sort=published_asc&item=1", ["rule", "interpretation"]),
        ("?sort=made_desc&item=1", ["interpretation", "rule"]),
        ("?item=99", ["budget_en", "budget", "procurement", "interpretation", "rule"]),  # ignored
    ],
)
def test_catalogue_filters(client, portal, query, expected) -> None:
    html = page(client, "catalogue", portal.agency.pk, query=query)
    assert titles(html) == [getattr(portal, name).title for name in expected]


def test_catalogue_theme_filter(client, portal) -> None:
    html = page(client, "catalogue", portal.agency.pk, query=f"?theme={portal.finance.pk}")
    assert titles(html) == [portal.budget.title, portal.procurement.title]


def test_catalogue_paginates(client, portal, people, monkeypatch) -> None:
    monkeypatch.setattr(views, "PER_PAGE", 2)
    first = page(client, "catalogue", portal.agency.pk, query="?sort=published_asc")
    assert "第 1 页，共 3 页" in first
    assert 'href="?sort=published_asc&amp;page=2" rel="next"' in first
    third = page(client, "catalogue", portal.agency.pk, query="?sort=published_asc&page=3")
    assert titles(third) == [portal.budget_en.title]


def test_reports_say_there_are_none_yet(client, portal) -> None:
    assert "尚未在本专栏发布政府信息公开工作年度报告" in page(client, "reports", portal.agency.pk)


def test_apply_explains_the_channels_from_the_guide(client, portal) -> None:
    html = page(client, "apply", portal.agency.pk)
    for fact in ("甲市中山路2号", "0599-1234568", "xxgk@example.gov.cn", "350001"):
        assert fact in html


def test_a_record_has_a_permanent_url_from_its_index_number(client, portal) -> None:
    url = reverse("portal:disclosure", args=[portal.budget.index_number])
    assert url == f"/gk/xxgk/{portal.budget.index_number}/"
    html = page(client, "disclosure", portal.budget.index_number)
    for fact in (
        "014000319/2025-",
        "甲市自然资源局",
        "财政、金融、审计",
        "2025-03-01",
        "2025-03-05",
        "甲自然资〔2025〕3号",
        "（七）财政预算、决算信息",
        "<strong>部门预算</strong>",
    ):
        assert fact in html, fact


def test_an_index_number_with_other_characters_round_trips(client, tree, people) -> None:
    from tests.portal.factories import record

    odd = record(
        agency=tree.bureau,
        user=people.officer,
        title="特殊索引号",
        index_number="甲A 01/2025-综合/7",
    )
    url = reverse("portal:disclosure", args=[odd.index_number])
    assert url == "/gk/xxgk/%E7%94%B2A%2001/2025-%E7%BB%BC%E5%90%88/7/"
    assert "特殊索引号" in client.get(url).content.decode()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.WITHDRAWN])
def test_a_record_not_public_is_not_found(client, portal, status) -> None:
    record = portal.draft if status == Status.DRAFT else portal.withdrawn
    response = client.get(reverse("portal:disclosure", args=[record.index_number]))
    assert response.status_code == 404
    assert client.get("/gk/xxgk/../x/").status_code == 404


def test_language_versions(client, portal) -> None:
    html = page(client, "disclosure", portal.budget.index_number)
    assert '<article lang="zh-Hans"' in html
    en_url = reverse("portal:disclosure", args=[portal.budget_en.index_number])
    assert f'<link rel="alternate" hreflang="en" href="{en_url}">' in html
    assert f'<a href="{en_url}" hreflang="en" lang="en">English</a>' in html
    english = page(client, "disclosure", portal.budget_en.index_number)
    assert '<article lang="en"' in english
    assert 'hreflang="zh-Hans"' in english


def test_interpretations_link_both_ways(client, portal) -> None:
    html = page(client, "disclosure", portal.rule.index_number)
    assert "相关解读" in html
    assert portal.interpretation.title in html
    assert "已废止" in html
    back = page(client, "disclosure", portal.interpretation.index_number)
    assert portal.rule.title in back


def test_search_page(client, portal) -> None:
    html = page(client, "search", query="?q=采购")
    assert "“采购”找到 2 条结果" in html
    assert "<mark>采购</mark>" in html
    assert html.index(portal.procurement.title.replace("采购", "<mark>采购</mark>")) < html.index(
        "部门预算公开"
    )
    by_date = page(client, "search", query="?q=采购&sort=published_asc")
    assert by_date.index("集中") < by_date.index("部门预算公开")
    filtered = page(client, "search", query=f"?q=采购&agency={portal.agency.pk}&year=2024")
    assert "找到 1 条结果" in filtered
    assert "没有找到" in page(client, "search", query="?q=不存在的词语")
    assert "输入关键词" in page(client, "search")


def test_feeds(client, portal) -> None:
    rss = client.get(reverse("portal:feed_rss", args=[portal.agency.pk]))
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert portal.budget.title in body
    assert portal.draft.title not in body
    assert portal.withdrawn.title not in body
    assert f"/gk/xxgk/{portal.budget.index_number}/" in body
    atom = client.get(reverse("portal:feed_atom", args=[portal.agency.pk]))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert portal.procurement.title in atom.content.decode()


def test_sitemap(client, portal) -> None:
    body = client.get("/sitemap.xml").content.decode()
    assert f"/gk/xxgk/{portal.budget.index_number}/" in body
    assert f"/gk/{portal.agency.pk}/catalogue/" in body
    assert portal.draft.index_number not in body


def test_the_cache_is_forgotten_when_the_portal_changes(
    client, tree, django_capture_on_commit_callbacks
) -> None:
    assert "0 条公开信息" in page(client, "home")
    from xxgk.agencies.services import agency_create

    agency_create(actor=None, name="新设的机关", level="city")
    assert "新设的机关" not in page(client, "home")  # cached
    with django_capture_on_commit_callbacks(execute=True):
        guide_publish(
            agency=tree.city,
            published_on=date(2025, 1, 1),
            office_name="办公室",
            address="地址",
            hours="工作日",
            phone="1",
            classification="分类",
            obtaining="方式",
        )
    assert "新设的机关" in page(client, "home")


def test_english(client, portal) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/gk/"})
    html = page(client, "catalogue", portal.agency.pk)
    assert '<html lang="en">' in html
    assert "Disclosure catalogue" in html
    assert "Index number" in html
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/gk/"})
    assert '<html lang="zh-Hans">' in page(client, "catalogue", portal.agency.pk)


def test_attachments_of_published_records_only(client, portal, media) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    def attach(record):
        return record.attachments.create(
            file=SimpleUploadedFile("x.pdf", b"%PDF-1.4 budget"),
            name="2025年部门预算.pdf",
            size=15,
            content_type="application/pdf",
        )

    shown = attach(portal.budget)
    html = page(client, "disclosure", portal.budget.index_number)
    assert f'href="/gk/attachments/{shown.pk}/" download>2025年部门预算.pdf</a>' in html
    response = client.get(reverse("portal:attachment", args=[shown.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment;" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 budget"
    hidden = attach(portal.withdrawn)
    assert client.get(reverse("portal:attachment", args=[hidden.pk])).status_code == 404


def test_the_browser_language_chooses_on_the_portal_only(client, portal, people) -> None:
    english = client.get(reverse("portal:home"), headers={"accept-language": "en"})
    assert '<html lang="en">' in english.content.decode()
    client.force_login(people.officer)
    back_office = client.get(reverse("login"), headers={"accept-language": "en"})
    assert back_office["Content-Language"] == "zh-hans"


def test_search_pages_and_a_page_past_the_last(client, portal, people, monkeypatch) -> None:
    monkeypatch.setattr("xxgk.portal.views.PER_PAGE", 1)
    first = page(client, "search", query="?q=采购")
    assert "第 1 页，共 2 页" in first
    assert "找到 2 条结果" in first
    assert "第 2 页，共 2 页" in page(client, "search", query="?q=采购&page=2")
    # A page past the last, or not a number, is answered as Paginator.get_page would.
    assert "第 2 页，共 2 页" in page(client, "search", query="?q=采购&page=9")
    assert "第 1 页，共 2 页" in page(client, "search", query="?q=采购&page=x")


def test_a_search_of_the_whole_register_pages_up_to_the_cap(client, portal, monkeypatch) -> None:
    # Past CAP matches the count stops, says so, and the filters narrow the rest; a filtered
    # search is counted whole.
    monkeypatch.setattr("xxgk.portal.views.PER_PAGE", 1)
    monkeypatch.setattr("xxgk.portal.search.CAP", 1)
    capped = page(client, "search", query="?q=采购")
    assert (
        "“采购”找到超过 1 条结果，列出最相关的 1 条；按发布机关、年份等筛选可以缩小范围。" in capped
    )
    assert "下一页" not in capped
    past = page(client, "search", query="?q=采购&page=2")  # past the cap: the last page
    assert portal.procurement.index_number in capped
    assert portal.procurement.index_number in past
    assert "找到超过 1 条结果" in past
    filtered = page(client, "search", query=f"?q=采购&agency={portal.agency.pk}")
    assert "找到 2 条结果" in filtered
    assert "第 1 页，共 2 页" in filtered


def test_a_kept_search_page_is_forgotten_when_a_record_is_published(
    client, portal, tree, people, django_capture_on_commit_callbacks
) -> None:
    assert "找到 2 条结果" in page(client, "search", query="?q=采购")
    with django_capture_on_commit_callbacks(execute=True):
        record(agency=tree.bureau, user=people.officer, title="采购意向公开", body="<p>意向</p>")
    assert "找到 3 条结果" in page(client, "search", query="?q=采购")
