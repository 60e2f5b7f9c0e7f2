"""The demo: a city's agency tree, its staff, and realistic applications over 2025 and 2026.

`demo_load()` runs once: a second call finds the demo city and does nothing. Everything goes
through the services, so the demo's timelines pass the same checks as an officer's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from xxgk.agencies.models import Agency, Level, Role
from xxgk.agencies.services import agency_create, membership_add
from xxgk.applications.identifiers import credit_code_check_char, id_number_check_char
from xxgk.applications.services import (
    ApplicantData,
    application_event_record,
    application_register,
)
from xxgk.report import editions
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


@dataclass
class Case:
    agency: str
    kind: str  # applicant kind
    channel: str
    text: str
    received: date
    events: list[tuple[K, date, dict[str, Any]]] = field(default_factory=list)


def _reply(on: date, outcome: str, note: str, ground: str = "") -> tuple[K, date, dict[str, Any]]:
    row = editions.for_year(on.year).application_row(outcome)
    return (
        K.REPLY_SENT,
        on,
        {"outcome": outcome, "ground": ground or row.grounds[0], "note": note},
    )


ZRZY, OFFICE, ECO, HOUSING = (
    "江城市自然资源和规划局",
    "江城市人民政府办公室",
    "江城市生态环境局",
    "江城市住房和城乡建设局",
)
DISTRICT, TOWNSHIP = "江城市东湖区人民政府", "东湖区青山镇人民政府"

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

NOTES = {
    "granted": "该信息已在本机关门户网站“政府信息公开”专栏主动公开，附件为纸质文本。",
    "partial": "补偿明细中涉及其他被征收人的姓名、身份证号码、银行账号等个人隐私，已作遮盖处理。",
}


def _outcome_case(i: int, outcome: str) -> Case:
    agency, kind, channel, text = OUTCOME_CASES[outcome]
    received = date(2025, 2, 10) + timedelta(days=16 * i)
    note = NOTES.get(outcome, "详见附件说明。")
    if outcome == "other_no_correction":
        events = [
            (
                K.CORRECTION_REQUESTED,
                received + timedelta(days=3),
                {"note": "请写明所需信息的名称、文号或者便于查询的其他特征性描述。"},
            ),
            (
                K.CORRECTION_EXPIRED,
                received + timedelta(days=40),
                {"note": "申请人在补正期限内未补正。"},
            ),
        ]
    elif outcome == "other_no_fee":
        events = [
            (
                K.FEE_NOTICE_SENT,
                received + timedelta(days=7),
                {"amount": "4700.00", "note": "按量收费：复印 250 页。"},
            ),
            (
                K.FEE_EXPIRED,
                received + timedelta(days=45),
                {"note": "申请人逾期未缴纳信息处理费。"},
            ),
        ]
    elif outcome == "other_other":
        events = [(K.WITHDRAWN, received + timedelta(days=5), {"note": "申请人书面撤回申请。"})]
    elif outcome == "unable_unclear_after_correction":
        events = [
            (
                K.CORRECTION_REQUESTED,
                received + timedelta(days=2),
                {"note": "请写明所需文件的名称或文号。"},
            ),
            (K.CORRECTION_RECEIVED, received + timedelta(days=10), {}),
            _reply(received + timedelta(days=20), outcome, "补正后仍未能明确所需信息。"),
        ]
    elif outcome == "partial":
        events = [
            (
                K.CONSULTATION_OPENED,
                received + timedelta(days=5),
                {"note": "书面征求被征收人意见。"},
            ),
            (
                K.CONSULTATION_ANSWERED,
                received + timedelta(days=15),
                {"note": "被征收人不同意公开其个人信息。"},
            ),
            _reply(received + timedelta(days=25), outcome, note),
        ]
    else:
        events = [_reply(received + timedelta(days=12), outcome, note)]
    return Case(agency, kind, channel, text, received, events)


def _carried_and_open(today: date) -> list[Case]:
    """Cases open at the end of 2025, and 2026's cases still open today at various stages."""
    d = timedelta
    cases = [
        Case(
            ZRZY,
            "natural_person",
            "letter",
            "江城大道拓宽工程建设用地批复文件",
            date(2025, 12, 22),
            [_reply(date(2026, 1, 9), "granted", "附件为批复文件复印件。")],
        ),
        Case(
            DISTRICT,
            "commercial",
            "online",
            "东湖区2025年度棚户区改造项目资金拨付明细",
            date(2025, 12, 26),
            [
                (
                    K.EXTENSION_APPROVED,
                    date(2026, 1, 20),
                    {"days": 15, "note": "涉及多个部门，需汇总核实。"},
                ),
                _reply(date(2026, 2, 6), "partial", "部分资金拨付明细涉及企业商业秘密，不予公开。"),
            ],
        ),
        Case(
            HOUSING,
            "natural_person",
            "letter",
            "青山新村老旧小区改造工程招标文件",
            date(2025, 12, 15),
            [],
        ),
    ]
    for offset, agency, kind, channel, text, events in (
        (45, ZRZY, "natural_person", "online", "东湖区湖滨片区控制性详细规划批复", []),
        (27, ZRZY, "commercial", "letter", "江城工业园三期用地规划条件", []),
        (24, OFFICE, "natural_person", "online", "2026年江城市政府常务会议议定事项督办情况", []),
        (
            20,
            ECO,
            "research",
            "email",
            "2026年江城市重点排污单位名录及监测数据",
            [(K.CONSULTATION_OPENED, 6, {"note": "征求相关企业意见。"})],
        ),
        (
            9,
            ZRZY,
            "natural_person",
            "in_person",
            "本村土地利用总体规划图",
            [(K.CORRECTION_REQUESTED, 3, {"note": "请写明村名及所需规划图的年份。"})],
        ),
        (12, DISTRICT, "natural_person", "online", "东湖区2026年义务教育学校划片方案", []),
        (
            16,
            ZRZY,
            "commercial",
            "online",
            "2015年至2026年全部国有土地使用权出让合同",
            [(K.FEE_NOTICE_SENT, 5, {"amount": "2300.00", "note": "按量收费：复印 130 页。"})],
        ),
        (3, TOWNSHIP, "natural_person", "in_person", "青山镇2026年低保对象公示名单", []),
        (6, HOUSING, "legal_service", "letter", "某楼盘预售许可及竣工验收备案材料", []),
    ):
        received = today - d(days=offset)
        cases.append(
            Case(
                agency,
                kind,
                channel,
                text,
                received,
                [(k, received + d(days=after), extra) for k, after, extra in events],
            )
        )
    return cases


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


def demo_loaded() -> bool:
    return Agency.objects.filter(name=CITY, parent__isnull=True).exists()


@transaction.atomic
def demo_load(today: date | None = None) -> bool:
    """Load the demo unless it is there already; True if it was loaded now."""
    if demo_loaded():
        return False
    today = today or timezone.localdate()
    agencies: dict[str, Agency] = {}
    for name, level, parent in TREE:
        agencies[name] = agency_create(
            actor=None,
            name=name,
            level=level,
            parent=agencies.get(parent or ""),
            address=f"江城市江城大道{len(agencies) + 1}号",
            phone=f"0599-6{len(agencies) + 1:06d}",
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
    cases = [_outcome_case(i, key) for i, key in enumerate(outcomes)] + _carried_and_open(today)
    for seq, case in enumerate(cases):
        officer = _officer_for(case.agency, users)
        application = application_register(
            user=officer,
            agency=agencies[case.agency],
            applicant=_applicant(seq, case.kind),
            channel=case.channel,
            request_text=case.text,
            received_on=case.received,
        )
        for kind, on, extra in case.events:
            if on > today:
                continue
            actor = _head_for(case.agency, users) if kind == K.EXTENSION_APPROVED else officer
            application_event_record(user=actor, application=application, kind=kind, on=on, **extra)
    return True


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
