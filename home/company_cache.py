"""The company details of each Site, from the shared cache.

Every consent form GET and POST builds its statements from the operator's details (`forms.statements`),
so they are read once and kept (`core.caching`), forgotten when the settings are saved or deleted
(`home.signal_handlers`).
"""

from core.caching import SharedCache
from home.models import CompanyDetails

company_details = SharedCache("company-details", "the company details (site settings) of each Site")


def company_details_for_site(site):
    """The CompanyDetails of `site` (Wagtail creates an empty row for a Site that has none)."""
    return company_details.get(f"site:{site.pk}", lambda: CompanyDetails.for_site(site))
