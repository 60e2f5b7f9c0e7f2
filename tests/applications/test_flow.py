"""The officer's whole path through Django's test client: a letter received on the last Friday
before National Day 2025, a correction, a third-party consultation, the head's extension, a
partial disclosure, and the filled reply letter. Every due date the page shows must be the one
the statutory clock computes for the same events."""

import io
import re
from datetime import date

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD
from xxgk.applications.models import Application
from xxgk.report import editions
from xxgk.workdays import Calendar
from xxgk.workdays.clock import Event, EventKind, compute

pytestmark = pytest.mark.django_db


def shown_due(page: str) -> date:
    return date.fromisoformat(re.search(r'id="due-on">(\d{4}-\d{2}-\d{2})<', page).group(1))


def as_user(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def test_officer_flow_from_letter_to_reply(client, tree, people, media) -> None:
    as_user(client, people.officer)
    response = client.post(
        reverse("applications:register"),
        {
            "agency": tree.bureau.pk,
            "applicant_kind": "natural_person",
            "applicant_name": "刘某",
            "id_number": "11010519491231002X",
            "phone": "13900000000",
            "address": "甲市中山路1号",
            "channel": "letter",
            "delivery": "paper",
            "request_text": "青山镇石桥村集体土地征收补偿安置方案",
            "received_on": "2025-09-26",
            "note": "EMS 签收",
            "documents": [
                SimpleUploadedFile("申请书.pdf", b"%PDF-1.4 letter", "application/pdf"),
                SimpleUploadedFile("信封.jpg", b"\xff\xd8\xff jpeg", "image/jpeg"),
            ],
        },
    )
    assert response.status_code == 302, response.content.decode()
    application = Application.objects.get()
    detail = reverse("applications:detail", args=[application.pk])
    assert response["Location"] == detail

    events = [Event(EventKind.RECEIVED, date(2025, 9, 26))]
    calendar = Calendar()

    def check_page() -> str:
        page = client.get(detail).content.decode()
        state = compute(events, calendar, today=timezone.localdate())
        if state.due_on is not None:
            assert shown_due(page) == state.due_on
        for line in state.explanation:  # "how it was computed", line by line
            assert line in page.replace("&quot;", '"').replace("&#x27;", "'")
        return page

    page = check_page()
    assert shown_due(page) == date(2025, 10, 30)  # 20 working days, National Day skipped
    assert [a.name for a in application.attachments.all()] == ["申请书.pdf", "信封.jpg"]
    first = application.attachments.first()
    assert reverse("applications:attachment", args=[first.pk]) in page
    download = client.get(reverse("applications:attachment", args=[first.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 letter"

    def act(kind: EventKind, on: date, expect: int = 302, **data) -> None:
        url = reverse("applications:event", args=[application.pk, kind.value])
        assert url in client.get(detail).content.decode(), f"{kind} not offered"
        form = client.get(url, HTTP_HX_REQUEST="true")
        assert form.status_code == 200
        assert "<html" not in form.content.decode()
        response = client.post(url, {"kind": kind.value, "on": on.isoformat(), **data})
        assert response.status_code == expect, response.content.decode()
        if expect == 302:
            events.append(Event(kind, on, data.get("days")))

    act(EventKind.CORRECTION_REQUESTED, date(2025, 9, 29), note="请写明所需方案的年份")
    page = check_page()
    assert "待补正" in page
    act(EventKind.CORRECTION_RECEIVED, date(2025, 10, 13))
    assert shown_due(check_page()) == date(2025, 11, 10)
    act(EventKind.CONSULTATION_OPENED, date(2025, 10, 15), note="征求被征收人意见")
    assert "征求意见中" in check_page()
    act(EventKind.CONSULTATION_ANSWERED, date(2025, 10, 24), note="不同意公开个人信息")
    assert shown_due(check_page()) == date(2025, 11, 19)  # 7 working days not counted

    # The officer may not extend; the head may.
    extension = reverse("applications:event", args=[application.pk, "extension_approved"])
    assert extension not in client.get(detail).content.decode()
    ext = {"kind": "extension_approved", "on": "2025-10-28", "days": 20, "note": "涉及多户"}
    assert client.post(extension, ext).status_code == 403
    as_user(client, people.head)
    act(EventKind.EXTENSION_APPROVED, date(2025, 10, 28), days=20, note="涉及多户")
    assert shown_due(check_page()) == date(2025, 12, 17)

    as_user(client, people.officer)
    partial = editions.for_year(2025).application_row("partial")
    grounds = client.get(
        reverse("applications:grounds", args=[application.pk]),
        {"outcome": "partial", "on": "2025-11-20"},
    ).content.decode()
    assert partial.grounds[0] in grounds
    act(
        EventKind.REPLY_SENT,
        date(2025, 11, 20),
        outcome="partial",
        ground=partial.grounds[0],
        note="其他被征收人的个人信息不予公开",
    )
    page = check_page()
    application.refresh_from_db()
    assert (application.status, application.outcome) == ("replied", "partial")
    assert partial.label.text in page
    assert "答复期限为 2025-12-17，在期限内答复。" in page

    link = re.search(r'href="(/applications/\d+/letters/partial/\d+\.docx)"', page).group(1)
    letter = client.get(link)
    assert letter.status_code == 200
    assert letter["Content-Type"].endswith("wordprocessingml.document")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(letter.content)).paragraphs)
    assert "政府信息部分公开答复书" in text
    assert "刘某：" in text
    assert "2025年9月26日" in text
    assert partial.grounds[0] in text
    assert "其他被征收人的个人信息不予公开" in text
    assert "签发人：head（办公室主任）" in text
    assert "{{" not in text

    # The correction notice and the extension notice were generated too.
    assert "补正告知书" in page
    assert "延期答复告知书" in page
    ext_link = re.search(r'href="(/applications/\d+/letters/extension/\d+\.docx)"', page).group(1)
    ext_text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(client.get(ext_link).content)).paragraphs
    )
    assert "延长20个工作日" in ext_text


def test_a_refused_event_shows_the_clocks_reason(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    as_user(client, people.officer)
    url = reverse("applications:event", args=[application.pk, "correction_requested"])
    response = client.post(url, {"kind": "correction_requested", "on": "2025-10-20"})
    assert response.status_code == 400
    assert "7 个工作日内一次性告知" in response.content.decode()
    assert application.events.count() == 1
