"""The information processing fee (信息处理费) of 国办函〔2020〕109号, computed without Django.

A fee may be charged only when an applicant's requests clearly exceed a reasonable range
(条例第四十二条); whether to charge is the agency's decision, how much is this module's. Both
ways of charging are marginal (超额累进): each band's price applies only to the units inside it.

- 按件 (第四条): the same applicant's applications in one natural month, counted cumulatively:
  the 1st–10th free, the 11th–30th 100元 each, then bands of 10, each 100元 dearer per
  application than the one before (31st–40th 200元, 41st–50th 300元, …).
- 按量 (第五条): the pages of one application: up to 30 free, 31–100 10元 a page, 101–200 20元
  a page, from the 201st 40元 a page.

An application is charged on one basis or the other, never both (第三条): a `FeeQuote` carries
exactly one `basis`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import count as counting
from typing import Any, Literal

Basis = Literal["count", "pages"]

# Beyond these the input is a typing mistake, not a request (a month of 10,000 applications, or
# one application of a million pages, is already far past anything an agency has reported).
MAX_COUNT = 10_000
MAX_PAGES = 1_000_000

_CENT = Decimal("0.01")
_COUNT_STEP = 10  # 以10件为一档
_COUNT_RISE = Decimal(100)  # 每增加一档，收费标准提高100元/件


class FeeInputError(ValueError):
    """A number of applications or pages that cannot be charged for (message in Chinese)."""


@dataclass(frozen=True)
class FeeLine:
    """One band of the breakdown: `quantity` units at `unit_price`, free bands included."""

    description: str
    quantity: int
    unit_price: Decimal
    amount: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "quantity": self.quantity,
            "unit_price": _money(self.unit_price),
            "amount": _money(self.amount),
        }


@dataclass(frozen=True)
class FeeQuote:
    """A fee on one basis: its total and the band-by-band lines that add up to it."""

    basis: Basis
    total: Decimal
    lines: tuple[FeeLine, ...]

    def to_json(self) -> dict[str, Any]:
        """Money as decimal strings with two places: {"basis", "total", "lines": [...]}."""
        return {
            "basis": self.basis,
            "total": _money(self.total),
            "lines": [line.to_json() for line in self.lines],
        }


@dataclass(frozen=True)
class _Band:
    first: int
    last: int | None  # None: no upper end
    unit_price: Decimal


_PAGE_BANDS = (
    _Band(1, 30, Decimal(0)),
    _Band(31, 100, Decimal(10)),
    _Band(101, 200, Decimal(20)),
    _Band(201, None, Decimal(40)),
)


def _count_bands() -> Iterator[_Band]:
    yield _Band(1, 10, Decimal(0))
    yield _Band(11, 30, Decimal(100))
    for step in counting():
        first = 31 + step * _COUNT_STEP
        yield _Band(first, first + _COUNT_STEP - 1, Decimal(200) + step * _COUNT_RISE)


def fee_by_pages(pages: int) -> FeeQuote:
    """按量 (第五条): the fee for one application of `pages` pages."""
    _check(pages, "页数", MAX_PAGES)
    return _quote("pages", pages, _PAGE_BANDS, "页")


def fee_by_count(count: int) -> FeeQuote:
    """按件 (第四条): the total fee for an applicant's `count` applications in one natural month.

    To charge one application, use `fee_for_nth`: this is the month's cumulative total.
    """
    _check(count, "申请件数", MAX_COUNT)
    return _quote("count", count, _count_bands(), "件")


def fee_for_nth(n: int) -> FeeQuote:
    """按件 (第四条): the fee for the n-th application of a natural month by itself, when the same
    applicant's n − 1 earlier applications that month have already been counted.

    Equal to `fee_by_count(n).total - fee_by_count(n - 1).total`.
    """
    _check(n, "本月第几件", MAX_COUNT)
    band = next(b for b in _count_bands() if b.last is None or n <= b.last)
    line = FeeLine(
        f"本月第{n}件 {_price_text(band.unit_price, '件')}", 1, band.unit_price, band.unit_price
    )
    return FeeQuote("count", line.amount, (line,))


def _quote(basis: Basis, quantity: int, bands: Iterable[_Band], unit: str) -> FeeQuote:
    lines: list[FeeLine] = []
    for band in bands:
        if band.first > quantity:
            break
        last = quantity if band.last is None else min(band.last, quantity)
        span = f"第{band.first}{unit}" if last == band.first else f"第{band.first}—{last}{unit}"
        units = last - band.first + 1
        lines.append(
            FeeLine(
                f"{span} {_price_text(band.unit_price, unit)}",
                units,
                band.unit_price,
                band.unit_price * units,
            )
        )
    return FeeQuote(basis, sum((line.amount for line in lines), Decimal(0)), tuple(lines))


def _price_text(price: Decimal, unit: str) -> str:
    return "免费" if not price else f"每{unit}{price}元"


def _check(value: int, what: str, limit: int) -> None:
    # bool is an int to Python, but True applications is a caller's mistake
    if isinstance(value, bool) or not isinstance(value, int):
        raise FeeInputError(f"{what}应为整数，所填为 {value!r}")
    if value < 1:
        raise FeeInputError(f"{what}应至少为 1，所填为 {value}")
    if value > limit:
        raise FeeInputError(f"{what}不应超过 {limit:,}，所填为 {value:,}，请核对")


def _money(amount: Decimal) -> str:
    return str(amount.quantize(_CENT))
