"""Working days on the official calendar, asserted against the State Council notices.

Arrangements checked by hand against the notices (国务院办公厅关于20XX年部分节假日安排的通知):
- 2024 春节 2月10日至17日放假，2月4日（周日）、2月18日（周日）上班；
  国庆节 10月1日至7日放假，9月29日（周日）、10月12日（周六）上班。
- 2025 春节 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班；
  国庆节、中秋节 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班。
- 2026（通知 2025-11-04）元旦 1月1日至3日放假，1月4日（周日）上班；春节 2月15日至23日放假，
  2月14日（周六）、2月28日（周六）上班；中秋节 9月25日至27日；国庆节 10月1日至7日放假，
  9月20日（周日）、10月10日（周六）上班。
"""

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.workdays import (
    Calendar,
    InvalidYearDays,
    Pause,
    UnknownYear,
    YearDays,
    describe_span,
)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


MAKE_UP_DAYS = [
    date(2024, 2, 4),  # Sun
    date(2024, 2, 18),  # Sun
    date(2024, 9, 29),  # Sun
    date(2024, 10, 12),  # Sat
    date(2025, 1, 26),  # Sun
    date(2025, 2, 8),  # Sat
    date(2025, 9, 28),  # Sun
    date(2025, 10, 11),  # Sat
    date(2026, 1, 4),  # Sun
    date(2026, 2, 14),  # Sat
    date(2026, 2, 28),  # Sat
    date(2026, 9, 20),  # Sun
    date(2026, 10, 10),  # Sat
]

REST_PERIODS = [
    (date(2024, 2, 10), date(2024, 2, 17), "春节"),
    (date(2024, 10, 1), date(2024, 10, 7), "国庆节"),
    (date(2025, 1, 28), date(2025, 2, 4), "春节"),
    (date(2025, 10, 1), date(2025, 10, 5), "国庆节"),
    (date(2025, 10, 6), date(2025, 10, 6), "中秋"),
    (date(2025, 10, 7), date(2025, 10, 8), "国庆节"),
    (date(2026, 1, 1), date(2026, 1, 3), "元旦"),
    (date(2026, 2, 15), date(2026, 2, 23), "春节"),
    (date(2026, 9, 25), date(2026, 9, 27), "中秋"),
    (date(2026, 10, 1), date(2026, 10, 7), "国庆节"),
]

# Ordinary working days right before and after each period (the holiday edges).
EDGE_WORKDAYS = [
    date(2024, 2, 9),  # 除夕 2024 was a Friday working day
    date(2024, 2, 19),
    date(2024, 9, 30),
    date(2024, 10, 8),
    date(2025, 1, 27),
    date(2025, 2, 5),
    date(2025, 9, 30),
    date(2025, 10, 9),
    date(2025, 12, 31),
    date(2026, 1, 5),
    date(2026, 2, 13),
    date(2026, 2, 24),
    date(2026, 9, 24),
    date(2026, 9, 30),
    date(2026, 10, 8),
]


@pytest.mark.parametrize("day", MAKE_UP_DAYS, ids=str)
def test_make_up_weekend_days_are_working_days(calendar, day):
    assert day.weekday() >= 5
    assert calendar.is_workday(day)
    info = calendar.day(day)
    assert info.made_up
    assert info.known
    assert info.reason is None


@pytest.mark.parametrize(("first", "last", "name"), REST_PERIODS, ids=lambda v: str(v))
def test_every_day_of_a_holiday_period_rests_and_is_named(calendar, first, last, name):
    for day in days(first, last):
        assert not calendar.is_workday(day), day
        assert calendar.day(day).reason == name, day


@pytest.mark.parametrize("day", EDGE_WORKDAYS, ids=str)
def test_weekdays_at_the_edges_of_holidays_are_working_days(calendar, day):
    assert day.weekday() < 5
    assert calendar.is_workday(day)


def test_an_ordinary_weekend_rests_as_weekend(calendar):
    assert not calendar.is_workday(date(2024, 10, 13))  # the Sunday after the make-up Saturday
    assert calendar.day(date(2026, 3, 7)).reason == "周末"


# (received, 20th working day after it) — each counted by hand below.
REPLY_DUE = [
    # 2024 春节: 2-9(1) | 2-10..17 off | 2-18 Sun(2) 19-23(7) 26-3/1(12) 3/4-8(17) 11,12,13(20)
    (date(2024, 2, 8), date(2024, 3, 13)),
    # 2024 国庆: 9-29 Sun(1) 9-30(2) | 10-1..7 off | 8-11(6) 12 Sat(7) 14-18(12) 21-25(17) 28-30(20)
    (date(2024, 9, 27), date(2024, 10, 30)),
    # 2025 春节: 1-26 Sun(1) 1-27(2) | 1-28..2-4 off | 5-7(5) 8 Sat(6) 10-14(11) 17-21(16) 24-27(20)
    (date(2025, 1, 24), date(2025, 2, 27)),
    # 2025 国庆: 9-28 Sun(1) 29,30(3) | 10-1..8 off | 9,10(5) 11 Sat(6) 13-17(11) 20-24(16)
    #   27-30(20)
    (date(2025, 9, 26), date(2025, 10, 30)),
    # 2026 元旦 (across the year): | 1-1..3 off | 1-4 Sun(1) 5-9(6) 12-16(11) 19-23(16) 26-29(20)
    (date(2025, 12, 31), date(2026, 1, 29)),
    # 2026 春节: 2-14 Sat(1) | 2-15..23 off | 24-27(5) 28 Sat(6) 3/2-6(11) 9-13(16) 16-19(20)
    (date(2026, 2, 13), date(2026, 3, 19)),
    # 2026 中秋+国庆: 9-20 Sun(1) 21-24(5) | 25-27 off | 28-30(8) | 10-1..7 off | 8,9(10)
    #   10 Sat(11) 12-16(16) 19-22(20)
    (date(2026, 9, 18), date(2026, 10, 22)),
]


@pytest.mark.parametrize(("received", "due"), REPLY_DUE, ids=lambda v: str(v))
def test_twenty_working_days_across_each_holiday(calendar, received, due):
    span = calendar.add_workdays(received, 20)
    assert span.end == due
    assert not span.provisional
    assert len(span.counted) == 20
    assert calendar.workdays_between(received, due) == 20
    # an independent oracle: the package's own list of working days
    assert len(chinese_calendar.get_workdays(received + timedelta(1), due)) == 20


def test_the_national_day_2024_span_says_what_it_skipped_and_counted(calendar):
    span = calendar.add_workdays(date(2024, 9, 27), 20)
    assert span.counted[0] == date(2024, 9, 29)
    assert span.made_up == (date(2024, 9, 29), date(2024, 10, 12))
    assert [d for d, r in span.skipped if r == "国庆节"] == days(
        date(2024, 10, 1), date(2024, 10, 7)
    )
    assert describe_span(span) == (
        "跳过 国庆节 2024-10-01 至 2024-10-07；跳过周末 6 天；"
        "计入调休上班日 2024-09-29（周日）、2024-10-12（周六）"
    )


def test_national_day_and_mid_autumn_2025_read_as_one_period(calendar):
    text = describe_span(calendar.add_workdays(date(2025, 9, 26), 20))
    assert text.startswith("跳过 国庆节、中秋 2025-10-01 至 2025-10-08；")


def test_receipt_day_counts_only_when_asked_and_only_if_a_working_day(calendar):
    assert calendar.add_workdays(date(2024, 10, 8), 1, count_start=True).end == date(2024, 10, 8)
    assert calendar.add_workdays(date(2024, 10, 8), 1).end == date(2024, 10, 9)
    # received online during the holiday: day 1 is the first working day after it either way
    assert calendar.add_workdays(date(2024, 10, 5), 1, count_start=True).end == date(2024, 10, 8)
    assert calendar.add_workdays(date(2024, 10, 5), 1).end == date(2024, 10, 8)


def test_zero_days_is_the_start_and_negative_is_refused(calendar):
    span = calendar.add_workdays(date(2024, 10, 3), 0)
    assert span.end == date(2024, 10, 3)
    assert span.counted == ()
    with pytest.raises(ValueError, match="负数"):
        calendar.add_workdays(date(2024, 10, 3), -1)


def test_paused_working_days_are_skipped_with_the_pause_reason(calendar):
    pause = Pause(date(2024, 10, 15), date(2024, 10, 17), "征求意见期间")
    span = calendar.add_workdays(date(2024, 10, 14), 5, pauses=[pause])
    # 10-15, 10-16 paused; 10-17(1) 18(2) 21(3) 22(4) 23(5)
    assert span.end == date(2024, 10, 23)
    assert (date(2024, 10, 15), "征求意见期间") in span.skipped
    assert date(2024, 10, 17) in span.counted


def test_workdays_between_is_signed(calendar):
    assert calendar.workdays_between(date(2024, 10, 30), date(2024, 9, 27)) == -20
    assert calendar.workdays_between(date(2024, 10, 1), date(2024, 10, 7)) == 0


# -- year ends and years the package does not cover ----------------------------------------


def test_coverage(calendar, calendar_2027):
    assert calendar.covers(2004)
    assert calendar.covers(2026)
    assert not calendar.covers(2003)
    assert not calendar.covers(2027)
    assert calendar_2027.covers(2027)
    assert calendar.source(2026) == "chinesecalendar"
    assert calendar_2027.source(2027) == "管理员录入"
    assert calendar.source(2027) is None


def test_an_unknown_year_is_never_silently_monday_to_friday(calendar):
    with pytest.raises(UnknownYear, match="2027 年") as caught:
        calendar.is_workday(date(2027, 1, 4))  # a Monday: still not guessed
    assert caught.value.year == 2027
    with pytest.raises(UnknownYear):
        calendar.workdays_between(date(2026, 12, 21), date(2027, 1, 18))
    assert not calendar.day(date(2027, 1, 4)).known


def test_the_last_due_date_inside_2026_is_certain_and_the_next_is_provisional(calendar):
    # 2026-12-03 (Thu): 12-4(1) 7-11(6) 14-18(11) 21-25(16) 28,29,30,31(20)
    inside = calendar.add_workdays(date(2026, 12, 3), 20)
    assert inside.end == date(2026, 12, 31)
    assert not inside.provisional
    # 2026-12-04 (Fri): ... 28-31(19), 2027-01-01(20) — a Friday, and New Year's Day in every
    # year so far: exactly why a guessed year must be flagged
    beyond = calendar.add_workdays(date(2026, 12, 4), 20)
    assert beyond.end == date(2027, 1, 1)
    assert beyond.provisional
    assert beyond.unknown_years == (2027,)
    assert "2027 年的节假日安排尚未录入" in describe_span(beyond)


def test_receipt_late_in_december_2026_runs_into_2027_provisionally(calendar):
    # 2026-12-21 (Mon): 22-25(4) 28-31(8) | guessed: 1-1(9) 1-4..8(14) 11-15(19) 18(20)
    span = calendar.add_workdays(date(2026, 12, 21), 20)
    assert span.end == date(2027, 1, 18)
    assert span.provisional


def test_an_entered_2027_makes_it_certain(calendar_2027):
    # with 2027-01-01 off and Sat 2027-01-09 a (test) make-up day:
    # 22-25(4) 28-31(8) | 1-1 off | 1-4..8(13) 9 Sat(14) 11-15(19) 18(20)
    span = calendar_2027.add_workdays(date(2026, 12, 21), 20)
    assert span.end == date(2027, 1, 18)
    assert not span.provisional
    assert (date(2027, 1, 1), "元旦") in span.skipped
    assert span.made_up == (date(2027, 1, 9),)
    assert calendar_2027.add_workdays(date(2026, 12, 4), 20).end == date(2027, 1, 4)
    assert not calendar_2027.is_workday(date(2027, 1, 1))
    assert calendar_2027.is_workday(date(2027, 1, 9))


def test_overrides_win_over_the_package():
    # e.g. a correction the State Council issued after the package was released
    extra = YearDays(2026, holidays=frozenset({date(2026, 12, 31)}), workdays=frozenset())
    calendar = Calendar({2026: extra})
    assert not calendar.is_workday(date(2026, 12, 31))
    assert calendar.day(date(2026, 12, 31)).reason == "节假日"
    # the override replaces the year: its own weekends and entries only
    assert calendar.is_workday(date(2026, 10, 8))


@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ({date(2028, 1, 1)}, set(), "不属于 2027 年"),
        ({date(2027, 1, 9)}, {date(2027, 1, 9)}, "既是放假日又是调休上班日"),
        (set(), {date(2027, 1, 4)}, "本就是工作日"),
    ],
)
def test_a_contradictory_entry_is_refused_in_chinese(holidays, workdays, message):
    with pytest.raises(InvalidYearDays, match=message):
        YearDays(2027, frozenset(holidays), frozenset(workdays))


def test_an_entry_filed_under_the_wrong_year_is_refused():
    with pytest.raises(InvalidYearDays, match="2028"):
        Calendar({2028: YearDays(2027, frozenset(), frozenset())})


# -- properties over the whole covered range ------------------------------------------------

covered_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 9, 30))


@given(start=covered_days, n=st.integers(min_value=0, max_value=60))
def test_counting_agrees_with_the_package_and_with_itself(start, n):
    calendar = Calendar()
    span = calendar.add_workdays(start, n)
    assert len(span.counted) == n
    assert list(span.counted) == sorted(span.counted)
    assert all(calendar.is_workday(d) for d in span.counted)
    assert all(not calendar.is_workday(d) for d, _ in span.skipped)
    assert calendar.workdays_between(start, span.end) == n
    if n:
        assert span.end == span.counted[-1]
        # every day after start up to the end is either counted or skipped, once
        assert sorted([*span.counted, *(d for d, _ in span.skipped)]) == days(
            start + timedelta(1), span.end
        )
        assert chinese_calendar.get_workdays(start + timedelta(1), span.end) == list(span.counted)


def test_the_first_working_day_on_or_after(calendar):
    assert calendar.workday_on_or_after(date(2025, 9, 30)) == date(2025, 9, 30)  # a Tuesday
    assert calendar.workday_on_or_after(date(2025, 10, 1)) == date(2025, 10, 9)  # 国庆节、中秋
    assert calendar.workday_on_or_after(date(2025, 10, 11)) == date(2025, 10, 11)  # 调休上班
