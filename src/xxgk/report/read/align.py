"""Place table 3's value rows on the edition's rows, in printed order.

Each value row may carry a label match: strong (printed in the same table row), weak (text
printed somewhere before it, e.g. a converter that moved labels away from their numbers) or
none. Rows are assigned by a monotone alignment (dynamic programming) that agrees with every
strong label, follows weak ones where they fit, and fills unlabelled rows in printed order.
An unlabelled row is kept only where the alignment is forced: the edition rows between its
two confident neighbours are exactly the unlabelled rows between them. Otherwise those edition
rows stay unread.
"""

from __future__ import annotations

from dataclasses import dataclass

_NEG = -1e9


@dataclass(frozen=True)
class Candidate:
    target: str | None  # a row key, or None when no label was recognised
    strong: bool
    droppable: bool  # no values worth keeping (blank, too short) or an extra row


def align(cands: list[Candidate], rows: list[str]) -> dict[int, int]:
    """Value row index -> edition row index."""
    n, m = len(cands), len(rows)
    direct = _in_order(cands, rows)
    if direct is not None:
        return direct

    def match(i: int, j: int) -> float:
        c = cands[i]
        if c.target == rows[j]:
            return 3.0 if c.strong else 2.0
        if c.target is None:
            return 1.0 if not c.droppable else _NEG
        return 0.0 if not c.strong else _NEG

    def drop(i: int) -> float:
        c = cands[i]
        if c.droppable:
            return 0.0
        if c.target is not None and c.strong:
            return -10.0
        return -2.0

    f = [[_NEG] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]
    f[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, how = _NEG, 0
            if i and j and f[i - 1][j - 1] > _NEG:
                s = f[i - 1][j - 1] + match(i - 1, j - 1)
                if s > best:
                    best, how = s, 1
            if i and f[i - 1][j] > _NEG:
                s = f[i - 1][j] + drop(i - 1)
                if s > best:
                    best, how = s, 2
            if j and f[i][j - 1] > _NEG:
                s = f[i][j - 1] - 1.0
                if s > best:
                    best, how = s, 3
            f[i][j], back[i][j] = best, how
    pairs: dict[int, int] = {}
    i, j = n, m
    while i or j:
        how = back[i][j]
        if how == 1:
            pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif how == 2:
            i -= 1
        else:
            j -= 1
    return _forced_only(pairs, cands, rows)


def _in_order(cands: list[Candidate], rows: list[str]) -> dict[int, int] | None:
    """The common case without alignment: every kept row labelled, in the edition's order."""
    position = {r: j for j, r in enumerate(rows)}
    pairs: dict[int, int] = {}
    last = -1
    for i, c in enumerate(cands):
        if c.droppable and c.target is None:
            continue
        j = position.get(c.target) if c.target is not None else None
        if j is None or j <= last or not c.strong:
            return None
        pairs[i] = j
        last = j
    return pairs


def _forced_only(pairs: dict[int, int], cands: list[Candidate], rows: list[str]) -> dict[int, int]:
    """Drop guessed placements: a run of unconfirmed rows must exactly fill its gap."""
    m = len(rows)
    confirmed = {i for i, j in pairs.items() if cands[i].target == rows[j]}
    keep = dict(pairs)
    ordered = sorted(pairs)
    run: list[int] = []
    prev_j = -1
    for i in [*ordered, None]:
        if i is not None and i not in confirmed:
            run.append(i)
            continue
        next_j = pairs[i] if i is not None else m
        if run:
            gap = next_j - prev_j - 1
            if gap != len(run):
                for r in run:
                    keep.pop(r, None)
            run = []
        if i is not None:
            prev_j = pairs[i]
    return keep
