from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from xxgk.applications.calendar_years import calendar_year_save, parse_days
from xxgk.applications.models import ApplicationEvent, Attachment
from xxgk.applications.models.event import AppendOnly
from xxgk.applications.services import (
    ApplicantData,
    ApplicationError,
    application_event_record,
    application_event_void,
    application_register,
)
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.report import editions
from xxgk.workdays import Calendar, YearDays
from xxgk.workdays.clock import Event, EventKind, compute

pytestmark = pytest.mark.django_db

RECEIVED = date(2025, 9, 26)  # the last Friday before National Day 2025


def expected(events, today, calendar=None):
    return compute(events, calendar or Calendar(), today=today)


def test_register_writes_receipt_due_date_and_audit(register, people, today) -> None:
    today.set(date(2025, 9, 30))
    application = register(RECEIVED)
    assert application.number == "2025-0001"
    assert [e.kind for e in application.events.all()] == [EventKind.RECEIVED]
    state = expected([Event(EventKind.RECEIVED, RECEIVED)], date(2025, 9, 30))
    assert application.due_on == state.due_on == date(2025, 10, 30)
    assert application.status == "in_progress"
    record = AuditLog.objects.get(event_type=AuditEventType.APPLICATION_REGISTERED)
    assert record.actor == people.officer
    assert record.new_value["received_on"] == "2025-09-26"


@pytest.mark.parametrize(
    ("applicant", "field"),
    [
        ({"id_number": "110105194912310021"}, "id_number"),
        ({"id_number": ""}, "id_number"),
        ({"applicant_kind": "commercial", "id_number": "", "credit_code": ""}, "credit_code"),
        (
            {"applicant_kind": "commercial", "id_number": "", "credit_code": "91350100M000100Y44"},
            "credit_code",
        ),
        ({"phone": ""}, "phone"),
    ],
)
def test_applicant_is_validated(register, applicant, field) -> None:
    with pytest.raises(ValidationError) as err:
        register(RECEIVED, **applicant)
    assert field in err.value.message_dict


def test_organisation_with_valid_code_is_accepted(register) -> None:
    application = register(
        RECEIVED,
        applicant_kind="legal_service",
        applicant_name="某律师事务所",
        id_number="",
        credit_code="91350100m000100y43",
    )
    assert application.credit_code == "91350100M000100Y43"
    assert application.is_organisation


def test_only_the_agencys_officers_register(tree, people) -> None:
    applicant = ApplicantData("natural_person", "张三", id_number="11010519491231002X", phone="1")
    for user in (people.supervisor, people.outsider, people.admin, people.district_officer):
        with pytest.raises(PermissionDenied):
            application_register(
                user=user,
                agency=tree.bureau,
                applicant=applicant,
                channel="letter",
                request_text="x",
                received_on=RECEIVED,
            )


def test_receipt_cannot_be_in_the_future(register, today) -> None:
    today.set(date(2025, 9, 25))
    with pytest.raises(ApplicationError, match="晚于今天"):
        register(RECEIVED)


def test_events_are_append_only(register) -> None:
    event = register(RECEIVED).events.get()
    event.note = "changed"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    assert ApplicationEvent.objects.get(pk=event.pk).note == ""


def test_the_clock_refuses_events_out_of_place(register, people) -> None:
    application = register(RECEIVED)
    with pytest.raises(ApplicationError, match="不能记录"):
        application_event_record(
            user=people.officer,
            application=application,
            kind=EventKind.CORRECTION_RECEIVED,
            on=date(2025, 9, 29),
        )
    with pytest.raises(ApplicationError, match="补正"):  # notice later than 7 working days
        application_event_record(
            user=people.officer,
            application=application,
            kind=EventKind.CORRECTION_REQUESTED,
            on=date(2025, 10, 20),
        )
    assert application.events.count() == 1


def test_extension_needs_the_head_and_at_most_20_days(register, people) -> None:
    application = register(RECEIVED)
    with pytest.raises(PermissionDenied, match="负责人"):
        application_event_record(
            user=people.officer,
            application=application,
            kind=EventKind.EXTENSION_APPROVED,
            on=date(2025, 10, 20),
            days=10,
        )
    with pytest.raises(ApplicationError, match="20"):
        application_event_record(
            user=people.head,
            application=application,
            kind=EventKind.EXTENSION_APPROVED,
            on=date(2025, 10, 20),
            days=21,
        )
    application_event_record(
        user=people.head,
        application=application,
        kind=EventKind.EXTENSION_APPROVED,
        on=date(2025, 10, 20),
        days=10,
    )
    application.refresh_from_db()
    state = expected(
        [
            Event(EventKind.RECEIVED, RECEIVED),
            Event(EventKind.EXTENSION_APPROVED, date(2025, 10, 20), 10),
        ],
        None,
    )
    assert application.due_on == state.due_on


def test_reply_outcome_is_a_row_of_the_edition_with_its_ground(register, people) -> None:
    application = register(RECEIVED)
    reply = {"user": people.officer, "application": application, "kind": EventKind.REPLY_SENT}
    on = date(2025, 10, 20)
    with pytest.raises(ApplicationError, match="办理结果"):
        application_event_record(**reply, on=on, outcome="made_up")
    with pytest.raises(ApplicationError, match="依据"):
        application_event_record(**reply, on=on, outcome="partial", ground="随便写的")
    with pytest.raises(ApplicationError, match="不通过答复"):
        application_event_record(**reply, on=on, outcome="other_no_fee")
    row = editions.for_year(2025).application_row("unable_not_held")
    # The reply must state what its letter states: here the reasons.
    with pytest.raises(ApplicationError, match=r"答复书缺少必要内容.*理由"):
        application_event_record(**reply, on=on, outcome=row.key, ground=row.grounds[1])
    granted = editions.for_year(2025).application_row("granted")
    with pytest.raises(ApplicationError, match="提供方式"):
        application_event_record(**reply, on=on, outcome="granted", ground=granted.grounds[1])
    application_event_record(
        **reply,
        on=on,
        outcome=row.key,
        ground=row.grounds[1],
        note="该信息由甲市住房和城乡建设局制作并保存",
        detail="甲市住房和城乡建设局（联系电话：0599-1234567）",
    )
    application.refresh_from_db()
    assert (application.status, application.outcome) == ("replied", "unable_not_held")
    assert application.closed_on == on
    assert application.due_on is None


@pytest.mark.parametrize(
    ("kind", "outcome", "status"),
    [
        (EventKind.WITHDRAWN, "other_other", "withdrawn"),
        (EventKind.CORRECTION_EXPIRED, "other_no_correction", "closed_no_correction"),
    ],
)
def test_closing_events_give_their_outcome(register, people, kind, outcome, status) -> None:
    application = register(RECEIVED)
    if kind == EventKind.CORRECTION_EXPIRED:
        application_event_record(
            user=people.officer,
            application=application,
            kind=EventKind.CORRECTION_REQUESTED,
            on=date(2025, 9, 29),
            note="请写明所需信息的年份",
        )
    application_event_record(
        user=people.officer, application=application, kind=kind, on=date(2025, 11, 3)
    )
    application.refresh_from_db()
    assert (application.outcome, application.status) == (outcome, status)
    # its letter (答复书, 终止办理告知书) takes the agency's next 发文字号, as every letter does
    numbered = list(application.events.exclude(document_number="").order_by("pk"))
    assert numbered[-1].kind == kind
    assert numbered[-1].document_number == application.agency.document_number(
        year=2025, seq=len(numbered)
    )


def test_a_mistake_is_voided_not_edited(register, people) -> None:
    application = register(RECEIVED)
    opened = application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.CONSULTATION_OPENED,
        on=date(2025, 10, 9),
        party="甲市某建设有限公司",
    )
    application.refresh_from_db()
    assert application.status == "in_consultation"
    with pytest.raises(ApplicationError, match="理由"):
        application_event_void(
            user=people.officer, application=application, event=opened, reason=" "
        )
    void = application_event_void(
        user=people.officer, application=application, event=opened, reason="误录：并未发函"
    )
    application.refresh_from_db()
    assert application.status == "in_progress"
    assert application.due_on == expected([Event(EventKind.RECEIVED, RECEIVED)], None).due_on
    assert ApplicationEvent.objects.filter(pk=opened.pk).exists()
    assert void.voids == opened
    assert void.note == "误录：并未发函"
    with pytest.raises(ApplicationError, match="已经更正"):
        application_event_void(
            user=people.officer, application=application, event=opened, reason="again"
        )
    received = application.events.get(kind=EventKind.RECEIVED)
    with pytest.raises(ApplicationError, match="正确的收到申请之日"):
        application_event_void(
            user=people.officer, application=application, event=received, reason="x"
        )
    assert AuditLog.objects.filter(event_type=AuditEventType.APPLICATION_EVENT_VOIDED).count() == 1


def test_a_wrong_receipt_date_is_corrected_by_a_new_receipt(register, people) -> None:
    application = register(date(2025, 9, 29))  # the letter was in fact signed for on the 26th
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.CONSULTATION_OPENED,
        on=date(2025, 10, 9),
        party="甲市某建设有限公司",
    )
    received = application.events.get(kind=EventKind.RECEIVED)
    with pytest.raises(ApplicationError, match="早于上一事件"):  # the clock's own refusal
        application_event_void(
            user=people.officer,
            application=application,
            event=received,
            reason="签收日期录错",
            received_on=date(2025, 10, 10),
        )
    application_event_void(
        user=people.officer,
        application=application,
        event=received,
        reason="签收日期录错",
        received_on=RECEIVED,
    )
    application.refresh_from_db()
    assert application.received_on == RECEIVED
    state = expected(
        [
            Event(EventKind.RECEIVED, RECEIVED),
            Event(EventKind.CONSULTATION_OPENED, date(2025, 10, 9)),
        ],
        timezone.localdate(),  # the open consultation is counted up to today
    )
    assert application.due_on == state.due_on
    assert ApplicationEvent.objects.filter(pk=received.pk).exists()
    kinds = list(application.events.order_by("id").values_list("kind", flat=True))
    assert kinds == ["received", "consultation_opened", "voided", "received"]
    record = AuditLog.objects.get(event_type=AuditEventType.APPLICATION_EVENT_VOIDED)
    assert record.new_value["replacement"]["on"] == "2025-09-26"


def test_supervisor_cannot_record_or_void(register, people) -> None:
    application = register(RECEIVED)
    with pytest.raises(PermissionDenied):
        application_event_record(
            user=people.supervisor,
            application=application,
            kind=EventKind.WITHDRAWN,
            on=date(2025, 10, 9),
        )
    with pytest.raises(PermissionDenied):
        application_event_void(
            user=people.supervisor,
            application=application,
            event=application.events.get(),
            reason="x",
        )


def test_attachments_are_limited_by_type_and_size(register, people, settings, media) -> None:
    from xxgk.applications.services import attachment_add

    settings.XXGK_ATTACHMENT_MAX_BYTES = 100
    application = register(RECEIVED)
    with pytest.raises(ApplicationError, match="不支持"):
        attachment_add(
            user=people.officer,
            application=application,
            upload=SimpleUploadedFile("x.exe", b"MZ"),
        )
    with pytest.raises(ApplicationError, match="上限"):
        attachment_add(
            user=people.officer,
            application=application,
            upload=SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * 200),
        )
    found = attachment_add(
        user=people.officer,
        application=application,
        upload=SimpleUploadedFile("申请书.pdf", b"%PDF-1.4 small"),
    )
    assert Attachment.objects.get().name == "申请书.pdf"
    assert found.content_type == "application/pdf"
    assert found.file.read() == b"%PDF-1.4 small"


def test_parse_days() -> None:
    assert parse_days("2027-1-1\n2027-02-05 至 2027-02-07，2027-03-01") == [
        date(2027, 1, 1),
        date(2027, 2, 5),
        date(2027, 2, 6),
        date(2027, 2, 7),
        date(2027, 3, 1),
    ]
    with pytest.raises(ApplicationError, match="无法识别"):
        parse_days("明年元旦")
    with pytest.raises(ApplicationError, match="不存在"):
        parse_days("2027-02-30")


def test_entering_a_year_redates_open_applications(register, people, today) -> None:
    year = Calendar().package_years.stop  # the first year the installed calendar lacks
    today.set(date(year - 1, 12, 1))
    application = register(date(year - 1, 12, 1))
    application_event_record(
        user=people.head,
        application=application,
        kind=EventKind.EXTENSION_APPROVED,
        on=date(year - 1, 12, 1),
        days=20,
    )
    application.refresh_from_db()
    assert application.due_provisional
    guessed = application.due_on
    assert guessed.year == year

    holidays = [date(year, 1, 1), *(date(year, 1, 4) + timedelta(days=i) for i in range(5))]
    weekend = next(
        d for d in (date(year, 1, 9) + timedelta(days=i) for i in range(7)) if d.weekday() >= 5
    )
    saved, moved = calendar_year_save(
        user=people.admin, year=year, holidays=holidays, workdays=[weekend], notice="国办发明电"
    )
    assert moved == 1
    assert saved.year_days().workdays == {weekend}
    application.refresh_from_db()
    calendar = Calendar({year: YearDays(year, frozenset(holidays), frozenset([weekend]))})
    state = expected(
        [
            Event(EventKind.RECEIVED, date(year - 1, 12, 1)),
            Event(EventKind.EXTENSION_APPROVED, date(year - 1, 12, 1), 20),
        ],
        date(year - 1, 12, 1),
        calendar,
    )
    assert not application.due_provisional
    assert application.due_on == state.due_on != guessed
    redated = AuditLog.objects.get(event_type=AuditEventType.APPLICATION_REDATED)
    assert redated.old_value["due_on"] == guessed.isoformat()
    assert AuditLog.objects.get(event_type=AuditEventType.CALENDAR_YEAR_SAVED).actor == people.admin


def test_contradictory_calendar_is_refused(people) -> None:
    with pytest.raises(ApplicationError, match="调休上班日应为周六或周日"):
        calendar_year_save(user=people.admin, year=2030, holidays=[], workdays=[date(2030, 1, 2)])


def test_holiday_names_reach_the_explanation(register, people, today) -> None:
    from xxgk.applications.calendar_years import parse_named_days
    from xxgk.applications.clock import live_events, state_of

    year = Calendar().package_years.stop
    named = parse_named_days(f"{year}-01-01 元旦\n{year}-01-04 至 {year}-01-05 示例节")
    assert named == {
        date(year, 1, 1): "元旦",
        date(year, 1, 4): "示例节",
        date(year, 1, 5): "示例节",
    }
    calendar_year_save(user=people.admin, year=year, holidays=list(named), workdays=[], names=named)
    today.set(date(year - 1, 12, 24))
    application = register(date(year - 1, 12, 24))
    state = state_of(live_events(application.events.all()))
    assert "示例节" in "".join(state.explanation)
    assert not state.provisional
