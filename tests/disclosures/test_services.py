"""The register's writes: numbering, sanitising, attachments, the workflow, the lifecycle."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from tests.disclosures.conftest import PDF, PNG
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.disclosures.models import Disclosure, IndexCounter
from xxgk.disclosures.services import (
    DisclosureData,
    DisclosureError,
    attachment_add,
    channel_add,
    disclosure_create,
    disclosure_publish,
    disclosure_review,
    disclosure_submit,
    disclosure_update,
    disclosure_validity_change,
    disclosure_withdraw,
)

pytestmark = pytest.mark.django_db


def _events(d: Disclosure) -> list[int]:
    return list(
        AuditLog.objects.filter(object_type="disclosure", object_id=str(d.pk))
        .order_by("id")
        .values_list("event_type", flat=True)
    )


def test_index_numbers_follow_the_agency_pattern_per_year(draft, tree, people) -> None:
    tree.bureau.organisation_code = "014000319"
    tree.bureau.save()
    a, b = draft(date(2025, 3, 3)), draft(date(2025, 3, 4))
    c = draft(date(2024, 12, 2))
    assert (a.index_number, b.index_number) == ("014000319/2025-00001", "014000319/2025-00002")
    assert c.index_number == "014000319/2024-00001"
    other = draft(agency=tree.district, user=people.district_officer)
    assert other.index_number.endswith("/2025-00001")
    assert other.index_number != a.index_number


def test_an_index_number_held_by_an_imported_record_is_skipped(draft, tree, people) -> None:
    tree.bureau.organisation_code = "014000319"
    tree.bureau.save()
    Disclosure.objects.create(
        agency=tree.bureau,
        index_number="014000319/2025-00001",
        title="旧网站迁移",
        publisher="甲市自然资源局",
        made_on=date(2025, 1, 2),
        kind="other",
        created_by=people.officer,
    )
    assert draft().index_number == "014000319/2025-00002"
    assert IndexCounter.objects.get(agency=tree.bureau, year=2025).last == 2


def test_a_number_is_never_reused(draft, tree) -> None:
    first = draft()
    number = first.index_number
    # Even if the record were gone, the counter has moved on.
    Disclosure.objects.filter(pk=first.pk).update(index_number="gone")
    assert draft().index_number != number


def test_index_numbers_are_unique_in_the_database(draft, people, tree) -> None:
    d = draft()
    with pytest.raises(IntegrityError):
        Disclosure.objects.create(
            agency=tree.bureau,
            index_number=d.index_number,
            title="x",
            publisher="x",
            made_on=date(2025, 1, 2),
            kind="other",
            created_by=people.officer,
        )


def test_the_body_is_sanitised(draft) -> None:
    d = draft(
        body='<p onclick="steal()">正文<script>alert(1)</script></p><style>p{}</style>'
        '<a href="javascript:alert(1)">链接</a><table><tr><td>表</td></tr></table>'
    )
    assert "script" not in d.body
    assert "onclick" not in d.body
    assert "style" not in d.body
    assert "javascript" not in d.body
    assert "<p>正文</p>" in d.body
    assert "<td>表</td>" in d.body


def test_a_duplicate_document_number_is_a_warning_not_a_refusal(people, tree, today) -> None:
    today.set(date(2025, 11, 3))

    def create(title: str):
        return disclosure_create(
            user=people.officer,
            agency=tree.bureau,
            data=DisclosureData(
                title=title,
                made_on=date(2025, 10, 9),
                kind="normative",
                document_number="甲规〔2025〕1号",
            ),
        )

    assert create("第一件").warnings == ()
    second = create("第二件")
    assert second.disclosure.pk is not None
    assert len(second.warnings) == 1
    assert "甲规〔2025〕1号" in second.warnings[0]


def test_art_26_due_date_is_20_working_days_after_made(draft) -> None:
    # 2025-09-26 (Fri) + 20 working days, across the National Day holiday (10-01…10-08, with
    # 09-28 and 10-11 worked): 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 are the first six,
    # then 10-13 … 10-17, 10-20 … 10-24, 10-27 … 10-30 the other fourteen.
    d = draft(date(2025, 9, 26))
    assert d.publish_due_on == date(2025, 10, 30)


def test_the_audit_log_follows_the_workflow(draft, publish, people) -> None:
    d = publish(draft(date(2025, 10, 9)), date(2025, 10, 10))
    assert d.status == "published"
    assert d.published_on == date(2025, 10, 10)
    assert list(d.channels.values_list("channel", flat=True)) == ["website"]
    assert _events(d) == [
        AuditEventType.DISCLOSURE_CREATED,
        AuditEventType.DISCLOSURE_SUBMITTED,
        AuditEventType.DISCLOSURE_REVIEWED,
        AuditEventType.DISCLOSURE_CHANNEL_ADDED,
        AuditEventType.DISCLOSURE_PUBLISHED,
    ]


def test_publication_needs_an_approving_review(draft, people) -> None:
    d = draft()
    with pytest.raises(DisclosureError):
        disclosure_publish(user=people.officer, disclosure=d, published_on=date(2025, 10, 10))
    disclosure_submit(user=people.officer, disclosure=d)
    with pytest.raises(DisclosureError, match="保密审查"):
        disclosure_publish(user=people.officer, disclosure=d, published_on=date(2025, 10, 10))
    with pytest.raises(DisclosureError, match="理由"):
        disclosure_review(user=people.head, disclosure=d, on=date(2025, 10, 10), opinion="rejected")
    disclosure_review(
        user=people.head, disclosure=d, on=date(2025, 10, 10), opinion="rejected", note="涉密"
    )
    d.refresh_from_db()
    assert d.status == "draft"  # back to the officer


def test_only_a_head_reviews_and_only_the_own_agency(draft, people) -> None:
    d = draft()
    disclosure_submit(user=people.officer, disclosure=d)
    for who in (people.officer, people.supervisor, people.outsider):
        with pytest.raises(PermissionDenied):
            disclosure_review(user=who, disclosure=d, on=date(2025, 10, 10), opinion="approved")
    with pytest.raises(PermissionDenied):
        disclosure_create(
            user=people.outsider,
            agency=d.agency,
            data=DisclosureData(title="x", made_on=date(2025, 1, 2), kind="other"),
        )


def test_only_a_draft_is_edited(draft, publish, people) -> None:
    d = draft()
    saved = disclosure_update(
        user=people.officer,
        disclosure=d,
        data=DisclosureData(
            title="改后的标题", made_on=date(2025, 9, 26), kind="other", summary="概述"
        ),
    )
    assert saved.disclosure.title == "改后的标题"
    assert saved.disclosure.publish_due_on == date(2025, 10, 30)
    publish(saved.disclosure, date(2025, 10, 10))
    with pytest.raises(DisclosureError, match="草稿"):
        disclosure_update(
            user=people.officer,
            disclosure=d,
            data=DisclosureData(title="再改", made_on=date(2025, 9, 26), kind="other"),
        )


def test_attachments_are_sniffed_from_their_content(draft, people, media) -> None:
    d = draft()
    pdf = attachment_add(
        user=people.officer, disclosure=d, upload=SimpleUploadedFile("公告.pdf", PDF)
    )
    assert pdf.content_type == "application/pdf"
    png = attachment_add(
        user=people.officer, disclosure=d, upload=SimpleUploadedFile("图.png", PNG)
    )
    assert png.content_type == "image/png"
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
    with pytest.raises(DisclosureError, match="不是"):
        attachment_add(user=people.officer, disclosure=d, upload=SimpleUploadedFile("a.pdf", exe))
    with pytest.raises(DisclosureError, match="不是"):
        attachment_add(
            user=people.officer, disclosure=d, upload=SimpleUploadedFile("a.pdf", b"plain text")
        )
    assert d.attachments.count() == 2


def test_docx_and_xlsx_are_recognised(draft, people, media, tmp_path) -> None:
    import docx
    import openpyxl

    d = draft()
    doc = docx.Document()
    doc.add_paragraph("正文")
    doc.save(tmp_path / "a.docx")
    book = openpyxl.Workbook()
    book.active.append(["a"])
    book.save(tmp_path / "a.xlsx")
    for name, expected in (("a.docx", "wordprocessingml"), ("a.xlsx", "spreadsheetml")):
        upload = SimpleUploadedFile(name, (tmp_path / name).read_bytes())
        assert (
            expected
            in attachment_add(user=people.officer, disclosure=d, upload=upload).content_type
        )


def test_the_size_limit_comes_from_settings(draft, people, media, settings) -> None:
    settings.XXGK_ATTACHMENT_MAX_BYTES = 20
    with pytest.raises(DisclosureError, match="上限"):
        attachment_add(
            user=people.officer, disclosure=draft(), upload=SimpleUploadedFile("a.pdf", PDF)
        )


def test_language_versions_point_at_the_original(draft, people) -> None:
    original = draft(title="致外籍人士的一封公开信")
    en = draft(title="An Open Letter", language="en", translation_of=original)
    assert en.translation_of == original
    assert list(original.translations.all()) == [en]
    with pytest.raises(DisclosureError, match="已有"):
        draft(title="Another", language="en", translation_of=original)
    with pytest.raises(DisclosureError, match="原文"):
        draft(title="日本語", language="ja", translation_of=en)
    with pytest.raises(DisclosureError, match="BCP 47"):
        draft(title="x", language="not a tag!")
    with pytest.raises(DisclosureError, match="不同"):
        draft(title="x", language="zh-hans", translation_of=original)


def test_an_interpretation_names_the_policy_it_explains(draft) -> None:
    policy = draft(kind="normative", title="管理办法")
    with pytest.raises(DisclosureError, match="关联"):
        draft(kind="interpretation", title="解读")
    explained = draft(kind="interpretation", title="解读", related_to=policy)
    interview = draft(kind="interview", title="在线访谈", related_to=policy)
    assert set(policy.related.all()) == {explained, interview}
    with pytest.raises(DisclosureError, match="政策文件本身"):
        draft(kind="interpretation", title="解读的解读", related_to=explained)


def test_withdrawal_keeps_the_record(draft, publish, people) -> None:
    d = publish(draft(), date(2025, 10, 10))
    with pytest.raises(DisclosureError, match="理由"):
        disclosure_withdraw(user=people.officer, disclosure=d, on=date(2025, 10, 20), reason=" ")
    disclosure_withdraw(
        user=people.officer, disclosure=d, on=date(2025, 10, 20), reason="内容有误，更正后重发"
    )
    d.refresh_from_db()
    assert (d.status, d.withdrawn_on, d.index_number) == (
        "withdrawn",
        date(2025, 10, 20),
        d.index_number,
    )
    assert Disclosure.objects.filter(pk=d.pk).exists()


def test_a_channel_is_added_once(draft, publish, people) -> None:
    d = publish(draft(), date(2025, 10, 10))
    channel_add(user=people.officer, disclosure=d, channel="weibo", on=date(2025, 10, 11))
    with pytest.raises(DisclosureError, match="已登记"):
        channel_add(user=people.officer, disclosure=d, channel="weibo", on=date(2025, 10, 13))
    with pytest.raises(DisclosureError, match="日期"):
        channel_add(user=people.officer, disclosure=d, channel="wechat", on=date(2025, 10, 1))


def test_the_lifecycle_of_a_normative_document(draft, publish, people) -> None:
    old = publish(draft(date(2025, 3, 3), kind="normative", title="旧办法"), date(2025, 3, 5))
    assert old.validity == "in_force"
    new = publish(draft(date(2025, 9, 1), kind="normative", title="新办法"), date(2025, 9, 3))
    disclosure_validity_change(
        user=people.officer, disclosure=old, validity="amended", on=date(2025, 6, 3)
    )
    disclosure_validity_change(
        user=people.officer,
        disclosure=old,
        validity="repealed",
        on=date(2025, 9, 3),
        superseded_by=new,
    )
    old.refresh_from_db()
    assert (old.validity, old.validity_changed_on, old.superseded_by) == (
        "repealed",
        date(2025, 9, 3),
        new,
    )
    with pytest.raises(DisclosureError, match="已废止"):
        disclosure_validity_change(
            user=people.officer, disclosure=old, validity="amended", on=date(2025, 10, 9)
        )
    other = publish(draft(date(2025, 3, 3), title="通知"), date(2025, 3, 5))
    with pytest.raises(DisclosureError, match="只有规章"):
        disclosure_validity_change(
            user=people.officer, disclosure=other, validity="repealed", on=date(2025, 10, 9)
        )
