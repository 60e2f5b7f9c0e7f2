"""Submit, confirm or return, answer a correction, withdraw: the online application's writes."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.online.conftest import PDF, data
from xxgk.applications.choices import Channel
from xxgk.applications.services import application_event_record
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.online import selectors
from xxgk.online.models import Submission, SubmissionStatus
from xxgk.online.services import (
    SubmissionError,
    correction_answer,
    submission_confirm,
    submission_create,
    submission_return,
    submission_withdraw,
)
from xxgk.privacy import codes
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db


def test_a_submission_gets_a_number_and_a_code_kept_only_as_a_digest(
    submit, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        done = submit()
    s = done.submission
    assert s.status == SubmissionStatus.SUBMITTED
    assert s.application is None  # not yet an application (条例第三十一条第（三）项)
    assert codes.code_matches(done.code, s.code_hash)
    assert codes.code_normal(done.code) not in s.code_hash
    assert selectors.submission_by_code(s.number, done.code) == s
    assert selectors.submission_by_code(s.number, codes.code_new()) is None
    assert selectors.submission_by_code("20990101000000", done.code) is None
    (message,) = mail.outbox
    assert message.to == ["wangwu@example.cn"]
    assert s.number in message.body
    assert done.code in message.body
    assert AuditLog.objects.filter(event_type=AuditEventType.SUBMISSION_RECEIVED).count() == 1


def test_the_same_form_sent_twice_is_one_submission(tree, media) -> None:
    first = submission_create(agency=tree.bureau, data=data(), idempotency_key="k1")
    again = submission_create(agency=tree.bureau, data=data(), idempotency_key="k1")
    assert again.submission == first.submission
    assert again.code is None  # the code is shown once, to the first response
    assert Submission.objects.count() == 1


def test_an_executable_posing_as_a_pdf_is_refused_and_nothing_is_kept(submit) -> None:
    fake = SimpleUploadedFile("身份证.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(SubmissionError, match="内容不是"):
        submit(files=(fake,))
    assert not Submission.objects.exists()


def test_a_file_over_the_limit_is_refused(submit, settings) -> None:
    settings.XXGK_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(SubmissionError, match="上限"):
        submit(files=(SimpleUploadedFile("a.pdf", PDF + b"0" * 2048),))


def test_confirming_registers_the_application_received_that_day(
    submit, people, today, django_capture_on_commit_callbacks
) -> None:
    today.set(date(2025, 9, 29))  # a Monday; 国庆节 follows
    s = submit(files=(SimpleUploadedFile("身份证.pdf", PDF),)).submission
    today.set(date(2025, 9, 30))
    with django_capture_on_commit_callbacks(execute=True):
        application = submission_confirm(user=people.officer, submission=s)
    s.refresh_from_db()
    assert s.status == SubmissionStatus.CONFIRMED
    assert s.application == application
    assert application.channel == Channel.ONLINE
    assert application.received_on == date(2025, 9, 30)  # the day both sides confirmed
    assert application.due_on == date(2025, 11, 4)  # 20 working days, 国庆节 skipped
    assert application.id_number == "11010519491231002X"
    assert [a.name for a in application.attachments.all()] == ["身份证.pdf"]
    assert application.number in mail.outbox[-1].body
    assert "2025年11月04日" in mail.outbox[-1].body
    with pytest.raises(SubmissionError, match="已确认受理"):
        submission_confirm(user=people.officer, submission=s)


def test_only_those_who_register_applications_of_the_agency_confirm(submit, people) -> None:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    s = submit().submission
    with pytest.raises((PermissionDenied, Http404)):
        submission_confirm(user=people.supervisor, submission=s)
    with pytest.raises((PermissionDenied, Http404)):
        submission_confirm(user=people.outsider, submission=s)
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_returning_needs_a_reason_the_applicant_sees(submit, people) -> None:
    s = submit().submission
    with pytest.raises(SubmissionError, match="理由"):
        submission_return(user=people.officer, submission=s, reason="  ")
    submission_return(user=people.officer, submission=s, reason="所需信息不属于本机关职责范围")
    s.refresh_from_db()
    assert s.status == SubmissionStatus.RETURNED
    assert "不属于本机关" in selectors.case_view(s).status


def test_a_foreign_applicant_with_a_passport_is_registered(submit, people) -> None:
    s = submit(id_document="passport", id_number="E12345678").submission
    application = submission_confirm(user=people.officer, submission=s)
    assert application.id_document == "passport"
    assert application.id_number == "E12345678"


def test_withdrawing_before_and_after_confirmation(submit, people, today) -> None:
    today.set(date(2025, 10, 9))
    waiting = submit().submission
    submission_withdraw(submission=waiting, reason="不需要了")
    waiting.refresh_from_db()
    assert waiting.status == SubmissionStatus.WITHDRAWN
    confirmed = submit().submission
    application = submission_confirm(user=people.officer, submission=confirmed)
    submission_withdraw(submission=confirmed)
    application.refresh_from_db()
    assert application.outcome  # closed by the withdrawal
    withdrawal = application.events.get(kind=EventKind.WITHDRAWN)
    assert withdrawal.recorded_by is None  # the applicant's own, on the portal
    with pytest.raises(SubmissionError):
        submission_withdraw(submission=confirmed)


def test_a_correction_answered_online_starts_the_period_again(submit, people, today) -> None:
    today.set(date(2025, 10, 9))
    s = submit().submission
    application = submission_confirm(user=people.officer, submission=s)
    s.refresh_from_db()
    with pytest.raises(SubmissionError, match="不能在网上"):
        correction_answer(submission=s, text="补充说明")  # no correction asked yet
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.CORRECTION_REQUESTED,
        on=date(2025, 10, 9),
        note="请写明所需信息的年份。",
    )
    view = selectors.case_view(s)
    assert view.may_correct
    assert view.correction_due is not None
    assert view.due_on is None  # the reply period waits for the correction (第三十条)
    assert [step.note for step in view.steps if step.note] == ["请写明所需信息的年份。"]
    today.set(date(2025, 10, 13))
    with pytest.raises(SubmissionError, match="补正的内容"):
        correction_answer(submission=s, text=" ")
    event = correction_answer(
        submission=s, text="2025年度", files=(SimpleUploadedFile("说明.pdf", PDF),)
    )
    application.refresh_from_db()
    assert event.recorded_by is None
    assert event.on == date(2025, 10, 13)
    assert [a.name for a in event.attachments.all()] == ["说明.pdf"]
    assert application.due_on == date(2025, 11, 10)  # 20 working days from the answer
    assert not selectors.case_view(s).may_correct


def test_the_applicant_downloads_only_the_letters_addressed_to_them(submit, people, today) -> None:
    today.set(date(2025, 10, 9))
    s = submit().submission
    application = submission_confirm(user=people.officer, submission=s)
    s.refresh_from_db()
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.CONSULTATION_OPENED,
        on=date(2025, 10, 9),
        party="甲市某公司",
    )
    view = selectors.case_view(s)
    keys = [letter.key for letter in view.letters]
    assert "consultation" not in keys  # the third party's letter
    labels = [step.label for step in view.steps]
    assert any("不计算在答复期限内" in label for label in labels)
    assert all("甲市某公司" not in label for label in labels)


def test_repeats_are_flagged_never_decided(register, submit, today) -> None:
    today.set(date(2025, 10, 9))
    earlier = register(date(2025, 9, 1))  # 2025年度国有建设用地供应计划, the same ID number
    register(date(2025, 9, 2), id_number="110105199003072530")  # someone else
    s = submit(request_text="请公开2025年度国有建设用地供应计划").submission
    found = selectors.repeats(
        agency_id=s.agency_id,
        id_number=s.id_number,
        credit_code="",
        request_text=s.request_text,
    )
    assert [r.application for r in found] == [earlier]
    assert found[0].similarity >= 80
    assert not selectors.repeats(
        agency_id=s.agency_id,
        id_number=s.id_number,
        credit_code="",
        request_text="本机关2024年行政处罚决定书",
    )
    s.refresh_from_db()
    assert s.status == SubmissionStatus.SUBMITTED  # the officer decides


def test_personal_data_is_sealed_in_the_database(submit) -> None:
    from django.db import connection

    s = submit().submission
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id_number, phone, email, address, id_number_index FROM online_submission"
        )
        (row,) = cursor.fetchall()
    assert "11010519491231002X" not in row[0]
    assert "13800138000" not in row[1]
    assert "wangwu" not in row[2]
    assert row[4]  # the blind index
    assert Submission.objects.get(pk=s.pk).id_number == "11010519491231002X"


def test_the_review_page_masks_the_applicant(client, submit, people) -> None:
    from django.urls import reverse

    s = submit(address="江城市东湖区湖滨路 18 号").submission
    client.force_login(people.officer)
    html = client.get(reverse("submissions:review", args=[s.pk])).content.decode()
    assert "11010519491231002X" not in html
    assert "110105********002X" in html
    assert "138****8000" in html
    assert "13800138000" not in html
    assert "湖滨路 18 号" not in html


def test_the_key_rotation_reseals_online_applications_too(submit, settings) -> None:
    import io
    import secrets

    from django.core.management import call_command

    from xxgk.privacy.keys import DEMO_KEY, DataKey
    from xxgk.privacy.sealing import kid_of

    s = submit().submission
    new_key = secrets.token_hex(32)
    settings.XXGK_DATA_KEY, settings.XXGK_OLD_DATA_KEYS = new_key, [DEMO_KEY]
    out = io.StringIO()
    call_command("rotate_data_key", stdout=out)
    assert "1 件网上申请" in out.getvalue()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, id_number_index FROM online_submission")
        (phone, index) = cursor.fetchone()
    assert kid_of(phone) == kid_of(index) == DataKey.from_text(new_key).kid
    settings.XXGK_OLD_DATA_KEYS = []
    assert Submission.objects.get(pk=s.pk).phone == "13800138000"
