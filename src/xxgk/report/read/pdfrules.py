"""The ruled lines a PDF page draws: its tables' cell borders, as straight segments.

Word and WPS print a table's borders as thin filled rectangles, stroked lines, or cell
backgrounds whose sides are the borders; WeasyPrint prints them as thin rectangles. Every
straight side of a path, taken in page space, is one segment: vertical ones are column borders,
horizontal ones row borders. The blank-cell reader (`xxgk.report.read.pdfcells`) places each
cell's text between them.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A side thinner than this (pt) across is a straight border; shorter along, it is a tick.
_STRAIGHT = 1.5
_MIN_LENGTH = 4.0
# Borders this close (pt) are one: a thin rectangle's two sides, a doubled line.
_SAME = 2.0


@dataclass(frozen=True, slots=True)
class Rule:
    at: float  # x of a vertical rule, y of a horizontal one
    low: float  # where it starts along its length (bottom, left)
    high: float


@dataclass(frozen=True, slots=True)
class Rules:
    vertical: list[Rule]
    horizontal: list[Rule]


def page_rules(page: pdfium.PdfPage) -> Rules:
    """The page's drawn borders, each run of touching segments at one position merged."""
    vertical: list[Rule] = []
    horizontal: list[Rule] = []
    point_x, point_y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=0):
        m = obj.get_matrix()
        points: list[tuple[float, float, bool]] = []  # x, y, a line is drawn to it
        for s in range(max(pdfium_c.FPDFPath_CountSegments(obj.raw), 0)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, s)
            if not segment or not pdfium_c.FPDFPathSegment_GetPoint(
                segment, ctypes.byref(point_x), ctypes.byref(point_y)
            ):
                continue
            x, y = point_x.value, point_y.value
            page_x, page_y = m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f
            drawn = pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_LINETO
            points.append((page_x, page_y, drawn))
            if pdfium_c.FPDFPathSegment_GetClose(segment) and points:
                first = next((p for p in reversed(points) if not p[2]), points[0])
                points.append((first[0], first[1], True))
        for (x0, y0, _), (x1, y1, drawn) in itertools.pairwise(points):
            if not drawn:
                continue
            if abs(x1 - x0) <= _STRAIGHT and abs(y1 - y0) >= _MIN_LENGTH:
                vertical.append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
            elif abs(y1 - y0) <= _STRAIGHT and abs(x1 - x0) >= _MIN_LENGTH:
                horizontal.append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    return Rules(_merged(vertical), _merged(horizontal))


def _merged(rules: list[Rule]) -> list[Rule]:
    """Segments at one position (within `_SAME`) that touch or overlap, as one rule."""
    out: list[Rule] = []
    for r in sorted(rules, key=lambda r: (round(r.at / _SAME), r.low)):
        last = out[-1] if out else None
        if last and abs(last.at - r.at) <= _SAME and r.low <= last.high + _SAME:
            out[-1] = Rule(last.at, last.low, max(last.high, r.high))
        else:
            out.append(r)
    return out
