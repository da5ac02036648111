"""Panels of the consent form editor."""

from wagtail.admin.panels import Panel
from wagtail.models import Site

from home.admin_panels import missing_details_message, settings_edit_url
from home.company_cache import company_details_for_site


class OperatorDetailsWarningPanel(Panel):
    """A warning above the form's fields while the company details of its Site lack what the consent
    statements must name (the BIN, …; see `home.admin_panels`). Shows nothing otherwise."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "forms/admin/operator_details_warning.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            site = page.get_site() if page is not None and page.pk else None
            self.site = site or Site.find_for_request(self.request)
            self.missing = (
                company_details_for_site(self.site).missing_statement_details() if self.site else []
            )

        def is_shown(self):
            return bool(self.missing) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["message"] = missing_details_message(self.missing)
            context["edit_url"] = settings_edit_url(self.request.user, self.site)
            return context
