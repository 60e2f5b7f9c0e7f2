"""Agencies (province → city → district → department/township) and staff memberships."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from xxgk.site.people import name_of


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


DEFAULT_NUMBER_PATTERN = "{short}政信公〔{year}〕{seq}号"


def validate_number_pattern(pattern: str) -> None:
    """A 发文字号 pattern names only {short}, {year} and {seq}, and {seq} at least."""
    try:
        pattern.format(short="甲", year=2025, seq=1)
    except (KeyError, IndexError, ValueError):
        raise ValidationError("发文字号格式只能使用 {short}、{year}、{seq}。") from None
    if "{seq}" not in pattern:
        raise ValidationError("发文字号格式须含有 {seq}（当年顺序号）。")


def validate_index_pattern(pattern: str) -> None:
    """A 索引号 pattern names only {code}, {year} and {seq} (with a format, e.g. {seq:05d})."""
    try:
        pattern.format(code="014000319", year=2025, seq=1)
    except (KeyError, IndexError, ValueError):
        raise ValidationError("索引号格式只能使用 {code}、{year}、{seq}。") from None
    if "{seq" not in pattern:
        raise ValidationError("索引号格式须含有 {seq}（当年顺序号）。")


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

    # How its letters are numbered and what they tell the applicant (GB/T 9704, Art. 36).
    short_name = models.CharField(
        "机关代字", max_length=20, blank=True, help_text="发文字号中的机关代字，如“江自然资”"
    )
    document_number_pattern = models.CharField(
        "发文字号格式",
        max_length=60,
        default=DEFAULT_NUMBER_PATTERN,
        validators=[validate_number_pattern],
        help_text="可用 {short}（机关代字）、{year}（年份）、{seq}（当年顺序号）",
    )
    index_number_pattern = models.CharField(
        "索引号格式",
        max_length=80,
        default="{code}/{year}-{seq:05d}",
        validators=[validate_index_pattern],
        help_text=(
            "可用 {code}（机构代码）、{year}（年份）、{seq}（当年顺序号），如 014000319/2020-00001"
        ),
    )
    organisation_code = models.CharField(
        "机构代码",
        max_length=18,
        blank=True,
        help_text="组织机构代码或统一社会信用代码，用于索引号",
    )
    review_body = models.CharField(
        "行政复议机关", max_length=120, blank=True, help_text="答复书告知的行政复议机关全称"
    )
    court = models.CharField(
        "管辖人民法院", max_length=120, blank=True, help_text="答复书告知的人民法院全称"
    )
    contact_person = models.CharField(
        "联系人", max_length=60, blank=True, help_text="文书附注中的联系人；空白时为经办人"
    )
    fee_payment = models.CharField(
        "信息处理费缴纳方式",
        max_length=200,
        blank=True,
        default="请持本通知书到本机关政务服务窗口，通过非税收入缴款书缴纳",
        help_text="收费通知书中告知的缴纳方式",
    )
    # The agency's procedure policy (xxgk.workdays.Policy): the Regulation leaves these open.
    correction_period_days = models.PositiveSmallIntegerField(
        "补正期限（工作日）",
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="条例第三十条“合理的补正期限”的默认值；告知补正时可以改动",
    )
    reasons_period_days = models.PositiveSmallIntegerField(
        "说明理由期限（工作日）",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="条例第三十五条要求申请人说明理由时给予的期限",
    )
    fee_pauses_clock = models.BooleanField(
        "缴费期间不计入答复期限",
        default=True,
        help_text="条例第三十三条第三款仅规定征求意见时间不计入；缴费期间由本机关规定",
    )
    # Agency policy, not statute: the Regulation sets no deadline for answering 咨询 and 建议.
    enquiry_answer_days = models.PositiveSmallIntegerField(
        "咨询建议答复期限（工作日）",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="本机关规定的网上咨询、建议答复时限（条例未规定此期限）；自收到次日起按工作日计算",
    )

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

    def document_number(self, *, year: int, seq: int) -> str:
        """The 发文字号 of the agency's `seq`-th letter of `year`: 江自然资政信公〔2025〕8号."""
        short = self.short_name or self.name[:4]
        return self.document_number_pattern.format(short=short, year=year, seq=seq)

    def index_number(self, *, year: int, seq: int) -> str:
        """The 索引号 of the agency's `seq`-th disclosure of `year`: 014000319/2020-00001."""
        code = self.organisation_code or f"A{self.pk:06d}"
        return self.index_number_pattern.format(code=code, year=year, seq=seq)

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
        return f"{name_of(self.user)}（{self.agency}·{self.get_role_display()}）"
