"""Normalisation of published report text before reading (spec §6).

Two levels:

- `clean` makes printed text comparable with the editions: scraper pinyin after CJK characters
  removed (``根據(jù)`` → ``根據``), traditional characters and zh-TW vocabulary converted back
  to simplified (``規範性檔案`` → ``规范性文件``), full-width digits and letters made ASCII, odd
  spaces (NBSP, ideographic space) made plain spaces. Text keeps its punctuation and line breaks.
- `key` reduces a label to what identifies it: no whitespace, punctuation or quotes, brackets
  and numbering dots dropped (``（二）部分公开`` → ``二部分公开``), for label matching.

Cell values: `parse_count` and `parse_money` read one printed cell, telling a blank or
placeholder cell (read as 0) from a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache, lru_cache

import opencc

from xxgk.report.money import YUAN_PER_UNIT, to_yuan

# zh-TW with Taiwanese vocabulary → mainland simplified: 規範性檔案 → 规范性文件, 採購 → 采购.
_CONVERTER = opencc.OpenCC("tw2sp")
# tw2sp also reads 文件 as the Taiwanese word for 文档; in these reports it is always 文件.
_KEEP = "文件"


@cache
def _traditional() -> re.Pattern[str]:
    """Characters that only traditional text uses: OpenCC is run only where one occurs (it
    would otherwise rewrite simplified vocabulary, and it is the slow step)."""
    t2s = opencc.OpenCC("t2s")
    chars = [chr(c) for c in range(0x3400, 0xA000)]
    converted = t2s.convert("".join(chars))
    trad = [a for a, b in zip(chars, converted, strict=True) if a != b]
    return re.compile("[" + "".join(re.escape(c) for c in trad) + "]")


_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# A pinyin syllable with optional tone marks, e.g. ``jù``, ``guān``, ``zhǔn``, ``lü``.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_AFTER_CJK = re.compile(rf"(?<=[{_CJK})])\(([a-z{_TONED}]{{1,6}})\)")
_UNTONE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
# Initial (optional) + final: rejects ``(app)``, ``(sos)`` but keeps ``(jù)``, ``(guān)``.
# ``ue`` is how pinyin writes üe after j, q, x, y (``què``, ``xué``, ``yuē``) and n, l (``lüè``).
_SYLLABLE = re.compile(
    r"^(?:[jqxynl]ue|"
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|"
    r"ia|ie|iu|ua|uo|ui|ve|a|o|e|i|u|v))$"
)


def _drop_pinyin(match: re.Match[str]) -> str:
    syllable = match.group(1).translate(_UNTONE)
    return "" if _SYLLABLE.match(syllable) else match.group(0)


_SPACE_CHARS = r"\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff\t\r\f\v"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")


@cache
def _wide_table() -> dict[int, str]:
    """Full-width ASCII (！ … ～) to ASCII, except the brackets, colon, comma and semicolon that
    the editions print full-width: those are unified in `key` instead."""
    keep = set("（）：，；")
    table = {}
    for code in range(0xFF01, 0xFF5F):
        ch = chr(code)
        if ch not in keep:
            table[code] = chr(code - 0xFEE0)
    return table


# the full-width characters the table converts (not the brackets and stops the editions print)
_WIDE = re.compile("[\uff01-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff5e]")


@cache
def _changed() -> re.Pattern[str]:
    """Any character `clean` would change (pinyin aside): traditional, full-width, odd spaces.
    Most printed text has none, and one search then settles it."""
    chars = _traditional().pattern[1:-1] + _WIDE.pattern[1:-1] + _SPACE_CHARS
    return re.compile(f"[{chars}]")


def clean(text: str) -> str:
    """Printed text made comparable: pinyin noise out, simplified, ASCII digits, plain spaces.

    Line breaks are kept (readers use them); other odd whitespace becomes a plain space.
    """
    if text.isascii():
        return _SPACES.sub(" ", text) if ("\t" in text or "\r" in text) else text
    if "(" not in text and not _changed().search(text):
        return text
    if "(" in text:
        # twice: 關(guān)(zhǔn) carries two syllables
        for _ in range(2):
            text = _PINYIN_AFTER_CJK.sub(_drop_pinyin, text)
    if _traditional().search(text):
        text = _KEEP.join(_CONVERTER.convert(part) for part in text.split(_KEEP))
    if _WIDE.search(text):
        text = text.translate(_wide_table())
    return _SPACES.sub(" ", text)


# Everything that does not identify a label: whitespace, punctuation of both widths, quotes,
# brackets and numbering dots.
_NOT_KEY = re.compile(r"[\s\W_]+", re.UNICODE)


# Bounded memo: the national form's labels recur in every report of a batch audit.
@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """What identifies a label: letters, digits, CJK (``（二）部分公开`` → ``二部分公开``)."""
    if _WIDE.search(text):
        text = text.translate(_wide_table())
    return _NOT_KEY.sub("", text)


@cache
def label_key(text: str) -> str:
    """`key` of a label the editions print (a small, fixed set: remembered)."""
    return key(text)


# -- cell values -------------------------------------------------------------------------

#: What a count cell prints when it means nothing (read as 0, recorded as blank).
PLACEHOLDERS = frozenset({"", "—", "——", "-", "--", "－", "/", "／", "无", "?", "？", "…", "、"})

#: What xxgk prints in a cell it could not read (`xxgk render` of an audited report): read
#: back as unreadable again, never as a blank (a blank cell on the national form means 0).
UNREADABLE = "无法读取"

_COUNT = re.compile(r"^([+-]?)(\d+)(?:件|条|个|项|人次|次)?$")
# Printed units, and their short forms (19万 = 19万元), from the one table of units.
_UNIT_NAMES = {u: u for u in YUAN_PER_UNIT} | {u[:-1]: u for u in YUAN_PER_UNIT if len(u) > 1}
_MONEY = re.compile(
    r"^([+-]?)(\d+(?:\.\d+)?)("
    + "|".join(sorted(map(re.escape, _UNIT_NAMES), key=len, reverse=True))
    + ")?$"
)
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_DASHES = str.maketrans({"－": "-", "—": "-", "–": "-", "＋": "+"})


@dataclass(frozen=True)
class CellValue:
    """A printed cell read: its value and whether it was blank (or a placeholder)."""

    value: int | Decimal | None
    blank: bool = False


def _compact(text: str) -> str:
    text = clean(text).strip()
    text = _THOUSANDS.sub("", text)
    return "".join(text.split())  # str.split's whitespace is re's \s


def is_blank(text: str) -> bool:
    """A blank cell or a placeholder (—, -, /, 无, ?) that reads as 0."""
    if text.isdigit() and text.isascii():
        return False  # a number (the common cell)
    return _compact(text) in PLACEHOLDERS


def parse_count(text: str) -> CellValue:
    """A count cell: ``12`` → 12, ``+1036`` → 1036, ``-8`` → -8, blank or ``—`` → 0 (blank).

    A cell that is not a count gives ``CellValue(None)``.
    """
    if text.isascii() and text.strip().isdigit():
        return CellValue(int(text))
    compact = _compact(text)
    if compact in PLACEHOLDERS:
        return CellValue(0, blank=True)
    m = _COUNT.match(compact.translate(_DASHES))
    if not m:
        return CellValue(None)
    value = int(m.group(2))
    return CellValue(-value if m.group(1) == "-" else value)


def parse_money(text: str, unit: str = "元") -> CellValue:
    """A money cell in yuan: ``190000元`` and ``19万元`` → 190000; a bare number is in `unit`
    (the unit the edition prints: ``元`` or ``万元``)."""
    compact = _compact(text)
    if compact in PLACEHOLDERS:
        return CellValue(Decimal(0), blank=True)
    m = _MONEY.match(compact.translate(_DASHES))
    if not m:
        return CellValue(None)
    try:
        amount = Decimal(m.group(2))
    except InvalidOperation:  # the pattern admits only digits; kept as a guard
        return CellValue(None)
    amount = to_yuan(amount, _UNIT_NAMES[m.group(3)] if m.group(3) else unit)
    if m.group(1) == "-":
        amount = -amount
    return CellValue(_tidy(amount))


def _tidy(amount: Decimal) -> Decimal:
    """190000.00 → 190000; 75394432.520 → 75394432.52 (no exponent), never rounded."""
    with localcontext() as ctx:
        ctx.prec = max(28, len(amount.as_tuple().digits) + 2)
        if amount == amount.to_integral():
            return amount.quantize(Decimal(1))
        return amount.normalize()
