"""The shape of an edition of the national report format.

An edition is pure data (`xxgk.report.editions.e2019`, `e2021`): its tables, rows, columns,
printed labels and their variants, the merged header layout, and its consistency rules. Readers,
checks, renderers, the JSON schema and the web app all read it; nothing else names a label.

Cells are addressed by name: ``proactive.<row>.<field>``, ``applications.<row>.<column>``,
``appeals.<group>.<column>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Kind(StrEnum):
    """What a cell holds."""

    COUNT = "count"  # a non-negative integer
    SIGNED = "signed"  # an integer that may be negative (本年增/减)
    MONEY = "money"  # a Decimal in yuan


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Label:
    """A printed label and the other ways real reports print it."""

    text: str
    variants: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (self.text, *self.variants)


@dataclass(frozen=True)
class Field:
    """A column of a table-2 block."""

    key: str
    label: Label
    kind: Kind = Kind.COUNT
    unit: str | None = None  # the unit money is printed in: "元" or "万元"


@dataclass(frozen=True)
class ProactiveRow:
    key: str
    label: Label


@dataclass(frozen=True)
class ProactiveBlock:
    """One block of table 2: a caption row, a header row, data rows."""

    caption: Label
    fields: tuple[Field, ...]
    rows: tuple[ProactiveRow, ...]


@dataclass(frozen=True)
class Column:
    key: str
    label: Label


@dataclass(frozen=True)
class RowGroup:
    """A row-group label of table 3 that spans the rows it contains and carries no numbers."""

    key: str
    label: Label


@dataclass(frozen=True)
class ApplicationRow:
    """A data row of table 3."""

    key: str
    label: Label
    short: str  # how a finding's message names the row
    groups: tuple[str, ...] = ()  # RowGroup keys, outermost first
    outcome: bool = False  # one of the outcome rows that (七)总计 adds up
    grounds: tuple[str, ...] = ()  # the articles of the Regulation a reply in this row rests on


@dataclass(frozen=True)
class HeaderCell:
    """A cell of a merged header; `column` names the data column a leaf header cell heads."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    column: str | None = None


@dataclass(frozen=True)
class Section:
    """A narrative section: its key in report JSON, its official heading, keywords to find it."""

    key: str
    heading: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """One cell in one side of an equation; `previous` reads it from last year's report."""

    cell: str
    label: str
    sign: int = 1
    previous: bool = False


@dataclass(frozen=True)
class EqualityRule:
    """Sum of `left` equals sum of `right`; `scope` opens the message (``自然人列``)."""

    id: str
    severity: Severity
    scope: str
    left: tuple[Term, ...]
    right: tuple[Term, ...]

    @property
    def cross_year(self) -> bool:
        return any(t.previous for t in (*self.left, *self.right))

    @property
    def terms(self) -> tuple[Term, ...]:
        return (*self.left, *self.right)


@dataclass(frozen=True)
class CellRule:
    """A rule each listed cell must meet on its own.

    `test` is ``non_negative`` (value ≥ 0) or ``readable`` (value is not null); the finding's id
    is ``<prefix>.<cell>``.
    """

    prefix: str
    severity: Severity
    test: str
    cells: tuple[str, ...]


Rule = EqualityRule | CellRule


@dataclass(frozen=True)
class Edition:
    """One edition of the national format, as data."""

    key: str
    title: str
    first_year: int  # the first report year printed in this edition
    markers: tuple[str, ...]  # texts only this edition's tables print (edition detection)
    sections: tuple[Section, ...]
    proactive: tuple[ProactiveBlock, ...]
    proactive_header: Label  # 信息内容
    columns: tuple[Column, ...]  # table 3's seven columns, printed order
    application_header: tuple[tuple[HeaderCell, ...], ...]
    row_groups: tuple[RowGroup, ...]
    application_rows: tuple[ApplicationRow, ...]
    appeal_groups: tuple[Column, ...]
    appeal_columns: tuple[Column, ...]
    appeal_header: tuple[tuple[HeaderCell, ...], ...]
    table_titles: dict[str, Label] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    cross_year_rules: tuple[EqualityRule, ...] = ()

    # -- derived views ---------------------------------------------------------------

    @cached_property
    def proactive_rows(self) -> tuple[tuple[ProactiveBlock, ProactiveRow], ...]:
        return tuple((b, r) for b in self.proactive for r in b.rows)

    @cached_property
    def cells(self) -> tuple[str, ...]:
        """Every cell name, in printed order (table 2, 3, 4)."""
        names = [f"proactive.{r.key}.{f.key}" for b, r in self.proactive_rows for f in b.fields]
        names += [
            f"applications.{r.key}.{c.key}" for r in self.application_rows for c in self.columns
        ]
        names += [
            f"appeals.{g.key}.{c.key}" for g in self.appeal_groups for c in self.appeal_columns
        ]
        return tuple(names)

    @cached_property
    def kinds(self) -> dict[str, Kind]:
        kinds = dict.fromkeys(self.cells, Kind.COUNT)
        for b, r in self.proactive_rows:
            for f in b.fields:
                kinds[f"proactive.{r.key}.{f.key}"] = f.kind
        return kinds

    @cached_property
    def units(self) -> dict[str, str]:
        """The printed unit of each money cell."""
        return {
            f"proactive.{r.key}.{f.key}": f.unit or "元"
            for b, r in self.proactive_rows
            for f in b.fields
            if f.kind is Kind.MONEY
        }

    @cached_property
    def outcome_rows(self) -> tuple[ApplicationRow, ...]:
        return tuple(r for r in self.application_rows if r.outcome)

    def application_row(self, key: str) -> ApplicationRow:
        return next(r for r in self.application_rows if r.key == key)

    def outcome_row(self, key: str | None) -> ApplicationRow | None:
        """The outcome row `key`, or None when this edition has no such outcome."""
        return next((r for r in self.outcome_rows if r.key == key), None)

    def row_group(self, key: str) -> RowGroup:
        return next(g for g in self.row_groups if g.key == key)

    def outcome_group(self, row: ApplicationRow) -> RowGroup | None:
        """The heading an outcome row is numbered under (（三）不予公开 for 1.属于国家秘密);
        None for a row that is its own heading (（一）予以公开)."""
        inner = row.groups[1:]  # below 三、本年度办理结果
        return self.row_group(inner[-1]) if inner else None

    def outcome_label(self, row: ApplicationRow) -> str:
        """An outcome row's label that stands alone: ``（三）不予公开：1.属于国家秘密``."""
        group = self.outcome_group(row)
        return f"{group.label.text}：{row.label.text}" if group else row.label.text

    def cell_label(self, cell: str) -> str:
        """A person's name for a cell: ``行政处罚·处理决定数量``, ``（一）予以公开·自然人``."""
        table, row, col = cell.split(".")
        if table == "proactive":
            block, prow = next((b, r) for b, r in self.proactive_rows if r.key == row)
            fld = next(f for f in block.fields if f.key == col)
            return f"{prow.label.text}·{fld.label.text}"
        if table == "applications":
            arow = self.application_row(row)
            column = next(c for c in self.columns if c.key == col)
            return f"{arow.short}·{column.label.text}"
        group = next(g for g in self.appeal_groups if g.key == row)
        column = next(c for c in self.appeal_columns if c.key == col)
        return f"{group.label.text}·{column.label.text}"
