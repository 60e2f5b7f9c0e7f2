"""The decision table: every decision of each law lands in the table-4 column the spec gives it,
and the keys it uses are the edition's own."""

from pathlib import Path

import pytest

from xxgk.appeals import choices, decisions
from xxgk.appeals.choices import AppealKind
from xxgk.report import editions

# Written from the spec (annual-report-format §1.4, procedure "After the reply"), not copied from
# decisions.py: 维持 = the act stands; 纠正 = changed or found wrong; 其他 = no finding on the act.
EXPECTED = {
    AppealKind.REVIEW: {
        "决定维持": "upheld",
        "驳回行政复议请求": "upheld",
        "决定撤销或者部分撤销（可责令重新作出）": "corrected",
        "决定变更": "corrected",
        "确认违法": "corrected",
        "确认无效": "corrected",
        "责令履行": "corrected",
        "驳回行政复议申请": "other",
        "终止行政复议（含申请人撤回申请）": "other",
        "调解或者和解结案（未认定行为违法或不当）": "other",
    },
    AppealKind.LITIGATION: {
        "判决驳回原告诉讼请求": "upheld",
        "判决撤销或者部分撤销（可判决重新作出）": "corrected",
        "判决变更": "corrected",
        "判决确认违法": "corrected",
        "判决确认无效": "corrected",
        "判决履行法定职责": "corrected",
        "裁定驳回起诉": "other",
        "裁定准予撤诉": "other",
        "裁定终结诉讼": "other",
        "调解结案": "other",
    },
}


@pytest.mark.parametrize("kind", list(AppealKind))
def test_each_decision_lands_in_the_column_the_spec_gives_it(kind) -> None:
    table = {d.label: d.column for d in decisions.decisions_for(kind)}
    assert table == EXPECTED[kind]


def test_keys_are_unique_and_each_decision_belongs_to_one_law() -> None:
    keys = [d.key for d in decisions.DECISIONS]
    assert len(keys) == len(set(keys))
    assert {d.law for d in decisions.DECISIONS} == set(AppealKind)
    for d in decisions.DECISIONS:
        assert d.key.startswith(f"{d.law}_")
        assert d.basis.startswith("《")


@pytest.mark.parametrize("edition", list(editions.all_editions().values()), ids=str)
def test_decisions_fill_exactly_the_editions_result_columns(edition) -> None:
    result_columns = {c.key for c in edition.appeal_columns} - {"pending", "total"}
    for kind in AppealKind:
        assert {d.column for d in decisions.decisions_for(kind)} == result_columns


@pytest.mark.parametrize("edition", list(editions.all_editions().values()), ids=str)
def test_groups_are_the_editions_and_each_route_has_one(edition) -> None:
    assert sorted(choices.GROUP_OF.values()) == sorted(g.key for g in edition.appeal_groups)
    assert choices.GROUP_OF[(AppealKind.REVIEW, False)] == "review"
    assert choices.GROUP_OF[(AppealKind.LITIGATION, False)] == "litigation_direct"
    assert choices.GROUP_OF[(AppealKind.LITIGATION, True)] == "litigation_after_review"


def test_labels_come_from_the_edition() -> None:
    assert choices.group_label("litigation_direct") == "未经复议直接起诉"
    assert choices.column_label("corrected") == "结果纠正"
    assert choices.route_label("litigation", True) == "行政诉讼（复议后起诉）"
    assert choices.route_label("review", False) == "行政复议"


def test_the_form_groups_a_laws_decisions_under_their_column() -> None:
    grouped = dict(decisions.grouped_choices(AppealKind.REVIEW))
    assert list(grouped) == ["结果维持", "结果纠正", "其他结果"]
    assert ("review_upheld", "决定维持") in grouped["结果维持"]
    assert all(key.startswith("review_") for opts in grouped.values() for key, _ in opts)


def test_no_label_is_copied_into_the_migration() -> None:
    migration = Path(choices.__file__).parent / "migrations" / "0001_initial.py"
    text = migration.read_text(encoding="utf-8")
    assert "xxgk.appeals.decisions.decision_choices" in text
    assert "xxgk.appeals.choices.kind_choices" in text
    for d in decisions.DECISIONS:
        assert d.label not in text
