"""`{% reports_due %}`: the officer's queue shows last year's reports still to publish."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from xxgk.reports.selectors import reports_due

register = template.Library()


@register.inclusion_tag("reports/_due.html", takes_context=True)
def reports_due_list(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    return {"dues": reports_due(user=request.user, today=timezone.localdate())}
