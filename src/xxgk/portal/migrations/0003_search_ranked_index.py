"""The search index's rows indexed by (term, weight, disclosure) on every database: a word's
records best first, and every column a search reads, so it replaces PostgreSQL's covering index
of 0002 (term, disclosure) INCLUDE (weight)."""

from django.db import migrations, models

COVERING = "portal_searchterm_covering"


def drop_covering(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {COVERING}")


def make_covering(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {COVERING} ON portal_searchterm "
            "(term, disclosure_id) INCLUDE (weight)"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_search_covering_index")]

    operations = [
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(fields=["term", "weight", "disclosure"], name="search_term_ranked"),
        ),
        migrations.RunPython(drop_covering, make_covering),
    ]
