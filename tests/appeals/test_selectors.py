from datetime import date, timedelta

import pytest
from django.http import Http404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.appeals import decisions
from xxgk.appeals.choices import GROUP_OF
from xxgk.appeals.models import Appeal
from xxgk.appeals.selectors import (
    AppealFilters,
    appeal_can_handle,
    appeal_get,
    appeal_list,
    appeals_open_deadlines,
    appeals_table,
    reviews_linkable,
)
from xxgk.appeals.services import appeal_answer, appeal_decide

pytestmark = pytest.mark.django_db

COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def decide(appeal, user, decision, on):
    return appeal_decide(user=user, appeal=appeal, decision=decision, decided_on=on)


# -- who sees what ------------------------------------------------------------------------


@pytest.fixture
def two_agencies(lodge, tree, people):
    ours = lodge(date(2025, 3, 3), case_number="甲政复〔2025〕1号")
    theirs = lodge(
        date(2025, 3, 3),
        case_number="乙政复〔2025〕1号",
        agency=tree.district,
        user=people.district_officer,
    )
    return ours, theirs


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("officer", {"ours"}),
        ("head", {"ours"}),
        ("district_officer", {"theirs"}),
        ("supervisor", {"ours", "theirs"}),  # the city and everything below it
        ("outsider", set()),
        ("nobody", set()),
    ],
)
def test_lists_are_scoped_to_readable_agencies(two_agencies, people, who, sees) -> None:
    named = dict(zip(("ours", "theirs"), two_agencies, strict=True))
    user = getattr(people, who)
    expected = {named[n].pk for n in sees}
    assert {a.pk for a in appeal_list(user=user)} == expected
    assert {a.pk for a in appeals_open_deadlines(user=user)} == expected
    for name, appeal in named.items():
        if name in sees:
            assert appeal_get(user=user, pk=appeal.pk) == appeal
        else:
            with pytest.raises(Http404):
                appeal_get(user=user, pk=appeal.pk)


def test_a_superuser_reads_every_appeal_and_writes_none(two_agencies, django_user_model) -> None:
    root = django_user_model.objects.create_superuser("root", password="x")
    assert set(appeal_list(user=root)) == set(two_agencies)
    assert all(appeal_get(user=root, pk=a.pk) == a for a in two_agencies)
    assert not any(appeal_can_handle(user=root, appeal=a) for a in two_agencies)
    assert not reviews_linkable(user=root).exists()


def test_the_queue_lists_open_unanswered_appeals_soonest_first(lodge, people) -> None:
    later = lodge(date(2025, 9, 26))  # due 2025-10-16
    sooner = lodge(date(2025, 9, 16), kind="litigation")  # due 2025-10-09
    answered = lodge(date(2025, 9, 1))
    appeal_answer(user=people.officer, appeal=answered, answered_on=date(2025, 9, 10))
    decided = lodge(date(2025, 9, 2))
    decide(decided, people.officer, "review_upheld", date(2025, 11, 1))
    queue = list(appeals_open_deadlines(user=people.officer))
    assert queue == [sooner, later]
    assert [a.answer_due_on for a in queue] == [date(2025, 10, 9), date(2025, 10, 16)]


def test_list_filters(lodge, people) -> None:
    review = lodge(date(2024, 11, 5))
    decide(review, people.officer, "review_revoked", date(2025, 2, 10))
    suit = lodge(date(2025, 6, 2), kind="litigation", applicant_name="某公司")

    def pks(**f):
        return [a.pk for a in appeal_list(user=people.officer, filters=AppealFilters(**f))]

    assert pks(kind="litigation") == [suit.pk]
    assert pks(pending=True) == [suit.pk]
    assert pks(pending=False) == [review.pk]
    assert pks(year=2024) == [review.pk]  # pending on 31 December 2024
    assert sorted(pks(year=2025)) == sorted([review.pk, suit.pk])
    assert pks(year=2023) == []
    assert pks(q="某公司") == [suit.pk]


# -- table 4 -------------------------------------------------------------------------------


def test_a_case_is_pending_until_the_year_of_its_decision(lodge, people, tree) -> None:
    appeal = lodge(date(2024, 11, 12))
    decide(appeal, people.officer, "review_revoked", date(2025, 2, 14))
    in_2024 = appeals_table(agency=tree.bureau, year=2024)["review"]
    in_2025 = appeals_table(agency=tree.bureau, year=2025)["review"]
    assert in_2024 == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert in_2025 == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert appeals_table(agency=tree.bureau, year=2026)["review"]["total"] == 0


def test_the_year_boundary_days_themselves(lodge, people, tree) -> None:
    # received on 31 December and decided on 1 January: pending in the first year
    crossing = lodge(date(2024, 12, 31), kind="litigation")
    decide(crossing, people.officer, "litigation_withdrawn", date(2025, 1, 1))
    # decided on 31 December: counted decided that year, not pending
    closing = lodge(date(2024, 12, 2), kind="litigation")
    decide(closing, people.officer, "litigation_claim_rejected", date(2024, 12, 31))
    # received on 1 January: not in the year before at all
    lodge(date(2025, 1, 1), kind="litigation")
    direct_2024 = appeals_table(agency=tree.bureau, year=2024)["litigation_direct"]
    assert direct_2024 == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    direct_2025 = appeals_table(agency=tree.bureau, year=2025)["litigation_direct"]
    assert direct_2025 == {"upheld": 0, "corrected": 0, "other": 1, "pending": 1, "total": 2}


def test_an_old_case_still_open_is_pending_every_year(lodge, tree) -> None:
    lodge(date(2022, 6, 1), kind="litigation", after_review=True)
    for year in (2022, 2023, 2024, 2025):
        row = appeals_table(agency=tree.bureau, year=year)["litigation_after_review"]
        assert (row["pending"], row["total"]) == (1, 1), year
    assert appeals_table(agency=tree.bureau, year=2021)["litigation_after_review"]["total"] == 0


def test_groups_and_agencies_are_counted_apart(lodge, people, tree) -> None:
    lodge(date(2025, 3, 3))
    lodge(date(2025, 3, 3), kind="litigation")
    lodge(date(2025, 3, 3), kind="litigation", after_review=True)
    lodge(date(2025, 3, 3), agency=tree.district, user=people.district_officer)
    table = appeals_table(agency=tree.bureau, year=2025)
    assert {g: row["total"] for g, row in table.items()} == {
        "review": 1,
        "litigation_direct": 1,
        "litigation_after_review": 1,
    }
    assert appeals_table(agency=tree.district, year=2025)["review"]["pending"] == 1


def test_the_table_is_one_query(lodge, tree, django_assert_num_queries) -> None:
    for day in (1, 2, 3):
        lodge(date(2025, 3, day))
    with django_assert_num_queries(1):
        appeals_table(agency=tree.bureau, year=2025)


# -- property: every row adds up, and matches counting by hand --------------------------------

ROUTES = sorted(GROUP_OF)
CASE = st.tuples(
    st.sampled_from(ROUTES),
    st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 12, 31)),
    st.one_of(
        st.none(),
        st.tuples(st.integers(0, 600), st.integers(0, 9)),  # days to decide, which decision
    ),
)


def _by_hand(cases, year):
    """Count table 4 the slow way, from the rule's words."""
    end = date(year, 12, 31)
    table = {g: dict.fromkeys(COLUMNS, 0) for g in GROUP_OF.values()}
    for route, copy, decision, decided_on in cases:
        row = table[GROUP_OF[route]]
        if decided_on is not None and decided_on.year == year:
            row[decisions.decision_get(decision).column] += 1
            row["total"] += 1
        elif copy <= end and (decided_on is None or decided_on > end):
            row["pending"] += 1
            row["total"] += 1
    return table


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(CASE, max_size=25), st.integers(2021, 2027))
def test_total_is_the_sum_of_the_columns(tree, people, cases, year) -> None:
    Appeal.objects.all().delete()
    rows, expected = [], []
    for i, ((kind, after_review), copy, decided) in enumerate(cases):
        decision, decided_on = "", None
        if decided is not None:
            days, which = decided
            choices = decisions.decisions_for(kind)
            decision = choices[which % len(choices)].key
            decided_on = copy + timedelta(days=days)
        rows.append(
            Appeal(
                agency=tree.bureau,
                kind=kind,
                after_review=after_review,
                body="甲市人民政府",
                case_number=f"案{i}",
                applicant_name="张三",
                copy_received_on=copy,
                answer_due_on=copy,
                decision=decision,
                decided_on=decided_on,
                created_by=people.officer,
            )
        )
        expected.append(((kind, after_review), copy, decision, decided_on))
    Appeal.objects.bulk_create(rows)
    table = appeals_table(agency=tree.bureau, year=year)
    for row in table.values():
        assert row["total"] == row["upheld"] + row["corrected"] + row["other"] + row["pending"]
    assert table == _by_hand(expected, year)
