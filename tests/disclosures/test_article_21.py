"""条例第二十一条's items: beside Art. 20's, each for the agency levels it applies to — the
choices, the services' refusal, the officer's form, the import, and table 2 left alone."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.disclosures.test_imports import _csv
from xxgk.agencies.models import Level
from xxgk.disclosures.choices import (
    ALL_ITEMS,
    ARTICLE_20,
    ARTICLE_20_ITEMS,
    ARTICLE_21,
    ARTICLE_21_ITEMS,
    ITEMS,
    article_21_applies,
    items_for,
)
from xxgk.disclosures.models import Disclosure
from xxgk.disclosures.services import DisclosureError

pytestmark = pytest.mark.django_db

CITY_COUNTY = ["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"]
TOWNSHIP = [
    "贯彻落实农业农村政策",
    "农田水利工程建设运营",
    "农村土地承包经营权流转",
    "宅基地使用情况审核",
    "土地征收",
    "房屋征收",
    "筹资筹劳",
    "社会救助",
]
MUNICIPAL, LAND, FARMLAND, RELIEF = 2101, 2108, 2105, 2112


def _topics(agency) -> list[str]:
    return [label.removeprefix("第二十一条：") for n, label in items_for(agency) if n in ARTICLE_21]


@pytest.fixture
def province(tree):
    from xxgk.agencies.services import agency_create

    government = agency_create(actor=None, name="某省人民政府", level=Level.PROVINCE)
    department = agency_create(
        actor=None, name="某省自然资源厅", level=Level.DEPARTMENT, parent=government
    )
    return government, department


def test_the_items_never_clash_and_keep_one_label_each() -> None:
    assert set(ARTICLE_20).isdisjoint(ARTICLE_21)
    assert len(ALL_ITEMS) == len(ITEMS) == 15 + 12
    assert ALL_ITEMS[:15] == ARTICLE_20_ITEMS
    assert all(label.startswith("第二十一条：") for _, label in ARTICLE_21_ITEMS)
    assert len(set(ITEMS.values())) == len(ITEMS)


def test_each_level_gets_the_items_the_article_names_in_its_order(tree, province) -> None:
    for agency in (tree.city, tree.district, tree.bureau):  # 市级、县级 and a department of them
        assert items_for(agency)[:15] == ARTICLE_20_ITEMS
        assert _topics(agency) == CITY_COUNTY
    assert _topics(tree.township) == TOWNSHIP
    for agency in province:  # a province and its departments: Art. 20's items only
        assert items_for(agency) == ARTICLE_20_ITEMS


def test_a_department_counts_only_under_a_city_or_county_government() -> None:
    assert article_21_applies(MUNICIPAL, Level.DEPARTMENT, Level.DISTRICT)
    assert not article_21_applies(MUNICIPAL, Level.DEPARTMENT, Level.PROVINCE)
    assert not article_21_applies(MUNICIPAL, Level.DEPARTMENT, None)
    assert not article_21_applies(MUNICIPAL, Level.TOWNSHIP, Level.DISTRICT)
    assert article_21_applies(LAND, Level.TOWNSHIP, Level.DISTRICT)
    assert not article_21_applies(1, Level.CITY, None)  # an Art. 20 item is not Art. 21's


def test_the_services_accept_the_items_of_the_agency_level(draft, tree, people) -> None:
    from xxgk.agencies.models import Role
    from xxgk.agencies.services import membership_add

    d = draft(items=(MUNICIPAL, 1, LAND))
    assert d.items == [1, MUNICIPAL, LAND]
    membership_add(actor=None, user=people.officer, agency=tree.township, role=Role.OFFICER)
    t = draft(agency=tree.township, items=(FARMLAND, RELIEF))
    assert t.items == [FARMLAND, RELIEF]


def test_the_services_refuse_an_item_of_another_level(draft, tree, people, province) -> None:
    from xxgk.agencies.models import Role
    from xxgk.agencies.services import membership_add

    with pytest.raises(
        DisclosureError, match="“第二十一条：农田水利工程建设运营”不适用于甲市自然资源局"
    ):
        draft(items=(FARMLAND,))
    membership_add(actor=None, user=people.officer, agency=tree.township, role=Role.OFFICER)
    with pytest.raises(DisclosureError, match="由设区的市级、县级人民政府及其部门公开"):
        draft(agency=tree.township, items=(MUNICIPAL,))
    membership_add(actor=None, user=people.officer, agency=province[1], role=Role.OFFICER)
    with pytest.raises(DisclosureError, match="不适用于某省自然资源厅（部门）"):
        draft(agency=province[1], items=(RELIEF,))
    with pytest.raises(DisclosureError, match="没有第 99 项"):
        draft(items=(99,))
    assert not Disclosure.objects.exists()


def _form(agencies, data=None):
    from xxgk.disclosures.forms import DisclosureForm

    return DisclosureForm(data, agencies=agencies, readable=Disclosure.objects.none())


def _offered(form) -> list[int]:
    return [n for n, _ in form.fields["items"].choices]


def test_the_form_offers_an_agency_only_its_items(tree, province) -> None:
    from xxgk.agencies.models import Agency

    bureau = _offered(_form(Agency.objects.filter(pk=tree.bureau.pk)))
    assert bureau == [n for n, _ in items_for(tree.bureau)]
    assert MUNICIPAL in bureau
    assert FARMLAND not in bureau
    township = _offered(_form(Agency.objects.filter(pk=tree.township.pk)))
    assert FARMLAND in township
    assert MUNICIPAL not in township
    assert _offered(_form(Agency.objects.filter(pk=province[1].pk))) == list(ARTICLE_20)


def test_a_form_over_several_levels_checks_the_chosen_agency(tree, today) -> None:
    from xxgk.agencies.models import Agency

    today.set(date(2025, 11, 3))
    agencies = Agency.objects.filter(pk__in=[tree.bureau.pk, tree.township.pk])
    form = _form(agencies)
    assert {MUNICIPAL, FARMLAND} <= set(_offered(form))
    assert "相应层级" in str(form.fields["items"].help_text)
    data = {
        "agency": tree.township.pk,
        "title": "市政道路改造",
        "kind": "other",
        "made_on": "2025-10-09",
        "items": [str(MUNICIPAL)],
        "language": "zh-hans",
    }
    bound = _form(agencies, data)
    assert not bound.is_valid()
    assert "不适用于乙区丙镇人民政府" in bound.errors["items"][0]
    assert _form(agencies, {**data, "items": [str(FARMLAND)]}).is_valid()


def test_the_officer_page_saves_and_shows_an_article_21_item(client, people, tree, today) -> None:
    from tests.disclosures.test_views import _form as post

    today.set(date(2025, 11, 3))
    client.force_login(people.officer)
    page = client.get(reverse("disclosures:new")).content.decode()
    assert "第二十一条：市政建设" in page
    assert "第二十一条：筹资筹劳" not in page  # a township's item
    client.post(
        reverse("disclosures:new"), post(agency=tree.bureau.pk, items=["1", str(MUNICIPAL)])
    )
    d = Disclosure.objects.get()
    assert d.items == [1, MUNICIPAL]
    detail = client.get(reverse("disclosures:detail", args=[d.pk])).content.decode()
    assert "第二十一条：市政建设" in detail
    refused = client.post(
        reverse("disclosures:new"), post(agency=tree.bureau.pk, items=[str(FARMLAND)])
    )
    assert refused.status_code == 200  # the form again, not saved
    assert Disclosure.objects.count() == 1


HEADER = "索引号,标题,发布机构,成文日期,发布日期,类别,第二十条事项\n"


def test_the_import_reads_article_21_items(tmp_path, tree, people) -> None:
    from xxgk.disclosures.imports import disclosures_import

    text = HEADER + (
        "014000319/2020-00001,市政道路改造,甲市自然资源局,2020-03-02,2020-03-05,其他,一、21-市政建设\n"
        "014000319/2020-00002,征地公告,甲市自然资源局,2020-03-02,,其他,第二十一条：土地征收；5\n"
        "014000319/2020-00003,救助政策,甲市自然资源局,2020-03-02,,其他,2112\n"
        "014000319/2020-00004,筹资筹劳,乙区丙镇人民政府,2020-03-02,,其他,21－筹资筹劳\n"
    )
    result = disclosures_import(path=_csv(tmp_path, "catalogue.csv", text), user=people.admin)
    assert result.ok, result.errors
    got = dict(Disclosure.objects.values_list("index_number", "items"))
    assert got == {
        "014000319/2020-00001": [1, MUNICIPAL],
        "014000319/2020-00002": [5, LAND],
        "014000319/2020-00003": [RELIEF],
        "014000319/2020-00004": [2111],
    }


def test_the_import_refuses_an_item_of_another_level_or_none(tmp_path, tree, people) -> None:
    from xxgk.disclosures.imports import disclosures_import

    text = HEADER + (
        "014000319/2020-00001,农田水利,甲市自然资源局,2020-03-02,,其他,21-农田水利工程建设运营\n"
        "014000319/2020-00002,市政,乙区丙镇人民政府,2020-03-02,,其他,21-市政建设\n"
        "014000319/2020-00003,不存在,甲市自然资源局,2020-03-02,,其他,21-不存在\n"
        "014000319/2020-00004,十六,甲市自然资源局,2020-03-02,,其他,十六\n"
    )
    result = disclosures_import(path=_csv(tmp_path, "catalogue.csv", text))
    assert [e.line for e in result.errors] == [2, 3, 4, 5]
    assert "不适用于甲市自然资源局" in result.errors[0].message
    assert "不适用于乙区丙镇人民政府" in result.errors[1].message
    assert "没有“21-不存在”这一事项" in result.errors[2].message
    assert "没有“十六”这一事项" in result.errors[3].message
    assert not Disclosure.objects.exists()


def test_table_2_ignores_article_21_items(draft, publish, tree) -> None:
    from xxgk.disclosures.selectors import proactive_table

    publish(draft(kind="normative", items=(1,)))
    before = proactive_table(agency=tree.bureau, year=2025)
    publish(draft(title="市政道路改造", items=(MUNICIPAL, LAND)))
    publish(draft(title="社会救助标准", items=(RELIEF,), made_on=date(2025, 10, 10)))
    assert proactive_table(agency=tree.bureau, year=2025) == before
    assert before["proactive.normative_documents.issued"] == 1
