"""The catalogue's and the search's filters (GET forms: a filtered page has its own URL)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from xxgk.agencies.models import Agency
from xxgk.disclosures.choices import ALL_ITEMS, Kind, Validity
from xxgk.disclosures.models import Theme
from xxgk.portal.selectors import DEFAULT_SORT, CatalogueFilter

# Options written inline rather than one included template each: the search form's 发布机关 lists
# every agency, and Django's default took most of the search page's time at 500 of them.
SELECT_TEMPLATE = "portal/widgets/select.html"

SORT_CHOICES = (
    ("published_desc", _("发布日期（新→旧）")),
    ("published_asc", _("发布日期（旧→新）")),
    ("made_desc", _("成文日期（新→旧）")),
    ("made_asc", _("成文日期（旧→新）")),
)


class CatalogueForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("主题分类"), queryset=Theme.objects.all(), required=False, empty_label=_("全部")
    )
    item = forms.TypedChoiceField(
        label=_("法定公开事项"),
        choices=[("", _("全部")), *ALL_ITEMS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    year = forms.TypedChoiceField(label=_("发布年份"), coerce=int, empty_value=None, required=False)
    document_number = forms.CharField(label=_("文号"), max_length=80, required=False)
    validity = forms.ChoiceField(
        label=_("有效性"), choices=[("", _("全部")), *Validity.choices], required=False
    )
    sort = forms.ChoiceField(label=_("排序"), choices=SORT_CHOICES, required=False)

    def __init__(
        self,
        *args: Any,
        years: list[int],
        items: tuple[tuple[int, str], ...] = ALL_ITEMS,
        **kwargs: Any,
    ) -> None:
        """`items`: the 条例第二十条/第二十一条 items offered (an agency's catalogue: those of its
        level, choices.items_for; the search: all)."""
        kwargs.setdefault("label_suffix", "")  # Chinese labels take no colon
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", _("全部")), *items]  # type: ignore[attr-defined]
        self.fields["year"].choices = [("", _("全部")), *((y, str(y)) for y in years)]  # type: ignore[attr-defined]
        self.fields["theme"].queryset = Theme.objects.select_related("parent")  # type: ignore[attr-defined]
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.template_name = SELECT_TEMPLATE

    def filters(self, *, agency: Agency | None) -> CatalogueFilter:
        """The valid filters (an invalid one is ignored, never an error page)."""
        data = self.cleaned_data if self.is_valid() else {}
        return CatalogueFilter(
            agency=agency,
            theme=data.get("theme"),
            item=data.get("item"),
            year=data.get("year"),
            document_number=(data.get("document_number") or "").strip(),
            validity=data.get("validity") or "",
            kind=data.get("kind") or "",
            sort=data.get("sort") or DEFAULT_SORT,
        )


class SearchForm(CatalogueForm):
    q = forms.CharField(label=_("关键词"), max_length=100, required=False)
    agency = forms.ModelChoiceField(
        label=_("发布机关"),
        queryset=Agency.objects.order_by("path"),
        required=False,
        empty_label=_("全部"),
    )
    kind = forms.ChoiceField(
        label=_("类别"), choices=[("", _("全部")), *Kind.choices], required=False
    )
    sort = forms.ChoiceField(
        label=_("排序"), choices=[("relevance", _("相关度")), *SORT_CHOICES], required=False
    )
    field_order = ("q", "agency", "kind", "theme", "item", "year", "document_number", "validity")
