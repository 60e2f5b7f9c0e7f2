"""The Django admin for the 主题分类 tree: administrators rename, reorder and add themes; saving
goes through `theme_save` (the audit log). Records themselves are kept on the register's own
pages, which walk the workflow (保密审查 before publication), not here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from xxgk.agencies.admin import PolicyAdmin
from xxgk.agencies.policy import Action
from xxgk.disclosures.models import Theme
from xxgk.disclosures.themes import theme_save


class ThemeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Theme
        fields = ("name", "parent", "order")

    def clean_parent(self) -> Theme | None:
        parent: Theme | None = self.cleaned_data.get("parent")
        node = parent
        while node is not None:
            if self.instance.pk is not None and node.pk == self.instance.pk:
                raise ValidationError("上级分类不能是本分类或其下级分类。")
            node = node.parent
        return parent


@admin.register(Theme)
class ThemeAdmin(PolicyAdmin):
    read_action = Action.THEME_EDIT
    write_action = Action.THEME_EDIT
    agency_lookup = None  # the tree is shared by every agency
    deletable = False  # records are classified by it: rename or move a theme instead

    form = ThemeForm
    list_display = ("indented", "parent", "order")
    list_editable = ("order",)
    search_fields = ("name",)

    @admin.display(description="名称")
    def indented(self, obj: Theme) -> str:
        return ("　" if obj.parent_id else "") + obj.name

    def save_model(self, request: HttpRequest, obj: Theme, form: Any, change: bool) -> None:
        theme_save(user=request.user, theme=obj)
