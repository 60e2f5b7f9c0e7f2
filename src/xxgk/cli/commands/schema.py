"""`xxgk schema`: the JSON Schema of a report, generated from the edition definition."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from xxgk.cli import output
from xxgk.cli.app import app
from xxgk.report import editions
from xxgk.report.schema import json_schema


@app.command("schema")
def schema_command(
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            "-e",
            help="报告格式版本，如 2019、2021；默认最新 (edition; newest by default)",
        ),
    ] = None,
) -> None:
    """打印报告 JSON 的 JSON Schema (print the JSON Schema of a report)."""
    try:
        ed = editions.get(edition) if edition else list(editions.all_editions().values())[-1]
    except editions.UnknownEdition as e:
        output.fail(str(e))
    print(json.dumps(json_schema(ed), ensure_ascii=False, indent=2))
