"""Uncached policy pages find the active locale without a query (home.chrome.active_locale_id), and the
notices listing skips Wagtail's restriction lookup while no page has a view restriction, and still hides
a private notice once one does."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from policy.models import PolicyUpdatePage
from tests.policy.helpers import change_first_purpose, publish


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def two_notices(policy_pages, on_commit):
    kk = change_first_purpose(policy_pages["kk"], "Екінші")
    with on_commit():
        publish(kk, summary="Екінші нұсқа")


def repeat_sql(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


@pytest.mark.parametrize("path", ["/kk/privacy/", "/ru/privacy/updates/", "/en/", "/en/contact/"])
def test_no_locale_query_on_a_repeat_get(client, two_notices, path):
    sql = repeat_sql(client, path)
    assert not [query for query in sql if '"wagtailcore_locale"' in query], sql


def test_the_notices_listing_reads_no_restrictions_while_there_are_none(client, two_notices):
    sql = repeat_sql(client, "/kk/privacy/updates/")
    assert not [query for query in sql if "wagtailcore_pageviewrestriction" in query], sql
    assert (
        len(BeautifulSoup(client.get("/kk/privacy/updates/").content, "html.parser").select(".notice-item"))
        == 2
    )


def test_a_private_notice_is_not_listed(client, two_notices, on_commit):
    notice = PolicyUpdatePage.objects.filter(locale__language_code="kk").order_by("-version__number").first()
    with on_commit():
        PageViewRestriction.objects.create(page=notice, restriction_type=PageViewRestriction.LOGIN)
    items = BeautifulSoup(client.get("/kk/privacy/updates/").content, "html.parser").select(".notice-item")
    assert len(items) == 1
