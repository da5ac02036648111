"""Wagtail's page routing from the shared cache (home/routing.py) answers what Wagtail's own routing
answers, with no query once warm, and follows the page tree as it is published, moved and unpublished."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from home.routing import route

pytestmark = pytest.mark.django_db

SUB_PATHS = [
    "",
    "versions/",
    "versions/1/",
    "compare/1/2/",
    "updates/feed/",
    "receipt/nope/",
    "no-such-page/",
]


def wagtail_route(path, language):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return Page.route_for_request(request, path)


def cached_route(path, language):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return route(request, path)


def _plain(value):
    """A routable page's view is a method bound to the page object: compare the function."""
    if isinstance(value, tuple | list):
        return tuple(_plain(item) for item in value)
    return getattr(value, "__func__", value)


def _key(result):
    page, args, kwargs = result
    return page.pk, type(page), _plain(args), kwargs


def same(first, second):
    if first is None or second is None:
        return first is second
    return _key(first) == _key(second)


def addresses():
    """Every page's address below its language's home page, and routable sub-paths."""
    for page in Page.objects.filter(depth__gt=1).select_related("locale"):
        relative = page.url_path.split("/", 2)[2]
        for sub_path in SUB_PATHS:
            yield relative + sub_path, page.locale.language_code


def test_every_address_routes_as_wagtail_routes_it(policy_pages):
    checked = 0
    for path, language in addresses():
        assert same(cached_route(path, language), wagtail_route(path, language)), (language, path)
        checked += 1
    assert checked > 50


def test_a_warm_route_runs_no_query(policy_pages, django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/kk/privacy/versions/1/")
    request._wagtail_site = site
    with translation.override("kk"):
        route(request, "privacy/versions/1/")
        with django_assert_num_queries(0):
            page, args, _kwargs = route(request, "privacy/versions/1/")
    assert page.pk == policy_pages["kk"].pk


def test_an_unpublished_page_stops_being_routed(policy_pages, django_capture_on_commit_callbacks):
    assert cached_route("subscribe/", "en") is not None
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(locale__language_code="en", slug="subscribe").unpublish()
    assert cached_route("subscribe/", "en") is None
    assert wagtail_route("subscribe/", "en") is None


def test_a_moved_page_is_routed_at_its_new_address(policy_pages, django_capture_on_commit_callbacks):
    subscribe = Page.objects.get(locale__language_code="en", slug="subscribe")
    assert cached_route("subscribe/", "en")[0].pk == subscribe.pk
    with django_capture_on_commit_callbacks(execute=True):
        subscribe.move(Page.objects.get(locale__language_code="en", slug="privacy"), pos="last-child")
    assert cached_route("subscribe/", "en") is None
    assert cached_route("privacy/subscribe/", "en")[0].pk == subscribe.pk


def test_a_published_change_is_served_at_once(
    client, policy_pages, django_capture_on_commit_callbacks, settings
):
    settings.PAGE_CACHE_ENABLED = False
    home = Page.objects.get(locale__language_code="en", depth=2).specific
    client.get("/en/")
    home.title = "A new title for the home page"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "A new title for the home page" in client.get("/en/").content.decode()
