"""Search in Chinese: the same answers on SQLite and PostgreSQL (CI runs this file on both)."""

from __future__ import annotations

import pytest

from tests.portal.factories import record
from xxgk.disclosures.choices import Status
from xxgk.portal import search, selectors
from xxgk.portal.models import SearchTerm
from xxgk.portal.selectors import CatalogueFilter

pytestmark = pytest.mark.django_db


def ranked(query: str, **filters) -> list[str]:
    terms = search.query_terms(query)
    rows = search.matches(terms=terms, records=selectors.catalogue(CatalogueFilter(**filters)))
    return [hit.disclosure.title for hit in search.hits(rows, query=query, terms=terms)]


def test_two_character_words_are_found_inside_longer_ones(portal) -> None:
    # The catalogue of 采购 has it in its title, the budget only in its summary.
    assert ranked("采购") == [portal.procurement.title, portal.budget.title]
    assert ranked("预算") == [portal.budget.title]
    # 公开 is cut out of 预算公开 in the title; the withdrawn 公开采购通知 never shows.
    assert portal.budget.title in ranked("公开")
    assert portal.withdrawn.title not in ranked("公开")


def test_longer_words_and_phrases(portal) -> None:
    assert ranked("国有建设用地") == [portal.rule.title, portal.interpretation.title]
    assert ranked("部门预算公开") == [portal.budget.title]
    assert ranked("集中采购目录") == [portal.procurement.title]
    assert ranked("中华人民共和国") == []


def test_a_word_inside_a_longer_dictionary_word(portal, tree, people) -> None:
    law = record(
        agency=tree.bureau,
        user=people.officer,
        title="中华人民共和国政府采购法实施条例",
        body="<p>条例全文。</p>",
    )
    # jieba cuts the title into 中华人民共和国政府 …: the query's parts still meet it.
    assert ranked("中华人民共和国") == [law.title]
    assert ranked("共和国") == [law.title]


def test_a_place_is_found_by_its_short_name(portal, tree, people) -> None:
    """jieba cuts 江城市 into 江 / 城市: the city's records are found by 江城 all the same, as
    the places the register's agencies are named after are indexed under their short names."""
    from xxgk.agencies.services import agency_create

    city = agency_create(actor=None, name="江城市自然资源和规划局", level=tree.city.level)
    land = record(agency=city, user=people.officer, title="江城市国有建设用地使用权出让管理规定")
    lake = record(
        agency=tree.bureau,
        user=people.officer,
        title="关于湖区生态补偿的通知",
        body="<p>江城市东湖区、青山镇等地的补偿标准如下。</p>",
    )
    assert ranked("江城") == [land.title, lake.title]  # the title's above the body's
    assert ranked("江城市") == [land.title, lake.title]
    assert search.places_of("江城市东湖区人民政府") == ["江城市", "东湖区"]
    assert search.places_of("国家税务总局江城市税务局") == []  # not named after a place
    # a place no agency is named after is not guessed at: 东湖 stays as jieba cuts it
    assert "东湖" not in search.known_places().short.values()


def test_every_word_must_be_present(portal) -> None:
    assert ranked("采购 预算") == [portal.budget.title]
    assert ranked("采购 标准") == [portal.procurement.title]
    assert ranked("采购 车辆 预算") == []
    assert ranked("部门 预算") == [portal.budget.title]


def test_ranking_weighs_the_title_over_the_body(portal, tree, people) -> None:
    in_body = record(
        agency=tree.bureau,
        user=people.officer,
        title="土地储备计划",
        body="<p>涉及采购事项。</p>",
    )
    in_title = record(
        agency=tree.bureau,
        user=people.officer,
        title="办公设备采购结果公告",
        body="<p>结果如下。</p>",
    )
    results = ranked("采购")
    assert results.index(in_title.title) < results.index(portal.budget.title)
    assert results.index(portal.procurement.title) < results.index(portal.budget.title)
    assert results[-1] == in_body.title  # once, in the body


def test_filters_narrow_the_results(portal) -> None:
    assert ranked("国有建设用地", kind="interpretation") == [portal.interpretation.title]
    assert ranked("公开", year=2025) == [portal.budget.title]
    assert ranked("采购", theme=portal.construction) == []
    assert ranked("采购", item=9) == [portal.procurement.title]
    assert ranked("采购", agency=portal.agency, year=2025) == [portal.budget.title]


def test_latin_words_are_case_insensitive(portal) -> None:
    assert ranked("BUDGET") == [portal.budget_en.title]


def test_highlighting_marks_the_words_and_escapes_the_rest(tree, people) -> None:
    d = record(
        agency=tree.bureau,
        user=people.officer,
        title="<b>采购</b>公告",
        body="<p>" + "前文" * 40 + "本次采购的项目如下 &amp; 其他。</p>",
    )
    terms = search.query_terms("采购")
    [hit] = search.hits(
        search.matches(terms=terms, records=selectors.published()), query="采购", terms=terms
    )
    assert hit.disclosure == d
    assert hit.title == "&lt;b&gt;<mark>采购</mark>&lt;/b&gt;公告"
    assert hit.snippet.startswith("…")
    assert "本次<mark>采购</mark>的项目如下 &amp; 其他" in hit.snippet


def test_refresh_follows_the_status(portal) -> None:
    rule = portal.rule
    rule.status = Status.WITHDRAWN
    rule.save()
    search.index_refresh(disclosure=rule)
    assert not SearchTerm.objects.filter(disclosure=rule).exists()
    assert ranked("第一条") == []
    rule.status = Status.PUBLISHED
    rule.save()
    search.index_refresh(disclosure=rule)
    assert ranked("第一条") == [rule.title]


def test_a_stale_index_never_shows_a_record_no_longer_public(portal) -> None:
    portal.procurement.status = Status.WITHDRAWN
    portal.procurement.save()  # the index is not refreshed
    assert ranked("采购") == [portal.budget.title]


def test_rebuild_indexes_exactly_the_published(portal) -> None:
    SearchTerm.objects.all().delete()
    assert search.index_rebuild() == 5
    assert ranked("采购") == [portal.procurement.title, portal.budget.title]
    indexed = set(SearchTerm.objects.values_list("disclosure", flat=True))
    assert portal.draft.pk not in indexed
    assert portal.withdrawn.pk not in indexed


def test_the_command_rebuilds(portal) -> None:
    from django.core.management import call_command

    SearchTerm.objects.all().delete()
    call_command("rebuild_search")
    assert ranked("预算") == [portal.budget.title]


def test_query_terms() -> None:
    assert search.query_terms("采购") == ["采购"]
    assert search.query_terms("政府的采购") == ["政府", "采购"]  # 的 is no filter
    assert search.query_terms("，。 ") == []


def _ranking(terms: list[str], **kwargs) -> list[tuple[int, int]]:
    found = search.ranking(terms=terms, records=None, offset=0, limit=50, **kwargs)
    assert found.total == len(found.rows)
    return [(row["disclosure"], row["score"]) for row in found.rows]


@pytest.mark.parametrize("query", ["采购", "公开", "预算", "第一条", "国有建设用地", "采购 预算"])
def test_a_ranking_page_is_the_page_of_the_matches(portal, query) -> None:
    # One word is read best first from its own rows, several words by the aggregate: the same
    # rows, the same scores, the same order as `matches`, which the tests above check.
    terms = search.query_terms(query)
    expected = [
        (row["disclosure"], row["score"]) for row in search.matches(terms=terms, records=None)
    ]
    assert _ranking(terms) == expected


def test_a_ranking_counts_every_match_whatever_the_page(portal, tree, people) -> None:
    for n in range(5):
        record(
            agency=tree.bureau, user=people.officer, title=f"采购公告第{n}号", body="<p>采购</p>"
        )
    for terms in (["采购"], ["采购", "公告"]):
        every = search.matches(terms=terms, records=None)
        first = search.ranking(terms=terms, records=None, offset=0, limit=2)
        later = search.ranking(terms=terms, records=None, offset=2, limit=2)
        past = search.ranking(terms=terms, records=None, offset=100, limit=2)
        assert first.total == later.total == past.total == every.count()
        assert first.rows + later.rows == [
            {"disclosure": r["disclosure"], "score": r["score"]} for r in every[:4]
        ]
        assert past.rows == []


def test_a_ranking_in_date_order_or_filtered(portal) -> None:
    terms = ["采购"]
    by_date = search.ranking(
        terms=terms, records=None, order=("disclosure__published_on",), offset=0, limit=10
    )
    dates = [portal_date(row["disclosure"]) for row in by_date.rows]
    assert dates == sorted(dates)
    assert by_date.total == 2
    narrowed = search.ranking(
        terms=terms,
        records=selectors.catalogue(CatalogueFilter(year=2024)),
        offset=0,
        limit=10,
    )
    assert narrowed.total == 1


def portal_date(pk: int):
    from xxgk.disclosures.models import Disclosure

    return Disclosure.objects.get(pk=pk).published_on
