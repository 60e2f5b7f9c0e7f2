"""Table 2 (主动公开政府信息情况): its rows by label, their cells by the block's fields; a glued
row settled by what the report's own text states; rows printed without numbers read blank."""

from __future__ import annotations

import re

from xxgk.report.edition import Edition, ProactiveBlock, ProactiveRow
from xxgk.report.normalise import key, label_key
from xxgk.report.read import labels as lab
from xxgk.report.read.cells import Read, blank, candidates
from xxgk.report.read.reading import BLANK_SHARE, KIND, Reading, blank_table
from xxgk.report.read.split import Segment
from xxgk.report.read.stream import Stream, ValueRow

_PROACTIVE_WINDOW = 40
_INSTRUCTIONS = 30  # printed instructions allowed after a row label (（设区的市…应提供…）)


def read_proactive(stream: Stream, reading: Reading, before: int) -> bool:
    """Read table 2 from the value rows before table 3 (`before`); False when it is not there."""
    ed = reading.edition
    found = _find_rows(stream, ed, before)
    region = _region(stream, ed, before)
    if not found:
        labels = [label_key(r.label.text) for _, r in ed.proactive_rows]
        if not region or sum(1 for k in labels if k in region) < BLANK_SHARE * len(labels):
            return False
        blank_table(reading, "proactive")
        return True
    for block, prow in ed.proactive_rows:
        printed = found.get(prow.key)
        if printed is None:
            # a row label printed with no number after it: its cells were left blank
            if any(label_key(t) in region for t in prow.label.all):
                for fld in block.fields:
                    reading.put(f"proactive.{prow.key}.{fld.key}", blank(KIND[fld.kind]))
            continue
        kinds = tuple(KIND[f.kind] for f in block.fields)
        units = [f.unit or "元" for f in block.fields]
        readings = candidates(printed, [Segment(kinds)], units, limit=_MAX_PROSE_READINGS)
        if 1 < len(readings) < _MAX_PROSE_READINGS:
            readings = _confirmed_by_prose(readings, block, prow, stream)
        cells = [f"proactive.{prow.key}.{fld.key}" for fld in block.fields]
        if len(readings) == 1:
            reading.put_row(cells, readings[0])
            continue
        reading.unread(cells, printed)
        if 1 < len(readings) < _MAX_PROSE_READINGS and all(readings):
            reading.open_row(cells, readings)  # every split that fits: other years may settle it
    return True


def _find_rows(stream: Stream, ed: Edition, before: int) -> dict[str, ValueRow]:
    """Table 2's rows by key: the last value row before table 3 whose label text ends with the
    row's label (printed instructions after it allowed)."""
    index = lab.proactive_index(ed)
    found: dict[str, ValueRow] = {}
    for row in stream.rows[:before]:
        m = index.find_in_tail(row.label, _PROACTIVE_WINDOW) if row.label else None
        if m is None:
            continue
        tail = row.label[-_PROACTIVE_WINDOW:]
        ends = [tail.rfind(label_key(t)) + len(label_key(t)) for t in _labels_of(ed, m.target)]
        if len(tail) - max(ends) <= _INSTRUCTIONS:
            found[m.target] = row
    return found


def _region(stream: Stream, ed: Edition, before: int) -> str:
    """The text printed from table 2's first caption (第二十条…) to table 3, or ""."""
    region = "".join(r.label for r in stream.rows[:before])
    if before >= len(stream.rows):
        region += stream.tail
    caption = label_key(ed.proactive[0].caption.text)[:4]  # 第二十条
    return region[region.find(caption) :] if caption in region else ""


_MAX_PROSE_READINGS = 200
_CLAUSE = re.compile(r"[。；;，,\n]")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_FIELD_WORD = re.compile(r"^本年|(?:件数|数量)$")


def _confirmed_by_prose(
    readings: list[list[Read]], block: ProactiveBlock, prow: ProactiveRow, stream: Stream
) -> list[list[Read]]:
    """Readings of a glued table-2 row that agree with what the report's own text states
    (``现行有效行政规范性文件698件`` states 现行有效件数 = 698): kept when the text states at
    least one of the row's cells; a statement no reading agrees with leaves none."""
    names = [label_key(t) for t in prow.label.all]
    stated: dict[int, int] = {}
    for k, number in _statements(stream):
        if not any(n in k for n in names):
            continue
        for i, fld in enumerate(block.fields):
            word = _FIELD_WORD.sub("", label_key(fld.label.text))
            if word and word in k:
                stated[i] = number
    if not stated:
        return readings
    return [r for r in readings if all(r[i].value == v for i, v in stated.items())]


def _statements(stream: Stream) -> list[tuple[str, int]]:
    """Clauses of the text that state one whole number: (key, number), computed once."""
    if stream.statements is None:
        found = []
        for clause in _CLAUSE.split(stream.text):
            numbers = _NUMBER.findall(clause)
            if len(numbers) == 1 and "." not in numbers[0]:
                found.append((key(clause), int(numbers[0])))
        stream.statements = found
    return stream.statements


def _labels_of(ed: Edition, row_key: str) -> tuple[str, ...]:
    return next(r.label.all for _, r in ed.proactive_rows if r.key == row_key)
