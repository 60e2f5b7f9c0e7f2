"""A note under the title of each table of a rendered report workbook: what the national
layout has no cell for (a roll-up's scope, a correction's 更正说明), said where the tables are
read. The renderer leaves the row under each table's title blank; the note goes there."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from xxgk.report.model import Report
from xxgk.report.render import layout


def note_under_titles(data: bytes, report: Report, note: str) -> Workbook:
    """The workbook `data` (`render(report, "xlsx")`) with `note` under each table's title,
    open for more to be added (`to_bytes` when done)."""
    book = load_workbook(io.BytesIO(data))
    title = layout.title(report)
    for sheet in book.worksheets:
        if sheet.cell(row=1, column=1).value == title:  # a table, not the findings sheet
            cell = sheet.cell(row=2, column=1, value=note)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=sheet.max_column)
            sheet.row_dimensions[2].height = 15 * (2 + len(note) // 60)
    return book


def to_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
