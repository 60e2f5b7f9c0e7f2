"""HTML reports: a report page, an article slice of one, or HTML held in a JavaScript string.

Tables are expanded into a grid (rowspan/colspan), so every cell has its grid row and column:
a cell spanning columns is read once, a label spanning rows (``三、本年度办理结果``, rowspan 20)
is repeated on each row it covers; a number is never repeated. Text outside tables is kept in
reading order, one token per block, as the narrative.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from xxgk.report.normalise import is_blank
from xxgk.report.read.document import Document, Token, UnreadableFile

FORM = "html"
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)
_UTF8_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "center",
        "dl",
        "dt",
        "dd",
        "form",
        "fieldset",
        "address",
        "figure",
        "figcaption",
        "body",
        "html",
        "caption",
        "tbody",
        "thead",
        "tfoot",
    ]
)
_SKIP = frozenset(("script", "style", "noscript", "template", "head", "title", "meta", "link"))
_JS_ESCAPES = re.compile(r"\\(u[0-9a-fA-F]{4}|[\"'\\/ntr])")
_VALUE = re.compile(r"^\s*[+\-－]?[\d０-９][\d０-９.,，]*\s*(?:万元|元)?\s*$")


def _unescape_js(text: str) -> str:
    """HTML taken from a JavaScript string literal: ``\\"`` → ``"``, ``\\n`` → newline."""

    def one(m: re.Match[str]) -> str:
        s = m.group(1)
        if s[0] == "u":
            return chr(int(s[1:], 16))
        return {"n": "\n", "t": "\t", "r": ""}.get(s, s)

    return _JS_ESCAPES.sub(one, text)


def document(text: str, source: str, utf8: bytes | None = None) -> Document:
    """An HTML report as tokens: table cells on their grid, prose blocks in order. `utf8`, when
    given, is `text` as UTF-8 bytes, which parse faster."""
    if text.count('\\"') > 20 and "<" in text:
        text, utf8 = _unescape_js(text), None
    try:
        root = (
            etree.fromstring(text, _PARSER)
            if utf8 is None
            else etree.fromstring(utf8, _UTF8_PARSER)
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableFile(f"无法解析网页：{e}") from None
    doc = Document(source=source, form=FORM)
    if root is None:  # nothing but whitespace
        return doc
    walker = _Walker(doc)
    walker.visit(root)
    walker.flush(None)
    return doc


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.parts: list[str] = []
        self.line: int | None = None
        self.tables = 0

    def flush(self, line: int | None) -> None:
        text = " ".join("".join(self.parts).split())  # as _cell_text folds a cell's spaces
        if text:
            self.doc.tokens.append(Token(text, line=self.line, row=None))
        self.parts = []
        self.line = line

    def visit(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and tag.startswith("{"):
            tag = tag.rsplit("}", 1)[-1]
        if tag in _SKIP or not tag:
            return
        if tag == "table":
            self.flush(el.sourceline)
            self._table(el)
            return
        if tag == "br":
            self.flush(el.sourceline)
            return
        block = tag in _BLOCKS or tag in ("tr", "td", "th")
        if block:
            self.flush(el.sourceline)
        if self.line is None:
            self.line = el.sourceline
        if el.text:
            self.parts.append(el.text)
        for child in el:
            self.visit(child)
            if child.tail:
                self.parts.append(child.tail)
        if block:
            self.flush(None)

    def _table(self, table: etree._Element) -> None:
        self.tables += 1
        number = self.tables
        rows = list(table.iter("tr"))
        if any(True for _ in islice(table.iter("table"), 1, None)):  # (iter starts at `table`)
            rows = [tr for tr in rows if _owner(tr) is table]  # leave the nested tables' rows
        # grid columns taken by cells of rows above (rowspan), by row; a row's own cells are
        # placed left to right, so only the rows below need to know
        taken: dict[int, set[int]] = {}
        # labels spanning rows, by the row they reach: (column, text)
        carried: dict[int, list[tuple[int, str]]] = {}
        out = self.doc.tokens
        for r, tr in enumerate(rows):
            col = 0
            cells: list[Token] = []
            above = taken.pop(r, None)
            for cell in tr:  # (quicker than iterchildren("td", "th"), which filters slowly)
                tag = cell.tag
                if tag != "td" and tag != "th":
                    continue
                if above:
                    while col in above:
                        col += 1
                if len(cell):
                    text = _cell_text(cell)
                else:  # a cell of text alone (most of them): _cell_text's second case, inlined
                    text = cell.text or ""
                    if not text.isdigit():  # a number has no spaces to fold
                        text = " ".join(text.split())
                colspan, rowspan = cell.get("colspan"), cell.get("rowspan")
                span_c = 1 if colspan is None else _span(colspan)
                span_r = 1 if rowspan is None else _span(rowspan)
                cells.append(Token(text, cell.sourceline, None, number, r, col))
                if span_r > 1:
                    for dr in range(1, span_r):
                        taken.setdefault(r + dr, set()).update(range(col, col + span_c))
                    if text and not _is_value(text):
                        for dr in range(1, span_r):
                            carried.setdefault(r + dr, []).append((col, text))
                col += span_c
            extra = carried.pop(r, None)
            if extra and cells:
                line = cells[0].line
                labels = [Token(t, line, None, number, r, c) for c, t in extra]
                if labels[-1].col < cells[0].col:  # type: ignore[operator]
                    cells = labels + cells  # labels spanning rows stand left of the row's cells
                else:
                    cells += labels
                    cells.sort(key=lambda t: t.col or 0)
            out.extend(cells)


def _owner(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str) -> int:
    """A cell's colspan or rowspan as printed (1 when it makes no sense, at most 100)."""
    try:
        return max(1, min(int(value.strip() or 1), 100))
    except ValueError:
        return 1


def _cell_text(cell: etree._Element) -> str:
    # line breaks and spans inside a cell (Word-pasted tables) become one line of text
    if len(cell):
        text = etree.tostring(cell, method="text", encoding="unicode", with_tail=False)
    else:
        text = cell.text or ""  # a cell of text alone: what tostring would give
    return " ".join(text.split())  # str.split knows NBSP and the ideographic space


def _is_value(text: str) -> bool:
    """A number or a blank cell (never repeated down a rowspan)."""
    return bool(_VALUE.match(text)) or is_blank(text)
