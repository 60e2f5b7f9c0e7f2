"""Reading a year's arrangement from the State Council notice as published."""

from datetime import date, timedelta

import pytest
from chinese_calendar import constants

from xxgk.workdays import Calendar, InvalidYearDays, parse_notice

# 国务院办公厅关于2026年部分节假日安排的通知 (国务院办公厅 2025年11月4日; as carried by
# Xinhua, https://politics.gmw.cn/2025-11/04/content_38391083.htm), with its page indentation.
NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知

  各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

  经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。

  一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。

  二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。

  三、清明节：4月4日（周六）至6日（周一）放假，共3天。

  四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。

  五、端午节：6月19日（周五）至21日（周日）放假，共3天。

  六、中秋节：9月25日（周五）至27日（周日）放假，共3天。

  七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。

  鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

  国务院办公厅
  2025年11月4日
"""


def test_the_2026_notice_gives_exactly_the_packages_2026():
    notice = parse_notice(NOTICE_2026)
    days = notice.days
    assert days.year == 2026
    assert days.holidays == {d for d in constants.holidays if d.year == 2026}
    assert days.workdays == {
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    }
    assert days.workdays == {d for d in constants.workdays if d.year == 2026}
    assert days.names[date(2026, 2, 17)] == "春节"
    assert days.names[date(2026, 10, 1)] == "国庆节"
    assert notice.outside == ()


def test_a_calendar_from_the_pasted_notice_agrees_with_the_package_every_day_of_2026():
    entered = Calendar({2026: parse_notice(NOTICE_2026).days})
    package = Calendar()
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert entered.is_workday(day) == package.is_workday(day), day
        day += timedelta(1)


def test_a_range_across_new_year_keeps_only_the_notices_own_year():
    # the 2019 notice's 元旦 item, in its own words
    text = "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。"
    notice = parse_notice(text, 2019)
    assert notice.days.holidays == {date(2019, 1, 1)}
    assert notice.days.workdays == frozenset()
    assert notice.outside == (date(2018, 12, 29), date(2018, 12, 30), date(2018, 12, 31))


def test_a_count_that_disagrees_is_refused():
    with pytest.raises(InvalidYearDays, match="共8天"):
        parse_notice("一、国庆节：10月1日（周五）至7日（周四）放假调休，共8天。", 2027)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("今年的放假安排另行通知。", "年份"),
        ("关于2027年部分节假日安排的通知。请各单位做好值班。", "条目"),
        ("关于2027年部分节假日安排的通知\n一、元旦：另行通知。", "未能从通知中识别出放假日期"),
        ("2027年元旦安排\n一、元旦：2月30日放假，共1天。", "不是有效日期"),
    ],
)
def test_unreadable_notices_say_why_in_chinese(text, message):
    with pytest.raises(InvalidYearDays, match=message):
        parse_notice(text)
