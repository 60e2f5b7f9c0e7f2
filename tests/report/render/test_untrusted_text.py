"""Text a report carries is printed as text: no formulas in Excel, no markup in Markdown."""

from io import BytesIO

from openpyxl import load_workbook

from xxgk.report import Report
from xxgk.report.render import render


def report_with(agency: str, overview: str) -> Report:
    report = Report.empty("2021", agency, 2024)
    report.sections = {"overview": overview}
    return report


def test_an_agency_that_looks_like_a_formula_stays_text_in_excel():
    report = report_with('=HYPERLINK("http://example.invalid","x")', "概述")
    book = load_workbook(BytesIO(render(report, "xlsx")))
    titles = [ws.cell(1, 1) for ws in book.worksheets[:3]]
    assert all(c.data_type == "s" for c in titles)
    assert all(c.value.startswith('=HYPERLINK("http://example.invalid","x")') for c in titles)


def test_markdown_prose_carries_no_html_or_block_markup():
    report = report_with(
        "某某市生态环境局", "<script>alert(1)</script>\n# 不是标题\n1. 不是列表\n- 也不是"
    )
    text = render(report, "md").decode("utf-8")
    assert "<script>" not in text.replace("\\<", "")
    assert "\\<script>alert(1)\\</script>" in text
    assert "\n\\# 不是标题\n" in text
    assert "\n1\\. 不是列表\n" in text
    assert "\n\\- 也不是" in text
