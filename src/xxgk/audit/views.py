"""The audit log page, for administrators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from xxgk.agencies.selectors import user_is_administrator
from xxgk.audit.models import AuditEventType
from xxgk.audit.selectors import audit_log_list


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    if not user_is_administrator(user=request.user):
        raise PermissionDenied("只有管理员可以查看操作日志。")
    qs = audit_log_list(user=request.user)
    event_type = request.GET.get("type", "")
    if event_type.isdigit():
        qs = qs.filter(event_type=int(event_type))
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/log.html",
        {"page": page, "types": AuditEventType.choices, "type": event_type},
    )
