"""The words of each letter, from its facts: title, addressee, body paragraphs, attachments,
signature, date and 附注.

Rules every letter keeps (and the tests check):
- the Regulation is named in full at its first mention, with 以下简称《条例》 when it is named
  again; afterwards it is 《条例》;
- every decision cites its article and item, taken from the ground the officer chose (a reply
  for an outcome row accepts only that row's grounds; nothing is preselected);
- a natural person is 你, an organisation 你单位, an agency consulted under Art. 34 贵机关;
- each reply, and the decision to disclose over a third party's objection, ends with the
  remedies, naming the configured review body and court;
- dates are written 2025年10月30日; punctuation is tidied (`tidy`).

Pure Python: the outcome rows and their grounds come from the report editions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xxgk.applications.letters.facts import (
    Consultation,
    Correction,
    Extension,
    FeeNotice,
    Letter,
    LetterError,
    Party,
    ReasonsRequest,
    Receipt,
    Reply,
    Sender,
    ThirdPartyNotice,
)
from xxgk.report import editions
from xxgk.report.edition import ApplicationRow

REGULATION = "《中华人民共和国政府信息公开条例》"
SHORT = "《条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

# The titles of replies by the outcome row's group (or the row itself).
REPLY_TITLES = {
    "granted": "政府信息公开申请答复书",
    "partial": "政府信息部分公开告知书",
    "denied": "政府信息不予公开告知书",
    "unable": "政府信息无法提供告知书",
    "not_processed": "政府信息公开申请不予处理告知书",
    "other": "政府信息公开申请终止办理告知书",
}


Written = tuple[str, Party, list[str], tuple[str, ...]]  # title, addressee, body, attachments


@dataclass(frozen=True)
class Text:
    """Everything a letter says, in reading order, ready to lay out."""

    title: str
    number: str  # 发文字号
    addressee: str  # with its closing 全角冒号
    body: tuple[str, ...]
    attachments: tuple[str, ...]
    signature: str  # 发文机关署名
    dated: str  # 成文日期
    note: str  # 附注, in parentheses

    def lines(self) -> tuple[str, ...]:
        """All the text, one paragraph a line (attachments as 附件：1.… as printed)."""
        return (
            self.title,
            self.number,
            self.addressee,
            *self.body,
            *attachment_lines(self.attachments),
            self.signature,
            self.dated,
            self.note,
        )


def compose(letter: Letter) -> Text:
    """The whole text of `letter`; raises `LetterError` when a fact it needs is missing."""
    title, addressee, paragraphs, attachments = _write(letter)
    # an officer's words may still say 你（单位）, as the old templates did
    paragraphs = [re.sub(r"你[（(]单位[）)]", you(addressee), p) for p in paragraphs]
    return Text(
        title=title,
        number=tidy(letter.number),
        addressee=tidy(_clause(addressee.name)) + "：",
        body=tuple(tidy(p) for p in name_regulation(paragraphs)),
        attachments=tuple(tidy(_clause(a)) for a in attachments),
        signature=tidy(letter.sender.agency),
        dated=chinese_date(letter.dated),
        note=tidy(contacts(letter.sender)),
    )


def body(letter: Letter) -> list[str]:
    """The body paragraphs of `letter` (after the addressee, before attachments)."""
    return list(compose(letter).body)


def chinese_date(day: date) -> str:
    """2025年10月30日: Arabic numerals, no leading zeros (GB/T 9704)."""
    return f"{day.year}年{day.month}月{day.day}日"


def you(party: Party) -> str:
    return "你" if party.is_person else "你单位"


def remedies(
    sender: Sender, *, act: str = "答复", document: str = "答复", review_first: bool = False
) -> str:
    """The remedies sentence: 行政复议 within 60 days (复议法第二十条), 行政诉讼 within 6 months
    (行诉法第四十六条).

    `review_first`: a refusal to disclose must go to review before a court (复议法第二十三条第一款
    第（四）项), and the agency must say so (同条第二款).
    """
    if review_first:
        return (
            f"如对本{act}不服，应当在收到本{document}之日起60日内先向{sender.review_body}申请"
            "行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。"
        )
    return (
        f"如对本{act}不服，可以在收到本{document}之日起60日内向{sender.review_body}申请行政复议，"
        f"或者在收到本{document}之日起6个月内向{sender.court}提起行政诉讼。"
    )


def review_first(row: ApplicationRow) -> bool:
    """A reply that refuses to disclose, in whole or in part (复议前置); a referral to the
    special access rules of Art. 36(7) does not refuse."""
    refuses = row.key == "partial" or "denied" in (row.key, *row.groups)
    return refuses and row.key != "denied_admin_query"


def contacts(sender: Sender) -> str:
    parts = [
        f"联系人：{sender.contact}",
        f"联系电话：{sender.phone}",
        f"通信地址：{sender.address}",
    ]
    if sender.postcode.strip():
        parts.append(f"邮政编码：{sender.postcode}")
    return "（" + "；".join(parts) + "）"


def attachment_lines(attachments: tuple[str, ...]) -> tuple[str, ...]:
    """附件：1.名称 / 2.名称 (GB/T 9704 7.3.4: numbered when more than one, no end mark)."""
    if len(attachments) == 1:
        return (f"附件：{attachments[0]}",)
    return tuple(f"{'附件：' if n == 1 else ''}{n}.{name}" for n, name in enumerate(attachments, 1))


def name_regulation(paragraphs: list[str]) -> list[str]:
    """Name the Regulation in full at its first 《条例》, with 以下简称 if it is named again."""
    count = sum(p.count(SHORT) for p in paragraphs)
    if not count:
        return paragraphs
    full = REGULATION + ("（以下简称《条例》）" if count > 1 else "")
    out, done = [], False
    for p in paragraphs:
        if not done and SHORT in p:
            p, done = p.replace(SHORT, full, 1), True
        out.append(p)
    return out


# -- punctuation ------------------------------------------------------------------------------

_CJK = r"\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
_CJK_SPACE = re.compile(
    rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}0-9])|(?<=[0-9])[ \t\u3000]+(?=[{_CJK}])"
)
_EMPTY_BRACKETS = re.compile(r"（\s*）|\(\s*\)|“\s*”|《\s*》|〔\s*〕|【\s*】")
_PUNCT_RUN = re.compile(r"[，。；：、]{2,}")
_STRENGTH = "。；：，、"  # the strongest mark of a run stands for it


def tidy(text: str) -> str:
    """Remove what joining sentences leaves behind: spaces between Chinese characters, empty
    brackets and quotes, and runs of marks (，。 → 。, 。。 → 。, ：： → ：)."""
    text = _CJK_SPACE.sub("", text.strip())
    previous = None
    while previous != text:
        previous = text
        text = _EMPTY_BRACKETS.sub("", text)
        text = _PUNCT_RUN.sub(lambda m: next(c for c in _STRENGTH if c in m.group()), text)
    return text


def _clause(text: str) -> str:
    """Free text to go inside a sentence: trimmed, its own closing mark dropped."""
    return text.strip().rstrip("。．.，,；;：:、 \u3000")


def _sentence(text: str) -> str:
    return _clause(text) + "。"


def _examined(text: str, lead: str = "经审查，") -> str:
    """The officer's findings as a sentence, led by 经审查 unless they lead with 经 already."""
    text = _clause(text)
    return _sentence(text if text.startswith("经") else lead + text)


def _opening(letter: Letter, ending: str = "") -> str:
    a = letter.application
    return (
        f"本机关于{chinese_date(a.received_on)}收到{you(letter.applicant)}提出的政府信息公开申请"
        f"（申请编号：{_clause(a.number)}），申请获取“{_clause(a.request_text)}”。{ending}"
    )


def _write(letter: Letter) -> Written:
    match letter.facts:
        case Receipt() as f:
            return _receipt(letter, f)
        case Correction() as f:
            return _correction(letter, f)
        case Extension() as f:
            return _extension(letter, f)
        case Consultation() as f:
            return _consultation(letter, f)
        case ThirdPartyNotice() as f:
            return _third_party(letter, f)
        case FeeNotice() as f:
            return _fee(letter, f)
        case ReasonsRequest() as f:
            return _reasons_request(letter, f)
        case Reply() as f:
            return _reply(letter, f)
    raise LetterError(f"没有这种文书：{type(letter.facts).__name__}")


# -- letters other than the reply -------------------------------------------------------------


def _receipt(letter: Letter, f: Receipt) -> Written:
    a, u = letter.application, you(letter.applicant)
    return (
        "政府信息公开申请受理回执",
        letter.applicant,
        [
            f"{u}提出的政府信息公开申请本机关已收到，现将有关事项告知如下：",
            f"一、申请编号：{_clause(a.number)}。",
            f"二、收到申请日期：{chinese_date(a.received_on)}（申请方式：{_clause(a.channel)}）。",
            f"三、申请内容：{_sentence(a.request_text)}",
            f"四、答复期限：依照《条例》第三十三条第二款的规定，本机关将于{chinese_date(f.due_on)}前"
            "作出答复。申请内容需要补正、答复期限需要延长或者需要征求第三方、其他机关意见的，"
            f"本机关将另行书面告知{u}。",
        ],
        (),
    )


def _correction(letter: Letter, f: Correction) -> Written:
    u = you(letter.applicant)
    return (
        "政府信息公开申请补正告知书",
        letter.applicant,
        [
            _opening(letter),
            f"经审查，{u}的申请内容不明确：{_clause(f.unclear)}。根据《条例》第三十条的规定，"
            f"请{u}对申请作出补正，需要补正的事项：{_sentence(f.supply)}",
            f"补正期限为{f.days}个工作日，请{u}于{chinese_date(f.last_day)}前（含当日）提交补正后的"
            f"申请。答复期限自本机关收到补正的申请之日起计算；{u}无正当理由逾期不补正的，视为放弃"
            "申请，本机关不再处理该政府信息公开申请。如有疑问，可以与本机关联系。",
        ],
        (),
    )


def _extension(letter: Letter, f: Extension) -> Written:
    return (
        "政府信息公开申请延期答复告知书",
        letter.applicant,
        [
            _opening(letter),
            f"因{_clause(f.reason)}，本机关不能在法定期限内作出答复。根据《条例》第三十三条第二款"
            "的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长"
            f"{f.days}个工作日，本机关将于{chinese_date(f.due_on)}前作出答复。",
        ],
        (),
    )


def _consultation(letter: Letter, f: Consultation) -> Written:
    a = letter.application
    applied = (
        f"本机关于{chinese_date(a.received_on)}收到一件政府信息公开申请"
        f"（申请编号：{_clause(a.number)}）"
    )
    answer = _sentence(f.reply_to) if f.reply_to.strip() else ""
    if f.article == 34:
        if f.party.is_person:
            raise LetterError("依据《条例》第三十四条征求意见的对象应为行政机关")
        paragraphs = [
            f"{applied}，申请公开的政府信息由本机关与贵机关共同制作，具体为："
            f"{_sentence(f.information)}",
            "根据《条例》第三十四条的规定，现征求贵机关意见。请贵机关自收到本征求意见书之日起"
            f"15个工作日内提出书面意见。{answer}",
            "贵机关逾期未提出意见的，视为同意公开。",
        ]
    else:
        u = you(f.party)
        paragraphs = [
            f"{applied}，申请公开的政府信息涉及{u}，具体为：{_sentence(f.information)}",
            f"本机关认为，该政府信息公开可能损害{u}的合法权益。根据《条例》第三十二条的规定，"
            f"现书面征求{u}的意见。请{u}自收到本征求意见书之日起15个工作日内提出是否同意公开的"
            f"书面意见；不同意公开的，请说明理由并提供相应依据。{answer}",
            f"{u}逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。{u}不同意公开且有合理"
            "理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以"
            f"公开，并将决定公开的政府信息内容和理由书面告知{u}。",
        ]
    return "政府信息公开征求意见书", f.party, paragraphs, ()


def _third_party(letter: Letter, f: ThirdPartyNotice) -> Written:
    u = you(f.party)
    paragraphs = [
        f"本机关在办理政府信息公开申请（申请编号：{_clause(letter.application.number)}）的过程中，"
        f"就公开涉及{u}的政府信息书面征求了{u}的意见，{u}不同意公开。",
        f"经审查，本机关认为不公开该政府信息可能对公共利益造成重大影响，理由如下："
        f"{_clause(f.reasons)}。根据《条例》第三十二条的规定，本机关决定予以公开。",
        f"决定公开的政府信息内容：{_sentence(f.information)}",
    ]
    if f.disclose_on is not None:
        paragraphs.append(f"本机关将于{chinese_date(f.disclose_on)}向申请人提供上述政府信息。")
    paragraphs.append(remedies(letter.sender, act="决定", document="告知书"))
    return "政府信息公开第三方告知书", f.party, paragraphs, ()


# 国办函〔2020〕109号: 第四条 按件, 第五条 按量.
_FEE_BASES = {"pages": ("按量", "第五条", "页"), "count": ("按件", "第四条", "件")}
_NUMERALS = "零一二三四五六七八九"


def _fee(letter: Letter, f: FeeNotice) -> Written:
    u = you(letter.applicant)
    basis, article, unit = _FEE_BASES[f.quote.basis]
    excess = f"{_clause(f.reasons)}，" if f.reasons.strip() else u
    lines = []
    for n, line in enumerate(f.quote.lines, 1):
        span = line.description.split(" ", 1)[0]
        price = f"每{unit}{_yuan(line.unit_price, places=0)}元，计{_yuan(line.amount)}元"
        if not line.unit_price:
            price = "免费"
        count = f"共{line.quantity}{unit}，" if line.quantity > 1 else ""
        mark = "。" if n == len(f.quote.lines) else "；"
        lines.append(f"（{_numeral(n)}）{span}，{count}{price}{mark}")
    return (
        "信息处理费收费通知书",
        letter.applicant,
        [
            _opening(letter),
            f"经审查，{excess}申请公开政府信息的数量、频次明显超过合理范围。根据《条例》第四十二条"
            f"和{FEE_MEASURES}{article}的规定，本机关决定{basis}计收信息处理费，收费明细如下：",
            *lines,
            f"合计：{_yuan(f.quote.total)}元（大写：人民币{rmb_upper(f.quote.total)}）。",
            f"请{u}自收到本通知书次日起20个工作日内缴纳上述费用。缴纳方式：{_sentence(f.payment)}",
            f"{u}逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。本机关确认收到费用后，"
            "将继续办理并依法作出答复。",
        ],
        (),
    )


def _numeral(n: int) -> str:
    """1–99 in Chinese numerals, as list items are numbered: 一, 十, 十二, 二十四."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if not tens else ("十" if tens == 1 else f"{_NUMERALS[tens]}十")
    return head + (_NUMERALS[ones] if ones else "")


def _reasons_request(letter: Letter, f: ReasonsRequest) -> Written:
    u = you(letter.applicant)
    return (
        "政府信息公开申请说明理由通知书",
        letter.applicant,
        [
            _opening(letter),
            f"经审查，{_clause(f.excess)}，申请公开政府信息的数量、频次明显超过合理范围。根据"
            f"《条例》第三十五条的规定，请{u}于{chinese_date(f.last_day)}前（含当日）以书面形式向"
            f"本机关说明申请理由，期限为{f.days}个工作日。",
            f"本机关认为申请理由不合理的，将告知{u}不予处理；认为申请理由合理，但是无法在《条例》"
            f"第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知{u}。",
        ],
        (),
    )


# -- replies: one writer per outcome row ------------------------------------------------------


@dataclass(frozen=True)
class _Reply:
    """What a reply writer works from: the facts, the form of address and the citation."""

    letter: Letter
    facts: Reply
    row: ApplicationRow
    you: str
    cite: str  # the article and item, from the ground: 《条例》第三十六条第（二）项

    def need(self, field: str, label: str) -> str:
        value = getattr(self.facts, field)
        if not value.strip():
            raise LetterError(f"“{self.row.short}”的答复需要写明{label}（{field}）")
        return _clause(value)

    def reasons(self, lead: str = "经审查，") -> str:
        return _examined(self.need("reasons", "理由"), lead)

    def more(self) -> list[str]:
        """The officer's reasons as a paragraph of their own, when given and not required."""
        return [_sentence(self.facts.reasons)] if self.facts.reasons.strip() else []


# Art. 14, 15, 16: what the Regulation says of the information withheld.
_WITHHELD = {
    "denied_state_secret": "依法确定为国家秘密的政府信息，不予公开",
    "denied_law_forbidden": "法律、行政法规禁止公开的政府信息，不予公开",
    "denied_three_safeties": "公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，"
    "不予公开",
    "denied_third_party": "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，"
    "行政机关不得公开",
    "denied_internal_affairs": "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等"
    "方面的信息，可以不予公开",
    "denied_process_info": "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
    "请示报告等过程性信息，可以不予公开",
    "denied_enforcement_file": "行政机关在履行行政管理职能过程中形成的行政执法案卷信息，"
    "可以不予公开",
}


def _granted(r: _Reply) -> list[str]:
    if r.cite.endswith("第（一）项"):
        return [
            f"经审查，{r.you}申请获取的政府信息已经主动公开。根据{r.cite}的规定，现告知{r.you}获取"
            f"该政府信息的方式和途径：{r.need('delivery', '获取方式和途径')}。",
            *r.more(),
        ]
    return [
        f"经审查，{r.you}申请获取的政府信息属于可以公开的政府信息。根据{r.cite}的规定，本机关决定"
        f"予以公开。提供方式：{r.need('delivery', '提供方式')}。",
        *r.more(),
    ]


def _partial(r: _Reply) -> list[str]:
    return [
        f"经审查，{r.you}申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但是能够作"
        f"区分处理。根据{r.cite}的规定，本机关向{r.you}提供可以公开的政府信息内容。提供方式："
        f"{r.need('delivery', '提供方式')}。",
        f"对不予公开的内容，理由如下：{r.need('reasons', '不予公开部分的理由')}。",
    ]


def _denied(r: _Reply) -> list[str]:
    return [
        r.reasons(),
        f"根据{r.cite}的规定，{_WITHHELD[r.row.key]}。本机关决定对{r.you}申请获取的政府信息不予公开。",
    ]


def _admin_query(r: _Reply) -> list[str]:
    return [
        f"经审查，{r.you}申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的信息。",
        *r.more(),
        f"根据{r.cite}的规定，请{r.you}依照有关法律、行政法规的规定办理："
        f"{r.need('referral', '应当依照的规定和办理途径')}。",
    ]


def _not_held(r: _Reply) -> list[str]:
    if r.cite.endswith("第（四）项"):
        return [
            r.reasons("经检索，"),
            f"根据{r.cite}的规定，现告知{r.you}，{r.you}申请获取的政府信息不存在。",
        ]
    referral = ""
    if r.facts.responsible_agency.strip():
        contact = _clause(r.facts.responsible_contact)
        referral = (
            f"该政府信息由{_clause(r.facts.responsible_agency)}负责公开"
            f"{f'（联系方式：{contact}）' if contact else ''}，{r.you}可以向该机关申请获取。"
        )
    return [
        r.reasons(),
        f"根据{r.cite}的规定，现告知{r.you}，该政府信息不属于本机关负责公开。{referral}",
    ]


def _needs_creation(r: _Reply) -> list[str]:
    return [
        r.reasons(),
        f"根据{r.cite}的规定，行政机关向申请人提供的信息，应当是已制作或者获取的政府信息；需要"
        f"对现有政府信息进行加工、分析的，可以不予提供。{r.you}申请获取的信息需要本机关对现有政府"
        "信息进行加工、分析方能形成，本机关不予提供。",
    ]


def _unclear(r: _Reply) -> list[str]:
    return [
        f"本机关已依照{r.cite}的规定，一次性告知{r.you}对申请作出补正。"
        f"{_sentence(r.need('reasons', '补正的经过和仍不明确之处'))}",
        f"{r.you}补正后的申请内容仍不明确，本机关无法确定{r.you}所需的政府信息，无法向{r.you}提供。",
    ]


def _petition(r: _Reply) -> list[str]:
    elsewhere = (
        f"{r.you}可以通过{_clause(r.facts.referral)}提出。" if r.facts.referral.strip() else ""
    )
    return [
        r.reasons(),
        f"{r.you}的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{r.cite}的规定，"
        f"本机关不作为政府信息公开申请处理。{elsewhere}",
    ]


def _duplicate(r: _Reply) -> list[str]:
    return [
        r.reasons(),
        f"根据{r.cite}的规定，{r.you}重复申请公开相同政府信息，本机关不予重复处理。",
    ]


def _publication(r: _Reply) -> list[str]:
    return [
        f"经审查，{r.you}申请获取的是政府公报、报刊、书籍等公开出版物。",
        *r.more(),
        f"根据{r.cite}的规定，现告知{r.you}获取途径：{r.need('referral', '获取途径')}。",
    ]


def _massive(r: _Reply) -> list[str]:
    return [
        _sentence(r.need("reasons", "要求说明理由的经过和对理由的审查")),
        f"根据{r.cite}的规定，本机关认为{r.you}的申请理由不合理，对{r.you}的申请不予处理。",
    ]


def _confirm(r: _Reply) -> list[str]:
    return [
        r.reasons(),
        f"根据{r.cite}的规定，政府信息是指行政机关在履行行政管理职能过程中制作或者获取的，以一定"
        f"形式记录、保存的信息。{r.you}要求本机关确认或者重新出具已获取的信息，不属于政府信息公开"
        "申请的内容，本机关不予处理。",
    ]


def _no_correction(r: _Reply) -> list[str]:
    return [
        *r.more(),
        f"根据{r.cite}的规定，申请人无正当理由逾期不补正的，视为放弃申请。{r.you}未在补正期限内"
        "补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]


def _no_fee(r: _Reply) -> list[str]:
    return [
        *r.more(),
        f"{r.you}未在规定期限内缴纳信息处理费。根据{r.cite}的规定，视为放弃申请，本机关不再处理"
        "该政府信息公开申请。",
    ]


def _other(r: _Reply) -> list[str]:
    return [
        *r.more(),
        f"因{r.cite}，本机关终止办理该政府信息公开申请。{r.you}如仍需获取该政府信息，可以依照"
        "《条例》的规定重新提出申请。",
    ]


_REPLY_WRITERS: dict[str, Callable[[_Reply], list[str]]] = {
    "granted": _granted,
    "partial": _partial,
    **dict.fromkeys(_WITHHELD, _denied),
    "denied_admin_query": _admin_query,
    "unable_not_held": _not_held,
    "unable_needs_creation": _needs_creation,
    "unable_unclear_after_correction": _unclear,
    "not_processed_petition": _petition,
    "not_processed_duplicate": _duplicate,
    "not_processed_publication": _publication,
    "not_processed_massive": _massive,
    "not_processed_confirm": _confirm,
    "other_no_correction": _no_correction,
    "other_no_fee": _no_fee,
    "other_other": _other,
}
# The 2019 edition's one （六）其他处理 row covers what 2021 splits in three.
_OTHER_ROWS = ("other_no_correction", "other_no_fee")


def outcome_row(key: str) -> ApplicationRow:
    """The table-3 outcome row `key` of whichever edition defines it."""
    for edition in editions.all_editions().values():
        for row in edition.outcome_rows:
            if row.key == key:
                return row
    raise LetterError(f"“{key}”不是任何一版报告格式中的办理结果")


def reply_group(row: ApplicationRow) -> str:
    """The row's entry in `REPLY_TITLES`: the row itself or its innermost group."""
    return next(g for g in (row.key, *reversed(row.groups)) if g in REPLY_TITLES)


def _writer_row(row: ApplicationRow, ground: str) -> tuple[str, str]:
    """The row whose writer applies and the citation, checked against the row's grounds."""
    if row.grounds:
        if ground not in row.grounds:
            allowed = "；".join(f"“{g}”" for g in row.grounds)
            raise LetterError(f"“{row.short}”的法律依据应为以下之一：{allowed}；所填为“{ground}”")
        return row.key, _citation(ground)
    if row.key == "other":
        for key in _OTHER_ROWS:
            if ground in outcome_row(key).grounds:
                return key, _citation(ground)
    return "other_other", _clause(ground)


def _citation(ground: str) -> str:
    """The article part of a ground: what precedes its first 全角冒号."""
    cite = ground.split("：", 1)[0]
    return cite.replace("、《政府信息公开信息处理费管理办法》", f"和{FEE_MEASURES}")


def _reply(letter: Letter, f: Reply) -> Written:
    row = outcome_row(f.outcome)
    key, cite = _writer_row(row, f.ground.strip())
    context = _Reply(letter, f, row, you(letter.applicant), cite)
    return (
        REPLY_TITLES[reply_group(row)],
        letter.applicant,
        [
            _opening(letter, "现答复如下："),
            *_REPLY_WRITERS[key](context),
            remedies(letter.sender, review_first=review_first(row)),
        ],
        f.attachments,
    )


# -- money in words ---------------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def rmb_upper(amount: Decimal) -> str:
    """An amount in yuan in financial capitals: 1300.00 → 壹仟叁佰元整, 1300.05 →
    壹仟叁佰元零伍分."""
    cents = int((amount * 100).to_integral_value())
    if cents < 0:
        raise LetterError("金额不能为负数")
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = f"{_upper_int(yuan)}元" if yuan else ""
    if jiao:
        text += f"{_DIGITS[jiao]}角"
    elif fen and yuan:
        text += "零"
    if fen:
        text += f"{_DIGITS[fen]}分"
    return text + ("整" if not fen else "") if text else "零元整"


def _upper_int(n: int) -> str:
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out, gap = "", False
    for i in reversed(range(len(groups))):
        g = groups[i]
        if not g:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _upper_group(g) + _GROUPS[i]
        gap = False
    return out


def _upper_group(g: int) -> str:
    out, zero = "", False
    for place in (3, 2, 1, 0):
        d = g // 10**place % 10
        if not d:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _PLACES[place]
    return out


def _yuan(amount: Decimal, places: int = 2) -> str:
    return f"{amount:.{places}f}"
