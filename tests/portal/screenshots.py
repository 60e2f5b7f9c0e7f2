"""Take the portal's screenshots in docs/ (portal-*.png) from a server with sample data:

    uv run python -m tests.portal.screenshots

A throwaway SQLite database in a temporary XXGK_VAR_DIR, the sample data of the portal's tests
(`tests.portal.factories.build`), a WSGI server on a free port, and Debian's chromium.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

DOCS = Path(__file__).resolve().parents[2] / "docs"


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    var = tempfile.mkdtemp(prefix="xxgk-shots-")
    os.environ["XXGK_VAR_DIR"] = var
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("SECRET_KEY", "screenshots-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    from tests.portal.factories import build
    from xxgk.agencies.models import Level
    from xxgk.agencies.services import agency_create

    call_command("migrate", verbosity=0)
    city = agency_create(actor=None, name="甲市人民政府", level=Level.CITY)
    bureau = agency_create(actor=None, name="甲市自然资源局", level=Level.DEPARTMENT, parent=city)
    district = agency_create(actor=None, name="甲市乙区人民政府", level=Level.DISTRICT, parent=city)
    agency_create(actor=None, name="乙区丙镇人民政府", level=Level.TOWNSHIP, parent=district)
    user = User.objects.create_user("officer")
    world = build(agency=bureau, user=user)

    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"

    from playwright.sync_api import sync_playwright

    from tests.portal.test_browser import ARGS, CHROMIUM

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    shots = [
        ("home", "/gk/", 1100),
        ("catalogue", f"/gk/{bureau.pk}/catalogue/?item=1", 1100),
        ("disclosure", f"/gk/xxgk/{world.budget.index_number}/", 1100),
        ("search", "/gk/search/?q=采购", 1100),
        ("guide", f"/gk/{bureau.pk}/guide/", 1100),
        ("mobile", f"/gk/{bureau.pk}/catalogue/", 375),
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for name, url, width in shots:
            context = browser.new_context(
                locale="zh-CN", base_url=base, viewport={"width": width, "height": 760}
            )
            page = context.new_page()
            page.goto(url)
            page.screenshot(path=str(DOCS / f"portal-{name}.png"))
            context.close()
        browser.close()
    server.shutdown()
    print("\n".join(str(DOCS / f"portal-{name}.png") for name, _, _ in shots), file=sys.stderr)


if __name__ == "__main__":
    main()
