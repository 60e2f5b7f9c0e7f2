"""The register's pages as an officer and a head walk them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.disclosures.conftest import PDF
from xxgk.disclosures.models import Disclosure, Figure

pytestmark = pytest.mark.django_db


def _form(**changes):
    data = {
        "agency": "",
        "title": "江城市住房租赁管理办法",
        "kind": "normative",
        "document_number": "甲规〔2025〕2号",
        "publisher": "",
        "made_on": "2025-10-09",
        "items": ["1"],
        "summary": "租赁管理。",
        "body": "<p>第一条</p><script>alert(1)</script>",
        "language": "zh-hans",
    }
    data.update(changes)
    return data


def test_the_whole_path_through_the_pages(client, people, tree, today, media) -> None:
    today.set(date(2025, 11, 3))
    client.force_login(people.officer)
    response = client.post(reverse("disclosures:new"), _form(agency=tree.bureau.pk))
    d = Disclosure.objects.get()
    assert response["Location"] == reverse("disclosures:detail", args=[d.pk])
    assert d.body == "<p>第一条</p>"
    page = client.get(reverse("disclosures:detail", args=[d.pk])).content.decode()
    assert d.index_number in page
    assert "提交保密审查" in page
    assert "保密审查</h3>" not in page

    upload = SimpleUploadedFile("办法.pdf", PDF, content_type="application/pdf")
    client.post(reverse("disclosures:step", args=[d.pk, "attach"]), {"file": upload})
    assert d.attachments.count() == 1
    download = client.get(reverse("disclosures:attachment", args=[d.attachments.get().pk]))
    assert download.status_code == 200
    client.post(reverse("disclosures:step", args=[d.pk, "submit"]))
    d.refresh_from_db()
    assert d.status == "in_review"

    # The officer may not review: the head does.
    denied = client.post(
        reverse("disclosures:step", args=[d.pk, "review"]),
        {"on": "2025-10-10", "opinion": "approved"},
    )
    assert denied.status_code == 403
    client.force_login(people.head)
    page = client.get(reverse("disclosures:detail", args=[d.pk])).content.decode()
    assert "保密审查</h3>" in page
    client.post(
        reverse("disclosures:step", args=[d.pk, "review"]),
        {"on": "2025-10-10", "opinion": "approved"},
    )
    client.force_login(people.officer)
    response = client.post(
        reverse("disclosures:step", args=[d.pk, "publish"]),
        {"published_on": "2025-10-13", "channels": ["website", "weibo"]},
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert (d.status, d.published_on) == ("published", date(2025, 10, 13))
    assert sorted(d.channels.values_list("channel", flat=True)) == ["website", "weibo"]

    response = client.post(
        reverse("disclosures:step", args=[d.pk, "validity"]),
        {"validity": "repealed", "on": "2025-10-30", "superseded_by": "没有这个"},
    )
    assert response.status_code == 400
    assert "没有索引号" in response.content.decode()
    client.post(
        reverse("disclosures:step", args=[d.pk, "validity"]),
        {"validity": "repealed", "on": "2025-10-30", "superseded_by": ""},
    )
    d.refresh_from_db()
    assert d.validity == "repealed"
    client.post(
        reverse("disclosures:step", args=[d.pk, "withdraw"]),
        {"on": "2025-10-31", "reason": "已废止，不再公开"},
    )
    d.refresh_from_db()
    assert d.status == "withdrawn"


def test_a_duplicate_document_number_is_shown_as_a_warning(client, people, tree, today) -> None:
    today.set(date(2025, 11, 3))
    client.force_login(people.officer)
    client.post(reverse("disclosures:new"), _form(agency=tree.bureau.pk))
    response = client.post(
        reverse("disclosures:new"), _form(agency=tree.bureau.pk, title="另一件"), follow=True
    )
    assert "本机关已有文号为" in response.content.decode()
    assert Disclosure.objects.count() == 2


def test_a_refused_draft_shows_why(client, people, tree, today) -> None:
    today.set(date(2025, 11, 3))
    client.force_login(people.officer)
    response = client.post(
        reverse("disclosures:new"), _form(agency=tree.bureau.pk, kind="interpretation")
    )
    assert response.status_code == 200
    assert "政策解读须关联" in response.content.decode()
    assert not Disclosure.objects.exists()


def test_the_list_shows_the_queue_and_filters(client, people, draft, publish) -> None:
    late = draft(date(2025, 9, 1), title="逾期未发布的通知")
    publish(draft(date(2025, 10, 9), title="已经发布的公告"), date(2025, 10, 10))
    client.force_login(people.officer)
    page = client.get(reverse("disclosures:list")).content.decode()
    assert "超过公开期限 1" in page
    assert late.index_number in page
    filtered = client.get(reverse("disclosures:list"), {"status": "published"}).content.decode()
    assert "已经发布的公告" in filtered
    assert filtered.count("逾期未发布的通知") == 1  # in the queue, not in the filtered list


def test_figures_form(client, people, tree) -> None:
    client.force_login(people.officer)
    url = reverse("disclosures:figures") + f"?agency={tree.bureau.pk}&year=2025"
    page = client.get(url).content.decode()
    assert "行政处罚" in page
    assert "本年收费金额" in page
    assert "行政事业性收费·本年收费金额（单位：万元）<" in page  # the unit once
    assert "规章·本年制发件数" not in page  # counted from the register
    old = client.get(reverse("disclosures:figures") + f"?agency={tree.bureau.pk}&year=2020")
    assert "政府集中采购·采购总金额（元）" in old.content.decode()  # 2019 edition: no unit in it
    response = client.post(url, {"proactive.penalties.decisions": "23"})
    assert response.status_code == 302
    client.post(url, {"proactive.penalties.decisions": "23"})
    assert Figure.objects.count() == 1
    bad = client.post(url, {"proactive.penalties.decisions": "-2"})
    assert bad.status_code == 400
    assert "负数" in bad.content.decode()


def test_a_draft_is_edited_and_a_published_record_is_not(client, people, draft, publish) -> None:
    d = draft(date(2025, 10, 9), title="原标题")
    client.force_login(people.officer)
    page = client.get(reverse("disclosures:edit", args=[d.pk])).content.decode()
    assert "原标题" in page
    response = client.post(
        reverse("disclosures:edit", args=[d.pk]),
        _form(title="新标题", kind="other", document_number="", made_on="2025-09-26"),
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert (d.title, d.publish_due_on) == ("新标题", date(2025, 10, 30))
    publish(d, date(2025, 10, 10))
    response = client.get(reverse("disclosures:edit", args=[d.pk]))
    assert response.status_code == 302  # back to the record: only a draft is edited
