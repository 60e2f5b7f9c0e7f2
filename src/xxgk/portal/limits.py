"""Limits on the public's forms (django-ratelimit, counted in Django's cache): a person may send
an application, an enquiry or a lookup now and then, a script may not go on guessing codes or
filling the register. The rates are settings (`XXGK_*_RATE`)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

Key = str | Callable[[str, HttpRequest], str]


def over_limit(request: HttpRequest, group: str, setting: str, key: Key = "ip") -> bool:
    """Count this request in `group` (by client address, or by `key`) and say whether the rate
    of the setting `setting` is exceeded."""
    rate: str = getattr(settings, setting)
    return is_ratelimited(request, group=group, key=key, rate=rate, increment=True)


def posted(field: str) -> Callable[[str, HttpRequest], str]:
    """A key of the request: a field of its POST, normalised (an ID number, a receipt number)."""

    def key(group: str, request: HttpRequest) -> str:
        return request.POST.get(field, "").strip().upper()

    return key
