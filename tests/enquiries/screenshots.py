"""Take the 咨询建议 screenshots in docs/ (enquiries-*.png) from a server with the demo data:

    uv run python -m tests.enquiries.screenshots

A throwaway SQLite database in a temporary XXGK_VAR_DIR, the demo (`xxgk.site.demo`), a WSGI
server on a free port, and Debian's chromium (as tests/portal/screenshots.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path
from wsgiref.simple_server import make_server

from tests.portal.screenshots import _Quiet

DOCS = Path(__file__).resolve().parents[2] / "docs"


def main() -> None:
    os.environ["XXGK_VAR_DIR"] = tempfile.mkdtemp(prefix="xxgk-shots-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("SECRET_KEY", "screenshots-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    from xxgk.agencies.models import Agency
    from xxgk.site.demo import PASSWORD, demo_load

    call_command("migrate", verbosity=0)
    demo_load()
    bureau = Agency.objects.get(name="江城市自然资源和规划局").pk
    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"

    from playwright.sync_api import sync_playwright

    from tests.portal.test_browser import ARGS, CHROMIUM

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    shots = [
        ("answers", f"/gk/{bureau}/enquiries/", False),
        ("ask", f"/gk/{bureau}/enquiries/ask/", False),
        ("queue", "/enquiries/", True),
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for name, url, officer in shots:
            context = browser.new_context(
                locale="zh-CN", base_url=base, viewport={"width": 1100, "height": 900}
            )
            page = context.new_page()
            if officer:
                page.goto("/login/")
                page.get_by_label("用户名").fill("officer")
                page.get_by_label("密码").fill(PASSWORD)
                page.get_by_role("button", name="登录").click()
            page.goto(url)
            page.screenshot(path=str(DOCS / f"enquiries-{name}.png"), full_page=True)
            context.close()
        browser.close()
    server.shutdown()
    print("\n".join(str(DOCS / f"enquiries-{n}.png") for n, _, _ in shots), file=sys.stderr)


if __name__ == "__main__":
    main()
