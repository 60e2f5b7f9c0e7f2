"""Appeals in the admin: a read-only list, scoped by the policy like every other entry point.
Cases change only through the services (registration, answer, decision and their audited
corrections)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from xxgk.agencies.admin import PolicyAdmin
from xxgk.agencies.policy import Action
from xxgk.appeals.models import Appeal


@admin.register(Appeal)
class AppealAdmin(PolicyAdmin):
    read_action = Action.APPEAL_READ  # and no write action: read-only

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
        return super().get_queryset(request).select_related("agency")
