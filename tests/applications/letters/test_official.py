"""The Word file: GB/T 9704 page, fonts, layout of the title, addressee, body, signature, 附注
and page numbers, read back with python-docx; and the text it holds keeps every rule."""

from __future__ import annotations

from io import BytesIO
from xml.etree import ElementTree

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt

from xxgk.applications.letters import official, texts

from . import checks
from .examples import ALL, EVENT_LETTERS, REPLIES, WITH_REMEDIES

TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"
GRANTED = next(k for k in REPLIES if k.startswith("reply-granted-"))


def _open(key: str):
    return docx.Document(BytesIO(official.letter_docx(ALL[key])))


def _lines(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def _fonts(run) -> dict[str, str]:
    fonts = run._r.rPr.find(qn("w:rFonts"))
    return {k: fonts.get(qn(f"w:{k}")) for k in ("eastAsia", "ascii", "hAnsi")}


@pytest.mark.parametrize("key", sorted(ALL))
def test_every_letter_renders_and_its_text_keeps_the_rules(key):
    doc = _open(key)
    lines = _lines(doc)
    assert lines == list(texts.compose(ALL[key]).lines())
    checks.check(key, ALL[key], "\n".join(lines), key in WITH_REMEDIES)


def test_a4_with_the_official_margins():
    section = _open("receipt").sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210.0, 297.0)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]


def test_22_lines_of_28_characters():
    doc = _open("receipt")
    normal = doc.styles["Normal"]
    fmt = normal.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    # 22 lines in the 225 mm text block, and not 23
    assert 22 * fmt.line_spacing.pt <= 225 / 25.4 * 72 < 23 * fmt.line_spacing.pt
    # 28 characters of 三号, condensed, in the 156 mm line
    spacing = int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert 28 * (16 + spacing) <= 156 / 25.4 * 72 < 29 * (16 + spacing)
    assert normal.font.size == Pt(16)
    lang = normal.element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_title_in_xiaobiaosong_2hao_centred_with_the_number_under_it():
    doc = _open(GRANTED)
    title, number, _blank, addressee = doc.paragraphs[:4]
    assert title.text == "政府信息公开申请答复书"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    assert _fonts(title.runs[0])["eastAsia"] == TITLE_FONT
    assert number.text == "江自然资信公〔2025〕8号"
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _blank.text == ""
    assert addressee.text == "张三："
    assert addressee.paragraph_format.first_line_indent in (None, 0)
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_body_in_fangsong_3hao_indented_two_characters():
    doc = _open(GRANTED)
    body = texts.compose(ALL[GRANTED]).body
    paragraphs = [p for p in doc.paragraphs if p.text in body]
    assert len(paragraphs) == len(body)
    for p in paragraphs:
        assert p.paragraph_format.first_line_indent == Pt(32)
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        for run in p.runs:
            assert run.font.size == Pt(16)
            assert _fonts(run) == {
                "eastAsia": BODY_FONT,
                "ascii": "Times New Roman",
                "hAnsi": "Times New Roman",
            }


def test_attachments_signature_date_and_note():
    doc = _open(GRANTED)
    ps = list(doc.paragraphs)
    attachment = next(p for p in ps if p.text.startswith("附件："))
    assert attachment.text == "附件：2024年江阴市国有建设用地供应计划"
    assert ps[ps.index(attachment) - 1].text == ""  # 正文下空一行
    dated = next(p for p in ps if p.text == "2025年10月30日")
    name = ps[ps.index(dated) - 1]
    assert name.text == "江阴市自然资源和规划局"
    assert [p.text for p in ps[ps.index(name) - 2 : ps.index(name)]] == [
        "",
        "",
    ]  # room for the seal
    assert dated.alignment == name.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert dated.paragraph_format.right_indent == Pt(64)  # 右空四字
    # the name is centred over the date: 11 characters over 7 (digits are half a character)
    assert name.paragraph_format.right_indent == Pt(64 - 2 * 16)
    note = ps[ps.index(dated) + 1]
    assert note.text.startswith("（联系人：王敏；")
    assert note.text.endswith("）")
    assert note.paragraph_format.first_line_indent == Pt(32)
    # the seal never stands on a page without text
    for p in ps[ps.index(attachment) - 2 : ps.index(dated) + 1]:
        assert p.paragraph_format.keep_with_next, p.text


def test_several_attachments_are_numbered():
    doc = docx.Document(
        BytesIO(
            official.text_docx(
                texts.Text(
                    "题", "号", "张三：", ("正文。",), ("甲", "乙"), "局", "2025年1月2日", "（）"
                )
            )
        )
    )
    first, second = (p for p in doc.paragraphs if p.text.startswith(("附件", "2.")))
    assert (first.text, second.text) == ("附件：1.甲", "2.乙")
    # 附件 two characters in; the numbers one under the other
    assert first.paragraph_format.left_indent + first.paragraph_format.first_line_indent == Pt(32)
    assert first.paragraph_format.left_indent == second.paragraph_format.left_indent == Pt(80)


def test_page_numbers_in_4hao_songti_odd_right_even_left():
    doc = _open("fee-pages")
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        p = footer.paragraphs[0]
        assert p.alignment == align
        xml = p._p.xml
        checks.contains(xml, "PAGE", 'w:fldCharType="begin"')
        assert p.text.startswith("— ")
        assert p.text.endswith(" —")
        for run in p.runs:
            assert run.font.size == Pt(14)
            assert set(_fonts(run).values()) == {"宋体"}


def test_font_table_declares_official_faces_with_fallbacks():
    doc = _open("receipt")
    blob = doc.part.part_related_by(RT.FONT_TABLE).blob.decode("utf-8")
    for name in (TITLE_FONT, BODY_FONT, "宋体"):
        assert f'w:name="{name}"' in blob
    checks.contains(blob, "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "FangSong")


def test_core_properties():
    doc = _open("correction")
    assert doc.core_properties.title == "政府信息公开申请补正告知书"
    assert doc.core_properties.author == "江阴市自然资源和规划局"


def test_fontconfig_maps_official_names_to_installed_serif_faces():
    for include, expected in ((False, 0), (True, 1)):
        xml = official.fontconfig(include_system=include)
        root = ElementTree.fromstring(xml.split("\n", 2)[2])  # past the XML and DOCTYPE lines
        assert len(root.findall("include")) == expected
        aliases = {
            a.findtext("family"): [f.text for f in a.find("accept")] for a in root.findall("alias")
        }
        assert set(aliases) == {TITLE_FONT, BODY_FONT, "宋体"}
        assert all(faces[-1] == "Noto Serif CJK SC" for faces in aliases.values())


def test_every_event_letter_differs_in_title():
    titles = {texts.compose(letter).title for letter in EVENT_LETTERS.values()}
    assert len(titles) == 7  # the two consultations and the two fee notices share theirs
