"""Which Wagtail Site serves a host, looked up once and then kept in the shared cache.

Wagtail finds the Site of every request with an annotated query: the largest single cost of serving a
page or a form POST here. Sites change rarely and only through the admin, so the answer per host and
port is cached, forgotten whenever a Site or a site's root page is saved or deleted, and in any case
looked up again after CACHE_SECONDS.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Page, Site

CACHE_KEY = "home:sites-by-host:v1"
CACHE_SECONDS = 10 * 60
MAX_HOSTS = 32  # ALLOWED_HOSTS bounds the hosts in production; this bounds them anywhere


def site_for_request(request):
    """The Site for the request's host and port (or None), as Site.find_for_request would answer."""
    host = f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"
    sites = cache.get(CACHE_KEY) or {}
    if host in sites:
        return sites[host]
    site = Site._find_for_request(request)
    if len(sites) < MAX_HOSTS:
        cache.set(CACHE_KEY, {**sites, host: site}, CACHE_SECONDS)
    return site


def forget_sites(**kwargs):
    cache.delete(CACHE_KEY)


def forget_sites_if_root_page(sender, instance, **kwargs):
    """A saved or deleted page may be a cached site's root page (whose fields the Site carries).

    Connected for every model: Django sends post_save with the page's own class (HomePage, …) as the
    sender, not Page.
    """
    if not isinstance(instance, Page):
        return
    sites = cache.get(CACHE_KEY) or {}
    if any(site is not None and site.root_page_id == instance.pk for site in sites.values()):
        forget_sites()


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"forget-sites-{signal}")
        signal.connect(forget_sites_if_root_page, dispatch_uid=f"forget-root-{signal}")
