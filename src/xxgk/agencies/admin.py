"""The Django admin for the agency tree and staff; saving goes through the services so that the
audit log records every change. `PolicyAdmin` is the base of every xxgk ModelAdmin: what a staff
user sees and may change there is what `xxgk.agencies.policy` allows, not Django's per-model
permissions, so that an administrator of one city sees only that city's rows."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import admin
from django.db.models import ForeignKey, Model, QuerySet
from django.http import HttpRequest

from xxgk.agencies.models import Agency, Membership
from xxgk.agencies.policy import Action, can, can_place_agency, scope
from xxgk.agencies.services import agency_create, agency_update, membership_add, membership_remove


class PolicyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A ModelAdmin that asks the policy for everything.

    Rows are those of the agencies `read_action` reaches (through `agency_lookup`; None: the
    rows belong to no agency, and whoever has `read_action` anywhere sees them all).
    `write_action` (None: read-only) allows adding and changing, and deleting when `deletable`;
    a field pointing at an agency offers only the agencies `write_action` reaches.
    """

    read_action: ClassVar[Action]
    write_action: ClassVar[Action | None] = None
    agency_lookup: ClassVar[str | None] = "agency"
    deletable: ClassVar[bool] = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if self.agency_lookup is None:
            return qs if can(request.user, self.read_action) else qs.none()
        return qs.filter(**{f"{self.agency_lookup}__in": scope(request.user, self.read_action)})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can(request.user, self.read_action)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return can(request.user, self.read_action, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.write_action is not None and can(request.user, self.write_action)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.write_action is not None and can(request.user, self.write_action, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.deletable and self.has_change_permission(request, obj)

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        if db_field.related_model is Agency and self.write_action is not None:
            kwargs["queryset"] = scope(request.user, self.write_action)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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
    "contact_person",
    "fee_payment",
    "correction_period_days",
    "reasons_period_days",
    "fee_pauses_clock",
    "enquiry_answer_days",
)


@admin.register(Agency)
class AgencyAdmin(PolicyAdmin):
    read_action = Action.AGENCY_EDIT
    write_action = Action.AGENCY_EDIT
    agency_lookup = "pk"
    deletable = False  # applications and reports refer to agencies: they are never deleted

    list_display = ("indented", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name",)
    fields = _AGENCY_FIELDS

    @admin.display(description="名称")
    def indented(self, obj: Agency) -> str:
        return "　" * obj.depth + obj.name

    def get_readonly_fields(self, request: HttpRequest, obj: Agency | None = None) -> Any:
        # The top of an administrator's subtree stays where it is: its parent is not theirs.
        if obj is not None and not can_place_agency(request.user, obj.parent):
            return ("parent",)
        return ()

    def get_form(
        self, request: HttpRequest, obj: Agency | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class PlacedForm(form):  # type: ignore[valid-type,misc]
            def clean_parent(self) -> Agency | None:
                parent: Agency | None = self.cleaned_data.get("parent")
                if not can_place_agency(user, parent):
                    raise forms.ValidationError("只能设在您管理的机关之下。")
                return parent

        return PlacedForm

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        values = {f: getattr(obj, f) for f in _AGENCY_FIELDS}
        if change:
            before = Agency.objects.get(pk=obj.pk).fee_pauses_clock
            agency_update(actor=request.user, agency=obj, **values)
            if obj.fee_pauses_clock != before:
                # The clock of every open case of the agency counts differently now. (The
                # periods the notices set are stored with each notice: a new default changes
                # no case already running.)
                from xxgk.applications.calendar_years import applications_redate

                applications_redate(user=request.user, agency=obj)  # type: ignore[arg-type]
        else:
            created = agency_create(actor=request.user, **values)
            obj.pk, obj.path = created.pk, created.path


@admin.register(Membership)
class MembershipAdmin(PolicyAdmin):
    read_action = Action.STAFF_EDIT
    write_action = Action.STAFF_EDIT
    deletable = True

    list_display = ("user", "agency", "role", "title")
    list_filter = ("role", ("agency", admin.RelatedOnlyFieldListFilter))
    search_fields = ("user__username", "user__first_name", "user__last_name", "agency__name")
    autocomplete_fields = ("agency",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("user", "agency")

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
