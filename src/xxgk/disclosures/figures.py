"""Table-2 figures kept outside the register (行政许可, 行政处罚, 收费, 采购 …): which cells they
are, what a value may be, and entering one.

The cells and their labels come from the edition in force for the year
(`xxgk.report.editions.for_year`); the rows of 第二十条第（一）项 (规章, 规范性文件) are computed
from the register (`selectors.proactive_table`) and are never entered.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import RULES, Action, can
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.disclosures.models import Figure
from xxgk.report import editions
from xxgk.report.edition import Edition, Kind

# The table-2 rows the register counts (第二十条第（一）项) — the same keys in both editions.
REGISTER_ROWS = frozenset({"regulations", "normative_documents"})


class FigureError(Exception):
    """A figure that cannot be entered; the message (Chinese) says why."""


@dataclass(frozen=True)
class FigureCell:
    cell: str  # proactive.<row>.<field>
    label: str  # the edition's name for it: 行政处罚·处理决定数量
    kind: Kind
    unit: str  # 元 / 万元 for money, else ""


def figure_cells(year: int) -> tuple[FigureCell, ...]:
    """The cells of `year`'s table 2 that are entered, not counted, in printed order."""
    edition = editions.for_year(year)
    return tuple(
        FigureCell(
            f"proactive.{row.key}.{f.key}",
            edition.cell_label(f"proactive.{row.key}.{f.key}"),
            f.kind,
            (f.unit or "元") if f.kind is Kind.MONEY else "",
        )
        for block, row in edition.proactive_rows
        if row.key not in REGISTER_ROWS
        for f in block.fields
    )


def parse_value(cell: FigureCell, text: str | int | Decimal) -> Decimal:
    """A value for `cell`, or FigureError: counts are whole and not negative, 本年增/减 is whole,
    money has at most 4 decimals and is not negative."""
    raw = str(text).strip().replace(",", "").replace("，", "")
    if cell.unit and raw.endswith(cell.unit):
        raw = raw[: -len(cell.unit)].strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise FigureError(f"{cell.label}：“{text}”不是数字。") from None
    if not value.is_finite():
        raise FigureError(f"{cell.label}：“{text}”不是数字。")
    if cell.kind is not Kind.MONEY and value != value.to_integral_value():
        raise FigureError(f"{cell.label}：应为整数，而不是“{text}”。")
    if cell.kind is not Kind.SIGNED and value < 0:
        raise FigureError(f"{cell.label}：不能为负数。")
    if abs(value) >= Decimal(10) ** 12:
        raise FigureError(f"{cell.label}：数值过大。")
    step = Decimal("0.0001") if cell.kind is Kind.MONEY else Decimal(1)
    if value != value.quantize(step):
        raise FigureError(f"{cell.label}：最多四位小数。")
    return value.quantize(step)


def cell_of(year: int, cell: str) -> FigureCell:
    """The entered cell `cell` of `year`'s edition, or FigureError (a cell of another edition,
    or one the register counts)."""
    for c in figure_cells(year):
        if c.cell == cell:
            return c
    edition: Edition = editions.for_year(year)
    if cell in edition.cells:
        raise FigureError(f"{edition.cell_label(cell)}由主动公开目录统计，不能录入。")
    raise FigureError(f"{year} 年适用的{edition.title}没有统计项“{cell}”。")


def figure_in_force(*, agency: Agency, year: int, cell: str) -> Figure | None:
    """The latest figure of the cell (the rows are append-only)."""
    return (
        Figure.objects.filter(agency=agency, year=year, cell=cell)
        .order_by("-entered_at", "-id")
        .first()
    )


def figure_enter(
    *,
    user: User | None,
    agency: Agency,
    year: int,
    cell: str,
    value: str | int | Decimal,
    source: str = "手工录入",
) -> Figure | None:
    """Enter a figure; None when it equals the figure in force (nothing to record, so that the
    same import twice changes nothing). Must run inside a transaction (the import's, or the
    one `figures_enter` opens)."""
    if user is not None and not can(user, Action.FIGURE_EDIT, agency):
        raise PermissionDenied(RULES[Action.FIGURE_EDIT].denied)
    target = cell_of(year, cell)
    amount = parse_value(target, value)
    current = figure_in_force(agency=agency, year=year, cell=cell)
    if current is not None and current.value == amount:
        return None
    figure = Figure.objects.create(
        agency=agency, year=year, cell=cell, value=amount, source=source[:200], entered_by=user
    )
    audit_record(
        actor=user,
        event_type=AuditEventType.FIGURE_ENTERED,
        obj=figure,
        object_repr=f"{agency.name} {year} {target.label}",
        agency=agency,
        old={"value": str(current.value)} if current is not None else None,
        new={"cell": cell, "value": str(amount), "source": figure.source},
    )
    return figure


@transaction.atomic
def figures_enter(
    *,
    user: User | None,
    agency: Agency,
    year: int,
    values: dict[str, str],
    source: str = "手工录入",
) -> list[Figure]:
    """Enter several figures of one agency and year at once (the form); blank values are
    skipped; all or nothing."""
    entered = []
    for cell, text in values.items():
        if str(text).strip() == "":
            continue
        figure = figure_enter(
            user=user, agency=agency, year=year, cell=cell, value=text, source=source
        )
        if figure is not None:
            entered.append(figure)
    return entered
