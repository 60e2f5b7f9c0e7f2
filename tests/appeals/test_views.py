"""The appeals pages: who may read, who may act, and what an officer does on them."""

from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from xxgk.appeals.models import Appeal
from xxgk.appeals.services import appeal_decide
from xxgk.audit.models import AuditEventType, AuditLog

pytestmark = pytest.mark.django_db

CASE = "甲政复〔2025〕77号"
APPLICANT = "保密申请人"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def appeal(lodge):
    return lodge(date(2025, 9, 26), case_number=CASE, applicant_name=APPLICANT)


def action_urls(pk):
    return {
        name: reverse(f"appeals:{name}", args=[pk])
        for name in ("correct", "answer", "decide", "decision_correct")
    }


def test_anonymous_users_are_sent_to_login(client, appeal) -> None:
    urls = [reverse("appeals:list"), reverse("appeals:register")]
    urls += [reverse("appeals:detail", args=[appeal.pk]), *action_urls(appeal.pk).values()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["outsider", "district_officer", "admin", "nobody"])
def test_others_get_404_and_see_nothing(client, appeal, people, who) -> None:
    login(client, getattr(people, who))
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 404
    for name, url in action_urls(appeal.pk).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"reason": "x"}).status_code == 404, name
    body = client.get(reverse("appeals:list")).content.decode()
    assert CASE not in body
    assert APPLICANT not in body


@pytest.mark.parametrize("who", ["officer", "head", "supervisor"])
def test_the_agency_and_its_supervisor_read_the_case(client, appeal, people, who) -> None:
    login(client, getattr(people, who))
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert CASE in page
    assert APPLICANT in page
    assert "2025-10-16" in page  # the answer deadline
    assert "第四十八条" in page  # and why
    assert "第八十八条第二款" in page
    assert CASE in client.get(reverse("appeals:list")).content.decode()


def test_a_supervisor_reads_but_cannot_act(client, appeal, people) -> None:
    login(client, people.supervisor)
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert 'id="actions"' not in page
    for name, url in action_urls(appeal.pk).items():
        assert client.get(url).status_code == 403, name
    assert client.get(reverse("appeals:register")).status_code == 403
    response = client.post(
        action_urls(appeal.pk)["decide"],
        {"decision": "review_upheld", "decided_on": "2025-11-20"},
    )
    assert response.status_code == 403
    appeal.refresh_from_db()
    assert appeal.is_pending


def test_an_officer_registers_a_lawsuit_about_an_earlier_application(
    client, people, register
) -> None:
    application = register(date(2024, 5, 6), applicant_name="王五")
    login(client, people.officer)
    form = client.get(reverse("appeals:register")).content.decode()
    assert "甲市自然资源局" in form
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": application.agency_id,
            "kind": "litigation",
            "body": "甲市乙区人民法院",
            "case_number": "（2025）甲0102行初5号",
            "application_number": application.number,
            "copy_received_on": "2025-09-16",
        },
    )
    appeal = Appeal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("appeals:detail", args=[appeal.pk])
    assert appeal.application == application
    assert appeal.applicant_name == "王五"
    assert appeal.answer_due_on == date(2025, 10, 9)
    page = client.get(response["Location"]).content.decode()
    assert "2025-10-09" in page
    assert "第六十七条" in page
    assert application.number in page


def test_an_unknown_application_number_is_shown_on_the_form(client, people, tree) -> None:
    login(client, people.officer)
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": tree.bureau.pk,
            "kind": "review",
            "body": "甲市人民政府",
            "case_number": CASE,
            "applicant_name": "张三",
            "application_number": "2025-9999",
            "copy_received_on": "2025-09-26",
        },
    )
    assert response.status_code == 200
    assert "没有编号为“2025-9999”的政府信息公开申请" in response.content.decode()
    assert not Appeal.objects.exists()


@pytest.mark.parametrize(
    ("field", "named"),
    [
        ("copy_received_on", "收到副本之日（2025年5月5日）"),
        ("accepted_on", "受理（立案）之日（2025年5月4日）"),
    ],
)
def test_a_case_dated_before_its_application_is_refused_and_the_input_kept(
    client, people, register, field, named
) -> None:
    """A reply cannot be appealed before the application existed: both dates are named, and
    everything typed stays on the form."""
    application = register(date(2025, 5, 6))
    login(client, people.officer)
    typed = {
        "agency": application.agency_id,
        "kind": "review",
        "body": "甲市人民政府",
        "case_number": CASE,
        "applicant_name": "张三",
        "application_number": application.number,
        "accepted_on": "2025-05-04" if field == "accepted_on" else "2025-05-07",
        "copy_received_on": "2025-05-05" if field == "copy_received_on" else "2025-05-08",
        "note": "副本由邮政送达",
    }
    response = client.post(reverse("appeals:register"), typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{named}早于所涉申请 {application.number} 的收到申请之日（2025年5月6日）" in page
    for value in ("甲市人民政府", CASE, application.number, "副本由邮政送达", typed[field]):
        assert value in page
    assert not Appeal.objects.exists()


def test_a_lawsuit_linked_to_a_review_still_pending_is_registered_with_a_notice(
    client, people, lodge
) -> None:
    """行政诉讼法第四十五条: the applicant may sue when the review body does not decide in its
    period, so the lawsuit is registered — and its page says to check the link."""
    review = lodge(date(2025, 3, 3))
    login(client, people.officer)
    form = client.get(reverse("appeals:register")).content.decode()
    assert f"{review.case_number}（尚未审结）</option>" in form
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": review.agency_id,
            "kind": "litigation",
            "after_review": "on",
            "review": review.pk,
            "body": "甲市乙区人民法院",
            "case_number": "（2025）甲0102行初9号",
            "applicant_name": "张三",
            "copy_received_on": "2025-07-01",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"关联的行政复议 {review.case_number} 尚未审结" in page
    assert "行政诉讼法》第四十五条" in page
    appeal_decide(
        user=people.officer, appeal=review, decision="review_upheld", decided_on=date(2025, 6, 2)
    )
    assert "review-notice" not in client.get(response["Location"]).content.decode()


def test_an_officer_cannot_register_for_another_agency(client, people, tree) -> None:
    login(client, people.officer)
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": tree.district.pk,
            "kind": "review",
            "body": "甲市人民政府",
            "case_number": CASE,
            "applicant_name": "张三",
            "copy_received_on": "2025-09-26",
        },
    )
    assert response.status_code == 200  # the agency is not among the choices
    assert not Appeal.objects.exists()


def test_recording_and_correcting_the_decision(client, appeal, people) -> None:
    login(client, people.officer)
    urls = action_urls(appeal.pk)
    form = client.get(urls["decide"]).content.decode()
    assert "决定维持" in form
    assert "判决" not in form  # a review offers only the review law's decisions
    assert "结果纠正" in form  # grouped under the table-4 column they count in
    response = client.post(
        urls["decide"], {"decision": "review_upheld", "decided_on": "2025-11-20"}
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.decision == "review_upheld"
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "行政复议·结果维持（2025 年）" in page
    assert "尚未审结" not in page
    # deciding again only leads back to the page
    assert client.get(urls["decide"]).status_code == 302
    response = client.post(
        urls["decision_correct"],
        {"decision": "review_revoked", "decided_on": "2025-11-20", "reason": ""},
    )
    assert response.status_code == 400
    response = client.post(
        urls["decision_correct"],
        {"decision": "review_revoked", "decided_on": "2025-11-20", "reason": "决定书为撤销"},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.decision == "review_revoked"
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "决定书为撤销" in page  # the correction and its reason are on the record


def test_a_decision_of_the_other_law_is_refused_on_the_form(client, appeal, people) -> None:
    login(client, people.officer)
    response = client.post(
        action_urls(appeal.pk)["decide"],
        {"decision": "litigation_claim_rejected", "decided_on": "2025-11-20"},
    )
    assert response.status_code == 400
    appeal.refresh_from_db()
    assert appeal.is_pending


def test_recording_the_answer(client, appeal, people) -> None:
    login(client, people.head)
    url = action_urls(appeal.pk)["answer"]
    assert client.post(url, {"answered_on": "2025-10-20"}).status_code == 302
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "2025-10-20" in page
    assert "晚于期限" in page
    assert AuditLog.objects.filter(event_type=AuditEventType.APPEAL_ANSWERED).count() == 1


def test_correcting_the_registration(client, appeal, people) -> None:
    login(client, people.officer)
    url = action_urls(appeal.pk)["correct"]
    form = client.get(url).content.decode()
    assert CASE in form  # prefilled
    fields = {
        "kind": "review",
        "body": "甲市人民政府",
        "case_number": CASE,
        "applicant_name": APPLICANT,
        "copy_received_on": "2025-03-03",
        "reason": "误录收到日期",
    }
    assert client.post(url, fields).status_code == 302
    appeal.refresh_from_db()
    assert appeal.answer_due_on == date(2025, 3, 17)


def test_the_list_filters_and_shows_table_4_for_a_year(client, lodge, people) -> None:
    old = lodge(date(2024, 11, 12), case_number="甲政复〔2024〕1号")
    appeal_decide(
        user=people.officer, appeal=old, decision="review_revoked", decided_on=date(2025, 2, 14)
    )
    lodge(date(2025, 6, 2), kind="litigation", case_number="（2025）行初1号")
    login(client, people.officer)
    response = client.get(reverse("appeals:list"), {"year": "2024"})
    assert response.context["table"]["columns"] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert response.context["table"]["rows"][0] == ("行政复议", [0, 0, 0, 1, 1])
    page = response.content.decode()
    assert 'id="table4"' in page
    assert "甲政复〔2024〕1号" in page
    assert "（2025）行初1号" not in page
    detail = client.get(reverse("appeals:detail", args=[old.pk])).content.decode()
    assert "行政复议·结果纠正（2025 年）；2024 年计入尚未审结" in detail
    page = client.get(reverse("appeals:list"), {"kind": "litigation"}).content.decode()
    assert "（2025）行初1号" in page
    assert "甲政复〔2024〕1号" not in page
    page = client.get(reverse("appeals:list"), {"pending": "yes"}).content.decode()
    assert "（2025）行初1号" in page
    assert "甲政复〔2024〕1号" not in page


def test_the_list_is_paginated(client, lodge, people) -> None:
    for i in range(51):
        lodge(date(2025, 3, 3), case_number=f"甲政复〔2025〕{i + 100}号")
    login(client, people.officer)
    first = client.get(reverse("appeals:list")).content.decode()
    assert "共 51 件" in first
    assert "第 1 / 2 页" in first
    second = client.get(reverse("appeals:list"), {"page": "2"}).content.decode()
    assert "第 2 / 2 页" in second


def test_the_admin_lists_cases_read_only(client, appeal, django_user_model) -> None:
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    assert client.login(username="root", password=PASSWORD)
    page = client.get(reverse("admin:appeals_appeal_changelist")).content.decode()
    assert CASE in page
    assert client.get(reverse("admin:appeals_appeal_add")).status_code == 403
    assert client.post(reverse("admin:appeals_appeal_delete", args=[appeal.pk])).status_code == 403
    assert Appeal.objects.filter(pk=appeal.pk).exists()


def test_the_lists_intro_names_whose_cases_it_lists(client, appeal, people, tree) -> None:
    """An officer reads their agency's cases; a supervisor every agency below, and the intro
    says so rather than 本机关."""
    login(client, people.officer)
    page = client.get(reverse("appeals:list")).content.decode()
    assert f"因{tree.bureau.name}政府信息公开工作被申请行政复议" in page
    login(client, people.supervisor)
    page = client.get(reverse("appeals:list")).content.decode()
    assert "因本机关" not in page
    assert "您可查阅的 4 个机关因政府信息公开工作被申请行政复议、被提起行政诉讼的案件" in page
