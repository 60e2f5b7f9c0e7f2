"""Writing the disclosure register: drafts, attachments, channels, 保密审查, publication,
withdrawal and the lifecycle of 规章 and 规范性文件.

Each function asks the policy, checks the record's state, writes the rows and the audit record in
one transaction. The workflow (choices.Status): draft → in_review (submitted for 保密审查) →
published (only after an approving review, 条例第十七条) → withdrawn (the record and its 索引号
stay). A rejected review sends the record back to draft. `publish_due_on` (条例第二十六条, 20
working days after the record was made) is written only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

import nh3
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, deny_unless, holders
from xxgk.applications.clock import calendar_current
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.disclosures.choices import (
    LIFECYCLE_KINDS,
    Channel,
    Kind,
    Opinion,
    Status,
    Validity,
    item_refusal,
)
from xxgk.disclosures.models import (
    Disclosure,
    DisclosureAttachment,
    DisclosureChannel,
    IndexCounter,
    SecrecyReview,
    Theme,
)
from xxgk.site.uploads import UploadRefused, sniffed_type

ART_26_WORKDAYS = 20  # 条例第二十六条: within 20 working days of being made or changed
_MAX_NUMBER_TRIES = 1000

# What an attachment may be, sniffed from its first bytes (filetype's extension → stored type).
ATTACHMENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}

# A BCP 47 tag as a page's `lang` takes it: language, then optional script, region, variants.
_BCP47 = re.compile(r"^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-[a-z\d]{5,8})*$", re.I)


class DisclosureError(Exception):
    """Something the user asked for cannot be done; the message (Chinese) says why."""


@dataclass(frozen=True)
class DisclosureData:
    """What an officer enters for a record (the catalogue's fields, Art. 12)."""

    title: str
    made_on: date
    kind: str
    publisher: str = ""  # 发布机构; blank: the agency's name
    document_number: str = ""
    items: tuple[int, ...] = ()  # Art. 20 items, and Art. 21's where the agency's level has them
    summary: str = ""
    body: str = ""  # rich text; sanitised before it is stored
    language: str = "zh-hans"
    translation_of: Disclosure | None = None
    related_to: Disclosure | None = None
    themes: tuple[Theme, ...] = field(default=())


@dataclass(frozen=True)
class Saved:
    """A record written, and what the officer should look at (not refusals: warnings)."""

    disclosure: Disclosure
    warnings: tuple[str, ...] = ()


def sanitise(body: str) -> str:
    """Rich text as it may be stored and shown: the usual tags, no script, style or on*
    attributes, links made safe (nh3's defaults)."""
    return nh3.clean(body or "").strip()


def _require(user: User | None, action: Action, obj: object) -> None:
    """The policy's answer as a service gives it. `user` None is the command line, run by whoever
    runs the server (as `xxgk demo` does)."""
    if user is not None:
        deny_unless(user, action, obj)


def publish_due(made_on: date) -> date:
    """条例第二十六条: the 20th working day after `made_on` on the official calendar."""
    return calendar_current().add_workdays(made_on, ART_26_WORKDAYS).end


def public_changed(d: Disclosure) -> None:
    """What the public sees of `d` changed: the portal re-indexes it and forgets its cached
    pages. (The portal is built on this register; it is imported here, at the call, so that the
    register's module does not depend on the portal's when it loads.)"""
    from xxgk.portal.services import portal_refresh

    portal_refresh(disclosure=d)


def _take_index_number(agency: Agency, year: int) -> tuple[str, int]:
    """The agency's next 索引号 of `year`, from its counter row, locked (call inside the
    transaction). The counter only grows: a number once taken is never given again."""
    counter, _ = IndexCounter.objects.select_for_update().get_or_create(agency=agency, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return agency.index_number(year=year, seq=counter.last), counter.last


def _snapshot(d: Disclosure) -> dict[str, object]:
    return {
        "index_number": d.index_number,
        "title": d.title,
        "document_number": d.document_number,
        "publisher": d.publisher,
        "made_on": d.made_on.isoformat(),
        "kind": d.kind,
        "items": list(d.items),
        "language": d.language,
        "translation_of": d.translation_of_id,
        "related_to": d.related_to_id,
        "status": d.status,
        "validity": d.validity,
        "publish_due_on": d.publish_due_on.isoformat() if d.publish_due_on else None,
    }


def _audit(
    user: User | None,
    event_type: AuditEventType,
    d: Disclosure,
    old: object = None,
    new: object = None,
) -> None:
    audit_record(
        actor=user,
        event_type=event_type,
        obj=d,
        object_repr=f"{d.index_number} {d.title}",
        agency=d.agency,
        old=old,
        new=new,
    )


def _check(
    data: DisclosureData, agency: Agency, user: User | None, this: Disclosure | None
) -> None:
    if not data.title.strip():
        raise DisclosureError("请填写标题。")
    if data.kind not in Kind.values:
        raise DisclosureError(f"没有“{data.kind}”这一类别。")
    for item in data.items:
        refusal = item_refusal(item, agency)
        if refusal is not None:
            raise DisclosureError(refusal)
    if data.made_on > timezone.localdate():
        raise DisclosureError("成文日期不能晚于今天。")
    if not _BCP47.match(data.language):
        raise DisclosureError(
            f"“{data.language}”不是有效的语言标记（BCP 47，如 zh-hans、en、ja、ko）。"
        )
    _check_translation(data, agency, user, this)
    _check_related(data, user, this)


def _check_translation(
    data: DisclosureData, agency: Agency, user: User | None, this: Disclosure | None
) -> None:
    original = data.translation_of
    if original is None:
        return
    _require(user, Action.DISCLOSURE_READ, original)
    if original.agency_id != agency.pk:
        raise DisclosureError("语言版本只能对应本机关的信息。")
    if original.translation_of_id is not None:
        raise DisclosureError("语言版本应对应原文，而不是另一个语言版本。")
    if this is not None and original.pk == this.pk:
        raise DisclosureError("信息不能是它自己的语言版本。")
    if original.language.lower() == data.language.lower():
        raise DisclosureError("语言版本的语言须与原文不同。")
    taken = original.translations.filter(language__iexact=data.language)
    if this is not None:
        taken = taken.exclude(pk=this.pk)
    if taken.exists():
        raise DisclosureError(f"原文已有 {data.language} 语言版本。")


def _check_related(data: DisclosureData, user: User | None, this: Disclosure | None) -> None:
    related = data.related_to
    if data.kind == Kind.INTERPRETATION and related is None:
        raise DisclosureError("政策解读须关联所解读的政策文件。")
    if related is None:
        return
    _require(user, Action.DISCLOSURE_READ, related)
    if this is not None and related.pk == this.pk:
        raise DisclosureError("信息不能关联它自己。")
    if data.kind == Kind.INTERPRETATION and related.kind in (Kind.INTERPRETATION, Kind.INTERVIEW):
        raise DisclosureError("政策解读应关联政策文件本身，而不是另一篇解读或访谈。")


def _duplicate_number_warning(
    agency: Agency, number: str, this: Disclosure | None
) -> tuple[str, ...]:
    if not number.strip():
        return ()
    same = Disclosure.objects.filter(agency=agency, document_number=number.strip())
    if this is not None:
        same = same.exclude(pk=this.pk)
    same = same.filter(translation_of__isnull=True)
    first = same.order_by("id").first()
    if first is None:
        return ()
    return (
        f"本机关已有文号为“{number.strip()}”的信息：{first.index_number}《{first.title}》，请核对。",
    )


def _apply(d: Disclosure, data: DisclosureData, agency: Agency) -> None:
    d.title = data.title.strip()
    d.made_on = data.made_on
    d.kind = data.kind
    d.publisher = data.publisher.strip() or agency.name
    d.document_number = data.document_number.strip()
    d.items = sorted(set(data.items))
    d.summary = data.summary.strip()
    d.body = sanitise(data.body)
    d.language = data.language
    d.translation_of = data.translation_of
    d.related_to = data.related_to
    d.publish_due_on = publish_due(data.made_on)


@transaction.atomic
def disclosure_create(*, user: User | None, agency: Agency, data: DisclosureData) -> Saved:
    """A new draft with the agency's next 索引号 (its pattern, a per-year sequence; a number an
    imported record already holds is skipped). A 文号 the agency has used already is a warning,
    not a refusal (a 规范性文件 and its language versions, a corrected reissue)."""
    _require(user, Action.DISCLOSURE_WRITE, agency)
    _check(data, agency, user, None)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    d = Disclosure(agency=agency, created_by=user or registrar(agency), status=Status.DRAFT)
    _apply(d, data, agency)
    if d.kind in LIFECYCLE_KINDS:
        d.validity = Validity.IN_FORCE
    for _ in range(_MAX_NUMBER_TRIES):
        d.index_number, _seq = _take_index_number(agency, data.made_on.year)
        try:
            with transaction.atomic():
                d.save()
            break
        except IntegrityError:
            continue  # the number is held (an imported record): take the next one
    else:  # pragma: no cover - a thousand numbers taken by imports
        raise DisclosureError("无法生成索引号：请检查本机关的索引号格式。")
    d.themes.set(data.themes)
    _audit(user, AuditEventType.DISCLOSURE_CREATED, d, new=_snapshot(d))
    return Saved(d, _duplicate_number_warning(agency, d.document_number, d))


def registrar(agency: Agency) -> User:
    """Who a record made from the command line is registered by: the agency's first officer or
    head, else the first superuser."""
    holder = holders(Action.DISCLOSURE_WRITE, agency).order_by("pk").first()
    if holder is not None:
        return holder.user
    found = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if found is None:
        raise DisclosureError(f"{agency.name}没有经办人，无法登记。")
    return found


def _locked(d: Disclosure) -> Disclosure:
    return Disclosure.objects.select_for_update().select_related("agency").get(pk=d.pk)


@transaction.atomic
def disclosure_update(*, user: User | None, disclosure: Disclosure, data: DisclosureData) -> Saved:
    """Change a draft (only a draft: a record under review or published is changed by a new
    draft). The Art. 26 due date follows the new 成文日期."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.status != Status.DRAFT:
        raise DisclosureError("只有草稿可以修改。")
    _check(data, d.agency, user, d)
    old = _snapshot(d)
    _apply(d, data, d.agency)
    d.save()
    d.themes.set(data.themes)
    _audit(user, AuditEventType.DISCLOSURE_UPDATED, d, old=old, new=_snapshot(d))
    return Saved(d, _duplicate_number_warning(d.agency, d.document_number, d))


def _sniff(upload: UploadedFile) -> str:
    """The content type of an allowed upload, from its content, or a DisclosureError."""
    try:
        return sniffed_type(upload, ATTACHMENT_TYPES)
    except UploadRefused as exc:
        raise DisclosureError(str(exc)) from None


@transaction.atomic
def attachment_add(
    *, user: User | None, disclosure: Disclosure, upload: UploadedFile
) -> DisclosureAttachment:
    """Attach a PDF, DOCX, XLSX, PNG or JPEG to a record not yet published; its type is read
    from the content (a renamed executable is refused), its size limited by settings."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.status not in (Status.DRAFT, Status.IN_REVIEW):
        raise DisclosureError("已发布或已撤回的信息不能再添加附件。")
    content_type = _sniff(upload)
    name = PurePath(upload.name or "附件").name[:200]
    attachment = DisclosureAttachment(
        disclosure=d,
        name=name,
        size=upload.size or 0,
        content_type=content_type,
        order=d.attachments.count(),
    )
    ext = next(e for e, t in ATTACHMENT_TYPES.items() if t == content_type)
    attachment.file.save(f"{d.pk}.{ext}", upload, save=False)
    attachment.save()
    _audit(
        user,
        AuditEventType.DISCLOSURE_ATTACHMENT_ADDED,
        d,
        new={"attachment": attachment.pk, "name": name, "size": attachment.size},
    )
    return attachment


@transaction.atomic
def channel_add(
    *, user: User | None, disclosure: Disclosure, channel: str, on: date
) -> DisclosureChannel:
    """Record one more way a published record was made public (条例第二十三、二十四条)."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.status != Status.PUBLISHED or d.published_on is None:
        raise DisclosureError("只有已发布的信息可以登记公开方式。")
    return _add_channel(user, d, channel, on)


def _add_channel(user: User | None, d: Disclosure, channel: str, on: date) -> DisclosureChannel:
    if channel not in Channel.values:
        raise DisclosureError(f"没有“{channel}”这种公开方式。")
    assert d.published_on is not None
    if on < d.published_on or on > timezone.localdate():
        raise DisclosureError("公开方式的日期应在发布日期至今天之间。")
    if d.channels.filter(channel=channel).exists():
        raise DisclosureError(f"已登记过“{Channel(channel).label}”。")
    row = DisclosureChannel.objects.create(disclosure=d, channel=channel, on=on)
    _audit(
        user, AuditEventType.DISCLOSURE_CHANNEL_ADDED, d, new={"channel": channel, "on": str(on)}
    )
    return row


@transaction.atomic
def disclosure_submit(*, user: User | None, disclosure: Disclosure) -> Disclosure:
    """Send a draft to 保密审查."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.status != Status.DRAFT:
        raise DisclosureError("只有草稿可以提交保密审查。")
    if not (d.body or d.summary or d.attachments.exists()):
        raise DisclosureError("请先填写正文或内容概述，或上传附件。")
    d.status = Status.IN_REVIEW
    d.save(update_fields=["status", "updated_at"])
    _audit(
        user,
        AuditEventType.DISCLOSURE_SUBMITTED,
        d,
        old={"status": Status.DRAFT},
        new={"status": d.status},
    )
    return d


@transaction.atomic
def disclosure_review(
    *,
    user: User,
    disclosure: Disclosure,
    on: date,
    opinion: str,
    note: str = "",
) -> SecrecyReview:
    """Record the 保密审查 (条例第十七条): who reviewed, when, the opinion. Approval leaves the
    record ready to publish; a refusal sends it back to draft, with the reason in `note`."""
    _require(user, Action.DISCLOSURE_REVIEW, disclosure)
    d = _locked(disclosure)
    if d.status != Status.IN_REVIEW:
        raise DisclosureError("只有提交保密审查的信息可以审查。")
    if opinion not in Opinion.values:
        raise DisclosureError("请选择审查意见。")
    if on > timezone.localdate() or on < d.made_on:
        raise DisclosureError("审查日期应在成文日期至今天之间。")
    if opinion == Opinion.REJECTED and not note.strip():
        raise DisclosureError("不同意公开时请说明理由。")
    review = SecrecyReview.objects.create(
        disclosure=d, reviewer=user, on=on, opinion=opinion, note=note.strip()
    )
    if opinion == Opinion.REJECTED:
        d.status = Status.DRAFT
        d.save(update_fields=["status", "updated_at"])
    _audit(
        user,
        AuditEventType.DISCLOSURE_REVIEWED,
        d,
        new={"opinion": opinion, "on": on.isoformat(), "note": review.note, "status": d.status},
    )
    return review


def approving_review(d: Disclosure) -> SecrecyReview | None:
    """The latest review, when it approves the record as it stands (a rejection after it, or a
    resubmission, needs a new review)."""
    latest = d.reviews.order_by("-on", "-id").first()
    return latest if latest is not None and latest.opinion == Opinion.APPROVED else None


@transaction.atomic
def disclosure_publish(
    *,
    user: User | None,
    disclosure: Disclosure,
    published_on: date,
    channels: tuple[str, ...] = (Channel.WEBSITE,),
) -> Disclosure:
    """Publish a record that passed 保密审查, on `published_on`, through `channels` (the
    government website by default). Publishing after the Art. 26 due date is allowed — the
    lateness stays visible (published_on > publish_due_on)."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.status != Status.IN_REVIEW:
        raise DisclosureError("只有经保密审查的信息可以发布。")
    review = approving_review(d)
    if review is None:
        raise DisclosureError("发布前须经保密审查并同意公开（条例第十七条）。")
    if published_on < review.on or published_on > timezone.localdate():
        raise DisclosureError("发布日期应在保密审查日期至今天之间。")
    if not channels:
        raise DisclosureError("请至少选择一种公开方式。")
    d.status = Status.PUBLISHED
    d.published_on = published_on
    d.save(update_fields=["status", "published_on", "updated_at"])
    for channel in dict.fromkeys(channels):
        _add_channel(user, d, channel, published_on)
    _audit(
        user,
        AuditEventType.DISCLOSURE_PUBLISHED,
        d,
        new={"published_on": published_on.isoformat(), "channels": list(channels)},
    )
    public_changed(d)
    return d


@transaction.atomic
def disclosure_withdraw(
    *, user: User | None, disclosure: Disclosure, on: date, reason: str
) -> Disclosure:
    """Take a published record down. The record, its 索引号 and its history stay; the portal
    no longer lists it."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.status != Status.PUBLISHED or d.published_on is None:
        raise DisclosureError("只有已发布的信息可以撤回。")
    if not reason.strip():
        raise DisclosureError("请填写撤回理由。")
    if on < d.published_on or on > timezone.localdate():
        raise DisclosureError("撤回日期应在发布日期至今天之间。")
    d.status = Status.WITHDRAWN
    d.withdrawn_on = on
    d.withdrawal_reason = reason.strip()
    d.save(update_fields=["status", "withdrawn_on", "withdrawal_reason", "updated_at"])
    _audit(
        user,
        AuditEventType.DISCLOSURE_WITHDRAWN,
        d,
        old={"status": Status.PUBLISHED},
        new={"status": d.status, "on": on.isoformat(), "reason": d.withdrawal_reason},
    )
    public_changed(d)
    return d


@transaction.atomic
def disclosure_validity_change(
    *,
    user: User | None,
    disclosure: Disclosure,
    validity: str,
    on: date,
    superseded_by: Disclosure | None = None,
) -> Disclosure:
    """有效 → 已修改 or 已废止 for a published 规章 or 规范性文件, dated, with the record that
    replaces it when there is one. 已修改 stays in force (as amended); 已废止 leaves it, and
    is final."""
    _require(user, Action.DISCLOSURE_WRITE, disclosure)
    d = _locked(disclosure)
    if d.kind not in LIFECYCLE_KINDS:
        raise DisclosureError("只有规章和行政规范性文件有有效性。")
    if d.status != Status.PUBLISHED or d.published_on is None:
        raise DisclosureError("只有已发布的规章、规范性文件可以修改或废止。")
    if validity not in (Validity.AMENDED, Validity.REPEALED):
        raise DisclosureError("请选择已修改或已废止。")
    if d.validity == Validity.REPEALED:
        raise DisclosureError("该文件已废止。")
    if on < d.made_on or on > timezone.localdate():
        raise DisclosureError("修改或废止日期应在成文日期至今天之间。")
    if superseded_by is not None:
        _require(user, Action.DISCLOSURE_READ, superseded_by)
        if superseded_by.pk == d.pk or superseded_by.kind not in LIFECYCLE_KINDS:
            raise DisclosureError("替代文件应是另一件规章或规范性文件。")
    old = {"validity": d.validity, "on": str(d.validity_changed_on or "")}
    d.validity = validity
    d.validity_changed_on = on
    d.superseded_by = superseded_by
    d.save(update_fields=["validity", "validity_changed_on", "superseded_by", "updated_at"])
    _audit(
        user,
        AuditEventType.DISCLOSURE_VALIDITY_CHANGED,
        d,
        old=old,
        new={"validity": validity, "on": on.isoformat(), "superseded_by": d.superseded_by_id},
    )
    public_changed(d)
    return d


def data_of(d: Disclosure) -> DisclosureData:
    """A record's fields as `DisclosureData` (to edit a draft)."""
    return DisclosureData(
        title=d.title,
        made_on=d.made_on,
        kind=d.kind,
        publisher=d.publisher,
        document_number=d.document_number,
        items=tuple(d.items),
        summary=d.summary,
        body=d.body,
        language=d.language,
        translation_of=d.translation_of,
        related_to=d.related_to,
        themes=tuple(d.themes.all()),
    )
