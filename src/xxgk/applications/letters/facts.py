"""What each letter of the disclosure procedure needs to say, as plain frozen data.

Pure Python (no Django): the web app fills these from its models, `texts` turns them into the
letter's words and `official` into a Word file. A fact that a letter cannot do without is a field
without a default; a fact that only some outcomes need is optional here and demanded by `texts`
when the outcome needs it. Every error is a `LetterError` (a `ValueError`) with a Chinese message
an officer can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from xxgk.applications.fees import FeeQuote
from xxgk.workdays.timeline import Policy

MAX_EXTENSION_DAYS = Policy().extension_max  # 《条例》第三十三条第二款


class LetterError(ValueError):
    """A letter cannot be written from these facts (message in Chinese)."""


def _require(obj: object, **names: str) -> None:
    """Raise when any named text field is blank; `names` maps field name to its Chinese name."""
    for field, label in names.items():
        value = getattr(obj, field)
        if not isinstance(value, str) or not value.strip():
            raise LetterError(f"{type(obj).__name__}缺少“{label}”（{field}）")


def _positive(days: int, label: str, limit: int | None = None) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise LetterError(f"{label}应为正整数个工作日，所填为 {days!r}")
    if limit is not None and days > limit:
        raise LetterError(f"{label}最长为{limit}个工作日，所填为{days}个工作日")


@dataclass(frozen=True)
class Sender:
    """The agency that writes, and where the applicant may challenge what it decides."""

    agency: str  # 发文机关署名, e.g. 江阴市自然资源和规划局
    address: str  # 通信地址
    phone: str
    contact: str  # 联系人
    review_body: str  # 行政复议机关, e.g. 江阴市人民政府
    court: str  # 有管辖权的人民法院, e.g. 江阴市人民法院
    postcode: str = ""

    def __post_init__(self) -> None:
        _require(
            self,
            agency="发文机关",
            address="通信地址",
            phone="联系电话",
            contact="联系人",
            review_body="行政复议机关",
            court="人民法院",
        )


@dataclass(frozen=True)
class Party:
    """Whom a letter is addressed to: the applicant, a third party, or another agency.

    A natural person is addressed 你, an organisation 你单位; another agency consulted under
    Art. 34 is addressed 贵机关 (see `Consultation`).
    """

    name: str
    is_person: bool

    def __post_init__(self) -> None:
        _require(self, name="姓名或名称")


@dataclass(frozen=True)
class Application:
    """The disclosure application a letter is about, as the register holds it."""

    number: str  # 申请编号
    received_on: date  # 收到申请之日 (Art. 31)
    channel: str  # how it came in: 信函, 当面提交, 网上申请平台, 电子邮件, 传真
    request_text: str  # what the applicant asked for, in their words

    def __post_init__(self) -> None:
        _require(self, number="申请编号", channel="申请方式", request_text="申请内容")


# -- the facts of each kind of letter ---------------------------------------------------------


@dataclass(frozen=True)
class Receipt:
    """受理回执: the application has been received; the reply is due by `due_on`."""

    due_on: date


@dataclass(frozen=True)
class Correction:
    """补正告知书 (Art. 30): what is unclear, what to supply, and by when."""

    unclear: str  # what in the application is unclear
    supply: str  # what the applicant should state or supply
    days: int  # the correction period, in working days
    last_day: date

    def __post_init__(self) -> None:
        _require(self, unclear="申请内容不明确之处", supply="需要补正的事项")
        _positive(self.days, "补正期限")


@dataclass(frozen=True)
class Extension:
    """延期答复告知书 (Art. 33 ¶2): why, by how many working days, the new due date."""

    reason: str
    days: int
    due_on: date

    def __post_init__(self) -> None:
        _require(self, reason="延期理由")
        _positive(self.days, "延长的期限", MAX_EXTENSION_DAYS)


@dataclass(frozen=True)
class Consultation:
    """征求意见书: to a third party (Art. 32) or to a co-producing agency (Art. 34).

    The letter does not name the applicant. The party answers within 15 working days of
    receiving it; silence means, under Art. 32, that this agency decides under the Regulation,
    under Art. 34, consent.
    """

    article: Literal[32, 34]
    party: Party
    information: str  # the information concerned
    reply_to: str = ""  # how to answer, e.g. 书面意见请邮寄至…; default: the 附注's contacts

    def __post_init__(self) -> None:
        if self.article not in (32, 34):
            raise LetterError(
                f"征求意见只能依据《条例》第三十二条或第三十四条，所填为{self.article}"
            )
        _require(self, information="涉及的政府信息")


@dataclass(frozen=True)
class ThirdPartyNotice:
    """第三方告知书 (Art. 32): the agency discloses despite the third party's objection, because
    not disclosing could seriously affect the public interest."""

    party: Party
    information: str  # the content to be disclosed
    reasons: str  # why non-disclosure would seriously affect the public interest
    disclose_on: date | None = None  # when it will be provided, if decided

    def __post_init__(self) -> None:
        _require(self, information="决定公开的政府信息内容", reasons="决定公开的理由")


@dataclass(frozen=True)
class FeeNotice:
    """收费通知书 (Art. 42, 国办函〔2020〕109号): the fee on one basis with its breakdown.

    `quote` comes from `xxgk.applications.fees` (`fee_by_pages`, `fee_for_nth`); the applicant
    pays within 20 working days from the day after receiving the notice, or the application is
    deemed withdrawn.
    """

    quote: FeeQuote
    payment: str  # how to pay, e.g. the account or the counter
    reasons: str = ""  # why the quantity or frequency is beyond a reasonable range

    def __post_init__(self) -> None:
        _require(self, payment="缴纳方式")
        if self.quote.total <= 0:
            raise LetterError("信息处理费为零，不应发出收费通知")
        if sum(line.amount for line in self.quote.lines) != self.quote.total:
            raise LetterError("收费明细之和与合计金额不符")


@dataclass(frozen=True)
class ReasonsRequest:
    """说明理由通知 (Art. 35): the requests clearly exceed a reasonable range; state reasons."""

    excess: str  # what exceeds, e.g. 你自2025年9月1日至10月8日共提出政府信息公开申请86件
    days: int
    last_day: date

    def __post_init__(self) -> None:
        _require(self, excess="数量、频次超过合理范围的情况")
        _positive(self.days, "说明理由的期限")


@dataclass(frozen=True)
class Reply:
    """答复 / 告知书: the outcome (a table-3 outcome row key of either edition) and its ground.

    `ground` is one of that row's grounds (``xxgk.report.editions._common.GROUNDS``), chosen by
    the officer: nothing is preselected. Rows with no statutory ground (2021 ``other_other``,
    2019 ``other``, e.g. a withdrawal) take the cause in words, e.g. ``申请人撤回申请``.
    Which of the optional facts an outcome needs is checked by `texts`.
    """

    outcome: str
    ground: str
    reasons: str = ""  # the officer's findings and reasons
    delivery: str = ""  # how the information is provided, or where it is already published
    attachments: tuple[str, ...] = ()
    responsible_agency: str = ""  # Art. 36(5): the agency responsible, if known
    responsible_contact: str = ""  # and how to reach it
    referral: str = ""  # where to go instead: Art. 36(7), 39 ¶1, 39 ¶2

    def __post_init__(self) -> None:
        _require(self, outcome="办理结果", ground="法律依据")
        if any(not a.strip() for a in self.attachments):
            raise LetterError("附件名称不能为空")


Facts = (
    Receipt
    | Correction
    | Extension
    | Consultation
    | ThirdPartyNotice
    | FeeNotice
    | ReasonsRequest
    | Reply
)


@dataclass(frozen=True)
class Letter:
    """One letter: who sends it, about which application, its 文号 and date, and its facts."""

    sender: Sender
    applicant: Party
    application: Application
    number: str  # 发文字号, formatted, e.g. 江自然资信公〔2025〕8号
    dated: date  # 成文日期
    facts: Facts

    def __post_init__(self) -> None:
        _require(self, number="发文字号")
        if self.dated < self.application.received_on:
            raise LetterError("成文日期早于收到申请之日")
