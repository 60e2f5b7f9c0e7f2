"""`xxgk deadline` as a user meets it."""

import pytest


def test_prints_the_due_date_alone(xxgk):
    result = xxgk("deadline", "2024-09-27")
    assert result.exit_code == 0
    assert result.stdout == "2024-10-30\n"


def test_explain_lists_every_counted_day_and_what_was_skipped(xxgk):
    result = xxgk("deadline", "2024-09-27", "--explain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2024-10-30"
    assert lines[1] == "收到申请日 2024-09-27（周五，不计入），起算 20 个工作日。"
    assert "  第  1 日  2024-09-29（周日）  调休上班" in lines
    assert "  第  7 日  2024-10-12（周六）  调休上班" in lines
    assert "  第 20 日  2024-10-30（周三）" in lines
    assert sum(line.startswith("  第 ") for line in lines) == 20
    assert (
        "跳过 国庆节 2024-10-01 至 2024-10-07；跳过周末 6 天；"
        "计入调休上班日 2024-09-29（周日）、2024-10-12（周六）。"
    ) in lines
    assert lines[-1] == "答复期限：2024-10-30（周三）"


def test_extended_adds_twenty_working_days(xxgk):
    # 2024-10-30 + 20: 10-31(1) 11-01(2) 04-08(7) 11-15(12) 18-22(17) 25-27(20)
    assert xxgk("deadline", "2024-09-27", "--extended").stdout == "2024-11-27\n"


@pytest.mark.parametrize(
    ("args", "due"),
    [
        # the 7-working-day correction notice across National Day 2025
        (["2025-09-26", "--days", "7"], "2025-10-13"),
        # 2026 Spring Festival with make-up Saturdays 02-14 and 02-28
        (["2026-02-13"], "2026-03-19"),
        # receipt day counted: 2024-10-08(1) ... 11-01(20)
        (["2024-10-08", "--count-receipt-day"], "2024-11-01"),
    ],
)
def test_days_and_receipt_day_options(xxgk, args, due):
    result = xxgk("deadline", *args)
    assert result.exit_code == 0
    assert result.stdout.strip() == due


@pytest.mark.parametrize("written", ["2024/9/27", "2024年9月27日", "20240927", " 2024-9-27 "])
def test_common_ways_of_writing_a_date(xxgk, written):
    assert xxgk("deadline", written).stdout == "2024-10-30\n"


@pytest.mark.parametrize("bad", ["27/09/2024", "明天", ""])
def test_a_bad_date_is_a_chinese_message_and_exit_2(xxgk, bad):
    result = xxgk("deadline", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "无法识别的日期" in result.stderr
    assert "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("bad", ["2026-02-30", "2024-13-01", "20230229"])
def test_a_day_that_does_not_exist_is_called_so(xxgk, bad):
    """Written as asked, but no such day: the message says so rather than ask for the format."""
    result = xxgk("deadline", bad)
    assert result.exit_code == 2
    assert f"没有这一天：“{bad}”，请检查月份和日期" in result.stderr


def test_a_bad_day_count_is_refused(xxgk):
    result = xxgk("deadline", "2024-09-27", "--days", "0")
    assert result.exit_code == 2
    assert "工作日数应在 1 至 366 之间" in result.stderr


def test_a_date_in_an_uncovered_year_is_printed_with_a_warning_and_exit_1(xxgk):
    result = xxgk("deadline", "2026-12-21")
    assert result.exit_code == 1
    assert result.stdout == "2027-01-18\n"
    assert "警告" in result.stderr
    assert "2027 年的节假日安排尚未录入" in result.stderr
    assert "暂定" in result.stderr


def test_the_last_certain_due_date_of_2026(xxgk):
    result = xxgk("deadline", "2026-12-03")
    assert result.exit_code == 0
    assert result.stdout == "2026-12-31\n"
    assert result.stderr == ""


NOTICE_2027 = (
    # test data shaped like a State Council notice; the real 2027 notice was not checked
    "国务院办公厅关于2027年部分节假日安排的通知\n"
    "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
)


def test_a_notice_for_2027_makes_the_date_certain(xxgk, tmp_path):
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    result = xxgk("deadline", "2026-12-21", "--notice", notice, "--explain")
    assert result.exit_code == 0
    assert result.stderr == ""
    # 22-25(4) 28-31(8) | 1-1..3 off | 1-4..8(13) 11-15(18) 18(19) 19(20)
    assert result.stdout.splitlines()[0] == "2027-01-19"
    assert "跳过 元旦 2027-01-01 至 2027-01-03；跳过周末 6 天。" in result.stdout


def test_an_unusable_notice_file_is_exit_2(xxgk, tmp_path):
    missing = xxgk("deadline", "2026-12-21", "--notice", tmp_path / "none.txt")
    assert missing.exit_code == 2
    assert "不存在" in missing.stderr
    unreadable = tmp_path / "bad.txt"
    unreadable.write_text("明年放假另行通知", encoding="utf-8")
    result = xxgk("deadline", "2026-12-21", "--notice", unreadable)
    assert result.exit_code == 2
    assert "未能从通知中看出年份" in result.stderr


TOO_EARLY = "早于《中华人民共和国政府信息公开条例》施行之日（2008年5月1日）"


@pytest.mark.parametrize("day", ["1900-01-01", "2008-04-30"])
def test_a_receipt_before_the_regulation_is_refused(xxgk, day):
    result = xxgk("deadline", day)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"收到申请之日 {day} {TOO_EARLY}" in result.stderr
    assert "警告" not in result.stderr


def test_the_day_the_regulation_took_effect_is_accepted(xxgk):
    # 05-01..03 劳动节 off; Sunday 05-04 调休上班(1) 05-05..09(6) 12-16(11) 19-23(16) 26-29(20)
    result = xxgk("deadline", "2008-05-01")
    assert result.exit_code == 0
    assert result.stdout == "2008-05-29\n"


def test_a_future_receipt_is_still_counted(xxgk):
    # planning ahead is legitimate; only an uncovered year makes it provisional
    result = xxgk("deadline", "2026-12-03")
    assert result.exit_code == 0
    assert result.stdout == "2026-12-31\n"


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        # day 15 is Saturday 2025-10-11, a make-up working day: it stays
        ("2025-09-26", "15", "2025-10-11"),
        # day 15 is 2025-10-01 (国庆节); 10-01..10-08 off, so the first day back 10-09
        ("2025-09-16", "15", "2025-10-09"),
        # day 1 is Sunday 2026-03-01: Monday
        ("2026-02-28", "1", "2026-03-02"),
        # 60 days (行政复议 application period): day 60 is Saturday 2025-03-01 -> Monday 03-03
        ("2024-12-31", "60", "2025-03-03"),
    ],
)
def test_calendar_days(xxgk, start, days, end):
    result = xxgk("deadline", start, "--calendar-days", days)
    assert result.exit_code == 0
    assert result.stdout == f"{end}\n"


def test_calendar_days_explained_when_moved(xxgk):
    result = xxgk("deadline", "2025-09-16", "--calendar-days", "15", "--explain")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "2025-10-09",
        "自 2025-09-16 起算 15 日（当日不计入，自 2025-09-17 起算），第 15 日为 2025-10-01，"
        "适逢休息日（国庆节、中秋），顺延至休息日后的第一个工作日 2025-10-09。",
        "期间届满：2025-10-09（周四）",
    ]


def test_calendar_days_explained_on_a_make_up_working_day(xxgk):
    result = xxgk("deadline", "2025-09-26", "--calendar-days", "15", "--explain")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "2025-10-11",
        "自 2025-09-26 起算 15 日（当日不计入，自 2025-09-27 起算），第 15 日为 2025-10-11。",
        "第 15 日 2025-10-11（周六）为调休上班日，不顺延。",
        "期间届满：2025-10-11（周六）",
    ]


def test_calendar_days_into_an_uncovered_year_is_provisional(xxgk):
    # day 7 is Friday 2027-01-01: a working day only by the Monday–Friday guess
    result = xxgk("deadline", "2026-12-25", "--calendar-days", "7")
    assert result.exit_code == 1
    assert result.stdout == "2027-01-01\n"
    assert "2027 年的节假日安排尚未录入" in result.stderr
    assert "暂定" in result.stderr


def test_calendar_days_with_a_notice(xxgk, tmp_path):
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    result = xxgk("deadline", "2026-12-25", "--calendar-days", "7", "--notice", notice)
    # 2027-01-01 is 元旦, 01-02/03 the weekend
    assert result.exit_code == 0
    assert result.stdout == "2027-01-04\n"
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--days", "7"], "--days"),
        (["--extended"], "--extended"),
        (["--count-receipt-day"], "--count-receipt-day"),
        (["--days", "20", "--extended"], "--days、--extended"),
    ],
)
def test_calendar_days_take_no_working_day_options(xxgk, extra, named):
    result = xxgk("deadline", "2025-09-26", "--calendar-days", "15", *extra)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"--calendar-days 不能与 {named} 同时使用" in result.stderr
    assert "(--calendar-days counts calendar days, not working days: drop --" in result.stderr


@pytest.mark.parametrize("days", ["0", "-5", "367"])
def test_a_bad_number_of_calendar_days_is_refused(xxgk, days):
    result = xxgk("deadline", "2025-09-26", "--calendar-days", days)
    assert result.exit_code == 2
    assert "自然日数应在 1 至 366 之间" in result.stderr


def test_a_period_starting_before_the_regulation_is_refused(xxgk):
    result = xxgk("deadline", "1900-01-01", "--calendar-days", "15")
    assert result.exit_code == 2
    assert f"起算日 1900-01-01 {TOO_EARLY}" in result.stderr


def test_a_period_past_the_last_representable_day_is_a_message(xxgk):
    result = xxgk("deadline", "9999-12-31", "--calendar-days", "5")
    assert result.exit_code == 2
    assert "超出了可表示的日期范围" in result.stderr
