"""Table rows with blank cells, placed in their columns by x-position where the page draws no
borders (a table printed from Word or WPS without grid lines, or with its grid as an image).

A report that leaves its zeros blank prints ``（一）予以公开 … 21 … 21``: laid out as text,
nothing says which columns the two numbers stand in. The columns are found from what the table
prints above and in its rows:

- its header: the header lines over the value columns (above a table's first row of numbers,
  reaching over them), cut into pieces at every gap. A piece over two or more disjoint pieces
  below it (法人或其他组织 over 商业企业 … 其他, 行政复议 over its five) is a group's header;
  the others are the columns' own headers, wrapped over several lines or not (自然 / 人), and
  pieces that overlap are one column;
- its rows that print every cell: the i-th number of each is in the i-th column.

Each column spans from half-way to the column on its left to half-way to the one on its right.
A row with fewer numbers than columns is cut into cells: each number goes to the column whose
span holds its middle, and it must stand under that column's printed header or numbers and no
other's. A number between two columns (under neither, or reaching under both), two numbers in
one column, or a number outside the columns, and the row is left as laid-out text, where it
stays unread — nothing is guessed. A row's label wrapped over several lines is
taken whole (a line ending at the label column's edge goes on in the next line, unless that
line starts a numbered row: ``1.`` ``（二）`` ``三、``), and so are numbers printed on their own
line between or under its lines. A label printed with no number between the table's rows is a
row left all blank. Rows that print every cell stay laid-out text, as before.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic

from xxgk.report.read.pdfcells import CellRow, G
from xxgk.report.read.pdfrules import Rules

# A printed count or amount: what a cell placed by position may hold (no dash: ``— 2 —`` is a
# page number, not a row).
_NUMBER = re.compile(r"[+\-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?")
# A label that opens a numbered row: 一、 （一） 1. (a wrapped label's next line never does)
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])"
)
_PIECE_GAP = 0.25  # ems: a gap this wide ends a piece (header words of two columns, numbers)
_FULL = 2.0  # ems: a label line ending this close to the label column's edge was wrapped
_MIN_COLUMNS = 2
_SAME_SIZE = 0.1  # a trailing blank row's characters are the labels' size within this share
_CLOSE = 1.2  # …and it is at most this many times the table's widest line gap below the last
_RULED = 3  # a line crossed by this many drawn borders is a ruled table's (pdfcells reads it)


@dataclass(slots=True)
class _Piece(Generic[G]):
    chars: list[G]
    x0: float
    x1: float
    text: str

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class _Line(Generic[G]):
    y: float
    chars: list[G]
    pieces: list[_Piece[G]]
    label: list[_Piece[G]]  # the pieces before the numbers
    values: list[_Piece[G]]  # the numbers ending the line


@dataclass(slots=True)
class _Block(Generic[G]):
    header: list[_Line[G]]
    body: list[_Line[G]] = field(default_factory=list)
    left: float = 0.0  # where the block's numbers start


def cell_rows(
    lines: Sequence[tuple[float, list[G]]], em: float, rules: Rules | None = None
) -> tuple[list[CellRow[G]], list[G]]:
    """The rows of tables without borders that leave a cell blank, cut into cells (label cells,
    then one cell per column, empty where blank); and the characters of every other line.
    `lines`: the page's printed lines (baseline, characters left to right), top first."""
    parsed = [_line(y, chars, em) for y, chars in lines if not _ruled(y, rules)]
    rows: list[CellRow[G]] = []
    start = 0
    while start < len(parsed):
        found = _block(parsed, start, em)
        if found is None:
            break
        block, start = found
        columns = _columns(block)
        if columns is None:
            continue
        # a line reaching over the columns ends the table: the next one's caption or header
        over = [not x.values and _reaches(x, columns[0][0], em) for x in block.body]
        inside = next((i for i, hit in enumerate(over) if hit), None)
        if inside is not None and inside > block.body.index(_first_numbers(block)):
            start = parsed.index(block.body[inside])
            block.body = block.body[:inside]
            _trim(block)
        rows.extend(_cut(block, columns, em))
    taken = {id(c) for _, cells in rows for cell in cells for c in cell}
    rest = [c for _, chars in lines for c in chars if id(c) not in taken]
    return rows, rest


def _ruled(y: float, rules: Rules | None) -> bool:
    return rules is not None and sum(1 for r in rules.vertical if r.low <= y <= r.high) >= _RULED


def _line(y: float, chars: list[G], em: float) -> _Line[G]:
    pieces: list[_Piece[G]] = []
    for c in chars:
        if pieces and c.x0 - pieces[-1].x1 <= _PIECE_GAP * em:
            p = pieces[-1]
            p.chars.append(c)
            p.x1 = max(p.x1, c.x1)
            p.text += c.text
        else:
            pieces.append(_Piece([c], c.x0, c.x1, c.text))
    k = len(pieces)
    while k and _NUMBER.fullmatch(pieces[k - 1].text):
        k -= 1
    return _Line(y, chars, pieces, pieces[:k], pieces[k:])


def _block(lines: list[_Line[G]], start: int, em: float) -> tuple[_Block[G], int] | None:
    """The next table from `start` on, and where the lines after it start: it opens at a line
    of numbers, with the lines above it that reach over its numbers as its header, and goes on
    while the lines between its rows are labels (they start inside the label column and stay
    left of the numbers); trailing label lines are left out (the text after a table)."""
    first = next((i for i in range(start, len(lines)) if lines[i].values), None)
    if first is None:
        return None
    left = lines[first].values[0].x0
    over = [i for i in range(start, first) if _reaches(lines[i], left, em)]
    opening = over[-1] + 1 if over else first
    block = _Block(lines[start:opening], lines[opening:first], left)
    edge = float("-inf")  # where the labels printed so far end
    end = first
    while end < len(lines):
        line = lines[end]
        if line.label:
            if not line.values and (
                _reaches(line, block.left, em) or line.pieces[0].x0 > edge + em / 2
            ):
                break  # not a label: a caption, a header, text after the table
            edge = max(edge, line.label[-1].x1)
        block.body.append(line)
        if line.values:
            block.left = min(block.left, line.values[0].x0)
        end += 1
    _trim(block)
    return block, lines.index(block.body[-1]) + 1


def _trim(block: _Block[G]) -> None:
    """Leave out the label lines after the block's last numbers, except rows left blank at the
    table's (or the page's) end: lines printed in the labels' size, as close to the line
    above as the table's own lines are, starting in the label column."""
    last = max(i for i, line in enumerate(block.body) if line.values)
    rows, after = block.body[: last + 1], block.body[last + 1 :]
    size = _size([c for line in rows for p in line.label for c in p.chars])
    gaps = [a.y - b.y for a, b in itertools.pairwise(rows)]
    start = min((line.label[0].x0 for line in rows if line.label), default=None)
    kept = 0
    if size is not None and gaps and start is not None:
        for previous, line in itertools.pairwise([rows[-1], *after]):
            own = _size(line.chars)
            if (
                own is None
                or abs(own - size) > _SAME_SIZE * size
                or previous.y - line.y > _CLOSE * max(gaps)
                or line.pieces[0].x0 < start - size
            ):
                break
            kept += 1
    block.body = rows + after[:kept]


def _size(chars: Sequence[G]) -> float | None:
    """The width of the line's CJK characters (its font size), None when it prints none."""
    wide = [c.x1 - c.x0 for c in chars if c.text >= "\u2e80"]
    return statistics.median(wide) if wide else None


def _first_numbers(block: _Block[G]) -> _Line[G]:
    return next(line for line in block.body if line.values)


def _reaches(line: _Line[G], left: float, em: float) -> bool:
    return any(p.x1 > left - em / 2 for p in line.pieces)


def _columns(block: _Block[G]) -> list[tuple[float, float]] | None:
    """The extent of each column's printed header and numbers, left to right; None when the
    table's columns cannot be told."""
    numbered = [line for line in block.body if line.values]
    most = max(len(line.values) for line in numbered)
    labels = [p for line in block.body for p in line.label]
    edge = max((p.x1 for p in labels), default=float("-inf"))
    heads = _column_heads(block.header, labels, edge)
    if len(heads) >= max(most, _MIN_COLUMNS):
        full = [line.values for line in numbered if len(line.values) == len(heads)]
        columns = heads
    elif most >= _MIN_COLUMNS:
        full = [line.values for line in numbered if len(line.values) == most]
        columns = [(v.x0, v.x1) for v in full[0]]
    else:
        return None
    for values in full:
        for i, v in enumerate(values):
            columns[i] = (min(columns[i][0], v.x0), max(columns[i][1], v.x1))
    if any(a[1] >= b[0] for a, b in itertools.pairwise(columns)):
        return None  # the numbers of complete rows do not stand in the header's columns
    return columns


def _column_heads(
    header: list[_Line[G]], labels: list[_Piece[G]], edge: float
) -> list[tuple[float, float]]:
    """The columns the header's own pieces stand over, left to right: header pieces over the
    label column (overlapping a row's label, or centred left of `edge`, where the labels end)
    and groups' headers left out; overlapping pieces are one column."""

    def own(p: _Piece[G]) -> bool:
        return p.middle > edge and not any(_overlap(p, q) for q in labels)

    # a caption or a group's header alone on its line above the columns' headers: not a column
    while header and sum(1 for p in header[0].pieces if own(p)) < _MIN_COLUMNS:
        header = header[1:]
    spanning: set[int] = set()
    below: list[_Piece[G]] = []
    for line in reversed(header):  # bottom line first: a group's header is above its columns
        for p in line.pieces:
            under = [q for q in below if _overlap(p, q)]
            disjoint = any(not _overlap(a, b) for a in under for b in under)
            if disjoint or any(id(q) in spanning for q in under):
                spanning.add(id(p))
        below.extend(line.pieces)
    heads = sorted((p.x0, p.x1) for p in below if id(p) not in spanning and own(p))
    merged: list[tuple[float, float]] = []
    for x0, x1 in heads:
        if merged and x0 < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    if labels and len(merged) > 1:
        # the label column's header (信息内容), centred over the labels: the column it is
        # centred in, starting where the labels start, ends before the next header
        start = min(q.x0 for q in labels)
        x0, x1 = merged[0]
        if edge <= x0 + x1 - start <= merged[1][0]:
            merged = merged[1:]
    return merged


def _overlap(a: _Piece[G], b: _Piece[G]) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _place(line: _Line[G], columns: list[tuple[float, float]]) -> list[list[G]] | None:
    """The line's numbers in their columns (empty lists for blank cells), or None when one
    cannot be placed in exactly one column."""
    edges = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]
    first = columns[0][0] - (edges[0] - columns[0][1])
    last = columns[-1][1] + (columns[-1][0] - edges[-1])
    bounds = [first, *edges, last]
    if line.label and line.label[-1].x1 > first:
        return None  # the label reaches into the first column
    cells: list[list[G] | None] = [None] * len(columns)
    for v in line.values:
        j = next((j for j in range(len(columns)) if bounds[j] < v.middle < bounds[j + 1]), None)
        if j is None or cells[j] is not None:
            return None
        under = [k for k, (a, b) in enumerate(columns) if v.x0 < b and a < v.x1]
        if under != [j]:
            return None  # not under its column's header or numbers alone (between two)
        cells[j] = v.chars
    return [c if c is not None else [] for c in cells]


def _cut(block: _Block[G], columns: list[tuple[float, float]], em: float) -> list[CellRow[G]]:
    """The block's rows that leave a cell blank, cut into cells."""
    out: list[CellRow[G]] = []
    first_value = block.body.index(_first_numbers(block))
    for group in _rows(block.body, em):
        numbered = [line for line in group if line.values]
        if len(numbered) > 1:
            continue  # two lines of numbers in one label: not one row
        label = _label_cells(group)
        if not numbered:
            before_numbers = block.body.index(group[0]) < first_value
            if label and (block.header or not before_numbers):
                out.append((group[0].y, [*label, *([] for _ in columns)]))
            continue
        line = numbered[0]
        if len(line.values) >= len(columns):
            continue  # every cell printed: laid-out text reads it
        cells = _place(line, columns)
        if cells is not None:
            out.append((group[0].y, [*label, *cells]))
    return out


def _rows(body: list[_Line[G]], em: float) -> list[list[_Line[G]]]:
    """The body's lines grouped into table rows: a label's wrapped lines together (past a
    merged group label's line printed between them), with the line of numbers printed between
    or under them. Numbers that could be either of two labels' are left out with both labels
    (an empty group list in their place): nothing is guessed."""
    labelled = [line for line in body if line.label]
    edge = max((line.label[-1].x1 for line in labelled), default=0.0)
    groups: list[list[_Line[G]]] = []
    unsure: set[int] = set()  # groups left as laid-out text
    for line in body:
        if not line.label:
            # numbers on their own line: they belong to the label above while it has none
            open_ = [i for i in range(len(groups) - 1, -1, -1)[:2] if _open(groups[i])]
            if len(open_) == 2 and not _same_column(groups[open_[0]], groups[open_[1]], em):
                unsure.update(open_)
                groups.append([line])
                unsure.add(len(groups) - 1)
            elif open_ and open_[0] == len(groups) - 1:
                groups[-1].append(line)
            else:
                groups.append([line])
            continue
        # the label above in this line's column: past a group label's line in another column
        above = [g for g in groups[-2:][::-1] if any(x.label for x in g)]
        if above and abs(_last_label(above[0]).label[-1].x0 - line.label[-1].x0) <= em:
            above = above[:1]
        carried = next((g for g in above if _goes_on(_last_label(g), line, edge, em)), None)
        if carried is not None:
            carried.append(line)
        else:
            groups.append([line])
    return [g for i, g in enumerate(groups) if i not in unsure]


def _open(group: list[_Line[G]]) -> bool:
    return any(line.label for line in group) and not any(line.values for line in group)


def _last_label(group: list[_Line[G]]) -> _Line[G]:
    return next(line for line in reversed(group) if line.label)


def _same_column(a: list[_Line[G]], b: list[_Line[G]], em: float) -> bool:
    return abs(_last_label(a).label[-1].x0 - _last_label(b).label[-1].x0) <= em


def _goes_on(previous: _Line[G], line: _Line[G], edge: float, em: float) -> bool:
    """Whether `line` carries on the label of `previous` (wrapped at the label column's edge)."""
    last = previous.label[-1]
    own = line.label[-1]
    return (
        last.x1 >= edge - _FULL * em
        and abs(own.x0 - last.x0) <= em
        and not _NUMBERED.match(own.text)
        and not (previous.values and line.values)  # two rows of numbers are two rows
    )


def _label_cells(group: list[_Line[G]]) -> list[list[G]]:
    """The row's label cells: the first label line's pieces, its wrapped lines added to the
    last of them (what a wrapped line prints left of it, a merged group label, is left out)."""
    labelled = [line for line in group if line.label]
    if not labelled:
        return []
    cells = [list(p.chars) for p in labelled[0].label]
    start = labelled[0].label[-1].x0
    for line in labelled[1:]:
        cells[-1].extend(c for p in line.label if p.x1 > start for c in p.chars)
    return cells
