"""The annual report computed from the records: the tables count what the register holds, and
every rule of the edition holds by construction (a property test over random records)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.appeals import decisions
from xxgk.appeals.choices import AppealKind
from xxgk.appeals.models import Appeal
from xxgk.applications.choices import applicant_kinds, outcome_choices
from xxgk.applications.models import Application
from xxgk.report import editions
from xxgk.report.edition import Severity
from xxgk.reports.cells import cell_drill
from xxgk.reports.compute import MISSING, report_compute, report_tables

pytestmark = pytest.mark.django_db

KINDS = [k for k, _ in applicant_kinds()]
OUTCOMES = [k for k, _ in outcome_choices()]  # every edition's rows, 2021's in 2019 too
OUTCOMES_2021 = [r.key for r in editions.get("2021").outcome_rows]
_numbers = itertools.count(1)


def application(
    agency: Any, user: Any, kind: str, received: date, closed: date | None, outcome: str
) -> Application:
    return Application(
        agency=agency,
        number=f"T-{next(_numbers)}",
        applicant_kind=kind,
        applicant_name="申请人",
        credit_code="" if kind == "natural_person" else "91350100M000100Y43",
        channel="letter",
        request_text="所需信息",
        created_by=user,
        received_on=received,
        status="replied" if closed else "in_progress",
        outcome=outcome if closed else "",
        closed_on=closed,
    )


def appeal(
    agency: Any, user: Any, group: str, received: date, decided: date | None, decision: str
) -> Appeal:
    kind = AppealKind.REVIEW if group == "review" else AppealKind.LITIGATION
    return Appeal(
        agency=agency,
        kind=kind,
        after_review=group == "litigation_after_review",
        body="甲市人民政府",
        case_number=f"案{next(_numbers)}",
        applicant_name="申请人",
        copy_received_on=received,
        answer_due_on=received + timedelta(days=10),  # not what table 4 counts
        decision=decision if decided else "",
        decided_on=decided,
        created_by=user,
    )


def test_the_tables_count_the_records(tree, people) -> None:
    bureau, user = tree.bureau, people.officer
    Application.objects.bulk_create(
        [
            # received in 2024, still open on 1 January 2025: 上年结转
            application(
                bureau, user, "natural_person", date(2024, 12, 20), date(2025, 1, 10), "granted"
            ),
            # received and closed in 2025
            application(bureau, user, "commercial", date(2025, 3, 1), date(2025, 3, 20), "partial"),
            # received in 2025, open at its end: 结转下年度
            application(bureau, user, "research", date(2025, 12, 20), None, ""),
            # closed in 2024: not in 2025's report at all
            application(
                bureau, user, "natural_person", date(2024, 3, 1), date(2024, 3, 5), "granted"
            ),
        ]
    )
    Appeal.objects.bulk_create(
        [
            appeal(bureau, user, "review", date(2025, 2, 1), date(2025, 4, 1), "review_upheld"),
            appeal(bureau, user, "litigation_direct", date(2025, 11, 1), None, ""),
        ]
    )
    report = report_compute(agency=bureau, year=2025)
    assert report.edition.key == "2021"
    assert report["applications.carried_over.natural_person"] == 1
    assert report["applications.new_received.total"] == 2
    assert report["applications.granted.natural_person"] == 1
    assert report["applications.partial.commercial"] == 1
    assert report["applications.total.total"] == 2
    assert report["applications.carried_forward.research"] == 1
    assert report["appeals.review.upheld"] == 1
    assert report["appeals.litigation_direct.pending"] == 1
    assert report["appeals.litigation_direct.total"] == 1
    # No table-2 figure entered yet: unknown, said once, not as unreadable cells.
    (missing,) = [f for f in report.findings if f.rule == MISSING]
    assert missing.severity is Severity.ERROR
    assert "行政许可" in missing.message
    assert report["proactive.licensing.decisions"] is None
    assert not [f for f in report.findings if f.rule.startswith("read.unreadable.")]
    assert not [f for f in report.findings if f.rule != MISSING]
    # The tables alone: the same figures, neither drafted nor checked.
    tables = report_tables(agency=bureau, year=2025)
    assert tables.cells == report.cells
    assert report.sections
    assert tables.sections == {}
    assert tables.findings == []


def test_a_2020_report_folds_2021_rows_into_other(tree, people) -> None:
    bureau, user = tree.bureau, people.officer
    rows_2019 = {r.key for r in report_compute(agency=bureau, year=2020).edition.outcome_rows}
    edition_2021_only = [k for k in OUTCOMES if k not in rows_2019]
    assert edition_2021_only  # the 2021 edition splits 其他处理
    closed = application(
        bureau, user, "natural_person", date(2020, 5, 6), date(2020, 5, 20), edition_2021_only[0]
    )
    Application.objects.bulk_create([closed])
    report = report_compute(agency=bureau, year=2020)
    assert report.edition.key == "2019"
    assert report["applications.other.natural_person"] == 1
    assert [f.rule for f in report.findings] == [MISSING]


day = st.integers(min_value=0, max_value=3 * 365).map(
    lambda n: date(2023, 1, 1) + timedelta(days=n)
)
spans = st.one_of(st.none(), st.integers(min_value=0, max_value=400))
applications_drawn = st.lists(
    # 2023–2025: the 2021 edition's outcomes, as the reply form offers them
    st.tuples(st.sampled_from(KINDS), day, spans, st.sampled_from(OUTCOMES_2021)),
    max_size=40,
)
GROUPS = ("review", "litigation_direct", "litigation_after_review")
appeals_drawn = st.lists(st.tuples(st.sampled_from(GROUPS), day, spans), max_size=12)


def _after(day: date, span: int | None) -> date | None:
    return day + timedelta(days=span) if span is not None else None


def _decision(group: str, span: int | None) -> str:
    """A decision the group's law provides, drawn by the span."""
    found = decisions.decisions_for(AppealKind.REVIEW if group == "review" else "litigation")
    return found[(span or 0) % len(found)].key


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=applications_drawn, lawsuits=appeals_drawn, year=st.sampled_from([2023, 2024, 2025]))
def test_every_rule_holds_for_any_records(tree, people, drawn, lawsuits, year) -> None:
    Application.objects.all().delete()
    Appeal.objects.all().delete()
    bureau, user = tree.bureau, people.officer
    Application.objects.bulk_create(
        application(bureau, user, kind, received, _after(received, span), outcome)
        for kind, received, span, outcome in drawn
    )
    Appeal.objects.bulk_create(
        appeal(bureau, user, group, received, _after(received, span), _decision(group, span))
        for group, received, span in lawsuits
    )
    report = report_compute(agency=bureau, year=year)
    broken = [f for f in report.findings if f.rule != MISSING]
    assert not broken, [f.message for f in broken]
    received_in_year = sum(1 for _, r, _, _ in drawn if r.year == year)
    assert report["applications.new_received.total"] == received_in_year
    # Each number and the list of records behind it come from one condition.
    for cell in report.edition.cells:
        drill = cell_drill(agency=bureau, edition=report.edition, year=year, cell=cell)
        if drill is not None and drill.figures is None:  # an entered figure lists its entries
            listed = next(
                q for q in (drill.applications, drill.appeals, drill.disclosures) if q is not None
            )
            assert listed.count() == report[cell], cell
