"""The words of the letters: every letter keeps the rules of `checks`; each kind says what the
Regulation requires of it; missing facts and wrong grounds are refused in Chinese."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from xxgk.applications.fees import fee_by_count, fee_by_pages
from xxgk.applications.letters import texts
from xxgk.applications.letters.facts import (
    Consultation,
    Extension,
    FeeNotice,
    LetterError,
    Party,
    Reply,
    Sender,
)
from xxgk.report import editions

from . import checks
from .examples import (
    ALL,
    ALL_REPLY_FACTS,
    EVENT_LETTERS,
    ORGANISATION,
    PERSON,
    REPLIES,
    WITH_REMEDIES,
    make,
    outcome_grounds,
)


@pytest.mark.parametrize("key", sorted(ALL))
def test_every_letter_keeps_the_rules(key):
    text = texts.compose(ALL[key])
    checks.check(key, ALL[key], "\n".join(text.lines()), key in WITH_REMEDIES)


def test_every_outcome_row_of_both_editions_has_a_reply():
    rows = {r.key for e in editions.all_editions().values() for r in e.outcome_rows}
    covered = {key for key, _ in outcome_grounds()}
    assert rows <= covered
    assert {"granted", "other", "other_other", "not_processed_confirm"} <= rows


# -- which facts each outcome needs (from Arts. 36–39: what the reply must tell) -------------

NEEDS = {
    "granted": ("delivery",),  # 36(1) 告知获取的方式、途径; 36(2) 提供或者告知方式、途径和时间
    "partial": ("delivery", "reasons"),  # 37 对不予公开的内容说明理由
    "denied_state_secret": ("reasons",),  # 36(3) 告知不予公开并说明理由
    "denied_law_forbidden": ("reasons",),
    "denied_three_safeties": ("reasons",),
    "denied_third_party": ("reasons",),
    "denied_internal_affairs": ("reasons",),
    "denied_process_info": ("reasons",),
    "denied_enforcement_file": ("reasons",),
    "denied_admin_query": ("referral",),  # 36(7) 告知依照有关规定办理
    "unable_not_held": ("reasons",),  # 36(4) the search made; 36(5) 说明理由
    "unable_needs_creation": ("reasons",),
    "unable_unclear_after_correction": ("reasons",),
    "not_processed_petition": ("reasons",),
    "not_processed_duplicate": ("reasons",),  # which earlier reply
    "not_processed_publication": ("referral",),  # 39 ¶2 告知获取的途径
    "not_processed_massive": ("reasons",),
    "not_processed_confirm": ("reasons",),
    "other_no_correction": (),
    "other_no_fee": (),
    "other_other": (),
    "other": (),
}


@pytest.mark.parametrize(("outcome", "ground"), outcome_grounds())
def test_a_reply_without_a_fact_its_outcome_needs_is_refused(outcome, ground):
    for field in NEEDS[outcome]:
        facts = {**ALL_REPLY_FACTS, field: ""}
        with pytest.raises(LetterError, match=field):
            texts.compose(make(Reply(outcome, ground, **facts)))
    # and nothing else is needed
    bare = {f: "" for f in ALL_REPLY_FACTS if f not in NEEDS[outcome] and f != "attachments"}
    letter = make(Reply(outcome, ground, **{**ALL_REPLY_FACTS, **bare}))
    checks.check(outcome, letter, "\n".join(texts.compose(letter).lines()), with_remedies=True)


def test_no_ground_is_preselected():
    with pytest.raises(LetterError, match="法律依据"):
        Reply("granted", "")
    with pytest.raises(LetterError, match="应为以下之一"):
        texts.compose(
            make(
                Reply("granted", "《条例》第十四条：依法确定为国家秘密的政府信息", delivery="邮寄")
            )
        )
    with pytest.raises(LetterError, match="不是任何一版"):
        texts.compose(make(Reply("granted_maybe", "随便", delivery="邮寄")))


def test_the_two_grounds_of_a_row_give_two_different_letters():
    granted = [g for k, g in outcome_grounds() if k == "granted"]
    published, provided = (
        "\n".join(texts.body(make(Reply("granted", g, delivery="在本机关门户网站公开"))))
        for g in granted
    )
    checks.contains(published, "已经主动公开", "第三十六条第（一）项")
    checks.contains(provided, "予以公开", "第三十六条第（二）项")


def test_not_this_agencys_information_names_the_responsible_agency_when_known():
    ground = next(g for k, g in outcome_grounds() if k == "unable_not_held" and "（五）" in g)
    full = "\n".join(texts.body(make(Reply("unable_not_held", ground, **ALL_REPLY_FACTS))))
    assert "该政府信息由江阴市住房和城乡建设局负责公开（联系方式：0510-86001234）" in full
    unknown = {**ALL_REPLY_FACTS, "responsible_agency": "", "responsible_contact": ""}
    assert "可以向该机关申请获取" not in "".join(
        texts.body(make(Reply("unable_not_held", ground, **unknown)))
    )


def test_the_2019_other_row_takes_the_2021_grounds_and_a_cause_in_words():
    no_fee = next(g for k, g in outcome_grounds() if k == "other_no_fee")
    text = "\n".join(texts.body(make(Reply("other", no_fee))))
    checks.contains(text, "未在规定期限内缴纳信息处理费", "国办函〔2020〕109号")
    withdrawn = texts.compose(make(Reply("other", "申请人撤回申请")))
    assert withdrawn.title == "政府信息公开申请终止办理告知书"
    assert "因申请人撤回申请，本机关终止办理" in "".join(withdrawn.body)


@pytest.mark.parametrize(
    ("outcome", "title"),
    [
        ("granted", "政府信息公开申请答复书"),
        ("partial", "政府信息部分公开告知书"),
        ("denied_third_party", "政府信息不予公开告知书"),
        ("unable_needs_creation", "政府信息无法提供告知书"),
        ("not_processed_massive", "政府信息公开申请不予处理告知书"),
        ("other_no_fee", "政府信息公开申请终止办理告知书"),
    ],
)
def test_reply_titles_follow_the_outcome_group(outcome, title):
    ground = next(g for k, g in outcome_grounds() if k == outcome)
    assert texts.compose(make(Reply(outcome, ground, **ALL_REPLY_FACTS))).title == title


# -- the other letters ------------------------------------------------------------------------


def test_receipt_gives_number_date_channel_request_and_due_date():
    text = "\n".join(texts.compose(EVENT_LETTERS["receipt"]).lines())
    for part in (
        "YSQ-2025-0012",
        "2025年10月8日",
        "网上申请平台",
        "国有建设用地供应计划",
        "2025年11月5日前",
    ):
        assert part in text


def test_correction_states_what_to_supply_the_period_and_its_last_day():
    text = "".join(texts.body(EVENT_LETTERS["correction"]))
    checks.contains(text, "第三十条", "10个工作日", "2025年10月24日前")
    checks.contains(text, "视为放弃申请", "收到补正的申请之日起计算")


def test_extension_is_at_most_20_working_days():
    text = "".join(texts.body(EVENT_LETTERS["extension"]))
    checks.contains(text, "第三十三条第二款", "延长15个工作日", "2025年11月26日前")
    with pytest.raises(LetterError, match="20个工作日"):
        Extension("案情复杂", 21, date(2025, 12, 1))


def test_consultation_says_what_silence_means_under_each_article():
    art32 = "".join(texts.body(EVENT_LETTERS["consultation-32-organisation"]))
    checks.contains(art32, "第三十二条", "15个工作日")
    assert "逾期未提出意见的，由本机关依照《条例》的规定决定是否公开" in art32
    art34 = "".join(texts.body(EVENT_LETTERS["consultation-34"]))
    checks.contains(art34, "第三十四条", "逾期未提出意见的，视为同意公开")
    for key in ("consultation-32-organisation", "consultation-34"):
        assert PERSON.name not in "\n".join(texts.compose(EVENT_LETTERS[key]).lines())
    with pytest.raises(LetterError, match="行政机关"):
        texts.compose(make(Consultation(34, Party("王五", True), "某文件")))


def test_third_party_notice_gives_content_and_reasons():
    text = "".join(texts.body(EVENT_LETTERS["third-party"]))
    checks.contains(text, "危险废物产生量及处置去向", "对公共利益造成重大影响")
    checks.contains(text, "第三十二条", "2025年11月20日")


def test_fee_notice_130_pages_by_volume():
    text = "\n".join(texts.body(EVENT_LETTERS["fee-pages"]))
    checks.contains(text, "按量计收", "第五条", "第四十二条")
    assert "第31—100页，共70页，每页10元，计700.00元" in text
    assert "第101—130页，共30页，每页20元，计600.00元" in text
    assert "合计：1300.00元（大写：人民币壹仟叁佰元整）" in text
    checks.contains(text, "自收到本通知书次日起20个工作日内", "视为放弃申请")


def test_fee_notice_by_count_and_refusals():
    text = "".join(texts.body(EVENT_LETTERS["fee-count-organisation"]))
    checks.contains(text, "按件计收", "第四条", "（一）本月第12件，每件100元，计100.00元。")
    with pytest.raises(LetterError, match="为零"):
        FeeNotice(fee_by_pages(30), "窗口缴纳")
    with pytest.raises(LetterError, match="缴纳方式"):
        FeeNotice(fee_by_pages(130), " ")


def test_a_long_breakdown_is_numbered_in_chinese_numerals():
    notice = FeeNotice(fee_by_count(250), "窗口缴纳")
    lines = [p for p in texts.body(make(notice)) if p.startswith("（")]
    assert len(lines) == 24
    assert lines[9].startswith("（十）第101—110件，共10件，每件900元")
    assert lines[-1] == "（二十四）第241—250件，共10件，每件2300元，计23000.00元。"


def test_reasons_request_cites_article_35():
    text = "".join(texts.body(EVENT_LETTERS["reasons-request"]))
    checks.contains(text, "第三十五条", "明显超过合理范围", "2025年11月13日前")


def test_configured_review_body_and_court_are_named():
    sender = Sender("某局", "某路1号", "12345", "赵六", "某市人民政府", "某区人民法院")
    letter = replace(next(iter(REPLIES.values())), sender=sender)
    assert texts.compose(letter).body[-1] == (
        "如对本答复不服，可以在收到本答复之日起60日内向某市人民政府申请行政复议，"
        "或者在收到本答复之日起6个月内向某区人民法院提起行政诉讼。"
    )


def test_organisation_is_never_addressed_as_a_person():
    for key, letter in REPLIES.items():
        if letter.applicant == ORGANISATION:
            assert "你单位" in "".join(texts.body(letter)), key


def test_the_old_templates_you_or_your_organisation_becomes_the_right_form():
    ground = next(g for k, g in outcome_grounds() if k == "denied_third_party")
    facts = {**ALL_REPLY_FACTS, "reasons": "你（单位）申请的信息涉及他人的个人隐私"}
    for party, form in ((PERSON, "你申请的信息"), (ORGANISATION, "你单位申请的信息")):
        text = "".join(texts.body(make(Reply("denied_third_party", ground, **facts), party)))
        assert form in text
        assert "（单位）" not in text


def test_missing_sender_facts_are_refused_in_chinese():
    with pytest.raises(LetterError, match="行政复议机关"):
        Sender("某局", "某路1号", "12345", "赵六", "", "某区人民法院")
    with pytest.raises(ValueError, match="姓名或名称"):
        Party(" ", True)


# -- helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("messy", "tidy"),
    [
        ("理由如下：：不予公开。。", "理由如下：不予公开。"),
        ("经审查，。", "经审查。"),
        ("详见（）附件“”。", "详见附件。"),
        ("本机关 于 2025年", "本机关于2025年"),
        ("第 3 条", "第3条"),
        ("申请；。", "申请。"),
        ("see the PDF file", "see the PDF file"),
    ],
)
def test_tidy(messy, tidy):
    assert texts.tidy(messy) == tidy
    assert not checks.faults(tidy)


def test_the_check_catches_what_tidy_removes():
    for bad in ("理由。。", "（）", "你（单位）", "本 机关", "截至2025-10-30", "申请,请"):
        assert checks.faults(bad), bad


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("1300.00", "壹仟叁佰元整"),
        ("4700", "肆仟柒佰元整"),
        ("100100", "壹拾万零壹佰元整"),
        ("1005.5", "壹仟零伍元伍角整"),
        ("1300.05", "壹仟叁佰元零伍分"),
        ("0.5", "伍角整"),
        ("100000005", "壹亿零伍元整"),
        ("0", "零元整"),
    ],
)
def test_rmb_upper(amount, words):
    assert texts.rmb_upper(Decimal(amount)) == words


def test_dates_are_in_arabic_numerals_without_leading_zeros():
    assert texts.chinese_date(date(2025, 1, 5)) == "2025年1月5日"
