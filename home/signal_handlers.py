"""Signal receivers of the home app, connected once from HomeConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from home.company_cache import company_details
from home.models import CompanyDetails
from home.site_cache import forget_sites_if_root_page, sites


def register_signal_handlers():
    for signal in (post_save, post_delete):
        signal.connect(sites.forget, sender=Site, dispatch_uid=f"home-sites-{signal!r}")
        signal.connect(forget_sites_if_root_page, dispatch_uid=f"home-root-page-{signal!r}")
        signal.connect(
            company_details.forget, sender=CompanyDetails, dispatch_uid=f"home-company-details-{signal!r}"
        )
