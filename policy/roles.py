"""Who may edit the policy, and the workflow its publication goes through."""

from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

LEGAL_EDITORS = "Legal editors"
PRIVACY_OFFICERS = "Privacy officers"
LEGAL_APPROVAL = "Legal approval"

# Legal editors draft and submit; publishing happens when the Legal approval task is approved.
LEGAL_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def put_policy_under_legal_control(page):
    """Give Legal editors the policy page (and its notices below it) and route it through Legal approval."""
    legal_editors = Group.objects.filter(name=LEGAL_EDITORS).first()
    if legal_editors is not None:
        for codename in LEGAL_EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=legal_editors, page=page, permission_id=_permission_id(codename)
            )
    workflow = Workflow.objects.filter(name=LEGAL_APPROVAL, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _permission_id(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename).pk
