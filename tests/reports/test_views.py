"""The computed report in the back office, and its drill-down."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_each_number_links_to_the_records_it_counts(client, tree, people, register) -> None:
    first = register(date(2025, 3, 3))
    register(
        date(2025, 4, 1),
        applicant_kind="commercial",
        credit_code="91350100M000100Y43",
        id_number="",
        contact_person="李四",
    )
    client.force_login(people.officer)
    page = client.get(reverse("reports:detail", args=[tree.bureau.pk, 2025]))
    assert page.status_code == 200
    html = page.content.decode()
    cell = reverse("reports:cell", args=[tree.bureau.pk, 2025, "applications.new_received.total"])
    assert f'<a href="{cell}">2</a>' in html
    assert "以下统计数尚未录入" in html  # no table-2 figure entered in the test
    assert not re.search(r'data-cell="proactive\.[^"]+"[^>]*><a ', html)  # table 2: no records
    drill = client.get(cell).content.decode()
    assert "收到申请之日在本年度内" in drill
    assert first.number in drill
    kind = reverse(
        "reports:cell", args=[tree.bureau.pk, 2025, "applications.new_received.commercial"]
    )
    only = client.get(kind).content.decode()
    assert first.number not in only
    assert "商业企业" in only


def test_the_index_chooses_an_agency_and_year(client, tree, people) -> None:
    client.force_login(people.officer)
    page = client.get(reverse("reports:index"))
    assert tree.bureau.name in page.content.decode()
    assert tree.other_city.name not in page.content.decode()
    chosen = client.get(reverse("reports:index"), {"agency": tree.bureau.pk, "year": 2025})
    assert chosen["Location"] == reverse("reports:detail", args=[tree.bureau.pk, 2025])


@pytest.mark.parametrize(
    ("year", "cell"),
    [
        (2018, "applications.new_received.total"),
        (2025, "proactive.licensing.decisions"),
        (2025, "applications.nothing.total"),
    ],
)
def test_what_is_not_counted_here_is_not_found(client, tree, people, year, cell) -> None:
    client.force_login(people.officer)
    assert client.get(reverse("reports:cell", args=[tree.bureau.pk, year, cell])).status_code == 404


def test_the_stylesheet_is_the_renderers(client) -> None:
    from xxgk.report.render.html import css

    response = client.get(reverse("reports:css"))
    assert response["Content-Type"].startswith("text/css")
    assert response.content.decode() == css()
