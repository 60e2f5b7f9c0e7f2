"""The state of one recovery: the cells read so far, where each was printed, and the
findings made while reading (``read.…``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xxgk.report.edition import Edition, Kind, Severity
from xxgk.report.model import Finding, Provenance, Value
from xxgk.report.read.cells import Read, blank
from xxgk.report.read.document import Document
from xxgk.report.read.stream import ValueRow

KIND = {Kind.COUNT: "count", Kind.SIGNED: "signed", Kind.MONEY: "money"}
# This share of a table's labels printed and not one number under them: a blank template.
BLANK_SHARE = 0.8


class Reading:
    """What has been read so far: cells, provenance and read-time findings."""

    def __init__(self, doc: Document, edition: Edition) -> None:
        self.doc = doc
        self.edition = edition
        self.cells: dict[str, Value] = dict.fromkeys(edition.cells)
        self.provenance: dict[str, Provenance] = {}
        self.findings: list[Finding] = []
        self.alternatives: dict[tuple[str, ...], list[tuple[tuple[Value, str], ...]]] = {}
        self._seen: dict[tuple[object, ...], Provenance] = {}

    def put(self, cell: str, read: Read, *, derived: bool = False) -> None:
        self.put_row((cell,), (read,), derived=derived)

    def put_row(
        self, cells: Sequence[str], reads: Sequence[Read], *, derived: bool = False
    ) -> None:
        """`put` each cell its read, in order (one call for a table row)."""
        values, provenance, seen = self.cells, self.provenance, self._seen
        form, file = self.doc.form, self.doc.source
        for cell, read in zip(cells, reads, strict=True):
            values[cell] = read.value
            chunk = read.chunk
            if chunk is None:
                page = line = None
            else:
                token = chunk.token
                page, line = token.page, token.line
            # flattened pages print many identical cells on one line: share their provenance
            text, blank, inferred = read.text, read.blank, read.inferred
            memo = (page, line, text, blank, derived, inferred)
            prov = seen.get(memo)
            if prov is None:  # (positional: Provenance's fields in order)
                prov = Provenance(form, file, page, line, text, blank, derived, inferred)
                seen[memo] = prov
            provenance[cell] = prov

    def unread(self, cells: Iterable[str], row: ValueRow) -> None:
        """Cells of a printed row that could not be read: they stay None, and their provenance
        shows what was printed (``“3960181”``) so a reviewer can read it by eye."""
        missing = [cell for cell in cells if self.cells[cell] is None]
        if not missing:
            return
        printed = " ".join(c.text for c in row.chunks).strip()
        chunk = row.chunks[0] if row.chunks else None
        for cell in missing:
            if self.cells[cell] is None:
                self.put(cell, Read(None, printed, chunk))

    def open_row(self, cells: Sequence[str], readings: Sequence[Sequence[Read]]) -> None:
        """A row left unread though each of `readings` fits it: kept for other years to settle."""
        self.alternatives[tuple(cells)] = [
            tuple((r.value, r.text) for r in reads) for reads in readings
        ]

    def warn(self, rule: str, message: str, cells: Iterable[str] = ()) -> None:
        self.findings.append(Finding(rule, Severity.WARNING, message, tuple(cells)))


def blank_table(reading: Reading, table: str) -> None:
    """Every cell of a table printed empty reads 0 (blank), and the reader says so."""
    kinds = reading.edition.kinds
    for cell in reading.edition.cells:
        if cell.startswith(f"{table}.") and reading.cells[cell] is None:
            reading.put(cell, blank(KIND[kinds[cell]]))
    title = reading.edition.table_titles.get(table)
    name = title.text if title else table
    reading.warn(f"read.blank_table.{table}", f"“{name}”表已印出但未填任何数字，按 0 读取")
