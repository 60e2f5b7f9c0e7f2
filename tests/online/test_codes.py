from __future__ import annotations

from datetime import date

from xxgk.online import codes


def test_a_number_is_the_day_and_six_digits(today) -> None:
    today.set(date(2026, 3, 2))
    number = codes.new_number()
    assert number.startswith("20260302")
    assert len(number) == 14
    assert number.isdigit()
