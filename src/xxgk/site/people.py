"""How a person of the system is named on a page or in a letter: the full name an
administrator entered, else the username (a demo account or one made before names were asked)."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser


def name_of(user: AbstractBaseUser | None) -> str:
    """The person's full name, else the username; "" for no one."""
    if user is None:
        return ""
    full = getattr(user, "get_full_name", lambda: "")()
    return full or user.get_username()
