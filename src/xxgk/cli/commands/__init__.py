"""Subcommands of `xxgk`, one module each, registering on `xxgk.cli.app.app` when imported.

A module is imported only when its command runs (`xxgk.cli.app.LazyGroup`): `COMMANDS` names
each command's module and the one line that `xxgk --help` lists for it, so that the listing
imports none of them. The line is the first paragraph of the command's own help; a test holds
the two equal.
"""

from __future__ import annotations

from typing import NamedTuple


class Listing(NamedTuple):
    module: str  # under xxgk.cli.commands
    summary: str  # the first paragraph of the command's help, as `xxgk --help` lists it


# In the order `xxgk --help` lists them.
COMMANDS: dict[str, Listing] = {
    "audit": Listing(
        "audit",
        "审核已公开的年度报告 (audit published annual reports)：读取网页、文本、Markdown、\n"
        "Word、PDF，恢复表格，检查全部勾稽关系。",
    ),
    "check": Listing(
        "check", "检查报告的勾稽关系 (check a report JSON against every consistency rule)."
    ),
    "deadline": Listing(
        "deadline", "答复期限：收到申请之日起 20 个工作日，按国家法定节假日和调休上班日计算。"
    ),
    "demo": Listing("demo", "载入演示数据，只载入一次 (load the demo data once)."),
    "fee": Listing(
        "fee",
        "信息处理费：按件 (--count) 或按量 (--pages) 超额累进计算，二者只能选一\n"
        "(the processing fee, by count or by pages, never both).",
    ),
    "manage": Listing(
        "manage", "运行 Django 管理命令，如 `xxgk manage migrate`、`xxgk manage createsuperuser`。"
    ),
    "render": Listing(
        "render", "按全国统一格式输出年度报告 (render a report JSON in the national layout)."
    ),
    "rollup": Listing(
        "rollup", "汇总同一版本、同一年度的多份报告 (sum reports of one edition and year into one)."
    ),
    "schema": Listing(
        "schema", "打印报告 JSON 的 JSON Schema (print the JSON Schema of a report)."
    ),
    "serve": Listing(
        "serve", "以生产方式启动网站（gunicorn + WhiteNoise），启动前检查数据库与迁移。"
    ),
    "disclosures": Listing("disclosures", "主动公开目录 (the proactive-disclosure register)."),
    "figures": Listing("disclosures", "年度报告表二的统计数 (table-2 figures from other systems)."),
    "report": Listing(
        "report", "政府信息公开工作年度报告 (annual reports computed from the records)."
    ),
}
