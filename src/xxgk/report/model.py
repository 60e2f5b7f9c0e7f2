"""One agency's annual report for one year in one edition, its findings and provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from xxgk.report import editions
from xxgk.report.edition import Edition, Kind, Severity
from xxgk.report.money import plain

Value = int | Decimal | None


# Slotted rather than frozen: an audit makes one per printed cell, and a frozen dataclass is
# three times slower to make. Readers share one instance between identical cells: never change
# one in place.
@dataclass(slots=True)
class Provenance:
    """Where a cell was printed, so that a finding can point at the source.

    `blank`: printed empty or as a placeholder (—, -, /, 无) and read as 0. `derived`: a blank
    总计 cell read as its row's sum. `inferred`: split from a run of glued digits (by the row's
    own arithmetic, or by the agency's other years: the finding that settled it says which).
    """

    form: str  # html, txt, md, docx, pdf, records
    file: str | None = None
    page: int | None = None
    line: int | None = None
    text: str | None = None
    blank: bool = False
    derived: bool = False
    inferred: bool = False

    def where(self) -> str:
        """``report.pdf 第3页 第12行 “19万元”`` — a person's pointer to the printed cell."""
        parts = [self.file or self.form]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        if self.text is not None:
            parts.append(f"“{self.text}”" if self.text else "（空白）")
        flags = [
            name for name, on in (("推算", self.derived), ("由粘连数字拆分", self.inferred)) if on
        ]
        if flags:
            parts.append(f"（{'、'.join(flags)}）")
        return " ".join(parts)

    def to_json(self, *, source: str | None = None) -> dict[str, Any]:
        """Only the fields that say something; `file` is left out when it is `source`, the file
        the whole report was read from (a report JSON names it once, not per cell)."""
        out: dict[str, Any] = {"form": self.form}
        if self.file is not None and self.file != source:
            out["file"] = self.file
        if self.page is not None:
            out["page"] = self.page
        if self.line is not None:
            out["line"] = self.line
        if self.text is not None:
            out["text"] = self.text
        if self.blank:
            out["blank"] = True
        if self.derived:
            out["derived"] = True
        if self.inferred:
            out["inferred"] = True
        return out


@dataclass(frozen=True)
class Finding:
    """A broken consistency rule, or something a reader could not read."""

    rule: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()
    where: tuple[str, ...] = ()  # where the cells were printed, when read from a file
    source: str | None = None  # in a roll-up: the report the finding came from

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "cells": list(self.cells),
        }
        if self.where:
            out["where"] = list(self.where)
        if self.source is not None:
            out["source"] = self.source
        return out


@dataclass
class Report:
    """Tables as a flat map of cell name to value (see `xxgk.report.edition`)."""

    edition: Edition
    agency: str
    year: int
    cells: dict[str, Value]
    sections: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    # Read from a file: a glued row that more than one split fits, its cells left None —
    # each split as (value, printed text) per cell, for other years' reports to settle.
    alternatives: dict[tuple[str, ...], list[tuple[tuple[Value, str], ...]]] = field(
        default_factory=dict
    )

    @classmethod
    def empty(cls, edition: Edition | str, agency: str, year: int) -> Report:
        """A report of this edition with every cell 0."""
        ed = editions.get(edition) if isinstance(edition, str) else edition
        cells: dict[str, Value] = {
            c: Decimal(0) if ed.kinds[c] is Kind.MONEY else 0 for c in ed.cells
        }
        return cls(ed, agency, year, cells)

    def __getitem__(self, cell: str) -> Value:
        return self.cells[cell]

    def __setitem__(self, cell: str, value: Value) -> None:
        if cell not in self.cells:
            raise KeyError(cell)
        self.cells[cell] = value

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def tables(self) -> dict[str, Any]:
        """The nested ``tables`` object of report JSON (money as decimal strings)."""
        ed = self.edition
        proactive = {
            r.key: {f.key: _json_value(self.cells[f"proactive.{r.key}.{f.key}"]) for f in b.fields}
            for b, r in ed.proactive_rows
        }
        applications = {
            r.key: [self.cells[f"applications.{r.key}.{c.key}"] for c in ed.columns]
            for r in ed.application_rows
        }
        appeals = {
            g.key: {c.key: self.cells[f"appeals.{g.key}.{c.key}"] for c in ed.appeal_columns}
            for g in ed.appeal_groups
        }
        return {"proactive": proactive, "applications": applications, "appeals": appeals}

    def same_tables(self, other: Report) -> bool:
        return (
            self.edition.key == other.edition.key
            and self.cells == other.cells
            and self.agency == other.agency
            and self.year == other.year
        )


def _json_value(value: Value) -> int | str | None:
    return plain(value) if isinstance(value, Decimal) else value
