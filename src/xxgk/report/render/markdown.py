"""The report as Markdown: the title, the section headings, paragraphs, and each table as a pipe
table of the full grid (merged cells give their text once, at their top-left position)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from xxgk.report.model import Finding, Report
from xxgk.report.render import layout
from xxgk.report.render.layout import Table


def render(report: Report, *, findings: Sequence[Finding] | None = None) -> str:
    """The report as Markdown. `findings`: flagged cells are marked ``**…**`` and the findings
    listed at the end."""
    marks = layout.flagged(findings or ())
    out = [f"# {_escape(layout.title(report))}", ""]
    for block in layout.blocks(report):
        if block.kind == "heading":
            out += [f"## {_escape(block.text)}", ""]
        elif block.kind == "paragraph":
            out += [_prose(block.text), ""]
        elif block.table is not None:
            out += [*_table(block.table, marks), ""]
    if findings is not None:
        out += [f"## {layout.FINDINGS_HEADING}", ""]
        out += [_finding(f) for f in findings] or [layout.NO_FINDINGS]
        out.append("")
    return "\n".join(out)


def _table(table: Table, marks: dict[str, Finding]) -> list[str]:
    rows = []
    for row in table.grid():
        texts = []
        for c in row:
            text = _escape(c.text) if c else ""
            if c is not None and c.name in marks and text:
                text = f"**{text}**"
            texts.append(text)
        rows.append("| " + " | ".join(texts) + " |")
    delimiter = "|" + "|".join(["---"] * table.width) + "|"
    return [rows[0], delimiter, *rows[1:]]


def _finding(f: Finding) -> str:
    return f"- **{layout.severity_name(f)}**：{_escape(f.message)}（`{f.rule}`）"


# A line opening like a heading, quote, list item or numbered item would become one.
_BLOCK_START = re.compile(r"^(\s*)(?:(#|>|[-+]\s)|(\d+)([.)]\s))")


def _unblock(m: re.Match[str]) -> str:
    indent, marker, number, punct = m.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{punct}"


def _prose(text: str) -> str:
    """A narrative paragraph as literal text: no HTML, no block markup taken from its words."""
    lines = [_escape(line).replace("<", "\\<") for line in text.split("\n")]
    return "\n".join(_BLOCK_START.sub(_unblock, line) for line in lines)


def _escape(text: str) -> str:
    # a pipe would end a table cell; asterisks and underscores would turn into emphasis
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
