"""A letter as a Word file in the layout of GB/T 9704-2012 (党政机关公文格式).

- A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a text block of 156 × 225 mm;
- 22 lines a page (exact line pitch 28.95 pt) of 28 characters (三号 condensed by 0.25 pt);
- title in 2号 方正小标宋简体, centred, the 发文字号 under it; body in 3号 仿宋_GB2312, the
  addressee flush left, paragraphs indented two characters;
- 附件 a line below the body; the sender's name centred over the date, the date 4 characters
  from the right, two lines of room above them for the seal; 附注 in parentheses under the date;
- page numbers ``— 1 —`` in 4号 half-width 宋体: odd pages at the right, even pages at the left,
  one character in (GB/T 9704 7.5).

Fonts degrade in two ways. Word and WPS read the font table: each official face is declared with
its alternates (w:altName), the GB2312 charset and the serif family, so a machine without it
substitutes a Song-style Chinese face. LibreOffice asks fontconfig, which by default answers with
a sans-serif face; `fontconfig()` is the configuration that maps the official names to serif
faces (Noto Serif CJK SC from Debian's fonts-noto-cjk) and leaves real official fonts first.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length, Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from xxgk.applications.letters.facts import Letter
from xxgk.applications.letters.texts import Text, compose
from xxgk.report.render.docx import (
    BODY_FONT,
    BODY_SIZE,
    MARGINS,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TITLE_FONT,
    TITLE_SIZE,
    _page_field,
    _run,
    _set_fonts,
)

PAGE_NUMBER_FONT = "宋体"
PAGE_NUMBER_SIZE = Pt(14)  # 4号
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines, 579 twips: 22 lines fit the text block exactly
CONDENSE = -5  # twentieths of a point: 28 characters of 三号 fill the 156 mm line
CHAR = Pt(16)  # one character of the body
DATE_INDENT = 4  # 成文日期右空四字
SEAL_LINES = 2  # blank lines above the signature, where the seal goes
FOOTER_DISTANCE = Mm(22)  # puts the dashes of the page number 7 mm below the text block

# The official faces and what stands in for each where it is missing, best first: Windows and
# macOS names, then Noto Serif CJK SC (Debian's fonts-noto-cjk), the last resort everywhere.
FALLBACKS = {
    TITLE_FONT: (
        "FZXiaoBiaoSong-B05S",
        "方正小标宋_GBK",
        "华文中宋",
        "STZhongsong",
        "宋体",
        "SimSun",
        "Noto Serif CJK SC",
    ),
    BODY_FONT: ("仿宋", "FangSong", "华文仿宋", "STFangsong", "Noto Serif CJK SC"),
    PAGE_NUMBER_FONT: ("SimSun", "Noto Serif CJK SC"),
}


def letter_docx(letter: Letter) -> bytes:
    """The letter as .docx bytes; raises `LetterError` when a fact it needs is missing."""
    return text_docx(compose(letter))


def text_docx(text: Text) -> bytes:
    """A composed (perhaps edited) text as .docx bytes."""
    doc = Document()
    _page(doc)
    _styles(doc)
    _declare_fonts(doc)
    doc.core_properties.title = text.title
    doc.core_properties.author = text.signature
    _title(doc, text.title)
    _line(doc, text.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    _line(doc, "")
    _line(doc, text.addressee)
    body = [_line(doc, p, indent=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY) for p in text.body]
    # the seal may not stand on a page without text (GB/T 9704 7.3.5): the attachments, the
    # signature, the date and the 附注 stay together and take the last line of the body along
    if body:
        body[-1].paragraph_format.keep_with_next = True
    tail = []
    if text.attachments:
        tail.append(_line(doc, ""))
        tail.extend(_attachments(doc, text.attachments))
    tail.extend(_line(doc, "") for _ in range(SEAL_LINES))
    tail.extend(_signature(doc, text.signature, text.dated))
    for p in tail:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    _line(doc, text.note, indent=2).paragraph_format.keep_together = True
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def fontconfig(*, include_system: bool = False) -> str:
    """A fontconfig file that makes the official names fall back to serif Chinese faces.

    Install it as ``/etc/fonts/conf.d/65-xxgk-official-fonts.conf``; or, with
    ``include_system=True``, point ``FONTCONFIG_FILE`` at it for one process (it then includes
    the system configuration first). ``<accept>`` puts each stand-in after the name asked for,
    so an installed official font still wins.
    """
    rules = []
    for name, alternates in FALLBACKS.items():
        families = "".join(f"<family>{f}</family>" for f in alternates)
        rules.append(
            f'  <alias binding="same"><family>{name}</family><accept>{families}</accept></alias>'
        )
    # 小标宋 is heavier than a regular Song face: its stand-in is asked for in bold
    rules.append(
        f'  <match target="pattern"><test name="family"><string>{TITLE_FONT}</string></test>'
        '<edit name="weight" mode="assign"><const>bold</const></edit></match>'
    )
    system = (
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        if include_system
        else ""
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>\n{system}" + "\n".join(rules) + "\n</fontconfig>\n"
    )


# -- page, styles, fonts ----------------------------------------------------------------------


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.footer_distance = FOOTER_DISTANCE
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH) -> None:
    """``— N —``, one character in from the side (单页码居右空一字，双页码居左空一字)."""
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = PAGE_NUMBER_SIZE
    else:
        fmt.left_indent = PAGE_NUMBER_SIZE
    _run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    _page_field(paragraph)
    _run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    for run in paragraph.runs:  # half-width 宋体 digits, not the body's Times New Roman
        fonts = run._r.get_or_add_rPr().find(qn("w:rFonts"))
        fonts.set(qn("w:ascii"), PAGE_NUMBER_FONT)
        fonts.set(qn("w:hAnsi"), PAGE_NUMBER_FONT)


def _styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = BODY_SIZE
    rpr = normal.element.get_or_add_rPr()
    _set_fonts(rpr, BODY_FONT)
    # simplified Chinese: a substitute face is chosen for zh-CN, not for Japanese
    rpr.insert_element_before(
        parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US" w:eastAsia="zh-CN"/>'),
        "w:eastAsianLayout",
        "w:specVanish",
        "w:oMath",
    )
    _condense(rpr, CONDENSE)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.widow_control = False  # a page of a letter ends where its 22 lines end


def _condense(rpr: etree._Element, twentieths: int) -> None:
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.insert_element_before(  # type: ignore[attr-defined]
            spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:lang"
        )
    spacing.set(qn("w:val"), str(twentieths))


def _declare_fonts(doc: DocxDocument) -> None:
    """Declare each official face with its alternates, the GB2312 charset (86) and the serif
    family, so that Word and WPS substitute a Song-style Chinese face where it is missing."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    for name, alternates in FALLBACKS.items():
        alternate = ",".join(alternates)
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternate}"/>'
                '<w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
                "</w:font>"
            )
        )
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- blocks -----------------------------------------------------------------------------------


def _line(
    doc: DocxDocument,
    text: str,
    *,
    indent: int = 0,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
) -> Paragraph:
    p = doc.add_paragraph()
    p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = CHAR * indent
    if text:
        _run(p, text, BODY_FONT, BODY_SIZE)
    return p


def _title(doc: DocxDocument, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(p, text, TITLE_FONT, TITLE_SIZE)
    _condense(run._r.get_or_add_rPr(), 0)


def _attachments(doc: DocxDocument, names: tuple[str, ...]) -> list[Paragraph]:
    """附件：1.名称 — 左空二字; later numbers, and a long name's next line, under the first
    name's number (GB/T 9704 7.3.4)."""
    label = CHAR * 3  # 附件：
    lines = []
    for n, name in enumerate(names, 1):
        number = "" if len(names) == 1 else f"{n}."
        p = _line(doc, f"{'附件：' if n == 1 else ''}{number}{name}")
        fmt = p.paragraph_format
        fmt.left_indent = CHAR * 2 + label
        fmt.first_line_indent = -label if n == 1 else Pt(0)
        lines.append(p)
    return lines


def _signature(doc: DocxDocument, name: str, dated: str) -> list[Paragraph]:
    """The sender's name centred over the date; the date 4 characters in from the right."""
    date_indent = CHAR * DATE_INDENT
    shift = (_width(dated) - _width(name)) / 2
    name_indent = max(date_indent + int(shift), 0)
    lines = []
    for text, indent in ((name, name_indent), (dated, date_indent)):
        p = _line(doc, text, align=WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = Length(indent)
        lines.append(p)
    return lines


def _width(text: str) -> int:
    """The printed width in EMU: a Chinese character is one character, a digit or Latin
    letter half of one (Times New Roman)."""
    return sum(CHAR // 2 if ch.isascii() else CHAR for ch in text)
