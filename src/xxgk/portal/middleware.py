"""The language of a request: chosen (cookie, browser) on the portal, Chinese elsewhere."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import reverse
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware for the public portal only.

    The portal has an English version; the back office is written in Chinese only, so there
    Django's own words (form errors, the admin) stay Chinese whatever the browser asks for.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(_portal_prefixes()):
            super().process_request(request)
            return
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()


def _portal_prefixes() -> tuple[str, ...]:
    return (reverse("portal:home"), reverse("sitemap"), reverse("set_language"))
