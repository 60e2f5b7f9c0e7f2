"""The report's narrative sections drafted from the records, for the officer to edit.

Each section states the year's facts as the records give them — what was published and how,
the interpretations and interviews, the 咨询 answered, the applications and their outcomes, the
reviews and lawsuits, the processing fees — in the sentences such reports use. What the records
cannot know (存在的主要问题及改进情况, the further items of 其他需要报告的事项) is left as a prompt
in brackets for the officer to replace.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.db.models import Count

from xxgk.agencies.models import Agency
from xxgk.appeals.choices import AppealKind
from xxgk.appeals.selectors import appeals_of_year
from xxgk.applications.choices import NATURAL_PERSON
from xxgk.applications.models import Application
from xxgk.applications.selectors import fees_of_year
from xxgk.disclosures.choices import Channel, Kind, Status
from xxgk.disclosures.models import Disclosure, DisclosureChannel
from xxgk.enquiries.selectors import enquiry_counts
from xxgk.report.edition import ApplicationRow
from xxgk.report.model import Report
from xxgk.reports.tallies import TOTAL, count, outcome_kind

PROBLEMS_PROMPT = "（请写明本年度政府信息公开工作存在的主要问题，以及改进情况和下一步打算。）"
OTHER_PROMPT = (
    "（其他需要报告的事项，如落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果"
    "公开情况、年度工作要点落实情况等，请按实际填写。）"
)


# The prompts a draft leaves for the officer, by section: a report is not sent on with one.
PROMPTS = {"problems": PROBLEMS_PROMPT, "other": OTHER_PROMPT}


def prompts_left(sections: dict[str, str]) -> list[str]:
    """The sections that still hold the prompt their draft left in them."""
    return [key for key, prompt in PROMPTS.items() if prompt in sections.get(key, "")]


# 条例第五十条: a report states （一）主动公开, （二）收到和处理申请, （三）行政复议、行政诉讼,
# （四）存在的主要问题及改进情况 and （五）其他需要报告的事项. The first three are stated by tables
# 2–4 (their text may stay empty, as many published reports print only the table); the last two
# by their text alone. (一、总体情况 is the national format's opening, not one of the items.)
REQUIRED = ("problems", "other")

# A text wholly in one pair of brackets is a prompt, however reworded: （请写明…）, [待补充].
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")


def sections_unwritten(sections: dict[str, str]) -> list[str]:
    """The sections 条例第五十条 requires that hold no text of the officer's own: blank, or
    only a bracketed text. A short statement (本年度未收取信息处理费。, 无。) is text."""
    return [
        key
        for key in REQUIRED
        if not (text := sections.get(key, "").strip()) or _BRACKETED.fullmatch(text)
    ]


def draft_sections(*, agency: Agency, year: int, report: Report) -> dict[str, str]:
    """The six sections of report JSON (`overview`, `proactive`, `applications`, `appeals`,
    `problems`, `other`), drafted from the records and the computed tables of `report`."""
    return {
        "overview": _overview(agency, year, report),
        "proactive": _proactive(agency, year),
        "applications": _applications(report),
        "appeals": _appeals(agency, year),
        "problems": PROBLEMS_PROMPT,
        "other": _other(agency, year, report),
    }


def _published(agency: Agency, year: int):  # type: ignore[no-untyped-def]
    return Disclosure.objects.filter(
        agency=agency, status=Status.PUBLISHED, published_on__year=year
    )


def _overview(agency: Agency, year: int, report: Report) -> str:
    published = _published(agency, year).count()
    received = count(report["applications.new_received.total"])
    closed = count(report[f"applications.{TOTAL}.{TOTAL}"])
    enquiries = enquiry_counts(agency=agency, year=year)
    return (
        f"{year}年，{agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"全年主动公开政府信息{published}条，"
        f"收到政府信息公开申请{received}件，办结{closed}件。"
        + (
            enquiries.narrative
            if enquiries.received or enquiries.answered or enquiries.open_at_end
            else "本年度未收到网站咨询和建议。"
        )
    )


def _proactive(agency: Agency, year: int) -> str:
    published = _published(agency, year)
    by_channel = dict(
        DisclosureChannel.objects.filter(disclosure__in=published, on__year=year)
        .values_list("channel")
        .annotate(n=Count("pk"))
        .values_list("channel", "n")
    )
    channels = "，".join(
        f"通过{Channel(c).label}公开{by_channel[c]}条" for c in Channel.values if by_channel.get(c)
    )
    kinds = dict(published.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    text = f"本年度主动公开政府信息{published.count()}条"
    text += f"，其中{channels}。" if channels else "。"
    if kinds.get(Kind.INTERPRETATION):
        text += f"发布政策解读{kinds[Kind.INTERPRETATION]}篇。"
    if kinds.get(Kind.INTERVIEW):
        text += f"开展在线访谈{kinds[Kind.INTERVIEW]}期。"
    return text


def _applications(report: Report) -> str:
    ed = report.edition

    def cell(row: str, column: str = TOTAL) -> int:
        return count(report[f"applications.{row}.{column}"])

    person = next(c for c in ed.columns if c.key == NATURAL_PERSON)  # the rest: 法人或其他组织
    people = cell("new_received", person.key)
    text = (
        f"本年度新收政府信息公开申请{cell('new_received')}件（{person.label.text}{people}件，"
        f"法人或其他组织{cell('new_received') - people}件），"
        f"{ed.application_row('carried_over').short}{cell('carried_over')}件；"
        f"办结{cell(TOTAL)}件"
    )
    outcomes = [
        f"{_named(r)}{cell(r.key)}件" for r in ed.outcome_rows if r.key != TOTAL and cell(r.key)
    ]
    if outcomes:
        text += "，其中" + "、".join(outcomes)
    forward = ed.application_row("carried_forward").short
    return text + f"；{forward}继续办理{cell('carried_forward')}件。"


def _named(row: ApplicationRow) -> str:
    """An outcome row in a sentence: 不予公开-过程性信息 → 不予公开（过程性信息）."""
    kind, detail = outcome_kind(row)
    return f"{kind}（{detail}）" if detail else kind


def _appeals(agency: Agency, year: int) -> str:
    """The year's reviews and lawsuits as table 4 counts them: the new ones by the day the copy
    came, those carried over from earlier years, what was decided and what is still pending."""
    cases = appeals_of_year(agency=agency, year=year)
    review, suit = cases[AppealKind.REVIEW], cases[AppealKind.LITIGATION]
    both = [review, suit]
    if not any(c.received or c.carried for c in both):
        return "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    text = (
        f"本年度因政府信息公开工作新被申请行政复议{review.received}件、"
        f"新被提起行政诉讼{suit.received}件"
    )
    if review.carried or suit.carried:
        text += f"，以前年度结转行政复议{review.carried}件、行政诉讼{suit.carried}件"
    decided = sum(c.decided for c in both)
    pending = sum(c.pending for c in both)
    if not pending:
        return text + f"。以上{decided}件均已于本年度审结。"
    carried_decided = sum(c.carried_decided for c in both)
    carried_pending = sum(c.carried_pending for c in both)
    text += f"。本年度审结{decided}件"
    if carried_decided:
        text += f"（其中以前年度结转的{carried_decided}件）"
    text += f"，截至年底尚未审结{pending}件"
    if carried_pending:
        text += f"（其中以前年度结转的{carried_pending}件）"
    return text + "。"


def _yuan(amount: Decimal) -> str:
    """An amount as the sentence says it, the same from every database: 100, 12.5 (SQLite and
    PostgreSQL return a sum's decimal places differently)."""
    return format(amount.normalize(), "f")


def _other(agency: Agency, year: int, report: Report) -> str:
    fees = fees_of_year(applications=Application.objects.filter(agency=agency), year=year)
    collected = fees["collected"]
    if collected.count:
        text = f"本年度收取信息处理费{collected.count}件，共{_yuan(collected.amount)}元"
        if fees["refunded"].count:
            text += f"，退还{fees['refunded'].count}件、{_yuan(fees['refunded'].amount)}元"
        text += "（依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号））。"
    else:
        text = "本年度未收取信息处理费。"
    return text + OTHER_PROMPT
