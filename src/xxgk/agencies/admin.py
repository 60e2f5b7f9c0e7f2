"""The Django admin for the agency tree and staff; saving goes through the services so that the
audit log records every change."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from xxgk.agencies.models import Agency, Membership
from xxgk.agencies.services import agency_create, agency_update, membership_add, membership_remove

_AGENCY_FIELDS = (
    "name",
    "level",
    "parent",
    "address",
    "phone",
    "short_name",
    "document_number_pattern",
    "review_body",
    "court",
    "correction_period_days",
    "reasons_period_days",
    "fee_pauses_clock",
)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("indented", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name",)
    fields = _AGENCY_FIELDS

    @admin.display(description="名称")
    def indented(self, obj: Agency) -> str:
        return "　" * obj.depth + obj.name

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        values = {f: getattr(obj, f) for f in _AGENCY_FIELDS}
        if change:
            agency_update(actor=request.user, agency=obj, **values)
        else:
            created = agency_create(actor=request.user, **values)
            obj.pk, obj.path = created.pk, created.path

    def has_delete_permission(self, request: HttpRequest, obj: Agency | None = None) -> bool:
        return False  # applications and reports refer to agencies: they are never deleted


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role", "title")
    list_filter = ("role", "agency")
    search_fields = ("user__username", "user__first_name", "user__last_name", "agency__name")
    autocomplete_fields = ("agency",)

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        if change:
            old = Membership.objects.get(pk=obj.pk)
            membership_remove(actor=request.user, membership=old)
            obj.pk = None
        created = membership_add(
            actor=request.user, user=obj.user, agency=obj.agency, role=obj.role, title=obj.title
        )
        obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        membership_remove(actor=request.user, membership=obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for membership in queryset:
            membership_remove(actor=request.user, membership=membership)
