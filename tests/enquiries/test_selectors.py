"""The yearly counts, the asker's lookup, the published Q&A and the scoped queue."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from xxgk.enquiries.selectors import (
    EnquiryFilters,
    enquiries_published,
    enquiry_counts,
    enquiry_list,
    enquiry_lookup,
)
from xxgk.enquiries.services import enquiry_answer

pytestmark = pytest.mark.django_db


def _answer(enquiry: Any, user: Any, on: date, today: Any, publish: bool = False) -> None:
    today.set(on)
    enquiry_answer(user=user, enquiry=enquiry, answer="答复。", answered_on=on, publish=publish)


def test_counts_per_year(submit: Any, people: Any, tree: Any, today: Any) -> None:
    # 2024: received late in December, answered in January 2025 (open at the end of 2024).
    carried = submit(date(2024, 12, 27)).enquiry
    _answer(carried, people.officer, date(2025, 1, 6), today)
    on_time = submit(date(2025, 3, 3)).enquiry  # due 2025-03-17
    _answer(on_time, people.officer, date(2025, 3, 10), today)
    late = submit(date(2025, 9, 30)).enquiry  # due 2025-10-21
    _answer(late, people.officer, date(2025, 10, 22), today)
    submit(date(2025, 12, 30))  # still open at the end of 2025
    submit(date(2025, 5, 6), agency=tree.district)  # another agency's: not counted

    first = enquiry_counts(agency=tree.bureau, year=2024)
    assert (first.received, first.answered, first.late, first.open_at_end) == (1, 0, 0, 1)
    second = enquiry_counts(agency=tree.bureau, year=2025)
    assert (second.received, second.answered, second.late, second.open_at_end) == (3, 3, 1, 1)
    assert second.narrative == (
        "2025年度，共收到网站咨询和建议3件，答复3件，其中超期答复1件；年底尚有1件正在办理。"
    )


def test_the_narrative_of_a_year_without_late_answers(
    submit: Any, people: Any, tree: Any, today: Any
) -> None:
    for day in (
        date(2020, 3, 2),
        date(2020, 4, 1),
        date(2020, 6, 1),
        date(2020, 9, 1),
        date(2020, 10, 9),
        date(2020, 11, 2),
    ):
        _answer(submit(day).enquiry, people.officer, day, today)
    counts = enquiry_counts(agency=tree.bureau, year=2020)
    assert counts.narrative == "2020年度，共收到网站咨询和建议6件，答复6件，未出现超期答复。"


def test_lookup_needs_both_number_and_code(submit: Any, tree: Any) -> None:
    receipt = submit(date(2025, 3, 3))
    number = receipt.enquiry.number
    assert enquiry_lookup(agency=tree.bureau, number=number, code=receipt.code) == receipt.enquiry
    assert enquiry_lookup(agency=tree.bureau, number=number, code=receipt.code.lower()) is not None
    assert enquiry_lookup(agency=tree.bureau, number=number, code="0000-0000-0000-0000") is None
    assert enquiry_lookup(agency=tree.district, number=number, code=receipt.code) is None


def test_published_only_with_consent_and_the_officers_choice(
    submit: Any, people: Any, tree: Any, today: Any
) -> None:
    published = submit(date(2025, 3, 3)).enquiry
    _answer(published, people.officer, date(2025, 3, 4), today, publish=True)
    declined = submit(date(2025, 3, 3)).enquiry  # consent, but the officer declines
    _answer(declined, people.officer, date(2025, 3, 4), today, publish=False)
    no_consent = submit(date(2025, 3, 3), consent=False).enquiry
    _answer(no_consent, people.officer, date(2025, 3, 4), today)
    submit(date(2025, 3, 3))  # not answered yet
    assert list(enquiries_published(agency=tree.bureau)) == [published]


def test_the_queue_is_scoped_and_open_first(
    submit: Any, people: Any, tree: Any, today: Any
) -> None:
    answered = submit(date(2025, 3, 3)).enquiry
    _answer(answered, people.officer, date(2025, 3, 4), today)
    later = submit(date(2025, 3, 10)).enquiry
    sooner = submit(date(2025, 3, 5)).enquiry
    theirs = submit(date(2025, 3, 5), agency=tree.other_city).enquiry
    today.set(date(2025, 3, 20))  # `sooner` due 2025-03-19: overdue
    everything = EnquiryFilters()
    assert list(enquiry_list(user=people.officer, filters=everything, today=date(2025, 3, 20))) == [
        sooner,
        later,
        answered,
    ]
    assert theirs not in enquiry_list(user=people.supervisor, filters=everything, today=today.value)
    overdue = EnquiryFilters(status="overdue")
    assert list(enquiry_list(user=people.head, filters=overdue, today=today.value)) == [sooner]
    assert not enquiry_list(user=people.admin, filters=everything, today=today.value).exists()
