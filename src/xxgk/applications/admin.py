"""The admin for reference data: letter templates (replacing a shipped one) and the calendar
years entered (read-only here: they are entered on the calendar page, which re-dates cases),
both for administrators (`policy`). Applications and their events are not in the admin, for
anyone: they hold personal data, which the administrator role does not read, and change only
through their timeline."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from xxgk.agencies.admin import PolicyAdmin
from xxgk.agencies.policy import Action
from xxgk.applications.letters.render import TEMPLATE_KEYS, TITLES
from xxgk.applications.models import CalendarYear, LetterTemplate
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record


class LetterTemplateForm(forms.ModelForm):
    key = forms.ChoiceField(
        label="文书", choices=[(k, f"{TITLES[k]}（{k}）") for k in TEMPLATE_KEYS]
    )

    class Meta:
        model = LetterTemplate
        fields = ("key", "file")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload and not str(upload.name).lower().endswith(".docx"):
            raise forms.ValidationError("请上传 .docx 格式的 Word 模板。")
        return upload


@admin.register(LetterTemplate)
class LetterTemplateAdmin(PolicyAdmin):
    read_action = Action.LETTER_TEMPLATE_EDIT
    write_action = Action.LETTER_TEMPLATE_EDIT
    agency_lookup = None  # one set of templates for every agency
    deletable = True  # deleting one restores the shipped template

    form = LetterTemplateForm
    list_display = ("key", "uploaded_by", "uploaded_at")

    @transaction.atomic
    def save_model(
        self, request: HttpRequest, obj: LetterTemplate, form: Any, change: bool
    ) -> None:
        obj.uploaded_by = request.user  # type: ignore[assignment]  # the admin requires login
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            event_type=AuditEventType.LETTER_TEMPLATE_SAVED,
            obj=obj,
            agency=None,
            new={"key": obj.key, "file": obj.file.name},
        )

    @transaction.atomic
    def delete_model(self, request: HttpRequest, obj: LetterTemplate) -> None:
        audit_record(
            actor=request.user,
            event_type=AuditEventType.LETTER_TEMPLATE_REMOVED,
            obj=obj,
            agency=None,
            old={"key": obj.key, "file": obj.file.name},
        )
        super().delete_model(request, obj)


@admin.register(CalendarYear)
class CalendarYearAdmin(PolicyAdmin):
    # Read-only, deleting included: only the calendar page enters a year, and it re-dates cases.
    read_action = Action.CALENDAR_EDIT
    agency_lookup = None  # the official calendar is the whole country's

    list_display = ("year", "notice", "entered_by", "entered_at")
    readonly_fields = ("year", "notice", "holidays", "workdays", "entered_by", "entered_at")
