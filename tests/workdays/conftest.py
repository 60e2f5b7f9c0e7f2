from datetime import date

import pytest

from xxgk.workdays import Calendar, YearDays


@pytest.fixture(scope="session")
def calendar() -> Calendar:
    return Calendar()


# A 2027 arrangement as an administrator would enter it. The State Council notice for 2027 was
# not available to check when this was written, so this is TEST DATA ONLY: New Year's Day
# (Fri 2027-01-01) off, and an invented make-up Saturday 2027-01-09, to show both kinds of entry.
YEAR_2027 = YearDays(
    year=2027,
    holidays=frozenset({date(2027, 1, 1)}),
    workdays=frozenset({date(2027, 1, 9)}),
    names={date(2027, 1, 1): "元旦"},
)


@pytest.fixture(scope="session")
def calendar_2027() -> Calendar:
    return Calendar({2027: YEAR_2027})
