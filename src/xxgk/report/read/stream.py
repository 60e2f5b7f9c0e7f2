"""From a `Document`'s tokens to value rows: runs of printed numbers with the text before them.

Every form ends up as the same stream. A token that is a table cell (it has a `col`) is one
value when it reads as a number or a blank; any other token is scanned for number zones —
digits, possibly glued together (``713000074``) or separated by irregular spaces. The text since
the previous value row is the row's label text; `strong` says that text was printed in the same
table row as the values (a grid row), rather than somewhere before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from xxgk.report.normalise import UNREADABLE, clean, is_blank, key
from xxgk.report.read.document import Document, Token

# A number zone inside free text: numbers (signed, decimal, 元/万元) and the spaces between them.
# A comma is a thousands separator only inside a number written wholly in groups of three
# (``2,043``, ``1,234,567``): not after a digit and comma (``1,2,345`` is three cells), nor
# before another comma and digit or a fourth digit (``1,234,5``, ``1,2345``). Any other comma
# between digits is a cell border. In free text only the ASCII comma: ``，`` separates clauses.
_GROUPED = r"(?<!\d,)[1-9]\d{0,2}(?:,\d{3})+(?!\d|,\d)"
_NUM = rf"[+-]?(?:{_GROUPED}|\d+)(?:\.\d+)?(?:万元|元)?"
# A whole table cell holds one number, so there ``，`` groups digits too (``2，043``).
_CELL_NUM = r"[+-]?(?:[1-9]\d{0,2}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?"
# a placeholder printed for an empty cell, standing alone between spaces: — - / 无
# (and xxgk's own mark of a cell it could not read, `UNREADABLE`, which reads back as such)
_DASH = rf"(?<!\S)(?:—+|-+|－|/|／|{UNREADABLE}|无)(?!\S)"
_ZONE_WITH_DASHES = re.compile(rf"(?:{_NUM}|{_DASH})(?:(?:[ \t]*{_NUM})|(?:[ \t]+{_DASH}))*")
_ZONE = re.compile(rf"{_NUM}(?:[ \t]*{_NUM})*")  # the fast path: most lines print no dash
# Where a zone can start. The zone patterns open with an optional sign or an assertion, so the
# regex engine would try them in full at every character of a line; `_zones` tries them only
# where one of these is printed, and finds the same zones.
_ZONE_START = re.compile(r"[+\-\d]")
_ZONE_WITH_DASHES_START = re.compile(r"[+\-\d—－/／无]")
_DASHES = re.compile(rf"(?:^|\s)(?:—|-|－|/|／|无|{UNREADABLE})(?:\s|$)")
_DASH_CHAR = re.compile(r"[—\-－/／无]")  # what _DASHES needs one of (one pass over the text)
_DIGIT = re.compile(r"\d")
_PAGE_NUMBER = re.compile(r"[ \t]*[-－—–]+[ \t]*\d{1,3}[ \t]*[-－—–]+[ \t]*$")
_PAGE_NUMBER_LONGEST = 100  # (a page number is centred: a longer line is something else)
# What follows a number in prose (2022年, 88件, 第3次): such a number is not a table cell.
_UNIT_AFTER = set("年月日件条项个号次人%％万亿份篇家天部期届名位批类户场余多倍岁时分秒")
_PROSE_BEFORE = set("第约近共达至")
# A numbered label glued to the previous number: ``…00000002.其他法律…`` — the ``2`` is the
# label's own number.
_LABEL_NUMBER_AFTER = re.compile(r"[.．、]\s*[\u4e00-\u9fff“\"]")
_LABEL_NUMBER_STOPS = ".．、"
_KEY_CHAR = re.compile(r"[^\W_]")
# a number starting the text or after a space: ``(?:^|\s)[+-]?\d``, written to open with a
# character class, which the regex engine skips to (most label cells hold no digit at all)
_SPACED_NUMBER = re.compile(r"[+\-\d](?<!\S[+\-\d])(?:(?<=\d)|(?=\d))")
_CELL_VALUE = re.compile(rf"^\s*(?:{_CELL_NUM}|[—\-－/／无?？]*|{UNREADABLE})\s*$")
_VALUE_MARKS = "+-—－/／无?？"  # what a _CELL_VALUE can start with besides \s and \d


@dataclass(slots=True)
class Chunk:
    """One printed value or a glued run of values (`cell` False: may hold several cells)."""

    text: str
    token: Token
    cell: bool  # printed as exactly one cell (a grid or one-cell-per-line cell)
    start: int | None = None  # where it starts in its line (laid-out text: the column)


@dataclass(slots=True)
class ValueRow:
    label: str  # key() of the text printed since the previous value row
    strong: bool  # the label text shares a grid row with the values
    chunks: list[Chunk] = field(default_factory=list)
    index: int = 0  # position in the stream

    @property
    def token(self) -> Token:
        return self.chunks[0].token

    @property
    def all_blank(self) -> bool:
        return all(c.cell and is_blank(c.text) for c in self.chunks)


@dataclass
class Stream:
    rows: list[ValueRow]
    text: str  # the whole document, cleaned, tokens joined by newlines (for titles, prose)
    tail: str  # key() of the text after the last value row
    statements: list[tuple[str, int]] | None = None  # see recover._statements
    tokens: list[Token] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)  # clean() of each token's text, in order

    def header_tokens(self, table: int, before_row: int) -> list[Token]:
        """The cells of a grid table printed above one of its rows (its header)."""
        return [
            t for t in self.tokens if t.table == table and t.row is not None and t.row < before_row
        ]


def _grid_row(token: Token) -> tuple[int | None, int] | None:
    """The printed row a token belongs to (a table row, or a line of laid-out text)."""
    if token.row is None:
        return None
    return (token.table, token.row)


def build(doc: Document) -> Stream:
    """The document's value rows, in reading order."""
    rows: list[ValueRow] = []
    texts: list[str] = []
    pending: list[str] = []  # label text since the last value row
    pending_row: tuple[int | None, int] | None = None  # grid row of the last label text
    current: ValueRow | None = None
    current_row: tuple[int | None, int] | None = None

    def add_text(text: str, token: Token) -> None:
        nonlocal current, pending_row
        if not text[:1].isalnum() and not _KEY_CHAR.search(text):
            return  # spaces and punctuation do not end a row of values
        current = None
        pending.append(text)
        pending_row = None if token.row is None else (token.table, token.row)  # _grid_row

    def add_value(text: str, token: Token, cell: bool, start: int | None = None) -> None:
        nonlocal current, current_row, pending_row
        grid = None if token.row is None else (token.table, token.row)  # _grid_row, inlined
        if current is not None and grid is not None and grid != current_row:
            current = None  # a new table row starts a new value row
        if current is None:
            label = key("".join(pending))
            strong = grid is None or (bool(pending) and pending_row == grid)
            current = ValueRow(label, strong, index=len(rows))
            rows.append(current)
            pending.clear()
            pending_row = None
            current_row = grid
        current.chunks.append(Chunk(text, token, cell, start))

    for token in doc.tokens:
        raw = token.text
        # most cells print plain digits: clean() and the cell pattern would change nothing
        digits = raw.isdigit() and raw.isascii()
        text = raw if digits else clean(raw)
        texts.append(text)
        if token.col is not None:
            first = text[:1]  # a label cannot match _CELL_VALUE: its first character says so
            if digits or (
                (not first or first in _VALUE_MARKS or first.isspace() or first.isdecimal())
                and _CELL_VALUE.match(text)
            ):
                # an empty cell belongs to a row when it follows a label or another value
                value = text if digits else text.strip()
                if (
                    current is not None
                    and token.row is not None
                    and (token.table, token.row) == current_row
                ):
                    # the next cell of the current grid row: add_value's first case, inlined
                    current.chunks.append(Chunk(value, token, True))
                elif value or current is not None or pending or token.row is not None:
                    add_value(value, token, True)
                continue
            if not _SPACED_NUMBER.search(text):
                add_text(text, token)  # one cell of text: 数据1 is a header, not a 1
                continue
        _scan(text, token, add_text, add_value)
    tail = key("".join(pending))
    return Stream(rows, "\n".join(texts), tail, tokens=doc.tokens, cleaned=texts)


def _scan(
    text: str,
    token: Token,
    add_text: Callable[[str, Token], None],
    add_value: Callable[[str, Token, bool, int | None], None],
) -> None:
    """Split free text into label text and number zones."""
    if len(text) < _PAGE_NUMBER_LONGEST and _PAGE_NUMBER.match(text):
        return  # a page's number (— 6 —) between a table's heading and the table: no row
    pos = 0
    # most lines print no dash at all: skip the (slow) dash search for them
    dashed = _DASH_CHAR.search(text) and _DASHES.search(text)
    for m in _zones(text, dashed):
        start, end = m.span()
        zone = m.group(0)
        after = text[end : end + 3]
        # a numbered label glued on: move its number to the text that follows
        numbered = (
            after[:1] in _LABEL_NUMBER_STOPS
            and bool(_LABEL_NUMBER_AFTER.match(after))
            and zone[-1:].isdigit()
        )
        if numbered:
            end -= 1
            zone = zone[:-1].rstrip()
        if not zone:
            continue
        # (a zone's only digits are the ones its pattern matched: \d)
        if not _DIGIT.search(zone) and len(zone.split()) < 2 and zone != UNREADABLE:
            continue  # one dash alone is punctuation, not a row of empty cells
        before = text[start - 1] if start else ""
        nxt = text[end : end + 1]
        if before in _PROSE_BEFORE or _is_word_char(before):
            continue  # a number in prose or inside a word (第3, abc123)
        if not numbered and (nxt in _UNIT_AFTER or (_is_word_char(nxt) and not _is_cjk(nxt))):
            continue  # a number with a unit (2022年, 88件) or inside a word
        # the same, spaced out by one space by a converter (近 1400 个, 2024 年 1 月); safe, as
        # no label of a table starts with a unit or ends with one of _PROSE_BEFORE
        if before == " " and start > 1 and text[start - 2] in _PROSE_BEFORE:
            continue
        if nxt == " " and not numbered and text[end + 1 : end + 2] in _UNIT_AFTER:
            continue
        if pos < start:
            add_text(text[pos:start], token)
        add_value(zone, token, False, start)
        pos = end
    if pos < len(text):
        add_text(text[pos:], token)


def _zones(text: str, dashed: object) -> Iterator[re.Match[str]]:
    """`finditer` of the zone pattern, tried only where a zone can start."""
    zones, starts = (_ZONE_WITH_DASHES, _ZONE_WITH_DASHES_START) if dashed else (_ZONE, _ZONE_START)
    at = starts.search(text)
    while at is not None:
        m = zones.match(text, at.start())  # (lookbehinds still see the text before it)
        if m:
            yield m
            at = starts.search(text, m.end())
        else:
            at = starts.search(text, at.start() + 1)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _is_word_char(ch: str) -> bool:
    return bool(ch) and (ch.isascii() and (ch.isalnum() or ch in "@_.:/-"))
