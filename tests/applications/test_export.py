"""The CSV export: the report year's boundaries, and no cell a spreadsheet would run."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from xxgk.applications.export import safe_cell
from xxgk.applications.services import application_event_record
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("张三", "张三"),
        ("2025-0001", "2025-0001"),
        (None, ""),
    ],
)
def test_a_formula_is_written_as_text(text, written):
    assert safe_cell(text) == written


def rows(client, **query) -> list[dict[str, str]]:
    response = client.get(reverse("applications:export"), query)
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_counts_by_the_report_year(client, register, people, today):
    today.set(date(2025, 1, 10))
    application = register(date(2024, 12, 20), applicant_name="=cmd|' /C calc'!A0")
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.REPLY_SENT,
        on=date(2025, 1, 10),
        outcome="unable_not_held",
        ground="《条例》第三十六条第（四）项：经检索没有所申请公开信息",
        note="经检索本机关档案，没有所申请的信息",
    )
    assert client.login(username="officer", password=PASSWORD)
    [in_2025] = rows(client, year=2025, with_carried_over="on")
    assert in_2025["上年结转"] == "是"
    assert in_2025["结转下年度"] == ""  # answered in 2025: not carried out of it
    [in_2024] = rows(client, year=2024)
    assert (in_2024["上年结转"], in_2024["结转下年度"]) == ("", "是")
    assert in_2024["申请人"].startswith("'=")
