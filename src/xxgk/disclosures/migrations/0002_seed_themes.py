"""Seed the 主题分类 tree with the State Council's theme list (an administrator edits it later)."""

from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    from xxgk.disclosures.themes import STATE_COUNCIL_THEMES

    theme = apps.get_model("disclosures", "Theme")
    for order, name in enumerate(STATE_COUNCIL_THEMES, start=1):
        theme.objects.get_or_create(parent=None, name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("disclosures", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
