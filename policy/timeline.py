"""When each version takes effect, and so what is current, upcoming or recently changed at a moment.

"Current" is the latest version (by number) whose effective-from has passed; it is computed at request
time from this small, cached list, so a scheduled version becomes current at its moment with no deploy,
job or purge. Each entry also names the newest snapshot (edition) of each language, so the text to show
is known without a query. The list is kept in the shared cache (`core.caching`) and forgotten when a
version or a snapshot is created (`policy.signal_handlers`). Within one request it is read from the
cache once, so one request sees one timeline.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from asgiref.local import Local
from django.utils import timezone

from core.caching import SharedCache

RECENT_CHANGE_WINDOW = timedelta(days=30)

version_timeline = SharedCache(
    "timeline", "every policy version's number, effective-from and newest snapshot per language"
)


@dataclass(frozen=True)
class VersionEntry:
    id: int
    policy_key: str
    number: int
    effective_from: datetime
    is_material: bool
    latest_snapshots: tuple = ()  # (language, id of its newest snapshot) per language published

    def is_effective(self, at):
        return self.effective_from <= at

    def latest_snapshot_id(self, language):
        return dict(self.latest_snapshots).get(language)


_request = Local()  # the timeline as this request first read it (only while a request is served)


def begin_request(**kwargs):
    """Start memoising the timeline for the request being served (Django's request_started signal)."""
    _request.serving, _request.entries = True, None


def end_request(**kwargs):
    _request.serving, _request.entries = False, None


def timeline():
    """Every version of every policy, oldest first (cached; read once per request)."""
    if getattr(_request, "entries", None) is not None:
        return _request.entries
    entries = version_timeline.get("all", _read_timeline)
    if getattr(_request, "serving", False):
        _request.entries = entries
    return entries


def forget_timeline(**signal_kwargs):
    """Forget the timeline once the version or snapshot just written is committed."""
    version_timeline.forget()
    _request.entries = None


def _read_timeline():
    from policy.models import PolicySnapshot, PolicyVersion

    latest = {}  # version id -> {language: newest snapshot id}
    for version_id, language, snapshot_id in PolicySnapshot.objects.order_by(
        "version_id", "language", "sequence"
    ).values_list("version_id", "language", "id"):
        latest.setdefault(version_id, {})[language] = snapshot_id
    return [
        VersionEntry(
            row["id"],
            str(row["policy_key"]),
            row["number"],
            row["effective_from"],
            row["is_material"],
            tuple(sorted(latest.get(row["id"], {}).items())),
        )
        for row in PolicyVersion.objects.order_by("policy_key", "number").values(
            "id", "policy_key", "number", "effective_from", "is_material"
        )
    ]


def versions_of(policy_key):
    key = str(policy_key)
    return [entry for entry in timeline() if entry.policy_key == key]


def current(policy_key, at=None):
    at = at or timezone.now()
    effective = [entry for entry in versions_of(policy_key) if entry.is_effective(at)]
    return effective[-1] if effective else None


def upcoming(policy_key, at=None):
    """Versions published with an effective-from still ahead, soonest first."""
    at = at or timezone.now()
    later = [entry for entry in versions_of(policy_key) if not entry.is_effective(at)]
    return sorted(later, key=lambda entry: entry.effective_from)


def announced(policy_key, at=None):
    """The version the site-wide banner announces: an upcoming one, else one that became current in the
    last 30 days; None when there is nothing to announce."""
    at = at or timezone.now()
    soon = upcoming(policy_key, at)
    if soon:
        return soon[0]
    now_current = current(policy_key, at)
    if now_current and now_current.number > 1 and at - now_current.effective_from < RECENT_CHANGE_WINDOW:
        return now_current
    return None


def next_change_at(at=None):
    """The next moment what visitors see changes by itself: a version taking effect, or a banner ending."""
    at = at or timezone.now()
    moments = []
    for entry in timeline():
        moments.append(entry.effective_from)
        moments.append(entry.effective_from + RECENT_CHANGE_WINDOW)
    future = [moment for moment in moments if moment > at]
    return min(future) if future else None
