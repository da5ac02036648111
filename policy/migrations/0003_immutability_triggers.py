"""On PostgreSQL, refuse UPDATE, DELETE and TRUNCATE of versions and snapshots in SQL too."""

from django.db import migrations

from policy.immutable import install_immutability_triggers


class Migration(migrations.Migration):
    dependencies = [("policy", "0002_versions_snapshots_notices")]

    operations = [install_immutability_triggers("policy_policyversion", "policy_policysnapshot")]
