"""Read a year's arrangement from the State Council notice as published.

An administrator pastes 《国务院办公厅关于20XX年部分节假日安排的通知》 and gets the `YearDays`
to store, instead of typing dozens of dates by hand. The notice has one item per holiday:

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。

A sentence with 放假 gives a rest day or a range of them (checked against its 共N天); a sentence
with 上班 lists make-up working days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from xxgk.workdays.calendar import InvalidYearDays, YearDays

# "一、元旦：" but not the 、 inside "元旦、春节": the numeral must not follow another character.
_ITEM = re.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]+、\s*([^：:\n。]+?)\s*[：:]")
_MENTION = re.compile(r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日")
_DAYS = re.compile(r"共\s*(\d+)\s*天")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年\s*(?:部分节假日|元旦)")
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")


@dataclass(frozen=True)
class Notice:
    """What a notice says for its year."""

    days: YearDays
    outside: tuple[date, ...]  # dates it names in a neighbouring year (entered with that year)


def parse_notice(text: str, year: int | None = None) -> Notice:
    """The rest days and make-up working days of a State Council holiday notice.

    `year` defaults to the one the notice names ("关于2027年部分节假日安排的通知").
    Raises `InvalidYearDays` (Chinese message) when nothing can be read or a 共N天 disagrees.
    """
    if year is None:
        found = _TITLE_YEAR.search(text)
        if found is None:
            raise InvalidYearDays("未能从通知中看出年份，请填写年度")
        year = int(found.group(1))
    items = list(_ITEM.finditer(text))
    if not items:
        raise InvalidYearDays("未能从通知中识别出“一、元旦：……”这样的放假安排条目")
    holidays: dict[date, str] = {}
    workdays: set[date] = set()
    for item, following in zip(items, [*items[1:], None], strict=True):
        name = item.group(1).strip()
        body = text[item.end() : following.start() if following else len(text)]
        for sentence in re.split(r"[。；;\n]", body):
            _read_sentence(name, sentence, year, holidays, workdays)
    if not holidays:
        raise InvalidYearDays("未能从通知中识别出放假日期")
    mine = {d: n for d, n in holidays.items() if d.year == year}
    outside = sorted({d for d in [*holidays, *workdays] if d.year != year})
    return Notice(
        days=YearDays(
            year=year,
            holidays=frozenset(mine),
            workdays=frozenset(d for d in workdays if d.year == year),
            names=mine,
        ),
        outside=tuple(outside),
    )


def _read_sentence(
    name: str, sentence: str, year: int, holidays: dict[date, str], workdays: set[date]
) -> None:
    plain = _BRACKETS.sub("", sentence)  # （农历腊月二十八、周日） would only confuse the dates
    if "放假" in plain:
        before = plain[: plain.index("放假")]
        days = _rest_days(name, before, year)
        stated = _DAYS.search(plain)
        if stated and int(stated.group(1)) != len(days):
            raise InvalidYearDays(
                f"{name}：识别出放假 {len(days)} 天（{days[0]} 至 {days[-1]}），"
                f"与通知所写“共{stated.group(1)}天”不符，请核对"
            )
        for day in days:
            holidays.setdefault(day, name)
    elif "上班" in plain:
        workdays.update(_mentions(name, plain, year))


def _rest_days(name: str, text: str, year: int) -> list[date]:
    mentioned = _mentions(name, text, year)
    if not mentioned:
        return []
    if "至" in text and len(mentioned) == 2:
        first, last = mentioned
        if last < first:  # 12月31日至1月2日: the range starts in the year before
            first = first.replace(year=first.year - 1)
        return [first + timedelta(n) for n in range((last - first).days + 1)]
    return mentioned


def _mentions(name: str, text: str, year: int) -> list[date]:
    """Every "[YYYY年][M月]D日" in order; a missing year or month carries over from before."""
    found: list[date] = []
    current_year, month = year, None
    for match in _MENTION.finditer(text):
        y, m, d = match.groups()
        current_year = int(y) if y else current_year
        month = int(m) if m else month
        if month is None:
            raise InvalidYearDays(f"{name}：“{match.group(0)}”缺少月份")
        try:
            found.append(date(current_year, month, int(d)))
        except ValueError as e:
            raise InvalidYearDays(f"{name}：“{match.group(0)}”不是有效日期") from e
    return found
