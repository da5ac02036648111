"""The Site of a host comes from the shared cache, and a change to sites or root pages is seen at once."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.site_cache import CACHE_KEY


def site_queries(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    # Wagtail's site lookup ranks the candidate sites with CASE (its root-paths query does not).
    return [
        query["sql"] for query in queries if '"wagtailcore_site"' in query["sql"] and "CASE" in query["sql"]
    ]


def test_the_second_request_finds_the_site_without_a_query(client, policy_pages):
    assert len(site_queries(client, "/en/privacy/")) == 1
    assert site_queries(client, "/en/privacy/") == []
    assert site_queries(client, "/kk/contact/") == []


def test_each_host_is_looked_up_once(client, policy_pages):
    default = Site.objects.get(is_default_site=True)
    intranet = Site.objects.create(hostname="intranet.example", port=80, root_page=default.root_page)
    site_queries(client, "/en/privacy/")
    assert len(site_queries(client, "/en/privacy/", HTTP_HOST="intranet.example")) == 1
    assert site_queries(client, "/en/privacy/", HTTP_HOST="intranet.example") == []
    cached = cache.get(CACHE_KEY)
    assert cached["intranet.example:80"].pk == intranet.pk
    assert cached["testserver:80"].pk == default.pk


def test_saving_a_site_forgets_the_cached_sites(client, policy_pages):
    site_queries(client, "/en/privacy/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "edna.kz"
    site.save()
    assert cache.get(CACHE_KEY) is None
    assert len(site_queries(client, "/en/privacy/")) == 1


def test_saving_a_root_page_forgets_them_and_saving_another_page_does_not(client, policy_pages):
    site_queries(client, "/en/privacy/")
    Page.objects.get(pk=policy_pages["kk"].pk).save()
    assert cache.get(CACHE_KEY) is not None
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.save_revision().publish()  # saved as a HomePage, not as a Page
    assert cache.get(CACHE_KEY) is None
