"""A disclosure application (政府信息公开申请) and its applicant."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from xxgk.applications import choices
from xxgk.applications.identifiers import IdDocument, check_credit_code, check_document
from xxgk.applications.models.sealed import SealedField, keyring
from xxgk.privacy.sealing import blind_index, blind_indexes

# The columns sealed in the database, for the key rotation and the data migration.
SEALED_FIELDS = ("id_number", "phone", "email", "address")


class Application(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="机关",
        on_delete=models.PROTECT,
        related_name="applications",
    )
    number = models.CharField("编号", max_length=20)

    applicant_kind = models.CharField("申请人类型", max_length=20, choices=choices.applicant_kinds)
    applicant_name = models.CharField("申请人（姓名或名称）", max_length=120)
    id_document = models.CharField(
        "身份证件类型",
        max_length=20,
        choices=IdDocument.choices,
        default=IdDocument.RESIDENT_ID,
    )
    # Personal data is sealed in the database (SM4-GCM, see `sealed`); the ID number also has
    # a blind index (HMAC-SM3) so that the same applicant is found without decrypting. The
    # credit code stays plain: it is public registration data of an organisation.
    id_number = SealedField("身份证件号码", max_length=18, blank=True)
    id_number_index = models.CharField(
        "身份证件号码索引", max_length=80, blank=True, editable=False, db_index=True
    )
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    contact_person = models.CharField("联系人", max_length=60, blank=True)
    phone = SealedField("联系电话", max_length=40, blank=True)
    email = SealedField("电子邮箱", max_length=254, blank=True, email=True)
    address = SealedField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    channel = models.CharField("申请方式", max_length=20, choices=choices.Channel.choices)
    delivery = models.CharField(
        "信息的载体形式", max_length=20, choices=choices.Delivery.choices, blank=True
    )
    way = models.CharField("获取信息的方式", max_length=20, choices=choices.Way.choices, blank=True)
    request_text = models.TextField("所需政府信息的描述")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    # Derived from the timeline by `application_refresh` and nothing else; kept in columns only
    # so that the work queue can sort and filter in the database.
    received_on = models.DateField("收到申请之日", null=True, editable=False, db_index=True)
    status = models.CharField(
        "状态", max_length=30, choices=choices.status_choices, editable=False, db_index=True
    )
    due_on = models.DateField("答复期限", null=True, editable=False, db_index=True)
    due_provisional = models.BooleanField("期限待定", default=False, editable=False)
    outcome = models.CharField(
        "办理结果", max_length=40, choices=choices.outcome_choices, blank=True, editable=False
    )
    closed_on = models.DateField("办结日期", null=True, editable=False)
    # The nearest running deadline of any kind (the reply, the applicant's correction or
    # payment, a consultation, Art. 35 reasons) and which: what the queue sorts and warns by.
    next_due_on = models.DateField("最近期限", null=True, editable=False, db_index=True)
    next_due_kind = models.CharField(
        "最近期限事项", max_length=30, choices=choices.deadline_kinds, blank=True, editable=False
    )
    has_warnings = models.BooleanField("有需注意事项", default=False, editable=False)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ("due_on", "id")
        constraints = (
            models.UniqueConstraint(fields=("agency", "number"), name="application_number_unique"),
        )
        indexes = (
            models.Index(fields=("agency", "closed_on", "next_due_on"), name="application_queue"),
            # The list's order within an agency: a deep page, or the export, without a sort.
            models.Index(
                fields=("agency", "due_on", "received_on", "id"), name="application_list_order"
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The index is derived from the model's own field (an invariant, not a domain effect):
        # kept here so that no path can store an ID number without it.
        super().save(*args, **with_id_number_index(self, kwargs))

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.applicant_kind == choices.NATURAL_PERSON:
            if not self.id_number:
                errors["id_number"] = "自然人申请须填写身份证件号码。"
            elif problem := check_document(self.id_document, self.id_number):
                errors["id_number"] = problem
            if self.credit_code:
                errors["credit_code"] = "自然人申请不填写统一社会信用代码。"
        else:
            if not self.credit_code:
                errors["credit_code"] = "法人或其他组织申请须填写统一社会信用代码。"
            elif problem := check_credit_code(self.credit_code):
                errors["credit_code"] = problem
            if self.id_number:
                errors["id_number"] = "法人或其他组织申请不填写身份证号码，请填写联系人。"
        if not (self.phone or self.email or self.address):
            errors["phone"] = "请至少填写一种联系方式（电话、电子邮箱或通信地址）。"
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def carried_forward(self) -> bool:
        """Still open at 31 December of the year it was received (carried forward)."""
        if self.received_on is None:
            return False
        if self.closed_on is not None:
            return self.closed_on.year > self.received_on.year
        return timezone.localdate().year > self.received_on.year

    @property
    def is_organisation(self) -> bool:
        return self.applicant_kind != choices.NATURAL_PERSON


def with_id_number_index(row: Any, save_kwargs: dict[str, Any]) -> dict[str, Any]:
    """Set `row.id_number_index` from its `id_number` before a save, and add the index to the
    save's `update_fields` when the number is among them (applications and submissions)."""
    row.id_number_index = id_number_index(row.id_number)
    fields = save_kwargs.get("update_fields")
    if fields is not None and "id_number" in fields:
        return {**save_kwargs, "update_fields": {*fields, "id_number_index"}}
    return save_kwargs


def id_number_index(id_number: str) -> str:
    """The blind index of an ID number under the current key ("" for none)."""
    return blind_index(id_number.strip().upper(), key=keyring().current)


def id_number_indexes(id_number: str) -> list[str]:
    """Its index under every key in use: what a lookup of the same applicant matches, also
    while a key rotation is under way."""
    return blind_indexes(id_number.strip().upper(), ring=keyring())
