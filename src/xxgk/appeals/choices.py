"""The two procedures, and the table-4 group and column keys a case is counted under.

Table 4's keys belong to the edition (`xxgk.report.editions`): they are named here once, checked
against the edition when this module loads (a renamed key fails at start-up, not in a report),
and their labels are always read from it.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from xxgk.report import editions
from xxgk.report.edition import Column, Edition


class AppealKind(models.TextChoices):
    """The procedure, and so the law whose deadlines and decisions apply."""

    REVIEW = "review", "行政复议"
    LITIGATION = "litigation", "行政诉讼"


def kind_choices() -> list[tuple[str, str]]:
    return list(AppealKind.choices)


def table4_edition() -> Edition:
    """The newest edition: table 4 is the same in every edition, so its labels come from here."""
    return list(editions.all_editions().values())[-1]


def _key(columns: tuple[Column, ...], key: str) -> str:
    if key not in {c.key for c in columns}:
        raise ImproperlyConfigured(f"报告格式的表四没有“{key}”：appeals 应随报告格式更新")
    return key


_T4 = table4_edition()
REVIEW_GROUP = _key(_T4.appeal_groups, "review")
LITIGATION_DIRECT = _key(_T4.appeal_groups, "litigation_direct")
LITIGATION_AFTER_REVIEW = _key(_T4.appeal_groups, "litigation_after_review")
UPHELD = _key(_T4.appeal_columns, "upheld")
CORRECTED = _key(_T4.appeal_columns, "corrected")
OTHER = _key(_T4.appeal_columns, "other")
PENDING = _key(_T4.appeal_columns, "pending")
TOTAL = _key(_T4.appeal_columns, "total")

# The columns a decision is counted in; 尚未审结 and 总计 are not decisions.
DECISION_COLUMNS = (UPHELD, CORRECTED, OTHER)

# The group a case is counted in: its procedure and, for a lawsuit, whether a review came first.
GROUP_OF: dict[tuple[str, bool], str] = {
    (AppealKind.REVIEW, False): REVIEW_GROUP,
    (AppealKind.LITIGATION, False): LITIGATION_DIRECT,
    (AppealKind.LITIGATION, True): LITIGATION_AFTER_REVIEW,
}


def group_label(key: str) -> str:
    return next(g.label.text for g in _T4.appeal_groups if g.key == key)


def column_label(key: str) -> str:
    return next(c.label.text for c in _T4.appeal_columns if c.key == key)


def route_label(kind: str, after_review: bool) -> str:
    """Table 4's groups: review; litigation directly; litigation after review."""
    if kind == AppealKind.REVIEW:
        return AppealKind.REVIEW.label
    return f"{AppealKind.LITIGATION.label}（{group_label(GROUP_OF[(kind, after_review)])}）"
