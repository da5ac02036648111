"""Publishing tells the CDN what to forget: the policy's pages in every language, and notice listings."""

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from policy.models import PolicyUpdateIndexPage, PolicyUpdatePage
from tests.policy.helpers import change_first_purpose, publish

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.policy.test_cache_purge.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def test_publishing_a_version_purges_the_policy_pages_in_every_language(
    policy_pages, purged, django_capture_on_commit_callbacks
):
    kk = change_first_purpose(policy_pages["kk"], "Жаңа мақсат")
    with django_capture_on_commit_callbacks(execute=True):
        publish(kk, summary="Екінші нұсқа", material=True)
    paths = {url.split("://", 1)[1].split("/", 1)[1] for url in purged}
    for language in ("kk", "ru", "en"):
        for path in ("privacy/", "privacy/versions/", "privacy/versions/2/", "privacy/versions/2.json"):
            assert f"{language}/{path}" in paths
        assert f"{language}/privacy/compare/1/2/" in paths
        assert f"{language}/privacy/updates/" in paths  # the new notice is listed there
        assert f"{language}/privacy/updates/feed/" in paths


def test_unpublishing_a_notice_purges_its_listing(policy_pages, purged, django_capture_on_commit_callbacks):
    kk = change_first_purpose(policy_pages["kk"], "Жаңа мақсат")
    with django_capture_on_commit_callbacks(execute=True):
        publish(kk, summary="Екінші нұсқа")
    notice = PolicyUpdatePage.objects.live().filter(locale__language_code="en").first()
    purged.clear()
    notice.unpublish()
    assert any(url.endswith("/en/privacy/updates/feed/") for url in purged)
    index = PolicyUpdateIndexPage.objects.get(locale__language_code="en")
    assert index.get_cached_paths() == ["/", "feed/"]


def test_without_a_configured_cdn_nothing_is_purged(policy_pages, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    publish(change_first_purpose(policy_pages["kk"], "Жаңа мақсат"), summary="Екінші нұсқа")
    assert PURGED == []
