"""What `xxgk audit` says of each file and of the whole run: the summary table, the count line
and the CSV row. The agency's broken rules (规则错误), the cells xxgk could not read (无法读取)
and warnings (提示) are counted apart, so that the reader's gaps are never blamed on the agency.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rich.markup import escape
from rich.table import Table

from xxgk.cli import output
from xxgk.report.tally import Tally, Verdict

CSV_HEADER = (
    "source",
    "agency",
    "year",
    "edition",
    "findings",
    "first_finding",
    "error",
    # added after the first seven, so that scripts reading columns by position keep working
    "verdict",
    "rule_errors",
    "unreadable_cells",
    "warnings",
)
UNREADABLE_FILE = "unreadable_file"  # the CSV verdict of a file that could not be read

# How each verdict reads in the table's last column and in the count line.
_SHOWN = {
    Verdict.RULE_ERRORS: "",  # the first rule error is shown instead
    Verdict.UNREADABLE_CELLS: "",  # the first unreadable cell is shown instead
    Verdict.BLANK: "[yellow]表格为空[/]",
    Verdict.CONSISTENT: "[green]✓ 一致[/]",
}


@dataclass(frozen=True)
class Row:
    """One file of the run: its report's tally, or why it could not be read (`tally` None)."""

    source: str
    agency: str = ""
    year: str = ""
    edition: str = ""
    tally: Tally | None = None
    error: str = ""


def first_error(row: Row) -> str:
    """``rule：message`` of the first rule error, else of the first unreadable cell; "" if
    the report has no error (a warning is never shown as the report's problem)."""
    f = row.tally.first_error if row.tally else None
    return f"{f.rule}：{f.message}" if f else ""


def csv_row(row: Row) -> tuple[object, ...]:
    t = row.tally
    if t is None:
        return (row.source, "", "", "", "", "", row.error, UNREADABLE_FILE, "", "", "")
    findings = t.rule_errors + t.unreadable_cells + t.warnings
    return (
        *(row.source, row.agency, row.year, row.edition, findings, first_error(row), ""),
        *(str(t.verdict), t.rule_errors, t.unreadable_cells, t.warnings),
    )


def print_summary(rows: Sequence[Row]) -> None:
    """The table of every file, then one line counting the files by verdict."""
    # paths shown below the folder they share, named once, so a narrow terminal keeps them
    folder = shared_folder([r.source for r in rows])
    caption = f"文件位于 (files under) {escape(folder)}{os.sep}" if folder else None
    table = Table(title="审核结果 (audit summary)", caption=caption, expand=False)
    table.add_column("文件", style="cyan", overflow="fold", ratio=2, min_width=8)
    table.add_column("机关", overflow="fold", min_width=6)
    table.add_column("年度", no_wrap=True)
    table.add_column("版本", no_wrap=True)
    table.add_column("规则错误", style="red", justify="right", no_wrap=True)
    table.add_column("无法读取", style="magenta", justify="right", no_wrap=True)
    table.add_column("提示", style="yellow", justify="right", no_wrap=True)
    table.add_column("结论 / 首个错误", overflow="fold", ratio=3)
    for r in rows:
        name = escape(os.path.relpath(r.source, folder) if folder else r.source)
        t = r.tally
        if t is None:
            table.add_row(name, "[bold red]文件无法读取[/]", "", "", "", "", "", escape(r.error))
            continue
        counts = (str(n or "") for n in (t.rule_errors, t.unreadable_cells, t.warnings))
        shown = _SHOWN[t.verdict] or escape(t.first_error.rule if t.first_error else "")
        table.add_row(name, escape(r.agency), r.year, r.edition, *counts, shown)
    output.out.print(table)
    output.out.print(count_line(rows))


def count_line(rows: Sequence[Row]) -> str:
    """``共 N 个文件：…`` — each file counted once, under its verdict."""
    by = Counter(r.tally.verdict if r.tally else None for r in rows)
    return (
        f"共 {len(rows)} 个文件：[green]{by[Verdict.CONSISTENT]} 份一致[/]，"
        f"[red]{by[Verdict.RULE_ERRORS]} 份有规则错误[/]，"
        f"[magenta]{by[Verdict.UNREADABLE_CELLS]} 份有无法读取的单元格[/]，"
        f"[yellow]{by[Verdict.BLANK]} 份表格为空[/]，"
        f"[bold red]{by[None]} 个文件无法读取[/]"
    )


def shared_folder(sources: list[str]) -> str:
    """The folder every source lies in ("" when they share none, or for a single file)."""
    if len(sources) < 2:
        return ""
    try:
        folder = os.path.commonpath([os.path.dirname(s) for s in sources])
    except ValueError:  # absolute and relative paths mixed
        return ""
    return "" if folder in ("", ".", os.sep) else folder
