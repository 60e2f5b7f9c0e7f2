"""A year's official calendar entered by an administrator from the State Council notice, for
years the installed `chinesecalendar` does not cover yet."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from xxgk.workdays import YearDays


class CalendarYear(models.Model):
    year = models.PositiveSmallIntegerField("年度", unique=True)
    notice = models.CharField("国务院办公厅通知（文号或标题）", max_length=200, blank=True)
    holidays = models.JSONField("放假日期", default=list)  # ISO dates
    workdays = models.JSONField("调休上班日期", default=list)  # ISO dates (weekend make-up days)
    names = models.JSONField("节日名称", default=dict, blank=True)  # ISO date -> "春节"
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField("录入时间", auto_now=True)

    class Meta:
        verbose_name = "年度工作日历"
        verbose_name_plural = "年度工作日历"
        ordering = ("-year",)

    def __str__(self) -> str:
        return f"{self.year} 年工作日历"

    def year_days(self) -> YearDays:
        """The override the statutory clock reads."""
        return YearDays(
            year=self.year,
            holidays=frozenset(date.fromisoformat(d) for d in self.holidays),
            workdays=frozenset(date.fromisoformat(d) for d in self.workdays),
            names={date.fromisoformat(d): n for d, n in self.names.items()},
        )
