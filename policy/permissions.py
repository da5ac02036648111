"""Page permissions on the policy and its notices: only Legal editors' grants count there.

Wagtail's page permissions are inherited down the tree and cannot be denied on a subtree, so the
default Moderators (publish on the root page) and Editors (edit on the root page) would reach the policy
too. The policy's page models use `LegalPagePermissionTester`, which counts only the permissions
granted to the Legal editors group (on the policy page, see `policy.roles`); superusers keep every
permission. Whatever asks Wagtail "may this user edit / publish / delete / move this page" (the editor,
bulk actions, the explorer's buttons, the publish action itself) gets this answer.
"""

from django.contrib.auth.models import Group
from wagtail.models import PagePermissionTester

from policy.roles import LEGAL_EDITORS


class LegalPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser:
            legal_group_id = _legal_editors_group_id()
            self.permissions = {
                grant.permission.codename.rsplit("_", maxsplit=1)[0]
                for grant in self.permission_policy.get_cached_permissions_for_user(user)
                if page.path.startswith(grant.page.path) and grant.group_id == legal_group_id
            }


def _legal_editors_group_id():
    return Group.objects.filter(name=LEGAL_EDITORS).values_list("pk", flat=True).first()


class LegalPermissionsMixin:
    """For the policy's page models: permissions from Legal editors' grants only."""

    def permissions_for_user(self, user):
        return LegalPagePermissionTester(user, self)
