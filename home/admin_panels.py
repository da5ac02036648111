"""Editors' warnings while the company details lack what consent statements must name.

Article 8 of Law No. 94-V asks a consent to name the operator and its BIN (`forms.statements` takes
them from `CompanyDetails`). While a Site's details lack any of them, the dashboard shows
`OperatorDetailsPanel` (registered in `home.wagtail_hooks`) and the consent form pages' editor shows the
same warning (`forms.panels.OperatorDetailsWarningPanel`).
"""

from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from home.models import CompanyDetails


def missing_details_message(missing):
    """The warning for a Site whose company details lack `missing` (field names)."""
    return _(
        "The company details have no %(missing)s, so the consent statements on the forms lack what "
        "Article 8(4) of Law No. 94-V asks a consent to name. Fill them in under Settings → Company details."
    ) % {"missing": get_text_list(missing, _("and"))}


def settings_edit_url(user, site):
    """The company details' edit view for `site`, or "" when `user` may not edit them."""
    if not user.has_perm("home.change_companydetails"):
        return ""
    return reverse("wagtailsettings:edit", args=["home", "companydetails", site.pk])


def sites_missing_details():
    """[(site, missing field names)] for every Site whose company details lack what statements need."""
    details = {row.site_id: row for row in CompanyDetails.objects.all()}
    found = []
    for site in Site.objects.order_by("-is_default_site", "hostname", "port"):
        missing = (details.get(site.pk) or CompanyDetails(site=site)).missing_statement_details()
        if missing:
            found.append((site, missing))
    return found


class OperatorDetailsPanel(Component):
    """Dashboard: which Sites' company details lack what consent statements must name."""

    name = "operator_details"
    template_name = "home/admin/operator_details_panel.html"
    order = 40  # above the policy versions (50)

    def __init__(self, request, missing_by_site):
        self.request = request
        self.missing_by_site = missing_by_site

    def get_context_data(self, parent_context):
        several = len(self.missing_by_site) > 1
        return {
            "entries": [
                {
                    "site": site if several else None,
                    "message": missing_details_message(missing),
                    "edit_url": settings_edit_url(self.request.user, site),
                }
                for site, missing in self.missing_by_site
            ]
        }
