"""A receipt date must be a day the Regulation was in force and not in the future."""

from datetime import date

import pytest

from xxgk.applications.models import Application
from xxgk.applications.services import ApplicationError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1900, 1, 1), date(2008, 4, 30)])
def test_a_receipt_before_the_regulation_is_refused(register, day) -> None:
    with pytest.raises(ApplicationError, match="早于《中华人民共和国政府信息公开条例》施行之日"):
        register(day)
    assert Application.objects.count() == 0  # no number was taken


def test_a_receipt_in_the_future_is_refused(register, today) -> None:
    today.set(date(2025, 10, 9))
    with pytest.raises(ApplicationError, match="晚于今天"):
        register(date(2025, 10, 10))
    assert register(date(2008, 5, 1)).number == "2008-0001"
