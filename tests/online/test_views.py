"""The online application as the public and the officer use it, through the pages."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.online.conftest import PDF
from xxgk.applications.services import application_event_record
from xxgk.online.models import Submission, SubmissionStatus
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits() -> None:
    cache.clear()  # the rate limits count in the cache


def form(**changes: Any) -> dict[str, Any]:
    return {
        "applicant_kind": "natural_person",
        "applicant_name": "王五",
        "id_document": "resident_id",
        "id_number": "11010519491231002X",
        "phone": "13800138000",
        "email": "wangwu@example.cn",
        "request_text": "2025年度国有建设用地供应计划",
        "delivery": "electronic",
        "way": "email",
        "key": "form-1",
        **changes,
    }


def apply(client, tree, **changes: Any):
    return client.post(reverse("online:apply", args=[tree.bureau.pk]), form(**changes))


def _receipt(response) -> tuple[str, str]:
    html = response.content.decode()
    number = re.search(r'class="number">(\d+)<', html).group(1)
    code = re.search(r'class="code">([0-9A-Z-]+)<', html).group(1)
    return number, code


def test_the_form_carries_a_fresh_key_and_the_article_29_contents(client, tree) -> None:
    html = client.get(reverse("online:apply", args=[tree.bureau.pk])).content.decode()
    for label in ("申请人类型", "身份证件类型", "统一社会信用代码", "联系电话", "获取信息的方式"):
        assert label in html
    for kind in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"):
        assert kind in html
    keys = re.findall(r'name="key" value="([^"]+)"', html)
    assert len(keys) == 1
    assert len(keys[0]) >= 24


def test_submitting_shows_the_number_and_code_once(
    client, tree, media, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, tree)
    assert response.status_code == 302
    page = client.get(response["Location"])
    number, code = _receipt(page)
    assert Submission.objects.get().number == number
    assert code in mail.outbox[0].body
    assert "第三十一条第（三）项" in page.content.decode()
    # Another browser cannot see the code with the number alone.
    from django.test import Client

    assert Client().get(response["Location"]).status_code == 404


def test_a_double_submit_makes_one_submission(client, tree, media) -> None:
    first = apply(client, tree)
    second = apply(client, tree)
    assert first["Location"] == second["Location"]
    assert Submission.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id_number": "110105194912310021"}, "id_number", "校验位不正确"),
        ({"id_document": ""}, "id_document", "请选择身份证件类型"),
        (
            {"applicant_kind": "commercial", "credit_code": "91350100M000100Y44"},
            "credit_code",
            "校验位不正确",
        ),
        (
            {"applicant_kind": "commercial", "credit_code": "91350100M000100Y43"},
            "contact_person",
            "请填写联系人",
        ),
        ({"phone": "12345"}, "phone", "11 位手机号码"),
        ({"way": "post", "address": ""}, "address", "请填写通信地址"),
        ({"postcode": "1000"}, "postcode", "6 位数字"),
        ({"email": "zhang@"}, "email", "请输入有效的电子邮件地址。"),
    ],
)
def test_bad_input_gets_a_message_on_its_field(client, tree, changes, field, message) -> None:
    response = apply(client, tree, **changes)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert message in response.content.decode()
    assert not Submission.objects.exists()


def test_a_form_sent_without_its_cookie_is_refused_in_plain_chinese(tree) -> None:
    """Django's own page says "CSRF验证失败" and asks for DEBUG=True."""
    response = Client(enforce_csrf_checks=True).post(
        reverse("online:apply", args=[tree.bureau.pk]), form()
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "请刷新页面后重新提交" in page
    assert "CSRF验证失败" not in page
    assert not Submission.objects.exists()


def test_script_in_a_field_is_kept_as_text_and_escaped(client, tree, people, media) -> None:
    apply(client, tree, applicant_name="<script>alert(1)</script>王五")
    s = Submission.objects.get()
    assert s.applicant_name == "<script>alert(1)</script>王五"
    client.force_login(people.officer)
    html = client.get(reverse("submissions:review", args=[s.pk])).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;王五" in html


def test_a_20_mb_attachment_is_refused(client, tree, media) -> None:
    big = SimpleUploadedFile("材料.pdf", PDF + b"0" * (20 * 1024 * 1024))
    response = client.post(
        reverse("online:apply", args=[tree.bureau.pk]), {**form(), "attachments": big}
    )
    assert response.status_code == 400
    assert "上限" in response.content.decode()
    assert not Submission.objects.exists()


def test_the_honeypot_refuses_a_bot(client, tree) -> None:
    response = apply(client, tree, website="http://spam.example")
    assert response.status_code == 400
    assert "提交未成功" in response.content.decode()
    assert not Submission.objects.exists()


def test_submissions_are_rate_limited_per_address(client, tree, media, settings) -> None:
    settings.XXGK_SUBMIT_RATE = "2/h"
    assert apply(client, tree, key="a").status_code == 302
    assert apply(client, tree, key="b").status_code == 302
    limited = apply(client, tree, key="c")
    assert limited.status_code == 429
    assert "提交过于频繁" in limited.content.decode()
    assert Submission.objects.count() == 2


def test_submissions_are_rate_limited_per_applicant(client, tree, media, settings) -> None:
    settings.XXGK_SUBMIT_IDENTITY_RATE = "1/d"
    assert apply(client, tree, key="a").status_code == 302
    assert apply(client, tree, key="b").status_code == 429
    other = apply(client, tree, key="c", id_number="110105199003072530")
    assert other.status_code == 302


def _open_case(client, number: str, code: str):
    return client.post(reverse("online:lookup"), {"number": number, "code": code})


def test_the_lookup_opens_the_case_and_guessing_is_limited(client, tree, media, settings) -> None:
    number, code = _receipt(client.get(apply(client, tree)["Location"]))
    wrong = _open_case(client, number, "AAAA-AAAA-AAAA-AAAA")
    assert wrong.status_code == 400
    assert "受理编号或查询码不正确" in wrong.content.decode()
    opened = _open_case(client, number, code.lower())
    assert opened.status_code == 302
    html = client.get(reverse("online:case")).content.decode()
    assert "待确认" in html
    assert number in html
    settings.XXGK_LOOKUP_NUMBER_RATE = "3/h"
    cache.clear()
    for _ in range(3):
        _open_case(client, number, "AAAA-AAAA-AAAA-AAAA")
    limited = _open_case(client, number, code)  # even the right code, once the number is tried out
    assert limited.status_code == 429
    assert "查询次数过多" in limited.content.decode()


def test_the_application_page_shows_the_medium_and_the_way_each_under_its_label(
    client, tree, people, media
) -> None:
    apply(client, tree, delivery="electronic", way="email")
    officer = Client()
    officer.force_login(people.officer)
    s = Submission.objects.get()
    officer.post(reverse("submissions:review", args=[s.pk]), {"decision": "confirm"})
    application = Submission.objects.get().application
    page = officer.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "<th>信息的载体形式</th><td>电子文本</td>" in page
    assert "<th>获取信息的方式</th><td>电子邮件</td>" in page


def test_the_whole_way_through_the_pages(client, tree, people, media, today) -> None:
    from django.test import Client

    today.set(date(2025, 10, 9))
    number, code = _receipt(client.get(apply(client, tree)["Location"]))
    officer = Client()
    officer.force_login(people.officer)
    queue = officer.get(reverse("submissions:queue")).content.decode()
    assert number in queue
    s = Submission.objects.get()
    confirmed = officer.post(reverse("submissions:review", args=[s.pk]), {"decision": "confirm"})
    application = Submission.objects.get().application
    assert confirmed["Location"] == reverse("applications:detail", args=[application.pk])
    assert application.received_on == date(2025, 10, 9)
    today.set(date(2025, 10, 10))
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.CORRECTION_REQUESTED,
        on=date(2025, 10, 10),
        note="请写明所需信息的年份。",
    )
    _open_case(client, number, code)
    html = client.get(reverse("online:case")).content.decode()
    assert '<dd class="status">待补正</dd>' in html
    assert "请写明所需信息的年份。" in html
    assert "政府信息公开申请补正告知书" in html
    letter = re.search(r'href="(/gk/lookup/case/letters/correction/\d+\.docx)"', html).group(1)
    download = client.get(letter)
    assert download.status_code == 200
    assert download.content[:2] == b"PK"
    today.set(date(2025, 10, 13))
    answered = client.post(
        reverse("online:correction"),
        {"text": "2025年度", "attachments": SimpleUploadedFile("说明.pdf", PDF)},
    )
    assert answered.status_code == 302
    application.refresh_from_db()
    assert application.due_on == date(2025, 11, 10)
    html = client.get(reverse("online:case")).content.decode()
    assert "补正材料已提交" in html
    assert "2025年11月10日" in html
    officer_view = officer.get(reverse("applications:detail", args=[application.pk]))
    assert "申请人网上提交" in officer_view.content.decode()
    withdrawn = client.post(reverse("online:withdraw"), {"confirm": "on", "reason": "已获得"})
    assert withdrawn.status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert "已撤回" in client.get(reverse("online:case")).content.decode()
    client.post(reverse("online:leave"))
    assert client.get(reverse("online:case")).status_code == 404


def test_the_officer_returns_with_a_reason_and_the_applicant_sees_it(
    client, tree, people, media
) -> None:
    number, code = _receipt(client.get(apply(client, tree)["Location"]))
    client.force_login(people.officer)
    s = Submission.objects.get()
    empty = client.post(reverse("submissions:review", args=[s.pk]), {"decision": "return"})
    assert empty.status_code == 400
    assert "请写明退回的理由" in empty.content.decode()
    client.post(
        reverse("submissions:review", args=[s.pk]),
        {"decision": "return", "reason": "请向甲市财政局申请"},
    )
    assert Submission.objects.get().status == SubmissionStatus.RETURNED
    client.logout()
    _open_case(client, number, code)
    assert "请向甲市财政局申请" in client.get(reverse("online:case")).content.decode()


def test_the_review_page_flags_a_repeat(client, tree, people, media, register, today) -> None:
    today.set(date(2025, 10, 9))
    earlier = register(date(2025, 9, 1))
    apply(client, tree)
    client.force_login(people.officer)
    html = client.get(
        reverse("submissions:review", args=[Submission.objects.get().pk])
    ).content.decode()
    assert "可能的重复申请" in html
    assert earlier.number in html
    assert "系统不作决定" in html


def test_behind_a_proxy_the_limits_count_each_client(client, tree, media, settings) -> None:
    settings.XXGK_SUBMIT_RATE = "1/h"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"  # XXGK_CLIENT_IP_HEADER=X-Real-IP
    url = reverse("online:apply", args=[tree.bureau.pk])

    def send(ip: str, key: str, id_number: str) -> int:
        data = form(key=key, id_number=id_number)
        return client.post(url, data, HTTP_X_REAL_IP=ip).status_code

    assert send("10.0.0.1", "a", "11010519491231002X") == 302
    assert send("10.0.0.2", "b", "110105199003072530") == 302  # another client, same proxy
    assert send("10.0.0.1", "c", "110105199003072530") == 429
