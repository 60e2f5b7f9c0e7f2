"""Receipt dates that cannot be right."""

from datetime import date

import pytest

from xxgk.workdays.dates import (
    REGULATION_IN_FORCE,
    REVISED_REGULATION_IN_FORCE,
    before_regulation_problem,
    receipt_date_problem,
)

TODAY = date(2025, 9, 26)
TOO_EARLY = "早于《中华人民共和国政府信息公开条例》施行之日（2008年5月1日）"


def test_the_two_regulations_took_effect_on_these_days():
    assert date(2008, 5, 1) == REGULATION_IN_FORCE  # 国务院令第492号
    assert date(2019, 5, 15) == REVISED_REGULATION_IN_FORCE  # 国务院令第711号


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2008, 4, 30), date(1, 1, 1)])
def test_a_day_before_the_regulation_is_refused(day):
    problem = receipt_date_problem(day, today=TODAY)
    assert problem == f"收到申请之日 {day.isoformat()} {TOO_EARLY}"


@pytest.mark.parametrize(
    "day", [date(2008, 5, 1), date(2019, 5, 14), date(2019, 5, 15), date(2025, 9, 26)]
)
def test_a_day_from_the_regulation_up_to_today_is_accepted(day):
    assert receipt_date_problem(day, today=TODAY) is None


@pytest.mark.parametrize("day", [date(2025, 9, 27), date(2030, 1, 1), date(9999, 12, 31)])
def test_a_day_after_today_is_refused(day):
    problem = receipt_date_problem(day, today=TODAY)
    assert problem == f"收到申请之日 {day.isoformat()} 晚于今天（2025-09-26）"


def test_the_early_check_alone_names_what_the_day_is():
    assert before_regulation_problem(date(2030, 1, 1)) is None
    assert before_regulation_problem(date(2000, 1, 1), what="起算日") == (
        f"起算日 2000-01-01 {TOO_EARLY}"
    )
