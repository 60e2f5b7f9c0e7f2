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
from xxgk.applications.clock import clock_event, live_events
from xxgk.applications.models import Application, ApplicationEvent
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

    def act(kind: EventKind, on: date, expect: int = 302, **data) -> ApplicationEvent | None:
        url = reverse("applications:event", args=[application.pk, kind.value])
        assert url in client.get(detail).content.decode(), f"{kind} not offered"
        form = client.get(url, HTTP_HX_REQUEST="true")
        assert form.status_code == 200
        assert "<html" not in form.content.decode()
        response = client.post(url, {"kind": kind.value, "on": on.isoformat(), **data})
        assert response.status_code == expect, response.content.decode()
        if expect != 302:
            return None
        recorded = application.events.order_by("-pk")
        events[:] = [clock_event(e) for e in live_events(application.events.all())]
        return recorded.filter(kind=kind.value).first()

    act(EventKind.ACKNOWLEDGED, date(2025, 9, 26))
    act(
        EventKind.CORRECTION_REQUESTED,
        date(2025, 9, 29),
        detail="未写明所需方案所属的村和年份",
        note="请写明所需补偿安置方案所属的村名和年份",
        days=10,
    )
    page = check_page()
    assert "待补正" in page
    assert "申请人补正期限" in page
    act(EventKind.CORRECTION_RECEIVED, date(2025, 10, 13))
    assert shown_due(check_page()) == date(2025, 11, 10)

    # Two consultations at once, each counted from the day its party received the letter.
    first = act(
        EventKind.CONSULTATION_OPENED,
        date(2025, 10, 15),
        article=32,
        party="刘某某",
        party_is_person="on",
        detail="补偿明细中刘某某的补偿款数额",
        delivered_on="2025-10-15",
    )
    second = act(
        EventKind.CONSULTATION_OPENED,
        date(2025, 10, 16),
        article=32,
        party="江城某建设有限公司",
        detail="补偿明细中江城某建设有限公司的拆迁合同金额",
    )
    page = check_page()
    assert "征求意见中" in page
    assert "待签收" in page
    act(EventKind.CONSULTATION_DELIVERED, date(2025, 10, 17), ref=second.pk)
    act(EventKind.CONSULTATION_ANSWERED, date(2025, 10, 24), ref=first.pk, note="不同意公开")
    act(EventKind.CONSULTATION_ANSWERED, date(2025, 10, 28), ref=second.pk, note="同意公开")
    # Not counted: [10-15, 10-24) and [10-16, 10-28) together, 10-15 .. 10-27 = 9 working days;
    # 11-10 + 9: 11-11(1) 12(2) 13(3) 14(4) 17-21(9)
    assert shown_due(check_page()) == date(2025, 11, 21)

    # The officer may not extend; the head may.
    extension = reverse("applications:event", args=[application.pk, "extension_approved"])
    assert extension not in client.get(detail).content.decode()
    ext = {"kind": "extension_approved", "on": "2025-10-28", "days": 20, "note": "涉及多户"}
    assert client.post(extension, ext).status_code == 403
    as_user(client, people.head)
    act(EventKind.EXTENSION_APPROVED, date(2025, 10, 28), days=20, note="涉及多户被征收人")
    # 11-21 + 20: 11-24..28(5) 12-01..05(10) 08..12(15) 15..19(20)
    assert shown_due(check_page()) == date(2025, 12, 19)

    # A fee by pages (109号 第五条): the form shows the amount and how it was computed.
    as_user(client, people.officer)
    quote = client.get(
        reverse("applications:fee", args=[application.pk]), {"fee_basis": "pages", "pages": 130}
    ).content.decode()
    assert "1300.00 元" in quote
    assert "第31—100页 每页10元" in quote
    zero = client.get(
        reverse("applications:fee", args=[application.pk]), {"fee_basis": "pages", "pages": 30}
    ).content.decode()
    assert "1300.00" not in zero
    assert "0.00 元" in zero
    act(EventKind.FEE_NOTICE_SENT, date(2025, 10, 30), 400, fee_basis="pages", pages=20)
    act(EventKind.FEE_NOTICE_SENT, date(2025, 10, 30), fee_basis="pages", pages=130)
    application.refresh_from_db()
    assert application.status == "awaiting_fee"
    assert "1300.00 元" in check_page()
    act(EventKind.FEE_NOTICE_DELIVERED, date(2025, 11, 3))
    assert "缴费期限" in check_page()
    act(EventKind.FEE_PAID, date(2025, 11, 5))
    # 10-30, 10-31, 11-03, 11-04 not counted (the agency's policy): 12-19 + 4 = 12-25
    assert shown_due(check_page()) == date(2025, 12, 25)

    partial = editions.for_year(2025).application_row("partial")
    grounds = client.get(
        reverse("applications:grounds", args=[application.pk]),
        {"outcome": "partial", "on": "2025-11-20"},
    ).content.decode()
    assert partial.grounds[0] in grounds
    act(  # a partial disclosure must say how the information is provided
        EventKind.REPLY_SENT,
        date(2025, 11, 20),
        400,
        outcome="partial",
        ground=partial.grounds[0],
        note="刘某某的补偿款数额涉及个人隐私，刘某某不同意公开",
    )
    act(
        EventKind.REPLY_SENT,
        date(2025, 11, 20),
        outcome="partial",
        ground=partial.grounds[0],
        note="刘某某的补偿款数额涉及个人隐私，刘某某不同意公开",
        detail="可以公开部分的复印件随本告知书邮寄",
    )
    page = check_page()
    application.refresh_from_db()
    assert (application.status, application.outcome) == ("replied", "partial")
    assert partial.label.text in page
    assert "答复期限为 2025-12-25，在期限内答复。" in page

    letters = dict(re.findall(r'href="(/applications/\d+/letters/(\w+)/\d+\.docx)"', page))
    texts = {}
    for link, key in letters.items():
        response = client.get(link)
        assert response.status_code == 200, key
        assert response["Content-Type"].endswith("wordprocessingml.document")
        texts.setdefault(key, []).append(
            "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
        )
    assert sorted(texts) == [
        "consultation",
        "correction",
        "extension",
        "fee",
        "partial",
        "receipt",
    ]
    assert len(texts["consultation"]) == 2
    for key, bodies in texts.items():
        for text in bodies:
            assert text.count("《中华人民共和国政府信息公开条例》") == 1, key
            assert "你（单位）" not in text, key
            assert "2025年" in text, key
    [reply] = texts["partial"]
    assert "政府信息部分公开告知书" in reply
    assert "刘某：" in reply
    assert "第三十七条" in reply
    assert "可以公开部分的复印件随本告知书邮寄" in reply
    assert "应当在收到本答复之日起60日内先向甲市人民政府申请行政复议" in reply
    assert "甲自然资政信公〔2025〕" in reply
    [fee] = texts["fee"]
    assert "1300.00元" in fee
    assert "壹仟叁佰元整" in fee
    [correction] = texts["correction"]
    assert "补正期限为10个工作日" in correction
    # 10 working days from 09-29: 09-30(1) | 国庆、中秋 | 10-09(2) 10(3) 11 Sat(4) 13-17(9) 20(10)
    assert "2025年10月20日前" in correction


def test_a_late_notice_is_marked_and_an_early_lapse_refused(client, register, people) -> None:
    application = register(date(2025, 9, 26))
    as_user(client, people.officer)
    url = reverse("applications:event", args=[application.pk, "correction_requested"])
    response = client.post(
        url,
        {"kind": "correction_requested", "on": "2025-10-20", "note": "请写明年份", "days": 5},
    )
    assert response.status_code == 302  # recorded as it happened …
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "应于 2025-10-13 前告知" in page  # … and marked late, on the case
    assert "逾期告知" in page  # and in the timeline
    application.refresh_from_db()
    assert application.has_warnings
    lapse = reverse("applications:event", args=[application.pk, "correction_expired"])
    response = client.post(lapse, {"kind": "correction_expired", "on": "2025-10-24"})
    assert response.status_code == 400
    # 5 working days from 10-20: 10-21 .. 10-24 (4), 10-27 (5)
    assert "补正期限至 2025-10-27，2025-10-24 尚未届满" in response.content.decode()
    assert application.events.count() == 2


def test_article_35_then_a_review_and_a_lawsuit(client, register, people, tree, media) -> None:
    """Another case: reasons asked for under Art. 35, a later deadline, the reply; then the
    applicant seeks review and sues, and both reach table 4 of their year."""
    from xxgk.appeals.models import Appeal
    from xxgk.appeals.selectors import appeals_table

    application = register(date(2025, 9, 1))  # reply due 2025-09-29
    as_user(client, people.officer)
    detail = reverse("applications:detail", args=[application.pk])

    def post(kind: str, on: str, expect: int = 302, **data) -> str:
        url = reverse("applications:event", args=[application.pk, kind])
        response = client.post(url, {"kind": kind, "on": on, **data})
        assert response.status_code == expect, response.content.decode()
        return client.get(detail).content.decode()

    page = post("reasons_requested", "2025-09-03", note="你自2025年8月起已提出申请86件", days=5)
    assert "待说明理由" in page
    assert "申请人说明理由期限" in page
    post("later_deadline_set", "2025-09-05", 403, until="2025-10-31")  # not offered: no reasons yet
    post("reasons_received", "2025-09-08", note="申请人称用于学术研究")
    page = post("later_deadline_set", "2025-09-10", until="2025-10-31", note="需逐卷检索")
    assert shown_due(page) == date(2025, 10, 31)
    assert "依条例第三十五条确定的答复期限为 2025-10-31" in page
    assert "说明理由通知书" in page
    row = editions.for_year(2025).application_row("unable_not_held")
    page = post(
        "reply_sent",
        "2025-10-30",
        outcome=row.key,
        ground=row.grounds[0],
        note="经检索本机关档案，没有所申请的信息",
    )
    assert "在期限内答复" in page

    # 行政复议, then 行政诉讼 after review, both linked to the application.
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": tree.bureau.pk,
            "kind": "review",
            "body": "甲市人民政府",
            "case_number": "甲府复〔2025〕31号",
            "application_number": application.number,
            "copy_received_on": "2025-11-10",
        },
    )
    assert response.status_code == 302, response.content.decode()
    review = Appeal.objects.get(case_number="甲府复〔2025〕31号")
    assert review.application == application
    assert review.answer_due_on == date(2025, 11, 24)  # 10 working days (复议法第四十八条)
    queue = client.get(reverse("applications:queue")).content.decode()
    assert "甲府复〔2025〕31号" in queue  # the answer is due in the officer's queue
    decide = reverse("appeals:decide", args=[review.pk])
    assert (
        client.post(decide, {"decision": "review_upheld", "decided_on": "2025-12-22"}).status_code
        == 302
    )
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": tree.bureau.pk,
            "kind": "litigation",
            "after_review": "on",
            "review": review.pk,
            "body": "甲市中山区人民法院",
            "case_number": "（2026）甲0102行初5号",
            "application_number": application.number,
            "copy_received_on": "2026-01-05",
        },
    )
    assert response.status_code == 302, response.content.decode()
    lawsuit = Appeal.objects.get(case_number="（2026）甲0102行初5号")
    assert lawsuit.answer_due_on == date(2026, 1, 20)  # 15 days: 01-20 (行政诉讼法第六十七条)
    assert appeals_table(agency=tree.bureau, year=2025)["review"]["upheld"] == 1
    in_2026 = appeals_table(agency=tree.bureau, year=2026)["litigation_after_review"]
    assert (in_2026["pending"], in_2026["total"]) == (1, 1)
