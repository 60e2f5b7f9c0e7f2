"""Daily reminders of enquiries overdue or due within 3 working days, once a day each."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from xxgk.enquiries.reminders import enquiry_reminders_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(people: Any) -> None:
    for user in (people.officer, people.head, people.supervisor):
        user.email = f"{user.username}@example.gov.cn"
        user.save()


def test_officers_and_heads_are_reminded_once_a_day(
    submit: Any, today: Any, mailboxes: None
) -> None:
    overdue = submit(date(2025, 9, 30)).enquiry  # due 2025-10-21
    submit(date(2025, 10, 20))  # due 2025-11-03: not yet urgent on 22 October
    assert enquiry_reminders_send(today=date(2025, 10, 22)) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["head@example.gov.cn", "officer@example.gov.cn"]
    assert f"{overdue.number}" in mail.outbox[0].body
    assert "已逾期" in mail.outbox[0].body
    assert enquiry_reminders_send(today=date(2025, 10, 22)) == 0  # not twice a day
    assert enquiry_reminders_send(today=date(2025, 10, 23)) == 2


def test_an_answered_enquiry_is_not_reminded(
    submit: Any, people: Any, today: Any, mailboxes: None
) -> None:
    from xxgk.enquiries.services import enquiry_answer

    enquiry = submit(date(2025, 9, 30)).enquiry
    today.set(date(2025, 10, 22))
    enquiry_answer(
        user=people.officer,
        enquiry=enquiry,
        answer="答复。",
        answered_on=date(2025, 10, 22),
        publish=False,
    )
    assert enquiry_reminders_send(today=date(2025, 10, 22)) == 0


def test_the_command_sends_them(submit: Any, today: Any, mailboxes: None, capsys: Any) -> None:
    submit(date(2025, 9, 30))
    today.set(date(2025, 10, 22))
    call_command("remind_enquiries")
    assert "已发送 2 封提醒邮件" in capsys.readouterr().out
