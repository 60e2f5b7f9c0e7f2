"""How commands print reports and findings, and the exit status they share (report-json.md)."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:  # imported where used: the report package (jsonschema) costs start-up
    from xxgk.report import Report

OK, FINDINGS, UNREADABLE = 0, 1, 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
# Piped or saved output has no width to fit: rich's default of 80 columns would fold the
# summary table's paths and rule ids into unreadable slivers.
for _console in (out, err):
    if not _console.is_terminal and "COLUMNS" not in os.environ:
        _console.width = 200


def fail(message: str, code: int = UNREADABLE) -> NoReturn:
    """Print an error for the user (never a traceback) and leave with `code`."""
    err.print(f"[bold red]错误[/]：{escape(message)}")
    sys.exit(code)


# The operating system's reasons a user meets when a file cannot be written, in Chinese
# (strerror is English); any other reason is shown as the system gives it.
_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "只读文件系统",
    errno.ENOENT: "目录不存在",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EISDIR: "这是一个目录",
    errno.EIO: "输入输出错误",
}


def reason(e: OSError) -> str:
    """Why an operation on a file failed, in Chinese where the reason is a common one."""
    return _REASONS.get(e.errno or 0) or e.strerror or str(e)


def write(target: Path, data: bytes, *, inputs: Sequence[Path] = ()) -> None:
    """Write an output file, refusing to overwrite any of the command's input files; a path that
    cannot be written is a message (exit 2), not a traceback."""
    for source in inputs:
        if target.resolve() == source.resolve():
            fail(f"输出文件 {target} 就是输入文件，请用 -o 指定另一个文件")
    try:
        target.write_bytes(data)
    except OSError as e:
        fail(f"无法写入 {target}：{reason(e)}")


def status(reports: Iterable[Report], unreadable: int = 0) -> int:
    """2 if a file could not be read, else 1 if a report has an error finding, else 0."""
    if unreadable:
        return UNREADABLE
    return FINDINGS if any(r.has_errors for r in reports) else OK


def json_line(report: Report, source: str, audit: dict[str, Any] | None = None) -> str:
    from xxgk.report.jsonio import dumps

    return dumps(report, source=source, indent=None, audit=audit)


def print_findings(report: Report, source: str | None = None) -> None:
    """A heading for the report, then each finding with where its cells were printed."""
    from xxgk.report import Severity

    head = f"{report.agency or '（未知机关）'} {report.year} 年（{report.edition.key} 版）"
    if source:
        head = f"{source}：{head}"
    errors = sum(f.severity is Severity.ERROR for f in report.findings)
    warnings = len(report.findings) - errors
    if not report.findings:
        out.print(f"[green]✓[/] {escape(head)}：勾稽关系全部成立")
        return
    out.print(f"[bold]{escape(head)}[/]：{errors} 个错误，{warnings} 个提示")
    for f in report.findings:
        mark = "[red]✗ 错误[/]" if f.severity is Severity.ERROR else "[yellow]! 提示[/]"
        origin = f"（来自 {escape(f.source)}）" if f.source else ""
        out.print(f"  {mark} {escape(f.message)}{origin}  [dim]{escape(f.rule)}[/]")
        for w in f.where[:6]:
            out.print(f"      [dim]↳ {escape(w)}[/]")
        if len(f.where) > 6:
            out.print(f"      [dim]↳ 另有 {len(f.where) - 6} 处[/]")
