"""Give rows created without a sort order (early demo content) their order by id.

Rows with a NULL sort_order sort first on SQLite and last on PostgreSQL, and lose their place when an
editor saves the page; the policy's numbered table must keep its order.
"""

from django.db import migrations

ROW_MODELS = [
    "PolicyDefinition",
    "PolicyPrinciple",
    "SubjectCategory",
    "ProcessingPurpose",
    "TransferCountry",
    "VisitorRight",
]


def order_rows(apps, schema_editor):
    for name in ROW_MODELS:
        model = apps.get_model("policy", name)
        page_ids = model.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True).distinct()
        for page_id in page_ids:
            for index, row in enumerate(model.objects.filter(page_id=page_id).order_by("sort_order", "id")):
                model.objects.filter(pk=row.pk).update(sort_order=index)


class Migration(migrations.Migration):
    dependencies = [("policy", "0004_roles_and_legal_approval")]

    operations = [migrations.RunPython(order_rows, migrations.RunPython.noop)]
