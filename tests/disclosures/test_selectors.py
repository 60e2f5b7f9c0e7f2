"""Reading the register: the queue, the scope, and table 2 counted from the register."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from xxgk.disclosures.figures import figure_enter
from xxgk.disclosures.models import Disclosure
from xxgk.disclosures.selectors import (
    Filters,
    disclosure_list,
    disclosure_queue,
    proactive_table,
    queue_counts,
)
from xxgk.disclosures.services import disclosure_submit, disclosure_validity_change
from xxgk.portal import selectors as portal
from xxgk.report import editions

pytestmark = pytest.mark.django_db


def test_the_queue_holds_unpublished_records_overdue_first(draft, publish, people) -> None:
    late = draft(date(2025, 9, 1), title="逾期未发布")
    fresh = draft(date(2025, 10, 30), title="刚形成")
    reviewing = draft(date(2025, 10, 9), title="审查中")
    disclosure_submit(user=people.officer, disclosure=reviewing)
    publish(draft(date(2025, 9, 1), title="已发布"), date(2025, 9, 2))
    today = date(2025, 11, 3)
    assert list(disclosure_queue(user=people.officer, today=today)) == [late, reviewing, fresh]
    assert queue_counts(user=people.officer, today=today) == {
        "draft": 2,
        "in_review": 1,
        "overdue": 1,
    }
    overdue = disclosure_list(user=people.officer, filters=Filters(overdue=True), today=today)
    assert list(overdue) == [late]


def test_lists_are_scoped_by_the_policy(draft, people) -> None:
    mine = draft()
    assert list(disclosure_list(user=people.supervisor)) == [mine]  # the city reads below it
    assert list(disclosure_list(user=people.outsider)) == []
    assert list(disclosure_list(user=people.nobody)) == []
    assert list(disclosure_list(user=people.admin)) == []  # administrators read no records


def test_the_catalogue_shows_only_published_records(draft, publish, people) -> None:
    shown = publish(draft(title="公开"), date(2025, 10, 10))
    draft(title="草稿")
    assert list(portal.published()) == [shown]  # what the portal starts every page from


def test_table_2_of_2021_from_the_register(draft, publish, people, tree) -> None:
    def normative(made, published, **kw):
        return publish(draft(made, kind="normative", **kw), published)

    old = normative(date(2024, 3, 4), date(2024, 3, 5), title="2024 年的办法")
    normative(date(2024, 5, 6), date(2024, 5, 7), title="2024 年仍有效")
    new = normative(date(2025, 3, 3), date(2025, 3, 4), title="2025 年的办法")
    amended = normative(date(2025, 4, 1), date(2025, 4, 2), title="2025 年修改过的")
    publish(draft(date(2025, 5, 6), kind="regulation", title="规章"), date(2025, 5, 7))
    draft(date(2025, 6, 3), kind="normative", title="未发布的草稿")  # not issued
    translation = draft(
        date(2025, 3, 3), kind="normative", title="English", language="en", translation_of=new
    )
    publish(translation, date(2025, 3, 4))  # a language version is the same document
    disclosure_validity_change(
        user=people.officer,
        disclosure=old,
        validity="repealed",
        on=date(2025, 3, 3),
        superseded_by=new,
    )
    disclosure_validity_change(
        user=people.officer, disclosure=amended, validity="amended", on=date(2025, 6, 3)
    )
    figure_enter(
        user=people.officer,
        agency=tree.bureau,
        year=2025,
        cell="proactive.penalties.decisions",
        value="23",
    )
    figure_enter(
        user=people.officer,
        agency=tree.bureau,
        year=2025,
        cell="proactive.fees.amount",
        value="35.6",
    )
    table = proactive_table(agency=tree.bureau, year=2025)
    assert set(table) == {c for c in editions.get("2021").cells if c.startswith("proactive.")}
    assert table["proactive.normative_documents.issued"] == 2
    assert table["proactive.normative_documents.repealed"] == 1
    assert table["proactive.normative_documents.in_force"] == 3  # 2024's other, both of 2025
    assert table["proactive.regulations.issued"] == 1
    assert table["proactive.regulations.in_force"] == 1
    assert table["proactive.penalties.decisions"] == 23
    assert table["proactive.fees.amount"] == Decimal("35.6")
    assert table["proactive.licensing.decisions"] is None  # not entered
    last_year = proactive_table(agency=tree.bureau, year=2024)
    assert last_year["proactive.normative_documents.in_force"] == 2


def test_table_2_of_2019_from_the_register(draft, publish, people, tree, today) -> None:
    today.set(date(2021, 3, 1))
    publish(draft(date(2019, 12, 2), kind="normative", title="年底制作次年公开"), date(2020, 1, 6))
    publish(draft(date(2020, 3, 2), kind="normative", title="本年"), date(2020, 3, 3))
    draft(date(2020, 6, 1), kind="normative", title="本年制作未公开")
    figure_enter(
        user=people.officer,
        agency=tree.bureau,
        year=2020,
        cell="proactive.procurement.amount",
        value="190000",
    )
    table = proactive_table(agency=tree.bureau, year=2020)
    assert table["proactive.normative_documents.made"] == 2
    assert table["proactive.normative_documents.published"] == 2
    assert table["proactive.normative_documents.total_published"] == 2
    assert table["proactive.procurement.amount"] == Decimal("190000")
    assert proactive_table(agency=tree.bureau, year=2019)["proactive.normative_documents.made"] == 1


# -- the property: 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y) -----------------------------

_DAY = st.dates(min_value=date(2021, 1, 1), max_value=date(2024, 12, 31))
_RECORD = st.tuples(
    _DAY,  # made
    st.integers(0, 400),  # published this many days later (or not at all, below)
    st.booleans(),  # published at all
    st.sampled_from(["in_force", "amended", "repealed"]),
    st.integers(0, 800),  # changed this many days after made
    st.booleans(),  # withdrawn
    st.sampled_from(["normative", "regulation"]),
)


@hsettings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(records=st.lists(_RECORD, max_size=12))
def test_in_force_carries_over_from_year_to_year(records, tree, people) -> None:
    Disclosure.objects.all().delete()
    for n, (made, lag, published, validity, change, withdrawn, kind) in enumerate(records):
        Disclosure.objects.create(
            agency=tree.bureau,
            index_number=f"p-{n}",
            title="x",
            publisher="x",
            made_on=made,
            published_on=made + timedelta(days=lag) if published else None,
            kind=kind,
            status="withdrawn"
            if withdrawn and published
            else "published"
            if published
            else "draft",
            validity=validity,
            validity_changed_on=made + timedelta(days=change) if validity != "in_force" else None,
            created_by=people.officer,
        )
    for year in (2022, 2023, 2024, 2025):
        now, before = (proactive_table(agency=tree.bureau, year=y) for y in (year, year - 1))
        for row in ("regulations", "normative_documents"):
            cell = f"proactive.{row}"
            assert now[f"{cell}.in_force"] == (
                before[f"{cell}.in_force"] + now[f"{cell}.issued"] - now[f"{cell}.repealed"]
            )
            assert now[f"{cell}.in_force"] >= 0
