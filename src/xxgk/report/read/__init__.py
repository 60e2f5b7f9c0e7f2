"""Read a published report from any file: the form is told by content, not by extension alone.

`read_file(path)` (and `read_bytes(data, source)`) sniff the bytes — PDF by its ``%PDF`` magic,
Word (.docx) as a ZIP holding ``word/document.xml``, and otherwise decoded text (UTF-8 with or
without BOM, UTF-16 with BOM, then GB18030): HTML by its markup, Markdown by a pipe-table
delimiter row (``|---|``) or an ``.md`` name, else plain text. The form reader turns the file
into a `Document` of tokens; `recover` finds the edition's tables in it and builds the `Report`.

Every way a file can fail to be a report raises `UnreadableFile` with a message in Chinese for
the user; nothing else escapes for a bad file.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from xxgk.report.model import Report
from xxgk.report.read.document import Document, Token, UnreadableFile

__all__ = [
    "FORMS",
    "Document",
    "Token",
    "UnreadableFile",
    "decode",
    "document",
    "read_bytes",
    "read_file",
    "sniff",
]

FORMS = ("html", "txt", "md", "docx", "pdf")

# A PDF may carry a few bytes of junk before its header; readers accept it within the first KB.
_PDF_MAGIC_WINDOW = 1024
_ZIP_MAGIC = b"PK\x03\x04"
_UTF8_BOM = b"\xef\xbb\xbf"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls (Compound File)
_SNIFF = 8192
_DECLARES_UTF8 = re.compile(rb"""charset\s*=\s*["']?\s*utf-?8""", re.I)
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])  # deleted to count the control bytes

_HTML_STRONG = re.compile(r"<\s*(?:!doctype\s+html|html|body|table|tbody|tr|td|th)\b", re.I)
_HTML_TAG = re.compile(r"<\s*/?\s*(?:div|p|span|br|h[1-6]|meta|head|font|strong|b)\b[^<>]*>", re.I)
_MD_DELIMITER = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M
)


def read_file(path: str | Path) -> Report:
    """The report printed in the file at `path`; `UnreadableFile` says why when it is not one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("文件不存在") from None
    except IsADirectoryError:
        raise UnreadableFile("这是一个文件夹，不是报告文件") from None
    except OSError as e:
        raise UnreadableFile(f"无法读取文件：{e.strerror}") from None
    return read_bytes(data, str(path))


def read_bytes(data: bytes, source: str) -> Report:
    """The report printed in `data`; `source` is the path as the user gave it (for provenance)."""
    doc = document(data, source)
    from xxgk.report.read.recover import recover  # the engine; imported late to keep this light

    return recover(doc)


def document(data: bytes, source: str) -> Document:
    """The `Document` of a file's bytes, by the form its content shows."""
    form, text, strict_utf8 = _sniff(data, source)
    if form == "pdf":
        from xxgk.report.read import pdf

        return pdf.document(data, source)
    if form == "docx":
        from xxgk.report.read import docx

        return docx.document(data, source)
    if form == "html":
        from xxgk.report.read import html

        # libxml2 parses UTF-8 bytes faster than a str it would first have to convert
        return html.document(text, source, data.removeprefix(_UTF8_BOM) if strict_utf8 else None)
    if form == "md":
        from xxgk.report.read import markdown

        return markdown.document(text, source)
    from xxgk.report.read import text as plain

    return plain.document(text, source)


def sniff(data: bytes, source: str = "") -> str:
    """The form of a file (one of `FORMS`) from its content, never its name. Raises
    `UnreadableFile` for content no reader takes."""
    return _sniff(data, source)[0]


def _sniff(data: bytes, source: str) -> tuple[str, str, bool]:
    """The form, the decoded text for the text forms ("" for PDF and Word), and whether that
    text is the bytes read strictly as UTF-8 (a BOM aside)."""
    suffix = Path(source).suffix.lower()
    if not data.removeprefix(_UTF8_BOM).strip():  # a byte-order mark alone is empty too
        raise UnreadableFile("文件是空的")
    if b"%PDF-" in data[:_PDF_MAGIC_WINDOW]:
        return "pdf", "", False
    if data.startswith(_ZIP_MAGIC):
        return _zip_form(data), "", False
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFile("这是旧版 Word (.doc) 或 Excel (.xls) 文件，请另存为 .docx 后再读取")
    if suffix == ".docx":
        raise UnreadableFile("不是有效的 Word (.docx) 文件：不是 ZIP 压缩包，文件可能已损坏")
    if suffix == ".pdf":
        raise UnreadableFile("不是有效的 PDF 文件：文件开头没有 %PDF 标记，文件可能已损坏")
    text, strict_utf8 = _decode(data)
    if _looks_like_html(text):
        return "html", text, strict_utf8
    # Markdown by its pipe table alone: a .md file without one is text with a Markdown name,
    # and the text reader takes its laid-out or glued tables
    if "|" in text and _MD_DELIMITER.search(text):
        return "md", text, strict_utf8
    return "txt", text, strict_utf8


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (GBK, GB2312).

    A page that declares UTF-8 (``<meta charset="utf-8">``) but has a few broken bytes (a
    scraper cut a character in two) stays UTF-8, the broken bytes replaced, rather than turning
    into GB18030 gibberish. Raises `UnreadableFile` for binary content."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, bool]:
    """`decode`, and whether the text is `data` read strictly as UTF-8 (a BOM aside): then
    that text encodes back to exactly those bytes, which the HTML reader parses instead."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), False
        except UnicodeDecodeError:
            raise UnreadableFile("UTF-16 文本文件已损坏，无法解码") from None
    if _is_binary(data[:_SNIFF]):
        raise UnreadableFile(
            "不是可读的报告文件：内容是二进制数据，不是网页、文本、Markdown、Word (.docx) 或 PDF"
        )
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError as e:
        first_error = e
    if _DECLARES_UTF8.search(data[:_SNIFF]):
        return data.decode("utf-8-sig", errors="replace"), False
    try:
        return data.decode("gb18030"), False
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) // 1000):  # UTF-8 with a few broken bytes
        return text, False
    where = first_error.start
    raise UnreadableFile(f"无法识别文本编码：既不是 UTF-8，也不是 GB18030/GBK（第 {where} 字节起）")


def _is_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    # Text has tabs, newlines and form feeds (pdftotext pages) but few other control bytes.
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls > len(head) // 20


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_STRONG.search(text)) or len(_HTML_TAG.findall(text, 0, 65536)) >= 3


def _zip_form(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise UnreadableFile(
            "Word (.docx) 文件已损坏或不完整：不是有效的 ZIP 压缩包（可能下载中断）"
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnreadableFile("这是 Excel (.xlsx) 文件；请读取报告的网页、Word、PDF 或文本")
    raise UnreadableFile("是 ZIP 压缩文件，但不是 Word (.docx) 文档（缺少 word/document.xml）")
