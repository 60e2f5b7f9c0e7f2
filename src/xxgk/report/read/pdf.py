"""PDF → `Document`: the text layer laid out as lines, then read as plain text.

Published reports are PDFs printed from Word (WPS, Office): the tables are drawn, but the text
layer is what carries the numbers. pypdfium2 (PDFium) gives every character with its box, fast
(a few milliseconds a page; pdfplumber's table finder, built on pdfminer, takes half a second a
report, a tenth of the speed asked for). Characters are grouped into lines by baseline and
placed in columns by their x position, as ``pdftotext -layout`` does: a wide gap becomes two or
more spaces at the column the text starts in, so a table row reads as its label and its cells
apart, and header words stacked over a column line up with the numbers beneath them. The text
reader (`xxgk.report.read.text`) then reads that text as it reads a ``pdftotext -layout`` file;
the real reports' PDFs and their pdftotext text read to the same tables.

A table row that leaves a cell blank is cut into cells, tab-separated, so that each number keeps
its column: by the borders the page draws (`xxgk.report.read.pdfcells`), or, in a table drawn
without borders, by the x-positions of its header and of its rows that print every cell
(`xxgk.report.read.pdfcolumns`).

On the way: text clipped out of sight (a caption for screen readers) is left out; a page printed
turned is read in the frame where its text runs left to right; a label printed one character
per line down a merged cell (三、本年度办理结果) becomes one line; a row's numbers printed
between the two lines of its label come after them; Kangxi radicals (⼯) read as the ideographs
they look like (工). A scan without text, a damaged or password-protected file, and a text layer
of unmapped glyphs are refused with the reason.

Provenance: `Token.page` is the PDF page (1-based) and `Token.line` the line within that page
(1-based, counting the laid-out lines, blank ones included).
"""

from __future__ import annotations

import ctypes
import heapq
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xxgk.report.read import pdfcells, pdfcolumns
from xxgk.report.read.document import Document, UnreadableFile
from xxgk.report.read.pdfrules import Rules, page_rules

# Gaps between characters, in ems of the line's text: up to _JOIN is inside a word; up to
# _FIELD a word break (one space, as justified prose and letter-spaced labels have); beyond
# that a new field, placed at its own column.
_JOIN = 0.25
_FIELD = 1.0
_MAX_BLANK_LINES = 2
# Baselines this close (in ems) are one printed line: a table row's numbers often sit a little
# off its label's baseline (another font), while a label's next line is a full line away.
_SAME_LINE = 0.45
_WHITESPACE = frozenset(" \t\r\n\u3000\u00a0\ufeff")
# Fonts in Chinese PDFs often map ideographs to the look-alike Kangxi radicals (⼯ U+2F2F for
# 工, ⽂ for 文): read them as the ideographs they print.
_RADICALS = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6))
    if len(unicodedata.normalize("NFKC", chr(code))) == 1
    and unicodedata.normalize("NFKC", chr(code)) != chr(code)
}
# A text layer this much private-use or unknown glyphs is a font without a Unicode map.
_UNMAPPED_SHARE = 0.3
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff]")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    y: float  # baseline; PDF y grows upward
    em: float  # the character's own size: its advance box height
    space_before: bool = False  # a space character was printed right before it


def document(data: bytes, source: str) -> Document:
    """The tokens of a PDF's text layer; `UnreadableFile` when it is damaged, protected or
    has no text (a scan)."""
    text, where = layout(data)
    from xxgk.report.read import text as plain  # the text reader; late import keeps deps one-way

    doc = plain.document(text, source)
    tokens = []
    for t in doc.tokens:
        if t.line is not None and 1 <= t.line <= len(where):
            page, line = where[t.line - 1]
            t = replace(t, page=page, line=line)
        tokens.append(t)
    return Document(source=source, form="pdf", tokens=tokens)


def layout(data: bytes) -> tuple[str, list[tuple[int, int]]]:
    """The PDF's text laid out as lines, as ``pdftotext -layout`` prints it: lines end with
    ``\n`` and a form feed starts the first line of every page after the first. With it, for
    each line (``text.split("\n")``, the last empty piece left out) its (page, line within
    the page), both 1-based."""
    pdf = _open(data)
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                textpage = page.get_textpage()
                try:
                    chars, quarter = _chars(textpage)
                finally:
                    textpage.close()
                # a turned page's borders would need turning too: its rows read as laid out
                rules = page_rules(page) if chars and not quarter else None
                page_lines = _page_lines(chars, rules) or [""]
            finally:
                page.close()
            if number:
                page_lines[0] = "\f" + page_lines[0]
            lines.extend(page_lines)
            where.extend((number + 1, i + 1) for i in range(len(page_lines)))
    finally:
        pdf.close()
    text = "\n".join(lines) + "\n"
    if not text.strip():
        raise UnreadableFile("PDF 中没有文字层（可能是扫描件或图片），无法读取表格；请先做文字识别")
    _refuse_unmapped(text)
    return text, where


def _refuse_unmapped(text: str) -> None:
    """A font without a Unicode map gives private-use or unknown characters, not text."""
    printed = len(text) - len(_SPACE.findall(text))
    if len(_UNMAPPED.findall(text)) > _UNMAPPED_SHARE * printed:
        raise UnreadableFile(
            "PDF 的文字层无法识别（字体没有编码映射，提取出的是乱码）；请先做文字识别"
        )


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFile("PDF 文件有密码保护，无法读取；请先去除打开密码") from None
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableFile("PDF 文件使用了不支持的加密方式，无法读取") from None
        raise UnreadableFile("PDF 文件已损坏或不完整（可能下载中断），无法打开") from None


def _chars(textpage: pdfium.PdfTextPage) -> tuple[list[_Char], int]:
    """The visible characters of a page: PDFium's generated spaces and line ends left out, and
    text clipped away (a caption hidden for screen readers, ``clip: rect(0 0 0 0)``) too. With
    them, the quarter turns the page's text was printed at (0: upright)."""
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    clips: dict[int | None, tuple[float, float, float, float] | None] = {}
    shown: list[_Char] = []
    hidden: list[_Char] = []
    turns: Counter[int] = Counter()
    geometry: dict[int, tuple[float, float, float, float, float]] = {}
    space = False
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if not code:
            continue
        ch = _RADICALS.get(code) or chr(code)
        if ch in _WHITESPACE or not ch.isprintable():
            space = space or ch in " \u3000\u00a0"
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(box)):
            continue
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(x), ctypes.byref(y))
        height = box.top - box.bottom
        if height <= 0:
            continue
        char = _Char(ch, box.left, max(box.right, box.left), y.value, height, space)
        space = False
        angle = pdfium_c.FPDFText_GetCharAngle(raw, i)
        if angle >= 0:
            turns[round(angle / (math.pi / 2)) % 4] += 1
        geometry[id(char)] = (box.left, box.bottom, box.right, box.top, x.value)
        obj = pdfium_c.FPDFText_GetTextObject(raw, i)
        handle = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        if handle not in clips:
            clips[handle] = _clip_bounds(obj) if obj else None
        bounds = clips[handle]
        (shown if bounds is None or _inside(char, bounds) else hidden).append(char)
    # A clip read wrongly must not blank a page: trust it only when it hides a little.
    chars = shown if len(hidden) <= len(shown) else shown + hidden
    quarter = turns.most_common(1)[0][0] if turns else 0
    if not quarter:
        return chars, 0
    return [_turned(c, geometry[id(c)], quarter) for c in chars], quarter


def _turned(c: _Char, box: tuple[float, float, float, float, float], quarter: int) -> _Char:
    """A character of a page printed turned by `quarter` × 90° (a landscape table set on a
    portrait page), in the frame where its text runs left to right."""
    left, bottom, right, top, x = box
    # PDFium measures the angle clockwise: a quarter turn runs the text down the page.
    if quarter == 1:
        return replace(c, x0=-top, x1=-bottom, y=x, em=right - left)
    if quarter == 2:  # upside down
        return replace(c, x0=-right, x1=-left, y=-c.y, em=top - bottom)
    return replace(c, x0=bottom, x1=top, y=-x, em=right - left)  # text runs up the page


def _clip_bounds(obj: ctypes.c_void_p) -> tuple[float, float, float, float] | None:
    """The box around a text object's clip path (page space), None when it has none."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    xs: list[float] = []
    ys: list[float] = []
    for p in range(max(pdfium_c.FPDFClipPath_CountPaths(clip), 0)):
        for s in range(max(pdfium_c.FPDFClipPath_CountPathSegments(clip, p), 0)):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, p, s)
            if segment and pdfium_c.FPDFPathSegment_GetPoint(
                segment, ctypes.byref(x), ctypes.byref(y)
            ):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _inside(char: _Char, bounds: tuple[float, float, float, float]) -> bool:
    """Whether the middle of the character's box is within the clip (1 pt of slack)."""
    left, bottom, right, top = bounds
    middle_x = (char.x0 + char.x1) / 2
    middle_y = char.y + char.em / 4  # the baseline, a little up into the glyph
    return left - 1 <= middle_x <= right + 1 and bottom - 1 <= middle_y <= top + 1


def _is_wide(ch: str) -> bool:
    return ch >= "\u2e80"  # CJK and full-width forms take a full em


def _page_lines(chars: list[_Char], rules: Rules | None = None) -> list[str]:
    if not chars:
        return []
    wide = [c.x1 - c.x0 for c in chars if _is_wide(c.text) and c.x1 > c.x0]
    em = median(wide) if wide else median(c.em for c in chars)
    unit = em / 2  # one text column: half a CJK character, about one digit
    left = min(c.x0 for c in chars)
    vertical, chars = _vertical_runs(chars, em)
    ruled, chars = pdfcells.cell_rows(chars, rules, em) if rules else ([], chars)
    # rows of a table printed without borders that leave a cell blank: cut by x-position
    printed_lines = [(y, row) for y, row, _ in _rows(chars, em)]
    placed, chars = pdfcolumns.cell_rows(printed_lines, em, rules)
    rows = _rows(chars, em) + [(run[0].y, run, True) for run in vertical]
    rows.sort(key=lambda r: -r[0])
    rows = _numbers_after_labels(rows, em)
    printed = [
        (y, _vertical_line(row, left, unit) if is_vertical else _render(row, left, unit, em))
        for y, row, is_vertical in rows
    ]
    # a row cut into cells is tab-separated: an empty cell keeps the others in their columns
    cut = [
        (y, "\t".join(_cell_text(cell, unit, em) for cell in cells))
        for y, cells in sorted([*ruled, *placed], key=lambda r: -r[0])
    ]
    lines: list[str] = []
    previous_y: float | None = None
    for y, line in heapq.merge(printed, cut, key=lambda r: -r[0]):
        if previous_y is not None:
            blank = round((previous_y - y) / (1.6 * em)) - 1
            lines.extend([""] * max(0, min(blank, _MAX_BLANK_LINES)))
        lines.append(line)
        previous_y = y
    return lines


def _vertical_line(run: list[_Char], left: float, unit: float) -> str:
    """A label printed one character per line, read as one line."""
    column = round((run[0].x0 - left) / unit)
    return " " * column + "".join(c.text for c in run)


def _cell_text(cell: list[_Char], unit: float, em: float) -> str:
    """A table cell's text: its lines joined (a label wrapped inside its cell reads whole)."""
    return "".join(_render(row, row[0].x0, unit, em).strip() for _, row, _ in _rows(cell, em))


_Row = tuple[float, list[_Char], bool]  # baseline, characters left to right, printed vertically


def _rows(chars: list[_Char], em: float) -> list[_Row]:
    """Characters grouped into printed lines by baseline, top of the page first."""
    ordered = sorted(chars, key=lambda c: -c.y)
    rows: list[tuple[float, list[_Char]]] = []
    for c in ordered:
        if rows and rows[-1][0] - c.y <= _SAME_LINE * em:
            rows[-1][1].append(c)
        else:
            rows.append((c.y, [c]))
    return [(y, sorted(row, key=lambda c: c.x0), False) for y, row in rows]


def _vertical_runs(chars: list[_Char], em: float) -> tuple[list[list[_Char]], list[_Char]]:
    """Labels printed down a narrow merged cell (三、本年度办理结果 one character per line):
    runs of 3+ CJK characters stacked at one x, each alone on its line. Returns the runs (top to
    bottom) and the other characters."""
    by_line = sorted(chars, key=lambda c: (round(c.y / (0.3 * em)), c.x0))
    alone: set[int] = set()
    for i, c in enumerate(by_line):
        near = False
        for j in (i - 1, i + 1):
            if 0 <= j < len(by_line):
                o = by_line[j]
                if abs(o.y - c.y) <= 0.3 * em and min(abs(o.x0 - c.x1), abs(c.x0 - o.x1)) < em:
                    near = True
        if not near:
            alone.add(id(c))
    columns: dict[int, list[_Char]] = {}
    for c in chars:
        if id(c) in alone and _is_wide(c.text):
            columns.setdefault(round(c.x0 / (0.5 * em)), []).append(c)
    runs: list[list[_Char]] = []
    for stack in columns.values():
        stack.sort(key=lambda c: -c.y)
        run: list[_Char] = []
        for c in stack:
            if run and run[-1].y - c.y > 1.8 * em:
                if len(run) >= 3:
                    runs.append(run)
                run = []
            run.append(c)
        if len(run) >= 3:
            runs.append(run)
    taken = {id(c) for run in runs for c in run}
    return runs, [c for c in chars if id(c) not in taken]


def _numeric(row: list[_Char]) -> bool:
    return all(c.text.isdigit() or c.text in ".-+,%" for c in row)


def _numbers_after_labels(rows: list[_Row], em: float) -> list[_Row]:
    """A row of numbers printed beside a two-line label sits between the label's lines; put
    it after the label's second line, as a reader (and pdftotext) takes it."""
    out = list(rows)
    for k in range(1, len(out) - 1):
        (y0, before, v0), (_, numbers, v1), (y2, after, v2) = out[k - 1], out[k], out[k + 1]
        if v0 or v1 or v2 or not _numeric(numbers):
            continue
        if any(c.text.isdigit() for c in after) or _numeric(before):
            continue
        same_cell = abs(after[0].x0 - before[0].x0) < 4 * em and after[-1].x1 < numbers[0].x0
        if same_cell and y0 - y2 <= 2.2 * em:
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _render(row: list[_Char], left: float, unit: float, em: float) -> str:
    out: list[str] = []
    length = 0
    prev: _Char | None = None
    for c in row:
        width = prev.x1 - prev.x0 if prev is not None else 0.0
        if prev is not None and c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * width:
            continue  # a glyph drawn twice over itself (fake bold)
        gap = c.x0 - prev.x1 if prev is not None else None
        if gap is None or gap > _FIELD * em:
            column = round((c.x0 - left) / unit)
            pad = column - length
            if prev is not None:
                pad = max(pad, 2)
            out.append(" " * max(pad, 0))
            length += max(pad, 0)
        elif gap > _JOIN * em or (c.space_before and gap > 0):
            out.append(" ")
            length += 1
        out.append(c.text)
        length += 1
        prev = c
    return "".join(out).rstrip()
