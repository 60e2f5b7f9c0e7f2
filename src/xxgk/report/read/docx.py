"""Word (.docx) → `Document`: the body in reading order, tables expanded into their grid.

The body is walked in document order, paragraphs and tables interleaved as printed (content
controls, ``w:sdt``, are looked into). A table's merged cells are expanded into the full grid —
``w:gridSpan`` across, ``w:vMerge`` down, ``w:gridBefore`` skipped columns — and a merged cell's
text is given at every grid position it covers, as the HTML reader does with rowspan/colspan,
so that a row label spanning eight rows labels each of them.

Provenance: `Token.line` numbers the blocks of the body in order, 1-based — each paragraph is
one line and each table row is one line — so ``第N行`` points at one place in the document;
`table`, `row`, `col` (0-based) place a cell in its table's grid. Word has no fixed pages, so
`page` is None.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO

from lxml import etree

from xxgk.report.read.document import Document, Token, UnreadableFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt"))
_SDT_CONTENT = f"{_W}sdtContent"
_VAL = f"{_W}val"
# Run content that prints as text; w:delText (deleted revisions) is left out on purpose.
_TEXT, _TAB, _BREAKS = f"{_W}t", f"{_W}tab", (f"{_W}br", f"{_W}cr")
_HYPHENS = (f"{_W}noBreakHyphen", f"{_W}softHyphen")

# Keep the XML parser from resolving entities or reaching the network (untrusted files).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def document(data: bytes, source: str) -> Document:
    """The tokens of a .docx file; `UnreadableFile` when it is not a readable Word document."""
    body = _body(data)
    doc = Document(source=source, form="docx")
    line = 0
    table = 0
    for block in _blocks(body):
        if block.tag == _P:
            line += 1
            text = _paragraph_text(block)
            if text.strip():
                doc.tokens.append(Token(text, line=line))
            continue
        for r, row in enumerate(_grid(block)):
            line += 1
            doc.tokens.extend(
                Token(text, line=line, table=table, row=r, col=c) for c, text in enumerate(row)
            )
        table += 1
    if not doc.tokens:
        raise UnreadableFile("Word 文档中没有文字")
    return doc


def _body(data: bytes) -> etree._Element:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            xml = z.read("word/document.xml")
    except zipfile.BadZipFile:
        raise UnreadableFile(
            "Word (.docx) 文件已损坏或不完整：不是有效的 ZIP 压缩包（可能下载中断）"
        ) from None
    except KeyError:
        raise UnreadableFile("不是 Word (.docx) 文档：缺少 word/document.xml") from None
    except (zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as e:
        raise UnreadableFile(f"Word (.docx) 文件已损坏，无法解压：{e}") from None
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as e:
        raise UnreadableFile(f"Word (.docx) 文件已损坏：正文 XML 有误（{e.msg}）") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise UnreadableFile("Word (.docx) 文件已损坏：没有正文 (w:body)")
    return body


def _blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables directly in the body, in order, looking into content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    for el in p.iter(_TEXT, _TAB, *_BREAKS, *_HYPHENS):
        if el.tag == _TEXT:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append("\t")
        elif el.tag in _BREAKS:
            parts.append("\n")
        elif el.tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs, one per line (a nested table's paragraphs included in order)."""
    return "\n".join(_paragraph_text(p) for p in tc.iter(_P)).strip()


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _cells(content)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _rows(content)


def _int_prop(el: etree._Element | None, path: str, default: int) -> int:
    found = el.find(path) if el is not None else None
    if found is None:
        return default
    try:
        return max(int(found.get(_VAL, default)), 0)
    except ValueError:
        return default


def _grid(tbl: etree._Element) -> list[list[str]]:
    """The table as a rectangular grid of texts, every merged cell repeated where it spans."""
    rows: list[list[str]] = []
    for tr in _rows(tbl):
        row: list[str] = [""] * _int_prop(tr.find(f"{_W}trPr"), f"{_W}gridBefore", 0)
        for tc in _cells(tr):
            props = tc.find(f"{_W}tcPr")
            span = max(_int_prop(props, f"{_W}gridSpan", 1), 1)
            merge = props.find(f"{_W}vMerge") if props is not None else None
            if merge is not None and merge.get(_VAL, "continue") == "continue" and rows:
                # Continues the cell above: take its text at the same grid column.
                col = len(row)
                above = rows[-1]
                text = above[col] if col < len(above) else ""
            else:
                text = _cell_text(tc)
            row.extend([text] * span)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]
