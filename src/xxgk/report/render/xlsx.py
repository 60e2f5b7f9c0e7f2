"""The report as an Excel workbook (openpyxl) for offices that collect the numbers: one sheet per
table with the edition's merged headers, numbers stored as numbers (money in the unit the edition
prints), the header rows and label columns frozen, widths that fit, and a sheet of findings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from xxgk.report.model import Finding, Report
from xxgk.report.render import layout
from xxgk.report.render.layout import Table

FONT = "仿宋_GB2312"
TOP = 3  # the table starts below the title row and a blank row
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FILL = {
    "error": PatternFill("solid", fgColor="F8C9C4"),
    "warning": PatternFill("solid", fgColor="FBE9A6"),
    "suspect": PatternFill("solid", fgColor="E74C3C"),
}
FINDING_COLUMNS = (("序号", 6), ("严重程度", 10), ("规则", 40), ("说明", 80), ("涉及单元格", 60))
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def render(report: Report, *, findings: Sequence[Finding] | None = None) -> bytes:
    """The workbook as .xlsx bytes. The findings sheet always lists the report's findings
    (checked afresh when none are given); `findings` also highlights the cells they name."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = layout.title(report)
    wb.properties.creator = report.agency
    marks = layout.flagged(findings or ())
    suspect = layout.suspects(findings or ())
    for table in layout.tables_of(report):
        _sheet(wb.create_sheet(_sheet_name(table.title)), report, table, marks, suspect)
    listed = findings if findings is not None else layout.findings_of(report)
    _findings_sheet(wb.create_sheet(_sheet_name(layout.FINDINGS_HEADING)), report, listed)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(cell: Cell, text: str) -> Cell:
    """Text stays text: a label or agency beginning with ``=`` must not become a formula."""
    cell.value = text
    cell.data_type = "s"
    return cell


def _sheet_name(text: str) -> str:
    return _SHEET_NAME_BAD.sub("", text)[:31]


def _sheet(
    ws: Worksheet, report: Report, table: Table, marks: dict[str, Finding], suspect: set[str]
) -> None:
    _text(ws.cell(1, 1), layout.title(report)).font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=table.width)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 24
    for c in table.cells:
        row, col = TOP + c.row, 1 + c.col
        cell = ws.cell(row, col)
        if c.name is None:
            _text(cell, c.text)
        else:
            cell.value = c.value
            cell.number_format = f'General"{c.unit}"' if c.unit else "General"
        cell.font = Font(name=FONT, size=10, bold=c.header and c.colspan == table.width)
        left = c.scope == "row"
        cell.alignment = Alignment(
            horizontal="left" if left else "center", vertical="center", wrap_text=True
        )
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=row + c.rowspan - 1,
                end_column=col + c.colspan - 1,
            )
        finding = marks.get(c.name or "")
        if finding is not None:
            kind = "suspect" if c.name in suspect else str(finding.severity)
            cell.fill = FILL.get(kind, FILL["error"])
            cell.comment = Comment(finding.message, "xxgk")
    # borders go on every position of a merged range, or its edges print broken
    for r in range(TOP, TOP + table.height):
        for col in range(1, table.width + 1):
            ws.cell(r, col).border = BORDER
    for i, weight in enumerate(layout.column_weights(table), 1):
        ws.column_dimensions[get_column_letter(i)].width = weight + 2
    # printed on A4, one page wide, the header rows repeated on each page
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if table.width > 10 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if table.header_rows:
        ws.print_title_rows = f"{TOP}:{TOP + table.header_rows - 1}"
    # frozen: the title, the header rows and the label columns stay in view while scrolling
    ws.freeze_panes = f"{get_column_letter(1 + table.label_cols)}{TOP + table.header_rows}"


def _findings_sheet(ws: Worksheet, report: Report, findings: Sequence[Finding]) -> None:
    bold = Font(name=FONT, size=10, bold=True)
    for i, (name, width) in enumerate(FINDING_COLUMNS, 1):
        ws.cell(1, i, name).font = bold
        ws.column_dimensions[get_column_letter(i)].width = width
    for n, f in enumerate(findings, 1):
        cells = "、".join(report.edition.cell_label(c) for c in f.cells if c in report.cells)
        for i, value in enumerate((n, layout.severity_name(f), f.rule, f.message, cells), 1):
            cell = ws.cell(1 + n, i)
            if isinstance(value, str):
                _text(cell, value)
            else:
                cell.value = value
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if i == 2:
                cell.fill = FILL.get(str(f.severity), FILL["error"])
    if not findings:
        ws.cell(2, 1, layout.NO_FINDINGS)
    ws.freeze_panes = "A2"
