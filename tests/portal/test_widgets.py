"""The plain select writes the markup Django's own `Select` would: the same options, the same one
selected, escaped the same."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from xxgk.portal.widgets import PlainSelect

CHOICES = [
    ("", "全部"),
    (1, "市政府办公室"),
    ("组<b>", [(2, "甲 & 乙"), (3, "<script>")]),
    (3, "重复的值"),
]


@pytest.mark.parametrize("value", [None, "", 1, "2", 3, ["3"], "不存在"])
def test_a_plain_select_writes_what_djangos_select_writes(value: object) -> None:
    attrs = {"id": "id_agency", "class": "wide"}
    django = forms.Select(choices=CHOICES).render("agency", value, attrs)
    plain = PlainSelect(choices=CHOICES).render("agency", value, attrs)
    assert parse_html(plain) == parse_html(django)


def test_only_the_first_option_of_a_value_is_selected() -> None:
    html = PlainSelect(choices=CHOICES).render("agency", 3)
    assert html.count(" selected") == 1
    assert '<option value="3" selected>&lt;script&gt;</option>' in html


def test_labels_and_group_names_are_escaped() -> None:
    html = PlainSelect(choices=CHOICES).render("agency", None)
    assert "<script>" not in html
    assert "<b>" not in html
    assert 'label="组&lt;b&gt;"' in html
    assert "甲 &amp; 乙" in html
