"""Forms of the appeals pages. They only shape input; the services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.appeals import decisions
from xxgk.appeals.choices import AppealKind, kind_choices
from xxgk.appeals.models import Appeal
from xxgk.appeals.services import AppealData
from xxgk.applications.forms import CHOOSE, NONE_CHOSEN

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ANY = [("", "全部")]


def _model_label(name: str) -> str:
    return str(getattr(Appeal._meta.get_field(name), "verbose_name", name))


class ReviewField(forms.ModelChoiceField):
    """A review to link, saying whether it is decided: a lawsuit after a review not yet decided
    is registered with a 提示 (行政诉讼法第四十五条)."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.case_number}（{'已审结' if obj.decided_on else '尚未审结'}）"


class AppealForm(forms.Form):
    """Registration, and correction of what was registered (with a reason)."""

    agency = forms.ModelChoiceField(
        label="被申请人（被告）机关", queryset=Agency.objects.none(), empty_label=CHOOSE
    )
    kind = forms.ChoiceField(label=_model_label("kind"), widget=forms.RadioSelect)
    after_review = forms.BooleanField(
        label=_model_label("after_review"),
        required=False,
        help_text="行政诉讼：经行政复议后起诉的勾选；直接起诉的不勾选。",
    )
    review = ReviewField(
        label=_model_label("review"),
        queryset=Appeal.objects.none(),
        required=False,
        empty_label=NONE_CHOSEN,
        help_text="复议后起诉的，可选择本机关已登记的该行政复议案件。",
    )
    simplified = forms.BooleanField(
        label=_model_label("simplified"),
        required=False,
        help_text="行政复议：行政复议机构通知适用简易程序的勾选（政府信息公开案件可以适用，"
        "《行政复议法》第五十三条），答复期限为五个工作日。",
    )
    body = forms.CharField(label=_model_label("body"), max_length=120)
    case_number = forms.CharField(label=_model_label("case_number"), max_length=80)
    applicant_name = forms.CharField(
        label=_model_label("applicant_name"),
        max_length=120,
        required=False,
        help_text="不填的，取所涉申请的申请人。",
    )
    application_number = forms.CharField(
        label="涉及的申请编号",
        max_length=20,
        required=False,
        help_text="本机关政府信息公开申请的编号，如 2025-0001；可以是以前年度的申请。",
    )
    accepted_on = forms.DateField(label=_model_label("accepted_on"), required=False, widget=DATE)
    copy_received_on = forms.DateField(
        label=_model_label("copy_received_on"),
        widget=DATE,
        help_text="本机关收到行政复议申请书副本（或申请笔录复印件）或者起诉状副本之日，"
        "答复（答辩）期限自次日起算。",
    )
    note = forms.CharField(
        label=_model_label("note"), required=False, widget=forms.Textarea({"rows": 3})
    )
    reason = forms.CharField(label="更正理由", widget=forms.Textarea({"rows": 2}))

    def __init__(
        self,
        *args: Any,
        agencies: QuerySet[Agency],
        reviews: QuerySet[Appeal],
        correcting: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = kind_choices()
        cast(forms.ModelChoiceField, self.fields["review"]).queryset = reviews
        if correcting:
            del self.fields["agency"]
        else:
            del self.fields["reason"]
            cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
            if len(agencies) == 1:
                self.fields["agency"].initial = agencies[0]
            self.fields["copy_received_on"].initial = timezone.localdate()

    def appeal_data(self) -> AppealData:
        data = self.cleaned_data
        return AppealData(
            kind=data["kind"],
            body=data["body"],
            case_number=data["case_number"],
            copy_received_on=data["copy_received_on"],
            applicant_name=data["applicant_name"],
            after_review=data["after_review"],
            review=data["review"],
            simplified=data["simplified"],
            accepted_on=data["accepted_on"],
            application_number=data["application_number"],
            note=data["note"],
        )

    @staticmethod
    def initial_for(appeal: Appeal) -> dict[str, Any]:
        """The registered facts, to correct them."""
        return {
            "kind": appeal.kind,
            "after_review": appeal.after_review,
            "review": appeal.review_id,
            "simplified": appeal.simplified,
            "body": appeal.body,
            "case_number": appeal.case_number,
            "applicant_name": appeal.applicant_name,
            "application_number": appeal.application.number if appeal.application else "",
            "accepted_on": appeal.accepted_on,
            "copy_received_on": appeal.copy_received_on,
            "note": appeal.note,
        }


class AnswerForm(forms.Form):
    answered_on = forms.DateField(label=_model_label("answered_on"), widget=DATE)
    reason = forms.CharField(
        label="更正理由（更正已记录的日期时填写）",
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answered_on"].initial = timezone.localdate()


class DecisionForm(forms.Form):
    """Record a decision, or (with `correcting`) correct one, with a reason."""

    decision = forms.ChoiceField(label=_model_label("decision"))
    decided_on = forms.DateField(label=_model_label("decided_on"), widget=DATE)
    reason = forms.CharField(label="更正理由", widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, kind: str, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        grouped: list[Any] = decisions.grouped_choices(kind)
        if correcting:
            withdraw = "撤销误录的审理结果（恢复为尚未审结）"
            grouped = [("", withdraw), *grouped]
            self.fields["decision"].required = False
            self.fields["decided_on"].required = False
            self.fields["decision"].help_text = f"选择“{withdraw}”时不填写结案日期。"
        else:
            grouped = [("", CHOOSE), *grouped]
            del self.fields["reason"]
            self.fields["decided_on"].initial = timezone.localdate()
        cast(forms.ChoiceField, self.fields["decision"]).choices = grouped
        self.fields["decision"].label = f"{AppealKind(kind).label}{_model_label('decision')}"


class FilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False)
    kind = forms.ChoiceField(label="类别", required=False)
    pending = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[*ANY, ("yes", "尚未审结"), ("no", "已审结")],
    )
    year = forms.IntegerField(
        label="年度（计入该年表四）",
        required=False,
        min_value=2008,
        max_value=2100,
        help_text="该年审结的案件，以及该年 12 月 31 日尚未审结的案件。",
    )
    agency = forms.ModelChoiceField(label="机关", required=False, queryset=Agency.objects.none())

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = ANY + kind_choices()
        if len(agencies) > 1:
            agency_field = cast(forms.ModelChoiceField, self.fields["agency"])
            agency_field.queryset = agencies
            agency_field.empty_label = "全部"
        else:
            del self.fields["agency"]
