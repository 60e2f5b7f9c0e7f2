"""PDF: A4 pages typeset with a CJK font found on the machine; a clear error when none is."""

from io import BytesIO

import pdfplumber
import pytest

from xxgk.report.render import layout, pdf

needs_cjk_font = pytest.mark.skipif(
    not pdf.cjk_families(), reason="no CJK font installed (apt-get install fonts-noto-cjk)"
)


@needs_cjk_font
def test_a4_pages_with_the_title_tables_and_page_numbers(sample):
    with pdfplumber.open(BytesIO(pdf.render(sample))) as doc:
        assert all((round(p.width), round(p.height)) == (595, 842) for p in doc.pages)
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
        tables = sum(len(p.find_tables()) for p in doc.pages)
        footers = [p.extract_text().splitlines()[-1] for p in doc.pages]
    assert layout.title(sample)[:12] in text.replace("\n", "")
    for block in sample.edition.proactive:
        assert block.caption.text in text
    assert sample.edition.application_rows[-1].label.text in text
    assert tables >= 3
    assert footers == [f"— {n} —" for n in range(1, len(footers) + 1)]


@needs_cjk_font
def test_every_chinese_character_has_a_glyph(sample):
    # a missing face would print .notdef boxes; the embedded fonts must cover CJK
    with pdfplumber.open(BytesIO(pdf.render(sample))) as doc:
        fonts = {
            c["fontname"] for p in doc.pages for c in p.chars if "\u4e00" <= c["text"] <= "\u9fff"
        }
    assert fonts
    assert all("CJK" in f or "Hei" in f or "Song" in f or "Han" in f for f in fonts), fonts


def test_without_a_cjk_font_the_error_names_the_package(sample, monkeypatch):
    monkeypatch.setattr(pdf, "cjk_families", list)
    with pytest.raises(pdf.NoCJKFont) as e:
        pdf.render(sample)
    assert "fonts-noto-cjk" in str(e.value)
    assert "中文字体" in str(e.value)


def test_the_preferred_face_is_chosen_before_others():
    assert pdf.choose_font(["DejaVu Sans", "WenQuanYi Zen Hei", "Noto Serif CJK SC"]) == (
        "Noto Serif CJK SC"
    )
    assert pdf.choose_font(["Some CJK Face"]) == "Some CJK Face"
