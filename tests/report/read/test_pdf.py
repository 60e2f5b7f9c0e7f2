"""The PDF reader: the text layer laid out as lines (pages, columns), and real published PDFs
read to the same report as their answers and their pdftotext text."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from xxgk.report.read import pdf as reader

SHARED = Path(__file__).parents[4] / "shared"
REAL = SHARED / "corpus" / "real"
RAW = REAL / "raw_pdf"

needs_corpus = pytest.mark.skipif(
    not RAW.is_dir(), reason=f"the real-report corpus is not here ({RAW})"
)


def has_cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


TABLE_PAGE = """<html><head><style>
@page { size: A4; margin: 2cm }
body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; font-size: 11pt }
table { border-collapse: collapse } td { border: 1px solid #000; padding: 2pt 6pt }
.next { break-before: page }
</style></head><body>
<p>本报告由某某市某某局编制。</p>
<table>
<tr><td>信息内容</td><td>自然人</td><td>商业企业</td><td>总计</td></tr>
<tr><td>一、本年新收政府信息公开申请数量</td><td>95</td><td>0</td><td>95</td></tr>
<tr><td>（一）予以公开</td><td>1234</td><td>7</td><td>1241</td></tr>
</table>
<p class="next">五、存在的主要问题及改进情况</p>
</body></html>"""


@pytest.fixture(scope="module")
def table_pdf() -> bytes:
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(string=TABLE_PAGE).write_pdf()


def test_a_table_row_is_one_line_with_its_cells_apart(table_pdf):
    text, _ = reader.layout(table_pdf)
    lines = text.splitlines()
    row = next(line for line in lines if "予以公开" in line)
    assert row.split() == ["（一）予以公开", "1234", "7", "1241"]
    assert "  1234  " in row  # cells are at least two spaces apart, as pdftotext prints them
    header = next(line for line in lines if "信息内容" in line)
    # the header words stand over the columns of the numbers beneath them
    assert abs(header.index("自然人") - row.index("1234")) <= 4


def test_pages_are_separated_by_form_feeds_and_every_line_knows_its_page(table_pdf):
    text, where = reader.layout(table_pdf)
    assert text.count("\f") == 1
    lines = text.split("\n")[:-1]
    assert len(lines) == len(where)
    second = next(i for i, (page, _) in enumerate(where) if page == 2)
    assert lines[second] == "\f五、存在的主要问题及改进情况"  # as pdftotext prints a page
    assert where[second] == (2, 1)
    assert [n for page, n in where if page == 1] == list(range(1, second + 1))


def test_tokens_carry_the_page_and_the_line_within_it(table_pdf):
    doc = reader.document(table_pdf, "t.pdf")
    assert doc.form == "pdf"
    assert doc.source == "t.pdf"
    last = next(t for t in doc.tokens if "存在的主要问题" in t.text)
    assert (last.page, last.line) == (2, 1)
    assert all(t.page in (1, 2) for t in doc.tokens)


# -- real published PDFs ---------------------------------------------------------------------


def sources() -> dict[str, dict[str, str]]:
    rows = (REAL / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    head = rows[0].split("\t")
    return {r.split("\t")[0]: dict(zip(head, r.split("\t"), strict=False)) for r in rows[1:]}


@pytest.fixture(scope="module")
def engine():
    from xxgk.report.read import read_file

    return read_file


@needs_corpus
def test_002_pdf_reads_to_exactly_its_answer(engine):
    from xxgk.report import loads

    report = engine(RAW / "002.pdf")
    answer = loads((REAL / "answers" / "002.json").read_text(encoding="utf-8"))
    assert (report.agency, report.year, report.edition.key) == (
        answer.agency,
        answer.year,
        answer.edition.key,
    )
    assert report.tables() == answer.tables()
    expected = {f.rule for f in answer.findings}
    assert {f.rule for f in report.findings if f.severity == "error"} == expected


@needs_corpus
@pytest.mark.parametrize("number", ["001", "002", "003"])
def test_a_published_pdf_reads_as_its_pdftotext_text_does(engine, number):
    from_pdf = engine(RAW / f"{number}.pdf")
    from_text = engine(REAL / f"{number}.txt")
    known = sources()[f"{number}.txt"]
    assert from_pdf.agency == known["agency"]
    assert from_pdf.year == int(known["year"])
    assert from_pdf.edition.key == known["edition"]
    assert from_pdf.tables() == from_text.tables()
    assert [f.rule for f in from_pdf.findings] == [f.rule for f in from_text.findings]


@needs_corpus
def test_a_pdf_cell_points_at_its_page(engine):
    report = engine(RAW / "002.pdf")
    where = report.provenance["applications.new_received.natural_person"]
    assert where.form == "pdf"
    assert where.file == str(RAW / "002.pdf")
    assert where.page == 3
    assert where.text == "95"
    assert where.line is not None
    assert json.dumps(where.to_json(), ensure_ascii=False)


def test_text_clipped_out_of_sight_is_not_read():
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    weasyprint = pytest.importorskip("weasyprint")
    hidden = "position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0, 0, 0, 0)"
    page = (
        "<html><body style=\"font-family: 'Noto Sans CJK SC', sans-serif\">"
        f'<p>看得见的文字</p><p style="{hidden}">只给读屏软件的标题</p>'
        "<p>11 11 1</p></body></html>"
    )
    text, _ = reader.layout(weasyprint.HTML(string=page).write_pdf())
    assert "看得见的文字" in text
    assert "读屏" not in text
    assert "11 11 1" in text  # the same narrow digit twice is two digits, not one drawn twice


def test_a_report_printed_to_pdf_by_xxgk_reads_back_to_every_printed_cell():
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    from xxgk.report import load
    from xxgk.report.read import read_bytes
    from xxgk.report.render import pdf as printer

    demo = load(Path(__file__).parents[3] / "src/xxgk/demo/changzhou-fao-2020.json")
    for group in ("review", "litigation_direct"):  # narrow cells with repeated digits
        demo[f"appeals.{group}.corrected"] = 11
        demo[f"appeals.{group}.other"] = 111
        demo[f"appeals.{group}.total"] = sum(
            demo[f"appeals.{group}.{c}"] for c in ("upheld", "corrected", "other", "pending")
        )
    report = read_bytes(printer.render(demo), "demo.pdf")
    assert (report.agency, report.year, report.edition.key) == (
        demo.agency,
        demo.year,
        demo.edition.key,
    )
    assert report.cells == demo.cells
    assert report.findings == []
    where = report.provenance["appeals.review.other"]
    assert (where.form, where.text) == ("pdf", "111")
    assert where.page is not None


def weasy_pdf(body: str) -> bytes:
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    weasyprint = pytest.importorskip("weasyprint")
    page = f"<html><body style=\"font-family: 'Noto Sans CJK SC', sans-serif\">{body}</body></html>"
    return weasyprint.HTML(string=page).write_pdf()


def test_kangxi_radicals_read_as_the_ideographs_they_print():
    if not has_cjk_font():
        pytest.skip("no CJK font for WeasyPrint (apt-get install fonts-noto-cjk)")
    covering = subprocess.run(
        ["fc-list", ":charset=2f2f 2f42", "family"], capture_output=True, text=True, check=False
    )
    if not covering.stdout.strip():
        pytest.skip("no font draws the Kangxi radicals ⼯ ⽂ (fonts-noto-cjk does)")
    text, _ = reader.layout(weasy_pdf("<p>政府信息公开\u2f2f\u4f5c\u2f42件</p>"))
    assert "政府信息公开工作文件" in text


def test_a_text_layer_of_unmapped_glyphs_is_refused():
    from xxgk.report.read import UnreadableFile

    garbage = "".join(chr(0xE000 + i) for i in range(40))
    with pytest.raises(UnreadableFile, match=r"^PDF 的文字层无法识别"):
        reader._refuse_unmapped(f"第一页\n{garbage}\n")
    reader._refuse_unmapped(f"政府信息公开工作年度报告，共四十个字符的正文内容{garbage[:5]}\n")


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_table_printed_turned_on_the_page_reads_left_to_right(turn):
    table = (
        '<table style="border-collapse: collapse">'
        "<tr><td>（一）予以公开</td><td>1234</td><td>7</td><td>1241</td></tr>"
        "<tr><td>（二）部分公开</td><td>5</td><td>6</td><td>11</td></tr></table>"
    )
    box = (
        f"transform: rotate({turn}deg); position: absolute; left: 8cm; top: 12cm;"
        " transform-origin: center; width: 12cm"
    )
    pdf = weasy_pdf(f'<style>td {{ padding: 3pt 12pt }}</style><div style="{box}">{table}</div>')
    lines = [line.split() for line in reader.layout(pdf)[0].splitlines() if line.strip()]
    assert lines == [["（一）予以公开", "1234", "7", "1241"], ["（二）部分公开", "5", "6", "11"]]
