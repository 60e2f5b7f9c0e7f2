"""The Word reader: body order, merged cells expanded into the grid, provenance, refusals."""

import io
import zipfile
from pathlib import Path

import docx
import pytest

from xxgk.report.read import UnreadableFile
from xxgk.report.read import docx as reader


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def merged() -> bytes:
    """A paragraph, a 4×4 table with a header merged across and a label merged down, a blank
    paragraph, a second table with a number merged down, and a closing paragraph."""
    d = docx.Document()
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).text = "信息内容"
    t.cell(0, 1).merge(t.cell(0, 3)).text = "申请人情况"
    t.cell(1, 0).merge(t.cell(3, 0)).text = "（三）不予公开"
    for r, (label, a, b) in enumerate([("1.属于国家秘密", "1", "2"), ("2.重复", "3", "4")], 1):
        t.cell(r, 1).text = label
        t.cell(r, 2).text = a
        t.cell(r, 3).text = b
    t.cell(3, 1).text = "3.多行\n标签"
    d.add_paragraph("")
    second = d.add_table(rows=2, cols=2)
    second.cell(0, 0).text = "规章"
    second.cell(1, 0).text = "行政规范性文件"
    second.cell(0, 1).merge(second.cell(1, 1)).text = "7"
    d.add_paragraph("四、结转下年度继续办理")
    return save(d)


def grid(doc, table: int) -> list[list[str | None]]:
    """The table's tokens on its grid; None where no token was given."""
    cells = [t for t in doc.tokens if t.table == table]
    rows = max(t.row for t in cells) + 1
    cols = max(t.col for t in cells) + 1
    out: list[list[str | None]] = [[None] * cols for _ in range(rows)]
    for t in cells:
        assert out[t.row][t.col] is None, "one token per grid position"
        out[t.row][t.col] = t.text
    return out


def test_merged_cells_are_laid_on_the_grid_as_the_html_reader_lays_them(merged):
    """Merged across: one token at the first column. A label merged down: repeated on each row
    it covers. A number merged down: never repeated."""
    doc = reader.document(merged, "r.docx")
    assert grid(doc, 0) == [
        ["信息内容", "申请人情况", None, None],
        ["（三）不予公开", "1.属于国家秘密", "1", "2"],
        ["（三）不予公开", "2.重复", "3", "4"],
        ["（三）不予公开", "3.多行\n标签", "", ""],
    ]
    assert grid(doc, 1) == [["规章", "7"], ["行政规范性文件", None]]


def test_tokens_are_in_row_major_order(merged):
    doc = reader.document(merged, "r.docx")
    cells = [(t.table, t.row, t.col) for t in doc.tokens if t.table is not None]
    assert cells == sorted(cells)
    assert len(cells) == 2 + 4 * 3 + 3


def test_paragraphs_and_tables_keep_body_order_and_lines_number_the_blocks(merged):
    doc = reader.document(merged, "r.docx")
    assert doc.form == "docx"
    assert doc.source == "r.docx"
    prose = [(t.text, t.line) for t in doc.tokens if t.table is None]
    # line 1: the paragraph; lines 2–5: the table's rows; 6: a blank paragraph (no token);
    # 7–8: the second table's rows; 9: the closing paragraph
    assert prose == [("三、收到和处理政府信息公开申请情况", 1), ("四、结转下年度继续办理", 9)]
    assert {t.line for t in doc.tokens if t.table == 0} == {2, 3, 4, 5}
    assert {(t.line, t.row) for t in doc.tokens if t.table == 0 and t.col == 0} == {
        (2, 0),
        (3, 1),
        (4, 2),
        (5, 3),
    }
    assert [t.line for t in doc.tokens if t.table == 1] == [7, 7, 8]
    assert all(t.page is None for t in doc.tokens)


def test_text_in_content_controls_and_tracked_insertions_is_read_deletions_are_not():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = (
        f'<w:document xmlns:w="{w}"><w:body>'
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:tab/><w:t>3</w:t></w:r></w:p>"
        '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        "<w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:tr>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
        "<w:p><w:r><w:t>通栏</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", body)
    doc = reader.document(buffer.getvalue(), "x.docx")
    assert [t.text for t in doc.tokens if t.table is None] == ["控件里的段落", "保留插入\t3"]
    assert grid(doc, 0) == [[None, "右"], ["通栏", None]]


def docx_with_body(xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", xml)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (docx_with_body("<w:document"), "Word (.docx) 文件已损坏：正文 XML 有误"),
        (docx_with_body("<document/>"), "Word (.docx) 文件已损坏：没有正文 (w:body)"),
        (
            docx_with_body(
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                "<w:body><w:p/></w:body></w:document>"
            ),
            "Word 文档中没有文字",
        ),
        (b"PK\x03\x04 broken", "Word (.docx) 文件已损坏或不完整：不是有效的 ZIP 压缩包"),
    ],
)
def test_a_broken_word_document_is_refused_with_the_reason(data, message):
    with pytest.raises(
        UnreadableFile, match=r"^" + message.replace("(", r"\(").replace(")", r"\)")
    ):
        reader.document(data, "bad.docx")


def test_entities_are_not_expanded():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>a&e;b</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    doc = reader.document(docx_with_body(xml), "x.docx")
    assert all("/etc" not in t.text for t in doc.tokens)
    assert doc.tokens[0].text.startswith("a")


def test_a_report_printed_as_word_reads_back_to_every_printed_cell():
    from xxgk.report import load
    from xxgk.report.read import read_bytes
    from xxgk.report.render import docx as word

    demo = load(Path(__file__).parents[3] / "src/xxgk/demo/changzhou-fao-2020.json")
    demo["appeals.review.upheld"] = 3  # a wrong total: the reading must keep what is printed
    report = read_bytes(word.render(demo), "demo.docx")
    assert (report.agency, report.year, report.edition.key) == (
        demo.agency,
        demo.year,
        demo.edition.key,
    )
    assert report.cells == demo.cells
    assert [f.rule for f in report.findings] == ["appeals.total.review"]
    where = report.provenance["appeals.review.upheld"]
    assert (where.form, where.file, where.text, where.page) == ("docx", "demo.docx", "3", None)
    assert where.line is not None


def test_a_page_laid_out_in_a_table_is_read_as_its_paragraphs_and_inner_tables():
    d = docx.Document()
    frame = d.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "二、主动公开政府信息情况"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "规章"
    inner.cell(0, 1).text = "5"
    cell.add_paragraph("三、收到和处理政府信息公开申请情况")
    doc = reader.document(save(d), "framed.docx")
    assert [(t.text, t.table, t.row, t.col) for t in doc.tokens] == [
        ("二、主动公开政府信息情况", None, None, None),
        ("规章", 0, 0, 0),
        ("5", 0, 0, 1),
        ("三、收到和处理政府信息公开申请情况", None, None, None),
    ]
