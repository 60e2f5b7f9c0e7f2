"""The last 索引号 sequence number an agency took in a year.

A counter row, locked while a number is taken, so that two officers creating records at once on
PostgreSQL wait for each other, and a number once taken is never handed out again — even when a
record that held it is gone, or an imported catalogue took numbers of its own."""

from __future__ import annotations

from django.db import models


class IndexCounter(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    last = models.PositiveIntegerField("已用顺序号", default=0)

    class Meta:
        verbose_name = "索引号顺序号"
        verbose_name_plural = "索引号顺序号"
        constraints = (
            models.UniqueConstraint(fields=("agency", "year"), name="index_counter_once"),
        )

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year}: {self.last}"
