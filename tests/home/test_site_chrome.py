"""The site chrome (home link, menu, language links, locales) comes from the shared cache, is read once
per request, and shows a published change at once (home/chrome.py)."""

from collections import Counter

import pytest
from wagtail.models import Page

from home.chrome import site_chrome


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.parametrize("url", ["/kk/", "/ru/privacy/", "/en/privacy/versions/1/", "/en/contact/"])
def test_each_chrome_entry_is_read_once_per_request(client, policy_pages, monkeypatch, url):
    reads = Counter()
    original = site_chrome.get

    def counting_get(key, compute):
        reads[key] += 1
        return original(key, compute)

    monkeypatch.setattr(site_chrome, "get", counting_get)
    assert client.get(url).status_code == 200
    assert reads, "the chrome was not read from the shared cache"
    assert max(reads.values()) == 1, reads


def test_a_menu_page_renamed_and_published_shows_at_once(
    client, policy_pages, django_capture_on_commit_callbacks
):
    assert "Write to us" not in client.get("/en/").content.decode()
    contact = Page.objects.get(locale__language_code="en", slug="contact").specific
    contact.title = "Write to us"
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()
    assert "Write to us" in client.get("/en/privacy/").content.decode()


def test_the_language_switcher_keeps_the_routed_part_of_the_address(client, policy_pages):
    html = client.get("/kk/privacy/versions/1/").content.decode()
    assert 'href="/ru/privacy/versions/1/"' in html
    assert 'href="/en/privacy/versions/1/"' in html
