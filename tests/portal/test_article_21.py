"""The portal's 法定主动公开内容 page and catalogue with 条例第二十一条's items: after Art. 20's,
only those of the agency's level, with counts and catalogue links."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.portal.factories import record
from tests.portal.test_views import page, titles
from xxgk.agencies.models import Level
from xxgk.portal import selectors

pytestmark = pytest.mark.django_db

MUNICIPAL, FARMLAND, LAND = 2101, 2105, 2108


@pytest.fixture
def roads(portal, people):
    """A published record of the bureau under Art. 20 item (一) and two Art. 21 items."""
    return record(
        agency=portal.agency,
        user=people.officer,
        title="甲市中心城区道路改造征收公告",
        items=[1, MUNICIPAL, LAND],
        published_on=date(2025, 4, 1),
    )


def _row(item: int, label: str, count: int) -> str:
    return rf'\?item={item}">{label}</a></th>\s*<td class="num">{count}<'


def test_statutory_shows_the_levels_article_21_items_after_article_20(
    client, portal, roads
) -> None:
    html = page(client, "statutory", portal.agency.pk)
    assert re.search(_row(1, "（一）行政法规、规章和规范性文件", 3), html)
    assert re.search(_row(MUNICIPAL, "第二十一条：市政建设", 1), html)
    assert re.search(_row(LAND, "第二十一条：土地征收", 1), html)
    assert re.search(r"第二十一条：治安管理</th>\s*<td class=\"num\">0<", html)
    assert html.index("（十五）") < html.index("条例第二十一条事项") < html.index("市政建设")
    assert "农田水利" not in html  # a township's item, not a city department's
    link = reverse("portal:catalogue", args=[portal.agency.pk]) + f"?item={MUNICIPAL}"
    assert [roads.title] == titles(client.get(link).content.decode())


def test_a_township_sees_its_own_items(client, tree, people) -> None:
    record(agency=tree.township, user=people.officer, title="高标准农田建设", items=[FARMLAND])
    html = page(client, "statutory", tree.township.pk)
    assert re.search(_row(FARMLAND, "第二十一条：农田水利工程建设运营", 1), html)
    assert "第二十一条：筹资筹劳" in html
    assert "市政建设" not in html
    catalogue = page(client, "catalogue", tree.township.pk, query=f"?item={FARMLAND}")
    assert titles(catalogue) == ["高标准农田建设"]
    assert "第二十一条：农田水利工程建设运营" in catalogue  # the filter's label


def test_a_province_has_no_article_21_items(client, tree) -> None:
    from xxgk.agencies.services import agency_create

    province = agency_create(actor=None, name="某省人民政府", level=Level.PROVINCE)
    html = page(client, "statutory", province.pk)
    assert "（十五）" in html
    assert "第二十一条" not in html
    catalogue = page(client, "catalogue", province.pk)
    assert f'value="{MUNICIPAL}"' not in catalogue


def test_the_catalogue_filter_offers_and_applies_article_21_items(client, portal, roads) -> None:
    html = page(client, "catalogue", portal.agency.pk, query=f"?item={LAND}")
    assert titles(html) == [roads.title]
    assert f'<option value="{LAND}" selected>第二十一条：土地征收</option>' in html
    assert f'value="{FARMLAND}"' not in html
    assert "第二十一条：土地征收" in html.split('role="status"')[1][:300]  # the filter named
    everything = page(client, "catalogue", portal.agency.pk, query=f"?item={FARMLAND}")
    assert len(titles(everything)) == 6  # not this agency's item: the filter is ignored


def test_a_record_page_and_the_search_name_article_21_items(client, portal, roads) -> None:
    html = client.get(reverse("portal:disclosure", args=[roads.index_number])).content.decode()
    assert "第二十一条：市政建设" in html
    search = page(client, "search", query=f"?q=道路&item={MUNICIPAL}")
    assert roads.index_number in search  # the title is highlighted
    assert roads.index_number not in page(client, "search", query=f"?q=道路&item={FARMLAND}")
    assert f'value="{FARMLAND}"' in search  # the search spans every level


def test_the_counts_are_one_query(portal, roads, django_assert_max_num_queries) -> None:
    from xxgk.agencies.models import Agency

    agency = Agency.objects.get(pk=portal.agency.pk)
    with django_assert_max_num_queries(2):  # the parent's level, then one aggregate
        counts = selectors.statutory_counts(agency=agency)
    assert len(counts) == 15 + 7
    assert (MUNICIPAL, "第二十一条：市政建设", 1) in counts


def test_the_article_21_heading_is_in_english(client, portal) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/gk/"})
    html = page(client, "statutory", portal.agency.pk)
    assert "Article 21 items" in html
    assert "the items below apply to this agency" in html
    assert "Statutory item" in page(client, "catalogue", portal.agency.pk)
