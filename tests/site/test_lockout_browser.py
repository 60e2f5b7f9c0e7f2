"""The lockout in a real browser (Debian's chromium through Playwright, as tests/portal does):
five wrong passwords lock the account, and the right one is then refused; no page breaks the
Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import PASSWORD
from tests.portal.test_browser import CHROMIUM, browser  # noqa: F401  (the browser fixture)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def page(browser: Any, live_server: Any, settings: Any) -> Iterator[Any]:  # noqa: F811
    # The browser is the portal tests' (one per module, Playwright started once): a Playwright
    # started inside this fixture left a second database connection open on PostgreSQL, which
    # then kept the test database from being dropped at the end of the run.
    from xxgk.site.settings import accounts

    settings.AUTHENTICATION_BACKENDS = accounts.AUTHENTICATION_BACKENDS
    settings.AXES_ENABLED = True
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    yield context.new_page()
    context.close()


def _log_in(page: Any, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("用户名").fill("officer")
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def test_five_wrong_passwords_lock_the_account(page: Any, people: Any) -> None:
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    for _ in range(4):
        _log_in(page, "wrong-password")
        assert page.get_by_role("alert").inner_text() == "用户名或密码不正确，请重试。"
    _log_in(page, "wrong-password")
    alert = page.get_by_role("alert").inner_text()
    assert "连续 5 次登录失败，该账号已被锁定 15 分钟" in alert
    _log_in(page, PASSWORD)  # the right password, during the lock
    assert "该账号已被锁定" in page.get_by_role("alert").inner_text()
    assert page.url.endswith("/login/")
    # Another account still logs in, onto a page that uses htmx, within the CSP.
    page.goto("/login/")
    page.get_by_label("用户名").fill("head")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/applications/")
    page.goto("/applications/search/")
    page.wait_for_load_state("networkidle")
    assert violations == []
