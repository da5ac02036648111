"""The groups of docs/architecture.md ("Roles") and the "Legal approval" workflow the policy is published through.

- Legal editors: edit the policy and its notices (page permissions are granted on each policy page when
  it is created, see policy.roles); they are the approvers of the Legal approval task.
- Privacy officers: the only group that sees personal data (consent records, requests).
Wagtail's own Moderators and Editors groups stay for the rest of the site.
"""

from django.db import migrations

LEGAL_EDITORS = "Legal editors"
PRIVACY_OFFICERS = "Privacy officers"
LEGAL_APPROVAL = "Legal approval"


def create_roles_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    admin_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    legal, _ = Group.objects.get_or_create(name=LEGAL_EDITORS)
    officers, _ = Group.objects.get_or_create(name=PRIVACY_OFFICERS)
    legal.permissions.add(access_admin)
    officers.permissions.add(access_admin)

    if Workflow.objects.filter(name=LEGAL_APPROVAL).exists():
        return
    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=LEGAL_APPROVAL, content_type=task_content_type, active=True)
    task.groups.set([legal])
    workflow = Workflow.objects.create(name=LEGAL_APPROVAL, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("policy", "0003_immutability_triggers"),
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
