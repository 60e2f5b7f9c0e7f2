from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from xxgk.audit.models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the log is written by services, never by hand."""

    list_display = ("event_time", "actor", "event_type", "agency", "object_repr")
    list_filter = ("event_type",)
    search_fields = ("object_repr",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False
