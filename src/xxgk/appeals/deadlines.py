"""The agency's deadlines in a review or a lawsuit, counted on the official calendar, each with
its legal basis and a Chinese account of how it was counted. Nothing here touches the database.

- 行政复议: the written answer (书面答复) with the evidence is due within 10 days of receiving the
  copy of the application (行政复议法 Art. 48), 5 days under the simplified procedure (Art. 54;
  Art. 53 allows it for disclosure cases). The 2023 law counts its 3/5/7/10-day periods in
  working days (Art. 88 ¶2). The decision is due 60 days after acceptance, 30 under the
  simplified procedure (Art. 62), counted in calendar days (Art. 88 ¶1, the civil procedure law).
- 行政诉讼: the 答辩状 with the evidence is due within 15 days of receiving the complaint copy
  (行政诉讼法 Art. 67), in calendar days: the start day not counted, an end on a rest day moved to
  the next working day (Art. 101, 民事诉讼法 Art. 85).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xxgk.appeals.choices import AppealKind
from xxgk.workdays import Calendar
from xxgk.workdays.explain import describe_span, with_weekday
from xxgk.workdays.periods import CalendarPeriod, add_calendar_days

REVIEW_ANSWER_DAYS = 10  # 行政复议法第四十八条
REVIEW_ANSWER_DAYS_SIMPLIFIED = 5  # 第五十四条
REVIEW_DECISION_DAYS = 60  # 第六十二条第一款
REVIEW_DECISION_DAYS_SIMPLIFIED = 30  # 第六十二条第二款
LITIGATION_ANSWER_DAYS = 15  # 行政诉讼法第六十七条

PROVISIONAL = "（暂定：涉及尚未录入节假日安排的年份，录入后自动重算）"

_REVIEW_WORKDAYS = (
    "行政复议法关于“三日”“五日”“七日”“十日”的规定是指工作日，不含法定休假日"
    "（《中华人民共和国行政复议法》第八十八条第二款）。"
)
_CIVIL_PERIOD_RULE = (
    "期间以日计算，开始的日不计算在期间内；期间届满的最后一日是法定休假日的，"
    "以法定休假日后的第一日为期间届满的日期"
)
_CIVIL_PERIODS = (
    _CIVIL_PERIOD_RULE + "（《中华人民共和国行政诉讼法》第一百零一条、"
    "《中华人民共和国民事诉讼法》第八十五条）。"
)


@dataclass(frozen=True)
class Deadline:
    """A due date, whether it is provisional, and why it falls where it does."""

    due_on: date
    provisional: bool
    rule: str  # the duty and its article
    counting: str  # how the law counts the days, and its article
    steps: str  # how this date was reached on the calendar

    @property
    def explanation(self) -> tuple[str, ...]:
        return (self.rule, self.counting, self.steps)


def answer_deadline(
    *, kind: str, copy_received_on: date, calendar: Calendar, simplified: bool = False
) -> Deadline:
    """When the agency's answer (书面答复 or 答辩状) and evidence are due."""
    if kind == AppealKind.REVIEW:
        return _review_answer(copy_received_on, calendar, simplified)
    return _litigation_answer(copy_received_on, calendar)


def _review_answer(start: date, calendar: Calendar, simplified: bool) -> Deadline:
    days = REVIEW_ANSWER_DAYS_SIMPLIFIED if simplified else REVIEW_ANSWER_DAYS
    if simplified:
        rule = (
            "适用简易程序审理的，被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件"
            "之日起五日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料"
            "（《中华人民共和国行政复议法》第五十四条；政府信息公开案件可以适用简易程序，"
            "第五十三条）。"
        )
    else:
        rule = (
            "被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，"
            "提出书面答复，并提交作出行政行为的证据、依据和其他有关材料"
            "（《中华人民共和国行政复议法》第四十八条）。"
        )
    span = calendar.add_workdays(start, days)
    steps = (
        f"收到副本之日为 {with_weekday(start)}，自次日起算 {days} 个工作日，"
        f"第 {days} 个工作日为 {with_weekday(span.end)}（{describe_span(span)}）。"
    )
    return Deadline(
        due_on=span.end,
        provisional=span.provisional,
        rule=rule,
        counting=_REVIEW_WORKDAYS,
        steps=steps + (PROVISIONAL if span.provisional else ""),
    )


def _litigation_answer(start: date, calendar: Calendar) -> Deadline:
    period = add_calendar_days(calendar, start, LITIGATION_ANSWER_DAYS)
    return Deadline(
        due_on=period.end,
        provisional=period.provisional,
        rule=(
            "被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的"
            "规范性文件，并提出答辩状（《中华人民共和国行政诉讼法》第六十七条第一款）。"
        ),
        counting=_CIVIL_PERIODS,
        steps=period.explain(),
    )


def decision_deadline(
    *, kind: str, accepted_on: date | None, calendar: Calendar, simplified: bool = False
) -> Deadline | None:
    """When the review body must decide (for information: the agency does not act on it).

    None for a lawsuit (the court's time is counted in months and may be extended by the court;
    `decision_term` says what the law provides) and for a review whose acceptance date is not
    recorded.
    """
    if kind != AppealKind.REVIEW or accepted_on is None:
        return None
    days = REVIEW_DECISION_DAYS_SIMPLIFIED if simplified else REVIEW_DECISION_DAYS
    period: CalendarPeriod = add_calendar_days(calendar, accepted_on, days)
    if simplified:
        rule = (
            "适用简易程序审理的，行政复议机关应当自受理申请之日起三十日内作出行政复议决定"
            "（《中华人民共和国行政复议法》第六十二条第二款）。"
        )
    else:
        rule = (
            "行政复议机关应当自受理申请之日起六十日内作出行政复议决定；情况复杂的，"
            "经批准可以适当延长，但延长期限最多不得超过三十日"
            "（《中华人民共和国行政复议法》第六十二条第一款）。"
        )
    return Deadline(
        due_on=period.end,
        provisional=period.provisional,
        rule=rule,
        counting="本期间不属于以工作日计算的“三日、五日、七日、十日”，依照民事诉讼法关于期间的"
        "规定计算（《中华人民共和国行政复议法》第八十八条第一款）："
        + _CIVIL_PERIOD_RULE
        + "（《中华人民共和国民事诉讼法》第八十五条）。",
        steps=period.explain(),
    )


def decision_term(kind: str) -> str:
    """What the law says of the decision's timing, in one sentence."""
    if kind == AppealKind.REVIEW:
        return (
            "行政复议机关自受理之日起六十日内作出决定，可延长不超过三十日；"
            "适用简易程序的，三十日内作出（《中华人民共和国行政复议法》第六十二条）。"
        )
    return (
        "人民法院应当在立案之日起六个月内作出第一审判决（《中华人民共和国行政诉讼法》"
        "第八十一条）；适用简易程序的，应当在立案之日起四十五日内审结（第八十三条）。"
    )
