"""Table 4 (行政复议、行政诉讼): fifteen cells under its merged header, in three groups whose
总计 is the sum of the other four."""

from __future__ import annotations

from functools import cache

from xxgk.report import editions
from xxgk.report.edition import Edition
from xxgk.report.normalise import label_key
from xxgk.report.read.cells import resolve
from xxgk.report.read.reading import BLANK_SHARE, Reading
from xxgk.report.read.split import Segment
from xxgk.report.read.stream import Stream, ValueRow


@cache
def _group_words(edition_key: str) -> tuple[str, ...]:
    """The words that open table 4: its top header row and its groups (行政复议, 行政诉讼 …)."""
    ed = editions.get(edition_key)
    texts = {cell.text for cell in ed.appeal_header[0]}
    texts |= {t for g in ed.appeal_groups for t in g.label.all}
    return tuple(label_key(t) for t in texts)


@cache
def _header_words(edition_key: str) -> tuple[str, ...]:
    """Every word of table 4's merged header (its groups, columns, 行政诉讼), longest first."""
    ed = editions.get(edition_key)
    texts = {cell.text for row in ed.appeal_header for cell in row}
    texts |= {t for c in (*ed.appeal_groups, *ed.appeal_columns) for t in c.label.all}
    return tuple(sorted({label_key(t) for t in texts}, key=len, reverse=True))


def read_appeals(stream: Stream, reading: Reading, after: int) -> bool:
    """Read table 4 from the value rows after table 3 (`after`); False when it is not there."""
    ed = reading.edition
    rows = stream.rows[after + 1 :]
    opening = _group_words(ed.key)
    words = _header_words(ed.key)
    start = next((i for i, r in enumerate(rows) if any(h in r.label for h in opening)), None)
    if start is None:
        return False
    # the empty cells of the merged header rows are not the table's numbers
    while start < len(rows) and rows[start].all_blank:
        if start + 1 < len(rows) and not _header_only(rows[start + 1].label, words):
            return False
        start += 1
    if start >= len(rows):
        return False
    n = len(ed.appeal_groups) * len(ed.appeal_columns)
    group = [rows[start]]
    count = _count(rows[start])
    for row in rows[start + 1 :]:
        if count >= n or (row.label and not _header_only(row.label, words)):
            break
        if not row.all_blank:
            group.append(row)
            count += _count(row)
    merged = ValueRow(group[0].label, group[0].strong, [c for r in group for c in r.chunks])
    segments = [Segment(("count",) * len(ed.appeal_columns), summed=True) for _ in ed.appeal_groups]
    reads = resolve(merged, segments, ["元"] * n)
    if reads is None:
        reading.unread([c for c in ed.cells if c.startswith("appeals.")], merged)
        return True
    cells = [f"appeals.{g.key}.{c.key}" for g in ed.appeal_groups for c in ed.appeal_columns]
    reading.put_row(cells, reads)
    return True


def _header_only(label: str, words: tuple[str, ...]) -> bool:
    """Text made of table 4's own header words (a table split per group repeats them)."""
    for w in words:
        label = label.replace(w, "")
    return len(label) <= 2


def _count(row: ValueRow) -> int:
    return sum(1 if c.cell else len(c.text.split()) for c in row.chunks)


def blank_appeals(stream: Stream, after: int, ed: Edition) -> bool:
    """Table 4's header printed after table 3 and no number under it."""
    text = "".join(r.label for r in stream.rows[after + 1 :]) + stream.tail
    if any(
        r.chunks
        for r in stream.rows[after + 1 :]
        if any(h in r.label for h in _group_words(ed.key))
    ):
        return False
    words = [label_key(c.label.text) for c in (*ed.appeal_groups, *ed.appeal_columns)]
    return sum(1 for w in words if w in text) >= BLANK_SHARE * len(words)
