"""Normalisation of printed report text and cells (spec §6)."""

from decimal import Decimal

import pytest

from xxgk.report.normalise import clean, is_blank, key, parse_count, parse_money


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("規範性檔案", "规范性文件"),  # zh-TW vocabulary, not only characters
        ("政府集中採購", "政府集中采购"),
        ("行政規範性文件", "行政规范性文件"),  # 文件 stays 文件 in traditional text
        ("行政规范性文件", "行政规范性文件"),  # simplified text is left alone
        ("根據(jù)修訂", "根据修订"),
        ("機關(guān)(zhǔn)", "机关"),  # two syllables, tone marks
        ("公(gong)開(kai)", "公开"),
        ("網站(saaoao.cn)下載", "网站(saaoao.cn)下载"),  # real parenthesised text kept
        ("辦理(APEC)商務卡", "办理(APEC)商务卡"),
        ("不明確(què)", "不明确"),  # üe written ue after j q x y
        ("學(xué)習(xí)", "学习"),
        ("代號(due)", "代号(due)"),  # ue after d is no syllable
        ("第２０條", "第20条"),
    ],
)
def test_clean(printed: str, expected: str) -> None:
    assert clean(printed) == expected


def test_key_drops_spacing_brackets_and_numbering_marks() -> None:
    assert key("（二）部分公开") == key("(二)部分\n公开") == "二部分公开"
    assert key("3. 危及“三安全一稳定”") == key('3.危及"三安全一稳定"')
    assert key("本年新\n制作数量") == key("本年新 制作数量") == "本年新制作数量"


@pytest.mark.parametrize("printed", ["", " ", "—", "-", "/", "无", "?", "？", "\u00a0"])
def test_placeholders_read_as_blank_zero(printed: str) -> None:
    value = parse_count(printed)
    assert value.value == 0
    assert value.blank
    assert is_blank(printed)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("12", 12), ("+1036", 1036), ("-8", -8), ("1,234", 1234), ("１２", 12), ("7件", 7)],
)
def test_counts(printed: str, expected: int) -> None:
    value = parse_count(printed)
    assert value.value == expected
    assert not value.blank


def test_not_a_count() -> None:
    assert parse_count("自然人").value is None
    assert parse_count("12.5").value is None


@pytest.mark.parametrize(
    ("printed", "unit", "expected"),
    [
        ("190000元", "元", "190000"),
        ("19万元", "元", "190000"),
        ("190000", "元", "190000"),
        ("7730.28", "万元", "77302800"),  # 2021 fees are printed in 万元
        ("0.5", "万元", "5000"),
        ("75394432.52元", "元", "75394432.52"),
        ("1,234,567元", "元", "1234567"),
    ],
)
def test_money_in_yuan(printed: str, unit: str, expected: str) -> None:
    assert parse_money(printed, unit).value == Decimal(expected)


def test_money_placeholder_is_blank_zero() -> None:
    value = parse_money("—", "万元")
    assert value.value == 0
    assert value.blank
