"""Plain text (aligned columns, CJK display width), Markdown and JSON."""

import re

from xxgk.report import jsonio
from xxgk.report.render import json as render_json
from xxgk.report.render import layout, markdown, text

from .conftest import filled

NUMBER = re.compile(r"-?\d+(?:\.\d+)?元?\*?")


def _right_edges(line: str) -> list[int]:
    """Display columns at which each number of a line ends."""
    return [layout.display_width(line[: m.end()]) for m in NUMBER.finditer(line)]


def test_table3_numbers_line_up_under_their_columns(any_edition):
    t = layout.applications_table(any_edition)
    lines = text.table_lines(t)
    data = lines[t.header_rows :]
    assert len(data) == len(any_edition.edition.application_rows)
    edges = {tuple(_right_edges(line)[-7:]) for line in data}
    assert len(edges) == 1  # every row's seven numbers end at the same display columns
    # the leaf header labels end at those columns too or start left of them
    leaves = lines[t.header_rows - 1]
    assert max(_right_edges(data[0])) >= layout.display_width(leaves.rstrip())


def test_rows_print_their_labels_and_values(any_edition):
    out = text.render(any_edition)
    ed = any_edition.edition
    lines = out.splitlines()
    assert lines[0] == layout.title(any_edition)
    for row in ed.application_rows:
        line = next(x for x in lines if row.label.text in x)
        numbers = [int(n) for n in re.findall(r"-?\d+", line.split(row.label.text)[1])]
        assert numbers == [any_edition.cells[f"applications.{row.key}.{c.key}"] for c in ed.columns]
    for s in ed.sections:
        assert s.heading in lines


def test_table4_values_under_their_leaf_headers(sample):
    lines = text.table_lines(layout.appeals_table(sample))
    assert len(lines) == 4
    assert len(_right_edges(lines[-1])) == 15


def test_findings_are_marked_and_listed():
    report = filled("2019")
    findings = layout.findings_of(report)
    out = text.render(report, findings=findings)
    assert layout.FINDINGS_HEADING in out
    assert f"1. 错误：{findings[0].message}" in out
    assert "*" in out
    assert "*" not in text.render(report)


def test_markdown_pipe_tables_are_rectangular(any_edition):
    md = markdown.render(any_edition)
    assert md.startswith(f"# {layout.title(any_edition)}\n")
    widths = {t.key: t.width for t in layout.tables_of(any_edition)}
    rows = [line for line in md.splitlines() if line.startswith("|")]
    counts = {len(re.split(r"(?<!\\)\|", r)) - 2 for r in rows}
    assert counts == set(widths.values())
    for row in any_edition.edition.application_rows:
        assert any(row.label.text in r for r in rows)
    for s in any_edition.edition.sections:
        assert f"## {s.heading}" in md


def test_markdown_escapes_pipes_and_marks_findings():
    report = filled("2021")
    report.sections = {"overview": "a | b *c*"}
    findings = layout.findings_of(report)
    md = markdown.render(report, findings=findings)
    assert "a \\| b \\*c\\*" in md
    assert re.search(r"\| \*\*\d+\*\* \|", md)


def test_json_is_report_json(any_edition):
    back = jsonio.loads(render_json.render(any_edition))
    assert back.same_tables(any_edition)
    assert back.sections == any_edition.sections


def test_json_with_findings_carries_them():
    report = filled("2019")
    findings = layout.findings_of(report)
    back = jsonio.loads(render_json.render(report, findings=findings))
    assert [f.rule for f in back.findings] == [f.rule for f in findings]
