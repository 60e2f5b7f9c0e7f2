"""The report as HTML: a fragment to embed in a portal page, or a standalone printable A4 page.

Tables carry the official merged headers (``colspan``/``rowspan`` from the edition), ``<caption>``
and ``<th scope>``; each number cell names its report cell in ``data-cell``. With findings, the
cells a finding names are highlighted and point at the finding (``aria-describedby``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from importlib.resources import files

from xxgk.report.model import Finding, Report
from xxgk.report.render import layout
from xxgk.report.render.layout import Cell, Table

Link = Callable[[str], str | None]  # a cell's name → the address its number links to


def css() -> str:
    """The stylesheet of the standalone page (A4 print rules included)."""
    return files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def render(
    report: Report,
    *,
    findings: Sequence[Finding] | None = None,
    fragment: bool = False,
    extra_css: str = "",
    link: Link | None = None,
    inline_widths: bool = True,
) -> str:
    """The report as HTML. `findings`: highlight their cells and list them after the tables.
    `fragment`: only the ``<article>``, for embedding; else a whole page with its stylesheet.
    `link`: the address a number's cell links to (the web app's drill-down), or None.
    `inline_widths`: the columns' widths as ``style`` attributes; off for a page whose Content
    Security Policy allows no inline style (the web app), where the browser lays them out."""
    body = _article(report, findings, link, inline_widths)
    if fragment:
        return body
    title = escape(layout.title(report))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{css()}{extra_css}</style>\n</head>\n"
        f'<body>\n<div class="xxgk-page">\n{body}</div>\n</body>\n</html>\n'
    )


def _article(
    report: Report,
    findings: Sequence[Finding] | None,
    link: Link | None = None,
    inline_widths: bool = True,
) -> str:
    ids = {id(f): f"xxgk-finding-{i}" for i, f in enumerate(findings or (), 1)}
    marks = layout.flagged(findings or ())
    suspect = layout.suspects(findings or ())
    out = [f'<article class="xxgk-report" lang="zh-CN">\n<h1>{escape(layout.title(report))}</h1>\n']
    body = layout.blocks(report)
    for i, block in enumerate(body):
        if block.kind == "heading":
            # a heading right above its table is kept on the same page as the table
            keep = i + 1 < len(body) and body[i + 1].kind == "table"
            out.append('<div class="xxgk-keep">\n' if keep else "")
            out.append(f"<h2>{escape(block.text)}</h2>\n")
        elif block.kind == "paragraph":
            out.append(f"<p>{escape(block.text)}</p>\n")
        elif block.table is not None:
            out.append(_table(block.table, marks, ids, suspect, link, inline_widths))
            out.append("</div>\n" if body[i - 1].kind == "heading" else "")
    if findings is not None:
        out.append(_findings(findings, ids))
    out.append("</article>\n")
    return "".join(out)


def _table(
    table: Table,
    marks: dict[str, Finding],
    ids: dict[int, str],
    suspect: set[str],
    link: Link | None = None,
    inline_widths: bool = True,
) -> str:
    out = [
        f'<table class="xxgk-table xxgk-{table.key}">\n',
        f"<caption>{escape(table.title)}</caption>\n",
    ]
    if inline_widths:
        weights = layout.column_weights(table)
        out.append("<colgroup>")
        out.extend(f'<col style="width:{w * 100 / sum(weights):.2f}%">' for w in weights)
        out.append("</colgroup>\n")
    rows = list(table.rows())
    if table.header_rows:
        out.append("<thead>\n")
    for r, cells in enumerate(rows):
        if r == table.header_rows and table.header_rows:
            out.append("</thead>\n<tbody>\n")
        elif r == 0 and not table.header_rows:
            out.append("<tbody>\n")
        row = "".join(_cell(c, table, marks, ids, suspect, link) for c in cells)
        out.append(f"<tr>{row}</tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _cell(
    cell: Cell,
    table: Table,
    marks: dict[str, Finding],
    ids: dict[int, str],
    suspect: set[str],
    link: Link | None = None,
) -> str:
    attrs = []
    classes = []
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.header:
        attrs.insert(0, f'scope="{cell.scope}"')
        if cell.colspan == table.width and cell.row >= table.header_rows:
            classes.append("xxgk-caption-row")  # a table-2 block caption
        if cell.row == 0 and cell.col == 0 and cell.rowspan > 1:
            classes.append("xxgk-note")  # the 勾稽 note over table 3's label columns
        tag = "th"
    else:
        tag = "td"
        classes.append("xxgk-num")
        if cell.name and cell.value is None:
            classes.append("xxgk-unread")  # printed 无法读取, kept on one line (see report.css)
        attrs.append(f'data-cell="{cell.name}"')
        finding = marks.get(cell.name or "")
        if finding is not None:
            classes.append(f"xxgk-finding-{finding.severity}")
            if cell.name in suspect:
                classes.append("xxgk-suspect")
            attrs.append(f'title="{escape(finding.message)}"')
            attrs.append(f'aria-describedby="{ids[id(finding)]}"')
    if classes:
        attrs.append(f'class="{" ".join(classes)}"')
    joined = (" " + " ".join(attrs)) if attrs else ""
    text = escape(cell.text)
    href = link(cell.name) if link is not None and cell.name and not cell.header else None
    if href:
        text = f'<a href="{escape(href)}">{text}</a>'
    return f"<{tag}{joined}>{text}</{tag}>"


def _findings(findings: Sequence[Finding], ids: dict[int, str]) -> str:
    out = [f'<section class="xxgk-findings">\n<h2>{layout.FINDINGS_HEADING}</h2>\n']
    if not findings:
        out.append(f"<p>{escape(layout.NO_FINDINGS)}</p>\n")
    else:
        out.append("<ol>\n")
        for f in findings:
            severity = layout.severity_name(f)
            out.append(
                f'<li id="{ids[id(f)]}" class="{f.severity}"><strong>{severity}</strong>：'
                f"{escape(f.message)} <code>{escape(f.rule)}</code></li>\n"
            )
        out.append("</ol>\n")
    out.append("</section>\n")
    return "".join(out)
