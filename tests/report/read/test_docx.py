"""The Word reader: body order, merged cells expanded into the grid, provenance, refusals."""

import io
import zipfile

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
    paragraph, a second table, and a closing paragraph."""
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
    second = d.add_table(rows=1, cols=2)
    second.cell(0, 0).text = "规章"
    second.cell(0, 1).text = "7"
    d.add_paragraph("四、结转下年度继续办理")
    return save(d)


def grid(doc, table: int) -> list[list[str]]:
    cells = [t for t in doc.tokens if t.table == table]
    rows = max(t.row for t in cells) + 1
    cols = max(t.col for t in cells) + 1
    out = [[""] * cols for _ in range(rows)]
    for t in cells:
        out[t.row][t.col] = t.text
    return out


def test_merged_cells_are_expanded_with_their_text_at_every_grid_position(merged):
    doc = reader.document(merged, "r.docx")
    assert grid(doc, 0) == [
        ["信息内容", "申请人情况", "申请人情况", "申请人情况"],
        ["（三）不予公开", "1.属于国家秘密", "1", "2"],
        ["（三）不予公开", "2.重复", "3", "4"],
        ["（三）不予公开", "3.多行\n标签", "", ""],
    ]
    assert grid(doc, 1) == [["规章", "7"]]


def test_every_grid_position_is_one_token_in_row_major_order(merged):
    doc = reader.document(merged, "r.docx")
    cells = [(t.table, t.row, t.col) for t in doc.tokens if t.table is not None]
    assert cells == sorted(cells)
    assert len(cells) == len(set(cells)) == 4 * 4 + 2


def test_paragraphs_and_tables_keep_body_order_and_lines_number_the_blocks(merged):
    doc = reader.document(merged, "r.docx")
    assert doc.form == "docx"
    assert doc.source == "r.docx"
    prose = [(t.text, t.line) for t in doc.tokens if t.table is None]
    # line 1: the paragraph; lines 2–5: the table's rows; 6: a blank paragraph (no token);
    # 7: the second table's row; 8: the closing paragraph
    assert prose == [("三、收到和处理政府信息公开申请情况", 1), ("四、结转下年度继续办理", 8)]
    assert {t.line for t in doc.tokens if t.table == 0} == {2, 3, 4, 5}
    assert {(t.line, t.row) for t in doc.tokens if t.table == 0 and t.col == 2} == {
        (2, 0),
        (3, 1),
        (4, 2),
        (5, 3),
    }
    assert [t.line for t in doc.tokens if t.table == 1] == [7, 7]
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
    assert grid(doc, 0) == [["", "右"], ["通栏", "通栏"]]


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
