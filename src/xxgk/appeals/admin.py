"""Appeals in the admin: a read-only list, scoped like every other entry point. Cases change only
through the services (registration, answer, decision and their audited corrections)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from xxgk.agencies.selectors import agencies_readable
from xxgk.appeals.models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = (
        "case_number",
        "agency",
        "kind",
        "after_review",
        "body",
        "copy_received_on",
        "answer_due_on",
        "decision",
        "decided_on",
    )
    list_filter = ("kind", "after_review", "decision")
    search_fields = ("case_number", "body", "applicant_name")
    date_hierarchy = "copy_received_on"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Appeal]:
        qs = super().get_queryset(request).select_related("agency")
        if getattr(request.user, "is_superuser", False):
            return qs
        return qs.filter(agency__in=agencies_readable(user=request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Appeal | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Appeal | None = None) -> bool:
        return False
