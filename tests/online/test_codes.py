from __future__ import annotations

import math

from xxgk.online import codes


def test_a_code_has_more_than_60_bits() -> None:
    code = codes.new_code()
    raw = codes.normalise(code)
    assert len(raw) == codes.CODE_LENGTH
    assert set(raw) <= set(codes.ALPHABET)
    assert codes.CODE_LENGTH * math.log2(len(codes.ALPHABET)) == codes.CODE_BITS >= 60
    assert len({codes.new_code() for _ in range(1000)}) == 1000


def test_the_code_is_matched_by_its_digest_whatever_the_typing() -> None:
    code = codes.new_code()
    stored = codes.digest(code)
    assert codes.normalise(code) not in stored
    assert codes.matches(code.lower().replace("-", " "), stored)
    assert not codes.matches(codes.new_code(), stored)


def test_a_number_is_the_day_and_six_digits(today) -> None:
    from datetime import date

    today.set(date(2026, 3, 2))
    number = codes.new_number()
    assert number.startswith("20260302")
    assert len(number) == 14
    assert number.isdigit()
