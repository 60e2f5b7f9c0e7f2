"""Reading applications: the report year's boundaries, the queue from stored deadlines."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.applications import choices
from xxgk.applications.models import Application
from xxgk.applications.selectors import (
    Filters,
    ReportYear,
    UrgencyBounds,
    application_queue,
    queue_counts,
    report_year_counts,
)
from xxgk.applications.services import application_event_record
from xxgk.workdays import Calendar
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db

KINDS = [key for key, _ in choices.applicant_kinds()]
DAY = st.dates(min_value=date(2023, 6, 1), max_value=date(2026, 6, 30))


@st.composite
def cases(draw):
    """(applicant kind, received, closed or None): closed never before received."""
    received = draw(DAY)
    closed = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=500)))
    kind = draw(st.sampled_from(KINDS))
    return kind, received, None if closed is None else received + timedelta(days=closed)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(timeline=st.lists(cases(), max_size=30))
def test_table_3_balances_for_every_year_and_column(tree, people, timeline):
    """上年结转 + 本年新收 = 办理结果 + 结转下年度, column by column, for every year."""
    Application.objects.all().delete()
    Application.objects.bulk_create(
        Application(
            agency=tree.bureau,
            number=f"T-{i}",
            applicant_kind=kind,
            applicant_name="甲",
            channel="letter",
            request_text="x",
            created_by=people.officer,
            received_on=received,
            status="replied" if closed else "in_progress",
            outcome="granted" if closed else "",
            closed_on=closed,
        )
        for i, (kind, received, closed) in enumerate(timeline)
    )
    everything = Application.objects.all()
    for year in range(2023, 2028):
        rows = report_year_counts(applications=everything, year=year)
        outcome_keys = [
            k for k in rows if k not in ("new_received", "carried_over", "carried_forward")
        ]
        for kind in KINDS:
            came = rows["new_received"].get(kind, 0) + rows["carried_over"].get(kind, 0)
            went = sum(rows[k].get(kind, 0) for k in outcome_keys)
            assert came == went + rows["carried_forward"].get(kind, 0), (year, kind)
        # Next year's 上年结转 is this year's 结转下年度.
        following = report_year_counts(applications=everything, year=year + 1)
        assert following["carried_over"] == rows["carried_forward"]


def test_a_case_answered_in_january_is_carried_forward_only_from_the_year_before(
    register, people, today
):
    """The issue's case: received 2024-12-20, answered 2025-01-10."""
    today.set(date(2025, 1, 10))
    application = register(date(2024, 12, 20))
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.REPLY_SENT,
        on=date(2025, 1, 10),
        outcome="unable_not_held",
        ground="《条例》第三十六条第（四）项：经检索没有所申请公开信息",
        note="经检索本机关档案，没有所申请的信息",
    )
    qs = Application.objects.all()
    y2024 = report_year_counts(applications=qs, year=2024)
    y2025 = report_year_counts(applications=qs, year=2025)
    assert y2024["carried_forward"] == {"natural_person": 1}
    assert y2025["carried_over"] == {"natural_person": 1}
    assert y2025["carried_forward"] == {}
    assert y2025["unable_not_held"] == {"natural_person": 1}
    assert qs.filter(ReportYear(2025).carried_forward()).count() == 0


def test_the_queue_reads_stored_deadlines_in_a_few_queries(register, people, today):
    today.set(date(2025, 11, 24))
    overdue = register(date(2025, 9, 26))  # reply due 2025-10-30
    soon = register(date(2025, 10, 29))  # due 2025-11-26
    later = register(date(2025, 11, 20))  # due 2025-12-18
    bounds = UrgencyBounds.of(date(2025, 11, 24), Calendar())
    with CaptureQueriesContext(connection) as queries:
        listed = list(application_queue(user=people.officer, bounds=bounds))
        counts = queue_counts(user=people.officer, bounds=bounds)
    assert listed == [overdue, soon, later]
    assert counts == {"overdue": 1, "soon": 1, "week": 1, "provisional": 0}
    assert len(queries) <= 8  # the user's agencies, the list, the counts: not one per case
    only = application_queue(user=people.officer, bounds=bounds, filters=Filters(urgency="soon"))
    assert list(only) == [soon]


def test_the_nearest_deadline_may_be_the_other_sides(register, people, today):
    today.set(date(2025, 10, 15))
    application = register(date(2025, 9, 26))
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.CONSULTATION_OPENED,
        on=date(2025, 10, 9),
        party="甲市某建设有限公司",
        delivered_on=date(2025, 10, 10),
    )
    application.refresh_from_db()
    # 15 working days from the day after 10-10: 10-11 Sat(1) 13-17(6) 20-24(11) 27-30(15)
    assert (application.next_due_kind, application.next_due_on) == (
        choices.DeadlineKind.CONSULTATION,
        date(2025, 10, 30),
    )
    assert application.get_next_due_kind_display() == "征求意见答复期限"
    assert application.due_on > application.next_due_on


def test_the_fees_of_a_year_are_kept_for_the_annual_report(register, people, today):
    from decimal import Decimal

    from xxgk.applications.selectors import fees_of_year
    from xxgk.applications.services import application_event_void

    today.set(date(2025, 12, 31))
    application = register(date(2025, 9, 26))

    def record(kind, on, **fields):
        return application_event_record(
            user=people.officer, application=application, kind=kind, on=on, **fields
        )

    record(EventKind.FEE_NOTICE_SENT, date(2025, 9, 30), fee_basis="pages", pages=130)
    record(EventKind.FEE_NOTICE_DELIVERED, date(2025, 10, 9))
    paid = record(EventKind.FEE_PAID, date(2025, 10, 10))
    record(EventKind.FEE_REFUNDED, date(2025, 10, 15), amount=Decimal("200"), note="多收")
    totals = fees_of_year(applications=Application.objects.all(), year=2025)
    assert (totals["collected"].count, totals["collected"].amount) == (1, Decimal("1300.00"))
    assert (totals["refunded"].count, totals["refunded"].amount) == (1, Decimal("200.00"))
    assert totals["waived"].count == 0
    assert fees_of_year(applications=Application.objects.all(), year=2024)["collected"].count == 0
    del paid  # a voided payment is not counted:
    refund = application.events.get(kind=EventKind.FEE_REFUNDED)
    application_event_void(
        user=people.officer, application=application, event=refund, reason="误录"
    )
    assert fees_of_year(applications=Application.objects.all(), year=2025)["refunded"].count == 0
