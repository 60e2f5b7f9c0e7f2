"""Reading appeals: every list is scoped to the agencies the user may read; table 4 is counted
in the database.

Table 4's year (spec: annual-report-format §1.4): a case counts in the year of its decision, in
its decision's column; 尚未审结 is a case whose copy arrived by 31 December and that was not
decided by then, whenever it arrived; 总计 is both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, can, scope
from xxgk.appeals import decisions
from xxgk.appeals.choices import GROUP_OF, PENDING, TOTAL, AppealKind
from xxgk.appeals.deadlines import Deadline, answer_deadline, decision_deadline
from xxgk.appeals.models import Appeal
from xxgk.applications.clock import calendar_current
from xxgk.audit.models import AuditLog
from xxgk.report import editions
from xxgk.workdays import Calendar

Viewer = User | AnonymousUser  # whoever is asking, logged in or not


@dataclass(frozen=True)
class AppealFilters:
    """The list's filters; blank means "any"."""

    kind: str = ""  # AppealKind value
    pending: bool | None = None  # True: 尚未审结 only; False: decided only
    year: int | None = None  # counted in that year's table 4
    agency_id: int | None = None
    q: str = ""  # case number, applicant, review body or court


def _group_q(group: str) -> Q:
    kind, after_review = next(k for k, g in GROUP_OF.items() if g == group)
    if kind == AppealKind.REVIEW:
        return Q(kind=kind)
    return Q(kind=kind, after_review=after_review)


def _decided_in(year: int) -> Q:
    return Q(decided_on__gte=date(year, 1, 1), decided_on__lte=date(year, 12, 31))


def _pending_at_end_of(year: int) -> Q:
    end = date(year, 12, 31)
    return Q(copy_received_on__lte=end) & (Q(decided_on__isnull=True) | Q(decided_on__gt=end))


def _column_q(column: str, year: int) -> Q:
    if column == PENDING:
        return _pending_at_end_of(year)
    if column == TOTAL:
        return _decided_in(year) | _pending_at_end_of(year)
    keys = decisions.keys_in_column(column)
    if not keys:
        raise LookupError(f"表四的“{column}”栏没有对应的审理结果（decisions.py）")
    return _decided_in(year) & Q(decision__in=keys)


def appeal_cell_q(group: str, column: str, year: int) -> Q:
    """The appeals table 4's cell (`group`, `column`) of `year` counts (the report's drill-down
    lists them with the same condition)."""
    return _group_q(group) & _column_q(column, year)


def appeals_table(*, agency: Agency, year: int) -> dict[str, dict[str, int]]:
    """Table 4 of `agency`'s report for `year`: group -> column -> count, keys as the edition in
    force for the year names them. One aggregate query."""
    edition = editions.for_year(year)
    cells = {
        (g.key, c.key): Count("pk", filter=appeal_cell_q(g.key, c.key, year))
        for g in edition.appeal_groups
        for c in edition.appeal_columns
    }
    names = {cell: f"c{i}" for i, cell in enumerate(cells)}
    counted = Appeal.objects.filter(agency=agency).aggregate(
        **{names[cell]: expr for cell, expr in cells.items()}
    )
    table: dict[str, dict[str, int]] = {}
    for (group, column), name in names.items():
        table.setdefault(group, {})[column] = counted[name] or 0
    return table


@dataclass(frozen=True)
class YearCases:
    """One kind's cases of an agency's year, as section 四 tells them beside table 4.

    Every case of table 4's 总计 is either `received` in the year or `carried` over (received
    earlier, not decided by 1 January); each is `decided` in the year or `pending` on 31
    December: received + carried == decided + pending."""

    received: int
    carried: int
    decided: int
    carried_decided: int
    pending: int
    carried_pending: int


def appeals_of_year(*, agency: Agency, year: int) -> dict[str, YearCases]:
    """By kind (行政复议, 行政诉讼): the year's cases, new ones by the day the copy was received.
    One aggregate query."""
    start = date(year, 1, 1)
    received = Q(copy_received_on__gte=start, copy_received_on__lte=date(year, 12, 31))
    carried = Q(copy_received_on__lt=start) & (
        Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )
    parts = {
        "received": received,
        "carried": carried,
        "decided": _decided_in(year),
        "carried_decided": carried & _decided_in(year),
        "pending": _pending_at_end_of(year),
        "carried_pending": carried & _pending_at_end_of(year),
    }
    counted = Appeal.objects.filter(agency=agency).aggregate(
        **{
            f"{kind}__{part}": Count("pk", filter=Q(kind=kind) & q)
            for kind in AppealKind.values
            for part, q in parts.items()
        }
    )
    return {
        kind: YearCases(**{part: counted[f"{kind}__{part}"] or 0 for part in parts})
        for kind in AppealKind.values
    }


def appeal_list(*, user: Viewer, filters: AppealFilters | None = None) -> QuerySet[Appeal]:
    """The appeals of the agencies the user may read (`policy`: appeal.read), latest copy
    first."""
    qs = Appeal.objects.filter(agency__in=scope(user, Action.APPEAL_READ)).select_related(
        "agency", "application"
    )
    f = filters or AppealFilters()
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.pending is True:
        qs = qs.filter(decided_on__isnull=True)
    elif f.pending is False:
        qs = qs.filter(decided_on__isnull=False)
    if f.year:
        qs = qs.filter(_column_q(TOTAL, f.year))
    if f.agency_id:
        qs = qs.filter(agency_id=f.agency_id)
    if f.q:
        qs = qs.filter(
            Q(case_number__icontains=f.q)
            | Q(applicant_name__icontains=f.q)
            | Q(body__icontains=f.q)
        )
    return qs.order_by("-copy_received_on", "-id")


def appeal_get(*, user: Viewer, pk: int) -> Appeal:
    """One appeal the user may read; 404 (not 403) so that other agencies' cases do not leak."""
    try:
        return appeal_list(user=user).select_related("review", "created_by").get(pk=pk)
    except Appeal.DoesNotExist:
        raise Http404("没有这件案件，或您无权查看。") from None


def appeals_open_deadlines(*, user: Viewer) -> QuerySet[Appeal]:
    """The officer's queue: pending appeals whose answer (书面答复 / 答辩状) is not yet recorded as
    submitted, soonest due first. `answer_due_on` and `answer_due_provisional` are the due date
    and whether it rests on a year the calendar does not cover yet."""
    return (
        appeal_list(user=user)
        .filter(decided_on__isnull=True, answered_on__isnull=True)
        .order_by("answer_due_on", "copy_received_on", "id")
    )


def appeal_can_handle(*, user: Viewer, appeal: Appeal) -> bool:
    """Whether the user records the appeal's answer and decision (`policy`: appeal.write)."""
    return can(user, Action.APPEAL_WRITE, appeal)


def appeal_deadline(*, appeal: Appeal, calendar: Calendar | None = None) -> Deadline:
    """The answer deadline with its explanation, on the current calendar."""
    return answer_deadline(
        kind=appeal.kind,
        copy_received_on=appeal.copy_received_on,
        calendar=calendar if calendar is not None else calendar_current(),
        simplified=appeal.simplified,
    )


def appeal_decision_deadline(
    *, appeal: Appeal, calendar: Calendar | None = None
) -> Deadline | None:
    """When a review must be decided (for information), if its acceptance date is known."""
    return decision_deadline(
        kind=appeal.kind,
        accepted_on=appeal.accepted_on,
        calendar=calendar if calendar is not None else calendar_current(),
        simplified=appeal.simplified,
    )


def appeal_history(*, appeal: Appeal) -> QuerySet[AuditLog]:
    """Every recorded change of the appeal, oldest first (for whoever may read the appeal)."""
    return (
        AuditLog.objects.filter(object_type=Appeal._meta.model_name, object_id=str(appeal.pk))
        .select_related("actor")
        .order_by("event_time", "id")
    )


def appeal_review_notice(*, appeal: Appeal) -> str | None:
    """提示 for a lawsuit after review linked to a review not decided when the lawsuit came: not
    refused, for the applicant may sue when the review body does not decide within its period
    (行政诉讼法第四十五条), but worth a look — the link or the review's decision may be wrong."""
    review = appeal.review
    if review is None:
        return None
    if review.decided_on is None:
        state = "尚未审结"
    elif review.decided_on > appeal.copy_received_on:
        state = f"结案日期（{review.decided_on:%Y-%m-%d}）晚于本案收到起诉状副本之日"
    else:
        return None
    return (
        f"关联的行政复议 {review.case_number} {state}。复议机关逾期不作决定的，申请人可以在复议"
        "期满之日起十五日内向人民法院提起诉讼（《中华人民共和国行政诉讼法》第四十五条）；"
        "如非此种情形，请核对关联的行政复议及其审理结果是否已如实记录。"
    )


def reviews_linkable(*, user: Viewer) -> QuerySet[Appeal]:
    """The reviews a lawsuit after review may be linked to: those of the agencies whose appeals
    the user writes (`policy`: appeal.write)."""
    return Appeal.objects.filter(
        agency__in=scope(user, Action.APPEAL_WRITE), kind=AppealKind.REVIEW
    ).order_by("-copy_received_on", "-id")
