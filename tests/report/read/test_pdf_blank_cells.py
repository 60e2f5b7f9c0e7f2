"""Blank cells in a PDF's ruled tables keep their columns by the drawn borders: a report that
leaves its zeros blank reads in full. Blank reads 0; a blank 总计 of table 3 is the row's sum
(derived). The PDFs are xxgk's own rendering of a report with every 0 cell left empty."""

from __future__ import annotations

import re

import pytest

from tests.report.read import handmade as h
from tests.report.read.test_pdf import has_cjk_font
from xxgk.report.model import Report
from xxgk.report.read import pdf as reader
from xxgk.report.read import read_bytes

_NUMBER_CELL = re.compile(r'(<td[^>]*data-cell="([^"]+)"[^>]*>)([^<]*)(</td>)')


def blanked_pdf(
    report: Report,
    *,
    blank_totals: tuple[str, ...] = (),
    css: str = "",
    traditional: bool = False,
) -> bytes:
    """The report printed by xxgk's renderer with every 0 cell empty, and the named cells
    (printed values) empty too, as a report that leaves zeros blank prints it; `css` is added
    to the page's stylesheet; `traditional`: the page's words in traditional characters
    (OpenCC s2t), as a site's 繁體 version prints them."""
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    weasyprint = pytest.importorskip("weasyprint")
    from xxgk.report.render import html
    from xxgk.report.render import pdf as printer

    face = f'font-family: "{printer.choose_font(printer.cjk_families())}", serif;'
    page = html.render(report, extra_css=f".xxgk-report {{ {face} }}\n{css}")

    def blank(m: re.Match[str]) -> str:
        empty = m.group(3) in ("0", "0元") or m.group(2) in blank_totals
        return m.group(1) + ("" if empty else m.group(3)) + m.group(4)

    page = _NUMBER_CELL.sub(blank, page)
    if traditional:
        import opencc

        page = opencc.OpenCC("s2t").convert(page)
    return weasyprint.HTML(string=page).write_pdf()


@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
def test_a_report_with_its_zeros_left_blank_reads_in_full(edition: str, year: int) -> None:
    expected = h.sample_report(edition, year)
    got = read_bytes(blanked_pdf(expected), "report.pdf")
    assert got.cells == expected.cells
    assert got.findings == []
    # table 3: a row printing two of seven cells; table 4: a group printing two of five
    assert got.provenance["applications.new_received.research"].blank
    assert got.provenance["applications.new_received.commercial"].text == "3"
    assert got.provenance["applications.denied_state_secret.total"].blank
    assert got.provenance["appeals.review.upheld"].blank
    assert got.provenance["appeals.review.total"].text == "2"
    assert got.provenance["appeals.litigation_after_review.total"].blank


def test_a_blank_total_is_the_rows_sum_marked_derived() -> None:
    expected = h.sample_report("2021", 2022)
    blanked = ("applications.partial.total", "applications.granted.total")
    got = read_bytes(blanked_pdf(expected, blank_totals=blanked), "report.pdf")
    assert got.cells == expected.cells
    assert got.cells["applications.partial.total"] == 9
    prov = got.provenance["applications.partial.total"]
    assert prov.derived
    assert prov.blank
    assert got.findings == []


def test_a_row_with_blank_cells_is_laid_out_cell_by_cell() -> None:
    expected = h.sample_report()
    text, _ = reader.layout(blanked_pdf(expected))
    lines = text.splitlines()
    received = next(line for line in lines if line.startswith("一、本年新收"))
    assert received.split("\t")[1:] == ["71", "3", "", "", "", "", "74"]
    # a row printing nothing keeps its seven empty cells; table 4's row keeps all fifteen
    secret = next(line for line in lines if line.startswith("1.属于国家秘密"))
    assert secret == "1.属于国家秘密" + "\t" * 7
    assert "\t1\t1\t\t2\t1\t\t\t\t1\t\t\t\t\t" in lines


def test_a_row_printing_every_cell_stays_laid_out_as_text() -> None:
    full = h.sample_report()
    for cell in full.cells:
        if cell.startswith("applications.") and full[cell] == 0:
            full[cell] = 5
    text, _ = reader.layout(blanked_pdf(full))
    received = next(line for line in text.splitlines() if "一、本年新收" in line)
    assert "\t" not in received
    assert received.split() == ["一、本年新收政府信息公开申请数量", "71", "3", *["5"] * 4, "74"]


def test_a_text_row_of_a_label_and_empty_cells_reads_blank() -> None:
    """``标签\\t\\t…`` after a laid-out line: a tab after a cell starts a table row."""
    expected = h.sample_report()
    lines = [*h.opening(expected), *_laid_out_rows(expected), *h.closing(expected)]
    source = "\n".join(lines) + "\n"
    assert "\n1.属于国家秘密\t\t\t\t\t\t\t\n" in source
    got = read_bytes(source.encode(), "report.txt")
    assert got.cells["applications.denied_state_secret.total"] == 0
    assert got.provenance["applications.denied_state_secret.total"].blank


def _laid_out_rows(r: Report) -> list[str]:
    """Table rows spaced apart, and the all-zero ones as a label and seven tabs."""
    out = []
    for row in h.table_rows(r):
        if len(row) >= 8 and all(v == "0" for v in row[-7:]):
            out.append(row[-8] + "\t" * 7)
        else:
            out.append("    ".join(row))
    return out
