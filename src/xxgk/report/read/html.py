"""HTML reports: a report page, an article slice of one, or HTML held in a JavaScript string.

Tables are expanded into a grid (rowspan/colspan), so every cell has its grid row and column:
a cell spanning columns is read once, a label spanning rows (``三、本年度办理结果``, rowspan 20)
is repeated on each row it covers; a number is never repeated. Text outside tables is kept in
reading order, one token per block, as the narrative.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from xxgk.report.normalise import is_blank
from xxgk.report.read.document import Document, Token, UnreadableFile

FORM = "html"
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
_WS = re.compile(r"[ \t\r\n\u00a0\u3000]+")


def _unescape_js(text: str) -> str:
    """HTML taken from a JavaScript string literal: ``\\"`` → ``"``, ``\\n`` → newline."""

    def one(m: re.Match[str]) -> str:
        s = m.group(1)
        if s[0] == "u":
            return chr(int(s[1:], 16))
        return {"n": "\n", "t": "\t", "r": ""}.get(s, s)

    return _JS_ESCAPES.sub(one, text)


def document(text: str, source: str) -> Document:
    """An HTML report as tokens: table cells on their grid, prose blocks in order."""
    if text.count('\\"') > 20 and "<" in text:
        text = _unescape_js(text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise UnreadableFile(f"无法解析网页：{e}") from None
    doc = Document(source=source, form=FORM)
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
        text = _WS.sub(" ", "".join(self.parts)).strip()
        if text:
            self.doc.tokens.append(Token(text, line=self.line, row=None))
        self.parts = []
        self.line = line

    def visit(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
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
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        taken: dict[tuple[int, int], tuple[str, bool]] = {}  # (row, col) -> (text, numeric)
        for r, tr in enumerate(rows):
            col = 0
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                while (r, col) in taken:
                    col += 1
                text = _cell_text(cell)
                span_c = _span(cell, "colspan")
                span_r = _span(cell, "rowspan")
                numeric = _is_value(text)
                line = cell.sourceline
                self.doc.tokens.append(Token(text, line=line, table=number, row=r, col=col))
                for dc in range(span_c):
                    for dr in range(span_r):
                        if dr or dc:
                            taken[(r + dr, col + dc)] = (text, numeric)
                for dr in range(1, span_r):
                    if not numeric:
                        # a label spanning rows heads each of them; tokens are emitted when
                        # that row is reached, in column order
                        taken[(r + dr, col)] = (text, numeric)
                col += span_c
        self._repeat_row_labels(number, rows, taken)

    def _repeat_row_labels(
        self,
        number: int,
        rows: list[etree._Element],
        taken: dict[tuple[int, int], tuple[str, bool]],
    ) -> None:
        """Insert the spanning labels into the rows they cover, before that row's own cells."""
        spans: dict[int, list[tuple[int, str]]] = {}
        for (r, c), (text, numeric) in taken.items():
            if not numeric and text:
                spans.setdefault(r, []).append((c, text))
        if not spans:
            return
        tokens = self.doc.tokens
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t.table == number and t.row in spans and t.col is not None:
                row = t.row
                cells = []
                while i < len(tokens) and tokens[i].table == number and tokens[i].row == row:
                    cells.append(tokens[i])
                    i += 1
                extra = [
                    Token(text, line=cells[0].line, table=number, row=row, col=c)
                    for c, text in spans.pop(row)
                    if not any(x.col == c for x in cells)
                ]
                out.extend(sorted([*cells, *extra], key=lambda x: x.col or 0))
                continue
            out.append(t)
            i += 1
        self.doc.tokens = out


def _owner(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(cell: etree._Element, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1").strip() or 1), 100))
    except ValueError:
        return 1


def _cell_text(cell: etree._Element) -> str:
    # <br> and block children inside a cell break a label; keep them as spaces
    parts: list[str] = []
    for piece in cell.itertext():
        parts.append(piece)
    return _WS.sub(" ", "".join(parts)).strip()


def _is_value(text: str) -> bool:
    """A number or a blank cell (never repeated down a rowspan)."""
    return bool(_VALUE.match(text)) or is_blank(text)
