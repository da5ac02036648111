"""Consent evidence is write-once in SQL too (PostgreSQL), and only Privacy officers may read it."""

from django.db import migrations

from policy.immutable import install_immutability_triggers

PRIVACY_OFFICERS = "Privacy officers"
OFFICER_PERMISSIONS = [
    ("consentrecord", "view_consentrecord"),
    ("consentsubmission", "view_consentsubmission"),
    ("consentexport", "view_consentexport"),
]


def grant_privacy_officers(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officers, _ = Group.objects.get_or_create(name=PRIVACY_OFFICERS)
    for model, codename in OFFICER_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="consent_forms", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
        )
        officers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("consent_forms", "0001_initial"),
        ("policy", "0004_roles_and_legal_approval"),
    ]

    operations = [
        install_immutability_triggers("consent_forms_consentrecord", "consent_forms_consentgrant", "consent_forms_consentexport"),
        migrations.RunPython(grant_privacy_officers, migrations.RunPython.noop),
    ]
