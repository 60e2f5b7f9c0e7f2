"""What every letter's text must satisfy, written from the rules, not from the code that writes
it: used on the composed text and on the text read back from the Word file."""

from __future__ import annotations

import re

from xxgk.applications.letters.facts import Consultation, Letter, Reply, ThirdPartyNotice

FULL_NAME = "《中华人民共和国政府信息公开条例》"
CJK = r"\u3400-\u9fff"

_FAULTS = {
    "doubled or stray marks": re.compile(r"[，。；：、！？]{2,}"),
    "empty brackets": re.compile(r"（\s*）|\(\s*\)|“\s*”|《\s*》|〔\s*〕"),
    "space between Chinese characters": re.compile(
        rf"[{CJK}，。；：、（）“”][ \t\u3000]+[{CJK}，。；：、（）“”]"
    ),
    "half-width mark next to Chinese": re.compile(rf"[{CJK}][,;:!?()]|[,;:!?()][{CJK}]"),
    "unfilled placeholder": re.compile(r"[{}]|None|\bnan\b"),
    "你（单位）": re.compile(r"你（单位）|你\(单位\)"),
    "ISO date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "leading zero in a date": re.compile(r"年0\d月|月0\d日"),
}


def faults(text: str) -> list[str]:
    """The names of the faults found in `text`, with the text around each."""
    found = []
    for name, pattern in _FAULTS.items():
        for m in pattern.finditer(text):
            found.append(f"{name}: …{text[max(m.start() - 8, 0) : m.end() + 8]}…")
    return found


def contains(text: str, *parts: str) -> None:
    missing = [p for p in parts if p not in text]
    assert not missing, missing


def remedies(letter: Letter, act: str = "答复", document: str = "答复") -> str:
    s = letter.sender
    refused = isinstance(letter.facts, Reply) and (
        letter.facts.outcome == "partial"
        or (
            letter.facts.outcome.startswith("denied_")
            and letter.facts.outcome != "denied_admin_query"
        )
    )
    if refused:  # 行政复议法第二十三条: review comes first after a refusal to disclose
        return (
            f"如对本答复不服，应当在收到本答复之日起60日内先向{s.review_body}申请行政复议；"
            "对行政复议决定不服的，可以依法向人民法院提起行政诉讼。"
        )
    return (
        f"如对本{act}不服，可以在收到本{document}之日起60日内向{s.review_body}申请行政复议，"
        f"或者在收到本{document}之日起6个月内向{s.court}提起行政诉讼。"
    )


def addressee(letter: Letter):
    f = letter.facts
    return f.party if isinstance(f, Consultation | ThirdPartyNotice) else letter.applicant


def check(key: str, letter: Letter, text: str, with_remedies: bool) -> None:
    """Assert every rule on the whole text of one letter (paragraphs joined by newlines)."""
    assert not faults(text), (key, faults(text))
    # the Regulation is named in full once, before any 《条例》, which it then introduces
    assert text.count(FULL_NAME) == 1, key
    if "《条例》" in text:
        assert text.index(FULL_NAME) < text.index("《条例》"), key
        assert f"{FULL_NAME}（以下简称《条例》）" in text, key
    # the form of address
    party = addressee(letter)
    body = text.split("\n", 3)[3]  # what follows the title, the 文号 and the addressee
    assert text.split("\n")[2] == f"{party.name}：", key
    if isinstance(letter.facts, Consultation) and letter.facts.article == 34:
        contains(body, "贵机关")
        assert "你" not in body, key
    elif party.is_person:
        contains(body, "你")
        assert "你单位" not in body, key
    else:
        contains(body, "你单位")
        assert not re.search("你(?!单位)", body), key
    # the remedies end the body of a decision, and only of a decision
    if with_remedies:
        act, document = (
            ("决定", "告知书") if isinstance(letter.facts, ThirdPartyNotice) else ("答复", "答复")
        )
        assert remedies(letter, act, document) in text, key
    else:
        assert "行政复议" not in text, key
    # sender, date in Arabic numerals, 附注
    assert letter.sender.agency in text, key
    assert "2025年10月30日" in text, key
    assert f"（联系人：{letter.sender.contact}；" in text, key
    if isinstance(letter.facts, Reply):
        check_citation(key, letter.facts, text)


def check_citation(key: str, reply: Reply, text: str) -> None:
    """A reply cites the article (and item or paragraph) of its ground."""
    if "：" not in reply.ground:  # a cause in words, e.g. a withdrawal
        assert reply.ground in text, key
        return
    cited = reply.ground.split("：")[0]
    for part in re.findall(
        r"第[一二三四五六七八九十]+条(?:第（[一二三四五六七]）项|第[一二]款)?", cited
    ):
        assert part in text, (key, part)
    if "信息处理费管理办法" in cited:
        assert "国办函〔2020〕109号" in text, key
