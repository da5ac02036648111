"""How an approved workflow publishes (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved_content(workflow_state, user=None):
    """Publish what the last task approved, as the approver.

    Wagtail's default action also checks that the approver may publish directly. In Legal approval the
    approvers are the Legal editors, who deliberately cannot publish directly (so they cannot bypass the
    workflow): approving the task is their authority to publish.
    """
    from policy.publishing import approved_publication

    with approved_publication():
        workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
