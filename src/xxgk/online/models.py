"""An application sent on the portal, before and after an officer confirms it.

A submission is not yet an application (DESIGN.md): under 条例第三十一条第（三）项 an application
made online is received on the day both sides confirm it, so an officer confirms it — which
registers the application with that day as `received_on` — or returns it with a reason.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from xxgk.applications import choices
from xxgk.applications.identifiers import IdDocument
from xxgk.applications.models.application import with_id_number_index
from xxgk.applications.models.sealed import SealedField

# The columns sealed in the database, for the key rotation.
SEALED_FIELDS = ("id_number", "phone", "email", "address")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", "待确认"
    CONFIRMED = "confirmed", "已确认受理"
    RETURNED = "returned", "已退回"
    WITHDRAWN = "withdrawn", "已撤回"


Way = choices.Way  # 获取信息的方式、途径, the application's own choices


class Submission(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="受理机关", on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField("受理编号", max_length=20, unique=True)
    code_hash = models.CharField("查询码（摘要）", max_length=64)
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        "状态",
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    applicant_kind = models.CharField("申请人类型", max_length=20, choices=choices.applicant_kinds)
    applicant_name = models.CharField("申请人（姓名或名称）", max_length=120)
    id_document = models.CharField(
        "身份证件类型", max_length=20, choices=IdDocument.choices, blank=True
    )
    # Sealed like an application's (SM4-GCM, `applications.models.sealed`), the ID number
    # with its blind index (HMAC-SM3): the repeated-application check finds the same person.
    id_number = SealedField("身份证件号码", max_length=18, blank=True)
    id_number_index = models.CharField(max_length=80, blank=True, editable=False, db_index=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    contact_person = models.CharField("联系人", max_length=60, blank=True)
    phone = SealedField("联系电话", max_length=40)
    email = SealedField("电子邮箱", max_length=254, blank=True, email=True)
    address = SealedField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    request_text = models.TextField("所需政府信息的名称、文号或特征性描述")
    delivery = models.CharField(
        "信息的载体形式", max_length=20, choices=choices.Delivery.choices, blank=True
    )
    way = models.CharField("获取信息的方式", max_length=20, choices=Way.choices)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    return_reason = models.TextField("退回理由", blank=True)
    application = models.OneToOneField(
        "applications.Application",
        verbose_name="申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submission",
    )

    class Meta:
        verbose_name = "网上申请"
        verbose_name_plural = "网上申请"
        ordering = ("-submitted_at",)
        indexes = (
            models.Index(fields=("agency", "status", "submitted_at"), name="submission_queue"),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **with_id_number_index(self, kwargs))


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("附件", upload_to="submissions/%Y/%m/")
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = "网上申请附件"
        verbose_name_plural = "网上申请附件"

    def __str__(self) -> str:
        return self.name
