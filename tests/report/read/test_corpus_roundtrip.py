"""Every real report, read and then rendered by xxgk, reads back to the same report: its cells
(a cell it could not read stays unread, never 0), agency, year and narrative sections.

A rendered report prints the narrative before each table; what is left of a table in the
narrative (its header split word by word, its rows glued into the prose) or a number of the
prose taken for a row (``近 1400 个``) would be read back as the table. PDF is slow to typeset:
two files whose narrative once broke the reading, in the slow run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.read.test_corpus import REAL
from xxgk.report.read import read_bytes
from xxgk.report.render import FORMS, pdf, render

pytestmark = pytest.mark.skipif(REAL is None, reason="../shared/corpus/real is not present")


def _files() -> list[str]:
    if REAL is None:
        return []
    found = sorted(p for p in REAL.iterdir() if p.suffix in (".txt", ".md", ".html"))
    return [str(p.relative_to(REAL)) for p in [*found, *sorted((REAL / "raw_pdf").glob("*.pdf"))]]


def _round_trip(name: str, form: str) -> None:
    assert REAL is not None
    path = REAL / name
    report = read_bytes(path.read_bytes(), str(path))
    back = read_bytes(render(report, form), f"report{FORMS[form][1]}")
    assert (back.agency, back.year, back.edition.key) == (
        report.agency,
        report.year,
        report.edition.key,
    )
    wrong = {c: (v, back.cells.get(c)) for c, v in report.cells.items() if back.cells.get(c) != v}
    assert not wrong, wrong
    if form != "pdf":  # (a PDF's lines are wrapped again by its own width: compared apart)
        assert back.sections == report.sections


@pytest.mark.parametrize("name", _files())
@pytest.mark.parametrize("form", ["txt", "md", "html", "docx"])
def test_a_real_report_rendered_reads_back_the_same(name: str, form: str) -> None:
    _round_trip(name, form)


@pytest.mark.slow
@pytest.mark.skipif(not pdf.cjk_families(), reason="no CJK font installed (fonts-noto-cjk)")
@pytest.mark.parametrize("name", ["005.md", "007.txt"])
def test_a_real_report_rendered_to_pdf_reads_back_the_same(name: str) -> None:
    _round_trip(name, "pdf")


def test_the_files_are_the_corpus() -> None:
    files = _files()
    assert len(files) >= 50
    assert all(Path(f).suffix for f in files)
