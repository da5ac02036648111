"""Four eyes in Legal approval, and Legal editors who can translate.

- The "Legal approval" workflow's group approval task is replaced by a LegalApprovalTask (same group:
  Legal editors) that never lets anyone approve their own submission (policy.models.approval); task
  states still in progress move to the new task.
- Legal editors get wagtail-localize's "submit_translation" permission: they sync and translate the
  policy, and their translations reach visitors only through Legal approval (policy.publishing).
"""

import django.db.models.deletion
from django.db import migrations, models

LEGAL_EDITORS = "Legal editors"
LEGAL_APPROVAL = "Legal approval"


def use_four_eyes_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    LegalApprovalTask = apps.get_model("policy", "LegalApprovalTask")

    legal = Group.objects.filter(name=LEGAL_EDITORS).first()
    if legal is None:
        return
    translation_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    submit_translation, _ = Permission.objects.get_or_create(
        content_type=translation_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    legal.permissions.add(submit_translation)

    workflow = Workflow.objects.filter(name=LEGAL_APPROVAL).first()
    if workflow is None or LegalApprovalTask.objects.exists():
        return
    task_type, _ = ContentType.objects.get_or_create(app_label="policy", model="legalapprovaltask")
    four_eyes = LegalApprovalTask.objects.create(name=LEGAL_APPROVAL, content_type=task_type, active=True)
    four_eyes.groups.set([legal])
    for step in WorkflowTask.objects.filter(workflow=workflow):
        old_task = step.task
        TaskState.objects.filter(task=old_task).update(task=four_eyes)
        step.task = four_eyes
        step.save()
        old_task.active = False
        old_task.name = f"{LEGAL_APPROVAL} (replaced by four eyes)"
        old_task.save()


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '__latest__'),
        ('policy', '0006_immutability_without_bypass'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtail_localize', '__latest__'),
    ]

    operations = [
        migrations.CreateModel(
            name='LegalApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'Legal approval task (four eyes)',
                'verbose_name_plural': 'Legal approval tasks (four eyes)',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.RunPython(use_four_eyes_task, migrations.RunPython.noop),
    ]
