"""An agency's administrator publishes a new guide version from the admin; none is edited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.portal.test_services import GUIDE
from xxgk.portal.models import GuideVersion, RulesVersion
from xxgk.portal.services import guide_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, people):
    people.admin.is_staff = True
    people.admin.save()
    client.force_login(people.admin)
    return client


def test_the_administrator_adds_a_version_for_an_agency_below(admin_client, tree) -> None:
    response = admin_client.post(
        reverse("admin:portal_guideversion_add"),
        {"agency": tree.bureau.pk, "published_on": "2025-03-01", **GUIDE},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    version = GuideVersion.objects.get()
    assert version.agency == tree.bureau
    assert version.created_by is not None


def test_not_for_another_citys_agency(admin_client, tree) -> None:
    response = admin_client.post(
        reverse("admin:portal_guideversion_add"),
        {"agency": tree.other_city.pk, "published_on": "2025-03-01", **GUIDE},
    )
    assert response.status_code == 200  # the form again: that agency is not a choice
    assert not GuideVersion.objects.exists()


def test_a_version_opens_read_only(admin_client, tree) -> None:
    from datetime import date

    version = guide_publish(agency=tree.bureau, published_on=date(2025, 1, 1), **GUIDE)
    url = reverse("admin:portal_guideversion_change", args=[version.pk])
    assert admin_client.get(url).status_code == 200
    admin_client.post(
        url, {"agency": tree.bureau.pk, "published_on": "2025-01-01", **GUIDE, "phone": "改"}
    )
    version.refresh_from_db()
    assert version.phone == GUIDE["phone"]


def test_rules_are_added_too(admin_client, tree) -> None:
    response = admin_client.post(
        reverse("admin:portal_rulesversion_add"),
        {
            "agency": tree.bureau.pk,
            "name": "保密审查制度",
            "published_on": "2025-03-01",
            "text": "内容",
        },
    )
    assert response.status_code == 302
    assert RulesVersion.objects.get().name == "保密审查制度"


def test_an_officer_sees_no_guide_admin(client, people) -> None:
    people.officer.is_staff = True
    people.officer.save()
    client.force_login(people.officer)
    assert client.get(reverse("admin:portal_guideversion_add")).status_code == 403
