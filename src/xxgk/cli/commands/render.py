"""`xxgk render`: a report JSON in the national layout — html, docx, xlsx, pdf, md, txt, json."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from xxgk.cli import output
from xxgk.cli.app import app
from xxgk.report import ReportError, load
from xxgk.report.render import FORMS, RenderError, render, suffix
from xxgk.report.render.layout import findings_of

STDOUT = "-"


@app.command("render")
def render_command(
    file: Annotated[Path, typer.Argument(help="报告 JSON 文件 (a report JSON file)")],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            "-t",
            help=(
                f"输出格式：{'、'.join(FORMS)}；省略时按 -o 的扩展名，否则为 html "
                "(output form; default: from -o's suffix, else html)"
            ),
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="输出文件，- 为标准输出；默认与输入同名、换扩展名 "
            "(output file, - for stdout; default: next to the input)",
        ),
    ] = None,
    with_findings: Annotated[
        bool,
        typer.Option(
            "--with-findings",
            help="检查勾稽关系，标出有问题的单元格并列出检查结果 (highlight findings)",
        ),
    ] = False,
    fragment: Annotated[
        bool,
        typer.Option(
            "--fragment",
            help="仅输出可嵌入网页的 HTML 片段 (html only: an embeddable fragment)",
        ),
    ] = False,
) -> None:
    """按全国统一格式输出年度报告 (render a report JSON in the national layout).

    退出状态 (exit status): 0 已输出 (written), 2 无法读取或无法输出 (input unreadable,
    unknown form, output not writable, no CJK font for PDF).
    """
    form = _form(to, out)
    if fragment and form != "html":
        output.fail(f"--fragment 只适用于 html 格式，当前格式为 {form}")
    target = _target(file, out, form)
    try:
        report = load(file)
    except ReportError as e:
        output.fail(str(e))
    findings = findings_of(report) if with_findings else None
    try:
        data = render(report, form, findings=findings, fragment=fragment)
    except RenderError as e:
        output.fail(str(e))
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    output.write(target, data, inputs=[file])
    output.err.print(f"已输出 {target}")


def _form(to: str | None, out: str | None) -> str:
    """The form asked for: --to, else the suffix of -o, else html."""
    known = "、".join(FORMS)
    if to is not None:
        form = to.lower().lstrip(".")
        if form not in FORMS:
            output.fail(f"不支持的输出格式“{to}”（可用：{known}）")
        return form
    if out and out != STDOUT:
        by_suffix = {suffix(f): f for f in FORMS} | {".htm": "html", ".markdown": "md"}
        found = by_suffix.get(Path(out).suffix.lower())
        if found is None:
            output.fail(f"无法从文件名 {out} 判断输出格式，请用 --to 指定（可用：{known}）")
        return found
    return "html"


def _target(file: Path, out: str | None, form: str) -> Path | None:
    """Where to write: -o, or next to the input with the form's suffix; None for stdout."""
    if out == STDOUT:
        return None
    return Path(out) if out else file.with_suffix(suffix(form))
