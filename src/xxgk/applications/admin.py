"""The admin for reference data: letter templates (replacing a shipped one) and the calendar
years entered (read-only here: they are entered on the calendar page, which re-dates cases).
Applications themselves are not in the admin: they hold personal data and change only through
their timeline."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from xxgk.applications.letters.render import REPLY_TITLES, TEMPLATE_KEYS
from xxgk.applications.models import CalendarYear, LetterTemplate
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record

_TITLES = {**REPLY_TITLES, "correction": "补正告知书", "extension": "延期答复告知书"}


class LetterTemplateForm(forms.ModelForm):
    key = forms.ChoiceField(
        label="文书", choices=[(k, f"{_TITLES[k]}（{k}）") for k in TEMPLATE_KEYS]
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
class LetterTemplateAdmin(admin.ModelAdmin):
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
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ("year", "notice", "entered_by", "entered_at")
    readonly_fields = ("year", "notice", "holidays", "workdays", "entered_by", "entered_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: CalendarYear | None = None) -> bool:
        return False
