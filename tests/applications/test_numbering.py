"""Application numbers when two officers register at once.

Registration locks the agency's row (`services._lock_agency`, SELECT … FOR UPDATE) before it
reads the year's highest number, so a second registration waits for the first to commit and
takes the next number. Without the lock both would read the same highest number and the second
insert would fail on the (agency, number) constraint. SQLite runs one write transaction at a
time, so the race exists only on PostgreSQL: this test runs there (`make test` with
DATABASE_URL, as `.ci/run` does, or on a throwaway server:
``uv run python -m benchmarks.postgres -- uv run pytest tests/applications/test_numbering.py``)
and is skipped on SQLite.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date
from typing import Any

import pytest
from django.db import connection

ROUNDS = 10
THREADS = 2
# Each round registers in one year, alternating, so numbering is checked within each year and
# across the turn of the year.
YEARS = (2025, 2026)


def _register_together(officer: Any, agency: Any, received_on: date) -> list[Any]:
    """Start THREADS registrations at the same moment, each on its own database connection;
    what each returned, or the exception it raised."""
    from xxgk.applications.services import ApplicantData, application_register

    barrier = threading.Barrier(THREADS, timeout=30)
    results: list[Any] = [None] * THREADS

    def register(slot: int) -> None:
        try:
            barrier.wait()
            results[slot] = application_register(
                user=officer,
                agency=agency,
                applicant=ApplicantData(
                    applicant_kind="natural_person",
                    applicant_name=f"申请人{slot}",
                    id_number="11010519491231002X",
                    phone="13900000000",
                ),
                channel="letter",
                request_text="2025年度国有建设用地供应计划",
                received_on=received_on,
            )
        except Exception as exc:  # reported by the test, with the thread it came from
            results[slot] = exc
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=register, args=(slot,)) for slot in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_officers_registering_at_once_take_distinct_consecutive_numbers(
    people: Any, tree: Any, today: Any
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL): SQLite runs one write at a time, so two "
            "registrations never race there"
        )
    from xxgk.applications.models import Application

    today.set(date(2026, 3, 2))
    numbers: dict[int, list[int]] = defaultdict(list)
    for round_ in range(ROUNDS):
        year = YEARS[round_ % len(YEARS)]
        results = _register_together(people.officer, tree.bureau, date(year, 2, 27))
        failed = [r for r in results if not isinstance(r, Application)]
        assert not failed, f"round {round_ + 1}: {failed!r}"
        for application in results:
            prefix, seq = application.number.split("-")
            assert prefix == str(year)
            numbers[year].append(int(seq))

    for year, taken in numbers.items():
        assert sorted(taken) == list(range(1, len(taken) + 1)), f"{year}: {sorted(taken)}"
    stored = Application.objects.filter(agency=tree.bureau).values_list("number", flat=True)
    assert sorted(stored) == sorted(f"{y}-{n:04d}" for y, ns in numbers.items() for n in ns)
