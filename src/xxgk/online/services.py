"""Writes of the online application: submit, confirm or return, answer a correction, withdraw.

The applicant acts with the submission's 受理编号 and 查询码 (checked by the views); an officer
acts under the one permission policy (those who may register applications of the agency).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from pathlib import PurePath

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, deny_unless
from xxgk.applications import services as applications
from xxgk.applications.choices import Channel
from xxgk.applications.models import Application, ApplicationEvent
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.online import codes
from xxgk.online.models import Submission, SubmissionFile, SubmissionStatus
from xxgk.privacy.codes import code_hash, code_new
from xxgk.site.uploads import UploadRefused, sniffed_type
from xxgk.workdays.timeline import EventKind

log = logging.getLogger(__name__)

# What an applicant may attach (an ID copy, a power of attorney, a description), sniffed from the
# content: a renamed executable is refused whatever its name says.
FILE_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "png": "image/png",
    "jpg": "image/jpeg",
}
MAX_FILES = 5
_NUMBER_TRIES = 20


class SubmissionError(Exception):
    """What the applicant or the officer asked cannot be done; the message (Chinese) says why."""


@dataclass(frozen=True)
class SubmissionData:
    """The contents of 条例第二十九条 as the applicant typed them (checked by the form)."""

    applicant_kind: str
    applicant_name: str
    phone: str
    request_text: str
    way: str
    id_document: str = ""
    id_number: str = ""
    credit_code: str = ""
    contact_person: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    delivery: str = ""


@dataclass(frozen=True)
class Submitted:
    submission: Submission
    code: str | None  # shown once; None when the same form came back (a double submit)


def file_problem(upload: UploadedFile) -> str | None:
    """Why an applicant's upload is refused, or None."""
    try:
        sniffed_type(upload, FILE_TYPES)
    except UploadRefused as exc:
        return str(exc)
    return None


def submission_create(
    *,
    agency: Agency,
    data: SubmissionData,
    idempotency_key: str,
    files: tuple[UploadedFile, ...] = (),
) -> Submitted:
    """Keep an application sent on the portal, with a new 受理编号 and 查询码.

    The form carries a key made when it was shown: the same form sent twice (a double click, a
    refresh) finds the first submission instead of making a second."""
    earlier = Submission.objects.filter(idempotency_key=idempotency_key).first()
    if earlier is not None:
        return Submitted(earlier, None)
    if len(files) > MAX_FILES:
        raise SubmissionError(f"附件最多 {MAX_FILES} 个。")
    for upload in files:
        if problem := file_problem(upload):
            raise SubmissionError(problem)
    code = code_new()
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    for attempt in range(_NUMBER_TRIES):
        try:
            with transaction.atomic():
                submission = Submission.objects.create(
                    agency=agency,
                    number=codes.new_number(),
                    code_hash=code_hash(code),
                    idempotency_key=idempotency_key,
                    **values,
                )
                _files_save(submission, files)
                audit_record(
                    actor=None,
                    event_type=AuditEventType.SUBMISSION_RECEIVED,
                    obj=submission,
                    object_repr=submission.number,
                    agency=agency,
                    new={"number": submission.number, "files": len(files)},
                )
            break
        except IntegrityError:
            again = Submission.objects.filter(idempotency_key=idempotency_key).first()
            if again is not None:  # the other request of a double submit won the race
                return Submitted(again, None)
            if attempt == _NUMBER_TRIES - 1:
                raise
    _tell(
        submission,
        "政府信息公开申请已提交",
        f"您向{agency.name}提交的政府信息公开申请已收到，受理编号 {submission.number}，"
        f"查询码 {code}。\n机关确认后，以确认之日为收到申请之日"
        "（《中华人民共和国政府信息公开条例》第三十一条第（三）项）。"
        "请凭受理编号和查询码在网站“申请查询”中查看办理情况。",
    )
    return Submitted(submission, code)


def _files_save(submission: Submission, files: tuple[UploadedFile, ...]) -> None:
    for upload in files:
        name = PurePath(upload.name or "附件").name[:200]
        row = SubmissionFile(
            submission=submission,
            name=name,
            content_type=sniffed_type(upload, FILE_TYPES),  # checked before: the same answer
            size=upload.size or 0,
        )
        row.file.save(f"{submission.number}{PurePath(name).suffix.lower()}", upload, save=False)
        row.save()


def _locked(submission: Submission) -> Submission:
    return Submission.objects.select_for_update().get(pk=submission.pk)


@transaction.atomic
def submission_confirm(*, user: User, submission: Submission) -> Application:
    """Confirm a submission: the application is registered as received today (条例第三十一条
    第（三）项: online, the day both sides confirm), its attachments filed with it."""
    deny_unless(user, Action.APPLICATION_REGISTER, submission)
    submission = _locked(submission)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise SubmissionError(f"这件网上申请{submission.get_status_display()}，不能再确认。")
    applicant = applications.ApplicantData(
        applicant_kind=submission.applicant_kind,
        applicant_name=submission.applicant_name,
        id_document=submission.id_document or "resident_id",
        id_number=submission.id_number,
        credit_code=submission.credit_code,
        contact_person=submission.contact_person,
        phone=submission.phone,
        email=submission.email,
        address=submission.address,
        postcode=submission.postcode,
    )
    uploads = tuple(_as_upload(f) for f in submission.files.all())
    try:
        application = applications.application_register(
            user=user,
            agency=submission.agency,
            applicant=applicant,
            channel=Channel.ONLINE,
            request_text=submission.request_text,
            received_on=timezone.localdate(),
            delivery=submission.delivery,
            way=submission.way,
            note=(
                f"网上申请，受理编号 {submission.number}；获取方式：{submission.get_way_display()}"
            ),
            files=uploads,
        )
    except applications.ApplicationError as exc:
        raise SubmissionError(str(exc)) from None
    submission.status = SubmissionStatus.CONFIRMED
    submission.application = application
    submission.decided_at, submission.decided_by = timezone.now(), user
    submission.save()
    audit_record(
        actor=user,
        event_type=AuditEventType.SUBMISSION_CONFIRMED,
        obj=submission,
        object_repr=submission.number,
        agency=submission.agency,
        new={"application": application.number, "received_on": str(application.received_on)},
    )
    _tell(
        submission,
        "政府信息公开申请已确认",
        f"您的网上申请（受理编号 {submission.number}）已于 {application.received_on:%Y年%m月%d日}"
        f"经{submission.agency.name}确认，即为收到申请之日，申请编号 {application.number}。"
        f"答复期限：{application.due_on:%Y年%m月%d日}（第三十三条）。",
    )
    return application


def _as_upload(row: SubmissionFile) -> UploadedFile:
    row.file.open("rb")
    return UploadedFile(row.file.file, name=row.name, content_type=row.content_type, size=row.size)


@transaction.atomic
def submission_return(*, user: User, submission: Submission, reason: str) -> None:
    """Return a submission that is not an application the agency can receive, saying why."""
    deny_unless(user, Action.APPLICATION_REGISTER, submission)
    submission = _locked(submission)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise SubmissionError(f"这件网上申请{submission.get_status_display()}，不能再退回。")
    reason = reason.strip()
    if not reason:
        raise SubmissionError("请写明退回的理由，申请人将看到它。")
    submission.status = SubmissionStatus.RETURNED
    submission.return_reason = reason
    submission.decided_at, submission.decided_by = timezone.now(), user
    submission.save()
    audit_record(
        actor=user,
        event_type=AuditEventType.SUBMISSION_RETURNED,
        obj=submission,
        object_repr=submission.number,
        agency=submission.agency,
        new={"reason": reason},
    )
    _tell(
        submission,
        "政府信息公开申请被退回",
        f"您的网上申请（受理编号 {submission.number}）未被确认，理由：{reason}",
    )


@transaction.atomic
def submission_withdraw(*, submission: Submission, reason: str = "") -> None:
    """The applicant withdraws: a submission not yet confirmed is closed; a confirmed one's
    application records the withdrawal (申请人撤回申请) as of today."""
    submission = _locked(submission)
    if submission.status == SubmissionStatus.SUBMITTED:
        submission.status = SubmissionStatus.WITHDRAWN
        submission.save()
        audit_record(
            actor=None,
            event_type=AuditEventType.SUBMISSION_WITHDRAWN,
            obj=submission,
            object_repr=submission.number,
            agency=submission.agency,
            new={"reason": reason.strip()},
        )
        return
    if submission.application is None:
        raise SubmissionError(f"这件网上申请{submission.get_status_display()}，无需撤回。")
    try:
        applications.application_event_from_applicant(
            application=submission.application,
            kind=EventKind.WITHDRAWN,
            note=reason.strip() or "申请人在网上撤回申请",
        )
    except applications.ApplicationError as exc:
        raise SubmissionError(str(exc)) from None


def correction_answer(
    *, submission: Submission, text: str, files: tuple[UploadedFile, ...] = ()
) -> ApplicationEvent:
    """The applicant's answer to a correction notice (条例第三十条): recorded as 收到补正材料
    today, which starts the reply period again."""
    submission = Submission.objects.select_related("application").get(pk=submission.pk)
    if submission.application is None:
        raise SubmissionError("这件申请尚未确认受理，没有需要补正的事项。")
    if not text.strip() and not files:
        raise SubmissionError("请填写补正的内容或上传补正材料。")
    for upload in files:
        if problem := file_problem(upload):
            raise SubmissionError(problem)
    try:
        return applications.application_event_from_applicant(
            application=submission.application,
            kind=EventKind.CORRECTION_RECEIVED,
            note=text.strip(),
            files=files,
        )
    except applications.ApplicationError as exc:
        raise SubmissionError(str(exc)) from None


def _tell(submission: Submission, subject: str, body: str) -> None:
    """E-mail the applicant after the transaction commits; a mail server's failure is logged and
    never undoes what was saved (the portal shows the same on screen)."""
    address = submission.email
    if not address:
        return

    def send() -> None:
        try:
            send_mail(subject, body, None, [address])
        except Exception:
            log.exception("e-mail to the applicant of %s failed", submission.number)

    transaction.on_commit(send)
