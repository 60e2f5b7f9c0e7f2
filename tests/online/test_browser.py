"""The online application the whole way, in Debian's chromium (Playwright) against a live server:
a member of the public applies, the officer confirms, the applicant looks the case up, the
officer sends a correction notice, the applicant answers online, the officer replies, and the
applicant downloads the reply. axe-core checks the public pages on the way.

Screenshots go to a temporary folder, or to docs/ with XXGK_SCREENSHOTS=1."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSWORD
from tests.portal.test_browser import CHROMIUM, browser  # noqa: F401  (the browser fixture)

DOCS = Path(__file__).resolve().parents[2] / "docs"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return DOCS if os.environ.get("XXGK_SCREENSHOTS") else tmp_path


def _axe(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_whole_way(browser, live_server, tree, people, media, shots, tmp_path) -> None:  # noqa: F811
    from django.core.cache import cache
    from playwright.sync_api import expect

    from xxgk.agencies.services import agency_update

    cache.clear()
    agency_update(
        actor=None,
        agency=tree.bureau,
        address="甲市人民路 1 号",
        short_name="甲自然资",
        review_body="甲市人民政府",
        court="甲市乙区人民法院",
    )
    public = browser.new_context(locale="zh-CN", base_url=live_server.url)
    office = browser.new_context(locale="zh-CN", base_url=live_server.url)
    page, officer = public.new_page(), office.new_page()
    problems: list[str] = []
    try:
        # A member of the public applies.
        page.goto(f"/gk/{tree.bureau.pk}/apply/")
        page.get_by_role("link", name="在线提交申请").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("申请政府信息公开")
        problems += _axe(page)
        page.get_by_label("自然人").check()
        page.get_by_label("姓名或名称").fill("王五")
        page.get_by_label("身份证件类型").select_option("resident_id")
        page.get_by_label("身份证件号码").fill("110105194912310021")  # a wrong check digit
        page.get_by_label("联系电话").fill("13800138000")
        page.get_by_label("电子邮箱").fill("wangwu@example.cn")
        page.get_by_label("所需政府信息的名称").fill("2025年度国有建设用地供应计划")
        page.get_by_label("电子文本").check()
        page.get_by_label("网上查询下载").check()
        id_copy = tmp_path / "身份证.pdf"
        id_copy.write_bytes(PDF)
        page.get_by_label("附件").set_input_files(str(id_copy))
        page.get_by_role("button", name="提交申请").click()
        expect(page.get_by_text("身份证号码校验位不正确")).to_be_visible()
        page.get_by_label("身份证件号码").fill("11010519491231002X")
        page.get_by_label("附件").set_input_files(str(id_copy))
        page.screenshot(path=str(shots / "online-apply.png"), full_page=True)
        page.get_by_role("button", name="提交申请").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
        number = page.locator(".receipt .number").inner_text()
        code = page.locator(".receipt .code").inner_text()
        assert re.fullmatch(r"\d{14}", number)
        assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
        problems += _axe(page)
        page.screenshot(path=str(shots / "online-submitted.png"), full_page=True)

        # The officer confirms.
        officer.goto("/login/")
        officer.get_by_label("用户名").fill("officer")
        officer.get_by_label("密码").fill(PASSWORD)
        officer.get_by_role("button", name="登录").click()
        officer.get_by_role("link", name="网上申请").click()
        officer.get_by_role("link", name=number).click()
        expect(officer.get_by_text("身份证.pdf")).to_be_visible()
        officer.screenshot(path=str(shots / "online-review.png"), full_page=True)
        officer.get_by_role("button", name="确认受理").click()
        expect(officer.get_by_text("已确认受理")).to_be_visible()
        detail = officer.url

        # The applicant looks the case up.
        page.goto("/gk/lookup/")
        problems += _axe(page)
        page.get_by_label("受理编号").fill(number)
        page.get_by_label("查询码").fill(code.lower())
        page.get_by_role("button", name="查询").click()
        expect(page.locator("dd.status")).to_have_text("办理中")
        expect(page.get_by_text("政府信息公开申请受理回执")).to_have_count(0)

        # The officer sends a correction notice.
        officer.goto(detail.rstrip("/") + "/events/correction_requested/")
        officer.get_by_label("需要补正的事项").fill("请写明所需信息的年份。")
        officer.get_by_role("button", name=re.compile("记录|保存|确定")).click()
        expect(officer.get_by_text("告知补正").first).to_be_visible()

        # The applicant answers online.
        page.reload()
        expect(page.locator("dd.status")).to_have_text("待补正")
        expect(page.get_by_text("请写明所需信息的年份。")).to_be_visible()
        problems += _axe(page)
        page.get_by_label("补正内容").fill("所需信息为2025年度。")
        page.screenshot(path=str(shots / "online-case.png"), full_page=True)
        page.get_by_role("button", name="提交补正").click()
        expect(page.get_by_text("补正材料已提交")).to_be_visible()
        expect(page.locator("dd.status")).to_have_text("办理中")

        # The officer replies.
        officer.goto(detail.rstrip("/") + "/events/reply_sent/")
        officer.get_by_label("办理结果").select_option("granted")
        # The outcome's grounds come in by htmx.
        expect(officer.locator("select[name=ground] option").nth(1)).to_be_attached()
        officer.locator("select[name=ground]").select_option(index=1)
        officer.get_by_label("经审查查明的情况和理由").fill("所申请信息已制作并保存。")
        officer.get_by_label(re.compile("提供方式或获取途径")).fill("通过网上查询下载提供。")
        officer.get_by_role("button", name=re.compile("记录|保存|确定")).click()
        expect(officer.get_by_text("已答复").first).to_be_visible()

        # The applicant downloads the reply.
        page.reload()
        expect(page.locator("dd.status")).to_have_text("已答复")
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile("答复书")).click()
        saved = tmp_path / "reply.docx"
        download.value.save_as(saved)
        assert saved.read_bytes()[:2] == b"PK"
    finally:
        public.close()
        office.close()
    assert not problems, "\n".join(problems)
