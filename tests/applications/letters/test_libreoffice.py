"""Every letter opens in LibreOffice: `soffice --headless --convert-to pdf` turns it into a PDF
whose text carries the title, the addressee, the sender and the date; with `official.fontconfig`
the Chinese text is set in serif faces, not the sans-serif default."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest

from xxgk.applications.letters import official, texts

from .examples import ALL

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice not installed (apt-get install libreoffice-writer-nogui)",
    ),
]


def _noto_serif_installed() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run(
        [fc_list, "Noto Serif CJK SC"], capture_output=True, text=True, check=False
    )
    return bool(found.stdout.strip())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every letter converted in one LibreOffice run, through the letters' fontconfig."""
    folder = tmp_path_factory.mktemp("letters")
    for key, letter in ALL.items():
        (folder / f"{key}.docx").write_bytes(official.letter_docx(letter))
    config = folder / "fonts.conf"
    config.write_text(official.fontconfig(include_system=True), encoding="utf-8")
    done = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{folder / 'profile'}",  # no clash with a running one
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *sorted(str(p) for p in folder.glob("*.docx")),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
    )
    assert done.returncode == 0, done.stderr
    return folder / "pdf"


def _pages(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [re.sub(r"\s+", "", page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


@pytest.mark.parametrize("key", sorted(ALL))
def test_letter_converts_to_a_pdf_with_its_title_and_addressee(pdfs, key):
    pdf = pdfs / f"{key}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = _pages(pdf)
    text = texts.compose(ALL[key])
    assert pages[0].startswith(text.title + text.number), pages[0][:40]
    assert text.addressee in pages[0]
    assert text.signature + text.dated in pages[-1]
    assert re.search(r"—1—", pages[0])  # the page number, from the PAGE field


def test_chinese_text_is_set_in_a_serif_face(pdfs):
    if not _noto_serif_installed():
        pytest.skip("Noto Serif CJK SC not installed (apt-get install fonts-noto-cjk)")
    fonts = set(
        re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([\w-]+)", (pdfs / "receipt.pdf").read_bytes())
    )
    assert any(f.startswith(b"NotoSerifCJK") and b"Bold" in f for f in fonts), fonts  # the title
    assert any(f.startswith(b"NotoSerifCJK") and b"Regular" in f for f in fonts), fonts  # the body
    assert not any(b"Sans" in f or b"ZenHei" in f for f in fonts), fonts
