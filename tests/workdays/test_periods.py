"""Periods in calendar days (民事诉讼法第八十五条, applied by 行政诉讼法第一百零一条): the start day
not counted, an end on a rest day moved to the first working day after it."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.workdays.periods import add_calendar_days


def test_the_start_day_is_not_counted(calendar):
    # 2025-01-01 (元旦) starts it; day 1 is 2025-01-02, a Thursday
    period = add_calendar_days(calendar, date(2025, 1, 1), 1)
    assert period.nominal_end == period.end == date(2025, 1, 2)
    assert period.moved_over == ()
    assert not period.provisional


def test_an_end_on_a_make_up_working_day_stays(calendar):
    # 09-27 is day 1; day 15 is Saturday 2025-10-11, 调休上班 after National Day
    period = add_calendar_days(calendar, date(2025, 9, 26), 15)
    assert period.end == date(2025, 10, 11)
    assert calendar.day(period.end).made_up
    assert period.explain() == (
        "自 2025-09-26 起算 15 日（当日不计入，自 2025-09-27 起算），第 15 日为 2025-10-11。"
    )


def test_an_end_in_a_holiday_week_moves_to_the_first_day_back(calendar):
    # day 15 is 2025-10-01; 10-01..10-08 off (国庆节 with 中秋 on 10-06), back on Thursday 10-09
    period = add_calendar_days(calendar, date(2025, 9, 16), 15)
    assert period.nominal_end == date(2025, 10, 1)
    assert period.end == date(2025, 10, 9)
    assert [day for day, _ in period.moved_over] == [date(2025, 10, d) for d in range(1, 9)]
    assert dict(period.moved_over)[date(2025, 10, 6)] == "中秋"
    assert period.explain() == (
        "自 2025-09-16 起算 15 日（当日不计入，自 2025-09-17 起算），第 15 日为 2025-10-01，"
        "适逢休息日（国庆节、中秋），顺延至休息日后的第一个工作日 2025-10-09。"
    )


def test_an_end_on_a_weekend_moves_to_monday(calendar):
    # 2026-03-01 is a Sunday
    period = add_calendar_days(calendar, date(2026, 2, 28), 1)
    assert period.end == date(2026, 3, 2)
    assert period.moved_over == ((date(2026, 3, 1), "周末"),)
    assert "适逢休息日（周末），顺延至休息日后的第一个工作日 2026-03-02" in period.explain()


def test_an_end_on_a_make_up_sunday_stays(calendar):
    # 2025-09-28 (Sunday) is 调休上班 before National Day
    assert add_calendar_days(calendar, date(2025, 9, 13), 15).end == date(2025, 9, 28)


def test_spring_festival_2026(calendar):
    # day 15 is 2026-02-18; 春节 off 02-15..02-23, so the end is Tuesday 02-24
    period = add_calendar_days(calendar, date(2026, 2, 3), 15)
    assert period.nominal_end == date(2026, 2, 18)
    assert period.end == date(2026, 2, 24)
    assert {reason for _, reason in period.moved_over} == {"春节"}


def test_an_end_in_an_uncovered_year_is_provisional(calendar, calendar_2027):
    # day 7 is Friday 2027-01-01: a working day by the Monday–Friday guess, 元旦 once entered
    guess = add_calendar_days(calendar, date(2026, 12, 25), 7)
    assert guess.end == date(2027, 1, 1)
    assert guess.provisional
    assert guess.explain().endswith("（暂定：涉及尚未录入节假日安排的年份）")
    entered = add_calendar_days(calendar_2027, date(2026, 12, 25), 7)
    assert entered.end == date(2027, 1, 4)
    assert not entered.provisional
    assert "适逢休息日（元旦、周末）" in entered.explain()


def test_only_the_end_decides_provisional(calendar):
    # the period runs through uncovered years only if its end does; a start in 2026 is known
    assert not add_calendar_days(calendar, date(2026, 12, 1), 15).provisional


@pytest.mark.parametrize("days", [0, -1])
def test_a_period_is_at_least_one_day(calendar, days):
    with pytest.raises(ValueError, match="期间应至少为 1 日"):
        add_calendar_days(calendar, date(2025, 1, 1), days)


@given(
    start=st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 11, 30)),
    days=st.integers(min_value=1, max_value=30),
)
def test_the_end_is_the_first_working_day_from_the_nominal_end(calendar, start, days):
    period = add_calendar_days(calendar, start, days)
    assert period.nominal_end == start + timedelta(days=days)
    assert calendar.is_workday(period.end)
    skipped = [period.nominal_end + timedelta(days=i) for i in range(len(period.moved_over))]
    assert [day for day, _ in period.moved_over] == skipped
    assert all(not calendar.is_workday(day) for day in skipped)
    assert period.end == period.nominal_end + timedelta(days=len(skipped))
