"""Reading hand-made reports in every layout: exact cells, provenance, read-time findings."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import opencc
import pytest

from tests.report.read import handmade as h
from xxgk.report.jsonio import dumps, loads
from xxgk.report.model import Report
from xxgk.report.read import html, markdown, text
from xxgk.report.read.document import UnreadableFile
from xxgk.report.read.recover import recover

LAYOUTS: dict[str, tuple[Callable[[Report], str], object]] = {
    "bars": (h.as_bars, text),
    "tabs": (h.as_tabs, text),
    "spaced": (lambda r: h.as_flat(r, glue=False), text),
    "markdown": (h.as_markdown, markdown),
    "html": (h.as_html, html),
}


def read(source: str, reader: object) -> Report:
    return recover(reader.document(source, "report"))  # type: ignore[attr-defined]


@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_reads_exactly(layout: str, edition: str, year: int) -> None:
    expected = h.sample_report(edition, year)
    render, reader = LAYOUTS[layout]
    got = read(render(expected), reader)
    assert got.edition.key == edition
    assert (got.agency, got.year) == (h.AGENCY, year)
    assert got.cells == expected.cells
    assert got.findings == []


def test_provenance_points_at_the_printed_cell() -> None:
    got = read(h.as_bars(h.sample_report()), text)
    prov = got.provenance["applications.new_received.natural_person"]
    assert prov.form == "txt"
    assert prov.file == "report"
    assert prov.text == "71"
    assert prov.line is not None
    source_lines = h.as_bars(h.sample_report()).splitlines()
    assert source_lines[prov.line - 1] == "71"
    assert got.provenance["proactive.procurement.amount"].text == "190000元"


def test_traditional_text_with_pinyin_noise() -> None:
    to_tw = opencc.OpenCC("s2twp")
    source = to_tw.convert(h.as_bars(h.sample_report())).replace("公開", "公(gōng)開(kāi)")
    assert "規範性檔案" in source or "規範性文件" in source
    got = read(source, text)
    assert got.cells == h.sample_report().cells
    assert got.agency == h.AGENCY


def test_glued_row_is_split_by_its_own_arithmetic() -> None:
    expected = h.sample_report("2021", 2022)
    got = read(h.as_flat(expected), text)
    assert got.cells["applications.new_received.natural_person"] == 71
    assert got.cells["applications.new_received.commercial"] == 3
    assert got.cells["applications.new_received.total"] == 74
    prov = got.provenance["applications.new_received.natural_person"]
    assert prov.inferred
    assert prov.text == "71"
    assert all(got.cells[c] == expected.cells[c] for c in expected.cells if c.startswith("appl"))


def test_ambiguous_glued_row_is_unreadable_not_guessed() -> None:
    # 规范性文件 printed as "121212": 12/12/12, 1/21/212, 121/2/12 … all fit; no arithmetic.
    got = read(h.as_flat(h.sample_report()), text)
    cell = "proactive.normative_documents.made"
    assert got.cells[cell] is None
    finding = next(f for f in got.findings if f.rule == f"read.unreadable.{cell}")
    assert any("“121212”" in w for w in finding.where)  # the reviewer sees what was printed


def test_blank_totals_are_derived_from_the_row() -> None:
    expected = h.sample_report()
    got = read(h.as_html(expected, blank_totals=True), html)
    assert got.cells == expected.cells
    prov = got.provenance["applications.granted.total"]
    assert prov.derived
    assert prov.blank
    assert not got.findings


def test_single_other_row_in_a_2021_report() -> None:
    r = h.sample_report("2021", 2022)
    source = h.as_bars(r)
    lines = source.splitlines()
    # print （六） as the 2019 single row: drop the three sub-rows, keep one row of numbers
    single = r.edition.row_group("other").label.text  # the 2019 edition prints it as a row
    start = lines.index(single)
    end = lines.index(r.edition.application_row("total").label.text)
    block = [single, "|"] + ["0", "|"] * 7
    got = read("\n".join(lines[:start] + block + lines[end:]), text)
    assert got.cells == r.cells
    assert [f.rule for f in got.findings] == ["read.single_other_row"]


def test_extra_rows_are_reported_and_ignored() -> None:
    r = h.sample_report()
    lines = h.as_tabs(r).splitlines()
    partial = r.edition.application_row("partial").label.text
    at = next(i for i, line in enumerate(lines) if line.startswith(partial))
    lines.insert(at + 1, "\t".join(["其中：小计", *["9"] * 7]))
    got = read("\n".join(lines), text)
    assert got.cells == r.cells
    assert [f.rule for f in got.findings] == ["read.extra_row"]


def test_missing_table_is_reported_and_its_cells_unread() -> None:
    r = h.sample_report()
    lines = h.as_tabs(r).splitlines()
    cut = lines.index(h.heading(r.edition, "appeals"))
    got = read("\n".join(lines[:cut] + h.closing(r)), text)
    assert got.cells["appeals.review.total"] is None
    rules = {f.rule for f in got.findings}
    assert "read.missing_table.appeals" in rules
    assert "read.unreadable.appeals.review.total" in rules
    assert got.cells["applications.total.total"] == 73


def test_printed_errors_are_found_and_located() -> None:
    r = h.sample_report()
    r["applications.granted.natural_person"] = 20  # the printed table no longer adds up
    got = read(h.as_bars(r), text)
    rules = {f.rule for f in got.findings}
    assert "applications.outcomes.natural_person" in rules
    assert "applications.row_total.granted" in rules
    finding = next(f for f in got.findings if f.rule == "applications.row_total.granted")
    assert any("“20”" in w for w in finding.where)


def test_a_page_without_report_tables_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read("关于做好防汛工作的通知\n各单位：请于2024年6月1日前报送材料。\n", text)


def test_html_in_a_javascript_string() -> None:
    page = h.as_html(h.sample_report()).replace('"', '\\"')
    source = 'var content = "' + page.replace("\n", "\\n") + '";'
    got = read(source, html)
    assert got.cells == h.sample_report().cells


def test_sections_are_kept() -> None:
    got = read(h.as_html(h.sample_report()), html)
    assert "主动公开各类信息" in got.sections["overview"]
    assert "及时性" in got.sections["problems"]


def test_a_template_printed_without_numbers_reads_as_blank_zeros() -> None:
    r = h.sample_report()
    labels = [c for row in h.table_rows(r) for c in row if not c.replace("元", "").isdigit()]
    source = "\n".join([*h.opening(r), *labels, *h.closing(r)])
    got = read(source, text)
    assert all(v == 0 for v in got.cells.values())
    assert got.provenance["applications.total.total"].blank
    rules = {f.rule for f in got.findings}
    assert rules == {f"read.blank_table.{t}" for t in ("proactive", "applications", "appeals")}
    # a money cell's blank 0 is money, as a printed one is: the JSON line passes `check`
    amount = "proactive.procurement.amount"
    assert isinstance(got.cells[amount], Decimal)
    assert loads(dumps(got)).cells[amount] == 0  # `loads` raises on a schema error


def test_one_digit_per_cell_is_the_only_split_even_when_it_does_not_add_up() -> None:
    r = h.sample_report("2021", 2022)
    r["appeals.review.total"] = 3  # printed wrong: 0+1+1+0 ≠ 3
    got = read(h.as_flat(r), text)
    assert got.cells["appeals.review.total"] == 3
    assert got.provenance["appeals.review.total"].inferred
    assert "appeals.total.review" in {f.rule for f in got.findings}


def test_a_short_run_of_zeros_reads_zero_whichever_cell_was_blank() -> None:
    r = h.sample_report("2021", 2022)
    carried = r.edition.application_row("carried_over").label.text
    assert f"{carried}1000001" in h.as_flat(r)
    source = h.as_flat(r).replace(f"{carried}1000001", f"{carried}000000")
    for col in r.edition.columns:
        r[f"applications.carried_over.{col.key}"] = 0
    got = read(source, text)
    assert [got.cells[f"applications.carried_over.{c.key}"] for c in r.edition.columns] == [0] * 7


def test_a_glued_table_2_row_is_settled_only_by_what_the_report_states() -> None:
    r = h.sample_report("2021", 2022)
    r["proactive.normative_documents.issued"] = 88
    r["proactive.normative_documents.repealed"] = 55
    r["proactive.normative_documents.in_force"] = 698
    flat = h.as_flat(r)
    assert "行政规范性文件8855698" in flat
    unread = read(flat, text)
    assert unread.cells["proactive.normative_documents.in_force"] is None
    stated = "现行有效行政规范性文件698件，本年度制发的规范性文件88件。"
    got = read(flat.replace("主动公开各类信息。", "主动公开各类信息。" + stated), text)
    assert [
        got.cells[f"proactive.normative_documents.{f}"] for f in ("issued", "repealed", "in_force")
    ] == [88, 55, 698]
    assert got.provenance["proactive.normative_documents.repealed"].inferred
    contradicted = "现行有效行政规范性文件700件。"
    got = read(flat.replace("主动公开各类信息。", "主动公开各类信息。" + contradicted), text)
    assert got.cells["proactive.normative_documents.in_force"] is None


def test_columns_are_taken_by_their_headers_not_their_position() -> None:
    expected = h.sample_report()
    got = read(h.as_html(expected, total_first=True), html)
    assert got.cells == expected.cells
    assert got.findings == []


def test_placeholders_in_laid_out_text_are_blank_cells() -> None:
    expected = h.sample_report()
    source = h.as_flat(expected, glue=False)
    denied = expected.edition.application_row("denied_three_safeties").label.text
    source = source.replace(f"{denied} 0 0 0 0 0 0 0", f"{denied} — — - / 无 — —")
    enforcement = next(r for _, r in expected.edition.proactive_rows if r.key == "enforcement")
    source = source.replace(f"{enforcement.label.text} 0 0 37", f"{enforcement.label.text} / / 37")
    got = read(source, text)
    assert got.cells == expected.cells
    prov = got.provenance["applications.denied_three_safeties.natural_person"]
    assert prov.blank
    assert prov.text == "—"
    assert got.provenance["applications.denied_three_safeties.total"].derived


def test_laid_out_rows_with_empty_cells_are_read_by_column_position() -> None:
    expected = h.sample_report()
    source = h.as_layout(expected, blank_zeros=("new_received", "granted", "carried_forward"))
    assert expected.edition.application_row("new_received").label.text in source
    got = read(source, text)
    assert got.cells == expected.cells
    prov = got.provenance["applications.granted.research"]
    assert prov.blank
    assert prov.text == ""
    assert got.findings == []


def test_converter_markdown_with_labels_moved_out_of_the_table() -> None:
    expected = h.sample_report("2021", 2022)
    detached = ("partial", "denied_law_forbidden", "unable_not_held", "unable_needs_creation")
    source = h.as_converter_markdown(expected, detached)
    assert "| 8 | 1 | 0 | 0 | 0 | 0 | 9 |" in source
    got = read(source, markdown)
    assert got.cells == expected.cells
    assert got.findings == []


def test_an_unlabelled_row_that_could_go_in_two_places_is_not_placed() -> None:
    expected = h.sample_report("2021", 2022)
    source = h.as_converter_markdown(expected, ("partial",))
    # drop the row after it, so one unlabelled row faces a gap of two rows
    lines = source.splitlines()
    secret = expected.edition.application_row("denied_state_secret").label.text
    drop = next(i for i, line in enumerate(lines) if secret in line)
    got = read("\n".join(lines[:drop] + lines[drop + 2 :]), markdown)
    assert got.cells["applications.partial.total"] is None
    assert got.cells["applications.denied_state_secret.total"] is None
    assert got.cells["applications.granted.total"] == 21


def test_empty_cells_between_bars_are_blank_cells_in_place() -> None:
    expected = h.sample_report()
    lines = h.as_bars(expected).splitlines()
    # print the zero cells of 一、本年新收 as empty: its 7 cells follow its label
    at = lines.index("一、本年新收政府信息公开申请数量")
    cells = lines[at + 2 : at + 2 + 14 : 2]
    assert cells == ["71", "3", "0", "0", "0", "0", "74"]
    for i in range(at + 2, at + 16, 2):
        if lines[i] == "0":
            lines[i] = ""
    got = read("\n".join(lines), text)
    assert got.cells == expected.cells
    assert got.provenance["applications.new_received.research"].blank


def test_a_row_printed_with_every_cell_empty_reads_zero() -> None:
    expected = h.sample_report()
    lines = h.as_bars(expected).splitlines()
    at = lines.index(expected.edition.application_row("denied_state_secret").label.text)
    for i in range(at + 2, at + 16, 2):
        assert lines[i] == "0"
        lines[i] = ""
    got = read("\n".join(lines), text)
    assert got.cells == expected.cells
    assert got.provenance["applications.denied_state_secret.natural_person"].blank
    assert got.provenance["applications.denied_state_secret.total"].derived


def test_table_4_under_a_merged_header_with_empty_cells() -> None:
    expected = h.sample_report()
    ed = expected.edition
    cols = [c.label.text for c in ed.appeal_columns]
    groups = [g.label.text for g in ed.appeal_groups]
    litigation = ed.appeal_header[0][1].text
    values = [
        str(expected[f"appeals.{g.key}.{c.key}"])
        for g in ed.appeal_groups
        for c in ed.appeal_columns
    ]
    table_4 = [
        "| " + " | ".join([groups[0], "", "", "", "", litigation, *[""] * 9]) + " |",
        "|" + "---|" * 15,
        "| " + " | ".join([*cols, groups[1], "", "", "", "", groups[2], "", "", "", ""]) + " |",
        "| " + " | ".join(["", "", "", "", "", *cols, *cols]) + " |",
        "| " + " | ".join(values) + " |",
    ]
    source = h.as_markdown(expected)
    start = source.index(h.heading(ed, "appeals"))
    end = source.index(h.heading(ed, "problems"))
    source = (
        source[:start]
        + h.heading(ed, "appeals")
        + "\n\n"
        + "\n".join(table_4)
        + "\n\n"
        + source[end:]
    )
    got = read(source, markdown)
    assert got.cells == expected.cells
