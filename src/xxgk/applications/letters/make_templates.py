"""Write the shipped letter templates.

Run: ``uv run python -m xxgk.applications.letters.make_templates``.

The DOCX files are committed; this script is how they were made and how to remake them. Each
is an ordinary Word document with docxtpl placeholders (``{{ applicant_name }}``): edit it in
Word, keep the placeholders, and upload it in the admin to replace the shipped one.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent

OPENING = (
    "本机关于{{ received_on }}收到你（单位）提出的政府信息公开申请，申请获取“{{ request_text }}”。"
)
REMEDY = (
    "如对本{{ '答复' if title.endswith('答复书') else '告知' }}不服，可以自收到之日起六十日内依法"
    "申请行政复议，或者自收到之日起六个月内依法向人民法院提起行政诉讼。"
)

BODIES: dict[str, tuple[str, ...]] = {
    "granted": (
        OPENING,
        "经审查，根据{{ ground }}，你（单位）申请获取的政府信息属于公开范围，本机关予以公开。",
        "{{ note }}",
        REMEDY,
    ),
    "partial": (
        OPENING,
        "经审查，你（单位）申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，"
        "但能够作区分处理。根据{{ ground }}，本机关向你（单位）提供可以公开的部分。",
        "不予公开部分及其理由：{{ note }}",
        REMEDY,
    ),
    "denied": (
        OPENING,
        "经审查，根据{{ ground }}，本机关对你（单位）申请获取的政府信息不予公开。",
        "理由：{{ note }}",
        REMEDY,
    ),
    "unable": (
        OPENING,
        "经审查，根据{{ ground }}，本机关无法提供你（单位）申请获取的政府信息。",
        "{{ note }}",
        REMEDY,
    ),
    "not_processed": (
        OPENING,
        "经审查，根据{{ ground }}，本机关对你（单位）的申请不予处理（{{ outcome_short }}）。",
        "{{ note }}",
        REMEDY,
    ),
    "other": (
        OPENING,
        "根据{{ ground }}，本机关不再处理你（单位）的政府信息公开申请（{{ outcome_short }}）。",
        "{{ note }}",
        REMEDY,
    ),
    "correction": (
        OPENING,
        "经审查，你（单位）的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条，"
        "请你（单位）对申请作出补正，说明：{{ note }}",
        "答复期限自本机关收到补正后的申请之日起计算。你（单位）无正当理由逾期不补正的，"
        "视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    "extension": (
        OPENING,
        "因{{ note }}，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》"
        "第三十三条第二款，经本机关政府信息公开工作机构负责人同意，答复期限延长"
        "{{ extension_days }}个工作日，本机关将于{{ due_on }}前作出答复。",
    ),
}


def _font(run: object, size: float, bold: bool = False, family: str = "仿宋") -> None:
    run.font.size = Pt(size)  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    run.font.name = family  # type: ignore[attr-defined]
    run._element.rPr.rFonts.set(qn("w:eastAsia"), family)  # type: ignore[attr-defined]


def _paragraph(
    doc: DocxDocument,
    text: str,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    size: float = 16,
    bold: bool = False,
    indent: bool = False,
    family: str = "仿宋",
) -> None:
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.line_spacing = Pt(28)
    _font(p.add_run(text), size, bold, family)


def make(key: str, body: tuple[str, ...]) -> DocxDocument:
    doc = Document()
    centre, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(doc, "{{ agency }}", align=centre, size=22, bold=True, family="宋体")
    _paragraph(doc, "{{ title }}", align=centre, size=22, bold=True, family="宋体")
    _paragraph(doc, "编号：{{ number }}", align=centre, size=14)
    _paragraph(doc, "{{ applicant_name }}：")
    for text in body:
        _paragraph(doc, text, indent=True)
    _paragraph(doc, "")
    if key not in ("correction", "extension"):
        _paragraph(doc, "签发人：{{ head_name }}（{{ head_title }}）", align=right)
    _paragraph(doc, "{{ agency }}", align=right)
    _paragraph(doc, "{{ today }}", align=right)
    _paragraph(doc, "（联系电话：{{ agency_phone }}；通信地址：{{ agency_address }}）", size=12)
    return doc


def main() -> None:
    for key, body in BODIES.items():
        make(key, body).save(str(HERE / f"{key}.docx"))
        print(HERE / f"{key}.docx")


if __name__ == "__main__":
    main()
