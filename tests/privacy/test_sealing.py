"""Sealing (SM4-GCM) and blind indexes (HMAC-SM3), without Django."""

import secrets

import pytest

from xxgk.privacy.keys import DEMO_KEY, DataKey, DataKeyError, KeyRing, parse_master
from xxgk.privacy.sealing import SealError, blind_index, blind_indexes, kid_of, seal, unseal

NEW = secrets.token_hex(32)
RING = KeyRing.from_text(DEMO_KEY)


def test_a_value_comes_back_as_it_went_in() -> None:
    for plain in ("11010519491231002X", "江城市东湖区湖滨路12号", "a@b.cn"):
        sealed = seal(plain, key=RING.current, column="c")
        assert plain not in sealed
        assert kid_of(sealed) == RING.current.kid
        assert unseal(sealed, ring=RING, column="c") == plain


def test_the_same_value_seals_differently_each_time() -> None:
    assert seal("13800138000", key=RING.current, column="c") != seal(
        "13800138000", key=RING.current, column="c"
    )


def test_blank_stays_blank() -> None:
    assert seal("", key=RING.current, column="c") == ""
    assert unseal("", ring=RING, column="c") == ""
    assert blind_index("", key=RING.current) == ""


def test_a_value_does_not_open_in_another_column_or_when_tampered() -> None:
    sealed = seal("13800138000", key=RING.current, column="phone")
    with pytest.raises(SealError, match="损坏或不属于该字段"):
        unseal(sealed, ring=RING, column="id_number")
    kid, _, body = sealed.partition(":")
    flipped = body[:-3] + ("A" if body[-3] != "A" else "B") + body[-2:]
    with pytest.raises(SealError):
        unseal(f"{kid}:{flipped}", ring=RING, column="phone")


def test_an_unknown_key_is_named() -> None:
    sealed = seal("x", key=DataKey.from_text(NEW), column="c")
    with pytest.raises(SealError, match="XXGK_OLD_DATA_KEYS"):
        unseal(sealed, ring=RING, column="c")
    assert unseal(sealed, ring=KeyRing.from_text(DEMO_KEY, (NEW,)), column="c") == "x"


def test_the_blind_index_finds_equal_values_under_every_key() -> None:
    key = RING.current
    assert blind_index("11010519491231002X", key=key) == blind_index("11010519491231002X", key=key)
    assert blind_index("11010519491231002X", key=key) != blind_index("110105194912311239", key=key)
    rotating = KeyRing.from_text(NEW, (DEMO_KEY,))
    both = blind_indexes("11010519491231002X", ring=rotating)
    assert blind_index("11010519491231002X", key=key) in both
    assert len(set(both)) == 2


def test_encryption_and_hashing_use_different_derived_keys() -> None:
    key = DataKey.from_text(NEW)
    assert key.sm4 != key.index[:16]
    assert len(key.sm4) == 16
    assert key.kid != RING.current.kid


def test_a_key_is_hex_or_base64_of_32_bytes() -> None:
    import base64

    raw = bytes.fromhex(NEW)
    assert parse_master(base64.b64encode(raw).decode()) == raw
    assert DataKey.from_text(base64.b64encode(raw).decode()) == DataKey.from_text(NEW)
    for bad in ("", "abc", "00" * 16, "zz" * 32):
        with pytest.raises(DataKeyError, match="32 字节"):
            parse_master(bad)
