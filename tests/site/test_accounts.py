"""Accounts: the lockout after repeated failed logins, the idle timeout, the password rules."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def lockout(settings: Any) -> Any:
    """django-axes on, as the site runs it (the suite turns it off for the test client)."""
    from xxgk.site.settings import accounts

    settings.AUTHENTICATION_BACKENDS = accounts.AUTHENTICATION_BACKENDS
    settings.AXES_ENABLED = True
    return settings


def _login(client: Any, username: str, password: str) -> Any:
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_failures_lock_the_account_for_fifteen_minutes(client, people, lockout, caplog):
    caplog.set_level(logging.WARNING, logger="axes")
    for _ in range(4):
        response = _login(client, "officer", "wrong")
        assert response.status_code == 200
        assert "用户名或密码不正确" in response.content.decode()
    locked = _login(client, "officer", "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "连续 5 次登录失败，该账号已被锁定 15 分钟" in page
    assert 'name="password"' in page  # still the login page
    # The right password is refused while the lock lasts.
    refused = _login(client, "officer", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert any(
        "Locking out" in r.getMessage() and 'username: "officer"' in r.getMessage()
        for r in caplog.records
    )
    # Another account is not locked.
    assert _login(client, "head", PASSWORD).status_code == 302


def test_the_lock_ends_after_its_time(client, people, lockout):
    from axes.models import AccessAttempt

    for _ in range(5):
        _login(client, "officer", "wrong")
    assert _login(client, "officer", PASSWORD).status_code == 429
    # django-axes reads its clock at import: age the failures instead of moving the clock.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    # A try during the lock starts its 15 minutes again.
    assert _login(client, "officer", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert _login(client, "officer", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert _login(client, "officer", PASSWORD).status_code == 302


def test_a_success_starts_the_count_again(client, people, lockout):
    for _ in range(4):
        _login(client, "officer", "wrong")
    assert _login(client, "officer", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert _login(client, "officer", "wrong").status_code == 200


def test_the_limits_are_settings(client, people, lockout):
    lockout.AXES_FAILURE_LIMIT = 2
    lockout.AXES_COOLOFF_TIME = timedelta(minutes=60)
    _login(client, "officer", "wrong")
    locked = _login(client, "officer", "wrong")
    assert locked.status_code == 429
    assert "连续 2 次登录失败，该账号已被锁定 60 分钟" in locked.content.decode()


def test_an_idle_session_ends_and_activity_keeps_it(client, people, monkeypatch, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    client.force_login(people.officer)
    queue = reverse("applications:queue")
    start = timezone.now()
    # A request every 20 minutes for an hour keeps the session alive ...
    for minutes in (20, 40, 60):
        at = start + timedelta(minutes=minutes)
        monkeypatch.setattr(timezone, "now", lambda at=at: at)
        assert client.get(queue).status_code == 200
    # ... 31 idle minutes end it.
    at = start + timedelta(minutes=60 + 31)
    monkeypatch.setattr(timezone, "now", lambda: at)
    response = client.get(queue)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("Xq7#short", "太短"),  # 9 characters: at least 12
        ("password1234", "太常见"),
        ("740318265193", "只包含数字"),
        ("officer12345", "相似"),  # the username
    ],
)
def test_weak_passwords_are_refused(people, password, why) -> None:
    with translation.override("zh-hans"):  # the messages are lazy: read them in Chinese here
        with pytest.raises(ValidationError) as refused:
            validate_password(password, user=people.officer)
        messages = [str(m) for m in refused.value.messages]
    assert any(why in m for m in messages), messages


def test_a_long_unusual_password_is_accepted(people) -> None:
    validate_password("江城-晴朗-Harbour-1947", user=people.officer)


def test_the_lock_is_on_the_account_whatever_the_address(client, people, lockout):
    for n in range(5):
        client.post(
            reverse("login"),
            {"username": "officer", "password": "wrong"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
    again = client.post(
        reverse("login"),
        {"username": "officer", "password": PASSWORD},
        REMOTE_ADDR="10.9.9.9",
    )
    assert again.status_code == 429


def test_an_administrator_lifts_a_lock(client, people, lockout):
    from django.core.management import call_command

    for _ in range(5):
        _login(client, "officer", "wrong")
    assert _login(client, "officer", PASSWORD).status_code == 429
    call_command("axes_reset_username", "officer", verbosity=0)
    assert _login(client, "officer", PASSWORD).status_code == 302
