"""Signal receivers of the home app, connected once from HomeConfig.ready()."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import chrome
from home.chrome import forget_site_chrome
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
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(forget_site_chrome, dispatch_uid=f"home-site-chrome-{signal!r}")
    post_save.connect(forget_site_chrome, sender=Locale, dispatch_uid="home-site-chrome-locale")
    request_started.connect(chrome.begin_request, dispatch_uid="home-chrome-begin")
    request_finished.connect(chrome.end_request, dispatch_uid="home-chrome-end")
