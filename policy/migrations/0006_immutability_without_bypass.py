"""The evidence triggers lose their only switch: `SET edna.allow_truncate = 'on'` let any session, the
application's included, TRUNCATE versions, snapshots and consent evidence.

The function is replaced in place (CREATE OR REPLACE), so every table whose triggers call it (versions,
snapshots, consent records, grants and exports) refuses UPDATE, DELETE and TRUNCATE with no exception.
Reversing this migration keeps the stricter function: reopening the hole is never a way back.
"""

from django.db import migrations

from policy.immutable import TRIGGER_FUNCTION_SQL


def replace_trigger_function(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TRIGGER_FUNCTION_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [("policy", "0005_order_unordered_rows")]

    operations = [migrations.RunPython(replace_trigger_function, migrations.RunPython.noop)]
