"""The national layout read off the edition: every cell once, merged headers, group spans."""

from decimal import Decimal

from xxgk.report import Report
from xxgk.report.render import layout

from .conftest import filled


def test_every_cell_of_the_edition_is_printed_once_with_its_value(any_edition):
    tables = layout.tables_of(any_edition)
    named = [c.name for t in tables for c in t.cells if c.name]
    assert sorted(named) == sorted(any_edition.edition.cells)
    for t in tables:
        for c in t.cells:
            if c.name and c.name not in any_edition.edition.units:
                assert c.value == any_edition.cells[c.name]
                assert c.text == str(any_edition.cells[c.name])


def test_grid_cells_tile_the_table_without_overlap(any_edition):
    for t in layout.tables_of(any_edition):
        covered = set()
        for c in t.cells:
            for r in range(c.row, c.row + c.rowspan):
                for col in range(c.col, c.col + c.colspan):
                    assert (r, col) not in covered, (t.key, c)
                    covered.add((r, col))
        # table 3's and 4's grids are full rectangles
        if t.key != "proactive":
            assert covered == {(r, c) for r in range(t.height) for c in range(t.width)}


def test_table3_header_is_the_editions_merged_header(any_edition):
    ed = any_edition.edition
    t = layout.applications_table(any_edition)
    header = [(c.text, c.colspan, c.rowspan) for c in t.cells if c.row < t.header_rows]
    assert header == [(h.text, h.colspan, h.rowspan) for row in ed.application_header for h in row]
    note = next(c for c in t.cells if c.row == 0 and c.col == 0)
    assert (note.colspan, note.rowspan) == (3, 3)


def test_group_labels_span_the_rows_that_carry_them(any_edition):
    ed = any_edition.edition
    t = layout.applications_table(any_edition)
    groups = [c for c in t.cells if c.scope == "rowgroup"]
    for c in groups:
        group = next(g for g in ed.row_groups if g.label.text == c.text)
        level = c.col
        carrying = [r for r in ed.application_rows if r.groups[level : level + 1] == (group.key,)]
        assert c.rowspan == len(carrying)
        first = ed.application_rows.index(carrying[0])
        assert c.row == t.header_rows + first
    results = next(c for c in groups if c.col == 0)
    assert results.rowspan == (20 if ed.key == "2019" else 22)  # spec §1.3, §2.3
    for i, row in enumerate(ed.application_rows):
        label = next(c for c in t.cells if c.row == t.header_rows + i and c.scope == "row")
        assert label.text == row.label.text
        assert (label.col, label.colspan) == (len(row.groups), 3 - len(row.groups))


def test_table4_leaves_name_their_cells_in_printed_order(any_edition):
    ed = any_edition.edition
    t = layout.appeals_table(any_edition)
    data = sorted((c for c in t.cells if c.name), key=lambda c: c.col)
    assert [c.name for c in data] == [
        f"appeals.{g.key}.{c.key}" for g in ed.appeal_groups for c in ed.appeal_columns
    ]
    assert t.width == 15
    assert t.header_rows == 3


def test_money_is_printed_in_the_editions_unit():
    r2019, r2021 = filled("2019"), filled("2021")
    r2019["proactive.procurement.amount"] = Decimal(190000)
    r2021["proactive.fees.amount"] = Decimal("123456.7")
    cells19 = {c.name: c for c in layout.proactive_table(r2019).cells}
    cells21 = {c.name: c for c in layout.proactive_table(r2021).cells}
    assert cells19["proactive.procurement.amount"].text == "190000元"
    assert cells19["proactive.procurement.amount"].value == 190000
    assert cells21["proactive.fees.amount"].text == "12.34567"  # 万元, the label says so
    assert cells21["proactive.fees.amount"].value == Decimal("12.34567")


def test_table2_single_field_blocks_stretch_over_the_spare_columns():
    t = layout.proactive_table(filled("2021"))
    licensing = next(c for c in t.cells if c.name == "proactive.licensing.decisions")
    assert (licensing.col, licensing.colspan) == (1, 3)


def test_sections_follow_the_edition_with_their_tables(sample):
    blocks = layout.blocks(sample)
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == [s.heading for s in sample.edition.sections]
    kinds = [b.kind for b in blocks]
    for key in ("proactive", "applications", "appeals"):
        at = next(i for i, b in enumerate(blocks) if b.table and b.table.key == key)
        heading = max(i for i in range(at) if kinds[i] == "heading")
        section = next(s for s in sample.edition.sections if s.heading == blocks[heading].text)
        assert section.key == key


def test_display_width_counts_cjk_as_two():
    assert layout.display_width("汉字三") == 6
    assert layout.display_width("（一）") == 6
    assert layout.display_width("12") == 2


def test_title_names_agency_and_year():
    report = Report.empty("2021", "某某县某某镇人民政府", 2023)
    assert layout.title(report) == "某某县某某镇人民政府2023年政府信息公开工作年度报告"


def test_the_cell_where_two_broken_rules_meet_is_the_suspect():
    report = Report.empty("2021", "某某市生态环境局", 2022)
    for col in ("natural_person", "total"):
        for row in ("new_received", "granted", "total"):
            report[f"applications.{row}.{col}"] = 4
    report["applications.granted.total"] = 5  # typed wrong: breaks its row and its column
    assert layout.suspects(layout.findings_of(report)) == {"applications.granted.total"}
    assert layout.suspects(layout.findings_of(Report.empty("2019", "某机关", 2020))) == set()


def test_an_unreadable_cell_prints_as_such_in_every_form():
    from xxgk.report.render import FORMS, render

    report = Report.empty("2019", "某某市生态环境局", 2020)
    report["applications.granted.research"] = None
    report["proactive.procurement.amount"] = None
    t3 = {c.name: c for c in layout.applications_table(report).cells}
    assert t3["applications.granted.research"].text == "无法读取"  # blank would read 0
    findings = layout.findings_of(report)
    assert "applications.granted.research" in layout.flagged(findings)
    for form in FORMS:
        if form != "pdf":
            assert render(report, form, findings=findings)
