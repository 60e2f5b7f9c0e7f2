"""The demo: a city's agency tree, its staff, and realistic applications over 2025 and 2026.

`demo_load()` runs once: a second call finds the demo city and does nothing. Everything goes
through the services, so the demo's timelines pass the same checks as an officer's. Its accounts
share one printed password, so it loads only under the demo profile (`XXGK_PROFILE=demo`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from xxgk.agencies.models import Agency, Level, Role
from xxgk.agencies.services import agency_create, membership_add
from xxgk.appeals.services import AppealData, appeal_answer, appeal_decide, appeal_register
from xxgk.applications.clock import calendar_current
from xxgk.applications.identifiers import credit_code_check_char, id_number_check_char
from xxgk.applications.models import Application, ApplicationEvent
from xxgk.applications.services import (
    ApplicantData,
    application_event_record,
    application_register,
)
from xxgk.disclosures.demo import disclosures_demo_load
from xxgk.enquiries.demo import enquiries_demo_load
from xxgk.online.demo import online_demo_load
from xxgk.portal.demo import portal_demo_load
from xxgk.report import editions
from xxgk.reports.demo import reports_demo_load
from xxgk.workdays import Calendar
from xxgk.workdays.clock import EventKind as K

CITY = "江城市人民政府"
PASSWORD = "xxgk-demo"  # noqa: S105 -- the demo accounts are printed for everyone


@dataclass(frozen=True)
class Account:
    username: str
    name: str
    agency: str
    role: Role
    title: str = ""
    superuser: bool = False


ACCOUNTS = (
    Account("admin", "系统管理员", CITY, Role.ADMINISTRATOR, "信息中心", superuser=True),
    Account("officer", "李明", "江城市自然资源和规划局", Role.OFFICER, "政务公开科科员"),
    Account("head", "王芳", "江城市自然资源和规划局", Role.HEAD, "办公室主任"),
    Account("supervisor", "陈静", CITY, Role.SUPERVISOR, "市政务公开办"),
    Account("office", "周洁", "江城市人民政府办公室", Role.OFFICER),
    Account("office_head", "孙伟", "江城市人民政府办公室", Role.HEAD, "政务公开科科长"),
    Account("eco", "吴磊", "江城市生态环境局", Role.OFFICER),
    Account("eco_head", "郑红", "江城市生态环境局", Role.HEAD, "办公室主任"),
    Account("housing", "冯涛", "江城市住房和城乡建设局", Role.OFFICER),
    Account("district", "赵强", "江城市东湖区人民政府", Role.OFFICER),
    Account("district_head", "钱敏", "江城市东湖区人民政府", Role.HEAD, "区政府办公室副主任"),
    Account("township", "黄勇", "东湖区青山镇人民政府", Role.OFFICER),
)

TREE = (
    (CITY, Level.CITY, None),
    ("江城市人民政府办公室", Level.DEPARTMENT, CITY),
    ("江城市自然资源和规划局", Level.DEPARTMENT, CITY),
    ("江城市生态环境局", Level.DEPARTMENT, CITY),
    ("江城市住房和城乡建设局", Level.DEPARTMENT, CITY),
    ("江城市东湖区人民政府", Level.DISTRICT, CITY),
    ("东湖区青山镇人民政府", Level.TOWNSHIP, "江城市东湖区人民政府"),
)


def _person(seq: int) -> tuple[str, str]:
    """A made-up natural person with a well-formed ID number (region code of a fictitious
    area, check digit computed)."""
    surnames = "张王李刘陈杨黄赵周吴徐孙马朱胡郭何林罗高"
    given = ("建国", "秀英", "志强", "丽娟", "海燕", "国庆", "春梅", "德明", "晓东", "玉兰")
    name = surnames[seq % len(surnames)] + given[seq % len(given)]
    body = f"990101{1960 + seq % 40}{1 + seq % 12:02d}{1 + seq % 28:02d}{seq % 1000:03d}"
    return name, body + id_number_check_char(body)


def _company(seq: int, kind: str) -> tuple[str, str]:
    names = {
        "commercial": "江城{}置业有限公司",
        "research": "江城{}环境科学研究所",
        "social_welfare": "江城{}公益服务中心",
        "legal_service": "江城{}律师事务所",
        "other_org": "江城市{}社区居民委员会",
    }
    word = "东南西北中新和顺"[seq % 8]
    first = {
        "commercial": "91",
        "research": "12",
        "social_welfare": "52",
        "legal_service": "31",
        "other_org": "55",
    }[kind]
    body = f"{first}990100{'MA0' if kind == 'commercial' else '000'}{seq:05d}X"[:17]
    body = body.replace("X", "8")
    return names[kind].format(word), body + credit_code_check_char(body)


Extra = dict[str, Any]


@dataclass
class Case:
    """A demo application: its receipt, and its events `after` working days of the receipt."""

    agency: str
    kind: str  # applicant kind
    channel: str
    text: str
    received: date
    events: list[tuple[K, int, Extra]] = field(default_factory=list)
    applicant: int | None = None  # the same applicant as another case (seq), e.g. 按件 fees
    appeals: list[Extra] = field(default_factory=list)


# What a reply letter states beside its reasons: how the information is provided, or where to
# go instead (the letter needs it for these outcomes).
DETAILS = {
    ("granted", 0): "在江城市人民政府门户网站“政府信息公开”专栏“计划规划”栏目查阅",
    ("granted", 1): "纸质复印件随本答复书邮寄",
    ("partial", 0): "可以公开部分的复印件随本告知书邮寄",
    ("denied_admin_query", 0): (
        "请依照《不动产登记暂行条例》及其实施细则的规定，持本人身份证明向江城市不动产登记中心"
        "申请查询"
    ),
    ("not_processed_publication", 0): (
        "《江城市人民政府公报》可在江城市人民政府门户网站“政府公报”栏目免费查阅，"
        "或到江城市档案馆、图书馆查阅"
    ),
}


def _reply(after: int, outcome: str, note: str, ground: int = 0) -> tuple[K, int, Extra]:
    row = editions.get("2021").application_row(outcome)
    return (
        K.REPLY_SENT,
        after,
        {
            "outcome": outcome,
            "ground": row.grounds[ground],
            "note": note,
            "detail": DETAILS.get((outcome, ground), ""),
        },
    )


def _ack() -> tuple[K, int, Extra]:
    return (K.ACKNOWLEDGED, 0, {})


ZRZY, OFFICE, ECO, HOUSING = (
    "江城市自然资源和规划局",
    "江城市人民政府办公室",
    "江城市生态环境局",
    "江城市住房和城乡建设局",
)
DISTRICT, TOWNSHIP = "江城市东湖区人民政府", "东湖区青山镇人民政府"

# Letter settings of each agency: 机关代字, the review body and the court its replies name.
LETTER_SETTINGS = {
    CITY: ("江府", "江城省人民政府", "江城市中级人民法院"),
    OFFICE: ("江府办", "江城市人民政府", "江城市江南区人民法院"),
    ZRZY: ("江自然资", "江城市人民政府", "江城市江南区人民法院"),
    ECO: ("江环", "江城市人民政府", "江城市江南区人民法院"),
    HOUSING: ("江住建", "江城市人民政府", "江城市江南区人民法院"),
    DISTRICT: ("东府", "江城市人民政府", "江城市中级人民法院"),
    TOWNSHIP: ("青山", "江城市东湖区人民政府", "江城市东湖区人民法院"),
}

# One 2025 case for every outcome row of the 2021 edition (the text says what was asked).
OUTCOME_CASES: dict[str, tuple[str, str, str, str]] = {
    "granted": (ZRZY, "natural_person", "online", "2025年度江城市国有建设用地供应计划"),
    "partial": (ZRZY, "natural_person", "letter", "青山镇石桥村集体土地征收补偿安置方案及补偿明细"),
    "denied_state_secret": (OFFICE, "natural_person", "letter", "江城市人民防空工程分布图"),
    "denied_law_forbidden": (ECO, "commercial", "online", "某企业环境违法案件举报人的身份信息"),
    "denied_three_safeties": (
        HOUSING,
        "natural_person",
        "online",
        "江城市城市供水管网及加压站布局详图",
    ),
    "denied_third_party": (ECO, "commercial", "email", "江城某化工企业的生产工艺及原料配方"),
    "denied_internal_affairs": (
        OFFICE,
        "natural_person",
        "in_person",
        "市政府办公室2025年公务用车内部调度记录",
    ),
    "denied_process_info": (
        ZRZY,
        "legal_service",
        "letter",
        "国土空间总体规划编制过程中的内部讨论记录",
    ),
    "denied_enforcement_file": (ECO, "natural_person", "online", "某企业环境行政处罚案卷全部材料"),
    "denied_admin_query": (ZRZY, "natural_person", "in_person", "本人名下房屋的不动产登记簿"),
    "unable_not_held": (HOUSING, "natural_person", "online", "江城市1985年城市房屋拆迁档案"),
    "unable_needs_creation": (
        DISTRICT,
        "research",
        "email",
        "东湖区近十年各乡镇空气质量对比分析报告",
    ),
    "unable_unclear_after_correction": (DISTRICT, "natural_person", "letter", "关于我家的相关文件"),
    "not_processed_petition": (
        TOWNSHIP,
        "natural_person",
        "letter",
        "要求查处邻居违章建筑并答复处理结果",
    ),
    "not_processed_duplicate": (
        ZRZY,
        "natural_person",
        "online",
        "2025年度江城市国有建设用地供应计划（重复申请）",
    ),
    "not_processed_publication": (
        OFFICE,
        "social_welfare",
        "online",
        "2024年《江城市人民政府公报》全年各期",
    ),
    "not_processed_massive": (
        DISTRICT,
        "natural_person",
        "online",
        "东湖区2000年以来全部行政许可文件",
    ),
    "not_processed_confirm": (
        HOUSING,
        "commercial",
        "letter",
        "确认贵局2024年出具的备案证明真实有效",
    ),
    "other_no_correction": (TOWNSHIP, "natural_person", "letter", "那块地的批文"),
    "other_no_fee": (ZRZY, "commercial", "online", "2010年至2025年全部土地出让合同纸质复印件"),
    "other_other": (ECO, "other_org", "in_person", "社区周边企业排污许可证副本"),
}

# What the officer found, as the letter states it before citing the Article (a refusal must
# give its reasons: 条例第三十六条第（三）项).
NOTES = {
    "granted": "所申请信息已于2025年1月主动公开。",
    "partial": "补偿明细中涉及其他被征收人的姓名、身份证号码、银行账号等个人隐私，已作遮盖处理。",
    "denied_state_secret": "所申请的人民防空工程分布图已依法确定为国家秘密，保密期限尚未届满。",
    "denied_law_forbidden": (
        "举报人的身份信息依照《中华人民共和国环境保护法》第五十七条第三款的规定应当予以保密。"
    ),
    "denied_three_safeties": (
        "城市供水管网及加压站布局详图涉及城市供水设施安全，公开后可能危及公共安全。"
    ),
    "denied_third_party": "所申请的生产工艺及原料配方属于该企业的商业秘密，公开会损害其合法权益。",
    "denied_internal_affairs": "公务用车内部调度记录属于本机关的内部事务信息。",
    "denied_process_info": "所申请的记录是国土空间总体规划编制过程中形成的内部讨论记录。",
    "denied_enforcement_file": "所申请的材料属于该行政处罚案件的行政执法案卷。",
    "denied_admin_query": "不动产登记簿的查询属于不动产登记资料查询事项，另有专门规定。",
    "unable_not_held": "经检索本机关及市档案馆馆藏档案，未找到1985年城市房屋拆迁档案。",
    "unable_needs_creation": (
        "本机关未制作各乡镇空气质量对比分析报告，需对现有监测数据另行汇总、分析才能形成。"
    ),
    "not_processed_petition": "申请内容为要求查处违章建筑并答复处理结果，属于投诉、举报事项。",
    "not_processed_duplicate": "你此前已就同一内容提出申请，本机关已作出答复。",
    "not_processed_publication": "《江城市人民政府公报》为公开出版物，可通过公开渠道获取。",
    "not_processed_confirm": "申请内容为要求确认备案证明真实有效，属于要求行政机关确认已获取信息。",
}


def _outcome_events(outcome: str, note: str) -> list[tuple[K, int, Extra]]:
    """The timeline of the 2025 case that ends in `outcome` (working days after receipt)."""
    # Built lazily: a reply row is looked up only for its own outcome.
    special: dict[str, Callable[[], list[tuple[K, int, Extra]]]] = {
        "other_no_correction": lambda: [
            (
                K.CORRECTION_REQUESTED,
                3,
                {"note": "所需信息的名称、文号或者便于查询的其他特征性描述。", "days": 10},
            ),
            (K.CORRECTION_EXPIRED, 16, {"note": "你在补正期限内未补正，亦未说明正当理由。"}),
        ],
        "other_no_fee": lambda: [
            (
                K.FEE_NOTICE_SENT,
                5,
                {"fee_basis": "pages", "pages": 250, "note": "申请复制纸质合同 250 页。"},
            ),
            (K.FEE_NOTICE_DELIVERED, 7, {"note": "EMS 妥投。"}),
            (K.FEE_EXPIRED, 29, {"note": "申请人逾期未缴纳信息处理费。"}),
        ],
        "other_other": lambda: [(K.WITHDRAWN, 4, {"note": "申请人书面撤回申请。"})],
        "unable_unclear_after_correction": lambda: [
            (K.CORRECTION_REQUESTED, 2, {"note": "所需文件的名称或文号。"}),
            (K.CORRECTION_RECEIVED, 8, {}),
            _reply(14, outcome, "补正后仍未能明确所需信息的名称、文号或者其他特征性描述。"),
        ],
        "partial": lambda: [
            (
                K.CONSULTATION_OPENED,
                4,
                {
                    "party": "刘某某",
                    "party_is_person": True,
                    "detail": "补偿明细中刘某某的房屋面积、补偿款数额及银行账号。",
                },
            ),
            (K.CONSULTATION_DELIVERED, 5, {}),
            (
                K.CONSULTATION_OPENED,
                5,
                {
                    "party": "陈某某",
                    "party_is_person": True,
                    "delivered_on": 5,
                    "detail": "补偿明细中陈某某的房屋面积、补偿款数额及银行账号。",
                },
            ),
            (K.CONSULTATION_ANSWERED, 11, {"ref": 0, "note": "不同意公开其个人信息。"}),
            (K.CONSULTATION_ANSWERED, 13, {"ref": 1, "note": "不同意公开其个人信息。"}),
            _reply(18, outcome, note),
        ],
        "not_processed_massive": lambda: [
            (
                K.REASONS_REQUESTED,
                3,
                {"note": "你自2025年1月起已提出政府信息公开申请86件"},
            ),
            (K.REASONS_RECEIVED, 9, {"note": "申请人称用于研究，未说明与其生产生活的关系。"}),
            _reply(
                12,
                outcome,
                "你说明的理由为“用于研究”，未说明所需信息与研究的关系及数量、频次的必要性。",
            ),
        ],
    }
    if outcome in special:
        return [_ack(), *special[outcome]()]
    return [_ack(), _reply(10, outcome, note)]


def _outcome_case(i: int, outcome: str) -> Case:
    agency, kind, channel, text = OUTCOME_CASES[outcome]
    note = NOTES.get(outcome, "")
    received = date(2025, 2, 10) + timedelta(days=16 * i)
    appeals = []
    if outcome == "denied_process_info":  # reviewed and upheld
        appeals.append({"kind": "review", "after": 30, "decided": 70, "decision": "upheld"})
    if outcome == "unable_not_held":  # sued directly; the court rejects the claim
        appeals.append(
            {"kind": "litigation", "after": 40, "decided": 120, "decision": "claim_rejected"}
        )
    return Case(
        agency, kind, channel, text, received, _outcome_events(outcome, note), None, appeals
    )


def _frequent_applicant() -> list[Case]:
    """One company's eleven applications in March 2025: the eleventh costs 100 元 按件 (109号
    第四条), and the fee is waived."""
    cases = [
        Case(
            ZRZY,
            "commercial",
            "online",
            f"江城市2025年第{n}批次建设用地批准文件",
            date(2025, 3, 3) + timedelta(days=2 * n),
            [_ack(), _reply(8, "granted", "该批次文件已于批准后主动公开。", ground=0)],
            applicant=900,
        )
        for n in range(1, 11)
    ]
    cases.append(
        Case(
            ZRZY,
            "commercial",
            "online",
            "江城市2025年第11批次建设用地批准文件",
            date(2025, 3, 26),
            [
                _ack(),
                (K.FEE_NOTICE_SENT, 2, {"fee_basis": "count", "note": "本月第 11 件申请。"}),
                (K.FEE_WAIVED, 4, {"note": "该批次文件已主动公开，经研究减免信息处理费。"}),
                _reply(6, "granted", "该批次文件已于批准后主动公开。", ground=0),
            ],
            applicant=900,
        )
    )
    cases.append(
        Case(
            ZRZY,
            "commercial",
            "letter",
            "2024年江城市国有土地使用权出让合同纸质复印件",
            date(2025, 6, 9),
            [
                _ack(),
                (K.FEE_NOTICE_SENT, 3, {"fee_basis": "pages", "pages": 130}),
                (K.FEE_NOTICE_DELIVERED, 5, {}),
                (K.FEE_PAID, 9, {}),
                _reply(14, "granted", "复印件随本答复邮寄。", ground=1),
                (
                    K.FEE_REFUNDED,
                    16,
                    {"amount": "200.00", "note": "实际复印 110 页，退还多收的 20 页费用。"},
                ),
            ],
        )
    )
    return cases


def _carried_and_open(today: date) -> list[Case]:
    """Cases open at the end of 2025, and 2026's cases still open today at various stages;
    `received` of the open ones is counted back in working days from today."""
    cases = [
        Case(
            ZRZY,
            "natural_person",
            "letter",
            "江城大道拓宽工程建设用地批复文件",
            date(2025, 12, 22),
            [_ack(), _reply(12, "granted", "批复文件复印件共3页。", ground=1)],
        ),
        Case(
            DISTRICT,
            "commercial",
            "online",
            "东湖区2025年度棚户区改造项目资金拨付明细",
            date(2025, 12, 26),
            [
                _ack(),
                (K.EXTENSION_APPROVED, 15, {"days": 15, "note": "涉及多个部门，需汇总核实"}),
                _reply(27, "partial", "部分资金拨付明细涉及企业商业秘密，不予公开。"),
            ],
        ),
        Case(
            HOUSING,
            "natural_person",
            "letter",
            "青山新村老旧小区改造工程招标文件",
            date(2025, 12, 15),
            [_ack()],
        ),
        Case(
            ECO,
            "other_org",
            "letter",
            "江城化工园区某企业2025年自行监测数据",
            date(2025, 12, 1),
            [
                _ack(),
                (
                    K.CONSULTATION_OPENED,
                    3,
                    {
                        "party": "江城某化工有限公司",
                        "delivered_on": 4,
                        "detail": "贵公司2025年自行监测数据（废气、废水排放浓度）。",
                    },
                ),
                (K.CONSULTATION_ANSWERED, 10, {"note": "不同意公开，称涉及商业秘密。"}),
                (
                    K.THIRD_PARTY_NOTIFIED,
                    12,
                    {
                        "detail": "江城某化工有限公司2025年自行监测数据（废气、废水排放浓度）。",
                        "note": "监测数据关系周边居民身体健康，不公开可能对公共利益造成重大影响",
                    },
                ),
                _reply(14, "granted", "监测数据随本答复提供。", ground=1),
            ],
        ),
    ]
    for back, agency, kind, channel, text, events in (
        (30, ZRZY, "natural_person", "online", "东湖区湖滨片区控制性详细规划批复", []),
        (19, ZRZY, "commercial", "letter", "江城工业园三期用地规划条件", []),
        (17, OFFICE, "natural_person", "online", "2026年江城市政府常务会议议定事项督办情况", []),
        (
            14,
            ECO,
            "research",
            "email",
            "2026年江城市重点排污单位名录及监测数据",
            [
                (
                    K.CONSULTATION_OPENED,
                    4,
                    {"party": "江城某化工有限公司", "detail": "贵公司2026年排污许可执行报告。"},
                )
            ],
        ),
        (
            7,
            ZRZY,
            "natural_person",
            "in_person",
            "本村土地利用总体规划图",
            [(K.CORRECTION_REQUESTED, 2, {"note": "村名及所需规划图的年份。"})],
        ),
        (9, DISTRICT, "natural_person", "online", "东湖区2026年义务教育学校划片方案", []),
        (
            11,
            ZRZY,
            "commercial",
            "online",
            "2015年至2026年全部国有土地使用权出让合同",
            [
                (K.FEE_NOTICE_SENT, 3, {"fee_basis": "pages", "pages": 130}),
                (K.FEE_NOTICE_DELIVERED, 5, {}),
            ],
        ),
        (
            12,
            DISTRICT,
            "natural_person",
            "online",
            "东湖区2010年以来全部征地批复、补偿方案和安置明细",
            [
                (K.REASONS_REQUESTED, 2, {"note": "你本月已提出同类申请40件，请说明理由。"}),
                (K.REASONS_RECEIVED, 5, {"note": "申请人称系为集体诉讼收集证据。"}),
                (
                    K.LATER_DEADLINE_SET,
                    6,
                    {"until": 45, "note": "所需信息分散于多个年度档案，需逐卷检索。"},
                ),
            ],
        ),
        (2, TOWNSHIP, "natural_person", "in_person", "青山镇2026年低保对象公示名单", []),
        (4, HOUSING, "legal_service", "letter", "某楼盘预售许可及竣工验收备案材料", []),
    ):
        cases.append(
            Case(agency, kind, channel, text, _workdays_before(today, back), [_ack(), *events])
        )
    cases.append(  # replied, then a review whose written answer is due within days
        Case(
            OFFICE,
            "natural_person",
            "online",
            "江城市2026年重点民生实事项目资金安排",
            _workdays_before(today, 30),
            [_ack(), _reply(16, "denied_process_info", "所申请信息为尚在研究的过程稿。")],
            appeals=[{"kind": "review", "after": 27}],
        )
    )
    return cases


def _calendar() -> Calendar:
    return calendar_current()


def _workday_on_or_after(day: date) -> date:
    return _calendar().workday_on_or_after(day)


def _workdays_after(day: date, n: int) -> date:
    return _calendar().add_workdays(day, n).end if n else _workday_on_or_after(day)


def _workdays_before(day: date, n: int) -> date:
    """The n-th working day before `day` (a working day on or before it when n is 0)."""
    calendar = _calendar()
    while not calendar.day(day).workday:
        day -= timedelta(days=1)
    while n > 0:
        day -= timedelta(days=1)
        n -= calendar.day(day).workday
    return day


def _applicant(seq: int, kind: str) -> ApplicantData:
    if kind == "natural_person":
        name, id_number = _person(seq)
        return ApplicantData(
            kind,
            name,
            id_number=id_number,
            phone=f"139{seq:08d}",
            address=f"江城市东湖区湖滨路{seq + 1}号",
        )
    name, code = _company(seq, kind)
    return ApplicantData(
        kind,
        name,
        credit_code=code,
        contact_person=_person(seq)[0],
        phone=f"0599-8{seq:06d}",
        email=f"contact{seq}@example.com",
        address=f"江城市江城大道{100 + seq}号",
    )


def _officer_for(agency: str, users: dict[str, User]) -> User:
    account = next(a for a in ACCOUNTS if a.agency == agency and a.role == Role.OFFICER)
    return users[account.username]


def _head_for(agency: str, users: dict[str, User]) -> User:
    account = next(a for a in ACCOUNTS if a.agency == agency and a.role == Role.HEAD)
    return users[account.username]


class DemoRefused(Exception):
    """The demo was asked for outside the demo profile; the message (Chinese) says why."""


def demo_allowed() -> bool:
    return settings.XXGK_PROFILE == "demo"


def demo_loaded() -> bool:
    return Agency.objects.filter(name=CITY, parent__isnull=True).exists()


@transaction.atomic
def demo_load(today: date | None = None) -> bool:
    """Load the demo unless it is there already; True if it was loaded now.

    Raises DemoRefused outside the demo profile: accounts with a published password must never
    reach a production database.
    """
    if not demo_allowed():
        raise DemoRefused(
            f"当前配置为 {settings.XXGK_PROFILE}：演示数据（含公开密码的演示账号）只能在演示配置下"
            "载入，请设置 XXGK_PROFILE=demo（make run 已设置）。"
        )
    if demo_loaded():
        return False
    today = today or timezone.localdate()
    agencies: dict[str, Agency] = {}
    for name, level, parent in TREE:
        short, review_body, court = LETTER_SETTINGS[name]
        agencies[name] = agency_create(
            actor=None,
            name=name,
            level=level,
            parent=agencies.get(parent or ""),
            address=f"江城市江城大道{len(agencies) + 1}号",
            phone=f"0599-6{len(agencies) + 1:06d}",
            short_name=short,
            review_body=review_body,
            court=court,
        )
    users: dict[str, User] = {}
    for a in ACCOUNTS:
        user = User.objects.filter(username=a.username).first()
        if user is None:
            user = User(
                username=a.username,
                first_name=a.name,
                is_staff=a.superuser,
                is_superuser=a.superuser,
            )
            user.set_password(PASSWORD)
            user.save()
        users[a.username] = user
        membership_add(actor=None, user=user, agency=agencies[a.agency], role=a.role, title=a.title)
    outcomes = [r.key for r in editions.get("2021").outcome_rows]
    cases = [
        *(_outcome_case(i, key) for i, key in enumerate(outcomes)),
        *_frequent_applicant(),
        *_carried_and_open(today),
    ]
    for seq, case in enumerate(cases):
        _load_case(case, seq, agencies[case.agency], users, today)
    disclosures_demo_load(agencies, users, today)
    portal_demo_load(agencies, today)
    online_demo_load(agencies, users, today)
    reports_demo_load(agencies, users, today)
    enquiries_demo_load(agencies, today)
    return True


def _load_case(case: Case, seq: int, agency: Agency, users: dict[str, User], today: date) -> None:
    """Register the case and record its events (and appeals) up to today, on working days."""
    officer = _officer_for(case.agency, users)
    received = _workday_on_or_after(case.received)
    if received > today:
        return
    application = application_register(
        user=officer,
        agency=agency,
        applicant=_applicant(case.applicant if case.applicant is not None else seq, case.kind),
        channel=case.channel,
        request_text=case.text,
        received_on=received,
    )
    letters: list[ApplicationEvent] = []  # consultation letters, for answers that name one
    for kind, after, extra in case.events:
        on = _workdays_after(received, after)
        if on > today:
            break
        fields = dict(extra)
        for key in ("delivered_on", "until"):
            if key in fields:
                fields[key] = _workdays_after(received, fields[key])
        if fields.get("delivered_on", on) > today:
            del fields["delivered_on"]
        if "ref" in fields:
            fields["ref"] = letters[fields["ref"]]
        if "amount" in fields:
            fields["amount"] = Decimal(fields["amount"])
        actor = _head_for(case.agency, users) if kind == K.EXTENSION_APPROVED else officer
        event = application_event_record(
            user=actor, application=application, kind=kind, on=on, **fields
        )
        if kind == K.CONSULTATION_OPENED:
            letters.append(event)
    for appeal in case.appeals:
        _load_appeal(appeal, application, officer, today)


def _load_appeal(spec: Extra, application: Application, officer: User, today: date) -> None:
    received = application.received_on
    assert received is not None
    copy = _workdays_after(received, spec["after"])
    if copy > today:
        return
    agency = application.agency
    review = spec["kind"] == "review"
    _, review_body, court = LETTER_SETTINGS[agency.name]
    appeal = appeal_register(
        user=officer,
        agency=agency,
        data=AppealData(
            kind=spec["kind"],
            body=review_body if review else court,
            case_number=(
                f"{review_body[:2]}府复〔{copy.year}〕{application.pk}号"
                if review
                else f"（{copy.year}）{court[:2]}0102行初{application.pk}号"
            ),
            copy_received_on=copy,
            application_number=application.number,
            accepted_on=_workdays_before(copy, 3),
        ),
    )
    decided = spec.get("decided")
    if decided is not None and _workdays_after(received, decided) <= today:
        appeal_answer(user=officer, appeal=appeal, answered_on=_workdays_after(copy, 5))
        decision = f"{spec['kind']}_{spec['decision']}"
        appeal_decide(
            user=officer,
            appeal=appeal,
            decision=decision,
            decided_on=_workdays_after(received, decided),
        )


def demo_accounts() -> list[tuple[str, str, str]]:
    """(username, password, what the account is) for printing."""
    return [
        (
            a.username,
            PASSWORD,
            f"{a.name}，{a.agency}·{a.role.label}" + ("，超级用户" if a.superuser else ""),
        )
        for a in ACCOUNTS
    ]
