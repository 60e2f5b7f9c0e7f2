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
    assert [d.key.split(":")[1] for d in due[people.officer]] == [str(overdue.pk), str(soon.pk)]

    call_command("remind_deadlines")
    assert sorted(m.to[0] for m in mail.outbox) == ["head@example.com", "officer@example.com"]
    body = mail.outbox[0].body
    assert overdue.number in body
    assert "已逾期" in body
    assert "3 个工作日内到期" in body
    assert later.number not in body
    assert elsewhere.agency.name not in body


def test_running_the_command_twice_sends_each_reminder_once(register, people, today) -> None:
    today.set(date(2025, 11, 24))
    register(date(2025, 9, 26))  # overdue
    people.officer.email = "officer@example.com"
    people.officer.save()
    call_command("remind_deadlines")
    call_command("remind_deadlines")
    assert len(mail.outbox) == 1
    today.set(date(2025, 11, 25))  # a new day: reminded again
    call_command("remind_deadlines")
    assert len(mail.outbox) == 2


def test_every_kind_of_deadline_is_reminded(register, people, tree, today) -> None:
    from xxgk.appeals.services import AppealData, appeal_register
    from xxgk.applications.services import application_event_record
    from xxgk.workdays.clock import EventKind

    today.set(date(2025, 10, 14))
    correcting = register(date(2025, 9, 26))
    application_event_record(
        user=people.officer,
        application=correcting,
        kind=EventKind.CORRECTION_REQUESTED,
        on=date(2025, 9, 29),
        days=5,  # 09-30(1) 10-09(2) 10(3) 11 Sat(4) 13(5): ran out on 2025-10-13
        note="请写明所需信息的年份",
    )
    appeal_register(
        user=people.officer,
        agency=tree.bureau,
        data=AppealData(
            kind="review",
            body="甲市人民政府",
            case_number="甲府复〔2025〕12号",
            applicant_name="张三",
            copy_received_on=date(2025, 10, 9),  # 10 working days to answer: 2025-10-23
        ),
    )
    people.officer.email = "officer@example.com"
    people.officer.save()
    today.set(date(2025, 10, 20))
    lines = [d.line() for d in reminders_due(today=date(2025, 10, 20))[people.officer]]
    assert any("申请人补正期限 2025-10-13，已逾期；可记录逾期未补正" in x for x in lines)
    assert any("甲府复〔2025〕12号" in x and "3 个工作日内到期" in x for x in lines)
