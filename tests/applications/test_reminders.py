from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from xxgk.applications.reminders import reminders_due

pytestmark = pytest.mark.django_db


def test_officers_and_heads_are_reminded_of_urgent_cases_only(
    register, people, tree, today
) -> None:
    today.set(date(2025, 11, 24))
    overdue = register(date(2025, 9, 26))  # due 2025-10-30
    soon = register(date(2025, 10, 29))  # due 2025-11-26
    later = register(date(2025, 11, 20))  # due 2025-12-18
    elsewhere = register(date(2025, 9, 26), agency=tree.district, user=people.district_officer)
    for user in (people.officer, people.head, people.supervisor, people.outsider):
        user.email = f"{user.username}@example.com"
        user.save()

    due = reminders_due(today=date(2025, 11, 24))
    assert set(due) == {people.officer, people.head}  # district officer has no e-mail
    assert [d.application for d in due[people.officer]] == [overdue, soon]

    call_command("remind_deadlines")
    assert sorted(m.to[0] for m in mail.outbox) == ["head@example.com", "officer@example.com"]
    body = mail.outbox[0].body
    assert overdue.number in body
    assert "已逾期" in body
    assert "3 个工作日内到期" in body
    assert later.number not in body
    assert elsewhere.agency.name not in body
