"""Reads of the annual reports: what the portal lists, and what a back-office page shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from xxgk.agencies.models import Agency, Level
from xxgk.agencies.policy import Action, Viewer, scope
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.reports.models import AnnualReport, ReportFile, ReportStatus
from xxgk.site.people import name_of


def published_versions(*, agency: Agency) -> QuerySet[AnnualReport]:
    """Every published version of the agency's reports, newest year first, a correction before
    the version it corrects."""
    return (
        AnnualReport.objects.filter(agency=agency, status=ReportStatus.PUBLISHED)
        .prefetch_related("files")
        .order_by("-year", "-version")
    )


def published_file(*, pk: int, form: str) -> ReportFile | None:
    """A file of a published version (only published ones are ever public)."""
    return (
        ReportFile.objects.select_related("report")
        .filter(report__pk=pk, report__status=ReportStatus.PUBLISHED, form=form)
        .first()
    )


def report_versions(*, agency: Agency, year: int) -> QuerySet[AnnualReport]:
    """Every version of one year, newest first (the back office's page)."""
    return AnnualReport.objects.filter(agency=agency, year=year).order_by("-version")


@dataclass(frozen=True)
class Returned:
    """The head's latest 退回修改 of a version: who, when, and the reason."""

    by: str
    at: datetime
    reason: str


def report_returned(*, annual: AnnualReport) -> Returned | None:
    """Why the version is back in draft, if the head returned it (the reason is kept in the
    audit record of `report_return`); None for a version that is not a draft or never was
    returned."""
    if annual.status != ReportStatus.DRAFT:
        return None
    entry = (
        AuditLog.objects.filter(
            object_type=AnnualReport._meta.model_name,
            object_id=str(annual.pk),
            event_type=AuditEventType.REPORT_RETURNED,
        )
        .select_related("actor")
        .order_by("-event_time", "-id")
        .first()
    )
    if entry is None:
        return None
    reason = (entry.new_value or {}).get("reason", "")
    return Returned(name_of(entry.actor) if entry.actor else "", entry.event_time, reason)


@dataclass(frozen=True)
class Due:
    """Last year's report of an agency, not yet published, and when the law wants it."""

    agency: Agency
    year: int
    deadline: date | None  # None: the 条例 sets no date for this level
    days_left: int | None  # negative: overdue
    status: str  # of the version being prepared, or "" when none is begun

    @property
    def overdue(self) -> int:
        """Days past the deadline (0 while it has not passed)."""
        return max(0, -(self.days_left or 0))


def deadline_of(agency: Agency, year: int) -> date | None:
    """条例第四十九条: a 县级以上人民政府部门 publishes its report of `year` by 31 January of the
    next year; a 县级以上地方人民政府's is published by 31 March. The 条例 sets no date for a
    township (乡镇、街道)."""
    if agency.level == Level.DEPARTMENT:
        return date(year + 1, 1, 31)
    if agency.level in (Level.PROVINCE, Level.CITY, Level.DISTRICT):
        return date(year + 1, 3, 31)
    return None


def reports_due(*, user: Viewer, today: date) -> list[Due]:
    """From 1 January: the agencies whose reports the user prepares and whose last year's report
    is not published yet, the latest deadline last."""
    year = today.year - 1
    statuses = tree_status(agencies=scope(user, Action.REPORT_WRITE), year=year, today=today)
    found = [
        Due(s.agency, year, s.deadline, s.days_left, s.working)
        for s in statuses
        if s.published is None
    ]
    return sorted(found, key=lambda d: (d.deadline or date.max, d.agency.path))


@dataclass(frozen=True)
class AgencyStatus:
    """One agency's report of a year, as a supervising office sees it."""

    agency: Agency
    published: AnnualReport | None
    working: str  # the status of a version being prepared, or ""
    deadline: date | None
    days_left: int | None
    errors: int  # error findings of the published version
    warnings: int
    first_published_on: date | None = None  # the first version's day: a correction is not late

    @property
    def overdue(self) -> bool:
        """Not published, and the 条例第四十九条 deadline has passed."""
        return self.published is None and self.days_left is not None and self.days_left < 0

    @property
    def published_late(self) -> bool:
        """First published after the 条例第四十九条 deadline (逾期发布)."""
        return (
            self.deadline is not None
            and self.first_published_on is not None
            and self.first_published_on > self.deadline
        )


def tree_status(*, agencies: QuerySet[Agency], year: int, today: date) -> list[AgencyStatus]:
    """Who has published `year`'s report, who has not (with the days to the deadline), and
    whose published report has findings — in the order of the agency tree."""
    published: dict[int, AnnualReport] = {}
    first_on: dict[int, date] = {}
    for report in AnnualReport.objects.filter(
        agency__in=agencies, year=year, status=ReportStatus.PUBLISHED
    ).order_by("version"):
        published[report.agency_id] = report  # the latest version wins
        if report.published_at is not None:
            first_on.setdefault(report.agency_id, timezone.localtime(report.published_at).date())
    working = dict(
        AnnualReport.objects.filter(agency__in=agencies, year=year)
        .exclude(status=ReportStatus.PUBLISHED)
        .values_list("agency_id", "status")
    )
    found = []
    for agency in agencies.order_by("path"):
        latest = published.get(agency.pk)
        findings = (latest.report_json or {}).get("findings", []) if latest else []
        deadline = deadline_of(agency, year)
        found.append(
            AgencyStatus(
                agency=agency,
                published=latest,
                working=ReportStatus(working[agency.pk]).label if agency.pk in working else "",
                deadline=deadline,
                days_left=(deadline - today).days if deadline else None,
                errors=sum(f["severity"] == "error" for f in findings),
                warnings=sum(f["severity"] == "warning" for f in findings),
                first_published_on=first_on.get(agency.pk),
            )
        )
    return found


def subtree(agencies: QuerySet[Agency], root: Agency | None, *, below_only: bool = False):  # type: ignore[no-untyped-def]
    """`agencies` within `root`'s subtree (all of them without a root); `below_only`: 本级 and
    its directly subordinate agencies (所属), not deeper."""
    if root is None:
        return agencies
    found = agencies.filter(path__startswith=root.path)
    if below_only:
        from django.db.models import Q

        found = found.filter(Q(pk=root.pk) | Q(parent=root))
    return found
