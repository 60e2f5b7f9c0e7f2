"""A document filed with an application: the request itself, a notice sent, a reply."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Attachment(models.Model):
    application = models.ForeignKey(
        "applications.Application",
        verbose_name="申请",
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    event = models.ForeignKey(
        "applications.ApplicationEvent",
        verbose_name="办理事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    file = models.FileField("文件", upload_to="attachments/%Y/%m/")
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    content_type = models.CharField("类型", max_length=100)
    # None: the applicant, on the portal.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ("uploaded_at", "id")

    def __str__(self) -> str:
        return self.name
