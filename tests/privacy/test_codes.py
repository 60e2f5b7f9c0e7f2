"""Lookup codes: 80 random bits, typed back loosely, stored only as a hash."""

from __future__ import annotations

import math

from xxgk.privacy.codes import ALPHABET, LENGTH, code_hash, code_matches, code_new


def test_a_code_carries_at_least_60_bits() -> None:
    assert len(set(ALPHABET)) == 32
    assert LENGTH * math.log2(len(ALPHABET)) >= 60
    code = code_new()
    assert len(code.replace("-", "")) == LENGTH
    assert all(c in ALPHABET for c in code.replace("-", ""))


def test_codes_differ() -> None:
    assert len({code_new() for _ in range(200)}) == 200


def test_typed_back_in_any_case_without_dashes_o_for_zero() -> None:
    code = "7QK2-M9XD-4HTB-0R1E"
    stored = code_hash(code)
    assert code_matches("7qk2m9xd4htb0r1e", stored)
    assert code_matches(" 7QK2 M9XD 4HTB OR1E ", stored)  # O read as 0
    assert code_matches("7QK2-M9XD-4HTB-0RLE", stored)  # L read as 1
    assert not code_matches("7QK2-M9XD-4HTB-0R1F", stored)
