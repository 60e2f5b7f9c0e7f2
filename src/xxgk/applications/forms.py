"""Forms of the officer's pages. They only shape input; the services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.applications import choices
from xxgk.applications.choices import NOT_BY_REPLY
from xxgk.applications.models import Application
from xxgk.applications.personal_data import REASON_MAX
from xxgk.report import editions
from xxgk.report.edition import Edition, RowGroup
from xxgk.workdays.clock import EventKind, Policy, Status

EXTENSION_MAX = Policy().extension_max  # Art. 33: the one number, from the clock's policy

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# The empty choice of a select, where Django shows ---------: one the user fills in, and an
# optional link left empty.
CHOOSE = "请选择"
NONE_CHOSEN = "无"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class RegisterForm(forms.ModelForm):
    agency = forms.ModelChoiceField(
        label="受理机关", queryset=Agency.objects.none(), empty_label=CHOOSE
    )
    received_on = forms.DateField(label="收到申请之日", widget=DATE)
    note = forms.CharField(label="收到情况说明", required=False, widget=forms.Textarea({"rows": 2}))
    documents = MultipleFileField(label="申请材料（可多选）")

    class Meta:
        model = Application
        fields = (
            "applicant_kind",
            "applicant_name",
            "id_document",
            "id_number",
            "credit_code",
            "contact_person",
            "phone",
            "email",
            "address",
            "postcode",
            "channel",
            "delivery",
            "way",
            "request_text",
        )
        widgets = {"request_text": forms.Textarea({"rows": 5})}  # noqa: RUF012 -- Django's API

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        self.fields["id_document"].required = False  # 居民身份证 unless another is chosen
        for name in ("applicant_kind", "channel", "delivery", "way"):
            field = cast(forms.ChoiceField, self.fields[name])
            offered = cast(list[tuple[str, str]], field.choices)  # a model field's, evaluated
            field.choices = [("", CHOOSE), *((k, v) for k, v in offered if k != "")]
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0]
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["received_on"].help_text = "；".join(
            f"{choices.Channel(k).label}：{v}" for k, v in choices.CHANNEL_RECEIPT_RULE.items()
        )

    def _post_clean(self) -> None:
        # Validation of the applicant (check digits, contact) happens in the service, which
        # reports back through `add_error`; skip the model's own full_clean here.
        return


# The fields each event kind asks for beyond its date, note and documents.
EVENT_FIELDS: dict[EventKind, tuple[str, ...]] = {
    EventKind.EXTENSION_APPROVED: ("days",),
    EventKind.CORRECTION_REQUESTED: ("detail", "days"),
    EventKind.REASONS_REQUESTED: ("days",),
    EventKind.LATER_DEADLINE_SET: ("until",),
    EventKind.CONSULTATION_OPENED: (
        "article",
        "party",
        "party_is_person",
        "detail",
        "delivered_on",
    ),
    EventKind.CONSULTATION_DELIVERED: ("ref",),
    EventKind.CONSULTATION_ANSWERED: ("ref",),
    EventKind.THIRD_PARTY_NOTIFIED: ("party", "party_is_person", "detail"),
    EventKind.REPLY_SENT: ("outcome", "ground", "detail"),
    EventKind.FEE_NOTICE_SENT: ("fee_basis", "pages"),
    EventKind.FEE_REFUNDED: ("amount",),
}
_OPTIONAL: tuple[str, ...] = (
    *("days", "until", "party", "party_is_person", "article", "delivered_on", "ref"),
    *("outcome", "ground", "detail", "fee_basis", "pages", "amount"),
)
_DETAIL_LABELS = {
    EventKind.CORRECTION_REQUESTED: "申请内容不明确之处（写入补正告知书）",
    EventKind.CONSULTATION_OPENED: "涉及的政府信息（写入征求意见书）",
    EventKind.THIRD_PARTY_NOTIFIED: "决定公开的政府信息内容（写入第三方告知书）",
    EventKind.REPLY_SENT: (
        "提供方式或获取途径；告知办理途径；负责公开的机关（按结果填写，写入答复书）"
    ),
}
_DAYS_LABELS = {
    EventKind.EXTENSION_APPROVED: (
        f"延长工作日数（至多 {EXTENSION_MAX} 个工作日，须政府信息公开工作机构负责人同意）"
    ),
    EventKind.CORRECTION_REQUESTED: "补正期限（工作日，自告知次日起算）",
    EventKind.REASONS_REQUESTED: "说明理由期限（工作日）",
}
_NOTE_LABELS = {
    EventKind.CORRECTION_REQUESTED: "需要补正的事项（写入补正告知书）",
    EventKind.REASONS_REQUESTED: "数量、频次明显超过合理范围的情况（写入说明理由通知书）",
    EventKind.LATER_DEADLINE_SET: "延迟答复的理由",
    EventKind.EXTENSION_APPROVED: "延期理由（写入延期答复告知书）",
    EventKind.CONSULTATION_OPENED: "备注",
    EventKind.THIRD_PARTY_NOTIFIED: "不公开可能对公共利益造成重大影响的理由（写入第三方告知书）",
    EventKind.REPLY_SENT: "经审查查明的情况和理由（写入答复书）",
    EventKind.FEE_NOTICE_SENT: "收费理由（写入收费通知书，可不填）",
    EventKind.FEE_WAIVED: "减免理由",
    EventKind.FEE_REFUNDED: "退费理由",
}


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(k.value, k.label) for k in EventKind], widget=forms.HiddenInput
    )
    on = forms.DateField(label="日期", widget=DATE)
    days = forms.IntegerField(label="工作日数", min_value=1, max_value=60, required=False)
    until = forms.DateField(label="延迟答复期限", required=False, widget=DATE)
    article = forms.TypedChoiceField(
        label="征求意见依据",
        required=False,
        coerce=int,
        choices=choices.CONSULTATION_ARTICLES,
        initial=32,
    )
    party = forms.CharField(label="征求意见对象（第三方或其他机关）", required=False)
    party_is_person = forms.BooleanField(label="对象为自然人", required=False)
    detail = forms.CharField(label="具体内容", required=False, widget=forms.Textarea({"rows": 3}))
    delivered_on = forms.DateField(
        label="对方收到日期（当面送达时填写；邮寄的待签收后另行记录）",
        required=False,
        widget=DATE,
    )
    ref = forms.TypedChoiceField(label="所涉征求意见", required=False, coerce=int, choices=())
    outcome = forms.ChoiceField(label="办理结果", required=False, choices=())
    ground = forms.CharField(label="法定依据", required=False)
    fee_basis = forms.ChoiceField(
        label="计费方式（国办函〔2020〕109号第三条：二者选一）",
        required=False,
        choices=[("", CHOOSE), *choices.FeeBasis.choices],
    )
    pages = forms.IntegerField(label="页数（按量计收）", min_value=1, required=False)
    amount = forms.DecimalField(
        label="退费金额（元）", required=False, min_value=0, decimal_places=2
    )
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea({"rows": 3}))
    documents = MultipleFileField(label="文书或材料")

    def __init__(
        self,
        *args: Any,
        kind: EventKind,
        year: int,
        consultations: list[tuple[int, str]] = (),  # type: ignore[assignment]
        default_days: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = kind.value
        self.fields["on"].initial = timezone.localdate()
        shown = EVENT_FIELDS.get(kind, ())
        for name in _OPTIONAL:
            if name not in shown:
                del self.fields[name]
        self.fields["note"].label = _NOTE_LABELS.get(kind, "说明")
        if "detail" in self.fields:
            self.fields["detail"].label = _DETAIL_LABELS[kind]
            self.fields["detail"].required = kind == EventKind.THIRD_PARTY_NOTIFIED
        if "days" in self.fields:
            self.fields["days"].label = _DAYS_LABELS[kind]
            self.fields["days"].initial = default_days
            if kind == EventKind.EXTENSION_APPROVED:
                self.fields["days"].required = True
                cast(forms.IntegerField, self.fields["days"]).max_value = EXTENSION_MAX
        if "until" in self.fields:
            self.fields["until"].required = True
        if "outcome" in self.fields:
            edition = editions.for_year(year)
            cast(forms.ChoiceField, self.fields["outcome"]).choices = [
                ("", CHOOSE),
                *_outcome_options(edition),
            ]
            self.fields["outcome"].required = True
        if "ref" in self.fields:
            cast(forms.ChoiceField, self.fields["ref"]).choices = list(consultations)
            self.fields["ref"].required = True
        if "fee_basis" in self.fields:
            self.fields["fee_basis"].required = True
        if "amount" in self.fields:
            self.fields["amount"].required = True
        if kind in (
            EventKind.CORRECTION_REQUESTED,
            EventKind.FEE_WAIVED,
            EventKind.FEE_REFUNDED,
            EventKind.THIRD_PARTY_NOTIFIED,
        ):
            self.fields["note"].required = True

    def outcome_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The outcome's options as the page draws them: (heading, options), heading "" for
        options outside any <optgroup>."""
        field = cast(forms.ChoiceField, self.fields["outcome"])
        return [
            (value, list(label)) if isinstance(label, list) else ("", [(value, label)])
            for value, label in cast(list[tuple[str, Any]], field.choices)
        ]


class VoidForm(forms.Form):
    event = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="更正理由", widget=forms.Textarea({"rows": 2}))
    received_on = forms.DateField(label="正确的收到申请之日", required=False, widget=DATE)


class RevealForm(forms.Form):
    reason = forms.CharField(
        label="查看理由（如：电话联系申请人补正）",
        max_length=REASON_MAX,
        widget=forms.Textarea({"rows": 2}),
    )


class FilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False)
    status = forms.ChoiceField(label="状态", required=False)
    outcome = forms.ChoiceField(label="办理结果", required=False)
    applicant_kind = forms.ChoiceField(label="申请人类型", required=False)
    channel = forms.ChoiceField(label="申请方式", required=False)
    year = forms.IntegerField(label="年度", required=False, min_value=2008, max_value=2100)
    with_carried_over = forms.BooleanField(label="含上年结转", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", "全部")]
        cast(forms.ChoiceField, self.fields["status"]).choices = anything + [
            (s.value, s.label) for s in Status
        ]
        cast(forms.ChoiceField, self.fields["outcome"]).choices = (
            anything + choices.outcome_choices()
        )
        cast(forms.ChoiceField, self.fields["applicant_kind"]).choices = (
            anything + choices.applicant_kinds()
        )
        cast(forms.ChoiceField, self.fields["channel"]).choices = anything + list(
            choices.Channel.choices
        )


def _outcome_options(edition: Edition) -> list[Any]:
    """The outcomes a reply may have, each numbered item under its table-3 heading (an
    <optgroup>); （一）予以公开 and （二）部分公开 stand alone, as in the table."""
    options: list[Any] = []
    current: RowGroup | None = None
    for row in edition.outcome_rows:
        if row.key in NOT_BY_REPLY:
            continue
        group = edition.outcome_group(row)
        if group is None:
            options.append((row.key, row.label.text))
        elif group == current:
            options[-1][1].append((row.key, row.label.text))
        else:
            options.append((group.label.text, [(row.key, row.label.text)]))
        current = group
    return options


class QueueForm(forms.Form):
    """The work queue's filters: agency, status, urgency, applicant kind, search words."""

    q = forms.CharField(label="关键词", required=False)
    agency = forms.ModelChoiceField(
        label="机关", required=False, queryset=Agency.objects.none(), empty_label="全部"
    )
    status = forms.ChoiceField(label="状态", required=False)
    urgency = forms.ChoiceField(
        label="期限",
        required=False,
        choices=[
            ("", "全部"),
            ("overdue", "已逾期"),
            ("soon", "3 个工作日内到期"),
            ("week", "本周到期"),
        ],
    )
    applicant_kind = forms.ChoiceField(label="申请人类型", required=False)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        anything = [("", "全部")]
        cast(forms.ChoiceField, self.fields["status"]).choices = anything + [
            (s.value, s.label) for s in Status if not s.closed
        ]
        cast(forms.ChoiceField, self.fields["applicant_kind"]).choices = (
            anything + choices.applicant_kinds()
        )

    def filters(self) -> dict[str, Any]:
        """The `Filters` fields this form sets (call after `is_valid`)."""
        data = self.cleaned_data
        return {
            "q": data["q"].strip(),
            "agency": data["agency"].pk if data["agency"] else None,
            "status": data["status"],
            "urgency": data["urgency"],
            "applicant_kind": data["applicant_kind"],
        }


class CalendarYearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    notice = forms.CharField(label="国务院办公厅通知（文号或标题）", required=False)
    holidays = forms.CharField(
        label="放假日期",
        widget=forms.Textarea(
            {"rows": 6, "placeholder": "2027-01-01 元旦\n2027-02-05 至 2027-02-11 春节"}
        ),
        help_text="每行一个日期或一个范围，后面可写节日名称，如 2027-10-01 至 2027-10-07 国庆节。",
    )
    workdays = forms.CharField(
        label="调休上班日期",
        required=False,
        widget=forms.Textarea({"rows": 3, "placeholder": "2027-02-14"}),
        help_text="周六、周日调整为上班的日期。",
    )
