"""The 2019 edition (国办公开办函〔2019〕60号, 格式（试行）): the 2019 and 2020 reports."""

from xxgk.report.edition import (
    ApplicationRow,
    EqualityRule,
    Field,
    Kind,
    Label,
    ProactiveBlock,
    ProactiveRow,
    Severity,
    Term,
)
from xxgk.report.editions import _common as c

_MADE = (
    Field("made", Label("本年新制作数量", ("本年新制作", "本年新"))),
    Field("published", Label("本年新公开数量", ("本年新公开",))),
    Field("total_published", Label("对外公开总数量", ("对外公开总数",))),
)
_ITEMS = (
    Field("previous_items", Label("上一年项目数量", ("上一年项目数",))),
    Field("change", Label("本年增/减", ("本年增减", "本年增／减")), kind=Kind.SIGNED),
    Field("decisions", Label("处理决定数量", ("处理决定数",))),
)

_PROACTIVE = (
    ProactiveBlock(
        Label("第二十条第（一）项"),
        _MADE,
        (
            ProactiveRow("regulations", Label("规章")),
            ProactiveRow("normative_documents", Label("规范性文件", ("行政规范性文件",))),
        ),
    ),
    ProactiveBlock(
        Label("第二十条第（五）项"),
        _ITEMS,
        (
            ProactiveRow("licensing", Label("行政许可")),
            ProactiveRow("other_services", Label("其他对外管理服务事项")),
        ),
    ),
    ProactiveBlock(
        Label("第二十条第（六）项"),
        _ITEMS,
        (
            ProactiveRow("penalties", Label("行政处罚")),
            ProactiveRow("enforcement", Label("行政强制")),
        ),
    ),
    ProactiveBlock(
        Label("第二十条第（八）项"),
        _ITEMS[:2],
        (ProactiveRow("fees", Label("行政事业性收费")),),
    ),
    ProactiveBlock(
        Label("第二十条第（九）项"),
        (
            Field("items", Label("采购项目数量", ("采购项目数",))),
            Field("amount", Label("采购总金额"), kind=Kind.MONEY, unit="元"),
        ),
        (ProactiveRow("procurement", Label("政府集中采购")),),
    ),
)

_ROWS = c.application_rows(
    ApplicationRow("other", Label("（六）其他处理"), "其他处理", groups=(c.RESULTS,), outcome=True)
)


def _total_published_rule(row: ProactiveRow) -> EqualityRule:
    """对外公开总数量 = last year's + 本年新公开数量 (a heuristic, as 2021's 现行有效件数: a
    document withdrawn from publication breaks it)."""
    cell = f"proactive.{row.key}"
    return EqualityRule(
        f"years.total_published.{row.key}",
        Severity.WARNING,
        f"{row.label.text}",
        (Term(f"{cell}.total_published", "本年对外公开总数量"),),
        (
            Term(f"{cell}.total_published", "上年对外公开总数量", previous=True),
            Term(f"{cell}.published", "本年新公开数量"),
        ),
    )


EDITION = c.edition(
    key="2019",
    title="2019 版（国办公开办函〔2019〕60号）",
    first_year=2019,
    markers=(
        "本年新制作数量",
        "本年新公开数量",
        "上一年项目数量",
        "第二十条第（九）项",
        "采购总金额",
    ),
    proactive=_PROACTIVE,
    rows=_ROWS,
    groups=c.row_groups(),
    cross_year=tuple(_total_published_rule(r) for r in _PROACTIVE[0].rows),
)
