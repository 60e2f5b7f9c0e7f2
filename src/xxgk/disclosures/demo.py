"""Demo records of the register, for the demo agencies (`xxgk.site.demo.TREE`).

The seed report (a city's foreign-affairs office, 2020) is the pattern for the city government
office: one 行政规范性文件 with its 政策解读, an online interview about it, and an open letter to
foreign residents in Chinese, English, Japanese and Korean, linked as language versions, on the
website and 政务微博. Every record goes the whole way through the services: drafted by the
officer, reviewed (保密审查) by the head, then published — on working days of 2025.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User

from xxgk.agencies.models import Agency
from xxgk.agencies.services import agency_update
from xxgk.applications.clock import calendar_current
from xxgk.disclosures.choices import Channel, Kind, Opinion, Validity
from xxgk.disclosures.figures import figures_enter
from xxgk.disclosures.models import Disclosure, Theme
from xxgk.disclosures.services import (
    DisclosureData,
    disclosure_create,
    disclosure_publish,
    disclosure_review,
    disclosure_submit,
    disclosure_validity_change,
)

OFFICE = "江城市人民政府办公室"
NATURAL_RESOURCES = "江城市自然资源和规划局"
ECOLOGY = "江城市生态环境局"
DISTRICT = "江城市东湖区人民政府"

# Who drafts and who reviews, by agency (demo accounts of xxgk.site.demo).
STAFF = {
    OFFICE: ("office", "office_head"),
    NATURAL_RESOURCES: ("officer", "head"),
    ECOLOGY: ("eco", "eco_head"),
    DISTRICT: ("district", "district_head"),
}
CODES = {  # 统一社会信用代码 for the 索引号 (fictitious, well-formed length)
    OFFICE: "11320400MB0000001A",
    NATURAL_RESOURCES: "11320400MB0000002B",
    ECOLOGY: "11320400MB0000003C",
    DISTRICT: "11320402MB0000004D",
}


@dataclass(frozen=True)
class Item:
    key: str
    agency: str
    title: str
    made: date
    kind: str = Kind.OTHER
    number: str = ""
    items: tuple[int, ...] = ()
    themes: tuple[str, ...] = ("综合政务",)
    summary: str = ""
    body: str = ""
    language: str = "zh-hans"
    translation_of: str = ""  # key of the original
    related_to: str = ""  # key of what it explains or is about
    channels: tuple[str, ...] = (Channel.WEBSITE,)
    publish_after: int = 3  # working days after made (the review the day before)
    repealed: tuple[date, str] | None = None  # (on, superseded by key)


_LETTER = "致在江城外籍人士的一封公开信"
ITEMS: tuple[Item, ...] = (
    Item(
        "foreign_rules",
        OFFICE,
        "江城市外国人来江城工作和生活服务管理办法",
        date(2025, 3, 12),
        Kind.NORMATIVE,
        "江政办规〔2025〕1号",
        (1,),
        ("外交、外事",),
        "规范外国人来江城工作、居留、生活的服务管理，明确部门职责和办事流程。",
        "<h2>第一章 总则</h2><p>第一条 为做好外国人来江城工作和生活的服务管理……</p>",
        channels=(Channel.WEBSITE, Channel.WEIBO, Channel.GAZETTE),
    ),
    Item(
        "foreign_rules_explained",
        OFFICE,
        "《江城市外国人来江城工作和生活服务管理办法》政策解读",
        date(2025, 3, 13),
        Kind.INTERPRETATION,
        items=(1,),
        themes=("外交、外事",),
        summary="解读办法的出台背景、主要内容和办事指引。",
        body="<p>一、出台背景</p><p>二、主要内容</p><p>三、办事指引</p>",
        related_to="foreign_rules",
    ),
    Item(
        "foreign_rules_interview",
        OFFICE,
        "在线访谈：外国人在江城工作生活服务的新举措",
        date(2025, 4, 8),
        Kind.INTERVIEW,
        themes=("外交、外事",),
        summary="市政府外事办负责人在线解答外国人来江城工作生活的常见问题。",
        related_to="foreign_rules",
        channels=(Channel.WEBSITE, Channel.WECHAT),
    ),
    Item(
        "letter_zh",
        OFFICE,
        _LETTER,
        date(2025, 1, 20),
        themes=("外交、外事",),
        summary="春节期间疫情防控、出行和办事提示。",
        body="<p>在江城工作、学习和生活的外籍朋友们：</p><p>……</p>",
        channels=(Channel.WEBSITE, Channel.WEIBO),
        publish_after=1,
    ),
    Item(
        "letter_en",
        OFFICE,
        "An Open Letter to Foreign Nationals in Jiangcheng",
        date(2025, 1, 20),
        themes=("外交、外事",),
        body="<p>Dear foreign friends working, studying and living in Jiangcheng,</p>",
        language="en",
        translation_of="letter_zh",
        channels=(Channel.WEBSITE, Channel.WEIBO),
        publish_after=1,
    ),
    Item(
        "letter_ja",
        OFFICE,
        "江城市在住外国人の皆様への公開書簡",
        date(2025, 1, 20),
        themes=("外交、外事",),
        body="<p>江城で働き、学び、暮らしている外国人の皆様へ</p>",
        language="ja",
        translation_of="letter_zh",
        channels=(Channel.WEBSITE, Channel.WEIBO),
        publish_after=1,
    ),
    Item(
        "letter_ko",
        OFFICE,
        "장청시 거주 외국인 여러분께 드리는 공개서한",
        date(2025, 1, 20),
        themes=("外交、外事",),
        body="<p>장청에서 일하고 공부하며 생활하시는 외국인 여러분께</p>",
        language="ko",
        translation_of="letter_zh",
        channels=(Channel.WEBSITE, Channel.WEIBO),
        publish_after=1,
    ),
    Item(
        "office_functions",
        OFFICE,
        "江城市人民政府办公室机构职能",
        date(2025, 2, 10),
        items=(2,),
        summary="机关职能、内设机构、办公地址、办公时间和联系方式。",
        body="<p>办公地址：江城市江城大道2号；办公时间：工作日 8:30—12:00，14:00—17:30。</p>",
    ),
    Item(
        "land_rules_old",
        NATURAL_RESOURCES,
        "江城市国有建设用地使用权出让管理规定",
        date(2025, 1, 15),
        Kind.NORMATIVE,
        "江自然资规〔2025〕1号",
        (1,),
        ("国土资源、能源",),
        "国有建设用地使用权出让的程序和要求。",
        "<p>第一条 ……</p>",
        repealed=(date(2025, 9, 1), "land_rules_new"),
    ),
    Item(
        "land_rules_new",
        NATURAL_RESOURCES,
        "江城市国有建设用地使用权出让管理规定（2025年修订）",
        date(2025, 8, 20),
        Kind.NORMATIVE,
        "江自然资规〔2025〕3号",
        (1,),
        ("国土资源、能源",),
        "修订后的出让程序，原规定同时废止。",
        "<p>第一条 ……</p>",
    ),
    Item(
        "land_supply_plan",
        NATURAL_RESOURCES,
        "江城市2025年度国有建设用地供应计划",
        date(2025, 3, 3),
        items=(3,),
        themes=("国土资源、能源", "城乡建设、环境保护"),
        summary="全市2025年度国有建设用地供应总量、结构和布局。",
    ),
    Item(
        "permits_guide",
        NATURAL_RESOURCES,
        "建设用地规划许可办事指南",
        date(2025, 4, 1),
        items=(5,),
        themes=("国土资源、能源",),
        summary="办理依据、条件、程序、时限和材料。",
    ),
    Item(
        "eco_penalties",
        ECOLOGY,
        "江城市生态环境局2025年第三季度行政处罚决定公示",
        date(2025, 10, 10),
        items=(6, 13),
        themes=("城乡建设、环境保护",),
        summary="第三季度作出的具有一定社会影响的行政处罚决定。",
    ),
    Item(
        "eco_fees",
        ECOLOGY,
        "江城市生态环境局行政事业性收费项目及依据",
        date(2025, 2, 20),
        items=(8,),
        themes=("城乡建设、环境保护", "财政、金融、审计"),
        summary="收费项目、依据和标准。",
    ),
    Item(
        "district_budget",
        DISTRICT,
        "东湖区2025年区级财政预算",
        date(2025, 2, 14),
        items=(7,),
        themes=("财政、金融、审计",),
        summary="区级一般公共预算、政府性基金预算和国有资本经营预算。",
    ),
    Item(
        "district_relief",
        DISTRICT,
        "东湖区最低生活保障实施细则",
        date(2025, 5, 9),
        Kind.NORMATIVE,
        "东政规〔2025〕2号",
        (1, 11),
        ("民政、扶贫、救灾",),
        "城乡最低生活保障的申请、审核确认和动态管理。",
    ),
)

# 2025's table-2 figures by agency (cells of the 2021 edition; labels come from it).
FIGURES: dict[str, dict[str, str]] = {
    NATURAL_RESOURCES: {
        "proactive.licensing.decisions": "186",
        "proactive.penalties.decisions": "23",
        "proactive.enforcement.decisions": "2",
        "proactive.fees.amount": "356000",  # 元: printed as 35.6 万元
    },
    ECOLOGY: {
        "proactive.licensing.decisions": "64",
        "proactive.penalties.decisions": "41",
        "proactive.enforcement.decisions": "5",
        "proactive.fees.amount": "0",
    },
    OFFICE: {
        "proactive.licensing.decisions": "0",
        "proactive.penalties.decisions": "0",
        "proactive.enforcement.decisions": "0",
        "proactive.fees.amount": "0",
    },
    DISTRICT: {
        "proactive.licensing.decisions": "312",
        "proactive.penalties.decisions": "57",
        "proactive.enforcement.decisions": "3",
        "proactive.fees.amount": "124500",  # 元: printed as 12.45 万元
    },
}


def _workday(day: date, after: int = 0) -> date:
    calendar = calendar_current()
    day = calendar.workday_on_or_after(day)
    return calendar.add_workdays(day, after).end if after else day


def disclosures_demo_load(agencies: dict[str, Agency], users: dict[str, User], today: date) -> int:
    """Load the demo register (call inside `demo_load`'s transaction, after its agencies and
    users: `agencies` by name, `users` by username). Records dated after `today` are left out.
    Returns how many records were loaded."""
    themes = {t.name: t for t in Theme.objects.filter(parent__isnull=True)}
    for name, code in CODES.items():
        if name in agencies and not agencies[name].organisation_code:
            agency_update(actor=None, agency=agencies[name], organisation_code=code)
    made: dict[str, Disclosure] = {}
    for item in ITEMS:
        if item.agency not in agencies or _workday(item.made, item.publish_after + 1) > today:
            continue
        made[item.key] = _load(item, agencies[item.agency], users, themes, made)
    for item in ITEMS:
        if item.repealed and item.key in made and item.repealed[1] in made:
            on, by = item.repealed
            if on <= today:
                disclosure_validity_change(
                    user=users[STAFF[item.agency][0]],
                    disclosure=made[item.key],
                    validity=Validity.REPEALED,
                    on=_workday(on),
                    superseded_by=made[by],
                )
    if today >= date(2026, 1, 5):
        for name, values in FIGURES.items():
            if name in agencies:
                officer = users[STAFF[name][0]]
                figures_enter(
                    user=officer, agency=agencies[name], year=2025, values=values, source="演示数据"
                )
    return len(made)


def _load(
    item: Item,
    agency: Agency,
    users: dict[str, User],
    themes: dict[str, Theme],
    made: dict[str, Disclosure],
) -> Disclosure:
    officer, head = (users[u] for u in STAFF[item.agency])
    made_on = _workday(item.made)
    saved = disclosure_create(
        user=officer,
        agency=agency,
        data=DisclosureData(
            title=item.title,
            made_on=made_on,
            kind=item.kind,
            document_number=item.number,
            items=item.items,
            summary=item.summary,
            body=item.body,
            language=item.language,
            translation_of=made.get(item.translation_of),
            related_to=made.get(item.related_to),
            themes=tuple(themes[t] for t in item.themes if t in themes),
        ),
    )
    d = disclosure_submit(user=officer, disclosure=saved.disclosure)
    reviewed_on = _workday(made_on, item.publish_after)
    disclosure_review(user=head, disclosure=d, on=reviewed_on, opinion=Opinion.APPROVED)
    return disclosure_publish(
        user=officer,
        disclosure=d,
        published_on=_workday(made_on, item.publish_after + 1),
        channels=item.channels,
    )
