"""A reminder e-mailed to one person about one deadline on one day: what makes the daily
reminder command safe to run twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ReminderSent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField("提醒事项", max_length=120)  # e.g. "application:12:reply:2025-10-30"
    day = models.DateField("提醒日期")
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        verbose_name = "已发送的提醒"
        verbose_name_plural = "已发送的提醒"
        constraints = (
            models.UniqueConstraint(fields=("user", "key", "day"), name="reminder_once_a_day"),
        )

    def __str__(self) -> str:
        return f"{self.day} {self.key}"
