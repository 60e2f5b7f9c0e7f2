"""A person is named by full name, else username, on pages (`|person`) and in letters alike."""

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template

from xxgk.site.people import name_of

pytestmark = pytest.mark.django_db


def test_the_full_name_else_the_username():
    named = get_user_model()(username="wang", first_name="王小明")
    unnamed = get_user_model()(username="li")
    assert name_of(named) == "王小明"
    assert name_of(unnamed) == "li"
    assert name_of(None) == ""


def test_the_person_filter():
    page = Template("{% load people %}[{{ a|person }}][{{ b|person|default:'系统' }}]")
    someone = get_user_model()(username="li")
    assert page.render(Context({"a": someone, "b": None})) == "[li][系统]"
