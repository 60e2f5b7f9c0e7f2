"""Excel: a sheet per table, merged headers, numbers as numbers, frozen panes, findings sheet."""

from decimal import Decimal
from io import BytesIO

import openpyxl
from openpyxl.utils import get_column_letter as letter

from xxgk.report.render import layout, xlsx

from .conftest import filled


def _open(report, **kw):
    return openpyxl.load_workbook(BytesIO(xlsx.render(report, **kw)))


def test_a_sheet_per_table_and_a_findings_sheet(any_edition):
    wb = _open(any_edition)
    titles = any_edition.edition.table_titles
    assert wb.sheetnames == [
        titles["proactive"].text,
        titles["applications"].text,
        titles["appeals"].text,
        layout.FINDINGS_HEADING,
    ]
    for ws in wb.worksheets[:3]:
        assert ws["A1"].value == layout.title(any_edition)


def test_merged_ranges_are_the_layouts(any_edition):
    wb = _open(any_edition)
    for ws, table in zip(wb.worksheets, layout.tables_of(any_edition), strict=False):
        merged = {str(r) for r in ws.merged_cells.ranges}
        expected = {
            f"{letter(1 + c.col)}{xlsx.TOP + c.row}:"
            f"{letter(c.col + c.colspan)}{xlsx.TOP + c.row + c.rowspan - 1}"
            for c in table.cells
            if c.colspan > 1 or c.rowspan > 1
        }
        title = f"A1:{letter(table.width)}1"
        assert merged == expected | {title}
    t3 = wb.worksheets[1]
    assert f"A{xlsx.TOP}:C{xlsx.TOP + 2}" in {str(r) for r in t3.merged_cells.ranges}  # 勾稽 note


def test_numbers_are_stored_as_numbers(any_edition):
    ws = _open(any_edition).worksheets[1]
    ed = any_edition.edition
    for i, row in enumerate(ed.application_rows):
        values = [ws.cell(xlsx.TOP + 3 + i, 4 + j).value for j in range(7)]
        assert all(isinstance(v, int) for v in values)
        assert values == [any_edition.cells[f"applications.{row.key}.{c.key}"] for c in ed.columns]


def test_money_is_a_number_in_the_printed_unit():
    r19, r21 = filled("2019"), filled("2021")
    r19["proactive.procurement.amount"] = Decimal(190000)
    r21["proactive.fees.amount"] = Decimal(190000)
    for report, value, unit in ((r19, 190000, "元"), (r21, 19, "")):
        ws = _open(report).worksheets[0]
        cell = next(
            c
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, (int, float, Decimal)) and c.value == value
        )
        assert cell.number_format == (f'General"{unit}"' if unit else "General")


def test_header_rows_and_label_columns_are_frozen(sample):
    wb = _open(sample)
    assert [ws.freeze_panes for ws in wb.worksheets] == ["B3", "D6", "A6", "A2"]


def test_columns_are_wide_enough_for_their_labels(sample):
    ws = _open(sample).worksheets[0]
    longest = max(layout.display_width(r.label.text) for _, r in sample.edition.proactive_rows)
    assert ws.column_dimensions["A"].width >= longest


def test_findings_are_listed_and_highlighted():
    report = filled("2021")
    findings = layout.findings_of(report)
    wb = _open(report, findings=findings)
    sheet = wb[layout.FINDINGS_HEADING]
    assert [c.value for c in sheet[1]] == [name for name, _ in xlsx.FINDING_COLUMNS]
    assert sheet.max_row == 1 + len(findings)
    assert sheet.cell(2, 3).value == findings[0].rule
    filled_cells = [
        c
        for ws in wb.worksheets[:3]
        for row in ws.iter_rows()
        for c in row
        if c.fill.fgColor.rgb in ("00F8C9C4", "00E74C3C")
    ]
    assert len(filled_cells) == len({c for f in findings for c in f.cells})
    assert all(c.comment is not None for c in filled_cells)


def test_a_consistent_report_says_so(sample):
    sheet = _open(sample)[layout.FINDINGS_HEADING]
    assert sheet.cell(2, 1).value == layout.NO_FINDINGS


def test_sheets_print_on_a4_one_page_wide(sample):
    wb = _open(sample)
    for ws in wb.worksheets[:3]:
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
    assert wb.worksheets[1].print_title_rows == f"${xlsx.TOP}:${xlsx.TOP + 2}"
    assert wb.worksheets[2].page_setup.orientation == "landscape"
