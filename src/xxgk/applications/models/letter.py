"""A reply-letter template an administrator uploaded to replace the one shipped."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LetterTemplate(models.Model):
    key = models.CharField("文书", max_length=40, unique=True)
    file = models.FileField("DOCX 模板", upload_to="letter-templates/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now=True)

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        ordering = ("key",)

    def __str__(self) -> str:
        return self.key
