"""The filters of the 操作日志 page. They only shape input; the selector decides."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from xxgk.agencies.models import Agency
from xxgk.audit.models import AuditEventType
from xxgk.audit.selectors import AuditFilters


class AgencyChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Agency) -> str:
        return "　" * obj.depth + obj.name


class AuditFilterForm(forms.Form):
    type = forms.TypedChoiceField(
        label="事项",
        choices=[("", "全部"), *AuditEventType.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    agency = AgencyChoice(
        label="机关", queryset=Agency.objects.none(), required=False, empty_label="全部"
    )
    below = forms.BooleanField(label="含下级机关", required=False)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies.order_by("path")  # type: ignore[attr-defined]

    def filters(self) -> AuditFilters:
        """The filters asked for; none when the input is invalid (an agency not offered)."""
        if not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            event_type=data["type"], agency=data["agency"], with_descendants=data["below"]
        )
