"""Permissions for every view and export: who may read, who may act, and that nothing of
another agency's applications (numbers, applicants' personal data) leaks."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import PASSWORD
from xxgk.applications.services import application_event_record, attachment_add
from xxgk.report import editions
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db

SECRET_ID = "11010519491231002X"


def page_text(response) -> str:
    """The body of a page or of a streamed download (the CSV export streams)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def case(register, people, media):
    """A replied bureau application with an attachment (so every page exists)."""
    application = register(date(2025, 9, 26), applicant_name="保密申请人", id_number=SECRET_ID)
    row = editions.for_year(2025).application_row("granted")
    reply = application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.REPLY_SENT,
        on=date(2025, 10, 9),
        outcome="granted",
        ground=row.grounds[1],
        note="已提供。",
        detail="电子文本通过电子邮件发送",
    )
    attachment = attachment_add(
        user=people.officer,
        application=application,
        upload=SimpleUploadedFile("答复.pdf", b"%PDF-1.4"),
        event=reply,
    )
    application.refresh_from_db()
    return application, reply, attachment


def urls(case):
    application, reply, attachment = case
    pk = application.pk
    return {
        "detail": reverse("applications:detail", args=[pk]),
        "event": reverse("applications:event", args=[pk, "withdrawn"]),
        "grounds": reverse("applications:grounds", args=[pk]) + "?outcome=partial&on=2025-10-09",
        "letter": reverse("applications:letter", args=[pk, "granted", reply.pk]),
        "attachment": reverse("applications:attachment", args=[attachment.pk]),
    }


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


ALL_PAGES = [
    "applications:queue",
    "applications:search",
    "applications:export",
    "applications:register",
    "calendar",
    "audit",
]


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_users_are_sent_to_login(client, case, name) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_anonymous_users_cannot_reach_an_application(client, case) -> None:
    for url in urls(case).values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["outsider", "district_officer", "admin", "nobody"])
def test_others_cannot_read_an_agencys_application(client, case, people, who) -> None:
    login(client, getattr(people, who))
    for name, url in urls(case).items():
        assert client.get(url).status_code == 404, name
    void = reverse("applications:void", args=[case[0].pk])
    assert client.post(void, {"event": case[1].pk, "reason": "x"}).status_code == 404
    for name in ("applications:queue", "applications:search", "applications:export"):
        body = page_text(client.get(reverse(name)))
        assert "保密申请人" not in body, name
        assert SECRET_ID not in body, name
        assert case[0].number not in body, name


@pytest.mark.parametrize("who", ["officer", "head", "supervisor"])
def test_the_agency_and_its_supervisor_read_everything(client, case, people, who) -> None:
    login(client, getattr(people, who))
    for name in ("detail", "letter", "attachment", "grounds"):
        assert client.get(urls(case)[name]).status_code == 200, name
    assert "保密申请人" in client.get(urls(case)["detail"]).content.decode()
    for name in ("applications:search", "applications:export"):
        assert "保密申请人" in page_text(client.get(reverse(name)))


@pytest.mark.parametrize("who", ["officer", "head", "district_officer"])
def test_officers_and_heads_open_the_registration_form(client, people, tree, who) -> None:
    login(client, getattr(people, who))
    page = client.get(reverse("applications:register")).content.decode()
    own = tree.district if who == "district_officer" else tree.bureau
    assert own.name in page
    assert tree.other_city.name not in page


def test_supervisor_reads_but_cannot_act(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    login(client, people.supervisor)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert 'id="actions"' not in page
    event_url = reverse("applications:event", args=[application.pk, "withdrawn"])
    assert client.get(event_url).status_code == 403
    assert client.post(event_url, {"kind": "withdrawn", "on": "2025-10-09"}).status_code == 403
    void = reverse("applications:void", args=[application.pk])
    event = application.events.get()
    assert client.post(void, {"event": event.pk, "reason": "x"}).status_code == 403
    assert client.get(reverse("applications:register")).status_code == 403
    assert application.events.count() == 1


def test_only_the_head_sees_and_records_the_extension(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    url = reverse("applications:event", args=[application.pk, "extension_approved"])
    detail = reverse("applications:detail", args=[application.pk])
    login(client, people.officer)
    assert url not in client.get(detail).content.decode()
    assert (
        client.post(url, {"kind": "extension_approved", "on": "2025-10-20", "days": 5}).status_code
        == 403
    )
    client.logout()
    login(client, people.head)
    assert url in client.get(detail).content.decode()
    response = client.post(url, {"kind": "extension_approved", "on": "2025-10-20", "days": 5})
    assert response.status_code == 302
    assert application.events.filter(kind="extension_approved").exists()


@pytest.mark.parametrize("who", ["officer", "head", "supervisor", "outsider", "nobody"])
def test_calendar_and_audit_log_are_for_administrators(client, people, who) -> None:
    login(client, getattr(people, who))
    assert client.get(reverse("calendar")).status_code == 403
    assert (
        client.post(reverse("calendar"), {"year": 2030, "holidays": "2030-01-01"}).status_code
        == 403
    )
    assert client.get(reverse("audit")).status_code == 403


def test_administrator_reads_the_audit_log_of_its_agencies_only(
    client, case, people, tree, django_user_model
) -> None:
    from xxgk.agencies.models import Role
    from xxgk.agencies.services import membership_add

    login(client, people.admin)
    page = client.get(reverse("audit")).content.decode()
    assert "登记申请" in page
    assert case[0].number in page
    other_admin = django_user_model.objects.create_user("other-admin", password=PASSWORD)
    membership_add(actor=None, user=other_admin, agency=tree.other_city, role=Role.ADMINISTRATOR)
    client.logout()
    login(client, other_admin)
    page = client.get(reverse("audit")).content.decode()
    assert case[0].number not in page


def test_administrator_enters_a_calendar_year(client, people) -> None:
    login(client, people.admin)
    response = client.post(
        reverse("calendar"),
        {"year": 2031, "notice": "国办发明电〔2030〕1号", "holidays": "2031-01-01", "workdays": ""},
    )
    assert response.status_code == 302
    page = client.get(reverse("calendar")).content.decode()
    assert "国办发明电〔2030〕1号" in page
    bad = client.post(reverse("calendar"), {"year": 2031, "holidays": "2031-02-30"})
    assert "不存在" in bad.content.decode()


def test_queue_highlights_by_due_date(client, register, people, today) -> None:
    today.set(date(2025, 11, 24))  # a Monday: 3 working days reach Thursday the 27th
    fresh = register(date(2025, 11, 20))  # due 2025-12-18
    week = register(date(2025, 10, 31))  # due Friday 2025-11-28
    soon = register(date(2025, 10, 29))  # due Wednesday 2025-11-26
    overdue = register(date(2025, 9, 26))  # due 2025-10-30
    login(client, people.officer)
    page = client.get(reverse("applications:queue")).content.decode()
    order = [page.index(a.number) for a in (overdue, soon, week, fresh)]
    assert order == sorted(order)

    def row_class(application) -> str:
        before = page[: page.index(application.number)]
        return before[before.rindex("<tr") :]

    assert 'class="overdue"' in row_class(overdue)
    assert 'class="soon"' in row_class(soon)
    assert 'class="week"' in row_class(week)
    assert 'class=""' in row_class(fresh)
    for label in ("已逾期 1", "3 个工作日内到期 1", "本周到期 2"):  # the week's includes soon
        assert label in page


def test_the_week_chip_counts_everything_due_by_sunday(client, register, people, today) -> None:
    """From Wednesday on, 3 working days reach past Sunday: what is due on Friday is both
    within 3 working days and due this week, and the week chip and filter still show it."""
    today.set(date(2025, 11, 27))  # a Thursday: 3 working days reach Tuesday 12-02
    friday = register(date(2025, 10, 31))  # due Friday 2025-11-28
    tuesday = register(date(2025, 11, 4))  # due Tuesday 2025-12-02
    login(client, people.officer)
    page = client.get(reverse("applications:queue")).content.decode()
    assert "3 个工作日内到期 2" in page
    assert "本周到期 1" in page
    listed = client.get(reverse("applications:queue"), {"urgency": "week"}).content.decode()
    assert friday.number in listed
    assert tuesday.number not in listed
    assert "今天至本周日（11-30）到期" in listed  # what the chip means, said on it


def test_search_filters(client, register, people) -> None:
    register(date(2025, 9, 26), applicant_name="甲申请人")
    register(
        date(2025, 9, 29),
        applicant_name="乙公司",
        applicant_kind="commercial",
        id_number="",
        credit_code="91350100M000100Y43",
    )
    login(client, people.officer)
    page = client.get(reverse("applications:search"), {"applicant_kind": "commercial"})
    body = page.content.decode()
    assert "乙公司" in body
    assert "甲申请人" not in body
    body = client.get(reverse("applications:search"), {"q": "甲申请"}).content.decode()
    assert "甲申请人" in body
    assert "乙公司" not in body
    csv = page_text(client.get(reverse("applications:export"), {"status": "replied"}))
    assert "甲申请人" not in csv
    body = client.get(
        reverse("applications:search"), {"year": 2025}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in body
    assert "甲申请人" in body


def test_reply_form_shows_the_chosen_outcomes_grounds_after_an_error(
    client, register, people
) -> None:
    application = register(date(2025, 9, 26))
    login(client, people.officer)
    url = reverse("applications:event", args=[application.pk, "reply_sent"])
    response = client.post(
        url, {"kind": "reply_sent", "on": "2025-10-09", "outcome": "partial", "ground": "x"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "请选择该办理结果的法定依据" in body
    row = editions.for_year(2025).application_row("partial")
    assert f'<option value="{row.grounds[0]}"' in body
    assert application.events.count() == 1


def test_django_admin_changes_go_through_the_services(client, tree, people) -> None:
    from xxgk.agencies.models import Agency
    from xxgk.audit.models import AuditEventType, AuditLog

    people.admin.is_staff = people.admin.is_superuser = True
    people.admin.save()
    login(client, people.admin)
    for name in ("agency", "membership"):
        assert client.get(reverse(f"admin:agencies_{name}_changelist")).status_code == 200
    for name in ("lettertemplate", "calendaryear"):
        assert client.get(reverse(f"admin:applications_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_auditlog_changelist")).status_code == 200
    response = client.post(
        reverse("admin:agencies_agency_add"),
        {
            "name": "甲市生态环境局",
            "level": "department",
            "parent": tree.city.pk,
            "document_number_pattern": "{short}政信公〔{year}〕{seq}号",
            "correction_period_days": 15,
            "reasons_period_days": 10,
            "fee_pauses_clock": "on",
            "enquiry_answer_days": 10,
        },
    )
    assert response.status_code == 302
    created = Agency.objects.get(name="甲市生态环境局")
    assert created.path.startswith(tree.city.path)
    record = AuditLog.objects.get(event_type=AuditEventType.AGENCY_CREATED, agency=created)
    assert record.actor == people.admin
    # Staff without the superuser flag see no applications in the admin at all.
    assert "applications/application" not in client.get(reverse("admin:index")).content.decode()


def test_an_uploaded_template_replaces_the_shipped_one(client, case, people, media) -> None:
    import io

    import docx
    from django.core.files.base import ContentFile

    from xxgk.applications.models import LetterTemplate

    document = docx.Document()
    document.add_paragraph("本地模板 {{ title }} {{ number }}")
    document.add_paragraph("{{ addressee }}")
    document.add_paragraph("{% for p in paragraphs %}{{ p }}{% endfor %}")
    buffer = io.BytesIO()
    document.save(buffer)
    template = LetterTemplate(key="granted", uploaded_by=people.admin)
    template.file.save("granted.docx", ContentFile(buffer.getvalue()))
    login(client, people.officer)
    letter = client.get(urls(case)["letter"])
    lines = [p.text for p in docx.Document(io.BytesIO(letter.content)).paragraphs]
    reply = case[1]
    assert lines[0] == f"本地模板 政府信息公开申请答复书 {reply.document_number}"
    assert lines[1] == "保密申请人："
    assert "电子文本通过电子邮件发送" in lines[2]  # the wording is still the law's


@pytest.mark.parametrize(
    ("day", "warned"),
    [(date(2026, 6, 1), False), (date(2026, 11, 2), True)],
)
def test_queue_warns_when_next_years_calendar_is_missing(
    client, people, today, day, warned
) -> None:
    from xxgk.workdays import Calendar

    if Calendar().covers(day.year + 1):
        pytest.skip("the installed calendar already covers the next year")
    today.set(day)
    login(client, people.officer)
    page = client.get(reverse("applications:queue")).content.decode()
    assert ('id="calendar-warning"' in page) is warned
    assert (f"{day.year + 1} 年的节假日安排尚未录入" in page) is warned


def test_queue_warns_while_a_due_date_is_provisional(client, register, people, today) -> None:
    from xxgk.workdays import Calendar

    year = Calendar().package_years.stop
    today.set(date(year - 1, 6, 1))
    application = register(date(year - 1, 6, 1))
    application_event_record(
        user=people.head,
        application=application,
        kind=EventKind.EXTENSION_APPROVED,
        on=date(year - 1, 6, 1),
        days=20,
    )
    login(client, people.officer)
    assert 'id="calendar-warning"' not in client.get(reverse("applications:queue")).content.decode()
    today.set(date(year - 1, 12, 10))
    late = register(date(year - 1, 12, 10))
    application_event_record(
        user=people.head,
        application=late,
        kind=EventKind.EXTENSION_APPROVED,
        on=date(year - 1, 12, 10),
        days=20,
    )
    page = client.get(reverse("applications:queue")).content.decode()
    assert "部分申请的答复期限为暂定" in page
    assert "暂定</span>" in page


def test_officer_corrects_the_receipt_date_on_the_page(client, register, people) -> None:
    application = register(date(2025, 9, 29))
    received = application.events.get()
    login(client, people.officer)
    detail = reverse("applications:detail", args=[application.pk])
    assert "更正收到申请之日" in client.get(detail).content.decode()
    response = client.post(
        reverse("applications:void", args=[application.pk]),
        {"event": received.pk, "reason": "签收日录错", "received_on": "2025-09-26"},
    )
    assert response.status_code == 302
    page = client.get(detail).content.decode()
    assert 'id="due-on">2025-10-30<' in page
    assert "签收日录错" in page


def test_year_filter_can_include_applications_carried_over(client, register, people, today):
    today.set(date(2026, 1, 20))
    carried = register(date(2025, 12, 22), applicant_name="结转申请人")
    closed_in_time = register(date(2025, 12, 1), applicant_name="年内办结")
    application_event_record(
        user=people.officer,
        application=closed_in_time,
        kind=EventKind.WITHDRAWN,
        on=date(2025, 12, 10),
    )
    register(date(2026, 1, 5), applicant_name="新收申请人")
    login(client, people.officer)
    plain = client.get(reverse("applications:search"), {"year": 2026}).content.decode()
    assert "新收申请人" in plain
    assert "结转申请人" not in plain
    both = client.get(
        reverse("applications:search"), {"year": 2026, "with_carried_over": "on"}
    ).content.decode()
    assert "新收申请人" in both
    assert "结转申请人" in both
    assert "年内办结" not in both
    assert "2025 年结转" in both
    assert carried.carried_forward


def test_no_ground_is_preselected(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    login(client, people.officer)
    body = client.get(
        reverse("applications:grounds", args=[application.pk]),
        {"outcome": "granted", "on": "2025-10-09"},
    ).content.decode()
    options = body.split("<option")[1:]
    assert options[0].startswith(' value="">')  # the officer must choose
    assert not any(" selected" in o for o in options)


def test_search_costs_the_same_queries_for_many_applications(
    client, register, people, django_assert_max_num_queries
) -> None:
    for day in range(1, 29):
        register(date(2025, 9, day))
    login(client, people.officer)
    with django_assert_max_num_queries(12):  # not one per application
        page = client.get(reverse("applications:search"), {"year": 2025})
    assert page.content.decode().count("/applications/") >= 28


def test_the_outcomes_are_grouped_as_in_table_3(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    login(client, people.officer)
    url = reverse("applications:event", args=[application.pk, "reply_sent"])
    page = client.get(url).content.decode()
    assert re.search(
        r'<optgroup label="（三）不予公开">\s*<option value="denied_state_secret"', page
    )
    assert '<optgroup label="（五）不予处理">' in page
    assert page.index("（四）无法提供") < page.index("1.本机关不掌握相关政府信息")


def test_the_status_box_names_the_outcomes_group(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.REPLY_SENT,
        on=date(2025, 10, 9),
        outcome="denied_state_secret",
        ground="《条例》第十四条：依法确定为国家秘密的政府信息",
        note="经审查，所申请信息已依法确定为国家秘密",
    )
    login(client, people.officer)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "办理结果：（三）不予公开：1.属于国家秘密" in page


def test_the_timeline_puts_no_space_before_a_comma(client, case, people) -> None:
    application, reply, _ = case
    login(client, people.officer)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert reply.document_number
    assert f'<span class="muted">{reply.document_number}</span>，予以公开' in page
    assert not re.search(r"\s[，：]", page)
