"""An agency's annual report as it goes from draft to publication, and the files published.

One row per version: version 1 is the report first published for the year; a correction (更正)
is a new version with a public note, and the earlier version stays available at its own address.
A published version is locked: its report JSON (with a content hash) and its rendered files
are kept as they were published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "送审"
    APPROVED = "approved", "已批准"
    PUBLISHED = "published", "已发布"


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    version = models.PositiveSmallIntegerField("版本", default=1)
    status = models.CharField(
        "状态", max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    sections = models.JSONField("正文各部分", default=dict, blank=True)
    # The sections as drafted from the records when the version was begun: a sentence drafted
    # now that was not drafted then states a fact the records have since changed.
    drafted = models.JSONField("据记录起草的正文", default=dict, blank=True, editable=False)
    explanations = models.JSONField("对提示的说明", default=dict, blank=True)  # rule -> text
    correction_note = models.TextField("更正说明", blank=True)
    # None: imported with `xxgk report import` (an agency not on the platform).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="编制人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_from = models.CharField("导入自", max_length=300, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="送审人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField("送审时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField("批准时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    report_json = models.JSONField("发布的报告 JSON", null=True, blank=True, editable=False)
    content_hash = models.CharField("内容摘要（SHA-256）", max_length=64, blank=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ("agency", "-year", "-version")
        constraints = (
            models.UniqueConstraint(
                fields=("agency", "year", "version"), name="annual_report_version_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.year} 年度报告（第 {self.version} 版）"


class ReportFile(models.Model):
    """A form of a published version, rendered when it was published."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="files")
    form = models.CharField("格式", max_length=10)
    file = models.FileField("文件", upload_to="reports/%Y/")
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = "年度报告文件"
        verbose_name_plural = "年度报告文件"
        constraints = (
            models.UniqueConstraint(fields=("report", "form"), name="report_file_form_once"),
        )

    def __str__(self) -> str:
        return f"{self.report} {self.form}"
