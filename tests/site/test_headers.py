"""The security headers on every response, and templates the Content-Security-Policy allows:
no inline script, event handler or style anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

import xxgk

TEMPLATES = sorted(Path(xxgk.__file__).parent.glob("**/templates/**/*.html"))
INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "style attribute": re.compile(r"\sstyle\s*=", re.I),
    "style element": re.compile(r"<style\b", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def test_templates_are_found() -> None:
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_no_inline_script_or_style(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    found = [what for what, pattern in INLINE.items() if pattern.search(text)]
    assert not found, f"{template}: {found} (move it to a static file: the CSP refuses it)"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/login/", "/gk/"])
def test_security_headers(client, url) -> None:
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
    ):
        assert directive in csp
    assert "unsafe" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_htmx_is_told_not_to_inject_styles_or_eval(client, people) -> None:
    client.force_login(people.officer)
    page = client.get(reverse("applications:queue")).content.decode()
    assert '"includeIndicatorStyles": false' in page
    assert '"allowEval": false' in page
