"""A 咨询 in a real browser (Debian's chromium, Playwright, as tests/portal/test_browser.py):
asked on the portal, answered by an officer in the back office, then published and looked up;
the portal's 咨询建议 pages checked by axe-core."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD
from tests.portal.test_browser import ARGS, CHROMIUM, browser  # noqa: F401  (the fixture)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _page(browser: Any, live_server: Any) -> Any:  # noqa: F811
    return browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()


def test_asked_answered_and_published(
    browser: Any,  # noqa: F811
    live_server: Any,
    tree: Any,
    people: Any,
) -> None:
    from playwright.sync_api import expect

    bureau = tree.bureau.pk
    public = _page(browser, live_server)
    public.goto(f"/gk/{bureau}/")
    public.get_by_role("navigation", name="政府信息公开栏目").get_by_role(
        "link", name="咨询建议"
    ).click()
    public.get_by_role("link", name="我要咨询或建议").click()
    public.get_by_label("姓名").fill("刘洋")
    public.get_by_label("联系方式").fill("liu@example.com")
    public.get_by_label("标题").fill("不动产登记资料查询需要带什么材料")
    public.get_by_label("内容").fill("请问查询本人名下房屋的登记资料需要哪些材料？")
    public.get_by_label("同意在本专栏公开答复").check()
    public.get_by_role("button", name="提交").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("已收到您的咨询或建议")
    number = public.locator("#receipt-number").inner_text()
    code = public.locator("#receipt-code").inner_text()

    officer = _page(browser, live_server)
    officer.goto("/login/")
    officer.get_by_label("用户名").fill(people.officer.username)
    officer.get_by_label("密码").fill(PASSWORD)
    officer.get_by_role("button", name="登录").click()
    officer.get_by_role("navigation", name="主导航").get_by_role("link", name="咨询建议").click()
    expect(officer.get_by_role("row", name=number)).to_contain_text("待答复")
    officer.get_by_role("link", name=number).click()
    officer.get_by_label("答复内容").fill("请携带本人身份证件到不动产登记窗口办理。")
    expect(officer.get_by_label("在政府信息公开专栏公开答复")).to_be_checked()
    officer.get_by_role("button", name="记录答复").click()
    expect(officer.get_by_text(f"已答复 {number}。")).to_be_visible()

    public.goto(f"/gk/{bureau}/enquiries/")
    public.get_by_role("link", name="不动产登记资料查询需要带什么材料").click()
    expect(public.locator(".answer")).to_contain_text("请携带本人身份证件")
    assert "liu@example.com" not in public.content()
    assert "刘洋" not in public.content()

    public.goto(f"/gk/{bureau}/enquiries/lookup/")
    public.get_by_label("编号").fill(number)
    public.get_by_label("查询码").fill(code.lower().replace("-", ""))
    public.get_by_role("button", name="查询").click()
    expect(public.locator(".answer")).to_contain_text("请携带本人身份证件")


def test_no_serious_accessibility_violation(
    browser: Any,  # noqa: F811
    live_server: Any,
    tree: Any,
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = _page(browser, live_server)
    found = []
    for url in ("enquiries/", "enquiries/ask/", "enquiries/lookup/"):
        page.goto(f"/gk/{tree.bureau.pk}/{url}")
        found += [
            f"{url}: {v['id']} ({v['impact']}): {v['help']}"
            for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    assert not found, "\n".join(found)
