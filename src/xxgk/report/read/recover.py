"""Recover a `Report` from a `Document`: edition, tables 2–4, agency, year, sections.

Form-independent: every reader produces tokens; `stream.build` turns them into value rows
(printed numbers and the label text before them); this module finds the edition's rows among
them, reads each row's cells (`cells.resolve`), and records where every cell was printed.

Decisions (report-json.md leaves them open):

- A cell that cannot be read is None; the check then reports ``read.unreadable.<cell>``.
- A table that is not printed at all leaves its cells None and adds a warning
  ``read.missing_table.<table>``; a file where none of the three tables is found raises
  `UnreadableFile`.
- Rows a province adds (a label no edition row matches, subtotal rows of （三）（四）（五）)
  are ignored and reported as warnings ``read.extra_row``.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable

from xxgk.report import checks, editions
from xxgk.report.edition import (
    Edition,
    EqualityRule,
    Kind,
    ProactiveBlock,
    ProactiveRow,
    Severity,
)
from xxgk.report.model import Finding, Provenance, Report, Value
from xxgk.report.normalise import clean, key, label_key
from xxgk.report.read import align as aligner
from xxgk.report.read import labels as lab
from xxgk.report.read import meta
from xxgk.report.read.cells import Read, by_position, candidates, positions, resolve
from xxgk.report.read.document import Document, UnreadableFile
from xxgk.report.read.split import Segment
from xxgk.report.read.stream import Stream, ValueRow, build

_KIND = {Kind.COUNT: "count", Kind.SIGNED: "signed", Kind.MONEY: "money"}
_APPEALS_HEADER = ("行政复议", "复议", "结果维持", "行政诉讼")


class _Reading:
    """What has been read so far: cells, provenance and read-time findings."""

    def __init__(self, doc: Document, edition: Edition) -> None:
        self.doc = doc
        self.edition = edition
        self.cells: dict[str, Value] = dict.fromkeys(edition.cells)
        self.provenance: dict[str, Provenance] = {}
        self.findings: list[Finding] = []
        self._seen: dict[tuple[object, ...], Provenance] = {}

    def put(self, cell: str, read: Read, *, derived: bool = False) -> None:
        self.cells[cell] = read.value
        token = read.chunk.token if read.chunk else None
        page = token.page if token else None
        line = token.line if token else None
        # flattened pages print many identical cells on one line: share their provenance
        memo = (page, line, read.text, read.blank, derived, read.inferred)
        prov = self._seen.get(memo)
        if prov is None:
            prov = Provenance(
                form=self.doc.form,
                file=self.doc.source,
                page=page,
                line=line,
                text=read.text,
                blank=read.blank,
                derived=derived,
                inferred=read.inferred,
            )
            self._seen[memo] = prov
        self.provenance[cell] = prov

    def warn(self, rule: str, message: str, cells: Iterable[str] = ()) -> None:
        self.findings.append(Finding(rule, Severity.WARNING, message, tuple(cells)))


def recover(doc: Document) -> Report:
    """The report printed in the document. Raises `UnreadableFile` (message in Chinese) when no
    report table can be recognised."""
    stream = build(doc)
    year = meta.year_of(stream.text)
    edition = _edition(stream.text, year)
    reading = _Reading(doc, edition)
    span = _applications(stream, reading)
    start = span[0] if span else len(stream.rows)
    end = span[1] if span else 0
    found_proactive = _proactive(stream, reading, start)
    found_appeals = _appeals(stream, reading, end) if span else False
    printed = _printed_text(stream)
    if span is None and _blank_applications(printed, edition):
        _blank_table(reading, "applications")
        span = (len(stream.rows), len(stream.rows))
    if not found_appeals and span is not None and _blank_appeals(stream, end, edition):
        _blank_table(reading, "appeals")
        found_appeals = True
    if not span and not found_proactive and not found_appeals:
        raise UnreadableFile("未找到政府信息公开年度报告的统计表格")
    for table, found in (
        ("proactive", found_proactive),
        ("applications", span is not None),
        ("appeals", found_appeals),
    ):
        if not found:
            title = edition.table_titles.get(table)
            name = title.text if title else table
            reading.warn(f"read.missing_table.{table}", f"未找到“{name}”表，其数据按无法读取处理")
    agency = meta.agency_of(stream.text)
    if year is None:
        year = edition.first_year
        reading.warn("read.no_year", "未能从标题、正文或落款中读出报告年度")
    prose = [t.text for t in doc.tokens if t.table is None]
    report = Report(
        edition,
        agency,
        year,
        reading.cells,
        meta.sections_of([clean(p) for p in prose], edition),
        reading.findings,
        reading.provenance,
    )
    report.findings = checks.check(report)
    return report


def _edition(text: str, year: int | None) -> Edition:
    """The edition whose markers the tables print; only when none does, the year's."""
    compact = key(text)
    best, best_hits = None, 0
    for ed in editions.all_editions().values():
        hits = sum(1 for m in ed.markers if label_key(m) in compact)
        if hits > best_hits:
            best, best_hits = ed, hits
    if best is not None:
        return best
    return editions.for_year(year) if year else next(iter(editions.all_editions().values()))


# -- tables printed without numbers ---------------------------------------------------------

_BLANK_SHARE = 0.8  # this share of a table's row labels printed, and no number: a blank table


def _printed_text(stream: Stream) -> str:
    """The text outside the numbers (keys), in order."""
    return "".join(r.label for r in stream.rows) + stream.tail


def _blank_applications(printed: str, ed: Edition) -> bool:
    labels = [label_key(r.label.text) for r in ed.application_rows]
    return sum(1 for k in labels if k in printed) >= _BLANK_SHARE * len(labels)


def _blank_appeals(stream: Stream, after: int, ed: Edition) -> bool:
    """Table 4's header printed after table 3 and no number under it."""
    text = "".join(r.label for r in stream.rows[after + 1 :]) + stream.tail
    if any(
        r.chunks
        for r in stream.rows[after + 1 :]
        if any(label_key(h) in r.label for h in _APPEALS_HEADER)
    ):
        return False
    words = [label_key(c.label.text) for c in (*ed.appeal_groups, *ed.appeal_columns)]
    return sum(1 for w in words if w in text) >= _BLANK_SHARE * len(words)


def _blank_table(reading: _Reading, table: str) -> None:
    """Every cell of a table printed empty reads 0 (blank), and the reader says so."""
    blank = Read(0, "", None, blank=True)
    for cell in reading.edition.cells:
        if cell.startswith(f"{table}.") and reading.cells[cell] is None:
            reading.put(cell, blank)
    title = reading.edition.table_titles.get(table)
    name = title.text if title else table
    reading.warn(f"read.blank_table.{table}", f"“{name}”表已印出但未填任何数字，按 0 读取")


# -- table 3 -----------------------------------------------------------------------------


def _applications(stream: Stream, reading: _Reading) -> tuple[int, int] | None:
    """Read table 3; the (first, last) value-row indexes it spans, or None when absent."""
    ed = reading.edition
    index = lab.application_index(ed)
    row_keys = [r.key for r in ed.application_rows]
    # exact matches first (cheap); tolerant ones only inside the table they delimit
    targets = [_target(index.match(r.label, tolerant=False)) for r in stream.rows]
    data = [i for i, t in enumerate(targets) if t in row_keys or t == lab.SINGLE_OTHER]
    if data:
        lo = next((i for i in data if targets[i] == row_keys[0]), data[0])
        hi = next((i for i in data if i > lo and targets[i] == row_keys[-1]), None)
        hi = hi if hi is not None else len(stream.rows) - 1
        span = range(lo, hi + 1)
    else:
        span = range(len(stream.rows))
    for i in span:
        if targets[i] is None and stream.rows[i].label:
            targets[i] = _target(index.match(stream.rows[i].label))
    data = [i for i, t in enumerate(targets) if t in row_keys or t == lab.SINGLE_OTHER]
    if not data:
        return None
    # prose before the table may name a row in passing (“其他处理14件”): the table starts at
    # its first row when that row is printed
    first = next((i for i in data if targets[i] == row_keys[0]), data[0])
    data = [i for i in data if i >= first]
    last = next((i for i in data if targets[i] == "carried_forward"), data[-1])
    single_other = any(targets[i] == lab.SINGLE_OTHER for i in range(first, last + 1))
    seq = list(row_keys)
    if single_other:
        others = [r.key for r in ed.application_rows if "other" in r.groups]
        at = seq.index(others[0])
        seq = [k for k in seq if k not in others]
        seq.insert(at, lab.SINGLE_OTHER)
    segments = [Segment(("count",) * len(ed.columns), summed=True)]
    units = ["元"] * len(ed.columns)
    cands: list[aligner.Candidate] = []
    picked: list[int] = []
    for i in range(first, last + 1):
        row = stream.rows[i]
        target = targets[i]
        if row.all_blank and target not in row_keys:
            continue
        extra = target is not None and target.startswith(lab.GROUP)
        unknown = (
            target is None
            and row.strong
            and bool(row.label)
            and i != first
            and not index.resembles(row.label)
        )
        if extra or unknown:
            _extra_row(reading, row)
            cands.append(aligner.Candidate(None, True, True))
        else:
            too_short = _too_short(row, len(ed.columns))
            cands.append(aligner.Candidate(target, row.strong and bool(row.label), too_short))
        picked.append(i)
    pairs = aligner.align(cands, seq)
    header = _column_header(stream, ed, stream.rows[first])
    open_rows: dict[str, list[list[Read]]] = {}
    kinds = [k for seg in segments for k in seg.kinds]
    columns = _laid_out_columns([stream.rows[picked[ci]] for ci in pairs], len(kinds))
    for ci, ej in pairs.items():
        row = stream.rows[picked[ci]]
        name = seq[ej]
        found = candidates(_by_header(row, header), segments, units, limit=_MAX_READINGS)
        if not found and row.token.page in columns:
            placed = by_position(row, columns[row.token.page], kinds, units)
            found = [placed] if placed else []
        if len(found) != 1:
            if 1 < len(found) < _MAX_READINGS:
                open_rows[name] = found
            continue
        if name == lab.SINGLE_OTHER:
            _single_other(reading, found[0])
            continue
        _put_application_row(reading, name, found[0])
    if open_rows:
        _settle_by_columns(reading, open_rows)
    return first, last


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
    if header is None or not all(c.cell and c.token.col is not None for c in row.chunks):
        return row
    at = {c.token.col: c for c in row.chunks}
    if not all(col in at for col in header):
        return row
    return ValueRow(row.label, row.strong, [at[col] for col in header], row.index)


# A glued row with more readings than this is left unread rather than searched.
_MAX_READINGS = 12
_MAX_COMBINATIONS = 5000
_COLUMN_RULES = ("applications.balance.", "applications.outcomes.")


def _settle_by_columns(reading: _Reading, open_rows: dict[str, list[list[Read]]]) -> None:
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
    digits = sum(ch.isdigit() for c in row.chunks for ch in c.text)
    return digits < n


def _put_application_row(reading: _Reading, row_key: str, reads: list[Read]) -> None:
    cols = reading.edition.columns
    for col, read in zip(cols, reads, strict=True):
        reading.put(f"applications.{row_key}.{col.key}", read)
    total = reads[-1]
    if total.blank and not total.inferred:
        parts = [r.value for r in reads[:-1]]
        if all(isinstance(v, int) for v in parts):
            derived = Read(sum(parts), total.text, total.chunk, blank=True)  # type: ignore[arg-type]
            reading.put(f"applications.{row_key}.{cols[-1].key}", derived, derived=True)


def _single_other(reading: _Reading, reads: list[Read]) -> None:
    ed = reading.edition
    others = [r.key for r in ed.application_rows if "other" in r.groups]
    target = others[-1]
    _put_application_row(reading, target, reads)
    for row_key in others[:-1]:
        for col in ed.columns:
            reading.cells[f"applications.{row_key}.{col.key}"] = 0
    label = ed.application_row(target).label.text
    reading.warn(
        "read.single_other_row",
        f"本报告按 2019 版格式只印了一行“（六）其他处理”，其数字计入“{label}”",
        [f"applications.{target}.{c.key}" for c in ed.columns],
    )


def _extra_row(reading: _Reading, row: ValueRow) -> None:
    token = row.token
    where = f"第{token.line}行" if token.line is not None else ""
    label = row.label[-20:]
    reading.warn("read.extra_row", f"表中有本版格式没有的行“{label}”{where}，已忽略")


# -- table 2 -----------------------------------------------------------------------------

_PROACTIVE_WINDOW = 40
_INSTRUCTIONS = 30  # printed instructions allowed after a row label (（设区的市…应提供…）)


def _proactive(stream: Stream, reading: _Reading, before: int) -> bool:
    ed = reading.edition
    index = lab.proactive_index(ed)
    found: dict[str, ValueRow] = {}
    for row in stream.rows[:before]:
        if not row.label:
            continue
        m = index.find_in_tail(row.label, _PROACTIVE_WINDOW)
        if m is None:
            continue
        # the label must be the last thing printed before the numbers (instructions aside)
        tail = row.label[-_PROACTIVE_WINDOW:]
        ends = [tail.rfind(label_key(t)) + len(label_key(t)) for t in _labels_of(ed, m.target)]
        if len(tail) - max(ends) > _INSTRUCTIONS:
            continue
        found[m.target] = row
    region = "".join(r.label for r in stream.rows[:before])
    if before >= len(stream.rows):
        region += stream.tail
    caption = label_key(ed.proactive[0].caption.text)[:4]  # 第二十条
    # blank rows are only looked for after the table's first caption
    region = region[region.find(caption) :] if caption in region else ""
    if not found:
        if not region:
            return False
        labels = [label_key(r.label.text) for _, r in ed.proactive_rows]
        if sum(1 for k in labels if k in region) < _BLANK_SHARE * len(labels):
            return False
        _blank_table(reading, "proactive")
        return True
    blank = Read(0, "", None, blank=True)
    for block, prow in ed.proactive_rows:
        printed = found.get(prow.key)
        if printed is None:
            # a row label printed with no number after it: its cells were left blank
            if any(label_key(t) in region for t in prow.label.all):
                for fld in block.fields:
                    reading.put(f"proactive.{prow.key}.{fld.key}", blank)
            continue
        kinds = tuple(_KIND[f.kind] for f in block.fields)
        units = [f.unit or "元" for f in block.fields]
        found_reads = candidates(printed, [Segment(kinds)], units, limit=_MAX_PROSE_READINGS)
        if 1 < len(found_reads) < _MAX_PROSE_READINGS:
            found_reads = _confirmed_by_prose(found_reads, block, prow, stream)
        if len(found_reads) != 1:
            continue
        for fld, read in zip(block.fields, found_reads[0], strict=True):
            reading.put(f"proactive.{prow.key}.{fld.key}", read)
    return True


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


# -- table 4 -----------------------------------------------------------------------------


def _appeals(stream: Stream, reading: _Reading, after: int) -> bool:
    ed = reading.edition
    rows = stream.rows[after + 1 :]
    start = None
    for i, row in enumerate(rows):
        if any(label_key(h) in row.label for h in _APPEALS_HEADER):
            start = i
            break
    if start is None:
        return False
    n = len(ed.appeal_groups) * len(ed.appeal_columns)
    group = [rows[start]]
    count = _count(rows[start])
    words = sorted(
        {label_key(x) for c in (*ed.appeal_groups, *ed.appeal_columns) for x in c.label.all}
        | {label_key(h) for h in _APPEALS_HEADER},
        key=len,
        reverse=True,
    )
    for row in rows[start + 1 :]:
        if count >= n or (row.label and not _header_only(row.label, words)):
            break
        group.append(row)
        count += _count(row)
    merged = ValueRow(group[0].label, group[0].strong, [c for r in group for c in r.chunks])
    segments = [Segment(("count",) * len(ed.appeal_columns), summed=True) for _ in ed.appeal_groups]
    reads = resolve(merged, segments, ["元"] * n)
    if reads is None:
        return True
    it = iter(reads)
    for g in ed.appeal_groups:
        for c in ed.appeal_columns:
            reading.put(f"appeals.{g.key}.{c.key}", next(it))
    return True


def _header_only(label: str, words: list[str]) -> bool:
    """Text made of table 4's own header words (a table split per group repeats them)."""
    for w in words:
        label = label.replace(w, "")
    return len(label) <= 2


def _count(row: ValueRow) -> int:
    return sum(1 if c.cell else len(c.text.split()) for c in row.chunks)
