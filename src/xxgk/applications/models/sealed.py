"""A text column stored sealed (SM4-GCM, `xxgk.privacy.sealing`) and read back in the clear.

In Python the attribute holds the plain value; in the database, ``<kid>:<ciphertext>``. So a
lookup on the column (``filter(phone=…)``) never matches a non-blank value: look applicants up
by their blind index (`Application.id_number_index`) instead.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django import forms
from django.conf import settings
from django.core import validators
from django.db import models
from django.utils.functional import cached_property

from xxgk.applications.identifiers import validate_email
from xxgk.privacy.keys import KeyRing
from xxgk.privacy.sealing import seal, unseal


def keyring() -> KeyRing:
    """The data keys the settings name (`XXGK_DATA_KEY`, `XXGK_OLD_DATA_KEYS`)."""
    return _ring(settings.XXGK_DATA_KEY, tuple(settings.XXGK_OLD_DATA_KEYS))


@cache
def _ring(current: str, old: tuple[str, ...]) -> KeyRing:
    # Deriving keys is cheap but not free; settings change only in tests.
    return KeyRing.from_text(current, old)


class SealedField(models.TextField):
    """`max_length` and `email` describe the plain value: the form field and `full_clean`
    check them; the column is text, since a sealed value is longer than its plain one."""

    def __init__(self, *args: Any, email: bool = False, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.email:
            kwargs["email"] = True
        return name, path, args, kwargs

    @cached_property
    def validators(self) -> list[Any]:
        extra: list[Any] = []
        if self.max_length is not None:
            extra.append(validators.MaxLengthValidator(self.max_length))
        if self.email:
            extra.append(validate_email)
        return [*super().validators, *extra]

    @property
    def column_label(self) -> str:
        """What the ciphertext is bound to: a sealed value opens only in its own column."""
        return f"{self.model._meta.label_lower}.{self.name}"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return value
        return unseal(value, ring=keyring(), column=self.column_label)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return value
        return seal(value, key=keyring().current, column=self.column_label)

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        defaults: dict[str, Any] = {
            "form_class": forms.EmailField if self.email else forms.CharField,
            "max_length": self.max_length,
            "widget": forms.EmailInput if self.email else forms.TextInput,
        }
        return super().formfield(**{**defaults, **kwargs})
