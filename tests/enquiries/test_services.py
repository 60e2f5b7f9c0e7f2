"""Submitting, answering, publishing and re-dating enquiries through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from xxgk.agencies.services import agency_update
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.enquiries.models import Enquiry
from xxgk.enquiries.services import (
    EnquiryError,
    enquiry_answer,
    enquiry_redate,
    enquiry_unpublish,
)
from xxgk.privacy.codes import code_matches
from xxgk.workdays import Calendar, YearDays

pytestmark = pytest.mark.django_db


def test_numbered_per_agency_and_year(submit: Any, tree: Any) -> None:
    assert submit(date(2025, 3, 3)).enquiry.number == "2025-0001"
    assert submit(date(2025, 3, 4)).enquiry.number == "2025-0002"
    assert submit(date(2025, 3, 4), agency=tree.district).enquiry.number == "2025-0001"
    assert submit(date(2026, 1, 5)).enquiry.number == "2026-0001"


def test_the_deadline_is_the_agency_setting_in_working_days_across_a_holiday(submit: Any) -> None:
    # Received Tuesday 30 September 2025: 1–8 October are the National Day and Mid-Autumn
    # holidays, Saturday 11 October a make-up working day. 10 working days: 9, 10, 11, 13, 14,
    # 15, 16, 17, 20, 21 October.
    enquiry = submit(date(2025, 9, 30)).enquiry
    assert (enquiry.answer_days, enquiry.due_on) == (10, date(2025, 10, 21))
    assert not enquiry.due_provisional


def test_a_changed_setting_applies_to_later_enquiries_only(submit: Any, tree: Any) -> None:
    before = submit(date(2025, 9, 30)).enquiry
    agency_update(actor=None, agency=tree.bureau, enquiry_answer_days=5)
    after = submit(date(2025, 9, 30)).enquiry
    assert after.due_on == date(2025, 10, 14)  # 9, 10, 11, 13, 14 October
    before.refresh_from_db()
    assert before.due_on == date(2025, 10, 21)


def test_the_code_is_returned_once_and_only_its_hash_is_kept(submit: Any) -> None:
    receipt = submit(date(2025, 3, 3))
    stored = Enquiry.objects.get(pk=receipt.enquiry.pk)
    assert receipt.code not in {v for v in vars(stored).values() if isinstance(v, str)}
    assert code_matches(receipt.code, stored.code_hash)


def test_the_audit_log_never_holds_the_askers_name_or_contact(submit: Any) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    record = AuditLog.objects.get(event_type=AuditEventType.ENQUIRY_RECEIVED)
    assert record.object_repr == enquiry.number
    assert "刘洋" not in str(record.new_value)
    assert "13905990001" not in str(record.new_value)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"contact": "随便"}, "contact", "请填写有效的电话号码"),
        ({"contact": "a@b"}, "contact", "电子邮箱格式不正确"),
        ({"text": "字" * 2001}, "text", "2000"),
        ({"subject": ""}, "subject", "不能为空"),
        ({"kind": "complaint"}, "kind", "请选择咨询或建议"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message(
    submit: Any, fields: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(EnquiryError) as caught:
        submit(date(2025, 3, 3), **fields)
    assert caught.value.field == field
    assert message in str(caught.value)
    assert not Enquiry.objects.exists()


def test_answer_late_and_published(submit: Any, people: Any, today: Any) -> None:
    enquiry = submit(date(2025, 9, 30)).enquiry
    today.set(date(2025, 10, 22))
    enquiry_answer(
        user=people.officer,
        enquiry=enquiry,
        answer="已在网站公开。",
        answered_on=date(2025, 10, 22),
        publish=True,
    )
    enquiry.refresh_from_db()
    assert enquiry.late
    assert enquiry.published
    assert enquiry.answered_by == people.officer
    record = AuditLog.objects.get(event_type=AuditEventType.ENQUIRY_ANSWERED)
    assert record.new_value == {"answered_on": "2025-10-22", "published": True, "late": True}


def test_on_the_deadline_is_not_late(submit: Any, people: Any, today: Any) -> None:
    enquiry = submit(date(2025, 9, 30)).enquiry
    today.set(date(2025, 10, 21))
    answered = enquiry_answer(
        user=people.head,
        enquiry=enquiry,
        answer="答复。",
        answered_on=date(2025, 10, 21),
        publish=False,
    )
    assert not answered.late
    assert not answered.published


def test_no_publication_without_the_askers_consent(submit: Any, people: Any) -> None:
    enquiry = submit(date(2025, 3, 3), consent=False).enquiry
    with pytest.raises(EnquiryError, match="未同意公开"):
        enquiry_answer(
            user=people.officer,
            enquiry=enquiry,
            answer="答复。",
            answered_on=date(2025, 3, 3),
            publish=True,
        )
    enquiry.refresh_from_db()
    assert enquiry.is_open
    assert not enquiry.published


@pytest.mark.parametrize(
    ("answer", "on", "message"),
    [
        ("  ", date(2025, 3, 4), "请填写答复内容"),
        ("答复。", date(2025, 3, 2), "不能早于收到日期"),
        ("答复。", date(2025, 3, 5), "不能晚于今天"),
    ],
)
def test_a_wrong_answer_is_refused(
    submit: Any, people: Any, today: Any, answer: str, on: date, message: str
) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    today.set(date(2025, 3, 4))
    with pytest.raises(EnquiryError, match=message):
        enquiry_answer(
            user=people.officer, enquiry=enquiry, answer=answer, answered_on=on, publish=False
        )


def test_answered_once(submit: Any, people: Any) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    enquiry_answer(
        user=people.officer,
        enquiry=enquiry,
        answer="答复。",
        answered_on=date(2025, 3, 3),
        publish=False,
    )
    with pytest.raises(EnquiryError, match="已经答复"):
        enquiry_answer(
            user=people.officer,
            enquiry=enquiry,
            answer="再答复。",
            answered_on=date(2025, 3, 3),
            publish=False,
        )


@pytest.mark.parametrize("who", ["supervisor", "outsider", "district_officer", "admin"])
def test_only_the_agencys_officers_and_heads_answer(submit: Any, people: Any, who: str) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    with pytest.raises(PermissionDenied):
        enquiry_answer(
            user=getattr(people, who),
            enquiry=enquiry,
            answer="答复。",
            answered_on=date(2025, 3, 3),
            publish=False,
        )


def test_unpublish_keeps_the_answer(submit: Any, people: Any) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    enquiry_answer(
        user=people.officer,
        enquiry=enquiry,
        answer="答复。",
        answered_on=date(2025, 3, 3),
        publish=True,
    )
    with pytest.raises(EnquiryError, match="理由"):
        enquiry_unpublish(user=people.officer, enquiry=enquiry, reason=" ")
    enquiry_unpublish(user=people.officer, enquiry=enquiry, reason="涉及个人事项")
    enquiry.refresh_from_db()
    assert not enquiry.published
    assert enquiry.answer == "答复。"
    with pytest.raises(EnquiryError, match="没有公开"):
        enquiry_unpublish(user=people.officer, enquiry=enquiry, reason="再撤")


def test_redated_when_the_calendar_changes(submit: Any) -> None:
    enquiry = submit(date(2025, 9, 30)).enquiry
    # An administrator's entry for 2025 that (for the test) declares 9 and 10 October holidays.
    entered = YearDays(2025, frozenset({date(2025, 10, 9), date(2025, 10, 10)}), frozenset())
    assert enquiry_redate(enquiry=enquiry, calendar=Calendar({2025: entered}))
    enquiry.refresh_from_db()
    # Now 1–8 October are ordinary working days (1, 2, 3, 6, 7, 8), 9–10 are not, 11 is a plain
    # Saturday: then 13, 14, 15, 16 October.
    assert enquiry.due_on == date(2025, 10, 16)
    assert not enquiry_redate(enquiry=enquiry, calendar=Calendar({2025: entered}))


def test_a_deadline_in_an_unknown_year_is_provisional_until_the_year_is_entered(
    submit: Any, people: Any
) -> None:
    from xxgk.applications.calendar_years import calendar_year_save

    enquiry = submit(date(2026, 12, 28)).enquiry  # 10 working days reach into 2027
    assert enquiry.due_provisional
    assert enquiry.due_on == date(2027, 1, 11)
    calendar_year_save(
        user=people.admin, year=2027, holidays=[date(2027, 1, 1)], workdays=[], notice="元旦"
    )
    enquiry.refresh_from_db()
    assert not enquiry.due_provisional
    assert enquiry.due_on == date(2027, 1, 12)
    assert AuditLog.objects.filter(event_type=AuditEventType.ENQUIRY_REDATED).count() == 1
