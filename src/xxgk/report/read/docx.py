"""Word (.docx) → `Document`: the body in reading order, tables expanded into their grid.

The body is walked in document order, paragraphs and tables interleaved as printed (content
controls, ``w:sdt``, and layout tables — a whole page laid out in a table whose cells hold the
real tables — are looked into). A table is laid on its grid — ``w:gridSpan`` across,
``w:vMerge`` down, ``w:gridBefore`` skipped columns — the way the HTML reader lays out
colspan/rowspan: a cell merged across is one token at its first grid column; a label merged
down (``三、本年度办理结果``) is repeated on each row it covers, so that it heads each of them;
a number is never repeated.

The part ``word/document.xml`` is read with lxml directly rather than through python-docx's
object model: the merge grid needs the raw ``w:tcPr`` anyway, and the direct walk is several
times faster (Word reports are audited by the thousand). Tracked deletions are left out,
insertions kept; entities are not resolved (the file is untrusted).

Provenance: `Token.line` numbers the blocks of the body in order, 1-based — each paragraph is
one line and each table row is one line — so ``第N行`` points at one place in the document;
`table`, `row`, `col` (0-based) place a cell in its table's grid. Word has no fixed pages, so
`page` is None.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from io import BytesIO

from lxml import etree

from xxgk.report.normalise import parse_count, parse_money
from xxgk.report.read.document import Document, Token, UnreadableFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt"))
_SDT_CONTENT = f"{_W}sdtContent"
_VAL = f"{_W}val"
# Run content that prints as text; w:delText (deleted revisions) is left out on purpose.
_TEXT, _TAB, _BREAKS = f"{_W}t", f"{_W}tab", (f"{_W}br", f"{_W}cr")
_HYPHENS = (f"{_W}noBreakHyphen", f"{_W}softHyphen")

# What a number, a money amount or a blank placeholder can be made of (full-width forms too).
_MAYBE_VALUE = re.compile(r"^[\s\d０-９.,，．+＋\-－—–/／无万元%％]*$")
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
                Token(text, line=line, table=table, row=r, col=c)
                for c, text in enumerate(row)
                if text is not None
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
    """Paragraphs and tables of the body, in order, looking into content controls and into
    layout tables (a table whose cells hold tables: the page laid out in a grid)."""
    for child in parent:
        if child.tag == _P:
            yield child
        elif child.tag == _TBL:
            if any(
                tc.find(_TBL) is not None
                for tr in _children(child, _TR)
                for tc in _children(tr, _TC)
            ):
                for tr in _children(child, _TR):
                    for tc in _children(tr, _TC):
                        yield from _blocks(tc)
            else:
                yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


# Printed text and the marks that print as characters, in document order, in one XPath pass
# (far faster than walking every element of a run in Python). w:delText is left out.
_PRINTED = etree.XPath(
    ".//w:p | .//w:t/text() | .//w:tab | .//w:br | .//w:cr | .//w:noBreakHyphen",
    namespaces={"w": _W[1:-1]},
)
_MARKS = {_TAB: "\t", _BREAKS[0]: "\n", _BREAKS[1]: "\n", _HYPHENS[0]: "-"}


def _text(el: etree._Element) -> str:
    """The text printed in a paragraph or a table cell; paragraphs inside it end lines."""
    parts: list[str] = []
    for item in _PRINTED(el):
        if isinstance(item, str):
            parts.append(item)
        elif item.tag == _P:
            if parts:
                parts.append("\n")
        else:
            parts.append(_MARKS.get(item.tag, ""))
    return "".join(parts)


def _paragraph_text(p: etree._Element) -> str:
    return _text(p)


def _cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs, one per line."""
    return _text(tc).strip()


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """`el`'s children with this tag, looking through content controls (w:sdt) that wrap them."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _int_prop(el: etree._Element | None, path: str, default: int) -> int:
    found = el.find(path) if el is not None else None
    if found is None:
        return default
    try:
        return max(int(found.get(_VAL, default)), 0)
    except ValueError:
        return default


def _grid(tbl: etree._Element) -> list[list[str | None]]:
    """The table on its grid: each row's text by grid column, None where no token is due (the
    rest of a cell merged across, a number merged down)."""
    rows: list[list[str | None]] = []
    above: list[str | None] = []  # the text each grid column shows, for vMerge continuations
    for tr in _children(tbl, _TR):
        row: list[str | None] = [None] * _int_prop(tr.find(f"{_W}trPr"), f"{_W}gridBefore", 0)
        shown: list[str | None] = list(row)
        for tc in _children(tr, _TC):
            props = tc.find(f"{_W}tcPr")
            span = max(_int_prop(props, f"{_W}gridSpan", 1), 1)
            merge = props.find(f"{_W}vMerge") if props is not None else None
            col = len(row)
            if merge is not None and merge.get(_VAL, "continue") == "continue":
                origin = above[col] if col < len(above) else None
                text = origin if origin and not _is_value(origin) else None
            else:
                text = _cell_text(tc)
                origin = text
            row.extend([text] + [None] * (span - 1))
            shown.extend([origin] * span)
        rows.append(row)
        above = shown
    return rows


def _is_value(text: str) -> bool:
    """A printed number (or a blank/placeholder in a count cell), as the HTML reader tells."""
    t = text.strip()
    if not t:
        return True
    if not _MAYBE_VALUE.match(t):
        return False  # a label: cheaper to tell here than by parsing it
    return parse_count(t).value is not None or parse_money(t).value is not None
