"""The register's vocabularies, in one place: Art. 20's items, channels, kinds, languages."""

from __future__ import annotations

from django.db import models

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
