"""The decisions that end a review or a lawsuit, and the table-4 column each one is counted in.

Data, not code: one row per decision kind, with its label, the law it belongs to, the article it
rests on, and its column — 结果维持 (the act stands), 结果纠正 (the act is changed or found
wrong), 其他结果 (neither: the case ends without a finding on the act). The register, the forms
and table 4 all read this table; nothing else maps a decision to a column.

A lawsuit's decision is the one that ends it (the effective judgment or ruling): a first-instance
judgment under appeal leaves the case pending.
"""

from __future__ import annotations

from dataclasses import dataclass

from xxgk.appeals.choices import CORRECTED, OTHER, UPHELD, AppealKind, column_label

REVIEW_LAW = "《中华人民共和国行政复议法》"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"
LITIGATION_RULES = "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》"


@dataclass(frozen=True)
class Decision:
    key: str
    label: str
    law: AppealKind  # the procedure whose law provides this decision
    column: str  # the table-4 column it is counted in
    basis: str  # the article it rests on


def _review(key: str, label: str, column: str, article: str) -> Decision:
    return Decision(f"review_{key}", label, AppealKind.REVIEW, column, f"{REVIEW_LAW}{article}")


def _litigation(key: str, label: str, column: str, basis: str) -> Decision:
    return Decision(f"litigation_{key}", label, AppealKind.LITIGATION, column, basis)


DECISIONS: tuple[Decision, ...] = (
    _review("upheld", "决定维持", UPHELD, "第六十八条"),
    _review("claim_rejected", "驳回行政复议请求", UPHELD, "第六十九条"),
    _review("revoked", "决定撤销或者部分撤销（可责令重新作出）", CORRECTED, "第六十四条"),
    _review("changed", "决定变更", CORRECTED, "第六十三条"),
    _review("confirmed_illegal", "确认违法", CORRECTED, "第六十五条"),
    _review("confirmed_void", "确认无效", CORRECTED, "第六十七条"),
    _review("ordered_to_perform", "责令履行", CORRECTED, "第六十六条"),
    _review("application_rejected", "驳回行政复议申请", OTHER, "第三十三条"),
    _review("terminated", "终止行政复议（含申请人撤回申请）", OTHER, "第四十一条"),
    _review("settled", "调解或者和解结案（未认定行为违法或不当）", OTHER, "第七十三条、第七十四条"),
    _litigation("claim_rejected", "判决驳回原告诉讼请求", UPHELD, f"{LITIGATION_LAW}第六十九条"),
    _litigation(
        "revoked",
        "判决撤销或者部分撤销（可判决重新作出）",
        CORRECTED,
        f"{LITIGATION_LAW}第七十条",
    ),
    _litigation("changed", "判决变更", CORRECTED, f"{LITIGATION_LAW}第七十七条"),
    _litigation("confirmed_illegal", "判决确认违法", CORRECTED, f"{LITIGATION_LAW}第七十四条"),
    _litigation("confirmed_void", "判决确认无效", CORRECTED, f"{LITIGATION_LAW}第七十五条"),
    _litigation("ordered_to_perform", "判决履行法定职责", CORRECTED, f"{LITIGATION_LAW}第七十二条"),
    _litigation("suit_dismissed", "裁定驳回起诉", OTHER, f"{LITIGATION_RULES}第六十九条"),
    _litigation("withdrawn", "裁定准予撤诉", OTHER, f"{LITIGATION_LAW}第六十二条"),
    _litigation(
        "terminated",
        "裁定终结诉讼",
        OTHER,
        f"{LITIGATION_RULES}第八十八条",
    ),
    _litigation("mediated", "调解结案", OTHER, f"{LITIGATION_LAW}第六十条"),
)

_BY_KEY = {d.key: d for d in DECISIONS}


def decision_get(key: str) -> Decision | None:
    return _BY_KEY.get(key)


def decisions_for(kind: str) -> tuple[Decision, ...]:
    """The decisions the law of this procedure provides, in the table's order."""
    return tuple(d for d in DECISIONS if d.law == kind)


def keys_in_column(column: str) -> tuple[str, ...]:
    return tuple(d.key for d in DECISIONS if d.column == column)


def decision_choices() -> list[tuple[str, str]]:
    """Every decision (the model field's choices; a callable, so no label is copied into a
    migration)."""
    return [(d.key, d.label) for d in DECISIONS]


def grouped_choices(kind: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A procedure's decisions grouped under the table-4 column they are counted in (a form's
    <optgroup>s), so the officer sees where each one lands."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for d in decisions_for(kind):
        groups.setdefault(column_label(d.column), []).append((d.key, d.label))
    return list(groups.items())
