"""Agencies (province → city → district → department/township) and staff memberships."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Level(models.TextChoices):
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    DISTRICT = "district", "县（区）级"
    DEPARTMENT = "department", "部门"
    TOWNSHIP = "township", "乡镇（街道）"


# Which level may sit under which: a department belongs to any government, a township to a
# district (or a city without districts).
ALLOWED_PARENTS: dict[str, frozenset[str | None]] = {
    Level.PROVINCE: frozenset({None}),
    Level.CITY: frozenset({None, Level.PROVINCE}),
    Level.DISTRICT: frozenset({None, Level.CITY}),
    Level.DEPARTMENT: frozenset({Level.PROVINCE, Level.CITY, Level.DISTRICT}),
    Level.TOWNSHIP: frozenset({Level.DISTRICT, Level.CITY}),
}


class Agency(models.Model):
    name = models.CharField("名称", max_length=120)
    level = models.CharField("层级", max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path "/1/4/9/": "this agency and all below it" is one prefix query.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    address = models.CharField("通讯地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ("path",)

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        parent_level = self.parent.level if self.parent else None
        if parent_level not in ALLOWED_PARENTS[self.level]:
            under = self.parent.get_level_display() if self.parent else "顶层"
            raise ValidationError(f"{self.get_level_display()}不能设在{under}之下。")
        if self.pk and self.parent and f"/{self.pk}/" in self.parent.path:
            raise ValidationError("上级机关不能是本机关或其下级机关。")

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2 if self.path else 0


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "系统管理员"
    OFFICER = "officer", "经办人"
    HEAD = "head", "负责人"
    SUPERVISOR = "supervisor", "监督人员"


ROLE_HELP = {
    Role.ADMINISTRATOR: "管理本机关及下级机关的人员、工作日历、文书模板和操作日志",
    Role.OFFICER: "登记和办理本机关的政府信息公开申请",
    Role.HEAD: "办理本机关的申请，批准延期答复，答复文书署名",
    Role.SUPERVISOR: "只读查看本机关及全部下级机关的申请",
}


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    title = models.CharField("职务", max_length=60, blank=True)

    class Meta:
        verbose_name = "人员角色"
        verbose_name_plural = "人员角色"
        constraints = (
            models.UniqueConstraint(
                fields=("user", "agency", "role"), name="membership_unique_role"
            ),
        )

    def __str__(self) -> str:
        who = self.user.get_full_name() or self.user.get_username()
        return f"{who}（{self.agency}·{self.get_role_display()}）"
