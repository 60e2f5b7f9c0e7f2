"""Split a run of glued digits back into a row's cells, by the row's own arithmetic.

Scraped pages sometimes print a row as one run: ``713000074`` is 71, 3, 0, 0, 0, 0, 74 because
总计 (the last cell) must be the sum of the six before it. A row is a sequence of segments;
a `summed` segment's last cell is the sum of its other cells (table 3: one segment of 7;
table 4: three of 5), an unsummed one has no arithmetic (table 2). A number never starts with
a 0 unless it is 0. We enumerate every split that fits and return at most two: the caller takes
a split only when it is the only one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_COUNT = re.compile(r"^(?:0|[1-9]\d*)$")
_SIGNED = re.compile(r"^[+-]?(?:0|[1-9]\d*)$")
_MONEY = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|元)?$")
_PATTERNS = {"count": _COUNT, "signed": _SIGNED, "money": _MONEY}
_BUDGET = 20_000  # enumeration steps before a run is declared ambiguous
_MAX_COUNT_DIGITS = 9  # no count in an annual report reaches a billion


@dataclass(frozen=True)
class Segment:
    kinds: tuple[str, ...]  # "count", "signed" or "money" per cell
    summed: bool = False  # the last cell is the sum of the others


class _Budget(Exception):
    pass


def solve(
    chunks: list[str], segments: list[Segment], *, respect_spaces: bool, limit: int = 2
) -> list[list[str]]:
    """Up to `limit` splits of the chunks into the segments' cells (as printed texts).

    With `respect_spaces`, a cell never spans two chunks (a printed space is a cell border).
    """
    text = "".join(chunks)
    cuts: set[int] = set()
    if respect_spaces:
        pos = 0
        for c in chunks[:-1]:
            pos += len(c)
            cuts.add(pos)
    # a sign always starts a new cell
    for i, ch in enumerate(text):
        if ch in "+-" and i > 0:
            cuts.add(i)
    kinds = [k for seg in segments for k in seg.kinds]
    found: list[list[str]] = []
    steps = [0]
    try:
        for parts in _parts(text, 0, kinds, 0, cuts, steps):
            if _fits(parts, segments):
                found.append(parts)
                if len(found) >= limit:
                    break
    except _Budget:
        return found + [[]] * (limit - len(found))  # too many ways: ambiguous
    return found


def _parts(
    text: str, start: int, kinds: list[str], i: int, cuts: set[int], steps: list[int]
) -> Iterator[list[str]]:
    steps[0] += 1
    if steps[0] > _BUDGET:
        raise _Budget
    left = len(kinds) - i
    if left == 0:
        if start == len(text):
            yield []
        return
    pattern = _PATTERNS[kinds[i]]
    last = len(text) - (left - 1)
    if kinds[i] != "money":
        last = min(last, start + _MAX_COUNT_DIGITS + 1)
    for end in range(start + 1, last + 1):
        part = text[start:end]
        if not pattern.match(part):
            if part[0] == "0" and kinds[i] != "money":
                break  # a leading zero: longer parts fail too
            continue
        if any(start < c < end for c in cuts):
            break
        if left == 1 and end != len(text):
            continue
        for rest in _parts(text, end, kinds, i + 1, cuts, steps):
            yield [part, *rest]


def _fits(parts: list[str], segments: list[Segment]) -> bool:
    pos = 0
    for seg in segments:
        cells = parts[pos : pos + len(seg.kinds)]
        pos += len(seg.kinds)
        if seg.summed:
            values = [int(c) for c in cells]
            if sum(values[:-1]) != values[-1]:
                return False
    return True
