"""Turn one value row's printed chunks into the cells a table row expects.

A row printed cell by cell is read as printed. A row whose cells were glued together (flattened
scraper text) is split by `split.solve` — respecting printed spaces first, then ignoring them —
and taken only when exactly one split fits; its cells are marked `inferred`. Anything else is
unreadable (None): we never guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from xxgk.report.normalise import UNREADABLE, CellValue, is_blank, parse_count, parse_money
from xxgk.report.read.split import Segment, solve
from xxgk.report.read.stream import Chunk, ValueRow


@dataclass(slots=True)
class Read:
    """One cell as read: value (None: unreadable), the printed text and how it was read."""

    value: int | Decimal | None
    text: str
    chunk: Chunk | None
    blank: bool = False
    inferred: bool = False


def zero(kind: str) -> int | Decimal:
    """0 as a cell of `kind` holds it: a money cell's a `Decimal`, as `parse_money` reads it
    (the JSON writes money as a string)."""
    return Decimal(0) if kind == "money" else 0


def blank(kind: str, chunk: Chunk | None = None) -> Read:
    """A cell printed empty: it reads 0."""
    return Read(zero(kind), "", chunk, blank=True)


def _parse(text: str, kind: str, unit: str) -> CellValue:
    if kind != "money" and text.isdigit() and text.isascii():
        return CellValue(int(text))  # the common cell: parse_count's own first case
    if kind == "money":
        return parse_money(text, unit)
    value = parse_count(text)
    if kind == "count" and value.value is not None and value.value < 0:
        return value  # printed negative; the checks report it
    return value


def resolve(row: ValueRow, segments: list[Segment], units: list[str]) -> list[Read] | None:
    """The row's cells, or None when the printed chunks cannot be split into them uniquely."""
    found = candidates(row, segments, units, limit=2)
    return found[0] if len(found) == 1 else None


def candidates(
    row: ValueRow, segments: list[Segment], units: list[str], *, limit: int
) -> list[list[Read]]:
    """Every reading of the row's cells (at most `limit`; `limit` found means "maybe more").

    Printed separately: one reading. Glued: each split that fits the row's arithmetic, cells
    marked inferred. None fits, or the row holds more values than cells: no reading.
    """
    kinds: Sequence[str] = (
        segments[0].kinds if len(segments) == 1 else [k for s in segments for k in s.kinds]
    )
    n = len(kinds)
    chunks = row.chunks
    # spacer / merged cells printed after the row's own cells
    while len(chunks) > n and chunks[-1].cell and is_blank(chunks[-1].text):
        chunks = chunks[:-1]
    pieces: list[tuple[str, Chunk]] = []
    for c in chunks:
        if c.cell:
            pieces.append((c.text, c))
        else:
            pieces.extend((p, c) for p in c.text.split())
    if len(pieces) == n:
        out = []
        for (text, chunk), kind, unit in zip(pieces, kinds, units, strict=True):
            if kind != "money" and text.isdigit() and text.isascii():
                out.append(Read(int(text), text, chunk))  # the common cell, as _parse reads it
                continue
            if text == UNREADABLE:  # xxgk's own render of a cell it could not read
                out.append(Read(None, text, chunk))
                continue
            v = _parse(text, kind, unit)
            if v.value is None:
                return []
            out.append(Read(v.value, text, chunk, blank=v.blank))
        return [out]
    if len(pieces) > n or any(c.cell for c in chunks) or not pieces:
        return []
    texts = [p for p, _ in pieces]
    run = "".join(texts)
    if run.isdigit() and len(run) == n:
        # one digit per cell: the only split there is, whatever the arithmetic says
        return [_inferred(list(run), _owners(pieces), kinds, units) or []]
    if run and set(run) == {"0"} and len(run) < n:
        # fewer zeros than cells: whichever cells were left blank, every cell reads 0
        zeros = [
            Read(zero(kind), "0" if i < len(run) else "", pieces[0][1], inferred=True)
            for i, kind in enumerate(kinds)
        ]
        return [zeros]
    for respect in (True, False):
        found = solve(texts, segments, respect_spaces=respect, limit=limit)
        if found:
            owners = _owners(pieces)
            reads = [_inferred(parts, owners, kinds, units) for parts in found if parts]
            done = [r for r in reads if r is not None]
            return done + [[]] * (len(found) - len(done)) if len(found) >= limit else done
    return []


def positions(row: ValueRow) -> list[tuple[str, Chunk, int]] | None:
    """The row's values with the column each ends at in its line — laid-out text only (every
    value separated by spaces, its line known)."""
    out = []
    for c in row.chunks:
        if c.cell or c.start is None or c.token.row is None:
            return None
        for m in _WORD.finditer(c.text):
            out.append((m.group(0), c, c.start + m.end()))
    return out


def by_position(
    row: ValueRow, columns: list[float], kinds: list[str], units: list[str]
) -> list[Read] | None:
    """A laid-out row with cells left empty: each printed value goes to the column whose
    right edge (from the table's complete rows) it ends at; the other cells are blank."""
    placed = positions(row)
    if not placed or len(placed) >= len(columns):
        return None
    out: list[Read | None] = [None] * len(columns)
    last = -1
    for text, chunk, end in placed:
        j = min(range(len(columns)), key=lambda i: abs(columns[i] - end))
        if abs(columns[j] - end) > _ALIGN or j <= last:
            return None
        v = _parse(text, kinds[j], units[j])
        if v.value is None:
            return None
        out[j] = Read(v.value, text, chunk, blank=v.blank)
        last = j
    anchor = placed[0][1]
    return [r if r is not None else blank(kinds[i], anchor) for i, r in enumerate(out)]


_WORD = re.compile(r"\S+")
_ALIGN = 2.5  # characters a value's right edge may stray from its column's


def _owners(pieces: list[tuple[str, Chunk]]) -> list[Chunk]:
    """The chunk each character of the concatenated pieces was printed in."""
    owners: list[Chunk] = []
    for text, chunk in pieces:
        owners.extend([chunk] * len(text))
    return owners


def _inferred(
    parts: list[str], owners: list[Chunk], kinds: Sequence[str], units: list[str]
) -> list[Read] | None:
    out = []
    pos = 0
    for part, kind, unit in zip(parts, kinds, units, strict=True):
        v = _parse(part, kind, unit)
        if v.value is None:
            return None
        out.append(Read(v.value, part, owners[pos], inferred=True))
        pos += len(part)
    return out
