"""Agency, year and narrative sections of a published report (report-json.md: from the title,
the opening paragraph or the signature at the end)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from xxgk.report import editions
from xxgk.report.edition import Edition
from xxgk.report.normalise import key, label_key
from xxgk.report.read import narrative

_CJK = "\u4e00-\u9fff"
# An agency's name ends with what it is; a region's name (平潭综合实验区) does not.
_AGENCY_END = (
    "人民政府办公厅|人民政府办公室|人民政府|管理委员会|管委会办公室|管委会|委员会|办公厅|办公室"
    "|管理局|局|厅|委|办|中心|院|署|馆|所|站|队|处|部|司|会|社|政府"
)
_AGENCY = re.compile(rf"[{_CJK}（）()]{{2,40}}?(?:{_AGENCY_END})$")
_REGION_END = re.compile(r"(?:市|省|县|区|州|盟|旗|镇|乡|街道|实验区|新区|开发区)$")
_GOVERNMENT = ("管委会", "管理委员会", "人民政府")

_TITLE_BEFORE = re.compile(
    rf"([{_CJK}（）()]{{2,40}}?)(\d{{4}})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告"
)
_TITLE_AFTER = re.compile(
    rf"(\d{{4}})年度?([{_CJK}（）()]{{2,30}}?)(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告"
)
_PERIOD = re.compile(r"(?:统计|期限|时限|周期|时间)[^。]{0,24}?(\d{4})年0?1月0?1日")
_YEAR_DU = re.compile(r"(\d{4})年度")
_YEAR = re.compile(r"(\d{4})年")  # last resort: the first year the opening names
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?!印)")  # 印: the printing office's line
_SIGNER = re.compile(rf"([{_CJK}（）()]{{3,40}})[\s|]*$")
_CLAUSE = re.compile(r"^.*(?:本报告由|报告由|现将|标题)")
_NOT_NAME = ("本报告", "报告", "公开", "年度", "特此", "此件", "以下简称")


def _no_spaces(text: str) -> str:
    """The text without whitespace (str.split's whitespace is re's \\s; split is faster)."""
    return "".join(text.split())


def year_of(text: str) -> int | None:
    """The report year: from the title, the statistics period, the first ``YYYY年度``, or
    failing those the first year the opening names."""
    head = _no_spaces(text[:4000])
    patterns = ((_TITLE_BEFORE, 2), (_TITLE_AFTER, 1), (_PERIOD, 1), (_YEAR_DU, 1), (_YEAR, 1))
    for pattern, group in patterns:
        m = pattern.search(head)
        if m and 2000 <= int(m.group(group)) <= 2100:
            return int(m.group(group))
    return None


def _strip(name: str) -> str:
    """The name without a clause before it: 本报告由常州市… → 常州市…."""
    m = _CLAUSE.search(name)
    return name[m.end() :] if m else name


def _is_agency(name: str) -> bool:
    return bool(_AGENCY.match(name)) and not any(w in name for w in _NOT_NAME)


def agency_of(text: str) -> str:
    """The agency: signature, else title, made as full as the report itself prints it."""
    compact = _no_spaces(text)
    head = compact[:4000]
    before = _name_before_title(head)
    if before and _is_agency(before):  # the usual title: the others need not be searched for
        return _fullest(before, compact)
    names: list[str] = [before] if before else []
    m = _TITLE_AFTER.search(head)
    if m:
        names.append(_strip(m.group(2)))
    sig = _signature(text)
    if sig:
        names.append(sig)
    for name in names:
        if not name:
            continue
        if _is_agency(name):
            return _fullest(name, compact)
        if _REGION_END.search(name):
            gov = _government_of(name, compact)
            if gov:
                return gov
    for name in names:
        if name:
            return _fullest(name, compact)
    return ""


_TITLE_TAIL = re.compile(r"(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告")
_NAME_RUN = re.compile(rf"[{_CJK}（）()]{{2,40}}$")


def _name_before_title(head: str) -> str | None:
    """常州市人民政府外事办公室 in ``…由常州市人民政府外事办公室编制2020年度政府信息公开…``."""
    m = _TITLE_TAIL.search(head)
    if not m:
        return None
    run = _NAME_RUN.search(head[max(0, m.start() - 40) : m.start()])
    return _strip(run.group(0)) if run else None


def _signature(text: str) -> str | None:
    """The name printed just before the last date of the text (the signature)."""
    tail = text[-600:]
    dates = list(_DATE.finditer(tail))
    if not dates:
        return None
    before = _SIGNER.search(tail[max(0, dates[-1].start() - 60) : dates[-1].start()])
    if not before:
        return None
    name = re.split(r"[。，,；;：:！!）)\s]", before.group(1))[-1]
    return name if _is_agency(name) else None


def _government_of(region: str, compact: str) -> str | None:
    counts = Counter(
        region + gov for gov in _GOVERNMENT for _ in re.finditer(re.escape(region + gov), compact)
    )
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _fullest(name: str, compact: str) -> str:
    """淮安市洪泽区人民政府 for 洪泽区人民政府 when the report prints the longer name."""
    best = name
    at = compact.find(name)
    while at >= 0:
        full = name
        end = at
        while True:  # place names printed right before it, one level at a time
            place = _place_before(compact, end)
            if not place:
                break
            full = place + full
            end -= len(place)
        if len(full) > len(best):
            best = full
        at = compact.find(name, at + 1)
    return best


_PLACE = re.compile(rf"^[{_CJK}]{{2,4}}(?:市|省|县|区|州)$")


def _place_before(text: str, end: int) -> str | None:
    """The shortest place name (three to five characters) ending at `end`."""
    for size in (3, 4, 5):
        piece = text[max(0, end - size) : end]
        if len(piece) == size and _PLACE.match(piece):
            return piece
    return None


# A numbered heading (``三、``, ``十一、``) starts the text or follows a space or one of these
# stops. (The numbers are found first and what precedes them tested after: a pattern that
# opens with that test is tried at every position of the text, and is many times slower.)
_NUMERALS = "一二三四五六七八九十"
_HEADING_AFTER = frozenset("。；;：:）)|")
_HEADING_END = re.compile(r"[\n。]|\s(?=\S)")
_HEADING_CLOSE = re.compile(r"情况|事项|措施")


def sections_of(prose: list[str], edition: Edition) -> dict[str, str]:
    """Narrative text by section key. A heading is a numbered ``一、`` … ``六、`` followed
    closely by one of the section's keywords (``四、因政府信息公开申请行政复议…``), found at a
    line start or inside a flattened page; a section runs to the next heading, and is kept as
    clean paragraphs (`narrative.clean`: no table text, page markers or site navigation)."""
    text = "\n".join(p.strip() for p in prose if p.strip())
    found: list[tuple[int, int, str]] = []  # heading start, body start, section key
    seen: set[str] = set()
    keywords = _section_keywords(edition.key)
    for at, mark_end in _numbered(text):
        before = text[at - 1] if at else ""
        if before and not (before in _HEADING_AFTER or before.isspace() or before.isdigit()):
            continue  # inside a line: 第十一、 is not a heading (after a table's last number,
            # ``…000五、存在的主要问题``, a flattened page's next section starts)
        window = key(text[mark_end : mark_end + 30])[:24]
        for sec in edition.sections:
            if sec.key in seen:
                continue
            if not any(w in window for w in keywords[sec.key]):
                continue
            end = _HEADING_END.search(text, mark_end, mark_end + 40)
            close = None
            if not end or text[end.start()] == "。":
                # a flattened page (the heading runs on into its text, and a heading has no
                # 。): the heading ends at its closing word (…情况, …事项)
                close = _HEADING_CLOSE.search(text, mark_end, mark_end + 40)
            body = close.end() if close else end.start() if end else mark_end
            found.append((at, body, sec.key))
            seen.add(sec.key)
            break
    out: dict[str, str] = {}
    repeated = narrative.repeated_lines(text.splitlines())
    for i, (_, body, name) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        table = name in edition.table_titles
        content = narrative.clean(text[body:stop], edition, repeated, table=table)
        if content:
            out[name] = content
    return out


def _numbered(text: str) -> Iterator[tuple[int, int]]:
    """Each run of one or two numerals and ``、`` (start, end), as a regex's `finditer` would
    find them. Found from the ``、``: `str.find` skips to it, where a pattern tests every
    character of the text against its first one (for laid-out text, 5% of a report's time)."""
    at = text.find("、")
    while at >= 0:
        if at and text[at - 1] in _NUMERALS:
            two = at > 1 and text[at - 2] in _NUMERALS
            yield (at - 2 if two else at - 1), at + 1
        at = text.find("、", at + 1)


@cache
def _section_keywords(edition_key: str) -> dict[str, tuple[str, ...]]:
    """Each section's keywords as keys, once per edition."""
    return {
        sec.key: tuple(label_key(w) for w in sec.keywords)
        for sec in editions.get(edition_key).sections
    }
