from django.db import migrations


def create_gin_index(apps, schema_editor):
    # GIN is PostgreSQL's; SQLite searches with the plain fallback and needs no index.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS content_page_search_gin ON content_page USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS content_page_search_gin")


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]
    operations = [migrations.RunPython(create_gin_index, drop_gin_index, elidable=False)]
