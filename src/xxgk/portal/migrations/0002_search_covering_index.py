"""On PostgreSQL, an index that answers a search from the index alone: (term, disclosure) with
the weight included, so ranking never reads the table's rows (SQLite has no INCLUDE; its plan
reads the unique index and the rows, which is fast at its scale)."""

from django.db import migrations

INDEX = "portal_searchterm_covering"


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON portal_searchterm "
            "(term, disclosure_id) INCLUDE (weight)"
        )


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
