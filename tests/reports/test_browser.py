"""The annual report's whole workflow in Debian's chromium (Playwright) against a live server:
compute, edit a section, submit, approve, publish, see it on the portal, download the PDF, then
change a record and see the notice — with no Content Security Policy violation on the way.

Screenshots go to a temporary folder, or to docs/ with XXGK_SCREENSHOTS=1."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tests.portal.test_browser import CHROMIUM, browser  # noqa: F401  (the browser fixture)
from xxgk.reports.narrative import OTHER_PROMPT

DOCS = Path(__file__).resolve().parents[2] / "docs"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _login(context, username: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto("/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    return page


def test_the_whole_workflow(browser, live_server, tree, people, register, media, tmp_path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    from xxgk.applications.models import Application
    from xxgk.disclosures.figures import figure_cells, figures_enter

    shots = DOCS if os.environ.get("XXGK_SCREENSHOTS") else tmp_path
    figures_enter(
        user=people.officer,
        agency=tree.bureau,
        year=2025,
        values={c.cell: "0" for c in figure_cells(2025)},
    )
    register(date(2025, 3, 3))
    officer_context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    head_context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    public = browser.new_context(locale="zh-CN", base_url=live_server.url)
    violations: list[str] = []
    for context in (officer_context, head_context, public):
        context.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
    try:
        officer = _login(officer_context, "officer")
        officer.get_by_role("link", name="年度报告", exact=True).click()
        officer.get_by_label("年度").select_option("2025")
        officer.get_by_role("button", name="计算").click()
        officer.get_by_role("button", name="开始编制").click()
        expect(officer.get_by_text("第 1 版：草稿")).to_be_visible()
        problems = officer.get_by_label("五、存在的主要问题及改进情况")
        problems.fill("一是信息发布不够及时。下一步将完善审核机制。")
        officer.get_by_role("button", name="保存").click()
        expect(officer.get_by_text("已保存。", exact=True)).to_be_visible()
        officer.locator("canvas").first.wait_for()  # the charts are drawn
        officer.screenshot(path=str(shots / "reports-workflow.png"))
        officer.get_by_role("button", name="送审").click()
        # 其他需要报告的事项 still ends with the draft's prompt: refused, and the officer told
        expect(officer.get_by_text("“六、其他需要报告的事项”仍有起草时留下的提示")).to_be_visible()
        other = officer.get_by_label("六、其他需要报告的事项")
        other.fill(other.input_value().replace(OTHER_PROMPT, "本年度无其他需要报告的事项。"))
        officer.get_by_role("button", name="送审").click()
        expect(officer.get_by_text("已送审。", exact=True)).to_be_visible()
        head = _login(head_context, "head")
        head.goto(officer.url)
        head.get_by_role("button", name="批准").click()
        expect(head.get_by_text("已批准。", exact=True)).to_be_visible()
        officer.reload()
        officer.get_by_role("button", name="发布").click()
        published = officer.get_by_text("已发布，公众可在政府信息公开专栏下载。", exact=True)
        expect(published).to_be_visible()
        # The public finds it on the portal and downloads the PDF.
        page = public.new_page()
        page.goto(f"/gk/{tree.bureau.pk}/reports/")
        expect(page.get_by_role("heading", name="2025年度报告")).to_be_visible()
        page.locator("canvas").first.wait_for()
        page.screenshot(path=str(shots / "reports-portal.png"), full_page=True)
        from axe_playwright_python.sync_playwright import Axe

        serious = [
            f"{v['id']}: {v['help']}"
            for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, serious
        with page.expect_download() as download:
            page.get_by_role("link", name="PDF").click()
        saved = tmp_path / "report.pdf"
        download.value.save_as(saved)
        assert saved.read_bytes()[:4] == b"%PDF"
        # A record of 2025 changes: the published report says which cells.
        Application.objects.update(applicant_kind="research", credit_code="12350100M000100Y4X")
        officer.reload()
        expect(officer.get_by_role("heading", name="发布后记录有变动")).to_be_visible()
        expect(officer.get_by_role("cell", name=re.compile("本年新收.*科研机构"))).to_be_visible()
    finally:
        for context in (officer_context, head_context, public):
            context.close()
    assert not violations, violations
