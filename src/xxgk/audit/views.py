"""The audit log page (操作日志), for administrators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from xxgk.agencies.policy import Action, require
from xxgk.audit.changes import audit_changes, object_label
from xxgk.audit.forms import AuditFilterForm
from xxgk.audit.selectors import audit_log_agencies, audit_log_list

PER_PAGE = 50


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    """The records of the administrator's agencies, newest first, filtered by event type and
    agency; each with what changed."""
    require(request.user, Action.AUDIT_LOG_READ)
    form = AuditFilterForm(request.GET or None, agencies=audit_log_agencies(user=request.user))
    qs = audit_log_list(user=request.user, filters=form.filters())
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    changes = audit_changes(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "rows": [(r, object_label(r), changes[r.pk]) for r in page.object_list],
            "page_range": page.paginator.get_elided_page_range(page.number),
            "query": query.urlencode(),
        },
    )
