"""The 咨询建议 pages: the public's on the portal, the officers' in the back office."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.enquiries.models import Enquiry
from xxgk.enquiries.services import enquiry_answer

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "question",
    "name": "刘洋",
    "contact": "liu@example.com",
    "subject": "不动产登记资料查询",
    "text": "请问需要哪些材料？",
    "consent": "on",
    "website": "",
}


def _ask(client: Client, agency: Any, **changes: str) -> Any:
    return client.post(reverse("enquiry_portal:ask", args=[agency.pk]), {**FORM, **changes})


def test_ask_then_see_the_number_and_code_once(client: Client, tree: Any, today: Any) -> None:
    today.set(date(2025, 9, 30))
    response = _ask(client, tree.bureau)
    receipt_url = reverse("enquiry_portal:receipt", args=[tree.bureau.pk])
    assert response.status_code == 302
    assert response["Location"] == receipt_url
    page = client.get(receipt_url).content.decode()
    enquiry = Enquiry.objects.get()
    assert enquiry.number in page
    assert "2025-10-21" in page
    code = page.split('id="receipt-code">')[1].split("<")[0]
    assert len(code.replace("-", "")) == 16
    # Shown once: reloading leads to the lookup form.
    again = client.get(receipt_url)
    assert again["Location"] == reverse("enquiry_portal:lookup", args=[tree.bureau.pk])
    found = client.post(
        reverse("enquiry_portal:lookup", args=[tree.bureau.pk]),
        {"number": enquiry.number, "code": code.lower()},
    ).content.decode()
    assert "正在办理，本机关将在 2025-10-21 前答复。" in found


def test_a_wrong_code_says_so_without_saying_which(client: Client, tree: Any, today: Any) -> None:
    today.set(date(2025, 9, 30))
    _ask(client, tree.bureau)
    response = client.post(
        reverse("enquiry_portal:lookup", args=[tree.bureau.pk]),
        {"number": "2025-0001", "code": "0000-0000-0000-0000"},
    )
    assert response.status_code == 400
    assert "编号或查询码不正确" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "请填写姓名。"),
        ({"contact": "不告诉你"}, "请填写有效的电话号码"),
        ({"contact": "x@y"}, "电子邮箱格式不正确"),
        ({"subject": "题" * 101}, "标题不能超过 100 字。"),
        ({"text": "字" * 2001}, "内容不能超过 2000 字。"),
        ({"kind": "complaint"}, "请选择咨询或建议。"),
    ],
)
def test_bad_input_is_answered_on_the_field_in_chinese(
    client: Client, tree: Any, changes: dict[str, str], message: str
) -> None:
    response = _ask(client, tree.bureau, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Enquiry.objects.exists()


def test_the_honeypot_turns_robots_away(client: Client, tree: Any) -> None:
    response = _ask(client, tree.bureau, website="http://spam.example")
    assert response.status_code == 400
    assert not Enquiry.objects.exists()


def test_asking_and_guessing_are_rate_limited(
    client: Client, tree: Any, today: Any, settings: Any
) -> None:
    from django.core.cache import cache

    cache.clear()
    today.set(date(2025, 9, 30))
    settings.XXGK_ENQUIRY_RATE = "2/h"
    assert _ask(client, tree.bureau).status_code == 302
    assert _ask(client, tree.bureau).status_code == 302
    limited = _ask(client, tree.bureau)
    assert limited.status_code == 429
    assert "提交过于频繁" in limited.content.decode()
    assert Enquiry.objects.count() == 2
    settings.XXGK_LOOKUP_NUMBER_RATE = "2/h"
    lookup = reverse("enquiry_portal:lookup", args=[tree.bureau.pk])
    for _ in range(2):
        client.post(lookup, {"number": "2025-0001", "code": "0000-0000-0000-0000"})
    guessed = client.post(lookup, {"number": "2025-0001", "code": "0000-0000-0000-0000"})
    assert guessed.status_code == 429
    assert "查询次数过多" in guessed.content.decode()
    cache.clear()


def test_in_english_the_messages_are_english(client: Client, tree: Any) -> None:
    client.cookies["django_language"] = "en"
    page = _ask(client, tree.bureau, name="").content.decode()
    assert "Please fill in Name." in page
    assert "Questions and suggestions" in page


def _answered(submit: Any, people: Any, today: Any, *, publish: bool, **fields: Any) -> Any:
    enquiry = submit(date(2025, 3, 3), **fields).enquiry
    today.set(date(2025, 3, 4))
    return enquiry_answer(
        user=people.officer,
        enquiry=enquiry,
        answer="<b>答复</b>内容。",
        answered_on=date(2025, 3, 4),
        publish=publish,
    )


def test_the_qa_page_shows_published_answers_without_contact_and_escaped(
    client: Client, submit: Any, people: Any, tree: Any, today: Any
) -> None:
    shown = _answered(
        submit,
        people,
        today,
        publish=True,
        subject="<script>alert(1)</script>查询",
        name="刘洋",
        contact="13905990001",
    )
    hidden = _answered(submit, people, today, publish=False, subject="个人事项")
    listing = client.get(reverse("enquiry_portal:answers", args=[tree.bureau.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;查询" in listing
    assert "<script>alert(1)" not in listing
    assert "个人事项" not in listing
    one = client.get(reverse("enquiry_portal:answer", args=[tree.bureau.pk, shown.pk]))
    body = one.content.decode()
    assert "&lt;b&gt;答复&lt;/b&gt;内容。" in body
    assert "刘洋" not in body
    assert "13905990001" not in body
    assert (
        client.get(reverse("enquiry_portal:answer", args=[tree.bureau.pk, hidden.pk])).status_code
        == 404
    )


def test_the_back_office_queue_warns_of_overdue_and_counts_the_year(
    client: Client, submit: Any, people: Any, today: Any
) -> None:
    submit(date(2025, 9, 30), subject="<script>x</script>")  # due 2025-10-21
    today.set(date(2025, 10, 22))
    client.force_login(people.officer)
    page = client.get(reverse("enquiries:list"), {"year": 2025}).content.decode()
    assert "已逾期" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "共收到网站咨询和建议1件，答复0件，未出现超期答复；年底尚有1件正在办理。" in page


def test_an_officer_answers_and_publishes(
    client: Client, submit: Any, people: Any, today: Any
) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    client.force_login(people.officer)
    detail = client.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    assert "13905990001" in detail  # the officer needs the contact to answer
    response = client.post(
        reverse("enquiries:answer", args=[enquiry.pk]),
        {"answer": "可携带身份证件办理。", "answered_on": "2025-03-03", "publish": "on"},
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.published
    assert enquiry.answer == "可携带身份证件办理。"


def test_a_wrong_answer_is_shown_on_its_field(
    client: Client, submit: Any, people: Any, today: Any
) -> None:
    enquiry = submit(date(2025, 3, 3)).enquiry
    client.force_login(people.officer)
    response = client.post(
        reverse("enquiries:answer", args=[enquiry.pk]),
        {"answer": "答复。", "answered_on": "2025-03-01"},
    )
    assert response.status_code == 400
    assert "答复日期不能早于收到日期。" in response.content.decode()
    bad_date = client.post(
        reverse("enquiries:answer", args=[enquiry.pk]), {"answer": "答复。", "answered_on": "昨天"}
    )
    assert "日期格式应为 2025-10-09。" in bad_date.content.decode()


def test_publishing_without_consent_cannot_be_forced(
    client: Client, submit: Any, people: Any, today: Any
) -> None:
    enquiry = submit(date(2025, 3, 3), consent=False).enquiry
    client.force_login(people.officer)
    client.post(
        reverse("enquiries:answer", args=[enquiry.pk]),
        {"answer": "答复。", "answered_on": "2025-03-03", "publish": "on"},
    )
    enquiry.refresh_from_db()
    assert enquiry.answered_on == date(2025, 3, 3)
    assert not enquiry.published


def test_unpublish_from_the_detail_page(
    client: Client, submit: Any, people: Any, today: Any
) -> None:
    enquiry = _answered(submit, people, today, publish=True)
    client.force_login(people.head)
    empty = client.post(reverse("enquiries:unpublish", args=[enquiry.pk]), {"reason": ""})
    assert empty.status_code == 400
    assert "请填写撤回公开的理由。" in empty.content.decode()
    client.post(reverse("enquiries:unpublish", args=[enquiry.pk]), {"reason": "涉及个人事项"})
    enquiry.refresh_from_db()
    assert not enquiry.published
