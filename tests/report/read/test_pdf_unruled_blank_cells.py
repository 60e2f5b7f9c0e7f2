"""Blank cells in a PDF table printed without borders keep their columns by x-position: the
columns come from the header's pieces (自然 / 人 wrapped, 法人或其他组织 over its five, table
4's 行政复议 / 行政诉讼 groups) and from the rows that print every cell. Blank reads 0; a blank
总计 of table 3 is the row's sum (derived). A number standing between two columns is refused.
The PDFs are xxgk's own rendering of a report with every 0 cell empty and no border drawn,
upright and turned a quarter on the page."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest

from tests.report.read import handmade as h
from tests.report.read.test_pdf_blank_cells import blanked_pdf
from xxgk.report.read import pdf as reader
from xxgk.report.read import pdfcolumns, read_bytes

NO_BORDERS = ".xxgk-report th, .xxgk-report td { border: none !important; }\n"


def unruled_pdf(report, **kwargs) -> bytes:  # type: ignore[no-untyped-def]
    data = blanked_pdf(report, css=NO_BORDERS + kwargs.pop("css", ""), **kwargs)
    assert _drawn_borders(data) == 0
    return data


def _drawn_borders(data: bytes) -> int:
    import pypdfium2 as pdfium

    from xxgk.report.read.pdfrules import page_rules

    pdf = pdfium.PdfDocument(data)
    return sum(len(page_rules(pdf[i]).vertical) for i in range(len(pdf)))


def turned(data: bytes, quarter: int) -> bytes:
    """Each (landscape) page set turned by `quarter` × 90° on a portrait page, as a landscape
    table is printed in a portrait report."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    for i in range(len(src)):
        width, height = src[i].get_size()
        page = out.new_page(height, width)
        obj = src.page_as_xobject(i, out).as_pageobject()
        matrix = pdfium.PdfMatrix().rotate(90 * quarter)
        obj.set_matrix(matrix.translate(0, width) if quarter == 1 else matrix.translate(height, 0))
        page.insert_obj(obj)
        page.gen_content()
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
def test_a_report_without_borders_and_its_zeros_left_blank_reads_in_full(
    edition: str, year: int
) -> None:
    expected = h.sample_report(edition, year)
    got = read_bytes(unruled_pdf(expected), "report.pdf")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["applications.new_received.commercial"].text == "3"
    assert got.provenance["applications.new_received.research"].blank
    assert got.provenance["applications.denied_state_secret.total"].blank
    assert got.provenance["appeals.review.upheld"].blank
    assert got.provenance["appeals.review.total"].text == "2"
    assert got.provenance["appeals.litigation_direct.upheld"].text == "1"
    assert got.provenance["appeals.litigation_after_review.total"].blank


def test_rows_are_cut_by_the_header_columns_and_a_wrapped_label_read_whole() -> None:
    text, _ = reader.layout(unruled_pdf(h.sample_report("2021", 2022)))
    lines = text.splitlines()
    # no row prints all seven cells: the columns are the header's (自然 / 人 on two lines)
    received = next(line for line in lines if line.startswith("一、本年新收"))
    assert received.split("\t")[1:] == ["71", "3", "", "", "", "", "74"]
    # the label wrapped over two lines, its numbers on a line of their own
    partial = next(line for line in lines if line.startswith("（二）部分公开"))
    assert partial == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t8\t1\t\t\t\t\t9"
    assert "1.属于国家秘密" + "\t" * 7 in lines
    # table 4: fifteen cells under 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉)
    assert "\t1\t1\t\t2\t1\t\t\t\t1\t\t\t\t\t" in lines
    # table 2: 规章 left all blank under 本年制发件数 …
    assert "规章\t\t\t" in lines


def test_a_blank_total_is_the_rows_sum_marked_derived() -> None:
    expected = h.sample_report("2021", 2022)
    blanked = ("applications.partial.total", "applications.granted.total")
    got = read_bytes(unruled_pdf(expected, blank_totals=blanked), "report.pdf")
    assert got.cells == expected.cells
    prov = got.provenance["applications.partial.total"]
    assert got.cells["applications.partial.total"] == 9
    assert prov.derived
    assert prov.blank
    assert got.findings == []


def test_a_row_printing_every_cell_stays_laid_out_as_text() -> None:
    full = h.sample_report()
    for cell in full.cells:
        if cell.startswith("applications.") and full[cell] == 0:
            full[cell] = 5
    text, _ = reader.layout(unruled_pdf(full))
    received = next(line for line in text.splitlines() if "一、本年新收" in line)
    assert "\t" not in received
    assert received.split() == ["一、本年新收政府信息公开申请数量", "71", "3", *["5"] * 4, "74"]


def test_a_number_standing_between_two_columns_is_refused() -> None:
    expected = h.sample_report("2021", 2022)
    # the 3 of 商业企业 printed left of its column, between 自然人 and 商业企业
    shift = (
        '.xxgk-report td[data-cell="applications.new_received.commercial"]'
        " { text-align: left; text-indent: -6pt; }\n"
    )
    data = unruled_pdf(expected, css=shift)
    received = next(x for x in reader.layout(data)[0].splitlines() if "一、本年新收" in x)
    assert "\t" not in received  # left as laid-out text
    assert " 71 3 " in received
    got = read_bytes(data, "report.pdf")
    row = [f"applications.new_received.{c.key}" for c in got.edition.columns]
    assert all(got.cells[c] is None for c in row)
    unread = {f.rule for f in got.findings}
    assert {f"read.unreadable.{c}" for c in row} <= unread
    # every other row still reads
    others = {k: v for k, v in expected.cells.items() if k not in row}
    assert {k: got.cells[k] for k in others} == others


@pytest.mark.parametrize("quarter", [0, 1])
@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
def test_a_traditional_character_page_without_borders_reads_in_full(
    edition: str, year: int, quarter: int
) -> None:
    """A site's 繁體 version printed without borders: the header's pieces (申請人情況, 自然人,
    法人或其他組織, 行政復議) place the numbers as the simplified ones do, upright or turned."""
    expected = h.sample_report(edition, year)
    css = "@page { size: A4 landscape; }\n" if quarter else ""
    data = unruled_pdf(expected, css=css, traditional=True)
    if quarter:
        data = turned(data, quarter)
    text = reader.layout(data)[0]
    assert "法人或其他組織" in text
    assert "法人或其他组织" not in text
    got = read_bytes(data, "report.pdf")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["applications.new_received.research"].blank
    assert got.provenance["applications.new_received.commercial"].text == "3"
    assert got.provenance["appeals.review.upheld"].blank


@pytest.mark.parametrize("quarter", [1, 3])
@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
def test_a_turned_page_without_borders_reads_its_blank_cells(
    edition: str, year: int, quarter: int
) -> None:
    expected = h.sample_report(edition, year)
    landscape = unruled_pdf(expected, css="@page { size: A4 landscape; }\n")
    got = read_bytes(turned(landscape, quarter), "report.pdf")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["applications.new_received.research"].blank
    assert got.provenance["appeals.review.corrected"].text == "1"


@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
def test_a_ruled_table_on_a_turned_page_reads_its_blank_cells_by_position(
    edition: str, year: int
) -> None:
    """A turned page's borders are not turned: its rows are placed by x-position all the same."""
    expected = h.sample_report(edition, year)
    landscape = blanked_pdf(expected, css="@page { size: A4 landscape; }\n")
    assert _drawn_borders(landscape) > 0
    got = read_bytes(turned(landscape, 1), "report.pdf")
    assert got.cells == expected.cells
    assert got.findings == []


def test_the_turned_pages_are_turned() -> None:
    landscape = unruled_pdf(h.sample_report(), css="@page { size: A4 landscape; }\n")
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(turned(landscape, 1))[0]
    assert page.get_size()[0] < page.get_size()[1]  # portrait
    textpage = page.get_textpage()
    _, quarter = reader._chars(textpage)
    assert quarter == 1
    assert re.search("年度报告", reader.layout(turned(landscape, 1))[0])


# -- the placement rule on glyphs laid out by hand (no font involved) -------------------------


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y: float


def _printed(y: float, *runs: tuple[float, str]) -> tuple[float, list[Glyph]]:
    """A line: each run of characters starting at x, 10 pt a character."""
    chars = [
        Glyph(ch, x + 10 * i, x + 10 * i + 10, y) for x, text in runs for i, ch in enumerate(text)
    ]
    return y, chars


def test_a_number_is_placed_under_its_columns_header_and_refused_between_two() -> None:
    lines = [
        _printed(500, (100, "甲列"), (200, "乙列"), (300, "丙列")),
        _printed(480, (10, "一、某行"), (105, "5"), (305, "7")),
        _printed(460, (10, "二、某行")),
        _printed(440, (10, "三、某行"), (155, "5")),  # between 甲列 and 乙列
        _printed(420, (10, "四、某行"), (205, "12"), (405, "9")),  # right of every column
        _printed(400, (10, "五、某行"), (100, "1"), (210, "2"), (300, "3")),
    ]
    rows, rest = pdfcolumns.cell_rows(lines, em=10.0)
    texts = {y: ["".join(c.text for c in cell) for cell in cells] for y, cells in rows}
    assert texts == {480: ["一、某行", "5", "", "7"], 460: ["二、某行", "", "", ""]}
    left = "".join(c.text for c in rest)
    assert "三、某行5" in left  # refused: its line stays text
    assert "四、某行129" in left
    assert "五、某行123" in left  # every cell printed: laid-out text as before
