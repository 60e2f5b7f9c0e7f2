"""`xxgk disclosures import` and `xxgk figures import`: an old site's catalogue, and table-2
figures from another business system, from CSV or XLSX — all or nothing, idempotent."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from xxgk.cli import output
from xxgk.cli.app import app

if TYPE_CHECKING:
    from xxgk.agencies.models import Agency
    from xxgk.disclosures.imports import ImportResult

disclosures_app = typer.Typer(
    help="主动公开目录 (the proactive-disclosure register).", no_args_is_help=True
)
figures_app = typer.Typer(
    help="年度报告表二的统计数 (table-2 figures from other systems).", no_args_is_help=True
)
app.add_typer(disclosures_app, name="disclosures")
app.add_typer(figures_app, name="figures")

_FILE = typer.Argument(help="CSV（UTF-8 或 GB18030）或 XLSX 文件 (a CSV or XLSX file)")
_AGENCY = typer.Option(
    "--agency", help="机关全称；不指定时按每行的机关（发布机构）列 (the agency, by its full name)"
)


def _setup() -> None:
    from xxgk.site.bootstrap import database_problem, django_setup

    django_setup()
    problem = database_problem()
    if problem:
        output.fail(problem)


def _agency(name: str | None) -> Agency | None:
    if name is None:
        return None
    from xxgk.agencies.models import Agency

    found = list(Agency.objects.filter(name=name)[:2])
    if len(found) != 1:
        output.fail(f"找不到机关“{name}”。" if not found else f"有多个机关名为“{name}”。")
    return found[0]


def _report(result: ImportResult, path: Path, written: str) -> None:
    if result.errors:
        for error in result.errors:
            output.err.print(f"  {escape(str(error))}", markup=True)
        output.fail(f"{path.name} 有 {len(result.errors)} 行有误，未导入任何数据。")
    output.out.print(
        f"已导入 {escape(path.name)}：{written} {result.written} 条，"
        f"与现有数据相同而未改动 {result.unchanged} 条。"
    )


def _check_file(path: Path) -> None:
    if path.is_dir():
        output.fail(f"{path} 是一个文件夹，请给出要导入的文件")
    if not path.is_file():
        output.fail(f"找不到文件 {path}")


@disclosures_app.command("import")
def disclosures_import_command(
    file: Annotated[Path, _FILE],
    agency: Annotated[str | None, _AGENCY] = None,
) -> None:
    """导入旧网站的主动公开目录：索引号、标题、文号、发布机构、成文日期、发布日期、类别、主题分类、
    第二十条事项、内容概述、正文（规章、规范性文件另有有效性、修改或废止日期）。

    索引号已有的行不重复导入；任一行有误则全部不导入。

    退出状态 (exit status): 0 已导入 (imported); 2 文件或数据有误 (bad file or rows).
    """
    _check_file(file)
    _setup()
    from xxgk.disclosures.imports import ImportFileError, disclosures_import

    try:
        result = disclosures_import(path=file, agency=_agency(agency))
    except ImportFileError as e:
        output.fail(str(e))
    _report(result, file, "新增信息")


@figures_app.command("import")
def figures_import_command(
    file: Annotated[Path, _FILE],
    agency: Annotated[str | None, _AGENCY] = None,
) -> None:
    """导入年度统计数：机关、年度、统计项（如“行政处罚·处理决定数量”或
    proactive.penalties.decisions）、数值。与现行数值相同的不重复记录；任一行有误则全部不导入。

    退出状态 (exit status): 0 已导入 (imported); 2 文件或数据有误 (bad file or rows).
    """
    _check_file(file)
    _setup()
    from xxgk.disclosures.imports import ImportFileError, figures_import

    try:
        result = figures_import(path=file, agency=_agency(agency))
    except ImportFileError as e:
        output.fail(str(e))
    _report(result, file, "新录入统计数")
