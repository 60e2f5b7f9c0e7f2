"""The annual report's workflow: 草稿 → 送审 → 批准 (the head) → 发布, and 更正 after publication.

- 送审 needs a report with no error finding (条例第五十条's format, every 勾稽关系), and a written
  explanation, kept, for each warning; the cross-year rules run against last year's published
  report.
- 发布 computes the report once more (the records may have changed since approval), freezes its
  report JSON with a SHA-256 of it, and stores the rendered HTML, DOCX, PDF, XLSX and JSON.
- A published version is locked. A correction is a new version with a public note; the earlier
  one stays published at its own address.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, deny_unless
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.report import editions, jsonio
from xxgk.report.edition import Severity
from xxgk.report.model import Report
from xxgk.report.render import render
from xxgk.reports.compute import report_compute, report_tables
from xxgk.reports.models import AnnualReport, ReportFile, ReportStatus
from xxgk.reports.narrative import prompts_left, sections_unwritten
from xxgk.reports.workbook import note_under_titles, to_bytes

SECTIONS = ("overview", "proactive", "applications", "appeals", "problems", "other")
PUBLISHED_FORMS = ("html", "docx", "pdf", "xlsx", "json")


class AnnualReportError(Exception):
    """The step cannot be taken now; the message (Chinese) says why."""


def published_report(*, agency: Agency, year: int) -> AnnualReport | None:
    """The version of `year` the public reads now: the latest published one."""
    return (
        AnnualReport.objects.filter(agency=agency, year=year, status=ReportStatus.PUBLISHED)
        .order_by("-version")
        .first()
    )


def _previous(agency: Agency, year: int) -> Report | None:
    """Last year's published report, for the cross-year rules."""
    last = published_report(agency=agency, year=year - 1)
    return jsonio.from_json(last.report_json) if last and last.report_json else None


def report_of(annual: AnnualReport) -> Report:
    """The report as it stands: computed from the records now, checked (with last year's
    published report), its sections the saved text over the drafted one."""
    return report_and_draft(annual)[0]


def report_and_draft(annual: AnnualReport) -> tuple[Report, dict[str, str]]:
    """`report_of`, and the sections as the records draft them now (for `stale_sections`):
    drafted once for both."""
    report = report_compute(
        agency=annual.agency, year=annual.year, previous=_previous(annual.agency, annual.year)
    )
    drafted = report.sections
    report.sections = {**drafted, **annual.sections}
    return report, drafted


def _audit(user: User, event: AuditEventType, annual: AnnualReport, **new: Any) -> None:
    audit_record(
        actor=user,
        event_type=event,
        obj=annual,
        object_repr=f"{annual.agency.name} {annual}",
        agency=annual.agency,
        new={"status": annual.status, **new},
    )


def _locked(annual: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_related("agency").select_for_update().get(pk=annual.pk)


def _expect(annual: AnnualReport, *statuses: str) -> None:
    if annual.status not in statuses:
        allowed = "、".join(ReportStatus(s).label for s in statuses)
        raise AnnualReportError(
            f"年度报告当前为“{annual.get_status_display()}”，此操作只适用于{allowed}的报告。"
        )


@transaction.atomic
def report_open(*, user: User, agency: Agency, year: int) -> AnnualReport:
    """The version of `year` being prepared, begun now if there is none: its sections drafted
    from the records. A year already published is changed only by a correction."""
    deny_unless(user, Action.REPORT_WRITE, agency)
    working = (
        AnnualReport.objects.filter(agency=agency, year=year)
        .exclude(status=ReportStatus.PUBLISHED)
        .first()
    )
    if working is not None:
        return working
    if published_report(agency=agency, year=year) is not None:
        raise AnnualReportError(f"{year} 年度报告已发布；如需修改，请发布更正版本。")
    drafted = report_compute(agency=agency, year=year).sections  # drafted from the records
    annual = AnnualReport.objects.create(
        agency=agency, year=year, created_by=user, sections=drafted, drafted=drafted
    )
    _audit(user, AuditEventType.REPORT_OPENED, annual, year=year, version=annual.version)
    return annual


@transaction.atomic
def report_sections_save(*, user: User, annual: AnnualReport, sections: dict[str, str]) -> None:
    """Keep the officer's text of the sections (a draft only)."""
    annual = _locked(annual)
    deny_unless(user, Action.REPORT_WRITE, annual)
    _expect(annual, ReportStatus.DRAFT)
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise AnnualReportError(f"没有这些部分：{'、'.join(sorted(unknown))}")
    annual.sections = {**annual.sections, **{k: v.strip() for k, v in sections.items()}}
    annual.save(update_fields=["sections"])
    _audit(user, AuditEventType.REPORT_EDITED, annual, sections=sorted(sections))


@dataclass(frozen=True)
class Blocked:
    """Why a report cannot go on: its error findings, and the warnings still unexplained."""

    errors: list[str]
    unexplained: list[str]  # rule ids


def report_blockers(report: Report, explanations: dict[str, str]) -> Blocked:
    errors = [f.message for f in report.findings if f.severity is Severity.ERROR]
    unexplained = [
        f.rule
        for f in report.findings
        if f.severity is Severity.WARNING and not explanations.get(f.rule, "").strip()
    ]
    return Blocked(errors, unexplained)


@transaction.atomic
def report_submit(
    *, user: User, annual: AnnualReport, explanations: dict[str, str] | None = None
) -> None:
    """送审: refused while the report has an error finding, an unexplained warning, a section
    that still holds its draft's prompt (存在的主要问题, 其他需要报告的事项), or a section that
    条例第五十条 requires left blank or holding only a bracketed text."""
    annual = _locked(annual)
    deny_unless(user, Action.REPORT_WRITE, annual)
    _expect(annual, ReportStatus.DRAFT)
    given = {k: v.strip() for k, v in (explanations or {}).items() if v.strip()}
    report = report_of(annual)
    blocked = report_blockers(report, given)
    if blocked.errors:
        raise AnnualReportError("报告有错误，不能送审：" + "；".join(blocked.errors[:5]))
    if blocked.unexplained:
        raise AnnualReportError(
            f"请对每项提示写明说明后再送审（{len(blocked.unexplained)} 项未说明）。"
        )
    _sections_written(report)
    warnings = {f.rule for f in report.findings if f.severity is Severity.WARNING}
    annual.explanations = {rule: given[rule] for rule in warnings}
    annual.status = ReportStatus.SUBMITTED
    annual.submitted_by, annual.submitted_at = user, timezone.now()
    annual.save()
    _audit(user, AuditEventType.REPORT_SUBMITTED, annual, explanations=annual.explanations)


def _sections_written(report: Report) -> None:
    """Refuse a report whose required sections are not written, or still hold a drafted prompt."""

    def named(keys: list[str]) -> str:
        return "、".join(f"“{x.heading}”" for x in report.edition.sections if x.key in keys)

    left = prompts_left(report.sections)
    if left:
        raise AnnualReportError(
            f"{named(left)}仍有起草时留下的提示（括号中的“请按实际填写”等），"
            "请按实际情况填写并删去提示后再送审。"
        )
    unwritten = sections_unwritten(report.sections)
    if unwritten:
        raise AnnualReportError(
            f"{named(unwritten)}尚未填写（空白或只有括号中的提示）。《中华人民共和国政府信息"
            "公开条例》第五十条规定年度报告应当包括这些内容，没有的也请如实写明，再送审。"
        )


@transaction.atomic
def report_return(*, user: User, annual: AnnualReport, reason: str) -> None:
    """The head sends a report in 送审 or 已批准 back to draft, saying why."""
    annual = _locked(annual)
    deny_unless(user, Action.REPORT_APPROVE, annual)
    _expect(annual, ReportStatus.SUBMITTED, ReportStatus.APPROVED)
    if not reason.strip():
        raise AnnualReportError("请写明退回修改的理由。")
    annual.status = ReportStatus.DRAFT
    annual.save(update_fields=["status"])
    _audit(user, AuditEventType.REPORT_RETURNED, annual, reason=reason.strip())


@transaction.atomic
def report_approve(*, user: User, annual: AnnualReport) -> None:
    annual = _locked(annual)
    deny_unless(user, Action.REPORT_APPROVE, annual)
    _expect(annual, ReportStatus.SUBMITTED)
    annual.status = ReportStatus.APPROVED
    annual.approved_by, annual.approved_at = user, timezone.now()
    annual.save()
    _audit(user, AuditEventType.REPORT_APPROVED, annual)


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the report JSON in its canonical form (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@transaction.atomic
def report_publish(*, user: User, annual: AnnualReport) -> None:
    """发布: the report computed once more and frozen — its JSON with a content hash, and every
    published form rendered and stored."""
    annual = _locked(annual)
    deny_unless(user, Action.REPORT_WRITE, annual)
    _expect(annual, ReportStatus.APPROVED)
    report = report_of(annual)
    blocked = report_blockers(report, annual.explanations)
    if blocked.errors or blocked.unexplained:
        raise AnnualReportError(
            "批准后记录有变动，报告已不一致，请退回修改后重新送审："
            + "；".join(blocked.errors[:3] or blocked.unexplained[:3])
        )
    annual.report_json = jsonio.to_json(report, source=f"xxgk {annual.agency.name}")
    annual.content_hash = content_hash(annual.report_json)
    annual.status = ReportStatus.PUBLISHED
    annual.published_by, annual.published_at = user, timezone.now()
    annual.save()
    for form, data in _published_files(annual, report).items():
        _file_keep(annual, form, data)
    _audit(user, AuditEventType.REPORT_PUBLISHED, annual, content_hash=annual.content_hash)


def correction_statement(annual: AnnualReport) -> str:
    """What a correction's own files print first: that it is the 更正版 and its 更正说明."""
    if not annual.correction_note:
        return ""
    return (
        f"【更正版】本报告为{annual.year}年度报告第{annual.version}版（更正版），"
        f"更正第{annual.version - 1}版。更正说明：{annual.correction_note}"
    )


def _published_files(annual: AnnualReport, report: Report) -> dict[str, bytes]:
    """The files of a version as published. A correction's web page, Word and PDF open their
    text with the correction statement, and its workbook prints it under each table's title;
    its JSON stays the report's data, the same as `report_json`."""
    statement = correction_statement(annual)
    printed = report
    if statement:
        printed = replace(
            report,
            sections={
                **report.sections,
                "overview": f"{statement}\n{report.sections.get('overview', '')}",
            },
        )
    files = {form: render(report if form == "json" else printed, form) for form in PUBLISHED_FORMS}
    if statement:
        files["xlsx"] = to_bytes(note_under_titles(files["xlsx"], report, statement))
    return files


def _file_keep(annual: AnnualReport, form: str, data: bytes) -> None:
    """Store one form of a published version under a name of its agency, year and version."""
    row = ReportFile(report=annual, form=form, size=len(data))
    row.file.save(f"{annual.agency_id}-{annual.year}-v{annual.version}.{form}", ContentFile(data))


@transaction.atomic
def report_correct(*, user: User, published: AnnualReport, note: str) -> AnnualReport:
    """更正: a new version of a published year, in draft, with the public note saying what is
    corrected; the published version stays as it is."""
    deny_unless(user, Action.REPORT_WRITE, published)
    _expect(published, ReportStatus.PUBLISHED)
    if not note.strip():
        raise AnnualReportError("请写明更正说明（将与更正后的报告一并公开）。")
    if (
        AnnualReport.objects.filter(agency=published.agency, year=published.year)
        .exclude(status=ReportStatus.PUBLISHED)
        .exists()
    ):
        raise AnnualReportError("已有一个正在编制的更正版本。")
    latest = published_report(agency=published.agency, year=published.year)
    assert latest is not None
    sections, drafted = _correction_sections(latest)
    annual = AnnualReport.objects.create(
        agency=published.agency,
        year=published.year,
        version=latest.version + 1,
        created_by=user,
        sections=sections,
        drafted=drafted,
        correction_note=note.strip(),
    )
    _audit(user, AuditEventType.REPORT_CORRECTED, annual, version=annual.version, note=note)
    return annual


def _correction_sections(latest: AnnualReport) -> tuple[dict[str, str], dict[str, str]]:
    """A correction's sections, and the draft each stands on (`AnnualReport.drafted`).

    A section published as the records drafted it (the officer never edited it) is drafted
    again from the records now, so that a correction of the tables corrects the sentences that
    state them (section 四 and table 4 alike). The officer's own text is kept, standing on the
    draft it was written over: the page then names each sentence the records now state
    otherwise (`stale_sections`). An imported report has no draft: its text is kept as it is."""
    published = dict(latest.report_json["sections"]) if latest.report_json else {}
    if not latest.drafted:
        return published, {}
    now = report_compute(agency=latest.agency, year=latest.year).sections
    sections, drafted = {}, {}
    for key, text in published.items():
        then = latest.drafted.get(key, "")
        unedited = key in now and text == then
        sections[key] = now[key] if unedited else text
        drafted[key] = now[key] if unedited else then
    return sections, drafted


def sections_redrafted(annual: AnnualReport, published: AnnualReport) -> list[str]:
    """The headings of the sections a correction drafted again from the records when it was
    begun (`_correction_sections`), because the records stated them otherwise than they did
    for `published`, the version it corrects."""
    if annual.status == ReportStatus.PUBLISHED or not published.drafted or not annual.drafted:
        return []
    return [
        section.heading
        for section in editions.for_year(annual.year).sections
        if annual.drafted.get(section.key, "") != published.drafted.get(section.key, "")
    ]


@dataclass(frozen=True)
class CellChange:
    cell: str
    label: str
    published: object
    now: object


def report_changes(annual: AnnualReport, now: Report | None = None) -> list[CellChange]:
    """发布后记录有变动: the cells of a published version the records now count otherwise.
    `now`: the year's report as the caller has just computed it (only its tables are read,
    which neither the sections nor last year's report change), else it is computed here."""
    if annual.status != ReportStatus.PUBLISHED or not annual.report_json:
        return []
    then = jsonio.from_json(annual.report_json)
    if now is None:
        now = report_tables(agency=annual.agency, year=annual.year)
    return [
        CellChange(cell, then.edition.cell_label(cell), then.cells[cell], now.cells[cell])
        for cell in then.edition.cells
        if then.cells[cell] != now.cells.get(cell)
    ]


@transaction.atomic
def report_import(
    *, agency: Agency, year: int, report: Report, source: str, files: dict[str, bytes]
) -> AnnualReport:
    """Keep the published report of an agency not on the platform, read from its file: it
    counts in the roll-up and in next year's cross-year rules, its findings kept, its source
    marked. Importing a year again adds a version (the latest is the one that counts); the
    same file again is refused, so that a batch run twice adds nothing."""
    if report.year != year:
        raise AnnualReportError(f"文件中的报告是 {report.year} 年度的，不是 {year} 年度。")
    latest = published_report(agency=agency, year=year)
    data = jsonio.to_json(report, source=source)
    if latest is not None and latest.content_hash == content_hash(data):
        raise AnnualReportError(f"与已导入的第 {latest.version} 版内容相同，未重复导入。")
    annual = AnnualReport.objects.create(
        agency=agency,
        year=year,
        version=latest.version + 1 if latest else 1,
        status=ReportStatus.PUBLISHED,
        published_at=timezone.now(),
        imported_from=source[:300],
        report_json=data,
        content_hash=content_hash(data),
        sections=dict(report.sections),
    )
    for form, content in files.items():
        _file_keep(annual, form, content)
    audit_record(
        actor=None,
        event_type=AuditEventType.REPORT_PUBLISHED,
        obj=annual,
        object_repr=f"{agency.name} {annual}",
        agency=agency,
        new={"imported_from": annual.imported_from, "content_hash": annual.content_hash},
    )
    return annual


@dataclass(frozen=True)
class Stale:
    """A section whose facts the records now state otherwise."""

    section: str
    heading: str
    sentences: list[str]  # as the records would draft them now


def _sentences(text: str) -> list[str]:
    return [s + "。" for s in text.replace("\n", "").split("。") if s.strip()]


def stale_sections(annual: AnnualReport, now: dict[str, str]) -> list[Stale]:
    """The sections of a version being prepared whose drafted facts have changed since it was
    begun: each sentence the records draft `now` (`report_and_draft`) that was not drafted
    then."""
    if annual.status == ReportStatus.PUBLISHED or not annual.drafted:
        return []
    found = []
    for section in editions.for_year(annual.year).sections:
        then = set(_sentences(annual.drafted.get(section.key, "")))
        changed = [s for s in _sentences(now.get(section.key, "")) if s not in then]
        if changed:
            found.append(Stale(section.key, section.heading, changed))
    return found
