"""The Site of a host comes from the shared cache, and a change to sites or root pages is seen at once."""

import threading

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home import site_cache


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


def test_each_host_is_looked_up_once(client, policy_pages, django_capture_on_commit_callbacks):
    default = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        intranet = Site.objects.create(hostname="intranet.example", port=80, root_page=default.root_page)
    site_queries(client, "/en/privacy/")
    assert len(site_queries(client, "/en/privacy/", HTTP_HOST="intranet.example")) == 1
    assert site_queries(client, "/en/privacy/", HTTP_HOST="intranet.example") == []
    request = RequestFactory().get("/", HTTP_HOST="intranet.example")
    assert site_cache.site_for_request(request).pk == intranet.pk


def test_saving_a_site_forgets_the_cached_sites(client, policy_pages, django_capture_on_commit_callbacks):
    site_queries(client, "/en/privacy/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "edna.kz"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert len(site_queries(client, "/en/privacy/")) == 1


def test_saving_a_root_page_forgets_them_and_saving_another_page_does_not(
    client, policy_pages, django_capture_on_commit_callbacks
):
    site_queries(client, "/en/privacy/")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=policy_pages["kk"].pk).save()
    assert site_queries(client, "/en/privacy/") == []
    home = Site.objects.get(is_default_site=True).root_page.specific
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()  # saved as a HomePage, not as a Page
    assert len(site_queries(client, "/en/privacy/")) == 1


def test_a_request_racing_a_site_change_cannot_keep_the_old_site(
    policy_pages, monkeypatch, django_capture_on_commit_callbacks
):
    """Another request, served between the save and the commit, reads the committed (old) Site and
    caches it; once the change commits, the next request gets the new Site all the same."""
    request = RequestFactory().get("/")
    site = Site.objects.get(is_default_site=True)
    old_site = Site.objects.get(pk=site.pk)
    with django_capture_on_commit_callbacks(execute=True):
        site.site_name = "renamed"
        site.save()
        monkeypatch.setattr(Site, "_find_for_request", staticmethod(lambda request: old_site))
        racing = threading.Thread(target=site_cache.site_for_request, args=(request,))
        racing.start()
        racing.join()
        monkeypatch.undo()
    assert site_cache.site_for_request(request).site_name == "renamed"
