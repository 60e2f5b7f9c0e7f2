"""One event of an application's timeline. Append-only: a row is never changed or deleted; a
mistake is corrected by a later `voided` row that names the event it voids and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xxgk.applications import choices


class AppendOnly(Exception):
    """An attempt to change or delete an event that has been recorded."""


class ApplicationEvent(models.Model):
    application = models.ForeignKey(
        "applications.Application",
        verbose_name="申请",
        on_delete=models.PROTECT,
        related_name="events",
    )
    kind = models.CharField("事项", max_length=30, choices=choices.event_kind_choices)
    on = models.DateField("日期")
    # An extension's length, or the period a correction notice or an Art. 35 request gives.
    days = models.PositiveSmallIntegerField("工作日数", null=True, blank=True)
    until = models.DateField("延迟答复期限", null=True, blank=True)  # Art. 35
    ref = models.ForeignKey(
        "self",
        verbose_name="所涉事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followups",
    )  # the consultation letter a delivery or an answer concerns
    party = models.CharField("征求意见对象", max_length=120, blank=True)
    party_is_person = models.BooleanField("对象为自然人", default=False)
    article = models.PositiveSmallIntegerField(
        "征求意见依据", null=True, blank=True, choices=choices.CONSULTATION_ARTICLES
    )  # 32: a third party; 34: an agency that made the information together with this one
    # What the letter says beside `note`: the unclear points of a correction, the information
    # a consultation or a third-party notice concerns, how a reply provides the information.
    detail = models.TextField("具体内容", blank=True)
    outcome = models.CharField(
        "办理结果", max_length=40, choices=choices.outcome_choices, blank=True
    )
    ground = models.TextField("依据", blank=True)
    fee_basis = models.CharField(
        "计费方式", max_length=10, choices=choices.FeeBasis.choices, blank=True
    )
    quantity = models.PositiveIntegerField("件数或页数", null=True, blank=True)
    amount = models.DecimalField("金额（元）", max_digits=10, decimal_places=2, null=True)
    note = models.TextField("说明", blank=True)
    document_number = models.CharField("发文字号", max_length=60, blank=True)
    voids = models.OneToOneField(
        "self",
        verbose_name="作废的事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voided_by",
    )
    # None: the applicant, on the portal (a correction answered or a withdrawal made online).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "办理事项"
        verbose_name_plural = "办理事项"
        ordering = ("on", "id")

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.get_kind_display()}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise AppendOnly("办理事项一经记录不得修改；如有错误，请记录一条更正。")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnly("办理事项一经记录不得删除；如有错误，请记录一条更正。")

    @property
    def is_void(self) -> bool:
        return self.kind == choices.VOID
