"""The catalogue's and the search's filters (GET forms: a filtered page has its own URL)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from xxgk.agencies.models import Agency
from xxgk.disclosures.choices import ALL_ITEMS, Kind, Validity
from xxgk.disclosures.models import Theme
from xxgk.portal import cache
from xxgk.portal.selectors import DEFAULT_SORT, CatalogueFilter
from xxgk.portal.widgets import PlainSelect

SORT_CHOICES = (
    ("published_desc", _("发布日期（新→旧）")),
    ("published_asc", _("发布日期（旧→新）")),
    ("made_desc", _("成文日期（新→旧）")),
    ("made_asc", _("成文日期（旧→新）")),
)


class CatalogueForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("主题分类"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("全部"),
        widget=PlainSelect,
    )
    item = forms.TypedChoiceField(
        label=_("法定公开事项"),
        choices=[("", _("全部")), *ALL_ITEMS],
        coerce=int,
        empty_value=None,
        required=False,
        widget=PlainSelect,
    )
    year = forms.TypedChoiceField(
        label=_("发布年份"), coerce=int, empty_value=None, required=False, widget=PlainSelect
    )
    document_number = forms.CharField(label=_("文号"), max_length=80, required=False)
    validity = forms.ChoiceField(
        label=_("有效性"),
        choices=[("", _("全部")), *Validity.choices],
        required=False,
        widget=PlainSelect,
    )
    sort = forms.ChoiceField(
        label=_("排序"), choices=SORT_CHOICES, required=False, widget=PlainSelect
    )

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
        _offer_cached(self.fields["theme"], "theme-choices")

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


def _offer_cached(field: forms.Field, key: str) -> None:
    """Offer a model field's choices from the portal cache: the search's 发布机关 lists every
    agency, and a query and a model per option on every page cost more than the search itself.
    Validation still asks the database; a new agency or theme is offered within the cache's
    `TIMEOUT`."""
    assert isinstance(field, forms.ModelChoiceField)
    queryset = field.queryset
    assert queryset is not None
    found = cache.cached(
        key, lambda: [(o.pk, field.label_from_instance(o)) for o in queryset.all()]
    )
    field.choices = [("", field.empty_label), *found]


class SearchForm(CatalogueForm):
    q = forms.CharField(label=_("关键词"), max_length=100, required=False)
    agency = forms.ModelChoiceField(
        label=_("发布机关"),
        queryset=Agency.objects.order_by("path"),
        required=False,
        empty_label=_("全部"),
        widget=PlainSelect,
    )
    kind = forms.ChoiceField(
        label=_("类别"),
        choices=[("", _("全部")), *Kind.choices],
        required=False,
        widget=PlainSelect,
    )
    sort = forms.ChoiceField(
        label=_("排序"),
        choices=[("relevance", _("相关度")), *SORT_CHOICES],
        required=False,
        widget=PlainSelect,
    )
    field_order = ("q", "agency", "kind", "theme", "item", "year", "document_number", "validity")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_cached(self.fields["agency"], "agency-choices")
