"""The cached timeline: read once per request, and never stale after a version or snapshot is written."""

import pytest
from django.core.cache import cache

from policy import timeline
from tests.policy.helpers import make_versions


def count_timeline_reads(monkeypatch):
    reads = []
    original = cache.get_many

    def counting_get_many(keys, *args, **kwargs):
        if timeline.version_timeline.generation_key in keys:
            reads.append(keys)
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counting_get_many)
    return reads


def test_a_page_reads_the_cached_timeline_once(client, policy_pages, monkeypatch):
    client.get("/kk/privacy/")  # fills the cache
    reads = count_timeline_reads(monkeypatch)
    response = client.get("/kk/privacy/")  # view, banner and Cache-Control all look at the timeline
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]
    assert len(reads) == 1


def test_a_new_version_is_seen_by_the_next_request(client, policy_pages, django_capture_on_commit_callbacks):
    assert [entry.number for entry in timeline.versions_of(policy_pages["kk"].translation_key)] == [1]
    with django_capture_on_commit_callbacks(execute=True):
        make_versions(policy_pages["kk"], 1)
    assert [entry.number for entry in timeline.versions_of(policy_pages["kk"].translation_key)] == [1, 2]
    assert "/kk/privacy/versions/2/" in client.get("/kk/privacy/versions/").content.decode()


def test_entries_name_the_newest_snapshot_of_each_language(policy_pages):
    (entry,) = timeline.versions_of(policy_pages["kk"].translation_key)
    assert {language for language, _id in entry.latest_snapshots} == {"kk", "ru", "en"}
    assert entry.latest_snapshot_id("de") is None


def test_a_reader_racing_a_publish_cannot_keep_the_old_timeline(client, policy_pages, on_commit):
    """A request reads the timeline just before a new version commits and stores what it read after
    the commit: the next request still sees the new version, and forms bind consents to it."""
    key = policy_pages["kk"].translation_key

    def read_then_let_the_publish_commit():
        entries = timeline._read_timeline()  # what the racing request read: version 1 only
        with on_commit():
            make_versions(policy_pages["kk"], 1)
        return entries

    stale = timeline.version_timeline.get("all", read_then_let_the_publish_commit)
    assert [entry.number for entry in stale] == [1]
    assert [entry.number for entry in timeline.versions_of(key)] == [1, 2]
    assert "/kk/privacy/versions/2/" in client.get("/kk/contact/").content.decode()


def test_inside_the_publishing_transaction_the_timeline_is_read_from_the_database(policy_pages):
    key = policy_pages["kk"].translation_key
    assert [entry.number for entry in timeline.versions_of(key)] == [1]  # cached
    make_versions(policy_pages["kk"], 1)  # not committed: the test's transaction is still open
    assert [entry.number for entry in timeline.versions_of(key)] == [1, 2]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)
