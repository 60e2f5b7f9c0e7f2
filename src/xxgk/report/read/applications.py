"""Table 3 (收到和处理政府信息公开申请情况): find its rows among the value rows, place rows a
converter separated from their labels, read each row's seven cells, and settle glued rows by
the table's own arithmetic."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import replace
from functools import cache

from xxgk.report import editions
from xxgk.report.edition import Edition, EqualityRule
from xxgk.report.model import Value
from xxgk.report.normalise import UNREADABLE, clean, key, label_key
from xxgk.report.read import align as aligner
from xxgk.report.read import labels as lab
from xxgk.report.read.cells import Read, by_position, candidates, positions
from xxgk.report.read.reading import BLANK_SHARE, Reading
from xxgk.report.read.split import Segment
from xxgk.report.read.stream import Stream, ValueRow


def read_applications(stream: Stream, reading: Reading) -> tuple[int, int] | None:
    """Read table 3; the (first, last) value-row indexes it spans, or None when absent."""
    ed = reading.edition
    found = _find_rows(stream, ed)
    if found is None:
        return None
    targets, first, last = found
    seq = [r.key for r in ed.application_rows]
    if any(targets[i] == lab.SINGLE_OTHER for i in range(first, last + 1)):
        others = _collapsed_rows(ed)
        at = seq.index(others[0])
        seq = [k for k in seq if k not in others]
        seq.insert(at, lab.SINGLE_OTHER)
    picked, cands = _candidates(stream, reading, targets, first, last)
    pairs = aligner.align(cands, seq)
    _read_rows(stream, reading, {picked[ci]: seq[ej] for ci, ej in pairs.items()}, first)
    return first, last


def _find_rows(stream: Stream, ed: Edition) -> tuple[list[str | None], int, int] | None:
    """Each value row's label match, and the first and last row of the table."""
    index = lab.application_index(ed)
    row_keys = [r.key for r in ed.application_rows]
    wanted = {*row_keys, lab.SINGLE_OTHER}
    # exact matches first (cheap); tolerant ones only inside the table they delimit
    targets = [_target(index.match(r.label, tolerant=False)) for r in stream.rows]
    data = [i for i, t in enumerate(targets) if t in wanted]
    span = range(len(stream.rows))
    if data:
        lo = next((i for i in data if targets[i] == row_keys[0]), data[0])
        hi = next((i for i in data if i > lo and targets[i] == row_keys[-1]), span[-1])
        span = range(lo, hi + 1)
    for i in span:
        if targets[i] is None and stream.rows[i].label:
            targets[i] = _target(index.match(stream.rows[i].label))
    data = [i for i, t in enumerate(targets) if t in wanted]
    if not data:
        return None
    # prose before the table may name a row in passing (“其他处理14件”): the table starts at
    # its first row when that row is printed
    first = next((i for i in data if targets[i] == row_keys[0]), data[0])
    data = [i for i in data if i >= first]
    last = next((i for i in data if targets[i] == row_keys[-1]), data[-1])
    return targets, first, last


def _candidates(
    stream: Stream, reading: Reading, targets: list[str | None], first: int, last: int
) -> tuple[list[int], list[aligner.Candidate]]:
    """The value rows of the table, as candidates for the alignment; extra rows reported."""
    ed = reading.edition
    index = lab.application_index(ed)
    row_keys = {r.key for r in ed.application_rows}
    picked: list[int] = []
    cands: list[aligner.Candidate] = []
    for i in range(first, last + 1):
        row = stream.rows[i]
        target = targets[i]
        if row.all_blank and target not in row_keys:
            continue  # spacer cells of merged headers
        extra = target is not None and target.startswith(lab.GROUP)
        unknown = target is None and row.strong and bool(row.label) and i != first
        if extra or (unknown and not index.resembles(row.label)):
            _extra_row(reading, row)
            cands.append(aligner.Candidate(None, True, True))
        else:
            too_short = _too_short(row, len(ed.columns))
            cands.append(aligner.Candidate(target, row.strong and bool(row.label), too_short))
        picked.append(i)
    return picked, cands


def _read_rows(stream: Stream, reading: Reading, placed: dict[int, str], first: int) -> None:
    """Read each placed row's seven cells: as printed, by header, by column position, by the
    row's arithmetic, and — for glued rows with several readings — by the columns' rules."""
    ed = reading.edition
    segments = [Segment(("count",) * len(ed.columns), summed=True)]
    kinds = list(segments[0].kinds)
    units = ["元"] * len(kinds)  # counts have no unit; the parser wants one per cell
    header = _column_header(stream, ed, stream.rows[first])
    columns: dict[int | None, list[float]] | None = None  # worked out when a row needs them
    open_rows: dict[str, list[list[Read]]] = {}
    for i, name in placed.items():
        row = stream.rows[i]
        found = candidates(_by_header(row, header), segments, units, limit=_MAX_READINGS)
        if not found and columns is None:
            columns = _laid_out_columns([stream.rows[j] for j in placed], len(kinds))
        if not found and columns is not None and row.token.page in columns:
            by_column = by_position(row, columns[row.token.page], kinds, units)
            found = [by_column] if by_column else []
        if len(found) != 1:
            if 1 < len(found) < _MAX_READINGS:
                open_rows[name] = found
            continue
        if name == lab.SINGLE_OTHER:
            _single_other(reading, found[0])
        else:
            _put_application_row(reading, name, found[0])
    if open_rows:
        _settle_by_columns(reading, open_rows)
    for i, name in placed.items():
        if name != lab.SINGLE_OTHER:
            reading.unread(_row_cells(ed, name), stream.rows[i])


def _laid_out_columns(rows: list[ValueRow], n: int) -> dict[int | None, list[float]]:
    """For laid-out text: the right edge of each column, page by page, from the rows that
    print every cell (the middle value of each column, so one stray row does not move it)."""
    ends: dict[int | None, list[list[int]]] = {}
    for row in rows:
        placed = positions(row)
        if placed and len(placed) == n:
            ends.setdefault(row.token.page, []).append([e for _, _, e in placed])
    return {
        page: [float(statistics.median(col)) for col in zip(*found, strict=True)]
        for page, found in ends.items()
        if len(found) >= _MIN_COMPLETE_ROWS
    }


_MIN_COMPLETE_ROWS = 3


def _column_header(stream: Stream, ed: Edition, first: ValueRow) -> list[int] | None:
    """The grid columns of table 3's seven columns, from the header printed above its first
    row (grid forms only): the values are then taken by header, not by position."""
    token = first.chunks[0].token
    if token.table is None or token.row is None:
        return None
    wanted = {label_key(t): i for i, c in enumerate(ed.columns) for t in c.label.all}
    cols: list[int | None] = [None] * len(ed.columns)
    for t in stream.header_tokens(token.table, token.row):
        i = wanted.get(key(clean(t.text)))
        if i is not None and cols[i] is None and t.col is not None:
            cols[i] = t.col
    if any(c is None for c in cols) or len(set(cols)) != len(cols):
        return None
    return [c for c in cols if c is not None]


def _by_header(row: ValueRow, header: list[int] | None) -> ValueRow:
    """The row's cells in the edition's column order, found under their headers' columns;
    cells under no header (a 法人小计 column a province adds) are left out."""
    if header is None:
        return row
    at = {}
    for c in row.chunks:
        if not c.cell or c.token.col is None:
            return row
        at[c.token.col] = c
    chunks = []
    for col in header:
        chunk = at.get(col)
        if chunk is None:
            return row
        chunks.append(chunk)
    return ValueRow(row.label, row.strong, chunks, row.index)


# A glued row with more readings than this is left unread rather than searched.
_MAX_READINGS = 12
_MAX_COMBINATIONS = 5000
_COLUMN_RULES = ("applications.balance.", "applications.outcomes.")


def _settle_by_columns(reading: Reading, open_rows: dict[str, list[list[Read]]]) -> None:
    """Glued rows with several readings that each fit the row: keep the one combination that
    also fits the table's column rules (balance, outcomes), when exactly one does."""
    ed = reading.edition
    names = [n for n in open_rows if n != lab.SINGLE_OTHER]
    if len(names) != len(open_rows):
        return
    combos = 1
    for n in names:
        combos *= len(open_rows[n])
    if combos > _MAX_COMBINATIONS:
        return
    cols = [c.key for c in ed.columns]
    open_cells = {f"applications.{n}.{c}" for n in names for c in cols}
    rules = [
        r
        for r in ed.rules
        if isinstance(r, EqualityRule)
        and r.id.startswith(_COLUMN_RULES)
        and any(t.cell in open_cells for t in r.terms)
    ]
    if any(
        reading.cells[t.cell] is None for r in rules for t in r.terms if t.cell not in open_cells
    ):
        return  # a rule with an unread cell cannot tell readings apart
    fitting = []
    for combo in itertools.product(*(open_rows[n] for n in names)):
        values = dict(reading.cells)
        for n, reads in zip(names, combo, strict=True):
            for c, read in zip(cols, reads, strict=True):
                values[f"applications.{n}.{c}"] = read.value
        if all(_holds(r, values) for r in rules):
            fitting.append(combo)
            if len(fitting) > 1:
                return
    if len(fitting) == 1:
        for n, reads in zip(names, fitting[0], strict=True):
            _put_application_row(reading, n, reads)


def _holds(rule: EqualityRule, values: dict[str, Value]) -> bool:
    left = sum(t.sign * values[t.cell] for t in rule.left)  # type: ignore[operator,misc]
    right = sum(t.sign * values[t.cell] for t in rule.right)  # type: ignore[operator,misc]
    return bool(left == right)


def _target(match: lab.Match | None) -> str | None:
    return match.target if match else None


def _too_short(row: ValueRow, n: int) -> bool:
    """Fewer digits than cells: a stray number, not a row."""
    if any(c.cell for c in row.chunks):
        return not any(c.text for c in row.chunks)
    digits = sum(sum(map(str.isdigit, c.text)) + c.text.count(UNREADABLE) for c in row.chunks)
    return digits < n


def _put_application_row(reading: Reading, row_key: str, reads: list[Read]) -> None:
    cells = _row_cells(reading.edition, row_key)
    reading.put_row(cells, reads)
    total = reads[-1]
    if total.blank and not total.inferred:
        parts = [r.value for r in reads[:-1]]
        if all(isinstance(v, int) for v in parts):
            derived = Read(sum(parts), total.text, total.chunk, blank=True)  # type: ignore[arg-type]
            reading.put(cells[-1], derived, derived=True)


def _row_cells(ed: Edition, row_key: str) -> tuple[str, ...]:
    """The cell names of a table-3 row, column by column (named once per edition and row)."""
    return _row_cell_names(ed.key, row_key)


@cache
def _row_cell_names(edition_key: str, row_key: str) -> tuple[str, ...]:
    return tuple(f"applications.{row_key}.{c.key}" for c in editions.get(edition_key).columns)


def _collapsed_rows(ed: Edition) -> list[str]:
    group = lab.collapsed_group(ed)
    return [r.key for r in ed.application_rows if group is not None and group in r.groups]


def _single_other(reading: Reading, reads: list[Read]) -> None:
    """The older one-row （六）: its numbers go to the group's last row (其他), the other rows
    of the group read 0, derived from that printed row."""
    ed = reading.edition
    others = _collapsed_rows(ed)
    target = others[-1]
    _put_application_row(reading, target, reads)
    zero = replace(reads[0], value=0, text="", blank=False, inferred=False)
    for row_key in others[:-1]:
        for col in ed.columns:
            reading.put(f"applications.{row_key}.{col.key}", zero, derived=True)
    group = lab.collapsed_group(ed)
    printed = ed.row_group(group).label.text if group else ""
    label = ed.application_row(target).label.text
    reading.warn(
        "read.single_other_row",
        f"本报告按旧版格式只印了一行“{printed}”，其数字计入“{label}”，其余各行按 0 计",
        [f"applications.{target}.{c.key}" for c in ed.columns],
    )


def _extra_row(reading: Reading, row: ValueRow) -> None:
    token = row.token
    where = f"第{token.line}行" if token.line is not None else ""
    label = row.label[-20:]
    reading.warn("read.extra_row", f"表中有本版格式没有的行“{label}”{where}，已忽略")


def blank_applications(printed: str, ed: Edition) -> bool:
    labels = [label_key(r.label.text) for r in ed.application_rows]
    return sum(1 for k in labels if k in printed) >= BLANK_SHARE * len(labels)
