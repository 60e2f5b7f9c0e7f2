"""The report as a Word document (python-docx) in the official-document layout (GB/T 9704):
A4, margins top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm; the title in 方正小标宋简体,
headings in 黑体, body in 仿宋_GB2312 — each with fallbacks Word, WPS and LibreOffice apply when the
face is missing; tables with the edition's merged headers and full borders; page numbers
``— N —`` from a PAGE field in the footer."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml import etree

from xxgk.report.model import Finding, Report
from xxgk.report.render import layout
from xxgk.report.render.layout import Table

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGINS = {"top": Cm(3.7), "bottom": Cm(3.5), "left": Cm(2.8), "right": Cm(2.6)}
TEXT_WIDTH_CM = 21 - 2.8 - 2.6

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
LATIN_FONT = "Times New Roman"
# What a reader's machine shows when a face is missing (font table w:altName; WPS and Word take
# the first installed): Windows names first, then the faces Linux desktops carry.
FALLBACKS = {
    TITLE_FONT: "方正小标宋_GBK,华文中宋,宋体,SimSun,Noto Serif CJK SC",
    BODY_FONT: "仿宋,FangSong,华文仿宋,STFangsong,Noto Serif CJK SC",
    HEADING_FONT: "SimHei,Microsoft YaHei,Noto Sans CJK SC",
}
TITLE_SIZE, BODY_SIZE = Pt(22), Pt(16)  # 二号, 三号
TABLE_SIZES = {"applications": Pt(9), "appeals": Pt(9)}  # others: 10 pt, as the web page
TABLE_SIZE = Pt(10)
LINE_PITCH = Pt(28)  # 22 lines a page, as GB/T 9704 sets the body
FILL = {"error": "F8C9C4", "warning": "FBE9A6", "suspect": "E74C3C"}


def render(report: Report, *, findings: Sequence[Finding] | None = None) -> bytes:
    """The report as .docx bytes. `findings`: shade the cells they name and list them last."""
    doc = Document()
    _page(doc)
    _styles(doc)
    _font_fallbacks(doc)
    doc.core_properties.title = layout.title(report)
    doc.core_properties.author = report.agency
    marks = layout.flagged(findings or ())
    suspect = layout.suspects(findings or ())
    _title(doc, layout.title(report))
    for block in layout.blocks(report):
        if block.kind == "heading":
            _heading(doc, block.text)
        elif block.kind == "paragraph":
            _paragraph(doc, block.text)
        elif block.table is not None:
            _table(doc, block.table, marks, suspect)
    if findings is not None:
        _heading(doc, layout.FINDINGS_HEADING)
        for n, f in enumerate(findings, 1):
            _paragraph(doc, layout.finding_line(n, f))
        if not findings:
            _paragraph(doc, layout.NO_FINDINGS)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


# -- page, styles, fonts -----------------------------------------------------------------


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "— ", "宋体", Pt(14))
    _page_field(footer)
    _run(footer, " —", "宋体", Pt(14))


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word, WPS and LibreOffice print the page's number in its place."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = _run(paragraph, "", "宋体", Pt(14))
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    end = _run(paragraph, "", "宋体", Pt(14))
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


def _styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH


def _set_fonts(rpr: etree._Element, east_asia: str) -> None:
    """Latin text in Times New Roman, Chinese in `east_asia` (Word reads w:eastAsia for CJK)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, name in (("ascii", LATIN_FONT), ("hAnsi", LATIN_FONT), ("eastAsia", east_asia)):
        fonts.set(qn(f"w:{attr}"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _font_fallbacks(doc: DocxDocument) -> None:
    """Declare the official faces in the font table with their alternates (w:altName) and the
    GB2312 charset, so a machine without them substitutes a like face, not a Latin one."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    for name, alternates in FALLBACKS.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternates}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _run(paragraph: Paragraph, text: str, font: str, size: Pt, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = bold
    _set_fonts(run._r.get_or_add_rPr(), font)
    return run


# -- blocks ------------------------------------------------------------------------------


def _title(doc: DocxDocument, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.line_spacing = Pt(36)
    p.paragraph_format.space_after = Pt(16)
    _run(p, text, TITLE_FONT, TITLE_SIZE)


def _heading(doc: DocxDocument, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.keep_with_next = True
    _run(p, text, HEADING_FONT, BODY_SIZE)


def _paragraph(doc: DocxDocument, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)  # two characters
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _run(p, text, BODY_FONT, BODY_SIZE)


def _table(doc: DocxDocument, table: Table, marks: dict[str, Finding], suspect: set[str]) -> None:
    size = TABLE_SIZES.get(table.key, TABLE_SIZE)
    t = doc.add_table(rows=table.height, cols=table.width)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _table_properties(t)
    weights = layout.column_weights(table)
    widths = [Cm(TEXT_WIDTH_CM * w / sum(weights)) for w in weights]
    # the grid is taken once: python-docx rebuilds it on every t.cell() call
    grid = [list(row.cells) for row in t.rows]
    for r, row in enumerate(t.rows):
        _put(row._tr.get_or_add_trPr(), parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        if r < table.header_rows:
            _repeat_header(row)
        for col, cell in enumerate(grid[r]):
            cell.width = widths[col]
    for i, column in enumerate(t.columns):
        column.width = widths[i]
    for c in table.cells:
        cell = grid[c.row][c.col]
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        left = c.scope in ("row",)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        # keep the table on one page when it fits: every row holds on to the next
        p.paragraph_format.keep_with_next = c.row + c.rowspan < table.height
        _run(p, c.text, BODY_FONT, size, bold=c.header and c.colspan == table.width)
        finding = marks.get(c.name or "")
        if finding is not None:
            kind = "suspect" if c.name in suspect else str(finding.severity)
            _shade(cell, FILL.get(kind, FILL["error"]))
    # merged last: each region's corners are cells no other region covers, so they stay valid
    for c in table.cells:
        if c.rowspan > 1 or c.colspan > 1:
            grid[c.row][c.col].merge(grid[c.row + c.rowspan - 1][c.col + c.colspan - 1])
    # a paragraph after the table keeps the next table from joining it
    doc.add_paragraph()


def _table_properties(t: DocxTable) -> None:
    """Single black borders on every edge and narrow cell margins (the fixed layout that makes
    our widths hold is set by ``autofit = False``)."""
    tbl_pr = t._tbl.tblPr
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    _put(tbl_pr, borders)
    # narrow side margins leave the labels room; none above and below keeps table 3 on a page
    _put(
        tbl_pr,
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="60" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="60" w:type="dxa"/></w:tblCellMar>'
        ),
    )


def _repeat_header(row) -> None:
    """Mark a header row to repeat on each page the table runs over."""
    tr_pr = row._tr.get_or_add_trPr()
    _put(tr_pr, parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>'))


def _shade(cell, fill: str) -> None:
    shd = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    _put(cell._tc.get_or_add_tcPr(), shd)


# The elements that may follow each property we add, in the order WordprocessingML requires:
# Word refuses a file whose properties are out of order, where LibreOffice forgives it.
_FOLLOWERS = {
    "tblBorders": ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"),
    "tblCellMar": ("tblLook", "tblCaption", "tblDescription"),
    "cantSplit": ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del"),
    "tblHeader": ("tblCellSpacing", "jc", "hidden", "ins", "del"),
    "shd": ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers"),
}


def _put(parent: BaseOxmlElement, child: BaseOxmlElement) -> None:
    """Insert a property element in its schema place."""
    name = child.tag.split("}")[1]
    parent.insert_element_before(child, *(f"w:{t}" for t in _FOLLOWERS[name]))
