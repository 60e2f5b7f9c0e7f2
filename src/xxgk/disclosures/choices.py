"""The register's vocabularies, in one place: Art. 20's and Art. 21's items, channels, kinds,
languages."""

from __future__ import annotations

from django.db import models

from xxgk.agencies.models import Agency, Level

# 条例第二十条: the fifteen items every agency publishes on its own initiative.
ARTICLE_20_ITEMS: tuple[tuple[int, str], ...] = (
    (1, "（一）行政法规、规章和规范性文件"),
    (2, "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
    (3, "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    (4, "（四）国民经济和社会发展统计信息"),
    (5, "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
    (
        6,
        "（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    ),
    (7, "（七）财政预算、决算信息"),
    (8, "（八）行政事业性收费项目及其依据、标准"),
    (9, "（九）政府集中采购项目的目录、标准及实施情况"),
    (10, "（十）重大建设项目的批准和实施情况"),
    (11, "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    (12, "（十二）突发公共事件的应急预案、预警信息及应对情况"),
    (13, "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    (14, "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"),
    (15, "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
)
ARTICLE_20 = dict(ARTICLE_20_ITEMS)

# 条例第二十一条: what 设区的市级、县级人民政府及其部门 and 乡（镇）人民政府 also publish
# "根据本地方的具体情况" (Art. 22 adds no items: agencies settle the content by Arts. 20–21 and add
# to it as their superiors direct). Numbered 2101… so they never clash with Art. 20's 1–15; each
# with the agency levels it applies to. Three topics are in both lists (土地征收, 房屋征收,
# 社会救助): one item each. The order merges both lists, so each level's items come in the
# Article's own order.
ARTICLE_21_PREFIX = "第二十一条："
# 设区的市级、县级人民政府及其部门 (a department: only under a city or district government)
CITY_COUNTY: frozenset[str] = frozenset({Level.CITY, Level.DISTRICT, Level.DEPARTMENT})
TOWNSHIP: frozenset[str] = frozenset({Level.TOWNSHIP})  # 乡（镇）
ARTICLE_21_TOPICS: tuple[tuple[int, str, frozenset[str]], ...] = (
    (2101, "市政建设", CITY_COUNTY),
    (2102, "公共服务", CITY_COUNTY),
    (2103, "公益事业", CITY_COUNTY),
    (2104, "贯彻落实农业农村政策", TOWNSHIP),
    (2105, "农田水利工程建设运营", TOWNSHIP),
    (2106, "农村土地承包经营权流转", TOWNSHIP),
    (2107, "宅基地使用情况审核", TOWNSHIP),
    (2108, "土地征收", CITY_COUNTY | TOWNSHIP),
    (2109, "房屋征收", CITY_COUNTY | TOWNSHIP),
    (2110, "治安管理", CITY_COUNTY),
    (2111, "筹资筹劳", TOWNSHIP),
    (2112, "社会救助", CITY_COUNTY | TOWNSHIP),
)
ARTICLE_21_ITEMS: tuple[tuple[int, str], ...] = tuple(
    (number, ARTICLE_21_PREFIX + topic) for number, topic, _ in ARTICLE_21_TOPICS
)
ARTICLE_21 = dict(ARTICLE_21_ITEMS)
ARTICLE_21_LEVELS: dict[int, frozenset[str]] = {n: levels for n, _, levels in ARTICLE_21_TOPICS}
# Every item's label by number (Art. 20's, then Art. 21's): how a record's `items` are shown.
ITEMS = {**ARTICLE_20, **ARTICLE_21}
ALL_ITEMS: tuple[tuple[int, str], ...] = ARTICLE_20_ITEMS + ARTICLE_21_ITEMS
# Who Art. 21 applies to, in words (the refusal says it).
ARTICLE_21_WHO: dict[frozenset[str], str] = {
    CITY_COUNTY: "设区的市级、县级人民政府及其部门",
    TOWNSHIP: "乡（镇）人民政府",
    CITY_COUNTY | TOWNSHIP: "设区的市级、县级人民政府及其部门和乡（镇）人民政府",
}


def article_21_applies(item: int, level: str, parent_level: str | None) -> bool:
    """Whether Art. 21 item `item` applies to an agency of `level` whose parent is of
    `parent_level`. A department counts only under a city or district (county) government: a
    province and its departments have Art. 20's items only (Art. 21 names 设区的市级 and 县级
    governments, not provinces). Level.CITY is taken as 设区的市 (the register does not tell a city
    with districts from one without), Level.TOWNSHIP as 乡（镇）."""
    levels = ARTICLE_21_LEVELS.get(item)
    if levels is None or level not in levels:
        return False
    return level != Level.DEPARTMENT or parent_level in (Level.CITY, Level.DISTRICT)


def items_for(agency: Agency) -> tuple[tuple[int, str], ...]:
    """The items `agency` publishes under: Art. 20's fifteen, then the Art. 21 items of its
    level."""
    parent_level = agency.parent.level if agency.parent is not None else None
    return ARTICLE_20_ITEMS + tuple(
        (n, label)
        for n, label in ARTICLE_21_ITEMS
        if article_21_applies(n, agency.level, parent_level)
    )


def item_refusal(item: int, agency: Agency) -> str | None:
    """Why `item` cannot be given to a record of `agency` (a Chinese sentence), or None."""
    if item in ARTICLE_20 or any(n == item for n, _ in items_for(agency)):
        return None
    if item in ARTICLE_21:
        who = ARTICLE_21_WHO[ARTICLE_21_LEVELS[item]]
        return (
            f"“{ARTICLE_21[item]}”不适用于{agency.name}（{agency.get_level_display()}）："
            f"条例第二十一条规定的这一事项由{who}公开。"
        )
    return f"条例第二十条、第二十一条没有第 {item} 项。"


class Kind(models.TextChoices):
    """What a record is; 规章 and 行政规范性文件 have a lifecycle (table 2 counts them)."""

    REGULATION = "regulation", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    INTERPRETATION = "interpretation", "政策解读"
    INTERVIEW = "interview", "在线访谈"
    OTHER = "other", "其他"


LIFECYCLE_KINDS = frozenset({Kind.REGULATION, Kind.NORMATIVE})


class Status(models.TextChoices):
    """The workflow: draft → 保密审查 → published; a withdrawal keeps the record."""

    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "保密审查中"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class Validity(models.TextChoices):
    """有效性 of a 规章 or 规范性文件."""

    IN_FORCE = "in_force", "有效"
    AMENDED = "amended", "已修改"
    REPEALED = "repealed", "已废止"


class Channel(models.TextChoices):
    """公开方式 (条例第二十三、二十四条)."""

    WEBSITE = "website", "政府网站"
    WEIBO = "weibo", "政务微博"
    WECHAT = "wechat", "微信公众号"
    GAZETTE = "gazette", "政府公报"
    PRESS = "press", "新闻发布会"
    BOARD = "board", "公开栏"


# A record's language is a BCP 47 tag (`lang` on its page); these are named in the UI, any other
# well-formed tag is accepted too.
LANGUAGES: dict[str, str] = {
    "zh-hans": "中文",
    "en": "English",
    "ja": "日本語",
    "ko": "한국어",
    "fr": "Français",
    "ru": "Русский",
}


class Opinion(models.TextChoices):
    """保密审查 (条例第十七条) opinion."""

    APPROVED = "approved", "同意公开"
    REJECTED = "rejected", "不同意公开"
