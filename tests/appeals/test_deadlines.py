"""The agency's answer deadline, counted by hand on the 2025 calendar (国庆节、中秋 2025-10-01 to
10-08 off; Sunday 09-28 and Saturday 10-11 made working days)."""

from datetime import date

import pytest

from xxgk.appeals.deadlines import answer_deadline, decision_deadline
from xxgk.workdays import Calendar, YearDays


@pytest.fixture
def calendar():
    return Calendar()


def test_review_answer_is_ten_working_days(calendar) -> None:
    # 09-28(1, make-up Sunday) 29(2) 30(3) 10-09(4) 10(5) 11(6, make-up Saturday) 13..16(7..10)
    deadline = answer_deadline(kind="review", copy_received_on=date(2025, 9, 26), calendar=calendar)
    assert deadline.due_on == date(2025, 10, 16)
    assert not deadline.provisional
    assert "第四十八条" in deadline.rule
    assert "第八十八条第二款" in deadline.counting
    assert "国庆节" in deadline.steps
    assert "2025-10-11（周六）" in deadline.steps


def test_review_answer_without_holidays(calendar) -> None:
    # Monday 2025-03-03: 10 working days are two full weeks
    deadline = answer_deadline(kind="review", copy_received_on=date(2025, 3, 3), calendar=calendar)
    assert deadline.due_on == date(2025, 3, 17)


def test_simplified_review_answer_is_five_working_days(calendar) -> None:
    deadline = answer_deadline(
        kind="review", copy_received_on=date(2025, 9, 26), calendar=calendar, simplified=True
    )
    assert deadline.due_on == date(2025, 10, 10)
    assert "第五十四条" in deadline.rule


def test_litigation_answer_is_fifteen_calendar_days_moved_off_a_holiday(calendar) -> None:
    # day 15 is 2025-10-01, in the holiday: the first working day after it is 10-09
    deadline = answer_deadline(
        kind="litigation", copy_received_on=date(2025, 9, 16), calendar=calendar
    )
    assert deadline.due_on == date(2025, 10, 9)
    assert "第六十七条" in deadline.rule
    assert "第一百零一条" in deadline.counting


def test_litigation_answer_on_a_working_day_stays(calendar) -> None:
    # 2025-03-03 + 15 = Tuesday 03-18
    deadline = answer_deadline(
        kind="litigation", copy_received_on=date(2025, 3, 3), calendar=calendar
    )
    assert deadline.due_on == date(2025, 3, 18)


def test_litigation_ending_on_a_weekend_moves_to_monday(calendar) -> None:
    # 2025-03-07 + 15 = Saturday 03-22 -> Monday 03-24
    deadline = answer_deadline(
        kind="litigation", copy_received_on=date(2025, 3, 7), calendar=calendar
    )
    assert deadline.due_on == date(2025, 3, 24)


def test_an_uncovered_year_is_provisional_until_entered() -> None:
    start = date(2026, 12, 28)
    guessed = answer_deadline(kind="review", copy_received_on=start, calendar=Calendar())
    assert guessed.provisional
    assert "暂定" in guessed.steps
    # 2027: New Year's day plus the Monday off, in this made-up arrangement
    entered = Calendar(
        {
            2027: YearDays(
                year=2027,
                holidays=frozenset({date(2027, 1, 1), date(2027, 1, 4)}),
                workdays=frozenset(),
            )
        }
    )
    counted = answer_deadline(kind="review", copy_received_on=start, calendar=entered)
    assert not counted.provisional
    # 12-29(1) 30(2) 31(3) 01-05(4) 06(5) 07(6) 08(7) 11(8) 12(9) 13(10)
    assert counted.due_on == date(2027, 1, 13)
    assert counted.due_on > guessed.due_on


def test_review_decision_is_due_sixty_days_after_acceptance(calendar) -> None:
    # 2025-03-03 + 60 = Friday 2025-05-02, in the Labour Day holiday (05-01..05) -> 05-06
    deadline = decision_deadline(kind="review", accepted_on=date(2025, 3, 3), calendar=calendar)
    assert deadline is not None
    assert deadline.due_on == date(2025, 5, 6)
    assert "第六十二条" in deadline.rule


def test_no_decision_deadline_without_acceptance_or_for_a_lawsuit(calendar) -> None:
    assert decision_deadline(kind="review", accepted_on=None, calendar=calendar) is None
    assert (
        decision_deadline(kind="litigation", accepted_on=date(2025, 3, 3), calendar=calendar)
        is None
    )
