"""Working days on China's official calendar: holidays, weekends and make-up working days (调休).

Two sources, in order: years an administrator entered (`YearDays` overrides), then the installed
`chinesecalendar` package. A year known to neither is never silently treated as Monday–Friday:
`is_workday` raises `UnknownYear`, and `add_workdays` counts Monday–Friday but marks its result
provisional.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from chinese_calendar import constants as _cc

WEEKEND = "周末"
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
# The package's holiday names are English enum values; the Chinese name sits on the enum member.
_CHINESE_NAMES = {h.value: h.chinese for h in _cc.Holiday}
_PACKAGE_YEARS = range(min(_cc.holidays).year, max(_cc.holidays).year + 1)
_ONE_DAY = timedelta(days=1)


class UnknownYear(LookupError):
    """A day falls in a year whose holiday arrangement neither source knows."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"{year} 年的节假日安排尚未录入：已安装的 chinesecalendar 仅覆盖 "
            f"{_PACKAGE_YEARS.start}–{_PACKAGE_YEARS.stop - 1} 年，"
            f"请管理员按国务院办公厅通知录入 {year} 年的放假与调休上班日"
        )


class InvalidYearDays(ValueError):
    """An administrator's entry for a year contradicts itself (message in Chinese)."""


@dataclass(frozen=True)
class YearDays:
    """One year's official arrangement, as an administrator enters it from the State Council notice.

    `holidays`: rest days (those on Monday–Friday matter; weekend rest days may be listed too).
    `workdays`: make-up working days (调休上班) on a Saturday or Sunday.
    `names`: optional holiday name per day ("春节"), used in explanations.
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    names: Mapping[date, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        stray = sorted(d for d in self.holidays | self.workdays if d.year != self.year)
        if stray:
            raise InvalidYearDays(f"{stray[0].isoformat()} 不属于 {self.year} 年")
        both = sorted(self.holidays & self.workdays)
        if both:
            raise InvalidYearDays(f"{both[0].isoformat()} 不能既是放假日又是调休上班日")
        weekday_workdays = sorted(d for d in self.workdays if d.weekday() < 5)
        if weekday_workdays:
            d = weekday_workdays[0]
            raise InvalidYearDays(
                f"{d.isoformat()}（{WEEKDAY_NAMES[d.weekday()]}）本就是工作日，"
                "调休上班日应为周六或周日"
            )


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one day."""

    day: date
    workday: bool
    known: bool  # False: the year is in neither source, `workday` is the Monday–Friday guess
    reason: str | None  # why a rest day rests: a holiday name or "周末"
    made_up: bool  # a Saturday/Sunday made a working day (调休上班)


@dataclass(frozen=True)
class Span:
    """The result of counting working days, with everything needed to explain it."""

    end: date
    provisional: bool  # some day counted fell in a year neither source covers
    counted: tuple[date, ...]
    skipped: tuple[tuple[date, str], ...]  # (day, reason in Chinese)
    made_up: tuple[date, ...]  # weekend make-up working days among `counted`
    unknown_years: tuple[int, ...] = ()  # years met while counting that neither source covers
    pause_reasons: frozenset[str] = frozenset()  # the reasons in `skipped` that are pauses


@dataclass(frozen=True)
class Pause:
    """The clock stands still: working days d with start <= d < end are not counted.

    Half-open on purpose: the day a consultation letter goes out is not counted, the day the
    answer arrives is (the agency resumes work that day).
    """

    start: date
    end: date
    reason: str

    def covers(self, day: date) -> bool:
        return self.start <= day < self.end


class Calendar:
    """The official calendar: overrides first, then the installed chinesecalendar package."""

    def __init__(self, overrides: Mapping[int, YearDays] | None = None) -> None:
        self._overrides: dict[int, YearDays] = dict(overrides or {})
        for year, days in self._overrides.items():
            if days.year != year:
                raise InvalidYearDays(f"{year} 年的录入内容标明的是 {days.year} 年")

    @property
    def package_years(self) -> range:
        """The years the installed chinesecalendar package covers."""
        return _PACKAGE_YEARS

    def covers(self, year: int) -> bool:
        return year in self._overrides or year in _PACKAGE_YEARS

    def source(self, year: int) -> str | None:
        """Where a year's arrangement comes from, in Chinese; None for an unknown year."""
        if year in self._overrides:
            return "管理员录入"
        if year in _PACKAGE_YEARS:
            return "chinesecalendar"
        return None

    def day(self, day: date) -> DayInfo:
        """Classify one day; for an unknown year, a Monday–Friday guess with `known=False`."""
        weekend = day.weekday() >= 5
        entered = self._overrides.get(day.year)
        if entered is not None:
            if day in entered.workdays:
                return DayInfo(day, True, True, None, weekend)
            if day in entered.holidays:
                return DayInfo(day, False, True, entered.names.get(day, "节假日"), False)
            return DayInfo(day, not weekend, True, WEEKEND if weekend else None, False)
        if day.year in _PACKAGE_YEARS:
            if day in _cc.workdays:
                return DayInfo(day, True, True, None, weekend)
            if day in _cc.holidays:
                name = _cc.holidays[day]
                return DayInfo(day, False, True, _CHINESE_NAMES.get(name, name), False)
            return DayInfo(day, not weekend, True, WEEKEND if weekend else None, False)
        return DayInfo(day, not weekend, False, WEEKEND if weekend else None, False)

    def is_workday(self, day: date) -> bool:
        """True on a working day; raises `UnknownYear` for a year neither source covers."""
        info = self.day(day)
        if not info.known:
            raise UnknownYear(day.year)
        return info.workday

    def workday_on_or_after(self, day: date) -> date:
        """`day` if it is a working day, else the first working day after it."""
        while not self.day(day).workday:
            day += _ONE_DAY
        return day

    def add_workdays(
        self,
        start: date,
        n: int,
        *,
        count_start: bool = False,
        pauses: Sequence[Pause] = (),
    ) -> Span:
        """The n-th working day after `start` (`start` itself counts only if `count_start`).

        Working days inside a `Pause` are skipped (reason: the pause's). n == 0 gives `start`.
        """
        if n < 0:
            raise ValueError("工作日数不能为负数")
        counted: list[date] = []
        skipped: list[tuple[date, str]] = []
        made_up: list[date] = []
        unknown: set[int] = set()
        day = start if count_start else start + _ONE_DAY
        end = start
        while len(counted) < n:
            info = self.day(day)
            if not info.known:
                unknown.add(day.year)
            paused = next((p for p in pauses if p.covers(day)), None)
            if not info.workday:
                skipped.append((day, info.reason or WEEKEND))
            elif paused is not None:
                skipped.append((day, paused.reason))
            else:
                counted.append(day)
                if info.made_up:
                    made_up.append(day)
                end = day
            day += _ONE_DAY
        return Span(
            end=end,
            provisional=bool(unknown),
            counted=tuple(counted),
            skipped=tuple(skipped),
            made_up=tuple(made_up),
            unknown_years=tuple(sorted(unknown)),
            pause_reasons=frozenset(p.reason for p in pauses),
        )

    def workdays_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (negative if end < start).

        So `workdays_between(s, add_workdays(s, n).end) == n`. Raises `UnknownYear` if a day in
        between falls in a year neither source covers.
        """
        if end < start:
            return -self.workdays_between(end, start)
        return sum(self.is_workday(d) for d in _days(start + _ONE_DAY, end))


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY
