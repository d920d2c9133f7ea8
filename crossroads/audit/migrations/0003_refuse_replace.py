"""SQLite: INSERT OR REPLACE could rewrite an audit row (its implicit delete fires no
delete trigger); the triggers are installed again with the one that refuses it."""

from django.db import migrations

from crossroads.audit import triggers


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    triggers.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
