"""The national layout of a report as grids of cells, read off the edition definition.

Every renderer draws the same `Table`s: a grid whose cells carry their text, their spans, whether
they are headers (and of what), and, for data cells, the cell name and the value as printed.
Nothing here names a label: rows, columns, merged headers, group labels and units all come from
`xxgk.report.editions`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xxgk.report.checks import check
from xxgk.report.edition import ApplicationRow, Edition, HeaderCell, Kind
from xxgk.report.model import Finding, Report, Value
from xxgk.report.money import plain, to_unit
from xxgk.report.normalise import UNREADABLE

# The document's title as agencies print it; readers find agency and year in it.
TITLE = "{agency}{year}年政府信息公开工作年度报告"
FINDINGS_HEADING = "勾稽关系检查结果"
NO_FINDINGS = "勾稽关系全部成立。"
SEVERITY_NAMES = {"error": "错误", "warning": "提示"}


def severity_name(finding: Finding) -> str:
    """错误 or 提示."""
    return SEVERITY_NAMES.get(str(finding.severity), str(finding.severity))


def finding_line(n: int, finding: Finding) -> str:
    """A finding as one numbered line of plain text: ``1. 错误：…（rule）``."""
    return f"{n}. {severity_name(finding)}：{finding.message}（{finding.rule}）"


# Table 3's row labels take this many grid columns: group, subgroup, leaf.
LABEL_COLUMNS = 3


@dataclass(frozen=True)
class Cell:
    """One printed cell of a table grid, placed at its top-left grid position.

    `scope` is the HTML header scope (``col``, ``colgroup``, ``row``, ``rowgroup``) of a header
    cell and None for a data cell. `name` and `value` are set on data cells: the report cell name
    and the value in the unit it is printed in; `unit` is what the text prints after the value.
    """

    text: str
    row: int
    col: int
    colspan: int = 1
    rowspan: int = 1
    scope: str | None = None
    name: str | None = None
    value: int | Decimal | None = None
    unit: str = ""  # printed after the value (the 2019 procurement amount: 元)

    @property
    def header(self) -> bool:
        return self.scope is not None


@dataclass(frozen=True)
class Table:
    """A table of the report: its key (``proactive``, ``applications``, ``appeals``), title,
    grid size, how many leading rows are column headers and how many leading columns row labels
    (what a spreadsheet freezes), and its cells in row-major order."""

    key: str
    title: str
    width: int
    height: int
    header_rows: int
    label_cols: int
    cells: tuple[Cell, ...]

    def rows(self) -> Iterator[list[Cell]]:
        """The cells that start in each grid row, left to right."""
        for r in range(self.height):
            yield [c for c in self.cells if c.row == r]

    def grid(self) -> list[list[Cell | None]]:
        """Every grid position: the cell that starts there, None where a span covers it."""
        grid: list[list[Cell | None]] = [[None] * self.width for _ in range(self.height)]
        for c in self.cells:
            grid[c.row][c.col] = c
        return grid


@dataclass(frozen=True)
class Block:
    """A piece of the document in reading order: a section heading, a paragraph or a table."""

    kind: str  # "heading", "paragraph", "table"
    text: str = ""
    table: Table | None = None


def title(report: Report) -> str:
    return TITLE.format(agency=report.agency, year=report.year)


def findings_of(report: Report) -> list[Finding]:
    """The findings to show: every rule of the edition checked afresh, plus what the reader
    found when the report was read from a file (kept by `check`)."""
    return check(report)


def flagged(findings: Sequence[Finding]) -> dict[str, Finding]:
    """Cell name → the most severe finding that names it (errors before warnings)."""
    out: dict[str, Finding] = {}
    for f in sorted(findings, key=lambda f: f.severity != "error"):
        for cell in f.cells:
            out.setdefault(cell, f)
    return out


def suspects(findings: Sequence[Finding]) -> set[str]:
    """The cells most likely wrong: those named by the most error findings, when two or more
    rules meet in them (a mistyped total breaks its row's sum and its column's at once)."""
    counts: dict[str, int] = {}
    for f in findings:
        if f.severity == "error":
            for cell in f.cells:
                counts[cell] = counts.get(cell, 0) + 1
    most = max(counts.values(), default=0)
    return {c for c, n in counts.items() if n == most} if most >= 2 else set()


def blocks(report: Report) -> list[Block]:
    """The document body: each section heading of the edition, its paragraphs, and the table
    whose key is the section's key."""
    tables = {t.key: t for t in tables_of(report)}
    out: list[Block] = []
    for section in report.edition.sections:
        out.append(Block("heading", section.heading))
        text = report.sections.get(section.key, "")
        out.extend(Block("paragraph", p.strip()) for p in text.splitlines() if p.strip())
        if section.key in tables:
            out.append(Block("table", tables[section.key].title, tables[section.key]))
    return out


def tables_of(report: Report) -> list[Table]:
    """Tables 2, 3 and 4."""
    return [proactive_table(report), applications_table(report), appeals_table(report)]


# -- values ------------------------------------------------------------------------------


def printed_value(report: Report, cell: str) -> int | Decimal | None:
    """The value in the unit the edition prints it in (money: yuan → 元 or 万元)."""
    value: Value = report.cells[cell]
    unit = report.edition.units.get(cell)
    if unit is None or value is None:
        return value
    return to_unit(Decimal(value), unit)


def format_value(value: int | Decimal | None, suffix: str = "") -> str:
    """How a number is printed: integers as is, money without exponent or trailing zeros; a
    cell that could not be read, as such (left blank, it would read as 0)."""
    if value is None:
        return UNREADABLE
    if isinstance(value, Decimal):
        return plain(value) + suffix
    return f"{value}{suffix}"


def unit_suffix(edition: Edition, cell: str, label: str) -> str:
    """The unit printed after a money value when its column label does not already name it
    (the 2019 procurement amount prints ``190000元``; the 2021 fee label names its unit)."""
    unit = edition.units.get(cell)
    return "" if unit is None or unit in label else unit


# -- table 2 -----------------------------------------------------------------------------


def proactive_table(report: Report) -> Table:
    """Table 2: each block is a caption row across the table, a header row (the edition's
    `proactive_header` and the block's fields) and its data rows; a block with fewer fields than
    the widest stretches its last field over the spare columns, as the form prints the
    single-value blocks."""
    ed = report.edition
    width = 1 + max(len(b.fields) for b in ed.proactive)
    cells: list[Cell] = []
    r = 0
    for block in ed.proactive:
        cells.append(Cell(block.caption.text, r, 0, colspan=width, scope="colgroup"))
        r += 1
        cells.append(Cell(ed.proactive_header.text, r, 0, scope="col"))
        spans = _stretch(len(block.fields), width - 1)
        col = 1
        for f, span in zip(block.fields, spans, strict=True):
            cells.append(Cell(f.label.text, r, col, colspan=span, scope="col"))
            col += span
        r += 1
        for row in block.rows:
            cells.append(Cell(row.label.text, r, 0, scope="row"))
            col = 1
            for f, span in zip(block.fields, spans, strict=True):
                name = f"proactive.{row.key}.{f.key}"
                value = printed_value(report, name)
                unit = unit_suffix(ed, name, f.label.text)
                text = format_value(value, unit)
                cells.append(Cell(text, r, col, colspan=span, name=name, value=value, unit=unit))
                col += span
            r += 1
    title = ed.table_titles["proactive"].text
    return Table("proactive", title, width, r, 0, 1, tuple(cells))


def _stretch(n: int, width: int) -> list[int]:
    return [1] * (n - 1) + [width - n + 1]


# -- merged headers (tables 3 and 4) -----------------------------------------------------


def place_header(
    header: Sequence[Sequence[HeaderCell]], width: int
) -> list[tuple[int, int, HeaderCell]]:
    """Grid positions (row, col) of a merged header given row by row, as HTML places cells:
    each cell takes the next column its row has free of cells spanning down from above."""
    taken = [[False] * width for _ in header]
    placed = []
    for r, cells in enumerate(header):
        col = 0
        for cell in cells:
            while taken[r][col]:
                col += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[r + dr][col + dc] = True
            placed.append((r, col, cell))
            col += cell.colspan
    return placed


def _header_cells(header: Sequence[Sequence[HeaderCell]], width: int) -> list[Cell]:
    out = []
    for r, c, h in place_header(header, width):
        scope = "col" if h.colspan == 1 else "colgroup"
        out.append(Cell(h.text, r, c, h.colspan, h.rowspan, scope=scope))
    return out


def leaf_columns(header: Sequence[Sequence[HeaderCell]], width: int) -> dict[int, str]:
    """Grid column → the data column its leaf header cell names."""
    return {c: h.column for _, c, h in place_header(header, width) if h.column is not None}


# -- table 3 -----------------------------------------------------------------------------


def applications_table(report: Report) -> Table:
    """Table 3: the merged header, then one grid row per data row. A group label (the results
    group, the denied group …) is printed once, in its level's column, spanning the consecutive
    rows that carry it; a row's own label spans the label columns its groups leave free."""
    ed = report.edition
    header = ed.application_header
    width = sum(h.colspan for h in header[0])
    leaves = leaf_columns(header, width)
    cells = _header_cells(header, width)
    top = len(header)
    rows = ed.application_rows
    for i, row in enumerate(rows):
        r = top + i
        for level, key in enumerate(row.groups):
            if i == 0 or rows[i - 1].groups[: level + 1] != row.groups[: level + 1]:
                span = _run(rows, i, row.groups[: level + 1])
                text = ed.row_group(key).label.text
                cells.append(Cell(text, r, level, rowspan=span, scope="rowgroup"))
        depth = len(row.groups)
        cells.append(Cell(row.label.text, r, depth, colspan=LABEL_COLUMNS - depth, scope="row"))
        for col in range(LABEL_COLUMNS, width):
            name = f"applications.{row.key}.{leaves[col]}"
            value = printed_value(report, name)
            cells.append(Cell(format_value(value), r, col, name=name, value=value))
    cells.sort(key=lambda c: (c.row, c.col))
    title = ed.table_titles["applications"].text
    return Table("applications", title, width, top + len(rows), top, LABEL_COLUMNS, tuple(cells))


def _run(rows: Sequence[ApplicationRow], start: int, prefix: tuple[str, ...]) -> int:
    n = 0
    while start + n < len(rows) and rows[start + n].groups[: len(prefix)] == prefix:
        n += 1
    return n


# -- table 4 -----------------------------------------------------------------------------


def appeals_table(report: Report) -> Table:
    """Table 4: the two-level merged header and one row of numbers under its leaves."""
    ed = report.edition
    header = ed.appeal_header
    width = sum(h.colspan for h in header[0])
    cells = _header_cells(header, width)
    r = len(header)
    for col, leaf in sorted(leaf_columns(header, width).items()):
        name = f"appeals.{leaf}"
        value = printed_value(report, name)
        cells.append(Cell(format_value(value), r, col, name=name, value=value))
    title = ed.table_titles["appeals"].text
    return Table("appeals", title, width, r + 1, r, 0, tuple(cells))


def is_money(edition: Edition, cell: str | None) -> bool:
    return cell is not None and edition.kinds.get(cell) is Kind.MONEY


# -- widths ------------------------------------------------------------------------------

# Display widths (a CJK character counts 2) a column is given at least / at most: a group label
# spanning many rows wraps into a narrow column, a long row label wraps at the cap.
_MIN_WIDTH, _GROUP_WIDTH, _NUMBER_WIDTH, _MAX_WIDTH = 6, 8, 6, 34


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal or a fixed-pitch table: CJK wide and full-width
    characters count 2 (``unicodedata.east_asian_width``)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_weights(table: Table) -> list[int]:
    """A relative width for each grid column, from the cells that occupy only that column."""
    widths = [_MIN_WIDTH] * table.width
    for c in table.cells:
        if c.colspan != 1:
            continue
        if c.header and c.rowspan > 1 and c.scope == "rowgroup":
            want = _GROUP_WIDTH
        elif c.header:
            # leaf column headers of a merged header wrap; table 2's field labels have room
            cap = _NUMBER_WIDTH if c.scope != "row" and table.header_rows else _MAX_WIDTH
            want = min(display_width(c.text), cap)
        else:
            want = max(display_width(c.text), _NUMBER_WIDTH)
        widths[c.col] = max(widths[c.col], want)
    return widths
