"""The Legal approval task: Wagtail's group approval with four eyes.

Nobody approves their own work: whoever submitted the page for approval, and whoever wrote the
revision under review, are offered no action on it, do not see it under "awaiting your review", and an
approval they post anyway is refused. The migration that creates this model puts it in place of the
plain group approval task of the "Legal approval" workflow.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def is_own_work(task_state, user):
    """Whether `user` submitted the workflow of `task_state`, or wrote the revision it reviews."""
    if task_state is None or user is None:
        return False
    workflow_state = task_state.workflow_state
    revision = task_state.revision
    return workflow_state.requested_by_id == user.pk or (revision is not None and revision.user_id == user.pk)


class LegalApprovalTask(AbstractGroupApprovalTask):
    def get_actions(self, obj, user):
        workflow_state = getattr(obj, "current_workflow_state", None)
        task_state = workflow_state.current_task_state if workflow_state else None
        if is_own_work(task_state, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if is_own_work(task_state, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, except whoever submitted or wrote the revision")

    class Meta:
        verbose_name = _("Legal approval task (four eyes)")
        verbose_name_plural = _("Legal approval tasks (four eyes)")
