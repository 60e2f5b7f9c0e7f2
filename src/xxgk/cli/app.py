"""The Typer application every command registers with."""

import typer

app = typer.Typer(
    name="xxgk",
    help=(
        "xxgk 政府信息公开：年度报告的生成、检查与审核，依申请公开的办理。\n\n"
        "xxgk (government information disclosure): build, check and audit annual reports; "
        "handle disclosure applications."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
