"""Word: A4 with official margins, fonts, merged header cells, borders, PAGE field."""

from io import BytesIO

import docx
from docx.oxml.ns import qn

from xxgk.report.render import docx as render_docx
from xxgk.report.render import layout

from .conftest import filled


def _open(report, **kw):
    return docx.Document(BytesIO(render_docx.render(report, **kw)))


def test_a4_with_official_margins(sample):
    section = _open(sample).sections[0]
    # Word stores twentieths of a point: compare to a tenth of a millimetre
    size = (round(section.page_width.mm, 1), round(section.page_height.mm, 1))
    assert size == (210.0, 297.0)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.cm, 2) for m in margins] == [3.7, 3.5, 2.8, 2.6]


def _east_asia(run) -> str:
    return run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_title_and_body_fonts_are_named_for_chinese_text(sample):
    doc = _open(sample)
    title = doc.paragraphs[0]
    assert title.text == layout.title(sample)
    assert _east_asia(title.runs[0]) == render_docx.TITLE_FONT
    assert title.runs[0].font.size == render_docx.TITLE_SIZE
    body = next(p for p in doc.paragraphs if p.text.startswith("根据修订后"))
    assert _east_asia(body.runs[0]) == render_docx.BODY_FONT
    normal = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == render_docx.BODY_FONT


def test_font_table_gives_fallbacks(sample):
    doc = _open(sample)
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    blob = doc.part.part_related_by(RT.FONT_TABLE).blob.decode("utf-8")
    for name, alternates in render_docx.FALLBACKS.items():
        assert f'w:name="{name}"' in blob
        assert alternates in blob


def test_tables_have_the_merged_header_cells(any_edition):
    doc = _open(any_edition)
    assert len(doc.tables) == 3
    t3 = doc.tables[1]
    ed = any_edition.edition
    note = t3.cell(0, 0)
    # the 勾稽 note is one cell over 3×3 grid positions
    assert all(t3.cell(r, c)._tc is note._tc for r in range(3) for c in range(3))
    assert note.text == ed.application_header[0][0].text
    assert t3.cell(0, 3)._tc is t3.cell(0, 9)._tc  # the applicant header over seven columns
    assert t3.cell(1, 4)._tc is t3.cell(1, 8)._tc  # the organisations header over five
    first = 3 + next(i for i, r in enumerate(ed.application_rows) if r.groups)
    results = sum(1 for r in ed.application_rows if r.groups)
    assert t3.cell(first, 0)._tc is t3.cell(first + results - 1, 0)._tc
    assert t3.cell(first, 0).text == ed.row_group("results").label.text
    for i, row in enumerate(ed.application_rows):
        cells = [t3.cell(3 + i, 3 + j).text for j in range(7)]
        assert cells == [
            str(any_edition.cells[f"applications.{row.key}.{c.key}"]) for c in ed.columns
        ]
    t4 = doc.tables[2]
    assert t4.cell(0, 0)._tc is t4.cell(0, 4)._tc
    assert t4.cell(0, 5)._tc is t4.cell(0, 14)._tc


def test_tables_have_borders_and_repeating_headers(sample):
    doc = _open(sample)
    for table in doc.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        edges = {e.tag.split("}")[1]: e.get(qn("w:val")) for e in borders}
        assert edges == dict.fromkeys(
            ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
        )
    header_rows = [
        tr
        for tr in doc.tables[1]._tbl.tr_lst
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    ]
    assert len(header_rows) == 3


def test_footer_has_a_page_field(sample):
    footer = _open(sample).sections[0].footer
    xml = footer._element.xml
    assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
    assert 'w:fldCharType="begin"' in xml
    assert 'w:fldCharType="end"' in xml


def test_findings_shade_their_cells():
    report = filled("2019")
    findings = layout.findings_of(report)
    doc = _open(report, findings=findings)
    shaded = [
        tc
        for tc in doc.element.body.iter(qn("w:tc"))
        if tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}") is not None
    ]
    assert len(shaded) == len({c for f in findings for c in f.cells})
    assert any(p.text.endswith(f"（{findings[0].rule}）") for p in doc.paragraphs)
    plain = _open(report)
    assert not list(plain.element.body.iter(qn("w:shd")))


# WordprocessingML's order of the properties this renderer writes (ECMA-376 Part 1, 17.4):
# Word rejects a document whose property elements are out of order.
_ORDER = {
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
    "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
}


def test_table_properties_are_in_schema_order():
    report = filled("2021")
    doc = _open(report, findings=layout.findings_of(report))
    for name, order in _ORDER.items():
        rank = {t: i for i, t in enumerate(order.split())}
        for el in doc.element.body.iter(qn(f"w:{name}")):
            tags = [c.tag.split("}")[1] for c in el]
            assert all(t in rank for t in tags), tags
            assert tags == sorted(tags, key=rank.__getitem__), tags
            assert len(tags) == len(set(tags)), tags
