"""The page a locked-out login gets: the login page again, saying why and for how long."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# Too Many Requests: the client is told to slow down, not that the page is forbidden.
LOCKED_STATUS = 429


def lockout_message() -> str:
    """What the login page says while the account is locked (the lockout settings' numbers)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"连续 {settings.AXES_FAILURE_LIMIT} 次登录失败，该账号已被锁定 {minutes} 分钟，"
        "请稍后再试；如忘记密码，请联系系统管理员。"
    )


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' AXES_LOCKOUT_CALLABLE: the login form (empty) with the lockout message."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    context = {"form": form, "locked": lockout_message(), "next": request.POST.get("next", "")}
    return render(request, "registration/login.html", context, status=LOCKED_STATUS)
