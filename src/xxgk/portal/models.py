"""What the portal owns: each agency's 政府信息公开指南 and 制度, versioned, and the search index.

A guide or 制度 is never edited in place: a new version is a new row, the page shows the latest
one and its date, and the older ones stay readable (条例第十二条: kept up to date, and what was
in force on a day can still be shown).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AppendOnly(models.Model):
    """A row that, once written, is never changed: a change is a new version."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("已发布的版本不能修改，请发布新版本。")
        super().save(*args, **kwargs)


class GuideVersion(AppendOnly):
    """One version of an agency's 政府信息公开指南 (条例第十二条)."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    office_name = models.CharField("工作机构名称", max_length=120)
    address = models.CharField("办公地址", max_length=200)
    hours = models.CharField("办公时间", max_length=200)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    phone = models.CharField("联系电话", max_length=60)
    fax = models.CharField("传真", max_length=60, blank=True)
    email = models.CharField("电子邮箱", max_length=120, blank=True)
    website = models.CharField("互联网联系方式", max_length=200, blank=True)
    classification = models.TextField("信息的分类与编排")
    obtaining = models.TextField("获取信息的方式")
    text = models.TextField("其他说明", blank=True)  # plain text; paragraphs by blank lines
    published_on = models.DateField("发布日期")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "政府信息公开指南"
        verbose_name_plural = "政府信息公开指南"
        ordering = ("-published_on", "-id")
        indexes = (models.Index(fields=("agency", "published_on"), name="guide_current"),)

    def __str__(self) -> str:
        return f"{self.agency} 政府信息公开指南（{self.published_on}）"


class RulesVersion(AppendOnly):
    """One version of one of an agency's 政府信息公开制度 (e.g. 保密审查制度); the versions of one
    制度 share its name."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("制度名称", max_length=120)
    text = models.TextField("内容")  # plain text; paragraphs by blank lines
    published_on = models.DateField("发布日期")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "政府信息公开制度"
        verbose_name_plural = "政府信息公开制度"
        ordering = ("name", "-published_on", "-id")
        indexes = (models.Index(fields=("agency", "name", "published_on"), name="rules_current"),)

    def __str__(self) -> str:
        return f"{self.agency} {self.name}（{self.published_on}）"


class SearchTerm(models.Model):
    """The search index: one row per (published record, word), with the word's weight in it.

    An inverted index in an ordinary table (see `xxgk.portal.search`): the same rows, the same
    B-tree lookups and the same integer scores on SQLite and PostgreSQL.
    """

    disclosure = models.ForeignKey(
        "disclosures.Disclosure", on_delete=models.CASCADE, related_name="+"
    )
    term = models.CharField(max_length=64)
    weight = models.PositiveIntegerField()

    class Meta:
        verbose_name = "检索词"
        verbose_name_plural = "检索词"
        # On PostgreSQL its index carries the weight too (migration 0004): the threshold
        # algorithm looks records' weights up by it without visiting the table.
        constraints = (
            models.UniqueConstraint(fields=("term", "disclosure"), name="search_term_once"),
        )
        # Every column, so that a search reads this index alone: a word's rows best first (one
        # word: the page straight from it), or all its rows for the sum over several words.
        indexes = (
            models.Index(fields=("term", "weight", "disclosure"), name="search_term_ranked"),
        )

    def __str__(self) -> str:
        return f"{self.term} → {self.disclosure_id} ({self.weight})"
