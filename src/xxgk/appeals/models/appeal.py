"""A review (行政复议) or lawsuit (行政诉讼) brought against an agency over its disclosure work.

One model for both: they share every field and every step (a copy arrives, the agency answers by
a deadline, a decision ends the case), one queue lists them, and table 4 counts them side by side.
What differs — the law's deadline and decisions, and the lawsuit-only route after a review — is
data keyed by `kind` (`deadlines`, `decisions`, `choices.GROUP_OF`), kept consistent by `clean`
and the database constraints.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from xxgk.appeals import choices, decisions
from xxgk.appeals.choices import AppealKind
from xxgk.appeals.decisions import Decision


class Appeal(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="被申请人（被告）机关",
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    application = models.ForeignKey(
        "applications.Application",
        verbose_name="涉及的政府信息公开申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    kind = models.CharField("类别", max_length=20, choices=choices.kind_choices)
    after_review = models.BooleanField(
        "复议后起诉", default=False, help_text="经行政复议后提起的行政诉讼勾选；直接提起的不勾选"
    )
    review = models.ForeignKey(
        "self",
        verbose_name="此前的行政复议",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawsuits",
    )
    simplified = models.BooleanField(
        "适用简易程序", default=False, help_text="行政复议机构通知适用简易程序的，答复期限为五日"
    )
    body = models.CharField("行政复议机关或人民法院", max_length=120)
    case_number = models.CharField("案号", max_length=80)
    applicant_name = models.CharField("申请人（原告）", max_length=120)
    accepted_on = models.DateField("受理（立案）之日", null=True, blank=True)
    copy_received_on = models.DateField("收到副本之日", db_index=True)
    answered_on = models.DateField("提交答复（答辩状）之日", null=True, blank=True)
    decision = models.CharField(
        "审理结果", max_length=40, choices=decisions.decision_choices, blank=True
    )
    decided_on = models.DateField("结案日期", null=True, blank=True, db_index=True)
    note = models.TextField("备注", blank=True)

    # Derived from `kind`, `simplified`, `copy_received_on` and the calendar by the services
    # (`appeal_redate`) and nothing else; a column so that the queue sorts in the database.
    answer_due_on = models.DateField("答复（答辩）期限", editable=False, db_index=True)
    answer_due_provisional = models.BooleanField("期限暂定", default=False, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "行政复议或行政诉讼案件"
        verbose_name_plural = "行政复议和行政诉讼案件"
        ordering = ("-copy_received_on", "-id")
        constraints = (
            models.UniqueConstraint(fields=("agency", "case_number"), name="appeal_case_unique"),
            # Only a lawsuit comes after a review; only a review has the simplified procedure.
            models.CheckConstraint(
                condition=Q(kind=AppealKind.REVIEW.value, after_review=False, review__isnull=True)
                | Q(kind=AppealKind.LITIGATION.value, simplified=False),
                name="appeal_route_fits_kind",
            ),
            models.CheckConstraint(
                condition=Q(review__isnull=True) | Q(after_review=True),
                name="appeal_review_link_after_review",
            ),
            # A decision has a date and a date has a decision: pending means neither.
            models.CheckConstraint(
                condition=Q(decision="", decided_on__isnull=True)
                | (~Q(decision="") & Q(decided_on__isnull=False)),
                name="appeal_decision_dated",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("copy_received_on")),
                name="appeal_decided_after_copy",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case_number}（{self.get_kind_display()}）"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.kind == AppealKind.REVIEW:
            if self.after_review or self.review_id is not None:
                errors["after_review"] = "行政复议案件不填写“复议后起诉”。"
        elif self.simplified:
            errors["simplified"] = "简易程序的五日答复期限只适用于行政复议。"
        if self.review is not None:
            if not self.after_review:
                errors["review"] = "只有复议后起诉的案件才关联此前的行政复议。"
            elif self.review.kind != AppealKind.REVIEW or self.review.agency_id != self.agency_id:
                errors["review"] = "关联的须是本机关的行政复议案件。"
        if self.application is not None and self.application.agency_id != self.agency_id:
            errors["application"] = "涉及的申请须是本机关办理的申请。"
        if self.accepted_on and self.copy_received_on and self.accepted_on > self.copy_received_on:
            errors["accepted_on"] = "受理（立案）之日不能晚于收到副本之日。"
        if self.decision and (d := decisions.decision_get(self.decision)) and d.law != self.kind:
            errors["decision"] = f"“{d.label}”不是{self.get_kind_display()}的结果。"
        if errors:
            raise ValidationError(errors)

    @property
    def is_pending(self) -> bool:
        """尚未审结: no decision yet."""
        return self.decided_on is None

    @property
    def group(self) -> str:
        """The table-4 group the case is counted in."""
        return choices.GROUP_OF[(self.kind, self.after_review)]

    @property
    def route_label(self) -> str:
        return choices.route_label(self.kind, self.after_review)

    @property
    def decision_entry(self) -> Decision | None:
        return decisions.decision_get(self.decision) if self.decision else None

    @property
    def column(self) -> str | None:
        """The table-4 column of its decision; None while pending."""
        entry = self.decision_entry
        return entry.column if entry else None
