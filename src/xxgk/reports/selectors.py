"""Reads of the annual reports: what the portal lists, and what a back-office page shows."""

from __future__ import annotations

from django.db.models import QuerySet

from xxgk.agencies.models import Agency
from xxgk.reports.models import AnnualReport, ReportFile, ReportStatus


def published_versions(*, agency: Agency) -> QuerySet[AnnualReport]:
    """Every published version of the agency's reports, newest year first, a correction before
    the version it corrects."""
    return (
        AnnualReport.objects.filter(agency=agency, status=ReportStatus.PUBLISHED)
        .prefetch_related("files")
        .order_by("-year", "-version")
    )


def published_file(*, pk: int, form: str) -> ReportFile | None:
    """A file of a published version (only published ones are ever public)."""
    return (
        ReportFile.objects.select_related("report")
        .filter(report__pk=pk, report__status=ReportStatus.PUBLISHED, form=form)
        .first()
    )


def report_versions(*, agency: Agency, year: int) -> QuerySet[AnnualReport]:
    """Every version of one year, newest first (the back office's page)."""
    return AnnualReport.objects.filter(agency=agency, year=year).order_by("-version")
