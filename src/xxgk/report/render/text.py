"""The report as plain text for a terminal: the title, section headings, paragraphs, and each
table as aligned columns — widths in display columns, a CJK character counting two — with merged
cells printed once at their top-left position across the columns they span."""

from __future__ import annotations

from collections.abc import Sequence

from xxgk.report.model import Finding, Report
from xxgk.report.render import layout
from xxgk.report.render.layout import Cell, Table, display_width

GAP = "  "  # between columns; two spaces never occur inside a label


def render(report: Report, *, findings: Sequence[Finding] | None = None) -> str:
    """The report as text. `findings`: flagged numbers get a ``*`` after them and the findings
    are listed at the end."""
    marks = layout.flagged(findings or ())
    out = [layout.title(report), ""]
    for block in layout.blocks(report):
        if block.kind in ("heading", "paragraph"):
            out += [block.text, ""]
        elif block.table is not None:
            out += [*table_lines(block.table, marks), ""]
    if findings is not None:
        out += [layout.FINDINGS_HEADING, ""]
        out += [layout.finding_line(i, f) for i, f in enumerate(findings, 1)] or [
            layout.NO_FINDINGS
        ]
        out.append("")
    return "\n".join(out)


def table_lines(table: Table, marks: dict[str, Finding] | None = None) -> list[str]:
    """The table as lines of aligned columns: labels left, numbers right."""
    marks = marks or {}
    texts = {c: _text(c, marks) for c in table.cells}
    widths = _widths(table, texts)
    lines = []
    for row in table.grid():
        parts = []
        col = 0
        while col < table.width:
            cell = row[col]
            if cell is None:
                parts.append(" " * widths[col])
                col += 1
                continue
            span = sum(widths[col : col + cell.colspan]) + len(GAP) * (cell.colspan - 1)
            text = texts[cell]
            pad = " " * (span - display_width(text))
            parts.append(pad + text if cell.name else text + pad)
            col += cell.colspan
        lines.append(GAP.join(parts).rstrip())
    return lines


def _text(cell: Cell, marks: dict[str, Finding]) -> str:
    if cell.name in marks:
        return f"{cell.text}*"
    return cell.text


def _widths(table: Table, texts: dict[Cell, str]) -> list[int]:
    widths = [0] * table.width
    for c in table.cells:
        if c.colspan == 1:
            widths[c.col] = max(widths[c.col], display_width(texts[c]))
    # a spanning cell wider than its columns widens the last of them
    for c in sorted(table.cells, key=lambda c: c.colspan):
        if c.colspan > 1:
            cols = range(c.col, c.col + c.colspan)
            room = sum(widths[i] for i in cols) + len(GAP) * (c.colspan - 1)
            widths[cols[-1]] += max(0, display_width(texts[c]) - room)
    return widths
