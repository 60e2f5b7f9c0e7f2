from hypothesis import given
from hypothesis import strategies as st

from xxgk.applications.identifiers import (
    check_credit_code,
    check_id_number,
    credit_code_check_char,
    id_number_check_char,
)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def test_published_examples_are_valid() -> None:
    # GB 11643-1999's own example, and GB 32100-2015's.
    assert check_id_number("11010519491231002X") is None
    assert check_id_number("11010519491231002x") is None
    assert check_credit_code("91350100M000100Y43") is None


def test_wrong_check_digits_are_refused() -> None:
    assert "校验位" in check_id_number("110105194912310021")
    assert "校验位" in check_credit_code("91350100M000100Y44")


def test_malformed_values_say_why() -> None:
    assert "18 位" in check_id_number("1101051949")
    assert "出生日期" in check_id_number("110105194902301234")
    assert "数字" in check_id_number("11010519491231A02X")
    assert "18 位" in check_credit_code("9135")
    assert "不允许的字符" in check_credit_code("91350100M000100YO3")


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_id_check_char_is_the_only_valid_one(first17: str) -> None:
    right = id_number_check_char(first17)
    for c in "0123456789X":
        problem = check_id_number("11010519491231" + first17[14:] + c)
        # only the digit the algorithm computes for that body passes the check
        body = "11010519491231" + first17[14:]
        assert (problem is None) == (c == id_number_check_char(body))
    assert right in "0123456789X"


@given(st.text(alphabet=USCC_CHARS, min_size=17, max_size=17))
def test_credit_code_check_char_is_the_only_valid_one(first17: str) -> None:
    right = credit_code_check_char(first17)
    for c in USCC_CHARS:
        assert (check_credit_code(first17 + c) is None) == (c == right)


def _with_check(first17: str) -> str:
    return first17 + id_number_check_char(first17)


def test_each_identity_document_is_checked_by_its_own_rule() -> None:
    from xxgk.applications.identifiers import IdDocument, check_document

    permit = _with_check("81000019900101001")  # a Hong Kong resident's 居住证
    permanent = _with_check("93115619900101001")  # a 2023 外国人永久居留身份证
    valid = {
        IdDocument.RESIDENT_ID: "11010519491231002X",
        IdDocument.RESIDENCE_PERMIT: permit,
        IdDocument.HK_MACAO_PERMIT: "H12345678",
        IdDocument.PASSPORT: "E12345678",
        IdDocument.FOREIGN_PERMANENT: permanent,
    }
    for kind, number in valid.items():
        assert check_document(kind, number) is None, kind
    assert check_document(IdDocument.FOREIGN_PERMANENT, "USA123456789012") is None  # 2017 card
    # Each check character and form is its own.
    wrong_permit = permit[:17] + ("0" if permit[17] != "0" else "1")
    assert "校验位" in check_document(IdDocument.RESIDENCE_PERMIT, wrong_permit)
    assert "810000" in check_document(IdDocument.RESIDENCE_PERMIT, "11010519491231002X")
    assert "港澳台居民居住证" in check_document(IdDocument.RESIDENT_ID, permit)
    assert "H 或 M" in check_document(IdDocument.HK_MACAO_PERMIT, "A12345678")
    assert "5 至 17" in check_document(IdDocument.PASSPORT, "E12")
    assert "9 开头" in check_document(IdDocument.FOREIGN_PERMANENT, "11010519491231002X")
    wrong = permanent[:17] + ("0" if permanent[17] != "0" else "1")
    assert "校验位" in check_document(IdDocument.FOREIGN_PERMANENT, wrong)
    assert check_document(IdDocument.PASSPORT, "") == "请填写证件号码。"
