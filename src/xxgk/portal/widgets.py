"""A select rendered in Python: the search form's 发布机关 lists every agency (500 in a city), and
Django's template-per-form rendering built a context dict per option and ran the template engine
over each — most of a cached search page's time."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


class PlainSelect(forms.Select):
    """Django's `Select`, the same markup (attributes, optgroups, one option selected) written
    straight to a string."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        chosen = set(self.format_value(value))
        parts: list[str] = []
        taken = False  # as Django: only the first option of a value is selected
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                parts.append(format_html('<optgroup label="{}">', option_value))
                taken = self._options(parts, option_label, chosen, taken)
                parts.append("</optgroup>")
            else:
                taken = self._options(parts, ((option_value, option_label),), chosen, taken)
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(final),
            mark_safe("".join(parts)),  # noqa: S308  (each piece escaped)
        )

    def _options(
        self, parts: list[str], choices: Iterable[tuple[Any, Any]], chosen: set[str], taken: bool
    ) -> bool:
        for option_value, option_label in choices:
            value = "" if option_value is None else str(option_value)
            selected = not taken and value in chosen
            taken |= selected
            parts.append(
                f'<option value="{conditional_escape(value)}"{" selected" if selected else ""}>'
                f"{conditional_escape(option_label)}</option>"
            )
        return taken
