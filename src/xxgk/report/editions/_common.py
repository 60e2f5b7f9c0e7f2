"""What the 2019 and 2021 editions print alike: table 3 (but its （六） rows), table 4, the
sections, and the builders of their consistency rules. Each edition module composes these."""

from __future__ import annotations

from dataclasses import replace

from xxgk.report.edition import (
    ApplicationRow,
    CellRule,
    Column,
    Edition,
    EqualityRule,
    HeaderCell,
    Kind,
    Label,
    ProactiveBlock,
    RowGroup,
    Section,
    Severity,
    Term,
)

SECTIONS = (
    Section("overview", "一、总体情况", ("总体情况",)),
    Section(
        "proactive",
        "二、主动公开政府信息情况",
        ("主动公开政府信息情况", "主动公开政府信息", "公开的主要内容"),
    ),
    Section(
        "applications",
        "三、收到和处理政府信息公开申请情况",
        ("收到和处理政府信息公开申请", "依申请公开"),
    ),
    Section(
        "appeals",
        "四、政府信息公开行政复议、行政诉讼情况",
        (
            "行政复议、行政诉讼",
            "行政复议和提起行政诉讼",
            "行政复议、提起行政诉讼",
            "行政复议与行政诉讼",
            "行政复议及行政诉讼",
        ),
    ),
    Section(
        "problems",
        "五、存在的主要问题及改进情况",
        ("存在的主要问题", "主要问题及改进"),
    ),
    Section("other", "六、其他需要报告的事项", ("其他需要报告",)),
)

TABLE_TITLES = {
    "proactive": Label("主动公开政府信息情况"),
    "applications": Label("收到和处理政府信息公开申请情况"),
    "appeals": Label("政府信息公开行政复议、行政诉讼情况"),
}

PROACTIVE_HEADER = Label("信息内容")

# Table 3's columns, printed order; 总计 last.
COLUMNS = (
    Column("natural_person", Label("自然人")),
    Column("commercial", Label("商业企业")),
    Column("research", Label("科研机构")),
    Column("social_welfare", Label("社会公益组织")),
    Column("legal_service", Label("法律服务机构")),
    Column("other_org", Label("其他", ("其他组织",))),
    Column("total", Label("总计", ("合计",))),
)
APPLICANT_COLUMNS = tuple(c for c in COLUMNS if c.key != "total")

BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

APPLICATION_HEADER = (
    (HeaderCell(BALANCE_NOTE, colspan=3, rowspan=3), HeaderCell("申请人情况", colspan=7)),
    (
        HeaderCell("自然人", rowspan=2, column="natural_person"),
        HeaderCell("法人或其他组织", colspan=5),
        HeaderCell("总计", rowspan=2, column="total"),
    ),
    (
        HeaderCell("商业企业", column="commercial"),
        HeaderCell("科研机构", column="research"),
        HeaderCell("社会公益组织", column="social_welfare"),
        HeaderCell("法律服务机构", column="legal_service"),
        HeaderCell("其他", column="other_org"),
    ),
)

RESULTS = "results"

_GROUPS = (
    RowGroup(RESULTS, Label("三、本年度办理结果")),
    RowGroup("denied", Label("（三）不予公开")),
    RowGroup("unable", Label("（四）无法提供")),
    RowGroup("not_processed", Label("（五）不予处理")),
)
OTHER_GROUP = RowGroup("other", Label("（六）其他处理"))


# The articles of the 2019 Regulation (国务院令第711号) a reply in each outcome row rests on
# (spec §4). A reply records the row and one of its grounds.
GROUNDS: dict[str, tuple[str, ...]] = {
    "granted": (
        "《条例》第三十六条第（一）项：已经主动公开的，告知获取的方式和途径",
        "《条例》第三十六条第（二）项：可以公开的，向申请人提供或告知获取方式、途径和时间",
    ),
    "partial": ("《条例》第三十七条：区分处理，提供可以公开的部分并说明理由",),
    "denied_state_secret": ("《条例》第十四条：依法确定为国家秘密的政府信息",),
    "denied_law_forbidden": ("《条例》第十四条：法律、行政法规禁止公开的政府信息",),
    "denied_three_safeties": (
        "《条例》第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息",
    ),
    "denied_third_party": (
        "《条例》第十五条：涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
    ),
    "denied_internal_affairs": (
        "《条例》第十六条第一款：人事管理、后勤管理、内部工作流程等内部事务信息",
    ),
    "denied_process_info": (
        "《条例》第十六条第二款：讨论记录、过程稿、磋商信函、请示报告等过程性信息",
    ),
    "denied_enforcement_file": ("《条例》第十六条第二款：行政执法案卷信息",),
    "denied_admin_query": (
        "《条例》第三十六条第（七）项：法律、行政法规对信息的获取有特别规定的，告知按有关规定办理",
    ),
    "unable_not_held": (
        "《条例》第三十六条第（四）项：经检索没有所申请公开信息",
        "《条例》第三十六条第（五）项：所申请公开信息不属于本行政机关负责公开",
    ),
    "unable_needs_creation": (
        "《条例》第三十八条：需要对现有政府信息进行加工、分析的，可以不予提供",
    ),
    "unable_unclear_after_correction": ("《条例》第三十条：补正后申请内容仍不明确",),
    "not_processed_petition": (
        "《条例》第三十九条第一款：以政府信息公开申请形式进行信访、投诉、举报等活动",
    ),
    "not_processed_duplicate": (
        "《条例》第三十六条第（六）项：重复申请公开相同政府信息，告知不予重复处理",
    ),
    "not_processed_publication": (
        "《条例》第三十九条第二款：要求提供政府公报、报刊、书籍等公开出版物，告知获取途径",
    ),
    "not_processed_massive": (
        "《条例》第三十五条：申请公开政府信息的数量、频次明显超过合理范围且理由不合理",
    ),
    "not_processed_confirm": (
        "《条例》第二条：要求确认或重新出具已获取的信息，不属于政府信息公开申请的内容",
    ),
    "other_no_correction": ("《条例》第三十条：申请人无正当理由逾期不补正，视为放弃申请",),
    "other_no_fee": (
        "《条例》第四十二条、《政府信息公开信息处理费管理办法》：申请人逾期未缴纳信息处理费",
    ),
}


def _row(
    key: str, text: str, short: str, *groups: str, variants: tuple[str, ...] = ()
) -> ApplicationRow:
    return ApplicationRow(
        key,
        Label(text, variants),
        short,
        groups=groups,
        outcome=bool(groups),
        grounds=GROUNDS.get(key, ()),
    )


_HEAD_ROWS = (
    _row("new_received", "一、本年新收政府信息公开申请数量", "本年新收"),
    _row("carried_over", "二、上年结转政府信息公开申请数量", "上年结转"),
    _row("granted", "（一）予以公开", "予以公开", RESULTS),
    _row(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "部分公开",
        RESULTS,
        variants=("（二）部分公开",),
    ),
    _row("denied_state_secret", "1.属于国家秘密", "不予公开-国家秘密", RESULTS, "denied"),
    _row(
        "denied_law_forbidden",
        "2.其他法律行政法规禁止公开",
        "不予公开-法律行政法规禁止",
        RESULTS,
        "denied",
    ),
    _row(
        "denied_three_safeties",
        "3.危及“三安全一稳定”",
        "不予公开-三安全一稳定",
        RESULTS,
        "denied",
        variants=('3.危及"三安全一稳定"', "3.危及三安全一稳定"),
    ),
    _row("denied_third_party", "4.保护第三方合法权益", "不予公开-第三方权益", RESULTS, "denied"),
    _row(
        "denied_internal_affairs",
        "5.属于三类内部事务信息",
        "不予公开-内部事务",
        RESULTS,
        "denied",
    ),
    _row("denied_process_info", "6.属于四类过程性信息", "不予公开-过程性信息", RESULTS, "denied"),
    _row(
        "denied_enforcement_file",
        "7.属于行政执法案卷",
        "不予公开-行政执法案卷",
        RESULTS,
        "denied",
    ),
    _row("denied_admin_query", "8.属于行政查询事项", "不予公开-行政查询事项", RESULTS, "denied"),
    _row(
        "unable_not_held",
        "1.本机关不掌握相关政府信息",
        "无法提供-不掌握",
        RESULTS,
        "unable",
    ),
    _row(
        "unable_needs_creation",
        "2.没有现成信息需要另行制作",
        "无法提供-需另行制作",
        RESULTS,
        "unable",
    ),
    _row(
        "unable_unclear_after_correction",
        "3.补正后申请内容仍不明确",
        "无法提供-补正后仍不明确",
        RESULTS,
        "unable",
    ),
    _row(
        "not_processed_petition",
        "1.信访举报投诉类申请",
        "不予处理-信访举报投诉",
        RESULTS,
        "not_processed",
    ),
    _row("not_processed_duplicate", "2.重复申请", "不予处理-重复申请", RESULTS, "not_processed"),
    _row(
        "not_processed_publication",
        "3.要求提供公开出版物",
        "不予处理-公开出版物",
        RESULTS,
        "not_processed",
    ),
    _row(
        "not_processed_massive",
        "4.无正当理由大量反复申请",
        "不予处理-大量反复申请",
        RESULTS,
        "not_processed",
    ),
    _row(
        "not_processed_confirm",
        "5.要求行政机关确认或重新出具已获取信息",
        "不予处理-要求确认或重新出具",
        RESULTS,
        "not_processed",
    ),
)

_TAIL_ROWS = (
    ApplicationRow("total", Label("（七）总计"), "办理结果总计", groups=(RESULTS,)),
    _row("carried_forward", "四、结转下年度继续办理", "结转下年度"),
)


def application_rows(*other_rows: ApplicationRow) -> tuple[ApplicationRow, ...]:
    """Table 3's rows with an edition's own （六） rows in their place."""
    return (*_HEAD_ROWS, *other_rows, *_TAIL_ROWS)


def row_groups(*extra: RowGroup) -> tuple[RowGroup, ...]:
    return (*_GROUPS, *extra)


APPEAL_GROUPS = (
    Column("review", Label("行政复议")),
    Column("litigation_direct", Label("未经复议直接起诉")),
    Column("litigation_after_review", Label("复议后起诉")),
)
APPEAL_COLUMNS = (
    Column("upheld", Label("结果维持")),
    Column("corrected", Label("结果纠正")),
    Column("other", Label("其他结果")),
    Column("pending", Label("尚未审结")),
    Column("total", Label("总计", ("合计",))),
)


def _appeal_leaves(group: str, rowspan: int) -> tuple[HeaderCell, ...]:
    return tuple(
        HeaderCell(c.label.text, rowspan=rowspan, column=f"{group}.{c.key}") for c in APPEAL_COLUMNS
    )


APPEAL_HEADER = (
    (HeaderCell("行政复议", colspan=5), HeaderCell("行政诉讼", colspan=10)),
    (
        *_appeal_leaves("review", 2),
        HeaderCell("未经复议直接起诉", colspan=5),
        HeaderCell("复议后起诉", colspan=5),
    ),
    (*_appeal_leaves("litigation_direct", 1), *_appeal_leaves("litigation_after_review", 1)),
)


# -- rule builders: each returns concrete rules, one per column, row or group ------------


def application_rules(rows: tuple[ApplicationRow, ...]) -> tuple[EqualityRule, ...]:
    """The three table-3 rules of report-json.md: balance, outcomes, row_total."""
    short = {r.key: r.short for r in rows}
    outcomes = [r.key for r in rows if r.outcome]
    rules: list[EqualityRule] = []
    for col in COLUMNS:

        def t(row: str, col: Column = col) -> Term:
            return Term(f"applications.{row}.{col.key}", short[row])

        scope = f"{col.label.text}列"
        rules.append(
            EqualityRule(
                f"applications.balance.{col.key}",
                Severity.ERROR,
                scope,
                (t("new_received"), t("carried_over")),
                (t("total"), t("carried_forward")),
            )
        )
        rules.append(
            EqualityRule(
                f"applications.outcomes.{col.key}",
                Severity.ERROR,
                scope,
                (t("total"),),
                tuple(t(k) for k in outcomes),
            )
        )
    for row in rows:
        rules.append(
            EqualityRule(
                f"applications.row_total.{row.key}",
                Severity.ERROR,
                f"{row.short}行",
                (Term(f"applications.{row.key}.total", "总计"),),
                tuple(
                    Term(f"applications.{row.key}.{c.key}", c.label.text) for c in APPLICANT_COLUMNS
                ),
            )
        )
    return tuple(rules)


def appeal_rules() -> tuple[EqualityRule, ...]:
    rules = []
    for g in APPEAL_GROUPS:
        parts = [c for c in APPEAL_COLUMNS if c.key != "total"]
        rules.append(
            EqualityRule(
                f"appeals.total.{g.key}",
                Severity.ERROR,
                g.label.text,
                (Term(f"appeals.{g.key}.total", "总计"),),
                tuple(Term(f"appeals.{g.key}.{c.key}", c.label.text) for c in parts),
            )
        )
    return tuple(rules)


def cell_rules(cells: tuple[str, ...], kinds: dict[str, Kind]) -> tuple[CellRule, ...]:
    return (
        CellRule(
            "values.negative",
            Severity.ERROR,
            "non_negative",
            tuple(c for c in cells if kinds[c] is not Kind.SIGNED),
        ),
        CellRule("read.unreadable", Severity.ERROR, "readable", cells),
    )


def carried_over_rules() -> tuple[EqualityRule, ...]:
    """This year's 上年结转 is last year's 结转下年度, column by column."""
    return tuple(
        EqualityRule(
            f"years.carried_over.{c.key}",
            Severity.WARNING,
            f"{c.label.text}列",
            (Term(f"applications.carried_over.{c.key}", "本年报告上年结转"),),
            (Term(f"applications.carried_forward.{c.key}", "上年报告结转下年度", previous=True),),
        )
        for c in COLUMNS
    )


def edition(
    *,
    key: str,
    title: str,
    first_year: int,
    markers: tuple[str, ...],
    proactive: tuple[ProactiveBlock, ...],
    rows: tuple[ApplicationRow, ...],
    groups: tuple[RowGroup, ...],
    cross_year: tuple[EqualityRule, ...] = (),
) -> Edition:
    """An edition from what is its own (table 2, table 3's rows, markers) and what all editions
    share, with every rule of report-json.md wired in: table 3's, table 4's, the cell rules, and
    the carried-over cross-year rule before `cross_year`."""
    base = Edition(
        key=key,
        title=title,
        first_year=first_year,
        markers=markers,
        sections=SECTIONS,
        proactive=proactive,
        proactive_header=PROACTIVE_HEADER,
        columns=COLUMNS,
        application_header=APPLICATION_HEADER,
        row_groups=groups,
        application_rows=rows,
        appeal_groups=APPEAL_GROUPS,
        appeal_columns=APPEAL_COLUMNS,
        appeal_header=APPEAL_HEADER,
        table_titles=TABLE_TITLES,
    )
    return replace(
        base,
        rules=(*application_rules(rows), *appeal_rules(), *cell_rules(base.cells, base.kinds)),
        cross_year_rules=(*carried_over_rules(), *cross_year),
    )
