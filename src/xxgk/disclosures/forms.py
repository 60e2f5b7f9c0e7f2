"""Forms of the register's pages. They only shape input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from xxgk.agencies.models import Agency
from xxgk.applications.forms import CHOOSE, NONE_CHOSEN
from xxgk.disclosures.choices import (
    ALL_ITEMS,
    LANGUAGES,
    Channel,
    Kind,
    Opinion,
    Status,
    item_refusal,
    items_for,
)
from xxgk.disclosures.figures import FigureCell
from xxgk.disclosures.models import Disclosure, Theme
from xxgk.disclosures.services import DisclosureData

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_ANY = [("", "全部")]


class DisclosureForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="机关", queryset=Agency.objects.none(), empty_label=CHOOSE
    )
    title = forms.CharField(label="标题", max_length=300)
    kind = forms.ChoiceField(label="类别", choices=Kind.choices)
    document_number = forms.CharField(label="文号", max_length=80, required=False)
    publisher = forms.CharField(
        label="发布机构", max_length=120, required=False, help_text="空白时为本机关名称"
    )
    made_on = forms.DateField(label="成文日期", widget=DATE)
    items = forms.TypedMultipleChoiceField(
        label="法定主动公开事项（条例第二十、二十一条）",
        choices=ALL_ITEMS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label="主题分类", queryset=Theme.objects.all(), required=False
    )
    summary = forms.CharField(label="内容概述", required=False, widget=forms.Textarea({"rows": 3}))
    body = forms.CharField(
        label="正文",
        required=False,
        widget=forms.Textarea({"rows": 12}),
        help_text="可用常见排版标签（段落、标题、列表、表格、链接）；脚本和样式会被去除",
    )
    language = forms.CharField(
        label="语言",
        initial="zh-hans",
        max_length=20,
        help_text="BCP 47 语言标记：" + "、".join(f"{k}（{v}）" for k, v in LANGUAGES.items()),
    )
    translation_of = forms.ModelChoiceField(
        label="原文（本条为其语言版本时）",
        queryset=Disclosure.objects.none(),
        required=False,
        empty_label=NONE_CHOSEN,
    )
    related_to = forms.ModelChoiceField(
        label="关联信息（政策解读所解读的文件、访谈的主题）",
        queryset=Disclosure.objects.none(),
        required=False,
        empty_label=NONE_CHOSEN,
    )

    def __init__(
        self,
        *args: Any,
        agencies: QuerySet[Agency],
        readable: QuerySet[Disclosure],
        fixed_agency: Agency | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.ModelChoiceField)
        agency_field.queryset = agencies
        if fixed_agency is not None:
            agency_field.queryset = Agency.objects.filter(pk=fixed_agency.pk)
            agency_field.initial = fixed_agency.pk
            agency_field.disabled = True
        elif agencies.count() == 1:
            agency_field.initial = agencies.first()
        self._offer_items(list(agency_field.queryset.select_related("parent")))
        for name in ("translation_of", "related_to"):
            f = self.fields[name]
            assert isinstance(f, forms.ModelChoiceField)
            f.queryset = readable.select_related("agency").order_by("-made_on", "-id")

    def _offer_items(self, agencies: list[Agency]) -> None:
        """Offer the items that apply to the agency (Art. 20's, and Art. 21's of its level); when
        the officer chooses among agencies of several levels, those of any of them (`clean` then
        refuses an item the chosen agency does not have, as the services do)."""
        per_agency = {frozenset(n for n, _ in items_for(a)) for a in agencies}
        offered = frozenset().union(*per_agency)
        field = self.fields["items"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(n, label) for n, label in ALL_ITEMS if n in offered]
        if len(per_agency) > 1:
            field.help_text = "第二十一条事项只适用于相应层级的机关，保存时按所选机关核对"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        agency = cleaned.get("agency")
        if agency is not None:
            for item in cleaned.get("items") or ():
                refusal = item_refusal(item, agency)
                if refusal is not None:
                    self.add_error("items", refusal)
                    break
        return cleaned

    def data_(self) -> DisclosureData:
        c = self.cleaned_data
        return DisclosureData(
            title=c["title"],
            made_on=c["made_on"],
            kind=c["kind"],
            publisher=c["publisher"],
            document_number=c["document_number"],
            items=tuple(c["items"]),
            summary=c["summary"],
            body=c["body"],
            language=c["language"].strip(),
            translation_of=c["translation_of"],
            related_to=c["related_to"],
            themes=tuple(c["themes"]),
        )


class FilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False)
    status = forms.ChoiceField(label="状态", choices=_ANY + Status.choices, required=False)
    kind = forms.ChoiceField(label="类别", choices=_ANY + Kind.choices, required=False)
    year = forms.IntegerField(label="成文年度", required=False, min_value=2008, max_value=2100)
    overdue = forms.BooleanField(label="已超过公开期限", required=False)


def _today() -> Any:
    return timezone.localdate()


class ReviewForm(forms.Form):
    on = forms.DateField(label="审查日期", widget=DATE, initial=_today)
    opinion = forms.ChoiceField(label="审查意见", choices=Opinion.choices)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea({"rows": 2}))


class PublishForm(forms.Form):
    published_on = forms.DateField(label="发布日期", widget=DATE, initial=_today)
    channels = forms.MultipleChoiceField(
        label="公开方式",
        choices=Channel.choices,
        initial=[Channel.WEBSITE],
        widget=forms.CheckboxSelectMultiple,
    )


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(label="公开方式", choices=Channel.choices)
    on = forms.DateField(label="日期", widget=DATE, initial=_today)


class WithdrawForm(forms.Form):
    on = forms.DateField(label="撤回日期", widget=DATE, initial=_today)
    reason = forms.CharField(label="撤回理由", widget=forms.Textarea({"rows": 2}))


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(
        label="有效性", choices=[("amended", "已修改"), ("repealed", "已废止")]
    )
    on = forms.DateField(label="修改或废止日期", widget=DATE, initial=_today)
    superseded_by = forms.CharField(label="被替代为（索引号，可空）", max_length=80, required=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="附件（PDF、DOCX、XLSX、PNG、JPEG）")


class FigureChoiceForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="机关", queryset=Agency.objects.none(), empty_label=CHOOSE
    )
    year = forms.IntegerField(label="年度", min_value=2019, max_value=2100)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        f = self.fields["agency"]
        assert isinstance(f, forms.ModelChoiceField)
        f.queryset = agencies


class FiguresForm(forms.Form):
    """One field per entered cell of the year (labels from the edition)."""

    def __init__(self, *args: Any, cells: tuple[FigureCell, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for cell in cells:
            # the unit once: a label that states it (（单位：万元）) is not given it again
            stated = not cell.unit or cell.unit in cell.label
            label = cell.label + ("" if stated else f"（{cell.unit}）")
            self.fields[cell.cell] = forms.CharField(label=label, required=False, max_length=30)
