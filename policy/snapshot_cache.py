"""Frozen policy texts read from the shared cache: every consent form GET and POST needs one.

A snapshot (and its version) never changes after it is written (see `policy.immutable`), so a copy
cached under its id can never go stale and needs no invalidation. Which snapshot is the newest of a
language comes from the timeline, which is forgotten whenever a snapshot is created.
"""

from django.core.cache import cache

from policy import timeline
from policy.versioning import SOURCE_LANGUAGE

CACHE_KEY = "policy:snapshot:v1:{}"
CACHE_SECONDS = 24 * 60 * 60  # only to let texts nobody asks for any more leave the cache


def snapshot_by_id(snapshot_id):
    """The PolicySnapshot with its version and document, or None when there is no such snapshot."""
    from policy.models import PolicySnapshot

    key = CACHE_KEY.format(int(snapshot_id))
    snapshot = cache.get(key)
    if snapshot is None:
        snapshot = PolicySnapshot.objects.select_related("version").filter(pk=snapshot_id).first()
        if snapshot is not None:
            cache.set(key, snapshot, CACHE_SECONDS)
    return snapshot


def current_snapshot(policy_key, language, at=None):
    """The newest edition, in `language` (else the source language), of the version in force; or None."""
    entry = timeline.current(policy_key, at)
    if entry is None:
        return None
    snapshot_id = entry.latest_snapshot_id(language) or entry.latest_snapshot_id(SOURCE_LANGUAGE)
    return snapshot_by_id(snapshot_id) if snapshot_id else None
