"""The Word file opens in LibreOffice: `soffice --headless --convert-to pdf` turns it into a PDF."""

import shutil
import subprocess

import pytest

from xxgk.report.render import docx, layout

from .conftest import filled

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice not installed (apt-get install libreoffice-writer-nogui)"
)
@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_libreoffice_converts_the_docx_to_pdf(edition, tmp_path, sample):
    report = sample if edition == "2019" else filled("2021")
    # the 2021 report breaks every sum: its cells are shaded and the findings listed
    findings = layout.findings_of(report) if edition == "2021" else None
    source = tmp_path / "report.docx"
    source.write_bytes(docx.render(report, findings=findings))
    profile = tmp_path / "profile"  # a private profile: no clash with a running LibreOffice
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "report.pdf"
    assert pdf.exists(), done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
