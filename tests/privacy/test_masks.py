"""The masks every page, export and preview shows by default."""

import pytest

from xxgk.privacy.masks import mask_address, mask_email, mask_id_number, mask_phone


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("110105194912311239", "110105********1239"),
        ("11010519491231002X", "110105********002X"),
        ("110105491231123", "110105*****1123"),  # the old 15-digit number
        ("G1234567", "G******7"),  # a passport-like number
        ("", ""),
    ],
)
def test_an_id_number_keeps_its_region_and_last_four(value, shown) -> None:
    assert mask_id_number(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("13800138000", "138****8000"),
        ("0599-8000001", "059*****0001"),
        ("12345", "***45"),
        ("", ""),
    ],
)
def test_a_phone_keeps_its_first_three_and_last_four(value, shown) -> None:
    assert mask_phone(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("zhangsan@example.com", "z***@example.com"),
        ("a@example.com", "a***@example.com"),  # the mailbox's length is not told
        ("", ""),
    ],
)
def test_an_email_keeps_its_first_letter_and_domain(value, shown) -> None:
    assert mask_email(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("江城市东湖区湖滨路12号", "江城市东湖区****"),
        ("北京市朝阳区建国路1号院2号楼", "北京市朝阳区****"),
        ("广西壮族自治区南宁市青秀区民族大道1号", "广西壮族自治区南宁市****"),
        ("湖滨路12号", "湖滨****"),  # no division: its first third
        ("", ""),
    ],
)
def test_an_address_keeps_its_divisions(value, shown) -> None:
    assert mask_address(value) == shown


@pytest.mark.parametrize(
    "value",
    ["110105194912311239", "13800138000", "zhangsan@example.com", "江城市东湖区湖滨路12号"],
)
def test_no_mask_shows_the_whole_value(value) -> None:
    for mask in (mask_id_number, mask_phone, mask_email, mask_address):
        assert value not in mask(value)
