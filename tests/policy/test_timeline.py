"""The cached timeline: read once per request, and never stale after a version or snapshot is written."""

from datetime import timedelta

import time_machine
from django.core.cache import cache
from django.utils import timezone

from policy import timeline
from tests.policy.helpers import make_versions


def count_timeline_reads(monkeypatch):
    reads = []
    original = cache.get

    def counting_get(key, *args, **kwargs):
        if key == timeline.CACHE_KEY:
            reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
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


def test_a_stale_timeline_left_by_a_racing_reader_expires_within_minutes(policy_pages):
    key = policy_pages["kk"].translation_key
    (entry,) = timeline.versions_of(key)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        cache.set(timeline.CACHE_KEY, [], timeline.CACHE_SECONDS)  # as if stored just before a commit
        assert timeline.versions_of(key) == []
        clock.shift(timedelta(seconds=timeline.CACHE_SECONDS + 1))
        assert timeline.versions_of(key) == [entry]
