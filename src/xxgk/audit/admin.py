"""The audit log in the admin: read-only, the same records as the 操作日志 page, shown the same
way (Chinese field names, only what changed, no applicant's name)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from xxgk.agencies.admin import PolicyAdmin
from xxgk.agencies.policy import Action
from xxgk.audit.changes import audit_changes, object_label
from xxgk.audit.models import AuditLog
from xxgk.audit.selectors import audit_log_list


@admin.register(AuditLog)
class AuditLogAdmin(PolicyAdmin):
    """Read-only: the log is written by services, never by hand. No search: the stored text of
    an application names its applicant, which the administrator does not read."""

    read_action = Action.AUDIT_LOG_READ

    list_display = ("event_time", "actor", "event_type", "agency", "shown_object")
    list_filter = ("event_type", ("agency", admin.RelatedOnlyFieldListFilter))
    fields = ("event_time", "actor", "event_type", "agency", "shown_object", "shown_changes")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditLog]:
        # Records of no agency (calendar years, letter templates) too: the selector's rule.
        return audit_log_list(user=request.user)

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        record = super().get_object(request, object_id, from_field)
        if record is not None:
            # The page's title and breadcrumbs show str(record): without the applicant's name.
            # Read-only, so the record is never saved back.
            record.object_repr = object_label(record)
        return record

    @admin.display(description="对象")
    def shown_object(self, obj: AuditLog) -> str:
        return object_label(obj)

    @admin.display(description="变更内容")
    def shown_changes(self, obj: AuditLog) -> str:
        rows = [
            (c.label, c.old if c.old is not None else "—", c.new if c.new is not None else "—")
            for c in audit_changes([obj])[obj.pk]
        ]
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><th>{}</th><td>{} → {}</td></tr>", rows),
        )
