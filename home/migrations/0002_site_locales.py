"""The site's three languages: Kazakh (source), Russian and English, synced from Kazakh.

Russian and English trees follow the Kazakh tree through wagtail-localize's locale synchronisation, so a
page created in Kazakh appears in the other languages (as an alias until it is translated).
"""

from django.db import migrations

SOURCE = "kk"
TARGETS = ["ru", "en"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source, _ = Locale.objects.get_or_create(language_code=SOURCE)
    for code in TARGETS:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "__latest__"),
        ("wagtail_localize", "__latest__"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
