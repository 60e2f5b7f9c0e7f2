"""Entering a year's official calendar, and re-dating open applications when one is entered."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction

from xxgk.applications.clock import calendar_current
from xxgk.applications.models import Application, CalendarYear
from xxgk.applications.services import ApplicationError, application_refresh
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.workdays import InvalidYearDays, YearDays

_RANGE = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})\s*(?:(?:至|到|~|～|—|--|/)\s*(\d{4}-\d{1,2}-\d{1,2}))?$"
)


def parse_days(text: str) -> list[date]:
    """Dates one per line or separated by commas; a range is ``2027-10-01 至 2027-10-07``."""
    days: set[date] = set()
    for raw in re.split(r"[\n,，;；、]+", text):
        part = raw.strip()
        if not part:
            continue
        match = _RANGE.match(part)
        if not match:
            raise ApplicationError(
                f"无法识别的日期“{part}”：请写成 2027-10-01 或 2027-10-01 至 2027-10-07。"
            )
        try:
            first = date.fromisoformat(_pad(match.group(1)))
            last = date.fromisoformat(_pad(match.group(2))) if match.group(2) else first
        except ValueError:
            raise ApplicationError(f"日期“{part}”不存在。") from None
        if last < first:
            raise ApplicationError(f"日期范围“{part}”的结束早于开始。")
        days.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    return sorted(days)


def _pad(text: str) -> str:
    y, m, d = text.split("-")
    return f"{y}-{int(m):02d}-{int(d):02d}"


@transaction.atomic
def calendar_year_save(
    *,
    user: User,
    year: int,
    holidays: list[date],
    workdays: list[date],
    notice: str = "",
) -> tuple[CalendarYear, int]:
    """Enter (or correct) a year's holidays and make-up working days, then re-date every open
    application. Returns the row and how many applications' deadlines moved."""
    try:
        YearDays(year=year, holidays=frozenset(holidays), workdays=frozenset(workdays))
    except InvalidYearDays as exc:
        raise ApplicationError(str(exc)) from None
    row = CalendarYear.objects.select_for_update().filter(year=year).first()
    old = None
    if row is None:
        row = CalendarYear(year=year)
    else:
        old = {"notice": row.notice, "holidays": row.holidays, "workdays": row.workdays}
    row.notice = notice.strip()
    row.holidays = [d.isoformat() for d in sorted(holidays)]
    row.workdays = [d.isoformat() for d in sorted(workdays)]
    row.entered_by = user
    row.save()
    audit_record(
        actor=user,
        event_type=AuditEventType.CALENDAR_YEAR_SAVED,
        obj=row,
        agency=None,
        old=old,
        new={"notice": row.notice, "holidays": row.holidays, "workdays": row.workdays},
    )
    return row, applications_redate(user=user)


def applications_redate(*, user: User | None) -> int:
    """Recompute the deadlines of every open application on the current calendar (run after a
    calendar year is entered); each one that moved gets an audit record."""
    calendar = calendar_current()
    moved = 0
    for application in Application.objects.filter(closed_on__isnull=True).select_related("agency"):
        before = (application.due_on, application.due_provisional)
        if application_refresh(application=application, calendar=calendar):
            moved += 1
            audit_record(
                actor=user,
                event_type=AuditEventType.APPLICATION_REDATED,
                obj=application,
                agency=application.agency,
                old={"due_on": _iso(before[0]), "due_provisional": before[1]},
                new={
                    "due_on": _iso(application.due_on),
                    "due_provisional": application.due_provisional,
                },
            )
    return moved


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
