"""The full-page cache (core/page_cache.py): anonymous public pages served with no SQL, forgotten through
the shared-cache pattern on every change that shows on them, expiring at the policy's next scheduled
change, and never holding a page that is not the same for every visitor."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from core import page_cache
from home.models import CompanyDetails, HomePage
from policy.models import PolicyUpdatePage
from tests.policy.helpers import change_first_purpose, make_versions, publish

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/kk/",
    "/ru/privacy/",
    "/en/privacy/versions/",
    "/kk/privacy/versions/1/",
    "/kk/privacy/versions/1/?edition=1",
    "/ru/privacy/versions/1.json",
    "/kk/privacy/compare/1/2/",
    "/en/privacy/updates/",
    "/en/privacy/updates/feed/",
]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def version_two(policy_pages, on_commit):
    with on_commit():
        publish(change_first_purpose(policy_pages["kk"], "Екінші нұсқаның мақсаты"), summary="Екінші нұсқа")


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_a_repeated_anonymous_get_is_served_from_the_cache_with_no_query(
    client, version_two, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Cache-Control"] == first["Cache-Control"]
    with django_assert_num_queries(0):
        head = client.head(url)
    assert head.status_code == 200 and head.content == b""


def test_the_gzip_variant_is_kept_apart_and_also_served_with_no_query(
    client, policy_pages, django_assert_num_queries
):
    plain = client.get("/kk/privacy/")
    zipped = client.get("/kk/privacy/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["X-Page-Cache"] == "miss" and zipped["Content-Encoding"] == "gzip"
    with django_assert_num_queries(0):
        again = client.get("/kk/privacy/", HTTP_ACCEPT_ENCODING="gzip")
    assert again["Content-Encoding"] == "gzip" and again.content == zipped.content
    with django_assert_num_queries(0):
        assert client.get("/kk/privacy/").content == plain.content


def test_a_visitor_with_a_csrf_cookie_still_gets_the_cached_page(
    client, policy_pages, django_assert_num_queries
):
    client.get("/en/privacy/")
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(0):
        assert client.get("/en/privacy/")["X-Page-Cache"] == "hit"


# --- forgotten on every change that shows on the pages -------------------------------------------------


def test_publishing_a_new_policy_version_forgets_the_pages(client, policy_pages, on_commit):
    assert "Жаңа мақсат бүгін" not in client.get("/kk/privacy/").content.decode()
    assert client.get("/kk/privacy/")["X-Page-Cache"] == "hit"
    with on_commit():
        publish(change_first_purpose(policy_pages["kk"], "Жаңа мақсат бүгін"), summary="Екінші нұсқа")
    response = client.get("/kk/privacy/")
    assert response["X-Page-Cache"] == "miss"
    assert "Жаңа мақсат бүгін" in response.content.decode()


def test_a_version_written_without_a_page_publish_forgets_the_pages(client, policy_pages, on_commit):
    assert "version-2" not in client.get("/kk/privacy/versions/").content.decode()
    with on_commit():
        make_versions(policy_pages["kk"], 1)
    response = client.get("/kk/privacy/versions/")
    assert response["X-Page-Cache"] == "miss"
    assert 'id="version-2"' in response.content.decode()


def test_publishing_the_home_page_forgets_it(client, on_commit):
    client.get("/en/")
    home = HomePage.objects.get(locale__language_code="en")
    home.intro = "A brand new introduction."
    with on_commit():
        home.save_revision().publish()
    assert "A brand new introduction." in client.get("/en/").content.decode()


def test_unpublishing_a_notice_forgets_its_listing(client, on_commit):
    notice = PolicyUpdatePage.objects.live().get(locale__language_code="en")
    assert notice.title in client.get("/en/privacy/updates/").content.decode()
    with on_commit():
        notice.unpublish()
    listing = client.get("/en/privacy/updates/")
    assert listing["X-Page-Cache"] == "miss"
    assert notice.title not in listing.content.decode()


def test_deleting_a_notice_forgets_its_listing_and_feed(client, on_commit):
    notice = PolicyUpdatePage.objects.live().get(locale__language_code="en")
    assert notice.get_url() in client.get("/en/privacy/updates/feed/").content.decode()
    with on_commit():
        Page.objects.get(pk=notice.pk).delete()
    assert notice.get_url() not in client.get("/en/privacy/updates/feed/").content.decode()


def test_moving_a_page_forgets_the_menus_that_link_to_it(client, on_commit):
    assert 'href="/en/subscribe/"' in client.get("/en/").content.decode()
    subscribe = Page.objects.get(locale__language_code="en", slug="subscribe")
    privacy = Page.objects.get(locale__language_code="en", slug="privacy")
    with on_commit():
        subscribe.move(privacy, pos="last-child")
    home = client.get("/en/")
    assert home["X-Page-Cache"] == "miss"
    assert 'href="/en/subscribe/"' not in home.content.decode()  # no longer a child of the home page


def test_saving_the_company_details_forgets_the_pages_that_name_them(client, on_commit):
    client.get("/en/privacy/updates/")
    details = CompanyDetails.objects.get()
    details.legal_name_en = "EDNA KAZAKHSTAN (renamed) LLP"
    with on_commit():
        details.save()
    assert "EDNA KAZAKHSTAN (renamed) LLP" in client.get("/en/privacy/updates/").content.decode()


def test_inside_the_writing_transaction_pages_are_rendered_afresh(client):
    """Before its commit a change is not forgotten yet; the writer's own requests bypass the cache."""
    client.get("/en/privacy/updates/")
    details = CompanyDetails.objects.get()
    details.legal_name_en = "Not committed yet LLP"
    details.save()
    response = client.get("/en/privacy/updates/")
    assert "X-Page-Cache" not in response
    assert "Not committed yet LLP" in response.content.decode()


def test_a_reader_racing_a_publish_cannot_keep_its_stale_page(rf, on_commit):
    request = rf.get("/kk/privacy/")
    key = page_cache.page_key(request)
    _entry, stamp = page_cache.lookup(key)  # read before a publish commits...
    with on_commit():
        page_cache.pages.forget()
    response = HttpResponse(b"stale", headers={"Cache-Control": "public, max-age=300"})
    page_cache.save(key, stamp, response)  # ...stored after it
    assert page_cache.lookup(key)[0] is None


def test_a_new_release_does_not_serve_the_pages_of_the_old_one(client, policy_pages, monkeypatch):
    client.get("/en/privacy/")
    assert client.get("/en/privacy/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache, "_release", "another-release")
    assert client.get("/en/privacy/")["X-Page-Cache"] == "miss"


# --- expiring at the next scheduled change --------------------------------------------------------------


def test_a_cached_page_shows_a_scheduled_version_from_its_effective_from(client, policy_pages, on_commit):
    effective = timezone.now() + timedelta(hours=1)
    with on_commit():
        publish(
            change_first_purpose(policy_pages["kk"], "Бір сағаттан кейін"),
            summary="Жоспар",
            effective_from=effective,
        )
    with time_machine.travel(effective - timedelta(minutes=30), tick=False):
        assert "Бір сағаттан кейін" not in client.get("/kk/privacy/").content.decode()
    with time_machine.travel(effective - timedelta(seconds=10), tick=False):
        cached = client.get("/kk/privacy/")
        assert cached["X-Page-Cache"] == "hit"
        assert "Бір сағаттан кейін" not in cached.content.decode()
        assert 0 <= int(cached["Cache-Control"].split("max-age=")[1]) <= 10  # the CDN's copy ends in time
    with time_machine.travel(effective + timedelta(seconds=1), tick=False):
        fresh = client.get("/kk/privacy/")
        assert fresh["X-Page-Cache"] == "miss"
        assert "Бір сағаттан кейін" in fresh.content.decode()


# --- never cached ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/kk/contact/",  # a consent form (private, no-store)
        "/en/privacy/requests/",  # the requests form (CSRF token)
        "/kk/no-such-page/",  # an error
        "/kk/privacy/?utm_source=mail",  # a query string the pages don't take
        "/admin/login/",
    ],
)
def test_pages_that_are_not_the_same_for_everyone_are_never_cached(client, policy_pages, url):
    # "miss" would say the first answer was stored; "hit" that the second came from the cache. (Counting
    # queries proves nothing here: a form GET may run none, its parts coming from the shared caches.)
    first = client.get(url)
    second = client.get(url)
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second


def test_a_logged_in_user_is_never_served_nor_stored_in_the_cache(client, policy_pages):
    client.get("/en/privacy/")  # stored for anonymous visitors
    user = get_user_model().objects.create_superuser("editor", "editor@example.kz", "pw")
    client.force_login(user)
    response, queries = queries_of(client, "/en/privacy/")
    assert "X-Page-Cache" not in response and queries > 0
    assert "public" not in response.get("Cache-Control", "")  # nor by anyone in front
    client.get("/en/privacy/versions/")
    client.logout()
    assert client.get("/en/privacy/versions/")["X-Page-Cache"] == "miss"  # nothing was stored for the user


def _public_response(**headers):
    return HttpResponse(b"<html>page</html>", headers={"Cache-Control": "public, max-age=300", **headers})


@pytest.mark.parametrize(
    "spoil",
    [
        lambda request, response: setattr(request, "is_preview", True),
        lambda request, response: response.set_cookie("visitor", "1"),
        lambda request, response: request.META.__setitem__("CSRF_COOKIE_NEEDS_UPDATE", True),
        lambda request, response: response.__setitem__("Vary", "Cookie"),
        lambda request, response: response.__setitem__("Cache-Control", "private, no-store"),
        lambda request, response: response.__setitem__("Cache-Control", "max-age=300"),
        lambda request, response: setattr(response, "status_code", 500),
        lambda request, response: setattr(response, "status_code", 302),
    ],
    ids=["preview", "sets-cookie", "csrf-token", "vary-cookie", "private", "not-public", "error", "redirect"],
)
def test_responses_not_meant_for_everyone_are_not_storable(spoil):
    request, response = RequestFactory().get("/kk/"), _public_response()
    assert page_cache.storable(request, response)
    spoil(request, response)
    assert not page_cache.storable(request, response)


@pytest.mark.parametrize(
    ("method", "cookies", "query", "eligible"),
    [
        ("get", {}, "", True),
        ("head", {}, "", True),
        ("get", {}, "edition=2", True),
        ("post", {}, "", False),
        ("get", {"sessionid": "x"}, "", False),
        ("get", {"messages": "x"}, "", False),
        ("get", {}, "edition=2&x=1", False),
        ("get", {}, "edition=%C2%B2", False),
    ],
)
def test_only_anonymous_gets_of_plain_addresses_are_looked_up(method, cookies, query, eligible):
    request = getattr(RequestFactory(), method)("/kk/privacy/versions/1/")
    request.META["QUERY_STRING"] = query
    request.COOKIES.update(cookies)
    assert page_cache.eligible(request) is eligible


def test_the_cache_can_be_switched_off(client, policy_pages, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/en/privacy/")
    response, queries = queries_of(client, "/en/privacy/")
    assert "X-Page-Cache" not in response and queries > 0
