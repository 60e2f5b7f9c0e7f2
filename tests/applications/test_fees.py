"""The processing fee of 国办函〔2020〕109号: 按件 (第四条) and 按量 (第五条), both 超额累进."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.applications.fees import (
    MAX_COUNT,
    MAX_PAGES,
    FeeLine,
    fee_by_count,
    fee_by_pages,
    fee_for_nth,
)


@pytest.mark.parametrize(
    ("pages", "total"),
    [
        (1, "0"),
        (30, "0"),  # 含30页
        (31, "10"),
        (100, "700"),  # 70 × 10
        (101, "720"),
        (130, "1300"),  # 70 × 10 + 30 × 20
        (200, "2700"),  # 700 + 100 × 20
        (201, "2740"),
        (250, "4700"),  # 700 + 2000 + 50 × 40
    ],
)
def test_fee_by_pages(pages, total):
    assert fee_by_pages(pages).total == Decimal(total)


@pytest.mark.parametrize(
    ("count", "total"),
    [
        (1, "0"),
        (10, "0"),  # 含10件
        (11, "100"),
        (30, "2000"),  # 20 × 100
        (31, "2200"),
        (40, "4000"),  # 2000 + 10 × 200
        (45, "5500"),  # 2000 + 2000 + 5 × 300
        (50, "7000"),  # 4000 + 10 × 300
        (51, "7400"),  # the 51st is in the 400 band
    ],
)
def test_fee_by_count(count, total):
    assert fee_by_count(count).total == Decimal(total)


def test_a_breakdown_explains_itself_free_band_included():
    quote = fee_by_pages(130)
    assert quote.basis == "pages"
    assert quote.lines == (
        FeeLine("第1—30页 免费", 30, Decimal(0), Decimal(0)),
        FeeLine("第31—100页 每页10元", 70, Decimal(10), Decimal(700)),
        FeeLine("第101—130页 每页20元", 30, Decimal(20), Decimal(600)),
    )


def test_the_json_form_has_money_as_strings_with_two_places():
    assert fee_by_count(45).to_json() == {
        "basis": "count",
        "total": "5500.00",
        "lines": [
            {
                "description": "第1—10件 免费",
                "quantity": 10,
                "unit_price": "0.00",
                "amount": "0.00",
            },
            {
                "description": "第11—30件 每件100元",
                "quantity": 20,
                "unit_price": "100.00",
                "amount": "2000.00",
            },
            {
                "description": "第31—40件 每件200元",
                "quantity": 10,
                "unit_price": "200.00",
                "amount": "2000.00",
            },
            {
                "description": "第41—45件 每件300元",
                "quantity": 5,
                "unit_price": "300.00",
                "amount": "1500.00",
            },
        ],
    }


def test_a_band_of_one_unit_names_the_unit_alone():
    assert fee_by_count(11).lines[-1].description == "第11件 每件100元"
    assert fee_by_pages(30).lines == (FeeLine("第1—30页 免费", 30, Decimal(0), Decimal(0)),)


@pytest.mark.parametrize(
    ("n", "price", "description"),
    [
        (1, "0", "本月第1件 免费"),
        (10, "0", "本月第10件 免费"),
        (11, "100", "本月第11件 每件100元"),
        (30, "100", "本月第30件 每件100元"),
        (31, "200", "本月第31件 每件200元"),
        (41, "300", "本月第41件 每件300元"),
        (45, "300", "本月第45件 每件300元"),
        (101, "900", "本月第101件 每件900元"),  # 101–110: the 8th band of 10 from the 31st
    ],
)
def test_fee_for_nth_charges_one_application_at_its_band(n, price, description):
    quote = fee_for_nth(n)
    assert quote.basis == "count"
    assert quote.total == Decimal(price)
    assert quote.lines == (FeeLine(description, 1, Decimal(price), Decimal(price)),)


@pytest.mark.parametrize("call", [fee_by_pages, fee_by_count, fee_for_nth])
@pytest.mark.parametrize("bad", [0, -1, -100])
def test_zero_or_negative_is_refused_in_chinese(call, bad):
    with pytest.raises(ValueError, match="应至少为 1"):
        call(bad)


def test_absurd_quantities_are_refused():
    with pytest.raises(ValueError, match="页数不应超过 1,000,000"):
        fee_by_pages(MAX_PAGES + 1)
    with pytest.raises(ValueError, match="申请件数不应超过 10,000"):
        fee_by_count(MAX_COUNT + 1)
    assert fee_by_pages(MAX_PAGES).total > 0
    assert fee_by_count(MAX_COUNT).total > 0


@pytest.mark.parametrize("bad", [True, 2.5, "12"])
def test_a_non_integer_is_refused(bad):
    with pytest.raises(ValueError, match="应为整数"):
        fee_by_pages(bad)


pages = st.integers(min_value=1, max_value=2_000)
counts = st.integers(min_value=1, max_value=500)


def _add_up(quote) -> None:
    assert quote.total == sum(line.amount for line in quote.lines)
    for line in quote.lines:
        assert line.amount == line.unit_price * line.quantity


@given(pages)
def test_pages_total_is_the_sum_of_lines_and_never_falls(n):
    quote, more = fee_by_pages(n), fee_by_pages(n + 1)
    _add_up(quote)
    assert sum(line.quantity for line in quote.lines) == n
    assert more.total >= quote.total
    # marginal: the extra page costs the price of the band it falls in
    assert more.total - quote.total == more.lines[-1].unit_price


@given(counts)
def test_count_total_is_the_sum_of_lines_and_never_falls(n):
    quote, more = fee_by_count(n), fee_by_count(n + 1)
    _add_up(quote)
    assert sum(line.quantity for line in quote.lines) == n
    assert more.total >= quote.total


@given(st.integers(min_value=2, max_value=500))
def test_the_nth_application_costs_what_it_adds_to_the_month(n):
    assert fee_for_nth(n).total == fee_by_count(n).total - fee_by_count(n - 1).total


def test_the_first_application_of_a_month_is_free():
    assert fee_for_nth(1).total == fee_by_count(1).total == 0
