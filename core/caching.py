"""One pattern for every shared cache of the site: entries stamped with their namespace's generation.

A `SharedCache` is a namespace of entries that are forgotten together (the policy timeline, the Site of
each host, the policy page of each language …). The namespace's *generation* is a random token kept in
the cache under its own key. A reader fetches the generation and the entry in one round trip, uses the
entry only when it carries the current generation, and otherwise computes the answer and stores it
stamped with the generation it saw *before* it read the database.

`forget()` gives the namespace a new generation when the transaction that changed the data commits
(at once outside a transaction). So there is no window for a stale answer:

- a reader racing the commit saw the old generation before reading the database, so whatever it stores
  carries the old generation and is never used again;
- a reader starting after the commit sees the new generation and reads committed data;
- inside the writing transaction itself, reads of the namespace bypass the cache (the cache holds the
  answer from before the transaction);
- entries are separate keys, never one dict updated by read-modify-write, so no reader can write back
  an entry it read before a forget.

Within one request an entry is read from the cache once (`begin_request`/`end_request`, connected to
Django's request signals): the templates, the routing and the views ask for the same policy page or
company details several times, and each read was a round trip to Redis. `forget()` drops the
namespace's reads of the current request too.

A generation is random, not a counter: if the cache evicts the generation key, a new random token makes
every older entry unusable instead of reviving one. Entries live `LIFETIME` at most, which bounds what a
write that bypasses Django's signals (a `QuerySet.update`, raw SQL) can leave behind. docs/architecture.md
lists every namespace of the site, what it holds and what forgets it.

When the cache server is unreachable, its errors are misses (`core.resilient_cache`): every `get`
computes its answer from the database and nothing is stored. A `forget()` in that time cannot reach
the server, so when it answers again every namespace gets a new generation (`forget_everything`).
"""

import logging
import secrets
import threading

from asgiref.local import Local
from django.core.cache import cache
from django.db import connection, transaction

from core.resilient_cache import on_recovery

LIFETIME = 60 * 60  # seconds; the one lifetime of every shared cache entry
KEY_PREFIX = "edna:v1"

logger = logging.getLogger(__name__)
_open_writes = threading.local()  # namespaces changed by this thread's open transaction
_request = Local()  # {(namespace, key): value} read during the request being served (None outside one)


def begin_request(**kwargs):
    """Start remembering this request's reads (Django's request_started signal)."""
    _request.reads = {}


def end_request(**kwargs):
    """Stop remembering them (request_finished)."""
    _request.reads = None


class SharedCache:
    """A namespace of cached answers that are forgotten together (see the module's docstring)."""

    registry = {}

    def __init__(self, namespace, description=""):
        self.namespace = namespace
        self.description = description
        self.generation_key = f"{KEY_PREFIX}:{namespace}:generation"
        SharedCache.registry[namespace] = self

    def __repr__(self):
        return f"SharedCache({self.namespace!r})"

    def entry_key(self, key):
        return f"{KEY_PREFIX}:{self.namespace}:entry:{key}"

    def get(self, key, compute):
        """The answer cached under `key`, or `compute()` (then stored) when there is no current one."""
        if self._changed_in_open_transaction():
            return compute()
        reads = getattr(_request, "reads", None)
        if reads is None:
            return self._get(key, compute)
        read_key = (self.namespace, key)
        if read_key not in reads:
            reads[read_key] = self._get(key, compute)
        return reads[read_key]

    def prefetch(self, keys):
        """Read several entries in one round trip, for the `get`s of this request that follow (which then
        use the current ones without a round trip each). Does nothing outside a request."""
        reads = getattr(_request, "reads", None)
        if reads is None or self._changed_in_open_transaction():
            return
        wanted = [key for key in keys if (self.namespace, key) not in reads]
        if not wanted:
            return
        found = cache.get_many([self.generation_key, *map(self.entry_key, wanted)])
        generation = found.get(self.generation_key)
        if generation is None:
            return
        for key in wanted:
            entry = found.get(self.entry_key(key))
            if entry is not None and entry[0] == generation:
                reads[(self.namespace, key)] = entry[1]

    def _get(self, key, compute):
        entry_key = self.entry_key(key)
        found = cache.get_many([self.generation_key, entry_key])
        generation = found.get(self.generation_key) or self._start_generation()
        entry = found.get(entry_key)
        if entry is not None and entry[0] == generation:
            return entry[1]
        value = compute()
        if generation is not None:  # None: the cache is unreachable
            cache.set(entry_key, (generation, value), LIFETIME)
        return value

    def forget(self, **signal_kwargs):
        """Forget every entry of the namespace once the current transaction commits (usable as a
        signal receiver)."""
        reads = getattr(_request, "reads", None)
        if reads:
            for read_key in [read_key for read_key in reads if read_key[0] == self.namespace]:
                del reads[read_key]
        if connection.in_atomic_block:
            _changed_namespaces().add(self.namespace)
            transaction.on_commit(self._new_generation)
        else:
            self._new_generation()

    def _new_generation(self):
        _changed_namespaces().discard(self.namespace)
        cache.set(self.generation_key, secrets.token_hex(8), None)

    def _start_generation(self):
        cache.add(self.generation_key, secrets.token_hex(8), None)
        return cache.get(self.generation_key)

    def _changed_in_open_transaction(self):
        changed = _changed_namespaces()
        if self.namespace not in changed:
            return False
        if connection.in_atomic_block:
            return True
        changed.clear()  # the transaction that changed it was rolled back
        return False


def _changed_namespaces():
    if not hasattr(_open_writes, "namespaces"):
        _open_writes.namespaces = set()
    return _open_writes.namespaces


@on_recovery
def forget_everything():
    """Give every namespace a new generation: after a cache outage, during which a `forget()` could not
    reach the cache server, which may still hold the entries from before it."""
    cache.set_many(
        {shared.generation_key: secrets.token_hex(8) for shared in SharedCache.registry.values()}, None
    )


def forget_open_transaction_marks():
    """For test isolation: a test's transaction is rolled back, never committed."""
    _changed_namespaces().clear()
