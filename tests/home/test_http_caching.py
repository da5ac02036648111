"""Public pages can be kept by anyone in front (browser, CDN, proxy): they vary on nothing per visitor,
name themselves with an ETag (or Last-Modified) so a revalidation costs a 304, and go out gzipped unless
the response may carry a secret (BREACH)."""

import gzip

import pytest
from django.contrib.auth import get_user_model
from django.utils.cache import cc_delim_re

from policy.models import PolicySnapshot

PUBLIC_URLS = [
    "/kk/",
    "/ru/privacy/",
    "/en/privacy/versions/",
    "/kk/privacy/versions/1/",
    "/ru/privacy/versions/1.json",
    "/en/privacy/updates/",
    "/en/privacy/updates/feed/",
]
SECRET_BEARING_URLS = ["/kk/contact/", "/en/privacy/requests/"]


def vary(response):
    return {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}


@pytest.fixture(params=[True, False], ids=["page-cache-on", "page-cache-off"])
def page_cache(request, settings):
    settings.PAGE_CACHE_ENABLED = request.param
    return request.param


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_vary_on_nothing_per_visitor(client, policy_pages, url):
    for _attempt in range(2):  # a miss and a hit
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert vary(response) <= {"accept-encoding"}, response.get("Vary")
        assert not response.cookies
        assert "public" in response["Cache-Control"]


def test_only_the_language_redirect_varies_on_accept_language(client, policy_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302 and response["Location"] == "/ru/"
    assert "accept-language" in vary(response)
    assert "accept-language" not in vary(client.get("/ru/"))


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_a_revalidation_with_the_etag_gets_a_304(client, policy_pages, page_cache, url):
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"')  # strong: the exact bytes
    for _attempt in range(2):  # a miss (or a render) and a hit (or another render)
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert revalidated.status_code == 304
        assert revalidated.content == b""
        assert revalidated["ETag"] == etag
    changed = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200 and changed.content == first.content


def test_the_gzipped_copy_has_a_weak_etag_that_still_revalidates(client, policy_pages, page_cache):
    zipped = client.get("/kk/privacy/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["ETag"].startswith('W/"')
    again = client.get("/kk/privacy/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"])
    assert again.status_code == 304


def test_a_version_as_data_is_named_by_its_snapshots_hash(client, policy_pages):
    snapshot = PolicySnapshot.objects.get(version__number=1, language="ru")
    response = client.get("/ru/privacy/versions/1.json")
    assert snapshot.sha256 in response["ETag"]
    assert client.get("/ru/privacy/versions/1.json", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_the_feed_revalidates_by_last_modified(client, policy_pages, page_cache):
    feed = client.get("/en/privacy/updates/feed/")
    last_modified = feed["Last-Modified"]
    for _attempt in range(2):
        assert (
            client.get("/en/privacy/updates/feed/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
        )


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_go_out_gzipped_to_those_who_take_it(client, policy_pages, page_cache, url):
    plain = client.get(url)
    for _attempt in range(2):
        zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert zipped["Content-Encoding"] == "gzip"
        assert "accept-encoding" in vary(zipped)
        assert gzip.decompress(zipped.content) == plain.content
        assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content)
    assert "Content-Encoding" not in plain


@pytest.mark.parametrize("url", SECRET_BEARING_URLS)
def test_pages_with_a_csrf_token_are_never_compressed(client, policy_pages, page_cache, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_pages_of_a_logged_in_user_are_never_compressed(client, policy_pages, page_cache):
    user = get_user_model().objects.create_superuser("editor", "editor@example.kz", "pw")
    client.force_login(user)
    response = client.get("/en/privacy/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert "public" not in response.get("Cache-Control", "")
