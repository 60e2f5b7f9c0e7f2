"""A table-2 figure that lives in another business system (行政许可, 行政处罚, 收费, 采购 …),
entered or imported per agency and year. Append-only: a new value is a new row, so the history
stays; the figure in force is the latest row."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Figure(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="figures"
    )
    year = models.PositiveSmallIntegerField("年度")
    # A table-2 cell of the edition in force for `year`: "proactive.<row>.<field>".
    cell = models.CharField("统计项", max_length=80)
    value = models.DecimalField("数值", max_digits=16, decimal_places=4)
    source = models.CharField("来源", max_length=200, blank=True)  # a file name, or 手工录入
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度统计数"
        verbose_name_plural = "年度统计数"
        ordering = ("agency", "year", "cell", "-entered_at", "-id")
        indexes = (models.Index(fields=("agency", "year", "cell")),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year} {self.cell} = {self.value}"
