"""Round trip: reading a rendered report gives back the same tables, agency, year and edition.

Property-based over random consistent reports of every edition (`tests.report.strategies`), for
every form the readers read; PDF is slow to typeset, so it gets fewer examples.
"""

import pytest
from hypothesis import HealthCheck, given, settings

from tests.report.strategies import consistent_reports
from xxgk.report import Report, jsonio
from xxgk.report.read import read_bytes
from xxgk.report.render import FORMS, pdf, render

FAST = ("html", "md", "txt", "docx")


def _same(report: Report, back: Report) -> None:
    assert back.edition.key == report.edition.key
    assert back.agency == report.agency
    assert back.year == report.year
    wrong = {c: (v, back.cells.get(c)) for c, v in report.cells.items() if back.cells.get(c) != v}
    assert not wrong, wrong


# drawn as compact report JSON: a failing example then prints as one line that
# `xxgk render` can take as it is
reports_json = consistent_reports().map(lambda r: jsonio.dumps(r, indent=None))


def _round_trip(report_json: str, form: str) -> None:
    report = jsonio.loads(report_json)
    data = render(report, form)
    back = read_bytes(data, f"report{FORMS[form][1]}")
    _same(report, back)


@pytest.mark.parametrize("form", FAST)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports_json)
def test_reading_a_rendered_report_gives_it_back(form, report):
    _round_trip(report, form)


@pytest.mark.slow
@pytest.mark.skipif(not pdf.cjk_families(), reason="no CJK font installed (fonts-noto-cjk)")
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports_json)
def test_reading_a_rendered_pdf_gives_it_back(report):
    _round_trip(report, "pdf")


@pytest.mark.parametrize("form", ["html", "md", "txt", "docx"])
def test_the_sample_with_its_narrative_reads_back(form, sample):
    # the sample has long narrative sections between the tables
    _round_trip(jsonio.dumps(sample, indent=None), form)


# Cells a reader could not read (None): a whole table-2 row, one cell of a table-3 row, a
# money cell. Rendered blank they would read back as 0, and the report as consistent.
UNREAD = (
    "proactive.licensing.previous_items",
    "proactive.licensing.change",
    "proactive.licensing.decisions",
    "applications.new_received.natural_person",
    "proactive.procurement.amount",
)


@pytest.mark.parametrize("form", [*FAST, pytest.param("pdf", marks=pytest.mark.slow)])
def test_a_cell_that_could_not_be_read_is_printed_so_and_reads_back_unread(form, sample):
    if form == "pdf" and not pdf.cjk_families():
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    for cell in UNREAD:
        sample.cells[cell] = None
    data = render(sample, form)
    if form in ("html", "md", "txt"):
        assert data.decode("utf-8").count("无法读取") == len(UNREAD)
    back = read_bytes(data, f"report{FORMS[form][1]}")
    for cell in UNREAD:
        assert back.cells[cell] is None, cell
    # the other cells of the rows around them read as printed
    _same(sample, back)
