"""A 咨询 (question) or 建议 (suggestion) the public sent an agency through its portal.

Named `Enquiry` because the glossary's "consultation" is already 征求第三方意见 (DESIGN.md): one
name per idea. Open while `answered_on` is empty; on the portal's Q&A page only when the asker
agreed (`consent`) and the officer chose to publish (`published`).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

NAME_MAX = 60
CONTACT_MAX = 100
SUBJECT_MAX = 100
TEXT_MAX = 2000
ANSWER_MAX = 5000

# A mainland mobile or fixed line, with area code, extension or a leading +86: digits, spaces,
# dashes; 7 to 20 characters.
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9]$")


def validate_contact(value: str) -> None:
    """A phone number or an e-mail address; the message says which forms are accepted."""
    value = value.strip()
    if "@" in value:
        EmailValidator(message=_("电子邮箱格式不正确，请检查后重新填写。"))(value)
    elif not _PHONE.match(value):
        raise ValidationError(
            _("请填写有效的电话号码（如 13900000000 或 0599-6000000）或电子邮箱。")
        )


class EnquiryKind(models.TextChoices):
    QUESTION = "question", _("咨询")
    SUGGESTION = "suggestion", _("建议")


class Enquiry(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="enquiries"
    )
    number = models.CharField("编号", max_length=20)  # 2025-0007: the agency's 7th of 2025
    kind = models.CharField("类别", max_length=20, choices=EnquiryKind.choices)
    name = models.CharField("姓名", max_length=NAME_MAX)
    contact = models.CharField("联系方式", max_length=CONTACT_MAX, validators=[validate_contact])
    subject = models.CharField("标题", max_length=SUBJECT_MAX)
    text = models.TextField("内容", validators=[MaxLengthValidator(TEXT_MAX)])
    consent = models.BooleanField("同意公开答复", default=False)
    # SHA-256 of the lookup code: the code itself is shown once, to the asker, and kept nowhere.
    code_hash = models.CharField(max_length=64, editable=False)
    received_on = models.DateField("收到日期", db_index=True)

    # The agency's period when the enquiry arrived (a later change of the setting moves no
    # running deadline), and the deadline on the calendar (`services.enquiry_redate`).
    answer_days = models.PositiveSmallIntegerField("答复时限（工作日）")
    due_on = models.DateField("答复期限", db_index=True)
    due_provisional = models.BooleanField("期限暂定", default=False)

    answer = models.TextField("答复内容", blank=True, validators=[MaxLengthValidator(ANSWER_MAX)])
    answered_on = models.DateField("答复日期", null=True, blank=True, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published = models.BooleanField("在专栏公开", default=False)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)

    class Meta:
        verbose_name = "咨询或建议"
        verbose_name_plural = "咨询和建议"
        ordering = ("-received_on", "-id")
        constraints = (
            models.UniqueConstraint(fields=("agency", "number"), name="enquiry_number_unique"),
            # An answer has a date and a date has an answer: open means neither.
            models.CheckConstraint(
                condition=Q(answer="", answered_on__isnull=True)
                | (~Q(answer="") & Q(answered_on__isnull=False)),
                name="enquiry_answer_dated",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("received_on")),
                name="enquiry_answered_after_receipt",
            ),
            # Published only with the asker's consent, and only once answered.
            models.CheckConstraint(
                condition=Q(published=False) | Q(consent=True, answered_on__isnull=False),
                name="enquiry_published_with_consent",
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.answered_on is None

    @property
    def late(self) -> bool:
        """Answered after the agency's deadline."""
        return self.answered_on is not None and self.answered_on > self.due_on
