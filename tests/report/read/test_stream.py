"""Number zones in free text (`stream.build`): where a row's values are found in a line, and
which numbers are prose. The zone patterns are tried only where a zone can start; these lines
pin what they find."""

from __future__ import annotations

from xxgk.report.read.document import Document, Token
from xxgk.report.read.stream import build


def rows_of(*lines: str) -> list[tuple[str, list[str]]]:
    doc = Document("report.txt", "txt", [Token(t, line=i + 1) for i, t in enumerate(lines)])
    return [(r.label, [c.text for c in r.chunks]) for r in build(doc).rows]


def test_a_laid_out_row_reads_its_numbers_after_a_long_gap():
    assert rows_of("行政许可" + " " * 60 + "3" + " " * 40 + "+1" + " " * 30 + "181") == [
        ("行政许可", ["3" + " " * 40 + "+1" + " " * 30 + "181"])
    ]


def test_thousands_and_cell_borders_and_dashes_in_one_line():
    # 2,043 is one count; in 1,2,345 every comma is a border; dashes between spaces are cells
    assert rows_of("行政许可    2,043   1,2,345 — — 7") == [
        ("行政许可", ["2,043   1", "2", "345 — — 7"])
    ]


def test_numbers_in_prose_are_not_values():
    doc = Document("report.txt", "txt", [Token("第3次会议 2022年 共5件 abc123 约7", line=1)])
    stream = build(doc)
    assert stream.rows == []
    assert stream.tail == "第3次会议2022年共5件abc123约7"
