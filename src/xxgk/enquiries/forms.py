"""The enquiry forms: the public's (portal, translated) and the officers' (back office)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from xxgk.agencies.models import Agency
from xxgk.enquiries.models import (
    ANSWER_MAX,
    CONTACT_MAX,
    NAME_MAX,
    SUBJECT_MAX,
    TEXT_MAX,
    EnquiryKind,
    validate_contact,
)
from xxgk.enquiries.services import EnquiryData


def _limits(label: Any, limit: int) -> dict[str, Any]:
    """A text field's length limit, and the messages when it is missing or too long."""
    return {
        "label": label,
        "max_length": limit,
        "error_messages": {
            # Lazy to the end, so that each request's language is the one used.
            "required": format_lazy(_("请填写{label}。"), label=label),
            "max_length": format_lazy(_("{label}不能超过 {limit} 字。"), label=label, limit=limit),
        },
    }


class EnquiryForm(forms.Form):
    """A 咨询 or 建议 on the portal. `website` is a honeypot: hidden from people, filled in by
    the robots that fill in every field."""

    kind = forms.ChoiceField(
        label=_("类别"),
        choices=EnquiryKind.choices,
        widget=forms.RadioSelect,
        initial=EnquiryKind.QUESTION,
        error_messages={
            "required": _("请选择咨询或建议。"),
            "invalid_choice": _("请选择咨询或建议。"),
        },
    )
    name = forms.CharField(**_limits(_("姓名"), NAME_MAX))
    contact = forms.CharField(
        **_limits(_("联系方式"), CONTACT_MAX),
        validators=[validate_contact],
        help_text=_("电话或电子邮箱，仅用于答复您，不会公开。"),
    )
    subject = forms.CharField(**_limits(_("标题"), SUBJECT_MAX))
    text = forms.CharField(
        **_limits(_("内容"), TEXT_MAX),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=format_lazy(_("不超过 {limit} 字。"), limit=TEXT_MAX),
    )
    consent = forms.BooleanField(
        label=_("同意在本专栏公开答复"),
        required=False,
        help_text=_("公开时只显示标题、内容和答复，不显示您的姓名和联系方式。"),
    )
    website = forms.CharField(
        label=_("请勿填写此项"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # Chinese labels take no colon
        super().__init__(*args, **kwargs)

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("提交未成功，请刷新页面后重新填写。"))
        return ""

    def data_for_service(self) -> EnquiryData:
        d = self.cleaned_data
        return EnquiryData(
            kind=d["kind"],
            name=d["name"],
            contact=d["contact"],
            subject=d["subject"],
            text=d["text"],
            consent=d["consent"],
        )


class LookupForm(forms.Form):
    number = forms.CharField(
        label=_("编号"),
        max_length=20,
        error_messages={"required": _("请填写编号。"), "max_length": _("编号不正确。")},
    )
    code = forms.CharField(
        label=_("查询码"),
        max_length=40,
        error_messages={"required": _("请填写查询码。"), "max_length": _("查询码不正确。")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="答复内容",
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "请填写答复内容。",
            "max_length": f"答复内容不能超过 {ANSWER_MAX} 字。",
        },
    )
    answered_on = forms.DateField(
        label="答复日期",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "请填写答复日期。", "invalid": "日期格式应为 2025-10-09。"},
    )
    publish = forms.BooleanField(
        label="在政府信息公开专栏公开答复",
        required=False,
        help_text="仅在提问人同意公开时可选；涉及个人事项等不宜公开的，可不公开。",
    )

    def __init__(self, *args: Any, consent: bool, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"answered_on": timezone.localdate(), "publish": consent})
        super().__init__(*args, **kwargs)
        if not consent:
            self.fields["publish"].disabled = True
            self.fields["publish"].help_text = "提问人未同意公开，答复不在专栏公开。"


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label="撤回公开的理由",
        max_length=200,
        error_messages={
            "required": "请填写撤回公开的理由。",
            "max_length": "理由不能超过 200 字。",
        },
    )


STATUS_CHOICES = (("", "全部"), ("open", "待答复"), ("overdue", "已逾期"), ("answered", "已答复"))


class FilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", choices=STATUS_CHOICES, required=False)
    agency = forms.ModelChoiceField(
        label="机关", queryset=Agency.objects.none(), required=False, empty_label="全部"
    )
    q = forms.CharField(label="编号或标题", max_length=100, required=False)
    year = forms.IntegerField(label="统计年度", min_value=2019, max_value=2100, required=False)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
