"""Django's Redis cache, for which Redis being away is a miss, not an error page.

The shared cache only saves work: every answer it holds can be computed again from the database. So
when Redis cannot be reached (stopped, restarting, the network gone), `ResilientRedisCache` answers
reads with a miss and drops writes, and the site keeps serving from PostgreSQL. Three rules make that
safe and cheap:

- **Logged once per outage.** The first failed command logs a warning; the others are silent until
  Redis answers again, which is logged once too.
- **No waiting on a dead server.** After a failure the cache is not asked again for `RETRY_AFTER`
  seconds (every command in that time is a miss at once); then the next command tries, so the cache
  comes back by itself within seconds of Redis. Give the connection short timeouts in OPTIONS
  (`socket_connect_timeout`, `socket_timeout`) so a server that does not answer at all costs at most
  that once per `RETRY_AFTER`.
- **Nothing stale after it.** A namespace forgotten during the outage (a publish) could not give its
  new generation to Redis, and Redis may come back with the old entries (a network cut, not a restart).
  So every process that noticed the outage runs the recovery callbacks when Redis answers again;
  `core.caching` registers one that gives every shared-cache namespace a new generation.

Increments are the exception to "a miss": `incr` and `decr` return None during an outage, which
django-ratelimit reads as "the cache failed" (see `core.rate_limits`, which then refuses the form with
a 503 rather than letting every request through unlimited).
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 2.0  # seconds a failed cache is left alone before the next command tries it again

_recovery_callbacks = []


def on_recovery(callback):
    """Call `callback()` in this process whenever a cache it saw fail answers again."""
    _recovery_callbacks.append(callback)
    return callback


class _Reachability:
    """Whether one Redis location is reachable, shared by the threads of a process (Django gives
    each thread its own cache object, so this lives outside them)."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0

    def skip(self):
        """True while the cache failed less than RETRY_AFTER seconds ago."""
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        with self.lock:
            first = self.down_since is None
            now = time.monotonic()
            if first:
                self.down_since = now
            self.retry_at = now + RETRY_AFTER
        if first:
            logger.warning(
                "Cache %s unreachable (%s: %s): serving without it, trying again every %.0f s",
                self.location,
                type(error).__name__,
                error,
                RETRY_AFTER,
            )

    def answered(self):
        """Note that the cache answered; True when that ends an outage (the recovery callbacks ran)."""
        if self.down_since is None:
            return False
        with self.lock:
            if self.down_since is None:
                return False
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning("Cache %s reachable again after %.0f s", self.location, seconds)
        for callback in list(_recovery_callbacks):
            try:
                callback()
            except Exception:  # noqa: BLE001 - a callback must not turn a recovery into an error page
                logger.exception("Cache recovery callback %r failed", callback)
        return True


_reachability = {}
_reachability_lock = threading.Lock()


def reachability(location):
    with _reachability_lock:
        return _reachability.setdefault(location, _Reachability(location))


def is_down(location):
    """Whether this process currently treats the cache at `location` as unreachable."""
    state = _reachability.get(location)
    return state is not None and state.down_since is not None


def _miss_when_unreachable(name, miss, read=False):
    """A method calling RedisCache's `name`, answering `miss()` when Redis is unreachable. A `read`
    that ends an outage is a miss too: what it read predates the recovery callbacks' forgetting."""
    original = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        state = self._reachability
        if state.skip():
            return miss(*args, **kwargs)
        try:
            result = original(self, *args, **kwargs)
        except RedisError as error:
            state.failed(error)
            return miss(*args, **kwargs)
        if state.answered() and read:
            return miss(*args, **kwargs)
        return result

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or a miss while Redis is unreachable."
    return method


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client, reusing one `redis.Redis` per connection pool: Django builds a new one for
    every command, which cost about a fifth of the CPU of a page served from the cache. A `redis.Redis`
    keeps no per-command state (each command takes a connection from the pool), so one serves all."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if pool not in clients:
            clients[pool] = self._client(connection_pool=pool)
        return clients[pool]


class ResilientRedisCache(RedisCache):
    """django.core.cache.backends.redis.RedisCache whose failures are misses (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._reachability = reachability(server if isinstance(server, str) else ",".join(server))

    _get = _miss_when_unreachable("get", lambda key, default=None, *args, **kwargs: default, read=True)

    def get(self, key, default=None, version=None):
        return self._get(key, default, version)

    get_many = _miss_when_unreachable("get_many", lambda *args, **kwargs: {}, read=True)
    set = _miss_when_unreachable("set", _nothing)
    set_many = _miss_when_unreachable("set_many", lambda data, *args, **kwargs: list(data))  # all failed
    add = _miss_when_unreachable("add", _false)
    touch = _miss_when_unreachable("touch", _false)
    delete = _miss_when_unreachable("delete", _false)
    delete_many = _miss_when_unreachable("delete_many", _nothing)
    has_key = _miss_when_unreachable("has_key", _false, read=True)
    incr = _miss_when_unreachable("incr", _nothing)  # BaseCache.decr calls incr
    clear = _miss_when_unreachable("clear", _nothing)
