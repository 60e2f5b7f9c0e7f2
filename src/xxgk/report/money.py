"""Money: stored as a Decimal in yuan; printed exactly, in the unit an edition prints."""

from __future__ import annotations

from decimal import Decimal, localcontext

# A printed unit is this many yuan. The edition says which unit each money field prints in.
YUAN_PER_UNIT: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1_000),
    "万元": Decimal(10_000),
    "亿元": Decimal(100_000_000),
}


def plain(amount: Decimal) -> str:
    """The exact decimal text: no exponent, no trailing zeros, no rounding (``1E-7`` →
    ``0.0000001``, ``190000.00`` → ``190000``)."""
    text = format(amount, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def to_unit(yuan: Decimal, unit: str) -> Decimal:
    """An amount in yuan expressed in `unit`, exactly (19 万元 for 190000)."""
    factor = YUAN_PER_UNIT[unit]
    # Dividing by a power of ten is exact given enough digits: never round.
    with localcontext() as ctx:
        ctx.prec = max(28, len(yuan.as_tuple().digits) + 12)
        return yuan / factor


def to_yuan(amount: Decimal, unit: str) -> Decimal:
    """An amount printed in `unit`, in yuan, exactly."""
    with localcontext() as ctx:
        ctx.prec = max(28, len(amount.as_tuple().digits) + 12)
        return amount * YUAN_PER_UNIT[unit]
