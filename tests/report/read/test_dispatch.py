"""`xxgk.report.read`: the form told by content, and a clear refusal for every file that is not
a report."""

import io
import zipfile
from pathlib import Path

import pytest

from tests.report.read import handmade as h
from tests.report.read.pdfbytes import minimal_pdf
from xxgk.report.read import UnreadableFile, decode, document, read_file, sniff


def refusal(path: Path) -> str:
    with pytest.raises(UnreadableFile) as e:
        read_file(path)
    return str(e.value)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the form, by content ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "form"),
    [
        ("a.txt", b"<html><body><table><tr><td>1</td></tr></table>", "html"),
        ("page.txt", "<div>一</div><p>二</p><br/>三".encode(), "html"),
        ("a.html", "项目 | 数量\n|---|---|\n| 规章 | 0 |\n".encode(), "md"),
        ("a", "| 项目 | 数量 |\n| :--- | ---: |\n".encode(), "md"),
        ("a.md", "一、总体情况\n本年度……\n".encode(), "txt"),
        ("a.html", "一、总体情况\n本年度……\n".encode(), "txt"),
        ("report", "一、总体情况\n\f第二页\n".encode(), "txt"),
        ("a.txt", b"%PDF-1.7\n...", "pdf"),
        ("a.bin", b"\xef\xbb\xbf junk before the header %PDF-1.4\n", "pdf"),
    ],
)
def test_the_form_is_told_by_content_never_by_name(name, data, form):
    assert sniff(data, name) == form


@pytest.mark.parametrize(
    "layout",
    [h.as_tabs, h.as_bars, lambda r: h.as_flat(r, glue=False)],
    ids=["tabs", "bars", "spaced"],
)
def test_a_text_report_named_md_reads_as_the_text_it_is(tmp_path, layout):
    """A .md file without a pipe table is text with a Markdown name: it reads as it does as .txt."""
    report = h.sample_report()
    for name in ("report.md", "report.txt"):
        (tmp_path / name).write_text(layout(report), encoding="utf-8")
    as_md, as_txt = read_file(tmp_path / "report.md"), read_file(tmp_path / "report.txt")
    assert as_md.cells == as_txt.cells == report.cells
    assert as_md.provenance["applications.total.total"].form == "txt"


def test_a_zip_with_a_word_body_is_docx_whatever_its_name():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert sniff(buffer.getvalue(), "report.zip") == "docx"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("政府信息公开".encode(), "政府信息公开"),
        ("\ufeff政府信息公开".encode(), "政府信息公开"),  # UTF-8 with a BOM
        ("政府信息公开".encode("gb18030"), "政府信息公开"),
        ("政府信息公开".encode("gbk"), "政府信息公开"),
        ("政府信息公开".encode("utf-16"), "政府信息公开"),  # with its BOM
    ],
)
def test_text_is_utf8_then_gb18030(data, text):
    assert decode(data) == text


def test_a_utf8_page_with_a_broken_byte_stays_utf8():
    page = '<meta charset="UTF-8"><p>政府信息公开工作年度报告</p>'.encode()
    cut = page.index(b"<p>") + 3
    broken = page[:cut] + b"\xe5" + page[cut:]  # a stray byte, half a character
    assert decode(broken) == '<meta charset="UTF-8"><p>\ufffd政府信息公开工作年度报告</p>'

    assert decode(b"plain \xe5 text without a declaration, " + "年度报告".encode() * 400)


def test_bytes_no_encoding_reads_are_refused():
    with pytest.raises(UnreadableFile) as refused:
        decode(b"report \x80\xff\x80\xff" * 50)
    assert str(refused.value) == "无法识别文本编码：既不是 UTF-8，也不是 GB18030/GBK（第 7 字节起）"


def test_a_gb18030_page_is_read_as_the_same_text():
    html = "<html><body><p>政府信息公开工作年度报告</p></body></html>"
    doc_utf8 = document(html.encode(), "a.html")
    doc_gb = document(html.encode("gb18030"), "a.html")
    assert doc_utf8.form == doc_gb.form == "html"
    assert [t.text for t in doc_utf8.tokens] == [t.text for t in doc_gb.tokens]


# -- refusals ----------------------------------------------------------------------------------


def test_a_missing_file(tmp_path):
    assert refusal(tmp_path / "nothing.pdf") == "文件不存在"


def test_a_folder(tmp_path):
    assert refusal(tmp_path) == "这是一个文件夹，不是报告文件"


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_an_empty_file(tmp_path, data):
    assert refusal(write(tmp_path, "empty.html", data)) == "文件是空的"


def test_binary_content(tmp_path):
    message = refusal(write(tmp_path, "photo.txt", bytes(range(256)) * 8))
    assert "二进制" in message
    assert "不是网页、文本、Markdown、Word (.docx) 或 PDF" in message


def test_a_pdf_cut_short(tmp_path):
    whole = minimal_pdf()
    message = refusal(write(tmp_path, "cut.pdf", whole[: len(whole) // 3]))
    assert message == "PDF 文件已损坏或不完整（可能下载中断），无法打开"


def test_a_pdf_named_file_that_is_not_a_pdf(tmp_path):
    message = refusal(write(tmp_path, "report.pdf", b"\x01\x02\x03 not a pdf at all " * 10))
    assert "二进制" not in message
    assert message == "不是有效的 PDF 文件：文件开头没有 %PDF 标记，文件可能已损坏"


def test_a_password_protected_pdf(tmp_path):
    message = refusal(write(tmp_path, "secret.pdf", minimal_pdf(encrypted=True)))
    assert message == "PDF 文件有密码保护，无法读取；请先去除打开密码"


def test_a_pdf_without_a_text_layer(tmp_path):
    message = refusal(write(tmp_path, "scan.pdf", minimal_pdf()))
    assert message.startswith("PDF 中没有文字层（可能是扫描件或图片）")


def test_a_docx_that_is_not_a_zip(tmp_path):
    message = refusal(write(tmp_path, "report.docx", b"\x00\x01binary, not a zip" * 20))
    assert message == "不是有效的 Word (.docx) 文件：不是 ZIP 压缩包，文件可能已损坏"


def test_a_docx_cut_short(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document/>" * 200)
    data = buffer.getvalue()
    message = refusal(write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert message == "Word (.docx) 文件已损坏或不完整：不是有效的 ZIP 压缩包（可能下载中断）"


def test_a_zip_that_is_not_a_word_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notes.txt", "hello")
    message = refusal(write(tmp_path, "report.docx", buffer.getvalue()))
    assert message == "是 ZIP 压缩文件，但不是 Word (.docx) 文档（缺少 word/document.xml）"


def test_a_spreadsheet(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert refusal(write(tmp_path, "r.xlsx", buffer.getvalue())).startswith("这是 Excel (.xlsx)")


def test_a_legacy_word_file(tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    assert refusal(write(tmp_path, "report.doc", data)) == (
        "这是旧版 Word (.doc) 或 Excel (.xls) 文件，请另存为 .docx 后再读取"
    )


def test_a_page_with_no_report(tmp_path):
    page = "<html><body><h1>通知公告</h1><p>今天天气很好。</p></body></html>"
    message = refusal(write(tmp_path, "news.html", page.encode()))
    assert message == "未找到政府信息公开年度报告的统计表格"
