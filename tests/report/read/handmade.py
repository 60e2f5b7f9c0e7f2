"""Hand-made reports for the reader tests, printed from the edition in each layout we read.

Labels come from the edition (the one place they live); numbers are our own. Nothing here is
copied from a published report.
"""

from __future__ import annotations

from decimal import Decimal

from xxgk.report.edition import Edition, HeaderCell
from xxgk.report.model import Report

AGENCY = "示例市示例局"


def sample_report(edition: str = "2019", year: int = 2020) -> Report:
    """A consistent report with a few non-zero cells in every table."""
    r = Report.empty(edition, AGENCY, year)
    ed = r.edition
    first = ed.proactive_rows[1]  # 规范性文件
    for f in first[0].fields:
        r[f"proactive.{first[1].key}.{f.key}"] = 12
    for b, row in ed.proactive_rows:
        for f in b.fields:
            if f.key == "amount":
                r[f"proactive.{row.key}.{f.key}"] = Decimal("190000")
            elif f.key == "decisions":
                r[f"proactive.{row.key}.{f.key}"] = 37
    rows = {
        "new_received": [71, 3, 0, 0, 0, 0, 74],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [21, 0, 0, 0, 0, 0, 21],
        "partial": [8, 1, 0, 0, 0, 0, 9],
        "unable_not_held": [37, 0, 0, 0, 0, 0, 37],
        "not_processed_duplicate": [4, 2, 0, 0, 0, 0, 6],
        "total": [70, 3, 0, 0, 0, 0, 73],
        "carried_forward": [2, 0, 0, 0, 0, 0, 2],
    }
    for row, values in rows.items():
        for col, v in zip(ed.columns, values, strict=True):
            r[f"applications.{row}.{col.key}"] = v
    for g, values in zip(ed.appeal_groups, ([0, 1, 1, 0, 2], [1, 0, 0, 0, 1]), strict=False):
        for col, v in zip(ed.appeal_columns, values, strict=True):
            r[f"appeals.{g.key}.{col.key}"] = v
    return r


def heading(ed: Edition, section: str) -> str:
    """A section's official heading (一、总体情况 …), from the edition."""
    return next(x.heading for x in ed.sections if x.key == section)


def _num(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value}元"
    return str(value)


def table_rows(r: Report) -> list[list[str]]:
    """Every printed row of tables 2–4, as cells (labels then values)."""
    ed = r.edition
    out: list[list[str]] = [[heading(ed, "proactive")]]
    for block in ed.proactive:
        out.append([block.caption.text])
        out.append([ed.proactive_header.text, *(f.label.text for f in block.fields)])
        for row in block.rows:
            cells = [_num(r[f"proactive.{row.key}.{f.key}"]) for f in block.fields]
            out.append([row.label.text, *cells])
    out.append([heading(ed, "applications")])
    out += [[cell.text for cell in header_row] for header_row in ed.application_header]
    printed_groups: set[str] = set()
    for row in ed.application_rows:
        labels = []
        for g in row.groups:
            if g not in printed_groups:
                printed_groups.add(g)
                labels.append(ed.row_group(g).label.text)
        values = [str(r[f"applications.{row.key}.{c.key}"]) for c in ed.columns]
        out.append([*labels, row.label.text, *values])
    out.append([heading(ed, "appeals")])
    out += [[cell.text for cell in header_row] for header_row in ed.appeal_header]
    out.append(
        [str(r[f"appeals.{g.key}.{c.key}"]) for g in ed.appeal_groups for c in ed.appeal_columns]
    )
    return out


def opening(r: Report) -> list[str]:
    return [
        f"{r.agency}{r.year}年政府信息公开工作年度报告",
        f"本报告由{r.agency}编制。本报告中所列数据的统计期限自{r.year}年1月1日起至"
        f"{r.year}年12月31日止。",
        heading(r.edition, "overview"),
        "本年度，我局认真落实条例要求，主动公开各类信息。",
    ]


def closing(r: Report) -> list[str]:
    return [
        heading(r.edition, "problems"),
        "信息公开的及时性还需提高。",
        r.agency,
        f"{r.year + 1}年1月20日",
    ]


def as_bars(r: Report) -> str:
    """One cell per line with lone ``|`` lines between (a scraped table)."""
    lines = opening(r)
    for row in table_rows(r):
        if len(row) == 1:
            lines.append(row[0])
            continue
        for cell in row:
            lines += [cell, "|"]
    lines += closing(r)
    return "\n".join(lines) + "\n"


def as_tabs(r: Report) -> str:
    lines = opening(r) + ["\t".join(row) for row in table_rows(r)] + closing(r)
    return "\n".join(lines) + "\n"


def as_flat(r: Report, glue: bool = True) -> str:
    """The whole report on one line, each row's numbers glued (``713000074``)."""
    parts = opening(r)
    for row in table_rows(r):
        labels = [c for c in row if not c.replace("元", "").replace(".", "").isdigit()]
        values = [c for c in row if c not in labels]
        parts.append("".join(labels) + ("" if glue else " ") + ("" if glue else " ").join(values))
    parts += closing(r)
    return " ".join(parts) + "\n"


def as_markdown(r: Report) -> str:
    lines = [f"# {opening(r)[0]}", "", *opening(r)[1:], ""]
    for row in table_rows(r):
        if len(row) == 1:
            lines += ["", row[0], ""]
            continue
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", *closing(r)]
    return "\n".join(lines) + "\n"


def as_html(r: Report, blank_totals: bool = False, total_first: bool = False) -> str:
    """A web page: table 3 with its row-group labels spanning rows (rowspan). `total_first`
    prints 总计 before 自然人 and adds a 法人小计 column (layouts seen in local templates)."""
    ed = r.edition
    if total_first:
        return _html_total_first(r)
    body = [f"<h1>{opening(r)[0]}</h1>"] + [f"<p>{p}</p>" for p in opening(r)[1:]]
    body.append("<table>")
    for row in table_rows(r)[: 1 + 2 * len(ed.proactive) + sum(len(b.rows) for b in ed.proactive)]:
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    body.append(f"</table><p>{heading(ed, 'applications')}</p><table>")
    body += _header_html(ed.application_header)
    seen: set[str] = set()
    for row in ed.application_rows:
        cells = []
        for g in row.groups:
            if g not in seen:
                seen.add(g)
                span = sum(1 for x in ed.application_rows if g in x.groups)
                cells.append(f'<td rowspan="{span}">{ed.row_group(g).label.text}</td>')
        colspan = 3 - len(row.groups)
        cells.append(f'<td colspan="{colspan}">{row.label.text}</td>')
        values = [str(r[f"applications.{row.key}.{c.key}"]) for c in ed.columns]
        if blank_totals and row.outcome:
            values[-1] = "&nbsp;"
        cells += [f"<td>{v}</td>" for v in values]
        body.append("<tr>" + "".join(cells) + "</tr>")
    body.append(f"</table><p>{heading(ed, 'appeals')}</p><table>")
    body += _header_html(ed.appeal_header)
    values = [r[f"appeals.{g.key}.{c.key}"] for g in ed.appeal_groups for c in ed.appeal_columns]
    body.append("<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
    body.append("</table>")
    body += [f"<p>{p}</p>" for p in closing(r)]
    return "<html><body>" + "\n".join(body) + "</body></html>"


def _header_html(rows: tuple[tuple[HeaderCell, ...], ...]) -> list[str]:
    """A merged header as the edition defines it, with its rowspans and colspans."""
    out = []
    for row in rows:
        cells = "".join(
            f'<td rowspan="{c.rowspan}" colspan="{c.colspan}">{c.text}</td>' for c in row
        )
        out.append(f"<tr>{cells}</tr>")
    return out


def _html_total_first(r: Report) -> str:
    ed = r.edition
    page = as_html(r)
    start = page.index(f"<p>{heading(ed, 'applications')}</p><table>")
    end = page.index(f"</table><p>{heading(ed, 'appeals')}")
    (note, applicants), (natural, legal_persons, total) = ed.application_header[:2]
    rows = [f'<tr><td colspan="3" rowspan="3">{note.text}</td>']
    rows.append(f'<td colspan="8">{applicants.text}</td></tr>')
    rows.append(f'<tr><td rowspan="2">{total.text}</td><td rowspan="2">{natural.text}</td>')
    rows.append(f'<td colspan="6">{legal_persons.text}</td></tr>')
    legal = ed.columns[1:6]
    rows.append(
        "<tr>" + "".join(f"<td>{c.label.text}</td>" for c in legal) + "<td>法人小计</td></tr>"
    )
    for row in ed.application_rows:
        values = [r[f"applications.{row.key}.{c.key}"] for c in ed.columns]
        printed = [values[6], values[0], *values[1:6], sum(values[1:6])]  # type: ignore[arg-type]
        cells = f'<td colspan="3">{row.label.text}</td>' + "".join(f"<td>{v}</td>" for v in printed)
        rows.append(f"<tr>{cells}</tr>")
    table = f"<p>{heading(ed, 'applications')}</p><table>" + "".join(rows)
    return page[:start] + table + page[end:]


def as_layout(r: Report, blank_zeros: tuple[str, ...] = ()) -> str:
    """Space-aligned columns, as ``pdftotext -layout`` prints a table; the rows named in
    `blank_zeros` print their zero cells as empty space."""
    lines = opening(r)
    ed = r.edition
    for row in table_rows(r):
        labels = [c for c in row if not c.replace("元", "").replace(".", "").isdigit()]
        values = [c for c in row if c not in labels]
        key = next((x.key for x in ed.application_rows if x.label.text in labels), None)
        if key in blank_zeros:
            values = ["" if v == "0" else v for v in values]
        cells = "".join(v.rjust(6) for v in values)
        lines.append(" ".join(labels).ljust(40) + cells)
    lines += closing(r)
    return "\n".join(lines) + "\n"


def as_converter_markdown(r: Report, detached: tuple[str, ...]) -> str:
    """Markdown as PDF converters print it: table 3 broken into several pipe tables, and the
    rows named in `detached` printed as bare numbers with their labels moved out of the table,
    into text lines after them (the converter's reading order)."""
    ed = r.edition
    lines = [f"# {opening(r)[0]}", "", *opening(r)[1:], ""]
    moved: list[str] = []
    for row in table_rows(r):
        if len(row) == 1:
            lines += ["", row[0], ""]
            continue
        key = next((x.key for x in ed.application_rows if x.label.text in row), None)
        if key in detached:
            values = row[-len(ed.columns) :]
            lines.append("| " + " | ".join(values) + " |")
            moved.append(row[-len(ed.columns) - 1])
            continue
        if moved:  # the table breaks here; the moved labels are printed between the pieces
            lines += ["", *moved, ""]
            moved = []
        lines.append("| " + " | ".join(row) + " |")
        lines.append("|" + "---|" * len(row))
    lines += ["", *closing(r)]
    return "\n".join(lines) + "\n"
