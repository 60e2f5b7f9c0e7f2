"""The demo register loads through the services, on working days, with its language versions,
its 政策解读 and interview, a repealed and superseded 规范性文件, and 2025's figures."""

from __future__ import annotations

from datetime import date

import pytest

from xxgk.agencies.models import Agency
from xxgk.applications.clock import calendar_current
from xxgk.disclosures.models import Disclosure
from xxgk.disclosures.selectors import proactive_table
from xxgk.site.demo import demo_load

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_profile")]


def test_the_demo_register(media, today) -> None:
    today.set(date(2026, 3, 2))
    demo_load(today=date(2026, 3, 2))  # the site's demo loads the register too
    agencies = {a.name: a for a in Agency.objects.all()}
    assert Disclosure.objects.count() >= 15
    assert not Disclosure.objects.exclude(status="published").exclude(validity="repealed").exists()
    letter = Disclosure.objects.get(title="致在江城外籍人士的一封公开信")
    assert sorted(letter.translations.values_list("language", flat=True)) == ["en", "ja", "ko"]
    rules = Disclosure.objects.get(kind="normative", title__contains="外国人")
    assert {d.kind for d in rules.related.all()} == {"interpretation", "interview"}
    calendar = calendar_current()
    for d in Disclosure.objects.all():
        assert d.reviews.filter(opinion="approved").exists()
        for day in (d.made_on, d.published_on):
            assert calendar.day(day).workday, (d.title, day)
    office = agencies["江城市人民政府办公室"]
    assert letter.index_number.startswith(office.organisation_code + "/2025-")
    land = agencies["江城市自然资源和规划局"]
    table = proactive_table(agency=land, year=2025)
    assert table["proactive.normative_documents.issued"] == 2
    assert table["proactive.normative_documents.repealed"] == 1
    assert table["proactive.normative_documents.in_force"] == 1
    assert table["proactive.licensing.decisions"] == 186
