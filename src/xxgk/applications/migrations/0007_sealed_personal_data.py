"""Applicants' personal data sealed (SM4-GCM) with the key of the settings, and the ID number's
blind index (HMAC-SM3) filled in. The columns first become plain text (a sealed value is longer
than the plain one), the rows are sealed, then the columns are declared sealed, so that nothing
is read through a field that expects ciphertext before it is there. Reversible: going back
opens every value again."""

from django.conf import settings
from django.db import migrations, models

import xxgk.applications.models.sealed
from xxgk.privacy.keys import KeyRing
from xxgk.privacy.sealing import blind_index, seal, unseal

COLUMNS = ("id_number", "phone", "email", "address")


def _ring() -> KeyRing:
    return KeyRing.from_text(settings.XXGK_DATA_KEY, tuple(settings.XXGK_OLD_DATA_KEYS))


def _label(column: str) -> str:
    return f"applications.application.{column}"


def _rows(Application):
    """(pk, {column: stored value}) in chunks by pk: no cursor stays open while rows change."""
    last = 0
    while chunk := list(
        Application.objects.filter(pk__gt=last).order_by("pk").values_list("pk", *COLUMNS)[:2000]
    ):
        for pk, *values in chunk:
            yield pk, dict(zip(COLUMNS, values, strict=True))
        last = chunk[-1][0]


def seal_rows(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    key = _ring().current
    for pk, values in _rows(Application):
        Application.objects.filter(pk=pk).update(
            **{c: seal(v, key=key, column=_label(c)) for c, v in values.items()},
            id_number_index=blind_index(values["id_number"].strip().upper(), key=key),
        )


def open_rows(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    ring = _ring()
    for pk, values in _rows(Application):
        Application.objects.filter(pk=pk).update(
            **{c: unseal(v, ring=ring, column=_label(c)) for c, v in values.items()},
            id_number_index="",
        )


def _plain(max_length: int, verbose_name: str) -> models.TextField:
    return models.TextField(verbose_name, blank=True, max_length=max_length)


def _sealed(max_length: int, verbose_name: str, **kwargs) -> models.Field:
    return xxgk.applications.models.sealed.SealedField(
        verbose_name, blank=True, max_length=max_length, **kwargs
    )


FIELDS: tuple[tuple[str, int, str, dict[str, bool]], ...] = (
    ("id_number", 18, "身份证件号码", {}),
    ("phone", 40, "联系电话", {}),
    ("email", 254, "电子邮箱", {"email": True}),
    ("address", 200, "通信地址", {}),
)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0006_online_applicant"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="id_number_index",
            field=models.CharField(
                blank=True,
                db_index=True,
                editable=False,
                max_length=80,
                verbose_name="身份证件号码索引",
            ),
        ),
        *(
            migrations.AlterField("application", name, _plain(length, label))
            for name, length, label, _ in FIELDS
        ),
        migrations.RunPython(seal_rows, open_rows),
        *(
            migrations.AlterField("application", name, _sealed(length, label, **extra))
            for name, length, label, extra in FIELDS
        ),
    ]
