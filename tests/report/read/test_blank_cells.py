"""Blank cells kept in their columns by position: runs of tabs in tab-separated text. Blank
reads 0; a blank 总计 of table 3 is its row's sum (derived)."""

from __future__ import annotations

from tests.report.read import handmade as h
from xxgk.report.read import read_bytes


def blanked_tabs(source: str, *, blank_totals: bool = False) -> str:
    """Tab-separated text with every 0 printed as an empty cell, as a spreadsheet exports it;
    with `blank_totals`, table 3's outcome rows leave 总计 empty too."""
    out = []
    for line in source.splitlines():
        cells = line.split("\t")
        if len(cells) > 1:
            cells = ["" if c == "0" else c for c in cells]
            if blank_totals and line.startswith(("（一）予以公开", "（二）部分公开")):
                cells[-1] = ""
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def test_runs_of_tabs_keep_every_cell_in_its_column() -> None:
    expected = h.sample_report()
    source = blanked_tabs(h.as_tabs(expected))
    # rows whose cells are all empty, and a table-4 row that starts with empty cells
    assert "\n2.其他法律行政法规禁止公开\t\t\t\t\t\t\t\n" in source
    assert "\n\t1\t1\t\t2\t1\t\t\t\t1\t" in source
    got = read_bytes(source.encode(), "report.txt")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["appeals.review.upheld"].blank
    assert got.provenance["appeals.review.corrected"].text == "1"
    assert got.provenance["applications.denied_law_forbidden.research"].blank


def test_a_blank_total_is_the_rows_sum_marked_derived() -> None:
    expected = h.sample_report("2021", 2022)
    source = blanked_tabs(h.as_tabs(expected), blank_totals=True)
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t8\t1\t\t\t\t\t\n" in source
    got = read_bytes(source.encode(), "report.txt")
    assert got.cells == expected.cells
    assert got.cells["applications.partial.total"] == 9
    prov = got.provenance["applications.partial.total"]
    assert prov.derived
    assert prov.blank
    assert got.findings == []
