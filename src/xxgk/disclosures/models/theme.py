"""主题分类: a tree an administrator edits, seeded with the State Council's theme list."""

from __future__ import annotations

from django.db import models


class Theme(models.Model):
    name = models.CharField("名称", max_length=60)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级分类",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "主题分类"
        verbose_name_plural = "主题分类"
        ordering = ("order", "id")
        constraints = (
            models.UniqueConstraint(fields=("parent", "name"), name="theme_unique_name"),
        )

    def __str__(self) -> str:
        return f"{self.parent.name}·{self.name}" if self.parent is not None else self.name
