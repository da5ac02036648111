"""Cookie choices are write-once in SQL too (PostgreSQL), and Privacy officers may read the log."""

from django.db import migrations

from policy.immutable import install_immutability_triggers

PRIVACY_OFFICERS = "Privacy officers"


def grant_privacy_officers(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officers, _ = Group.objects.get_or_create(name=PRIVACY_OFFICERS)
    content_type, _ = ContentType.objects.get_or_create(app_label="cookie_consent", model="cookiechoice")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_cookiechoice", defaults={"name": "Can view cookie choice"}
    )
    officers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cookie_consent", "0001_choice_log_and_analytics_settings"),
        ("consent_forms", "0002_immutability_and_privacy_officers"),
    ]

    operations = [
        install_immutability_triggers("cookie_consent_cookiechoice"),
        migrations.RunPython(grant_privacy_officers, migrations.RunPython.noop),
    ]
