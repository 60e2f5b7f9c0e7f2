"""Table rows with blank cells, cut into cells by the borders the PDF draws.

A report that leaves zeros blank prints rows like ``（一）予以公开 … 5 … 5``: laid out as
text, nothing says which columns the two numbers stand in. Where the page draws its table, the
borders do: a row is the band between two horizontal borders that reach its last cell (a
border under a merged label cell alone does not end the row), its cells the spans between the
vertical borders that cross the whole band, and each character belongs to the span holding its
middle. Only rows that need it are cut — a value cell left empty — so that a row printing every
cell reads as laid-out text as before. The cells right of the last text cell are the row's
values; the text cells before them its label.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from typing import Protocol, TypeVar

from xxgk.report.read.pdfrules import Rule, Rules

# A printed value: a count, an amount, or the dash or 无 put in an empty cell.
_VALUE = re.compile(r"[+\-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?|[—\-－/／无]+")
_SLACK = 1.5  # pt: a border reaching this close to a band's edge crosses it
_WIDE = 2.0  # a span this many times a value column's width is a label's
_MIN_VALUES = 2  # value cells a table row has at least (table 2's 采购 block has two)


class Glyph(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def y(self) -> float: ...


G = TypeVar("G", bound=Glyph)
CellRow = tuple[float, list[list[G]]]  # the band's top baseline; each cell's characters


def cell_rows(chars: Sequence[G], rules: Rules, em: float) -> tuple[list[CellRow[G]], list[G]]:
    """The ruled table rows with an empty value cell, cut into cells (label cells that print
    nothing are left out, value cells never); and the characters of every other line."""
    levels: dict[float, list[Rule]] = {}
    for r in rules.horizontal:
        levels.setdefault(round(r.at, 1), []).append(r)
    ys = sorted(levels, reverse=True)
    rows: list[CellRow[G]] = []
    taken: set[int] = set()
    top = ys[0] if ys else 0.0
    for bottom in ys[1:]:
        xs = _crossing(rules, top, bottom, em)
        if len(xs) > _MIN_VALUES and not _reaches(levels[bottom], (xs[-2] + xs[-1]) / 2):
            continue  # a border under a label cell only: the table row goes on below it
        inside = [
            c
            for c in chars
            if bottom < c.y + em / 4 < top and xs and xs[0] <= (c.x0 + c.x1) / 2 <= xs[-1]
        ]
        cells = _cells(inside, xs, em) if len(xs) > _MIN_VALUES else None
        if cells is not None:
            rows.append((max(c.y for c in inside), cells))
            taken.update(id(c) for c in inside)
        top = bottom
    return rows, [c for c in chars if id(c) not in taken]


def _reaches(rules: list[Rule], x: float) -> bool:
    return any(r.low - _SLACK <= x <= r.high + _SLACK for r in rules)


def _crossing(rules: Rules, top: float, bottom: float, em: float) -> list[float]:
    """The x of each vertical border that crosses the band from top to bottom; borders
    closer than half an em (two cells' own borders, apart by their spacing) are one."""
    xs = sorted(r.at for r in rules.vertical if r.low <= bottom + _SLACK and r.high >= top - _SLACK)
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > em / 2:
            out.append(x)
    return out


def _cells(inside: list[G], xs: list[float], em: float) -> list[list[G]] | None:
    """The band's cells when it is a table row with a value cell left empty, else None."""
    if not inside:
        return None
    spans: list[list[G]] = [[] for _ in range(len(xs) - 1)]
    for c in inside:
        middle = (c.x0 + c.x1) / 2
        j = next(j for j in range(len(spans)) if middle <= xs[j + 1] or j == len(spans) - 1)
        spans[j].append(c)
    texts = ["".join(c.text for c in sorted(s, key=lambda c: (-c.y, c.x0))) for s in spans]
    is_value = [not t or _VALUE.fullmatch(t) is not None for t in texts]
    first = max((j for j, v in enumerate(is_value) if not v), default=-1) + 1
    widths = [b - a for a, b in itertools.pairwise(xs)]
    if first < len(spans):
        usual = statistics.median(widths[first:])
        # a label's cell spans a border drawn for the rows above it (（七）总计 under the
        # sub-label column): an empty span far wider than the value columns is still label
        while first < len(spans) - 1 and not spans[first] and widths[first] > _WIDE * usual:
            first += 1
    values = spans[first:]
    if len(values) < _MIN_VALUES or all(values) or not _one_value_each(values, em):
        return None
    labels = [s for s in spans[:first] if s]
    return [*labels, *values]


def _one_value_each(values: list[list[G]], em: float) -> bool:
    """No value cell holds two numbers apart (a border the page did not draw)."""
    for cell in values:
        ordered = sorted(cell, key=lambda c: c.x0)
        if any(b.x0 - a.x1 > em for a, b in itertools.pairwise(ordered)):
            return False
    return True
