"""Counts printed with thousands separators (``2,043``, ``1,234,567``, ``2，043``) in every form,
and commas between cells, which are cell borders, not separators."""

from __future__ import annotations

import io
import re

import docx
import pytest

from tests.report.read import handmade as h
from tests.report.read.test_pdf import has_cjk_font
from xxgk.report.model import Report
from xxgk.report.read import read_bytes
from xxgk.report.read import text as plain
from xxgk.report.read.stream import build


def large_report() -> Report:
    """The hand-made report with four-digit counts in table 3 and a seven-digit one in table 2,
    still consistent."""
    r = h.sample_report()
    r["proactive.normative_documents.total_published"] = 1234567
    r["applications.new_received.natural_person"] = 2043
    r["applications.new_received.total"] = 2046
    r["applications.unable_not_held.natural_person"] = 2009
    r["applications.unable_not_held.total"] = 2009
    r["applications.total.natural_person"] = 2042
    r["applications.total.total"] = 2045
    return r


LARGE = {"2043", "2046", "2009", "2042", "2045", "1234567"}


def grouped(source: str, comma: str = ",") -> str:
    """The large counts printed in groups of three (years and money left as they are)."""
    return re.sub(
        r"(?<![\d.])\d{4,}(?![\d.])",
        lambda m: f"{int(m[0]):,}".replace(",", comma) if m[0] in LARGE else m[0],
        source,
    )


@pytest.mark.parametrize(
    "render",
    [h.as_tabs, h.as_bars, h.as_markdown, h.as_html, lambda r: h.as_flat(r, glue=False)],
    ids=["tabs", "bars", "markdown", "html", "spaced"],
)
def test_grouped_counts_read_whole_in_every_text_form(render) -> None:
    expected = large_report()
    source = grouped(render(expected))
    assert "2,043" in source
    assert "1,234,567" in source
    got = read_bytes(source.encode(), "report.txt")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["applications.new_received.natural_person"].text == "2,043"


def test_full_width_separator_in_a_table_cell() -> None:
    expected = large_report()
    source = grouped(h.as_html(expected), "，")
    assert "<td>2，043</td>" in source
    got = read_bytes(source.encode(), "report.html")
    assert got.cells == expected.cells


def test_full_width_comma_in_free_text_is_not_a_separator() -> None:
    # in prose and flattened text ，separates clauses: 5，100 is never read as 5100
    expected = large_report()
    source = grouped(h.as_flat(expected, glue=False), "，")
    got = read_bytes(source.encode(), "report.txt")
    assert got.cells["applications.new_received.natural_person"] is None
    assert got.cells["applications.granted.natural_person"] == 21


def test_word_table_cells_with_separators() -> None:
    expected = large_report()
    d = docx.Document()
    for line in h.opening(expected):
        d.add_paragraph(line)
    rows = h.table_rows(expected)
    for row in rows:
        if len(row) == 1:
            d.add_paragraph(row[0])
            continue
        t = d.add_table(rows=1, cols=len(row))
        for cell, value in zip(t.rows[0].cells, row, strict=True):
            cell.text = grouped(value)
    for line in h.closing(expected):
        d.add_paragraph(line)
    buffer = io.BytesIO()
    d.save(buffer)
    got = read_bytes(buffer.getvalue(), "report.docx")
    assert got.cells == expected.cells
    assert got.provenance["applications.total.natural_person"].text == "2,042"


def test_pdf_with_separators() -> None:
    """Laid-out text: the PDF's cells apart by their columns."""
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    weasyprint = pytest.importorskip("weasyprint")
    page = grouped(h.as_html(large_report())).replace(
        "<html><body>",
        "<html><head><style>body { font-family: 'Noto Sans CJK SC'; font-size: 8pt }"
        " td { border: 1px solid #000 }</style></head><body>",
    )
    got = read_bytes(weasyprint.HTML(string=page).write_pdf(), "report.pdf")
    assert got.cells == large_report().cells


def test_commas_between_cells_still_split_them() -> None:
    """A comma-separated dump: ``21,0,0,0,0,0,21`` is seven cells (no group of three), and
    ``1,2,345`` three — a group of three after a one-digit cell is not a separator."""
    expected = h.sample_report()
    rows = {
        "granted": [1, 2, 345, 0, 0, 0, 348],
        "total": [50, 5, 345, 0, 0, 0, 400],
        "new_received": [51, 5, 345, 0, 0, 0, 401],
    }
    for row, values in rows.items():
        for col, v in zip(expected.edition.columns, values, strict=True):
            expected[f"applications.{row}.{col.key}"] = v
    lines = []
    for line in h.as_tabs(expected).splitlines():
        cells = line.split("\t")
        lines.append(",".join(cells) if len(cells) > 1 else line)
    source = "\n".join(lines)
    assert "予以公开,1,2,345,0,0,0,348" in source
    got = read_bytes(source.encode(), "dump.txt")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["applications.granted.research"].text == "345"


@pytest.mark.parametrize(
    ("printed", "values"),
    [
        ("2,043", ["2,043"]),
        ("1,234,567", ["1,234,567"]),
        ("71,3,0,0,0,0,74", ["71", "3", "0", "0", "0", "0", "74"]),
        ("1,2,345", ["1", "2", "345"]),
        ("1,234,5", ["1", "234", "5"]),
        ("1,2345", ["1", "2345"]),
        ("0,123", ["0", "123"]),
    ],
)
def test_which_commas_are_separators(printed: str, values: list[str]) -> None:
    stream = build(plain.document(f"（一）予以公开 {printed}\n", "t.txt"))
    assert [c.text for row in stream.rows for c in row.chunks] == values
