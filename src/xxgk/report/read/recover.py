"""Recover a `Report` from a `Document`: edition, tables 2–4, agency, year, sections.

Form-independent: every reader produces tokens; `stream.build` turns them into value rows
(printed numbers and the label text before them); each table's module (`proactive`,
`applications`, `appeals`) finds the edition's rows among them and reads their cells; this
module decides the edition, runs them, and adds agency, year, sections and the checks.

Decisions (report-json.md leaves them open):

- A cell that cannot be read is None; the check then reports ``read.unreadable.<cell>``.
- A table that is not printed at all leaves its cells None and adds a warning
  ``read.missing_table.<table>``; a table printed with labels but no number at all reads as
  blank zeros with a warning ``read.blank_table.<table>``; a file with neither table 3, nor
  table 4, nor table 2's 第二十条 captions raises `UnreadableFile`.
- Rows a province adds (a label no edition row matches, subtotal rows of （三）（四）（五）)
  are ignored and reported as warnings ``read.extra_row``.
"""

from __future__ import annotations

from xxgk.report import checks, editions
from xxgk.report.edition import Edition
from xxgk.report.model import Report
from xxgk.report.normalise import label_key
from xxgk.report.read import meta
from xxgk.report.read.appeals import blank_appeals, read_appeals
from xxgk.report.read.applications import blank_applications, read_applications
from xxgk.report.read.document import Document, UnreadableFile
from xxgk.report.read.proactive import read_proactive
from xxgk.report.read.reading import Reading, blank_table
from xxgk.report.read.stream import Stream, build


def recover(doc: Document) -> Report:
    """The report printed in the document. Raises `UnreadableFile` (message in Chinese) when no
    report table can be recognised."""
    stream = build(doc)
    printed = _printed_text(stream)
    year = meta.year_of(stream.text)
    edition = _edition(printed, year)
    reading = Reading(doc, edition)
    span = read_applications(stream, reading)
    start = span[0] if span else len(stream.rows)
    end = span[1] if span else 0
    found_proactive = read_proactive(stream, reading, start)
    found_appeals = read_appeals(stream, reading, end) if span else False
    if span is None and blank_applications(printed, edition):
        blank_table(reading, "applications")
        span = (len(stream.rows), len(stream.rows))
    if not found_appeals and span is not None and blank_appeals(stream, end, edition):
        blank_table(reading, "appeals")
        found_appeals = True
    if span is None and not found_appeals and not _has_caption(printed, edition):
        # a table-2 row named in passing is not a report: table 3, table 4 or 第二十条 is
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
    prose = [text for t, text in zip(doc.tokens, stream.cleaned, strict=True) if t.table is None]
    report = Report(
        edition,
        agency,
        year,
        reading.cells,
        meta.sections_of(prose, edition),
        reading.findings,
        reading.provenance,
        reading.alternatives,
    )
    report.findings = checks.check(report)
    return report


def _edition(printed: str, year: int | None) -> Edition:
    """The edition whose markers the tables print (`printed`: the keys of the text outside the
    numbers); only when none does, the year's."""
    best, best_hits = None, 0
    for ed in editions.all_editions().values():
        hits = sum(1 for m in ed.markers if label_key(m) in printed)
        if hits > best_hits:
            best, best_hits = ed, hits
    if best is not None:
        return best
    return editions.for_year(year) if year else next(iter(editions.all_editions().values()))


def _printed_text(stream: Stream) -> str:
    """The text outside the numbers (keys), in order."""
    return "".join(r.label for r in stream.rows) + stream.tail


def _has_caption(printed: str, ed: Edition) -> bool:
    return label_key(ed.proactive[0].caption.text)[:4] in printed
