"""A narrative section as clean paragraphs, one a line: what a published file prints around and
between its sentences removed, and the source's hard line breaks rejoined.

Removed: the text of the tables (a PDF's or a scraped page's tables are read as lines among the
prose: their labels, the edition's own, and rows of numbers; a header split word by word; on a
flattened page, a table glued into a line of prose), page markers (``-4-``,
``第 2 页``), lines every page repeats (headers, footers), and a web page's navigation and
document footer (附件下载, 来源：…, 打印本页, 抄送：…). Lines are then joined without a space
(Chinese has none between words); a paragraph ends where a line ends a sentence (。！？), before a
numbered heading (also inside a flattened line: ``…成效。（一）基本情况``), after a short
heading, and around the signature's date.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from xxgk.report import editions
from xxgk.report.edition import Edition
from xxgk.report.normalise import key, label_key

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_PAGE_MARK = re.compile(
    r"^(?:[-－—–_\s]*\d{1,3}[-－—–_\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$"
)
_NUMBERS_ONLY = re.compile(r"^[\d\s.,，%元万件条个/+\-－—–]+$")
# The patterns below are tried on every line of every section. Each opens with a character
# (``\s``, a literal), which the regex engine skips ahead to; a pattern that opens with an
# assertion (``^``, ``(?<=…)``, ``\S``) is tried in full at every position, many times slower.
# A laid-out table row: a label, a wide gap, numbers (pdftotext -layout, a PDF's text layer).
_LAID_OUT = re.compile(r"\s(?<=\S\s)(?:\s+[+-]?\d[\d.,]*(?:元|万元)?\s*$|\s{2,}\S.*\s{3,}\S)")
# A web page's navigation and document footer: at the line start, or anywhere in it.
_SITE_START = re.compile(r"(?:来源|发布(?:时间|日期)|抄送)[:：]")
_SITE = re.compile(
    r"附件下载|打印本页|关闭窗口|【\s*(?:打印|关闭|字体|大|小)|字号[:：]|分享到|浏览次数|"
    r"访问量|当前位置[:：]|网站地图|ICP备|网站标识码|主办单位[:：]|"
    r"承办单位[:：]|版权所有|日(?<=\d日)印发?$"  # (…12日印发)
)
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*$")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))"
)
_COMMA = re.compile(r"[，,、；;]")
_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# Where a flattened page's one line holds several: after a sentence, around a signature's date,
# before the site's footer. A split before a word starts only where a run of spaces starts
# (``(?<!\s\s)`` after its first space): tried at every space of a laid-out table row, it took
# time quadratic in the run.
_SPLIT = re.compile(
    r"\s(?:(?<=[。！？]\s)\s*"
    r"|(?<!\s\s)\s*(?=\d{4}年\d{1,2}月\d{1,2}日(?:\s|$)|来源[:：]|附件下载|抄送[:：]))"
)
# Spaces between two CJK characters or CJK punctuation. (Opens with the space it removes and
# looks behind it after: see the note above.)
_WIDE_CHAR = rf"[{_CJK}\u3000-\u303f\uff00-\uffef]"
_INNER_SPACE = re.compile(rf"[ \t](?<={_WIDE_CHAR}[ \t])[ \t]*(?={_WIDE_CHAR})")
_DIGITS = re.compile(r"[\d.]+")
# A flattened page's sentence followed at once by a numbered heading or item (``…成效。（一）基本
# 情况``, ``…工作机制。2.把握工作重点``): a paragraph starts there. (Opens with the stop, which the
# regex engine skips to.)
_STOP_BEFORE_HEADING = re.compile(
    r"[。！？](?=[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))"
)
_KEY_CHAR = re.compile(r"[^\W_]|[。！？]")  # (a sentence's end kept: no run crosses it)
_NOT_KEY_CHARS = re.compile(r"[^\w。！？]+|_+")  # everything else
# A number glued to a word, or ending the line: how a run of table text prints its numbers
# (规章000行政规范性文件), and prose does not (a number of prose ends at a unit or a stop)
_NOT_GLUED = (
    "\\d\\s.．%％元年月日件条项个号次人万亿份篇家天部期届名位批类户场余多倍岁时分秒"
    "，,。；;、：:）)”’》】—\\-－/／~～+·"
)
_GLUED_NUMBER = re.compile(rf"\d(?:(?=[^{_NOT_GLUED}])|[\s\d.]*$)")
_FLATTENED = re.compile(f"{_GLUED_NUMBER.pattern}|{_STOP_BEFORE_HEADING.pattern}")
# A run of table text glued into a line of prose: this many of the edition's labels and at
# least one number, one after another with nothing but punctuation between them.
_RUN_LABELS = 3
_RUN_MIN = 16  # key characters
_RUN_LINE = 40  # a line shorter than this is classified whole (`_kind`)
_FLATTENED_LINE = 200  # a flattened page's lines are longer (the corpus's cut ones: 236 and up)
_SCRAPS_LINE = 40  # header scraps are a line across the table: no longer
# A table's text is this share of label and number, or more.
_TABLE_SHARE = 0.75
_SHORT_HEADING = 24  # a numbered line this short, not ending a sentence, is a heading
_REPEATED = 3  # a short line printed this often is a page header or footer


def clean(
    body: str, edition: Edition, repeated: frozenset[str] = frozenset(), *, table: bool = False
) -> str:
    """The paragraphs of a section's `body`, one per line; `repeated`: lines every page prints
    (see `repeated_lines`); `table`: the section is the one a table stands in."""
    lines = [
        p.strip()
        for line in body.splitlines()
        for p in (_SPLIT.split(line) if _may_split(line) else (line,))
    ]
    lines = [line for line in lines if line and line not in repeated]
    # a flattened page's line of sentences: tables glued into it cut out, split at headings
    lines = [
        piece
        for line in lines
        for piece in (_prose_pieces(line, edition.key) if _has_sentences(line, table) else (line,))
    ]
    if table and not any(_SENTENCE_END.search(line) for line in lines):
        return ""  # no sentence at all, so none kept: the lines need not be sorted first
    kinds = [_kind(line, edition.key) for line in lines]
    _mark_between_tables(lines, kinds)
    kept = [line for line, k in zip(lines, kinds, strict=True) if k == "text"]
    if table and not any(_SENTENCE_END.search(line) for line in kept):
        return ""  # scraps of the table's header cells (a converter's split labels), no prose
    paragraphs = _join(kept)
    return "\n".join(p for p in paragraphs if key(p))


def _has_sentences(line: str, table: bool) -> bool:
    """Whether `_prose_pieces` may cut the line: a flattened page's line (in a table's section,
    or long) that ends a sentence inside it, and holds a number glued to a word or a sentence
    running into a heading. (Each scan of a line costs: most are let through by their length.)"""
    return (
        (table or len(line) >= _FLATTENED_LINE)
        and ("。" in line or "！" in line or "？" in line)
        and bool(_FLATTENED.search(line))
    )


def _prose_pieces(line: str, edition_key: str) -> list[str]:
    """A line of prose as a flattened page prints it: runs of table text glued into it cut out
    (`_table_runs`), and split where a sentence runs straight into a numbered heading."""
    runs = _table_runs(line, edition_key) if len(line) >= _RUN_LINE else []
    if not runs:
        return _at_headings(line)
    pieces = []
    at = 0
    for start, end in runs:
        pieces.append(line[at:start])
        at = end
    pieces.append(line[at:])
    return [h.strip() for p in pieces for h in _at_headings(p) if h.strip()]


def _at_headings(line: str) -> list[str]:
    """`line` split where a sentence runs straight into a numbered heading (a flattened page)."""
    out = []
    cut = 0
    for m in _STOP_BEFORE_HEADING.finditer(line):
        out.append(line[cut : m.end()])
        cut = m.end()
    if not cut:
        return [line]
    out.append(line[cut:])
    return [p for p in out if p]


def _table_runs(line: str, edition_key: str) -> list[tuple[int, int]]:
    """Where `line` holds a run of table text: labels and numbers back to back (punctuation
    between them aside), at least `_RUN_LABELS` labels, a number and `_RUN_MIN` characters."""
    if not _GLUED_NUMBER.search(line):
        return []  # (most prose: every number ends at a unit or a stop, 88条 2022年 15.4%。)
    k = _NOT_KEY_CHARS.sub("", line)  # the key characters, and the sentences' ends
    parts = sorted(
        [(m.start(), m.end(), True) for m in _labels(edition_key).finditer(k)]
        + [(m.start(), m.end(), False) for m in _DIGITS.finditer(k)]
    )
    runs: list[tuple[int, int]] = []
    start = end = labels = numbers = 0
    for s, e, is_label in [*parts, (len(k) + 1, len(k) + 1, False)]:
        if s > end or s == len(k) + 1:  # a gap of prose: the run so far ends
            if labels >= _RUN_LABELS and numbers and end - start >= _RUN_MIN:
                runs.append((start, end))
            start, labels, numbers = s, 0, 0
        if not labels and not is_label:
            start = e  # a table starts with a label: a number before it is the prose's
        end = max(end, e) if s <= end else e
        labels += is_label
        numbers += not is_label
    if not runs:
        return []
    where = [m.start() for m in _KEY_CHAR.finditer(line)]  # each key character's place
    return [(where[start], where[end - 1] + 1) for start, end in runs]


def _may_split(line: str) -> bool:
    """Whether `_SPLIT` can split the line: it needs one of the words it splits at. (Most lines
    have none; a laid-out table row has many runs of spaces, each tried by `_SPLIT`.)"""
    return (
        "。" in line
        or "！" in line
        or "？" in line
        or ("年" in line and "日" in line)
        or "来源" in line
        or "附件下载" in line
        or "抄送" in line
    )


def repeated_lines(lines: list[str]) -> frozenset[str]:
    """Short lines printed on many pages: a running header or footer."""
    counts: dict[str, int] = {}
    for line in lines:
        line = line.strip()
        if 0 < len(line) <= 30 and not _SENTENCE_END.search(line):
            counts[line] = counts.get(line, 0) + 1
    return frozenset(line for line, n in counts.items() if n >= _REPEATED)


def _kind(line: str, edition_key: str) -> str:
    """``page``, ``site``, ``table`` or ``text``."""
    if _PAGE_MARK.match(line):
        return "page"
    if _SITE_START.match(line) or _SITE.search(line):
        return "site"
    if _NUMBERS_ONLY.match(line) or _LAID_OUT.search(line) or _mostly_labels(line, edition_key):
        return "table"
    if len(line) <= _SCRAPS_LINE and _header_scraps(line, edition_key):
        return "table"
    return "text"


def _header_scraps(line: str, edition_key: str) -> bool:
    """A line of a table header split word by word (``结果结果其他尚未``, ``维持纠正结果审结``: a
    converter printed each header cell's two lines as a line across the table)."""
    words = _header_words(edition_key)
    if line[:2] not in words:
        return False  # (most lines: no key() needed)
    k = key(line)
    if len(k) < 6 or len(k) % 2:
        return False
    return all(k[i : i + 2] in words for i in range(0, len(k), 2))


@cache
def _header_words(edition_key: str) -> frozenset[str]:
    """The two-character words of the application and appeal tables' header cells."""
    ed = editions.get(edition_key)
    texts = [t for c in ed.appeal_columns for t in c.label.all]
    texts += [
        t for group in (ed.columns, ed.appeal_groups) for item in group for t in item.label.all
    ]
    texts += [
        c.text
        for header in (ed.application_header, ed.appeal_header)
        for row in header
        for c in row
    ]
    keys = [label_key(t) for t in texts]
    return frozenset(k[i : i + 2] for k in keys if len(k) % 2 == 0 for i in range(0, len(k), 2))


def _mostly_labels(line: str, edition_key: str) -> bool:
    """True when the edition's labels and numbers make up most of the line (a table's text,
    a flattened page's glued rows)."""
    k = key(line)
    if not k or _SENTENCE_END.search(line):  # a table's text never ends a sentence
        return False
    rest = _DIGITS.sub("", _labels(edition_key).sub("", k))
    return len(rest) <= (1 - _TABLE_SHARE) * len(k)


@cache
def _labels(edition_key: str) -> re.Pattern[str]:
    """Every label the edition prints in its tables, as one pattern, longest first."""
    ed = editions.get(edition_key)
    texts: list[str] = [*ed.proactive_header.all]
    for block in ed.proactive:
        texts += block.caption.all
        texts += [t for f in block.fields for t in f.label.all]
        texts += [t for r in block.rows for t in r.label.all]
    for group in (ed.columns, ed.row_groups, ed.application_rows, ed.appeal_groups):
        texts += [t for item in group for t in item.label.all]
    texts += [t for c in ed.appeal_columns for t in c.label.all]
    texts += [
        c.text
        for header in (ed.application_header, ed.appeal_header)
        for row in header
        for c in row
    ]
    texts += [t for title in ed.table_titles.values() for t in title.all]
    keys = {label_key(t) for t in texts} - {""}
    return re.compile("|".join(map(re.escape, sorted(keys, key=len, reverse=True))))


def _mark_between_tables(lines: list[str], kinds: list[str]) -> None:
    """A line between two lines of a table that does not end a sentence is part of it (a
    label wrapped over two lines, a column header split word by word)."""
    tables = [i for i, k in enumerate(kinds) if k == "table"]
    for first, last in pairwise(tables):
        for i in range(first + 1, last):
            if kinds[i] == "text" and not _SENTENCE_END.search(lines[i]):
                kinds[i] = "table"


def _join(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    for line in lines:
        line = _INNER_SPACE.sub("", line)
        if paragraphs and not _ends_paragraph(paragraphs[-1], line):
            before = paragraphs[-1]
            space = " " if before[-1:].isascii() and line[:1].isascii() else ""
            paragraphs[-1] = before + space + line
        else:
            paragraphs.append(line)
    return paragraphs


def _ends_paragraph(before: str, line: str) -> bool:
    """Whether a paragraph ends between `before` and the next `line`."""
    if _SENTENCE_END.search(before) or _HEADING.match(line):
        return True
    if _DATE.match(line) or _DATE.match(before):  # the signature: name, then date
        return True
    # a heading has no comma: "（二）部分公开的申请，只计这一情" is a wrapped sentence
    return (
        bool(_HEADING.match(before)) and len(before) <= _SHORT_HEADING and not _COMMA.search(before)
    )
