"""Publishing a guide or a 制度 from the Django admin: add-only (a new version, never an edit),
for the agencies whose administrator the user is (`Action.AGENCY_EDIT`, through `PolicyAdmin`)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from xxgk.agencies.admin import PolicyAdmin
from xxgk.agencies.policy import Action
from xxgk.portal.models import GuideVersion, RulesVersion
from xxgk.portal.services import guide_publish, rules_publish

_GUIDE_FIELDS = (
    "office_name",
    "address",
    "postcode",
    "hours",
    "phone",
    "fax",
    "email",
    "website",
    "classification",
    "obtaining",
    "text",
)


class VersionAdmin(PolicyAdmin):
    read_action = Action.AGENCY_EDIT
    write_action = Action.AGENCY_EDIT
    date_hierarchy = "published_on"
    list_filter = (("agency", admin.RelatedOnlyFieldListFilter),)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # A published version is never edited: a change is a new version (the add form).
        return obj is None and super().has_change_permission(request, obj)


@admin.register(GuideVersion)
class GuideVersionAdmin(VersionAdmin):
    list_display = ("agency", "published_on", "office_name", "phone")
    fields = ("agency", "published_on", *_GUIDE_FIELDS)

    def save_model(self, request: HttpRequest, obj: GuideVersion, form: Any, change: bool) -> None:
        saved = guide_publish(
            agency=obj.agency,
            published_on=obj.published_on,
            actor=request.user,  # type: ignore[arg-type]
            **{f: getattr(obj, f) for f in _GUIDE_FIELDS},
        )
        obj.pk = saved.pk


@admin.register(RulesVersion)
class RulesVersionAdmin(VersionAdmin):
    list_display = ("name", "agency", "published_on")
    search_fields = ("name",)
    fields = ("agency", "name", "published_on", "text")

    def save_model(self, request: HttpRequest, obj: RulesVersion, form: Any, change: bool) -> None:
        saved = rules_publish(
            agency=obj.agency,
            name=obj.name,
            text=obj.text,
            published_on=obj.published_on,
            actor=request.user,  # type: ignore[arg-type]
        )
        obj.pk = saved.pk
