from hypothesis import given
from hypothesis import strategies as st

from xxgk.applications.identifiers import (
    check_credit_code,
    check_id_number,
    credit_code_check_char,
    id_number_check_char,
)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def test_published_examples_are_valid() -> None:
    # GB 11643-1999's own example, and GB 32100-2015's.
    assert check_id_number("11010519491231002X") is None
    assert check_id_number("11010519491231002x") is None
    assert check_credit_code("91350100M000100Y43") is None


def test_wrong_check_digits_are_refused() -> None:
    assert "校验位" in check_id_number("110105194912310021")
    assert "校验位" in check_credit_code("91350100M000100Y44")


def test_malformed_values_say_why() -> None:
    assert "18 位" in check_id_number("1101051949")
    assert "出生日期" in check_id_number("110105194902301234")
    assert "数字" in check_id_number("11010519491231A02X")
    assert "18 位" in check_credit_code("9135")
    assert "不允许的字符" in check_credit_code("91350100M000100YO3")


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_id_check_char_is_the_only_valid_one(first17: str) -> None:
    right = id_number_check_char(first17)
    for c in "0123456789X":
        problem = check_id_number("11010519491231" + first17[14:] + c)
        # only the digit the algorithm computes for that body passes the check
        body = "11010519491231" + first17[14:]
        assert (problem is None) == (c == id_number_check_char(body))
    assert right in "0123456789X"


@given(st.text(alphabet=USCC_CHARS, min_size=17, max_size=17))
def test_credit_code_check_char_is_the_only_valid_one(first17: str) -> None:
    right = credit_code_check_char(first17)
    for c in USCC_CHARS:
        assert (check_credit_code(first17 + c) is None) == (c == right)
