"""Write-once models: evidence that may be added to but never changed or removed.

The ORM refuses updates and deletes here; on PostgreSQL a trigger refuses them in SQL too (see
`policy.migrations` and `install_immutability_triggers`). A correction is a new row, never an edit.

The trigger has no switch: no session setting lets UPDATE, DELETE or TRUNCATE through. What stops the
application's database role from removing the triggers is that it neither owns the tables nor is a
superuser (README, "Database roles"; `core.deploy_checks` warns otherwise). Only a superuser can turn
them off, with `session_replication_role = replica`: the test runner does that to empty its own test
database (tests/conftest.py).
"""

from django.db import models


class ImmutableRecordError(Exception):
    """Raised on any attempt to change or delete a write-once record."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError(f"{self.model.__name__} rows are immutable and cannot be updated.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise ImmutableRecordError(f"{self.model.__name__} rows are immutable and cannot be updated.")

    def delete(self):
        raise ImmutableRecordError(f"{self.model.__name__} rows are immutable and cannot be deleted.")

    delete.queryset_only = True


class ImmutableModel(models.Model):
    """A model whose rows can be created once and then only read."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(f"{type(self).__name__} {self.pk} is immutable and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(f"{type(self).__name__} {self.pk} is immutable and cannot be deleted.")


# No exception of any kind (a session setting, a role name, a GUC): anything the application's role can
# say, an attacker with its credentials can say too. Tests empty their database as a superuser instead.
TRIGGER_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION edna_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: rows of this table are immutable evidence', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def trigger_sql(table):
    return f"""
    DROP TRIGGER IF EXISTS {table}_no_change ON {table};
    CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION edna_refuse_change();
    DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};
    CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION edna_refuse_change();
    """


def drop_trigger_sql(table):
    return f"""
    DROP TRIGGER IF EXISTS {table}_no_change ON {table};
    DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};
    """


def install_immutability_triggers(*tables):
    """A migration operation: on PostgreSQL, make `tables` refuse UPDATE, DELETE and TRUNCATE.

    It (re)creates the shared trigger function as defined here, so a later migration that uses it
    installs the same function as policy 0006, never an older one with a bypass.
    """
    from django.db import migrations

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(TRIGGER_FUNCTION_SQL, params=None)
        for table in tables:
            schema_editor.execute(trigger_sql(table), params=None)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            schema_editor.execute(drop_trigger_sql(table), params=None)

    return migrations.RunPython(forwards, backwards)
