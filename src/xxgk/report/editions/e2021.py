"""The 2021 edition (国办公开办函〔2021〕30号): the 2021 report on."""

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

_DOCUMENTS = (
    Field("issued", Label("本年制发件数", ("本年制发",))),
    Field("repealed", Label("本年废止件数", ("本年废止",))),
    Field("in_force", Label("现行有效件数", ("现行有效",))),
)
_DECISIONS = (Field("decisions", Label("本年处理决定数量", ("处理决定数量",))),)

_PROACTIVE = (
    ProactiveBlock(
        Label("第二十条第（一）项"),
        _DOCUMENTS,
        (
            ProactiveRow("regulations", Label("规章")),
            ProactiveRow("normative_documents", Label("行政规范性文件", ("规范性文件",))),
        ),
    ),
    ProactiveBlock(
        Label("第二十条第（五）项"),
        _DECISIONS,
        (ProactiveRow("licensing", Label("行政许可")),),
    ),
    ProactiveBlock(
        Label("第二十条第（六）项"),
        _DECISIONS,
        (
            ProactiveRow("penalties", Label("行政处罚")),
            ProactiveRow("enforcement", Label("行政强制")),
        ),
    ),
    ProactiveBlock(
        Label("第二十条第（八）项"),
        (
            Field(
                "amount",
                Label("本年收费金额（单位：万元）", ("本年收费金额",)),
                kind=Kind.MONEY,
                unit="万元",
            ),
        ),
        (ProactiveRow("fees", Label("行政事业性收费")),),
    ),
)

_ROWS = c.application_rows(
    ApplicationRow(
        "other_no_correction",
        Label(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",),
        ),
        "其他处理-逾期不补正",
        groups=(c.RESULTS, "other"),
        outcome=True,
        grounds=c.GROUNDS["other_no_correction"],
    ),
    ApplicationRow(
        "other_no_fee",
        Label(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ("2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请",),
        ),
        "其他处理-逾期未缴费",
        groups=(c.RESULTS, "other"),
        outcome=True,
        grounds=c.GROUNDS["other_no_fee"],
    ),
    ApplicationRow(
        "other_other", Label("3.其他"), "其他处理-其他", groups=(c.RESULTS, "other"), outcome=True
    ),
)


def _in_force_rule(row: ProactiveRow) -> EqualityRule:
    """现行有效件数 = last year's + 本年制发 − 本年废止 (a heuristic: re-issues break it)."""
    cell = f"proactive.{row.key}"
    return EqualityRule(
        f"years.in_force.{row.key}",
        Severity.WARNING,
        f"{row.label.text}",
        (Term(f"{cell}.in_force", "本年现行有效件数"),),
        (
            Term(f"{cell}.in_force", "上年现行有效件数", previous=True),
            Term(f"{cell}.issued", "本年制发件数"),
            Term(f"{cell}.repealed", "本年废止件数", sign=-1),
        ),
    )


EDITION = c.edition(
    key="2021",
    title="2021 版（国办公开办函〔2021〕30号）",
    first_year=2021,
    markers=("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期未按收费通知"),
    proactive=_PROACTIVE,
    rows=_ROWS,
    groups=c.row_groups(c.OTHER_GROUP),
    cross_year=tuple(_in_force_rule(r) for r in _PROACTIVE[0].rows),
)
