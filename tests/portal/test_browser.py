"""The portal in a real browser: Debian's chromium driven by Playwright against a live server,
with axe-core checking every page for accessibility (WCAG 2.1 AA; no serious or critical
violation), a 375 px phone viewport, and the keyboard."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.portal.factories import Portal, build

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: install Debian's chromium (apt-get install chromium)",
    ),
    # The live server reads what the test wrote, so the data must be committed; the seeded
    # themes are restored afterwards for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, and Django then refuses ORM
    # calls from it; the tests' own ORM calls (fixtures, the database flush) are plain
    # synchronous ones. Set for the module, so that the last test's teardown has it too.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield launched
            launched.close()
    finally:
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    yield context.new_page()
    context.close()


@pytest.fixture
def world(tree: Any, people: Any) -> Portal:
    return build(agency=tree.bureau, user=people.officer)


def portal_pages(world: Portal) -> list[str]:
    agency = world.agency.pk
    return [
        "/gk/",
        f"/gk/{agency}/",
        f"/gk/{agency}/guide/",
        f"/gk/{agency}/rules/",
        f"/gk/{agency}/statutory/",
        f"/gk/{agency}/catalogue/",
        f"/gk/{agency}/catalogue/?item=1",
        f"/gk/{agency}/reports/",
        f"/gk/{agency}/apply/",
        f"/gk/xxgk/{world.budget.index_number}/",
        f"/gk/xxgk/{world.rule.index_number}/",
        "/gk/search/",
        "/gk/search/?q=采购",
    ]


def test_browse_filter_open_and_switch_language(page: Any, world: Portal) -> None:
    from playwright.sync_api import expect

    page.goto("/gk/")
    page.get_by_role("link", name="甲市自然资源局").click()
    page.get_by_role("navigation", name="政府信息公开栏目").get_by_role(
        "link", name="政府信息公开目录"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开目录")
    expect(page.locator("table.catalogue tbody tr")).to_have_count(5)

    page.get_by_label("法定公开事项").select_option("9")
    page.get_by_label("发布年份").select_option("2024")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("table.catalogue tbody tr")).to_have_count(1)
    assert "item=9" in page.url

    page.get_by_role("link", name=world.procurement.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(world.procurement.title)
    assert page.url.endswith(f"/gk/xxgk/{world.procurement.index_number}/")
    expect(page.get_by_role("row", name=re.compile("索引号"))).to_contain_text(
        world.procurement.index_number
    )

    page.goto(f"/gk/xxgk/{world.budget.index_number}/")
    expect(page.locator("article")).to_have_attribute("lang", "zh-Hans")
    page.get_by_role("navigation", name="其他语言版本").get_by_role("link", name="English").click()
    expect(page.locator("article")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(world.budget_en.title)
    assert page.locator('link[rel="alternate"][hreflang="zh-Hans"]').count() == 1


def test_search_a_two_character_word(page: Any, world: Portal) -> None:
    from playwright.sync_api import expect

    page.goto("/gk/")
    page.get_by_role("searchbox", name="检索政府信息").fill("采购")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("找到 2 条结果")
    first = page.locator("ol.hits > li").first
    expect(first.locator("mark").first).to_have_text("采购")
    expect(first).to_contain_text(world.procurement.title)
    assert world.withdrawn.title not in page.content()


def test_follow_a_feed(page: Any, world: Portal) -> None:
    page.goto(f"/gk/{world.agency.pk}/")
    for kind in ("rss", "atom"):
        href = page.locator(f'link[rel="alternate"][type="application/{kind}+xml"]').get_attribute(
            "href"
        )
        response = page.request.get(href)
        assert response.ok
        assert world.budget.title in response.text()
    page.get_by_role("link", name="RSS").click()  # the visible link opens it too


def test_the_interface_in_english(page: Any, world: Portal) -> None:
    from playwright.sync_api import expect

    page.goto(f"/gk/{world.agency.pk}/catalogue/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Disclosure catalogue")
    page.get_by_role("button", name="简体中文").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开目录")


def test_no_serious_accessibility_violation_on_any_page(
    page: Any, live_server: Any, world: Portal
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = []
    for language in ("zh-hans", "en"):
        page.context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        for url in portal_pages(world):
            page.goto(url)
            violations = axe.run(page).response["violations"]
            found += [
                f"{language} {url}: {v['id']} ({v['impact']}): {v['help']} "
                f"{[n['target'] for n in v['nodes']][:3]}"
                for v in violations
                if v["impact"] in ("serious", "critical")
            ]
    assert not found, "\n".join(found)


def test_usable_at_375_px_wide(browser: Any, live_server: Any, world: Portal) -> None:
    context = browser.new_context(
        locale="zh-CN", base_url=live_server.url, viewport={"width": 375, "height": 740}
    )
    page = context.new_page()
    try:
        for url in portal_pages(world):
            page.goto(url)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{url} scrolls sideways at 375 px ({width} px wide)"
    finally:
        context.close()


def test_keyboard_skip_link_and_focus(page: Any, world: Portal) -> None:
    from playwright.sync_api import expect

    page.goto(f"/gk/{world.agency.pk}/catalogue/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到正文")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0  # shown when focused
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # Tab on reaches the catalogue's filters and submits them with the keyboard alone.
    page.get_by_label("法定公开事项").focus()
    page.keyboard.press("End")  # last item (第二十一条：社会救助): nothing published under it
    page.get_by_role("button", name="筛选").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("共 0 条")
