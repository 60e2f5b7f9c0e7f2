"""The demo's enquiries: answered and published ones on the portal, open ones in the queue."""

from __future__ import annotations

from datetime import date

import pytest

from xxgk.enquiries.models import Enquiry
from xxgk.site.demo import demo_load

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_profile")]


def test_the_demo_has_answered_published_and_open_enquiries() -> None:
    demo_load(today=date(2025, 11, 14))
    assert Enquiry.objects.count() == 10
    published = Enquiry.objects.filter(published=True)
    assert published.count() == 6
    assert all(e.consent for e in published)
    assert Enquiry.objects.filter(answered_on__isnull=True).count() == 2
    assert not Enquiry.objects.filter(answered_on__gt=date(2025, 11, 14)).exists()
