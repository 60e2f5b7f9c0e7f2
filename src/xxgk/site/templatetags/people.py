"""`{{ user|person }}`: a person as pages name them (`xxgk.site.people.name_of`)."""

from __future__ import annotations

from django import template
from django.contrib.auth.base_user import AbstractBaseUser

from xxgk.site.people import name_of

register = template.Library()


@register.filter
def person(user: AbstractBaseUser | None) -> str:
    return name_of(user)
