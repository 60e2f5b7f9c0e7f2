"""Entering a year's official calendar, and re-dating open applications when one is entered."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, require
from xxgk.applications.clock import calendar_current
from xxgk.applications.models import Application, CalendarYear
from xxgk.applications.services import ApplicationError, application_refresh
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.workdays import InvalidYearDays, YearDays

_DATE = r"\d{4}-\d{1,2}-\d{1,2}"
_RANGE = re.compile(
    rf"^(?P<first>{_DATE})\s*(?:(?:至|到|~|～|—|--|/)\s*(?P<last>{_DATE}))?\s*(?P<name>[^\d\s].*)?$"
)


def parse_named_days(text: str) -> dict[date, str]:
    """Dates one per line (or separated by commas), each line optionally a range and a name:
    ``2027-02-05 至 2027-02-11 春节``. Returns each day with its name ("" when none given)."""
    days: dict[date, str] = {}
    for raw in re.split(r"[\n,，;；、]+", text):
        part = raw.strip()
        if not part:
            continue
        match = _RANGE.match(part)
        if not match:
            raise ApplicationError(
                f"无法识别的日期“{part}”：请写成 2027-10-01 或 2027-10-01 至 2027-10-07 国庆节。"
            )
        try:
            first = date.fromisoformat(_pad(match["first"]))
            last = date.fromisoformat(_pad(match["last"])) if match["last"] else first
        except ValueError:
            raise ApplicationError(f"日期“{part}”不存在。") from None
        if last < first:
            raise ApplicationError(f"日期范围“{part}”的结束早于开始。")
        name = (match["name"] or "").strip()
        for i in range((last - first).days + 1):
            days[first + timedelta(days=i)] = name
    return dict(sorted(days.items()))


def parse_days(text: str) -> list[date]:
    """`parse_named_days` without the names."""
    return list(parse_named_days(text))


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
    names: dict[date, str] | None = None,
) -> tuple[CalendarYear, int]:
    """Enter (or correct) a year's holidays and make-up working days (`names`: a holiday's
    name by day, for explanations), then re-date every open application. Returns the row and
    how many applications' deadlines moved. Only an administrator may: PermissionDenied
    otherwise."""
    require(user, Action.CALENDAR_EDIT)
    try:
        YearDays(year=year, holidays=frozenset(holidays), workdays=frozenset(workdays))
    except InvalidYearDays as exc:
        raise ApplicationError(str(exc)) from None
    named = {d.isoformat(): n for d, n in (names or {}).items() if n and d in set(holidays)}
    row = CalendarYear.objects.select_for_update().filter(year=year).first()
    old = None
    if row is None:
        row = CalendarYear(year=year)
    else:
        old = {
            "notice": row.notice,
            "holidays": row.holidays,
            "workdays": row.workdays,
            "names": row.names,
        }
    row.notice = notice.strip()
    row.holidays = [d.isoformat() for d in sorted(holidays)]
    row.workdays = [d.isoformat() for d in sorted(workdays)]
    row.names = named
    row.entered_by = user
    row.save()
    audit_record(
        actor=user,
        event_type=AuditEventType.CALENDAR_YEAR_SAVED,
        obj=row,
        agency=None,
        old=old,
        new={
            "notice": row.notice,
            "holidays": row.holidays,
            "workdays": row.workdays,
            "names": row.names,
        },
    )
    from xxgk.appeals.services import appeals_redate  # the appeals app sits beside this one
    from xxgk.enquiries.services import enquiries_redate  # so does the enquiries app

    moved = applications_redate(user=user)
    appeals_redate(user=user)
    enquiries_redate(user=user)
    return row, moved


def applications_redate(*, user: User | None, agency: Agency | None = None) -> int:
    """Recompute the deadlines of every open application (of `agency`, if given) on the current
    calendar and the agency's policy — after a calendar year is entered, or the agency's policy
    changed; each one that moved gets an audit record."""
    calendar = calendar_current()
    moved = 0
    open_cases = Application.objects.filter(closed_on__isnull=True).select_related("agency")
    if agency is not None:
        open_cases = open_cases.filter(agency=agency)
    for application in open_cases:
        before = (application.due_on, application.due_provisional)
        if application_refresh(application=application, calendar=calendar):
            moved += 1
            audit_record(
                actor=user,
                event_type=AuditEventType.APPLICATION_REDATED,
                obj=application,
                object_repr=application.number,
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
