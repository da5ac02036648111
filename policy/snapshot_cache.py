"""Frozen policy texts read from the shared cache: every consent form GET and POST needs one.

A snapshot (and its version) never changes after it is written (see `policy.immutable`), so it is kept
in the shared cache under its id (`core.caching`). The namespace is forgotten when a snapshot is created,
only so that an id asked for before its snapshot existed is not remembered as missing. Which snapshot is
the newest of a language comes from the timeline, which is forgotten at the same moment.
"""

from core.caching import SharedCache
from policy import timeline
from policy.versioning import SOURCE_LANGUAGE

snapshots = SharedCache("snapshots", "each frozen policy snapshot (with its version) by id")


def snapshot_by_id(snapshot_id):
    """The PolicySnapshot with its version and document, or None when there is no such snapshot."""
    from policy.models import PolicySnapshot

    return snapshots.get(
        f"id:{int(snapshot_id)}",
        lambda: PolicySnapshot.objects.select_related("version").filter(pk=snapshot_id).first(),
    )


def current_snapshot(policy_key, language, at=None):
    """The newest edition, in `language` (else the source language), of the version in force; or None."""
    entry = timeline.current(policy_key, at)
    if entry is None:
        return None
    snapshot_id = entry.latest_snapshot_id(language) or entry.latest_snapshot_id(SOURCE_LANGUAGE)
    return snapshot_by_id(snapshot_id) if snapshot_id else None
