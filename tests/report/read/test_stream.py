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


def test_numbers_a_converter_spaced_out_in_prose_are_not_values():
    # a PDF-to-Markdown converter prints spaces around the numbers of a sentence
    doc = Document(
        "report.txt", "txt", [Token("全市已有近 1400 个政策文件，2024 年 1 月起", line=1)]
    )
    assert build(doc).rows == []


def test_a_page_number_between_dashes_is_no_row():
    assert rows_of("四、政府信息公开行政复议、行政诉讼情况", "—6—", "- 7 -") == []
    assert rows_of("行政许可 — 6 —") == [("行政许可", ["— 6 —"])]  # placeholders around a value


def test_xxgk_own_mark_of_an_unread_cell_is_a_value():
    assert rows_of("行政许可    无法读取    无法读取    3") == [
        ("行政许可", ["无法读取    无法读取    3"])
    ]
    assert rows_of("行政事业性收费 无法读取") == [("行政事业性收费", ["无法读取"])]
