"""Letters to test with: every kind of letter, and a reply for every outcome row of both report
editions with each of its grounds, to a natural person and to an organisation."""

from __future__ import annotations

from datetime import date

from xxgk.applications.fees import fee_by_pages, fee_for_nth
from xxgk.applications.letters.facts import (
    Application,
    Consultation,
    Correction,
    Extension,
    FeeNotice,
    Letter,
    Party,
    ReasonsRequest,
    Receipt,
    Reply,
    Sender,
    ThirdPartyNotice,
)
from xxgk.report import editions

SENDER = Sender(
    agency="江阴市自然资源和规划局",
    address="江阴市澄江中路1号",
    phone="0510-86861234",
    contact="王敏",
    review_body="江阴市人民政府",
    court="无锡市梁溪区人民法院",
    postcode="214400",
)
PERSON = Party("张三", is_person=True)
ORGANISATION = Party("江阴市明达建材有限公司", is_person=False)
THIRD_PARTY = Party("江阴市华澄化工有限公司", is_person=False)
NEIGHBOUR = Party("李四", is_person=True)
AGENCY = Party("江阴市生态环境局", is_person=False)
APPLICATION = Application(
    number="YSQ-2025-0012",
    received_on=date(2025, 10, 8),
    channel="网上申请平台",
    request_text="2024年本市国有建设用地供应计划及其执行情况",
)
DATED = date(2025, 10, 30)
NUMBER = "江自然资信公〔2025〕8号"

# Everything a reply may carry, so that whatever an outcome needs is there. No 你 in the
# officer's words: the form of address is the letter's, and is checked.
ALL_REPLY_FACTS = {
    "reasons": "所申请的信息系本机关报送上级机关的请示报告，经检索核实后作出本决定",
    "delivery": "以电子邮件发送至申请时预留的电子邮箱",
    "attachments": ("2024年江阴市国有建设用地供应计划",),
    "responsible_agency": "江阴市住房和城乡建设局",
    "responsible_contact": "0510-86001234",
    "referral": "依照《不动产登记资料查询暂行办法》向江阴市不动产登记中心申请查询",
}
FREE_CAUSE = "申请人撤回申请"


def make(facts, applicant: Party = PERSON) -> Letter:
    return Letter(SENDER, applicant, APPLICATION, NUMBER, DATED, facts)


def outcome_grounds() -> list[tuple[str, str]]:
    """(row key, ground) for every outcome row of every edition, each of its grounds; a row
    without statutory grounds with a cause in words, 2019's other also with its 2021 grounds."""
    found: dict[tuple[str, str], None] = {}
    for edition in editions.all_editions().values():
        for row in edition.outcome_rows:
            for ground in row.grounds or (FREE_CAUSE,):
                found[(row.key, ground)] = None
    for key in ("other_no_correction", "other_no_fee"):
        for ground in editions.get("2021").application_row(key).grounds:
            found[("other", ground)] = None
    return list(found)


def replies(applicant: Party) -> dict[str, Letter]:
    who = "person" if applicant.is_person else "organisation"
    return {
        f"reply-{key}-{n}-{who}": make(Reply(key, ground, **ALL_REPLY_FACTS), applicant)
        for n, (key, ground) in enumerate(outcome_grounds())
    }


EVENT_LETTERS = {
    "receipt": make(Receipt(due_on=date(2025, 11, 5))),
    "correction": make(
        Correction(
            unclear="“用地情况”未指明地块、年度和所需信息的内容",
            supply="所需信息的地块名称或者位置、所属年度，以及文件名称、文号或者其他特征描述",
            days=10,
            last_day=date(2025, 10, 24),
        )
    ),
    "extension": make(
        Extension(
            reason="所申请的信息数量较大，需要调取多年档案", days=15, due_on=date(2025, 11, 26)
        )
    ),
    "consultation-32-organisation": make(
        Consultation(32, THIRD_PARTY, "该公司2024年建设项目环境影响评价文件中的原料配比"),
        ORGANISATION,
    ),
    "consultation-32-person": make(Consultation(32, NEIGHBOUR, "李四名下土地的征收补偿金额")),
    "consultation-34": make(
        Consultation(34, AGENCY, "《江阴市2024年土壤污染重点监管单位名录》", "书面意见请函复本机关")
    ),
    "third-party": make(
        ThirdPartyNotice(
            THIRD_PARTY,
            "该公司2024年度危险废物产生量及处置去向",
            "相关信息关系周边居民的饮用水安全，不公开可能对公共利益造成重大影响",
            disclose_on=date(2025, 11, 20),
        )
    ),
    "fee-pages": make(FeeNotice(fee_by_pages(130), "通过江苏省非税收入统一缴款平台缴纳")),
    "fee-count-organisation": make(
        FeeNotice(fee_for_nth(12), "到本机关政务服务窗口缴纳", "本月已提出申请11件"), ORGANISATION
    ),
    "reasons-request": make(
        ReasonsRequest("自2025年9月1日至10月8日共提出政府信息公开申请86件", 10, date(2025, 11, 13))
    ),
}
REPLIES = {**replies(PERSON), **replies(ORGANISATION)}
ALL = {**EVENT_LETTERS, **REPLIES}
# Letters that decide something the addressee may challenge, and so end with the remedies.
WITH_REMEDIES = {*REPLIES, "third-party"}
