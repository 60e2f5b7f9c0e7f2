"""HTML: the official merged headers, accessible markup, fragment and printable page."""

import lxml.html

from xxgk.report.render import html, layout

from .conftest import filled


def _doc(report, **kw):
    return lxml.html.fromstring(html.render(report, **kw))


def test_table3_header_spans_are_exactly_the_editions(any_edition):
    doc = _doc(any_edition)
    table = doc.xpath("//table[contains(@class,'xxgk-applications')]")[0]
    header = [
        (th.text_content(), int(th.get("colspan", 1)), int(th.get("rowspan", 1)))
        for tr in table.xpath("thead/tr")
        for th in tr
    ]
    ed = any_edition.edition
    assert header == [(h.text, h.colspan, h.rowspan) for row in ed.application_header for h in row]


def test_table4_two_level_header(any_edition):
    table = _doc(any_edition).xpath("//table[contains(@class,'xxgk-appeals')]")[0]
    header = [
        (th.text_content(), int(th.get("colspan", 1)), int(th.get("rowspan", 1)))
        for tr in table.xpath("thead/tr")
        for th in tr
    ]
    ed = any_edition.edition
    assert header == [(h.text, h.colspan, h.rowspan) for row in ed.appeal_header for h in row]


def test_group_labels_span_their_rows_and_leaves_their_columns(any_edition):
    ed = any_edition.edition
    table = _doc(any_edition).xpath("//table[contains(@class,'xxgk-applications')]")[0]
    groups = {
        th.text_content(): int(th.get("rowspan", 1))
        for th in table.xpath(".//th[@scope='rowgroup']")
    }
    for g in ed.row_groups:
        carrying = [r for r in ed.application_rows if g.key in r.groups]
        if carrying:
            assert groups[g.label.text] == len(carrying)
    rows = table.xpath("tbody/tr")
    assert len(rows) == len(ed.application_rows)
    for tr, row in zip(rows, ed.application_rows, strict=True):
        label = tr.xpath("th[@scope='row']")[0]
        assert label.text_content() == row.label.text
        assert int(label.get("colspan", 1)) == 3 - len(row.groups)
        values = [int(td.text_content()) for td in tr.xpath("td")]
        assert values == [any_edition.cells[f"applications.{row.key}.{c.key}"] for c in ed.columns]


def test_accessible_markup(any_edition):
    doc = _doc(any_edition)
    tables = doc.xpath("//table")
    assert [t.xpath("caption")[0].text_content() for t in tables] == [
        any_edition.edition.table_titles[k].text for k in ("proactive", "applications", "appeals")
    ]
    for th in doc.xpath("//th"):
        assert th.get("scope") in ("col", "colgroup", "row", "rowgroup")
    assert doc.get("lang") == "zh-CN"


def test_every_number_cell_names_its_report_cell(any_edition):
    cells = {td.get("data-cell"): td.text_content() for td in _doc(any_edition).xpath("//td")}
    assert set(cells) == set(any_edition.edition.cells)
    assert cells["applications.total.total"] == str(any_edition.cells["applications.total.total"])


def test_sections_are_paragraphs_under_their_headings(any_edition):
    doc = _doc(any_edition)
    assert doc.xpath("//h1")[0].text_content() == layout.title(any_edition)
    assert [h.text_content() for h in doc.xpath("//h2")] == [
        s.heading for s in any_edition.edition.sections
    ]
    texts = [p.text_content() for p in doc.xpath("//p")]
    for s in any_edition.edition.sections:
        assert f"{s.heading}的正文。" in texts


def test_fragment_is_an_article_and_the_page_is_printable_a4(sample):
    fragment = html.render(sample, fragment=True)
    assert fragment.startswith("<article")
    assert "<html" not in fragment
    assert "<style" not in fragment
    page = html.render(sample)
    assert page.startswith("<!DOCTYPE html>")
    assert "size: A4" in page
    assert "margin: 37mm 26mm 35mm 28mm" in page
    assert lxml.html.fromstring(page).xpath("//title")[0].text_content() == layout.title(sample)


def test_text_is_escaped():
    report = filled("2019")
    report.agency = "<script>某机关</script>"
    report.sections = {"overview": "a < b & c"}
    page = html.render(report)
    assert "<script>某机关" not in page
    assert "a &lt; b &amp; c" in page


def test_findings_highlight_their_cells_and_are_listed():
    report = filled("2021")
    findings = layout.findings_of(report)
    assert findings  # the numbered cells break every sum
    doc = _doc(report, findings=findings)
    flagged = doc.xpath("//td[contains(@class,'xxgk-finding-error')]")
    named = {c for f in findings for c in f.cells}
    assert {td.get("data-cell") for td in flagged} == named & set(report.edition.cells)
    items = doc.xpath("//section[@class='xxgk-findings']//li")
    assert len(items) == len(findings)
    ids = {li.get("id") for li in items}
    assert all(td.get("aria-describedby") in ids for td in flagged)
    assert not _doc(report).xpath("//*[contains(@class,'xxgk-finding')]")


def test_no_findings_says_the_rules_hold(sample):
    doc = _doc(sample, findings=[])
    assert doc.xpath("//section[@class='xxgk-findings']/p")[0].text_content() == layout.NO_FINDINGS


def test_the_suspect_cell_is_marked():
    from xxgk.report import Report

    report = Report.empty("2021", "某某市生态环境局", 2022)
    for col in ("natural_person", "total"):
        for row in ("new_received", "granted", "total"):
            report[f"applications.{row}.{col}"] = 4
    report["applications.granted.total"] = 5
    doc = _doc(report, findings=layout.findings_of(report))
    marked = doc.xpath("//td[contains(@class,'xxgk-suspect')]")
    assert [td.get("data-cell") for td in marked] == ["applications.granted.total"]
