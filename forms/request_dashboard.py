"""The privacy officers' panel on the admin dashboard: how many open requests are due today and how many
are overdue, each linking to the queue filtered to them (`forms.request_admin`). Only Privacy officers and
superusers see it (the requests are theirs to answer); two COUNT queries."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from forms.models import PrivacyRequest
from forms.request_admin import due_today, overdue


def may_answer_requests(user):
    """The same rule as the queue and its actions (`forms.admin_views.OfficersOnlyMixin`)."""
    return user.has_perm("consent_forms.view_consentrecord")


class PrivacyRequestsDuePanel(Component):
    name = "privacy_requests_due"
    template_name = "forms/requests/dashboard_panel.html"
    order = 90  # above Wagtail's own panels: deadlines come first

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        index = reverse("privacy_requests:index")
        context.update(
            {
                "due_today": due_today(PrivacyRequest.objects.all()).count(),
                "overdue": overdue(PrivacyRequest.objects.all()).count(),
                "due_today_url": f"{index}?due=today",
                "overdue_url": f"{index}?due=overdue",
                "queue_url": f"{index}?status=open",
            }
        )
        return context
