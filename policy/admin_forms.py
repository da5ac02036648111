"""The policy page's admin form: runs the content checks when the editor publishes or submits."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


class PrivacyPolicyPageForm(WagtailAdminPageForm):
    """Blocks publishing (and submitting to Legal approval) while content checks fail.

    Drafts may be saved with problems; the checks name each one above the form.
    """

    def is_valid(self):
        valid = super().is_valid()
        if not valid or not any(action in self.data for action in PUBLISHING_ACTIONS):
            return valid
        from policy.checks import check_policy_page

        page = self.save(commit=False)
        problems = check_policy_page(page)
        for problem in problems:
            self.add_error(None, ValidationError(problem))
        return not problems
