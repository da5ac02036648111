"""Which Wagtail Site serves a host, looked up once and then kept in the shared cache.

Wagtail finds the Site of every request with an annotated query: the largest single cost of serving a
page or a form POST here. Sites change rarely and only through the admin, so the answer per host and
port is cached (`core.caching`), and forgotten when a Site or a site's root page is saved or deleted
(`home.signal_handlers`).
"""

from django.http.request import split_domain_port
from wagtail.models import Page, Site

from core.caching import SharedCache

sites = SharedCache("sites", "the Site serving each host and port, and the ids of the sites' root pages")


def site_for_request(request):
    """The Site for the request's host and port (or None), as Site.find_for_request would answer."""
    host = f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"
    return sites.get(f"host:{host}", lambda: Site._find_for_request(request))


def root_page_ids():
    return sites.get("root-page-ids", lambda: frozenset(Site.objects.values_list("root_page_id", flat=True)))


def forget_sites_if_root_page(sender, instance, **kwargs):
    """A saved or deleted page may be a site's root page (whose fields the cached Site carries).

    Connected for every model: Django sends post_save with the page's own class (HomePage, …) as the
    sender, not Page.
    """
    if isinstance(instance, Page) and instance.pk in root_page_ids():
        sites.forget()
