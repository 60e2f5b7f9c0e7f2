"""A proactive disclosure (主动公开的政府信息), its channels, attachments and secrecy review."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xxgk.disclosures import choices


class Disclosure(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="disclosures"
    )
    # 索引号: generated per agency by its pattern, unique, never reused (a withdrawn record keeps
    # it); the portal's permanent URL is built from it.
    index_number = models.CharField("索引号", max_length=80, unique=True)
    title = models.CharField("标题", max_length=300)
    document_number = models.CharField("文号", max_length=80, blank=True)
    publisher = models.CharField("发布机构", max_length=120)
    made_on = models.DateField("成文日期")
    published_on = models.DateField("发布日期", null=True, blank=True)
    kind = models.CharField("类别", max_length=20, choices=choices.Kind.choices)
    themes = models.ManyToManyField(
        "disclosures.Theme", verbose_name="主题分类", blank=True, related_name="disclosures"
    )
    items = models.JSONField("第二十条事项", default=list, blank=True)  # Art. 20 item numbers
    summary = models.TextField("内容概述", blank=True)  # the catalogue's 内容概述 (Art. 12)
    body = models.TextField("正文", blank=True)  # sanitised HTML (nh3), never raw input
    language = models.CharField("语言", max_length=20, default="zh-hans")
    # The record this one translates: every language version points at the original.
    translation_of = models.ForeignKey(
        "self",
        verbose_name="原文",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
    )
    # What a 政策解读 explains, or what an 在线访谈 is about.
    related_to = models.ForeignKey(
        "self",
        verbose_name="关联信息",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="related",
    )
    status = models.CharField(
        "状态", max_length=20, choices=choices.Status.choices, default=choices.Status.DRAFT
    )
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)
    # The lifecycle of a 规章 or 规范性文件 (table 2).
    validity = models.CharField(
        "有效性", max_length=20, choices=choices.Validity.choices, blank=True
    )
    validity_changed_on = models.DateField("修改或废止日期", null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name="被替代为",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    # Art. 26: published within 20 working days of being made or changed; kept by the services.
    publish_due_on = models.DateField("公开期限", null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ("-published_on", "-id")
        indexes = (
            models.Index(fields=("agency", "status", "published_on"), name="disclosure_catalogue"),
            models.Index(fields=("agency", "kind", "validity"), name="disclosure_lifecycle"),
        )

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"


class DisclosureChannel(models.Model):
    """One way a record was made public, with its date (several may apply)."""

    disclosure = models.ForeignKey(
        Disclosure, verbose_name="信息", on_delete=models.CASCADE, related_name="channels"
    )
    channel = models.CharField("公开方式", max_length=20, choices=choices.Channel.choices)
    on = models.DateField("日期")

    class Meta:
        verbose_name = "公开方式"
        verbose_name_plural = "公开方式"
        ordering = ("on", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("disclosure", "channel"), name="disclosure_channel_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.on}"


class DisclosureAttachment(models.Model):
    """A file published with a record: PDF, DOCX, XLSX or an image, its type sniffed from the
    content, never taken from the name."""

    disclosure = models.ForeignKey(
        Disclosure, verbose_name="信息", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField("文件", upload_to="disclosures/%Y/%m/")
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    content_type = models.CharField("类型", max_length=100)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ("order", "id")

    def __str__(self) -> str:
        return self.name


class SecrecyReview(models.Model):
    """保密审查 (条例第十七条): required, with an approving opinion, before publication."""

    disclosure = models.ForeignKey(
        Disclosure, verbose_name="信息", on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审查人", on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField("审查日期")
    opinion = models.CharField("审查意见", max_length=20, choices=choices.Opinion.choices)
    note = models.TextField("说明", blank=True)
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "保密审查"
        verbose_name_plural = "保密审查"
        ordering = ("on", "id")

    def __str__(self) -> str:
        return f"{self.on} {self.get_opinion_display()}"
