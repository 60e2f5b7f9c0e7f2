"""The annual report's workflow: draft, submit, approve, publish, lock, correct."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.appeals.conftest import lodge  # noqa: F401  (a fixture)
from tests.reports.sections import write_sections
from xxgk.applications.models import Application
from xxgk.disclosures.figures import figure_cells, figures_enter
from xxgk.report import jsonio
from xxgk.reports.models import AnnualReport, ReportStatus
from xxgk.reports.services import (
    AnnualReportError,
    content_hash,
    report_approve,
    report_changes,
    report_correct,
    report_open,
    report_publish,
    report_return,
    report_sections_save,
    report_submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(tree, people, register):
    """The bureau's 2025 records with every table-2 figure entered."""
    values = {cell.cell: "0" for cell in figure_cells(2025)}
    figures_enter(user=people.officer, agency=tree.bureau, year=2025, values=values)
    return register(date(2025, 3, 3))


def test_a_draft_begins_with_sections_from_the_records(tree, people, complete) -> None:
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    assert annual.status == ReportStatus.DRAFT
    assert "收到政府信息公开申请1件" in annual.sections["overview"]
    assert report_open(user=people.officer, agency=tree.bureau, year=2025) == annual
    report_sections_save(user=people.officer, annual=annual, sections={"problems": " 人手不足。 "})
    annual.refresh_from_db()
    assert annual.sections["problems"] == "人手不足。"
    with pytest.raises(AnnualReportError, match="没有这些部分"):
        report_sections_save(user=people.officer, annual=annual, sections={"x": "y"})


def test_an_error_blocks_submission(tree, people, register) -> None:
    register(date(2025, 3, 3))  # no table-2 figure entered: an error finding
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    with pytest.raises(AnnualReportError, match="以下统计数尚未录入"):
        report_submit(user=people.officer, annual=annual)
    annual.refresh_from_db()
    assert annual.status == ReportStatus.DRAFT


def test_a_prompt_left_in_a_section_blocks_submission(tree, people, complete) -> None:
    """The draft leaves 存在的主要问题 and the rest of 其他需要报告的事项 to the officer, in
    brackets: a report is not sent on (nor published) with one of them still in it."""
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    with pytest.raises(AnnualReportError) as refused:
        report_submit(user=people.officer, annual=annual)
    assert str(refused.value).startswith(
        "“五、存在的主要问题及改进情况”、“六、其他需要报告的事项”仍有起草时留下的提示"
    )
    report_sections_save(user=people.officer, annual=annual, sections={"problems": "人手不足。"})
    with pytest.raises(AnnualReportError, match=r"^“六、其他需要报告的事项”仍有"):
        report_submit(user=people.officer, annual=annual)
    write_sections(people.officer, annual)
    report_submit(user=people.officer, annual=annual)
    annual.refresh_from_db()
    assert annual.status == ReportStatus.SUBMITTED
    assert "本年度未收取信息处理费。" in annual.sections["other"]  # the drafted facts stay


@pytest.mark.parametrize(
    "problems",
    ["", "   ", "（请写明本年度存在的主要问题）", "[待补充]", "【请填写】", "(请填写)"],
)
def test_a_required_section_blank_or_only_a_bracketed_prompt_blocks_submission(
    tree, people, complete, problems
) -> None:
    """条例第五十条 requires 存在的主要问题及改进情况 and 其他需要报告的事项, which no table states:
    a blank section, or one holding only a bracketed text, reworded or not, is not sent on."""
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    report_sections_save(
        user=people.officer, annual=annual, sections={"problems": problems, "appeals": " "}
    )
    with pytest.raises(AnnualReportError) as refused:
        report_submit(user=people.officer, annual=annual)
    # (section 四's text may be blank: table 4 states it)
    assert str(refused.value).startswith("“五、存在的主要问题及改进情况”尚未填写")
    assert "第五十条" in str(refused.value)
    annual.refresh_from_db()
    assert annual.status == ReportStatus.DRAFT


def test_short_statements_and_a_blank_overview_are_sent_on(tree, people, complete) -> None:
    """A short statement of fact is text; 总体情况 is the national format's, not the Article's."""
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    short = {"problems": "无。", "other": "本年度未收取信息处理费。", "overview": ""}
    report_sections_save(user=people.officer, annual=annual, sections=short)
    report_submit(user=people.officer, annual=annual)
    annual.refresh_from_db()
    assert annual.status == ReportStatus.SUBMITTED


def test_the_whole_way_to_publication_and_the_lock(tree, people, complete, media) -> None:
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    report_submit(user=people.officer, annual=annual)
    with pytest.raises(PermissionDenied, match="负责人"):
        report_approve(user=people.officer, annual=annual)
    with pytest.raises(AnnualReportError, match="已批准"):
        report_publish(user=people.officer, annual=annual)
    report_approve(user=people.head, annual=annual)
    report_publish(user=people.officer, annual=annual)
    annual.refresh_from_db()
    assert annual.status == ReportStatus.PUBLISHED
    assert annual.content_hash == content_hash(annual.report_json)
    assert len(annual.content_hash) == 64
    assert jsonio.from_json(annual.report_json)["applications.new_received.total"] == 1
    forms = {f.form: f for f in annual.files.all()}
    assert set(forms) == {"html", "docx", "pdf", "xlsx", "json"}
    assert forms["pdf"].file.read(4) == b"%PDF"
    # Locked: no editing, and a second report_open refers to the correction.
    with pytest.raises(AnnualReportError, match="草稿"):
        report_sections_save(user=people.officer, annual=annual, sections={"other": "x"})
    with pytest.raises(AnnualReportError, match="更正"):
        report_open(user=people.officer, agency=tree.bureau, year=2025)
    assert report_changes(annual) == []
    # A record of that year changes: the published version says which cells, and how.
    Application.objects.update(applicant_kind="commercial", credit_code="91350100M000100Y43")
    changed = {c.cell: (c.published, c.now) for c in report_changes(annual)}
    assert changed["applications.new_received.natural_person"] == (1, 0)
    assert changed["applications.new_received.commercial"] == (0, 1)
    # A correction is a new version with its note; the first stays published.
    with pytest.raises(AnnualReportError, match="更正说明"):
        report_correct(user=people.officer, published=annual, note=" ")
    corrected = report_correct(user=people.officer, published=annual, note="更正申请人类型。")
    assert corrected.version == 2
    assert corrected.status == ReportStatus.DRAFT
    assert AnnualReport.objects.get(pk=annual.pk).status == ReportStatus.PUBLISHED


def test_the_head_returns_a_report_with_a_reason(tree, people, complete) -> None:
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    report_submit(user=people.officer, annual=annual)
    with pytest.raises(AnnualReportError, match="理由"):
        report_return(user=people.head, annual=annual, reason="")
    report_return(user=people.head, annual=annual, reason="请补充存在的问题。")
    annual.refresh_from_db()
    assert annual.status == ReportStatus.DRAFT


def test_no_one_else_prepares_the_report(tree, people) -> None:
    with pytest.raises((PermissionDenied, Http404)):
        report_open(user=people.supervisor, agency=tree.bureau, year=2025)
    with pytest.raises((PermissionDenied, Http404)):
        report_open(user=people.outsider, agency=tree.bureau, year=2025)


def test_a_draft_says_which_sentences_the_records_now_state_otherwise(
    tree, people, complete, register
) -> None:
    from xxgk.reports.services import report_and_draft, stale_sections

    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)

    assert stale_sections(annual, report_and_draft(annual)[1]) == []
    register(date(2025, 5, 6))  # a second application of 2025 arrives after the draft began
    (overview, applications) = [
        s
        for s in stale_sections(annual, report_and_draft(annual)[1])
        if s.section in ("overview", "applications")
    ]
    assert any("收到政府信息公开申请2件" in s for s in overview.sentences)
    assert applications.heading.startswith("三、")


def test_a_warning_against_last_years_published_report_needs_an_explanation(
    tree, people, complete
) -> None:
    from xxgk.reports.compute import report_compute
    from xxgk.reports.services import content_hash

    # Last year's report, imported from the agency's published file: 3 carried forward.
    last = report_compute(agency=tree.bureau, year=2024)
    last["applications.carried_forward.natural_person"] = 3
    last["applications.carried_forward.total"] = 3
    data = jsonio.to_json(last)
    AnnualReport.objects.create(
        agency=tree.bureau,
        year=2024,
        status=ReportStatus.PUBLISHED,
        report_json=data,
        content_hash=content_hash(data),
        imported_from="2024.pdf",
    )
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    with pytest.raises(AnnualReportError, match="请对每项提示写明说明"):
        report_submit(user=people.officer, annual=annual)
    rules = ("years.carried_over.natural_person", "years.carried_over.total")
    with pytest.raises(AnnualReportError, match="1 项未说明"):
        report_submit(user=people.officer, annual=annual, explanations={rules[0]: "有误。"})
    explained = dict.fromkeys(rules, "上年报告结转数有误，已更正。")
    report_submit(user=people.officer, annual=annual, explanations=explained)
    annual.refresh_from_db()
    assert annual.status == ReportStatus.SUBMITTED
    assert annual.explanations == explained


def test_a_correction_redrafts_the_sections_the_officer_left_as_drafted(
    client,
    tree,
    people,
    complete,
    register,
    lodge,  # noqa: F811
    media,
) -> None:
    """The records changed after publication (a second review): the correction drafts section
    四 again, as the officer never edited it, so that it says what table 4 now counts; a
    section the officer wrote keeps their text, and the page names the sentence the records now
    state otherwise."""
    from django.urls import reverse

    lodge(date(2025, 6, 2))
    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    annual.refresh_from_db()
    own = annual.sections["applications"] + "申请主要涉及土地供应。"
    report_sections_save(user=people.officer, annual=annual, sections={"applications": own})
    report_submit(user=people.officer, annual=annual)
    report_approve(user=people.head, annual=annual)
    report_publish(user=people.officer, annual=annual)
    annual.refresh_from_db()
    assert "新被申请行政复议1件" in annual.report_json["sections"]["appeals"]
    lodge(date(2025, 7, 1))
    register(date(2025, 8, 4))
    corrected = report_correct(user=people.officer, published=annual, note="补登行政复议案件。")
    assert "新被申请行政复议2件" in corrected.sections["appeals"]  # as table 4 counts now
    assert corrected.sections["applications"] == own  # the officer's text is kept
    assert corrected.sections["problems"] == annual.sections["problems"]
    client.force_login(people.officer)
    page = client.get(reverse("reports:detail", args=[tree.bureau.pk, 2025])).content.decode()
    assert "记录已变动：更正版本已按现有记录重新起草" in page
    assert "本更正版本已按现有记录重新起草：一、总体情况、四、政府信息公开行政复议" in page
    assert "记录已变动：正文中据以起草的数字已不同" in page
    assert "三、收到和处理政府信息公开申请情况：“本年度新收政府信息公开申请2件" in page


def test_a_corrections_own_files_say_it_is_the_correction(
    tree, people, complete, register, media
) -> None:
    """更正版: the correction's web page, Word, PDF and workbook print that they are the
    corrected version and the 更正说明; its JSON stays the report's data."""
    import io

    import pdfplumber
    from docx import Document
    from openpyxl import load_workbook

    annual = report_open(user=people.officer, agency=tree.bureau, year=2025)
    write_sections(people.officer, annual)
    report_submit(user=people.officer, annual=annual)
    report_approve(user=people.head, annual=annual)
    report_publish(user=people.officer, annual=annual)
    annual.refresh_from_db()
    register(date(2025, 8, 4))
    corrected = report_correct(user=people.officer, published=annual, note="补登一件申请。")
    report_submit(user=people.officer, annual=corrected)
    report_approve(user=people.head, annual=corrected)
    report_publish(user=people.officer, annual=corrected)
    statement = "【更正版】本报告为2025年度报告第2版（更正版），更正第1版。更正说明：补登一件申请。"
    files = {f.form: f.file.read() for f in corrected.files.all()}
    assert statement in files["html"].decode()
    text = "\n".join(p.text for p in Document(io.BytesIO(files["docx"])).paragraphs)
    assert statement in text
    with pdfplumber.open(io.BytesIO(files["pdf"])) as pdf:
        assert "【更正版】" in pdf.pages[0].extract_text()
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert book.worksheets[0]["A2"].value == statement
    assert "更正版" not in files["json"].decode()
    corrected.refresh_from_db()
    assert "更正版" not in corrected.report_json["sections"]["overview"]
    first = {f.form: f.file.read() for f in annual.files.all()}
    assert "更正版" not in first["html"].decode()  # the first version is as it was
